"""The public page of answered, closed and published proposals: no login, and no phone or address."""

import pytest
from django.urls import reverse

from minsheng.proposals import services
from minsheng.proposals.models import Proposal

from .conftest import TITLE_67

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_67(cppcc, proposal_67_replied):
    services.proposal_rate(actor=cppcc.wang, proposal=proposal_67_replied, rating=Proposal.Rating.SATISFIED)
    proposal_67_replied.refresh_from_db()
    services.proposal_publish(actor=cppcc.office, proposal=proposal_67_replied)
    proposal_67_replied.refresh_from_db()
    return proposal_67_replied


def test_anyone_reads_a_published_proposal_and_its_reply_without_login(client, published_67):
    listing = client.get(reverse("proposals:public_list"))
    assert listing.status_code == 200
    page = listing.content.decode()
    assert TITLE_67 in page and "第 67 号" in page and "二届二次会议" in page and "王旭东" in page

    detail = client.get(reverse("proposals:public_detail", args=[published_67.public_id]))
    assert detail.status_code == 200
    page = detail.content.decode()
    for expected in (
        TITLE_67,
        "第 67 号",
        "二届二次会议",
        "王旭东",
        "怀仁一中仁德校区德育处主任",
        "王旭东委员：",
        "联席专题会议 11 次",
        "怀仁市信访局",
    ):
        assert expected in page, expected


def test_the_public_page_never_shows_the_proposers_phone_or_address(client, published_67):
    pages = [
        client.get(reverse("proposals:public_list")).content.decode(),
        client.get(reverse("proposals:public_detail", args=[published_67.public_id])).content.decode(),
    ]
    for page in pages:
        assert "13934561234" not in page and "1393456" not in page and "****1234" not in page
        assert "仁德路" not in page
        # Nor the internal parts: the handling report, the review opinion, the leader's instruction.
        assert "已书面答复提案人" not in page
        assert "同意立案" not in page and "请市信访局认真研究办理" not in page


def test_a_replied_but_unpublished_proposal_is_not_public(client, proposal_67_replied):
    assert TITLE_67 not in client.get(reverse("proposals:public_list")).content.decode()
    url = reverse("proposals:public_detail", args=[proposal_67_replied.public_id])
    assert client.get(url).status_code == 404


def test_the_public_list_finds_a_proposal_by_its_proposer(client, published_67):
    assert TITLE_67 in client.get(reverse("proposals:public_list"), {"q": "王旭东"}).content.decode()
    assert TITLE_67 not in client.get(reverse("proposals:public_list"), {"q": "李梅"}).content.decode()


def test_only_the_office_publishes(client, cppcc, proposal_67_replied):
    services.proposal_rate(actor=cppcc.wang, proposal=proposal_67_replied, rating=Proposal.Rating.SATISFIED)
    client.force_login(cppcc.wang)
    response = client.post(reverse("proposals:publish", args=[proposal_67_replied.pk]))
    assert response.status_code == 403
    proposal_67_replied.refresh_from_db()
    assert proposal_67_replied.published_at is None
    client.force_login(cppcc.office)
    response = client.post(reverse("proposals:publish", args=[proposal_67_replied.pk]))
    assert response.status_code == 302
    proposal_67_replied.refresh_from_db()
    assert proposal_67_replied.published_at is not None
