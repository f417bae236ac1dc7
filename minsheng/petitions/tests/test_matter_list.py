"""The matter list: the selector's filters and sorting, and the page with its pagination and htmx partial."""

import datetime as dt
import re
from types import SimpleNamespace

import pytest

from minsheng.petitions.models import Category, Channel, Matter
from minsheng.petitions.selectors import MatterFilters, matter_list
from minsheng.petitions.services import categories_seed, category_save

from .helpers import beijing


@pytest.fixture
def categories(db):
    categories_seed(taxonomy_csv=None)
    root = Category.objects.get(name="信访常见问题", parent=None)
    building = category_save(category=Category(name="城乡建设"))
    property_ = category_save(category=Category(name="物业管理", parent=building))
    fees = category_save(category=Category(name="物业收费", parent=property_))
    return SimpleNamespace(
        root=root,
        land=root.children.get(name="征地拆迁"),
        wages=root.children.get(name="劳动工资"),
        building=building,
        property=property_,
        fees=fees,
    )


@pytest.fixture
def matters(register, city, categories):
    """Six matters across organisations, categories, channels and dates."""
    m = SimpleNamespace()
    m.land = register(
        received_at=beijing(2025, 1, 5, 10),
        title="反映征地补偿款未发放",
        category=categories.land,
        content="村里征地后补偿款迟迟未到位。",
        demands="请求发放补偿款",
    ).matter
    m.wages = register(
        channel=Channel.PHONE,
        received_at=beijing(2025, 2, 10, 10),
        title="反映工地拖欠工资",
        category=categories.wages,
        content="工地老板拖欠农民工工资三个月。",
        demands="请求追讨欠薪",
    ).matter
    m.fees = register(
        channel=Channel.LETTER,
        received_at=beijing(2025, 3, 1, 0, 30),
        title="反映物业乱收费",
        category=categories.fees,
        content="物业公司擅自提高停车费。",
        demands="请求责令退还多收的费用",
        concerned_org=city.yunzhong_village,
    ).matter
    m.township = register(
        actor=city.yunzhong_registrar,
        channel=Channel.ONLINE,
        received_at=beijing(2025, 3, 15, 9),
        title="反映道路破损",
        content="镇上主干道坑洼不平。",
    ).matter
    m.jinshatan = register(
        channel=Channel.VISIT,
        received_at=beijing(2025, 4, 2, 9),
        title="反映低保评定不公",
        concerned_org=city.jinshatan,
        content="村里低保评定优亲厚友。",
        demands="请求重新评定",
    ).matter
    m.property = register(
        channel=Channel.VISIT,
        received_at=beijing(2025, 4, 20, 15),
        title="反映电梯长期停运",
        category=categories.property,
        content="小区电梯坏了半年没人修。",
    ).matter
    # A later letter about the first matter: the matter now has a letter as well as its visit.
    register(channel=Channel.LETTER, received_at=beijing(2025, 5, 1, 9), matter=m.land)
    Matter.objects.filter(pk=m.wages.pk).update(status=Matter.Status.ACCEPTED)
    Matter.objects.filter(pk=m.jinshatan.pk).update(status=Matter.Status.CLOSED)
    return m


def listed(user, **filters) -> list[str]:
    return [m.title for m in matter_list(user=user, filters=MatterFilters(**filters))]


def titles(*matters) -> list[str]:
    return [m.title for m in matters]


# --- selector ----------------------------------------------------------------------------------


def test_it_lists_newest_first_by_default(city, matters):
    assert listed(city.registrar) == titles(
        matters.property, matters.jinshatan, matters.township, matters.fees, matters.wages, matters.land
    )


def test_it_filters_by_status(city, matters):
    assert listed(city.registrar, status=Matter.Status.ACCEPTED) == titles(matters.wages)
    assert listed(city.registrar, status=Matter.Status.CLOSED) == titles(matters.jinshatan)
    assert len(listed(city.registrar, status=Matter.Status.REGISTERED)) == 4


def test_it_filters_by_an_organisation_and_everything_below_it(city, matters):
    # 云中镇 received one matter itself, and 东关村 below it is concerned by another.
    assert listed(city.registrar, organisation=city.yunzhong) == titles(matters.township, matters.fees)
    assert listed(city.registrar, organisation=city.yunzhong_village) == titles(matters.fees)
    assert listed(city.registrar, organisation=city.jinshatan) == titles(matters.jinshatan)


def test_it_filters_by_a_top_level_category_including_its_children(city, matters, categories):
    assert listed(city.registrar, category=categories.root) == titles(matters.wages, matters.land)
    assert listed(city.registrar, category=categories.land) == titles(matters.land)


