"""The matter page offers the rating as a step once there is a reply, and shows the current rating."""

from minsheng.petitions.models import Rating

from .ratings import replied_matter
from .workflow_steps import open_matter


def test_it_offers_the_rating_step_only_after_a_reply(client, city, register):
    replied = replied_matter(city, register)
    unanswered = open_matter(register)
    client.force_login(city.registrar)

    assert (
        f'action="/matters/{replied.pk}/steps/rate/"'
        in client.get(f"/matters/{replied.pk}/").content.decode()
    )
    assert "/steps/rate/" not in client.get(f"/matters/{unanswered.pk}/").content.decode()


def test_it_records_a_rating_from_the_page_and_shows_it(client, city, register):
    matter = replied_matter(city, register)
    client.force_login(city.yunzhong_handler)

    response = client.post(
        f"/matters/{matter.pk}/steps/rate/", {"rate-value": "basically_satisfied", "rate-comment": "基本解决"}
    )

    assert response.status_code == 302
    assert Rating.objects.get(matter=matter).value == "basically_satisfied"
    html = client.get(f"/matters/{matter.pk}/").content.decode()
    assert 'id="ratings"' in html
    assert "基本满意" in html and "基本解决" in html
    assert "工作人员代为记录（yz_chengban）" in html


def test_it_shows_which_rating_is_current_after_a_second_one(client, city, register):
    matter = replied_matter(city, register)
    client.force_login(city.registrar)
    client.post(f"/matters/{matter.pk}/steps/rate/", {"rate-value": "unsatisfied", "rate-comment": "不接受"})

    client.post(f"/matters/{matter.pk}/steps/rate/", {"rate-value": "satisfied", "rate-comment": ""})

    section = client.get(f"/matters/{matter.pk}/").content.decode().split('id="ratings"')[1]
    assert "<strong>满意</strong>" in section
    assert "不接受" not in section
    assert "此前评价过 1 次，以本次为准" in section


def test_it_shows_the_services_reason_when_the_rating_is_refused(client, city, register):
    matter = replied_matter(city, register)
    client.force_login(city.registrar)

    response = client.post(f"/matters/{matter.pk}/steps/rate/", {"rate-value": "unsatisfied"})

    assert response.status_code == 422
    assert "评价为不满意的，请记录信访人不满意的理由" in response.content.decode()
    assert not Rating.objects.exists()
