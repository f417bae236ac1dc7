"""The demo online petition: the code and password `load_demo` prints open an answered matter that the
visitor can rate; loading again creates nothing twice."""

import pytest

from minsheng.petitions.demo import build_demo
from minsheng.petitions.models import Channel, Matter
from minsheng.portal.demo import portal_demo_load
from minsheng.portal.models import OnlineAccess

pytestmark = pytest.mark.django_db


def test_the_printed_code_opens_the_answered_demo_petition(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    build_demo(matters=0)
    demo = portal_demo_load()
    assert demo is not None and demo.created
    matter = Matter.objects.get()
    assert matter.status == Matter.Status.REPLIED
    assert matter.submissions.get().channel == Channel.ONLINE

    response = client.post("/public/track/", {"query_code": demo.query_code, "password": demo.password})
    assert response.status_code == 302
    page = client.get("/public/track/matter/").content.decode()
    assert matter.number in page and "云中镇" in page and "更换老化接口" in page

    response = client.post("/public/track/rate/", {"value": "satisfied", "comment": ""})
    assert response.status_code == 302
    assert matter.ratings.get().source == "petitioner"

    again = portal_demo_load()
    assert again is not None and not again.created
    assert OnlineAccess.objects.count() == 1 and Matter.objects.count() == 1


def test_without_the_demo_city_it_does_nothing(db):
    assert portal_demo_load() is None
    assert not OnlineAccess.objects.exists()