def test_it_filters_by_a_category_including_all_three_levels_below_it(city, matters, categories):
    assert listed(city.registrar, category=categories.building) == titles(matters.property, matters.fees)
    assert listed(city.registrar, category=categories.property) == titles(matters.property, matters.fees)
    assert listed(city.registrar, category=categories.fees) == titles(matters.fees)


def test_it_filters_by_a_channel_of_any_of_the_submissions(city, matters):
    # The land matter was first a visit; its later letter makes it a letter matter too.
    assert listed(city.registrar, channel=Channel.LETTER) == titles(matters.fees, matters.land)
    assert listed(city.registrar, channel=Channel.VISIT) == titles(
        matters.property, matters.jinshatan, matters.land
    )
    assert listed(city.registrar, channel=Channel.PHONE) == titles(matters.wages)
    assert listed(city.registrar, channel=Channel.LEADER_MAILBOX) == []


def test_it_filters_by_received_dates_inclusive_in_beijing_time(city, matters):
    # The fees matter came in at 00:30 on 1 March Beijing time, which is still 28 February in UTC.
    assert listed(city.registrar, received_from=dt.date(2025, 3, 1)) == titles(
        matters.property, matters.jinshatan, matters.township, matters.fees
    )
    assert listed(city.registrar, received_to=dt.date(2025, 2, 28)) == titles(matters.wages, matters.land)
    assert listed(
        city.registrar, received_from=dt.date(2025, 3, 1), received_to=dt.date(2025, 3, 15)
    ) == titles(matters.township, matters.fees)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("工资", ["wages"]),  # title
        ("停车费", ["fees"]),  # content
        ("重新评定", ["jinshatan"]),  # demands
        ("云中信〔2025〕00001", ["township"]),  # number
        ("〔2025〕0000", ["property", "jinshatan", "township", "fees", "wages", "land"]),
        ("没有这样的事", []),
    ],
)
def test_it_finds_text_in_number_title_content_and_demands(city, matters, text, expected):
    assert listed(city.registrar, text=f" {text} ") == [getattr(matters, name).title for name in expected]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("received_at", ["land", "wages", "fees", "township", "jinshatan", "property"]),
        ("-received_at", ["property", "jinshatan", "township", "fees", "wages", "land"]),
        ("status", ["wages", "jinshatan", "property", "township", "fees", "land"]),
        ("unknown", ["property", "jinshatan", "township", "fees", "wages", "land"]),
    ],
)
def test_it_sorts(city, matters, sort, expected):
    assert listed(city.registrar, sort=sort) == [getattr(matters, name).title for name in expected]


def test_it_sorts_by_number_within_a_prefix_by_year_then_sequence(city, register):
    register(received_at=beijing(2025, 6, 1, 9), title="二〇二五年第一件")
    register(received_at=beijing(2024, 6, 1, 9), title="二〇二四年第一件")
    register(received_at=beijing(2024, 6, 2, 9), title="二〇二四年第二件")

    assert listed(city.registrar, sort="number") == [
        "二〇二四年第一件",
        "二〇二四年第二件",
        "二〇二五年第一件",
    ]
    assert listed(city.registrar, sort="-number") == [
        "二〇二五年第一件",
        "二〇二四年第二件",
        "二〇二四年第一件",
    ]


def test_it_sorts_by_deadline_nearest_first(city, register):
    # The route deadline follows the received date, so the earliest received is due first.
    register(received_at=beijing(2025, 6, 10, 9), title="后到期")
    register(received_at=beijing(2025, 6, 1, 9), title="先到期")

    assert listed(city.registrar, sort="due_on") == ["先到期", "后到期"]


def test_it_combines_filters(city, matters, categories):
    assert listed(
        city.registrar,
        status=Matter.Status.REGISTERED,
        category=categories.building,
        channel=Channel.LETTER,
    ) == titles(matters.fees)


# --- page --------------------------------------------------------------------------------------


def numbers_on(response) -> list[str]:
    return re.findall(r'<a href="/matters/\d+/">([^<]+)</a>', response.content.decode())


@pytest.fixture
def registrar_client(client, city):
    client.force_login(city.registrar)
    return client


def test_it_renders_the_list_page_with_filters_and_every_visible_matter(registrar_client, matters):
    response = registrar_client.get("/matters/")

    assert response.status_code == 200
    html = response.content.decode()
    assert len(numbers_on(response)) == 6
    assert "共 6 件" in html
    assert 'role="search"' in html
    for name in (
        "q",
        "status",
        "organisation",
        "category",
        "channel",
        "received_from",
        "received_to",
        "sort",
    ):
        assert f'name="{name}"' in html


