"""Everyone sees the activities of their own scope: the bureau and the leading bodies the whole city,
a township its own and its villages'."""

from minsheng.outreach.selectors import ActivityFilters, activities_visible_to, activity_list


def test_each_user_sees_the_activities_of_their_scope(city, record):
    bureau = record()
    yunzhong = record(actor=city.yunzhong_handler)
    village = record(actor=city.yunzhong_handler, organiser=city.yunzhong_village)
    jinshatan = record(actor=city.jinshatan_handler)

    def seen(user):
        return set(activities_visible_to(user=user))

    assert seen(city.supervisor) == {bureau, yunzhong, village, jinshatan}
    assert seen(city.leader) == {bureau, yunzhong, village, jinshatan}
    assert seen(city.yunzhong_handler) == {yunzhong, village}
    assert seen(city.jinshatan_handler) == {jinshatan}
    assert seen(city.housing_handler) == set()


def test_the_list_filters_by_period_organiser_subtree_and_kind(city, record):
    import datetime as dt

    early = record(actor=city.yunzhong_handler, held_on=dt.date(2026, 1, 10), kind="banner")
    late = record(actor=city.yunzhong_handler, organiser=city.yunzhong_village, held_on=dt.date(2026, 5, 1))
    record(actor=city.jinshatan_handler, held_on=dt.date(2026, 5, 1))

    def listed(**filters):
        return list(activity_list(user=city.supervisor, filters=ActivityFilters(**filters)))

    assert listed(organiser=city.yunzhong) == [late, early]
    assert listed(organiser=city.yunzhong, held_from=dt.date(2026, 2, 1)) == [late]
    assert listed(held_to=dt.date(2026, 1, 31)) == [early]
    assert listed(kind="banner") == [early]
