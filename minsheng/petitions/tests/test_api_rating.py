"""POST /api/v1/matters/{id}/rating records the petitioner's rating, as the matter page does."""

from minsheng.petitions.models import Rating
from minsheng.supervision.models import SupervisionItem

from .ratings import counts, replied_matter
from .workflow_steps import open_matter


def post(client, matter, body):
    return client.post(f"/api/v1/matters/{matter.pk}/rating", body, content_type="application/json")


def test_it_records_and_replaces_a_rating(api_client_for, city, register):
    matter = replied_matter(city, register)
    client = api_client_for(city.yunzhong_handler)

    first = post(client, matter, {"value": "unsatisfied", "comment": "补偿标准过低"})
    second = post(client, matter, {"value": "basically_satisfied"})

    assert first.status_code == 200, first.json()
    body = first.json()
    rating = Rating.objects.get(pk=body["id"])
    assert body["matter_id"] == matter.pk
    assert body["reply_id"] == rating.reply_id
    assert (body["value"], body["comment"], body["source"]) == ("unsatisfied", "补偿标准过低", "staff")
    assert body["recorded_by_id"] == city.yunzhong_handler.pk
    assert body["recorded_at"].endswith("+08:00")
    assert second.status_code == 200
    assert second.json()["is_current"] is True
    assert list(Rating.objects.filter(is_current=True).values_list("pk", flat=True)) == [second.json()["id"]]
    assert SupervisionItem.objects.filter(matter=matter, kind="unsatisfied").count() == 1


def test_it_answers_422_for_a_bad_value_or_a_matter_without_a_reply(api_client_for, city, register):
    client = api_client_for(city.supervisor)
    replied = replied_matter(city, register)
    unanswered = open_matter(register)
    before = counts()

    bad_value = post(client, replied, {"value": "great"})
    no_reason = post(client, replied, {"value": "unsatisfied"})
    too_early = post(client, unanswered, {"value": "satisfied"})

    assert bad_value.status_code == 422
    assert "value" in bad_value.json()["errors"]
    assert no_reason.status_code == 422
    assert no_reason.json()["errors"]["comment"] == ["评价为不满意的，请记录信访人不满意的理由"]
    assert too_early.status_code == 422
    assert "status" in too_early.json()["errors"]
    assert counts() == before


def test_it_answers_403_for_a_leader_and_404_for_a_matter_out_of_sight(api_client_for, city, register):
    matter = replied_matter(city, register)
    before = counts()

    leader = post(api_client_for(city.leader), matter, {"value": "satisfied"})
    elsewhere = post(api_client_for(city.jinshatan_handler), matter, {"value": "satisfied"})

    assert leader.status_code == 403
    assert leader.json()["detail"] == "您的角色无权记录满意度评价"
    assert elsewhere.status_code == 404
    assert counts() == before