def test_it_applies_the_filters_given_in_the_query_string(registrar_client, matters, categories, city):
    response = registrar_client.get(
        "/matters/",
        {
            "status": "registered",
            "category": categories.building.pk,
            "channel": "letter",
            "received_from": "2025-03-01",
            "received_to": "2025-03-31",
            "organisation": city.yunzhong.pk,
        },
    )

    assert numbers_on(response) == [matters.fees.number]


def test_it_searches_text_from_the_page(registrar_client, matters):
    assert numbers_on(registrar_client.get("/matters/", {"q": "拖欠"})) == [matters.wages.number]


def test_it_reports_a_date_range_that_ends_before_it_starts(registrar_client, matters):
    response = registrar_client.get("/matters/", {"received_from": "2025-04-01", "received_to": "2025-03-01"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "结束日期不能早于开始日期" in html
    assert response.context["form"].errors == {"received_to": ["结束日期不能早于开始日期"]}


def test_it_reports_an_unparseable_date(registrar_client, matters):
    response = registrar_client.get("/matters/", {"received_from": "去年"})

    assert "received_from" in response.context["form"].errors


def test_it_offers_only_categories_of_the_first_two_levels(registrar_client, matters, categories):
    choices = [c.pk for c in response_form_categories(registrar_client)]

    assert categories.building.pk in choices
    assert categories.property.pk in choices
    assert categories.fees.pk not in choices


def response_form_categories(client):
    return list(client.get("/matters/").context["form"].fields["category"].queryset)


def test_it_offers_a_township_user_only_organisations_in_their_scope(client, city, matters):
    client.force_login(city.yunzhong_handler)

    response = client.get("/matters/", {"organisation": city.jinshatan.pk})

    form = response.context["form"]
    assert set(form.fields["organisation"].queryset) == {city.yunzhong, city.yunzhong_village}
    assert "organisation" in form.errors
    assert numbers_on(response) == [matters.township.number, matters.fees.number]


def test_it_paginates_with_the_page_size_setting(registrar_client, matters, settings):
    settings.MATTER_LIST_PAGE_SIZE = 2

    first = registrar_client.get("/matters/")
    second = registrar_client.get("/matters/", {"page": 2})
    last = registrar_client.get("/matters/", {"page": 3})

    assert numbers_on(first) == [matters.property.number, matters.jinshatan.number]
    assert numbers_on(second) == [matters.township.number, matters.fees.number]
    assert numbers_on(last) == [matters.wages.number, matters.land.number]
    assert "第 2 / 3 页" in second.content.decode()
    assert 'rel="next"' in second.content.decode() and 'rel="prev"' in second.content.decode()


@pytest.mark.parametrize("page", ["99", "-1"])
def test_it_shows_the_last_page_for_a_page_out_of_range(registrar_client, matters, settings, page):
    settings.MATTER_LIST_PAGE_SIZE = 4

    response = registrar_client.get("/matters/", {"page": page})

    assert numbers_on(response) == [matters.wages.number, matters.land.number]


def test_it_shows_the_first_page_for_a_page_that_is_not_a_number(registrar_client, matters, settings):
    settings.MATTER_LIST_PAGE_SIZE = 4

    assert len(numbers_on(registrar_client.get("/matters/", {"page": "abc"}))) == 4


def test_it_keeps_the_filters_in_the_page_links(registrar_client, matters, settings):
    settings.MATTER_LIST_PAGE_SIZE = 1

    html = registrar_client.get("/matters/", {"status": "registered", "page": 2}).content.decode()

    assert 'href="?status=registered&page=3" rel="next"' in html
    assert 'href="?status=registered&page=1" rel="prev"' in html
    assert "page=2&page" not in html


def test_it_returns_only_the_table_to_htmx(registrar_client, matters):
    response = registrar_client.get("/matters/", {"q": "物业"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'role="search"' not in html
    assert '<table class="table matters">' in html
    assert "共 1 件" in html
    assert numbers_on(response) == [matters.fees.number]


def test_it_says_so_when_nothing_matches(registrar_client, matters):
    response = registrar_client.get("/matters/", {"q": "没有这样的事"})

    assert "没有符合条件的信访事项" in response.content.decode()


def test_it_sends_anonymous_users_to_the_login_page(client):
    assert client.get("/matters/").status_code == 302
