"""Who is responsible for a deadline: the upper level for a review, the bureau where the upper level has
no staff, and never a township for an accusation (Art 30)."""

from minsheng.accounts.models import Role
from minsheng.petitions.models import Matter, Nature
from minsheng.petitions.tests.workflow_steps import open_matter, staff, take

from .conftest import TODAY, due
from .sweeping import queued, sweep


def test_it_reminds_the_bureau_of_a_review_for_a_city_level_unit(
    city, register, django_capture_on_commit_callbacks
):
    matter = due(take(city, open_matter(register, title="复查"), to=Matter.Status.REVIEW_REQUESTED), 2)

    sweep(django_capture_on_commit_callbacks, TODAY)

    # 云中镇's upper level is the city, whose review the bureau records: not 云中镇 itself.
    assert matter.due_kind == "review"
    assert queued() == {("复查", "duban", "in_app", "soon")}


def test_it_reminds_the_township_of_a_review_of_its_village(
    city, register, django_capture_on_commit_callbacks
):
    village_handler = staff(city.yunzhong_village, "dg_chengban")
    matter = take(
        city,
        open_matter(register, title="村级复查"),
        to=Matter.Status.REVIEW_REQUESTED,
        unit=city.yunzhong_village,
        handler=village_handler,
    )
    due(matter, -1)

    sweep(django_capture_on_commit_callbacks, TODAY)

    assert queued() == {("村级复查", "yz_chengban", "in_app", "overdue")}


def test_it_reminds_the_bureau_not_the_township_of_an_accusation_registered_there(
    city, register, django_capture_on_commit_callbacks
):
    staff(city.yunzhong, "yz_duban", role=Role.SUPERVISOR)
    matter = register(
        actor=city.yunzhong_registrar, title="检举村干部侵占补助款", nature=Nature.ACCUSATION
    ).matter
    due(matter, 3)

    sweep(django_capture_on_commit_callbacks, TODAY)

    assert matter.due_kind == "accept" and matter.receiving_org == city.yunzhong
    assert queued() == {("检举村干部侵占补助款", "duban", "in_app", "soon")}


def test_it_reminds_the_discipline_organ_of_an_accusation_it_handles(
    city, register, django_capture_on_commit_callbacks
):
    matter = open_matter(register, title="检举", nature=Nature.ACCUSATION, concerned_org=city.yunzhong)
    matter = due(take(city, matter, to=Matter.Status.TRANSFERRED, unit=city.discipline), 0)

    sweep(django_capture_on_commit_callbacks, TODAY)

    assert queued() == {("检举", "jw_chengban", "in_app", "soon")}
