"""Matters whose true groups are known: several petitioners about heating in one estate (丽景小区),
the same complaint in a look-alike estate (锦绣小区) that must stay a separate group, and noise."""

import datetime as dt
import itertools
from types import SimpleNamespace

import pytest
from django.utils import timezone

from minsheng.accounts.models import Role
from minsheng.accounts.services import user_create
from minsheng.conftest import PASSWORD, make_id_number
from minsheng.petitions.services import PetitionerEntry

LIJING = [
    (
        "丽景小区供暖不热，室温只有十二度",
        "我住在云中镇丽景小区3号楼，入冬以来家里暖气不热，室温只有十二度，多次找物业没有解决，老人孩子冻得生病。",
    ),
    (
        "反映丽景小区暖气不热问题",
        "云中镇丽景小区今年供暖温度严重不达标，暖气片冰凉，物业和热力公司互相推诿，请督促解决丽景小区供暖问题。",
    ),
    (
        "丽景小区冬季供暖温度不达标",
        "丽景小区5号楼住户反映，供暖以来室内温度一直在十三度左右，远低于标准，要求热力公司整改并退还部分取暖费。",
    ),
    (
        "丽景小区暖气不热，请求督促热力公司整改",
        "丽景小区多栋楼暖气不热，业主多次反映无果，请求有关部门督促热力公司尽快整改丽景小区供暖问题。",
    ),
    (
        "再次反映丽景小区供暖不达标",
        "丽景小区供暖问题至今没有解决，室温不到十五度，家里老人冻病了，请领导关心丽景小区居民的供暖。",
    ),
]
JINXIU = [
    (
        "锦绣小区供暖不热，室温只有十二度",
        "我住在金沙滩镇锦绣小区2号楼，入冬以来家里暖气不热，室温只有十二度，多次找物业没有解决，老人孩子冻得生病。",
    ),
    (
        "反映锦绣小区暖气不热问题",
        "金沙滩镇锦绣小区今年供暖温度严重不达标，暖气片冰凉，物业和热力公司互相推诿，请督促解决锦绣小区供暖问题。",
    ),
    (
        "锦绣小区冬季供暖温度不达标",
        "锦绣小区7号楼住户反映，供暖以来室内温度一直在十三度左右，远低于标准，要求热力公司整改并退还部分取暖费。",
    ),
    (
        "锦绣小区暖气不热，请求督促热力公司整改",
        "锦绣小区多栋楼暖气不热，业主多次反映无果，请求有关部门督促热力公司尽快整改锦绣小区供暖问题。",
    ),
]
NOISE = [
    ("东关村征地补偿款未发放", "东关村村民的承包地去年被征收，补偿款至今没有发放到位，请求尽快发放。"),
    ("某建筑公司拖欠农民工工资", "我们在县城一处工地干了半年，包工头拖欠工资三万多元，多次讨要无果。"),
    ("申请低保被拒", "本人身患重病无劳动能力，申请最低生活保障被乡里拒绝，请求重新审核。"),
    ("西村道路破损严重", "西村通往镇上的水泥路破损严重，坑洼不平，雨天无法通行，请求修缮。"),
    ("夜市烧烤噪音扰民", "人民路夜市烧烤摊每天营业到凌晨两点，噪音和油烟严重影响附近居民休息。"),
    ("医保异地报销困难", "在外地住院的医疗费用回来报销手续繁琐，跑了好几趟还没有报销下来。"),
]


@pytest.fixture
def people():
    """A new petitioner each call, with a distinct valid ID number."""
    sequences = itertools.count(301)

    def _person(name: str = "王建国") -> PetitionerEntry:
        sequence = next(sequences)
        return PetitionerEntry(name=f"{name}{sequence}", id_number=make_id_number(sequence=f"{sequence:03d}"))

    return _person


@pytest.fixture
def estates(city, register, people):
    """The three sets of matters, received over the last few weeks, each by a different petitioner."""
    def received(days_ago: int) -> dt.datetime:
        # Noon of the local day, so that "N days old" holds whatever the hour the suite runs at
        # (an hour before now crosses midnight between 00:00 and 01:00 local time).
        if days_ago == 0:
            return timezone.now()
        day = timezone.localdate() - dt.timedelta(days=days_ago)
        return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))

    def _register_all(rows, concerned, offset):
        return [
            register(
                title=title,
                content=content,
                petitioners=[people()],
                concerned_org=concerned,
                received_at=received(offset + 3 * i),
            ).matter
            for i, (title, content) in enumerate(rows)
        ]

    return SimpleNamespace(
        lijing=_register_all(LIJING, city.yunzhong, 1),
        jinxiu=_register_all(JINXIU, city.jinshatan, 2),
        noise=_register_all(NOISE, None, 0),
    )


@pytest.fixture
def township_supervisor(city):
    """A supervisor placed in a township: sees hot issues, but only the township's matters."""
    return user_create(
        username="yz_duban",
        password=PASSWORD,
        full_name="yz_duban",
        role=Role.SUPERVISOR,
        organisation=city.yunzhong,
    )
