"""A unit sees the items whose notices are addressed to it — and nothing else — and gives its written
feedback on the item's page."""

import datetime as dt

import pytest

from minsheng.supervision import selectors, services
from minsheng.supervision.models import SupervisionFeedback
from minsheng.supervision.services import deadlines_sweep

from .conftest import TODAY
from .notices import D


@pytest.fixture
def notices(city, matters):
    """A reminder to 云中镇 about 超期十日 and one to 住建局 about 超期一日; 今日到期 (the bureau's own
    routing deadline, one day later) has an item but no notice."""
    deadlines_sweep(today=TODAY + dt.timedelta(days=1))
    items = {i.matter.title: i for i in selectors.supervision_items_open(user=city.supervisor)}
    yunzhong = services.supervision_notice_issue(
        actor=city.supervisor,
        item=items["超期十日"],
        level="reminder",
        feedback_due_on=D(2026, 6, 20),
        on=D(2026, 6, 16),
    )
    housing = services.supervision_notice_issue(
        actor=city.supervisor,
        item=items["超期一日"],
        level="reminder",
        feedback_due_on=D(2026, 6, 20),
        on=D(2026, 6, 16),
    )
    return yunzhong, housing, items


def test_a_township_handler_sees_only_the_items_addressed_to_its_unit(city, notices):
    yunzhong, housing, items = notices

    assert list(selectors.unit_items(user=city.yunzhong_handler)) == [yunzhong.item]
    assert list(selectors.unit_items(user=city.housing_handler)) == [housing.item]
    assert not selectors.unit_items(user=city.jinshatan_handler).exists()
    assert not selectors.unit_items(user=city.registrar).exists()
    # The bureau's own item without a notice is not on any unit's list, not even the bureau's.
    assert items["今日到期"] not in selectors.unit_items(user=city.supervisor)


def test_the_unit_page_lists_its_items_with_their_notices(client, city, notices):
    yunzhong, housing, _items = notices
    client.force_login(city.yunzhong_handler)

    html = client.get("/supervision/unit/").content.decode()

    assert yunzhong.number in html and yunzhong.item.matter.title in html
    assert housing.item.matter.title not in html
    assert f'href="/supervision/notices/{yunzhong.pk}/pdf/"' in html


def test_the_unit_gives_feedback_on_the_items_page(client, city, notices):
    yunzhong, _housing, _items = notices
    client.force_login(city.yunzhong_handler)
    page = client.get(f"/supervision/{yunzhong.item_id}/").content.decode()
    assert f'action="/supervision/notices/{yunzhong.pk}/feedback/"' in page
    assert "督办记录" not in page  # the bureau's own notes stay with the bureau

    empty = client.post(f"/supervision/notices/{yunzhong.pk}/feedback/", {"text": "   "})
    done = client.post(f"/supervision/notices/{yunzhong.pk}/feedback/", {"text": "已约见信访人"})

    assert empty.status_code == 422 and "这个字段是必填项" in empty.content.decode()
    assert done.status_code == 302
    assert SupervisionFeedback.objects.get().text == "已约见信访人"


def test_another_unit_gets_404_for_the_item_its_notice_and_its_document(client, city, notices):
    yunzhong, _housing, _items = notices
    client.force_login(city.jinshatan_handler)

    assert client.get(f"/supervision/{yunzhong.item_id}/").status_code == 404
    assert client.get(f"/supervision/notices/{yunzhong.pk}/pdf/").status_code == 404
    assert client.post(f"/supervision/notices/{yunzhong.pk}/feedback/", {"text": "x"}).status_code == 404
    assert not SupervisionFeedback.objects.exists()


def test_the_addressed_unit_downloads_its_notice_as_pdf(client, city, notices):
    yunzhong, _housing, _items = notices
    client.force_login(city.yunzhong_handler)

    response = client.get(f"/supervision/notices/{yunzhong.pk}/pdf/")
    preview = client.get(f"/supervision/notices/{yunzhong.pk}/preview/").content.decode()

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "督办通知书" in preview and "云中镇：" in preview and "怀信督〔2026〕1号" in preview


def test_a_township_supervisor_also_sees_its_units_list(city, people, notices):
    assert [i.pk for i in selectors.unit_items(user=people.yunzhong_supervisor)] == [notices[0].item_id]
