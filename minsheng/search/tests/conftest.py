"""A small corpus of matters registered and answered through the real services, so that the index is
filled exactly as in use; and a switch between the ways a page can be found (see search.selectors)."""

import itertools
from types import SimpleNamespace

import pytest

from minsheng.conftest import make_id_number
from minsheng.petitions.models import Matter
from minsheng.petitions.selectors import MatterFilters
from minsheng.petitions.services import PetitionerEntry
from minsheng.petitions.tests.helpers import beijing
from minsheng.petitions.tests.workflow_steps import take
from minsheng.search import plan_postgres, selectors


@pytest.fixture(params=["few", "many", "common"])
def plan(request, monkeypatch):
    """Each way a page can be found must give the same answers: "few" takes the index's matches whole;
    "many" treats every word as matching too many to take whole; "common" also makes PostgreSQL read
    the matters in list order and check each (as for a word in half of all matters)."""
    if request.param in ("many", "common"):
        monkeypatch.setattr(selectors, "SMALL_MATCHES", 0)
    if request.param == "common":
        monkeypatch.setattr(plan_postgres, "query_share", lambda terms: 0.5)
    return request.param


@pytest.fixture
def person():
    """A new petitioner with a valid, distinct ID number each call."""
    sequences = itertools.count(301)

    def _person(name: str) -> PetitionerEntry:
        return PetitionerEntry(name=name, id_number=make_id_number(sequence=f"{next(sequences):03d}"))

    return _person


@pytest.fixture
def corpus(register, city, person):
    c = SimpleNamespace()
    c.dibao = register(
        received_at=beijing(2026, 1, 5, 9),
        title="申请最低生活保障被拒",
        content="家中两位老人常年患病，申请低保被乡里拒绝，理由不清楚。",
        demands="请求重新审核低保申请",
        concerned_org=city.yunzhong_village,
    ).matter
    c.compensation = register(
        received_at=beijing(2026, 1, 12, 10),
        title="反映征地拆迁补偿款未发放",
        content="本人房屋于去年被征收，补偿款至今未发放到位。",
        demands="请求尽快发放补偿款",
        concerned_org=city.yunzhong,
    ).matter
    c.apart = register(
        received_at=beijing(2026, 2, 3, 15),
        title="反映房屋拆迁后无人过问",
        content="房屋拆迁两年了，至今没有得到任何安置和补偿。",
        demands="请求落实安置",
        concerned_org=city.yunzhong,
    ).matter
    c.wages = register(
        received_at=beijing(2026, 2, 20, 11),
        title="反映工地欠薪",
        content="包工头拖欠农民工工资三个月，多次讨要无果。",
        demands="请求追讨欠薪",
        concerned_org=city.jinshatan_village,
        petitioners=[person("赵铁柱")],
    ).matter
    c.noise = register(
        received_at=beijing(2026, 3, 2, 20),
        title="<script>alert('x')</script>小区夜间施工",
        content="小区旁工地夜间施工，影响休息。",
        demands="请求依法处理",
        concerned_org=city.yunzhong_village,
        petitioners=[person("钱多多")],
    ).matter
    # A later submission adds words of its own to the matter.
    register(
        received_at=beijing(2026, 3, 9, 9),
        title="再次反映夜间施工",
        content="施工噪音扰民问题依旧，凌晨还在打桩。",
        demands="",
        matter=c.noise,
        petitioners=[person("钱多多")],
    )
    # The answer's words are found with the matter: 财政所 is only in the reply (see reply_parts).
    c.replied = register(
        received_at=beijing(2026, 3, 20, 10),
        title="反映单位未缴纳社会保险",
        content="单位多年未给职工缴纳社会保险。",
        demands="请求责令补缴",
        concerned_org=city.yunzhong,
        petitioners=[person("孙小红")],
    ).matter
    take(
        city,
        c.replied,
        to=Matter.Status.REPLIED,
        routed_on=beijing(2026, 3, 23).date(),
        accepted_on=beijing(2026, 3, 24).date(),
        served_on=beijing(2026, 4, 20).date(),
    )
    return c


def found(user, text: str, **filters) -> list[str]:
    """The titles a user finds, in the list's order (newest first unless `sort` says otherwise)."""
    result = selectors.matter_search(user=user, filters=MatterFilters(text=text, **filters), limit=100)
    return [matter.title for matter in result]
