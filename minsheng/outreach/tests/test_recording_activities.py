"""Recording, correcting and deleting publicity activities: who may, and what is checked."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from minsheng.outreach.models import Activity, ActivityKind
from minsheng.outreach.services import activity_delete, activity_update

from .conftest import DAY


def test_it_records_an_activity_for_the_actors_own_organisation(city, record):
    activity = record(title="条例宣传月启动仪式", kind=ActivityKind.REGULATIONS_MONTH, description="发放手册")

    activity.refresh_from_db()
    assert activity.organiser == city.bureau
    assert (activity.held_on, activity.place, activity.kind) == (DAY, "群众来访服务中心", "regulations_month")
    assert (
        activity.materials_distributed,
        activity.questionnaires_collected,
        activity.consultations_answered,
        activity.people_reached,
    ) == (100, 20, 15, 60)
    assert activity.recorded_by == city.registrar
    assert activity.display_title == "条例宣传月启动仪式"


def test_an_activity_without_a_name_is_shown_by_its_kind_and_place(record):
    assert record(kind=ActivityKind.BANNER, place="东关村").display_title == "悬挂条幅 · 东关村"


def test_a_township_records_for_itself_and_for_its_villages(city, record):
    own = record(actor=city.yunzhong_handler)
    village = record(
        actor=city.yunzhong_registrar, organiser=city.yunzhong_village, kind=ActivityKind.DOOR_TO_DOOR
    )

    assert own.organiser == city.yunzhong
    assert village.organiser == city.yunzhong_village


def test_it_refuses_an_activity_of_another_township(city, record):
    with pytest.raises(ValidationError) as exc:
        record(actor=city.yunzhong_handler, organiser=city.jinshatan)

    assert exc.value.message_dict == {"organiser": ["您不能为“金沙滩镇”登记宣传活动"]}
    assert not Activity.objects.exists()


def test_the_bureau_cannot_record_in_a_townships_name(city, record):
    with pytest.raises(ValidationError) as exc:
        record(organiser=city.yunzhong)

    assert "organiser" in exc.value.message_dict


@pytest.mark.parametrize("who", ["lawyer", "leader", "housing_handler", "discipline_handler"])
def test_it_refuses_users_who_do_not_organise_publicity(city, record, who):
    with pytest.raises(PermissionDenied):
        record(actor=getattr(city, who))

    assert not Activity.objects.exists()


def test_bad_input_is_refused_field_by_field_and_nothing_is_saved(city, record):
    with pytest.raises(ValidationError) as exc:
        record(
            held_on=timezone.localdate() + dt.timedelta(days=1),
            place="  ",
            kind="parade",
            title="名" * 201,
            description="很" * 5001,
            materials_distributed=-1,
            questionnaires_collected=1_000_001,
            consultations_answered="many",
            people_reached=True,
        )

    errors = exc.value.message_dict
    assert errors["held_on"] == ["活动日期不能晚于今天：请在活动举办后登记"]
    assert errors["place"] == ["请填写活动地点"]
    assert errors["kind"] == ["请选择宣传形式"]
    assert errors["title"] == ["活动名称不能超过 200 个字"]
    assert errors["description"] == ["活动内容不能超过 5000 个字"]
    assert errors["materials_distributed"] == ["不能为负数"]
    assert errors["questionnaires_collected"] == ["不能超过 1000000"]
    assert errors["consultations_answered"] == ["请填写整数"]
    assert errors["people_reached"] == ["请填写整数"]
    assert not Activity.objects.exists()


def test_it_refuses_a_missing_date_or_one_before_2000(record):
    with pytest.raises(ValidationError) as missing:
        record(held_on=None)
    with pytest.raises(ValidationError) as ancient:
        record(held_on=dt.date(1999, 12, 31))

    assert missing.value.message_dict["held_on"] == ["请填写活动日期"]
    assert ancient.value.message_dict["held_on"] == ["活动日期不能早于 2000-01-01"]


def test_an_activity_held_today_is_accepted(record):
    assert record(held_on=timezone.localdate()).pk


def _update(activity, actor, **changes):
    values = {
        "held_on": activity.held_on,
        "place": activity.place,
        "kind": activity.kind,
        "organiser": activity.organiser,
        "title": activity.title,
        "description": activity.description,
        "materials_distributed": activity.materials_distributed,
        "questionnaires_collected": activity.questionnaires_collected,
        "consultations_answered": activity.consultations_answered,
        "people_reached": activity.people_reached,
        "questionnaire": activity.questionnaire,
    }
    values.update(changes)
    return activity_update(actor=actor, activity=activity, **values)


def test_staff_of_the_organiser_correct_an_activity(city, record):
    activity = record(actor=city.yunzhong_handler)

    _update(activity, city.yunzhong_registrar, materials_distributed=250, place="云中镇政府广场")

    activity.refresh_from_db()
    assert (activity.materials_distributed, activity.place) == (250, "云中镇政府广场")
    assert activity.updated_by == city.yunzhong_registrar
    assert activity.recorded_by == city.yunzhong_handler


def test_another_township_cannot_correct_or_delete_an_activity(city, record):
    activity = record(actor=city.yunzhong_handler)

    with pytest.raises(PermissionDenied):
        _update(activity, city.jinshatan_handler, materials_distributed=1)
    with pytest.raises(PermissionDenied):
        activity_delete(actor=city.jinshatan_handler, activity=activity)

    activity.refresh_from_db()
    assert activity.materials_distributed == 100


def test_a_correction_with_bad_input_changes_nothing(city, record):
    activity = record()

    with pytest.raises(ValidationError):
        _update(activity, city.registrar, place="", materials_distributed=5)

    activity.refresh_from_db()
    assert (activity.place, activity.materials_distributed) == ("群众来访服务中心", 100)


def test_an_activity_recorded_by_mistake_is_deleted(city, record):
    activity = record()

    activity_delete(actor=city.supervisor, activity=activity)

    assert not Activity.objects.exists()
