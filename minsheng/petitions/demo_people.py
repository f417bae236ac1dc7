"""Made-up but valid petitioners for the demo city: Chinese names, ID numbers, mobile numbers, addresses.

Every ID number passes GB 11643 (the registration form rejects anything else) and every one is
unique, because the ID number is a petitioner's identity and a duplicate would silently merge two
people into one.
"""

import datetime as dt
import random

from minsheng.lib.idnumber import check_character

from .services import PetitionerEntry

CITY_REGION_CODE = "140624"

# Weighted towards the surnames most common in northern Shanxi.
SURNAMES = (
    "王王王李李李张张张刘刘赵赵杨杨郭郭高高贾武田梁宋薛温韩牛霍乔孙马陈周吴徐胡朱"
    "罗董段范石冯程曹袁许邓苏吕白崔康秦侯邢魏郝任常史杜卢"
)
# Space-separated so the lists stay readable in a few lines.
MALE_GIVEN = (
    "建军 建国 志强 志刚 海军 永平 国庆 保平 二虎 润生 满仓 文斌 晓东 伟 强 军 斌 磊 鹏 勇 俊峰 国栋 宏伟 "
    "福贵 有才 来喜 拴柱 存良 利民 振华 云龙 明亮 金宝 永强 瑞 红兵 向东 卫东"
)
FEMALE_GIVEN = (
    "秀英 桂兰 玉梅 翠花 秀梅 凤英 丽娟 晓燕 海燕 艳 静 敏 娟 芳 丽 红梅 美玲 春花 金花 月娥 彩霞 慧敏 婷 "
    "雪梅 俊英 润梅 巧云 银花 爱萍 瑞芳"
)
MOBILE_PREFIXES = (
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 177 180 181 182 183 "
    "185 186 187 188 189 199"
)
EARLIEST_BIRTH = dt.date(1940, 1, 1)
LATEST_BIRTH = dt.date(2000, 12, 31)


def id_number(*, region_code: str, birth: dt.date, sequence: int) -> str:
    """An 18-character resident ID number; an odd sequence means a man, an even one a woman."""
    first_17 = f"{region_code}{birth:%Y%m%d}{sequence:03d}"
    return first_17 + check_character(first_17)


class PersonFactory:
    """Hands out distinct people, reproducibly for a given random generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used_ids: set[str] = set()
        self.used_phones: set[str] = set()
        self.used_names: set[str] = set()

    def _name(self, *, male: bool) -> str:
        given = (MALE_GIVEN if male else FEMALE_GIVEN).split()
        for _ in range(20):
            name = self.rng.choice(SURNAMES) + self.rng.choice(given)
            if name not in self.used_names:
                break
        # Namesakes exist in any town; after a few tries one is fine.
        self.used_names.add(name)
        return name

    def _id_number(self, *, male: bool) -> str:
        span = (LATEST_BIRTH - EARLIEST_BIRTH).days
        while True:
            birth = EARLIEST_BIRTH + dt.timedelta(days=self.rng.randint(0, span))
            sequence = self.rng.randrange(1 if male else 2, 1000, 2)
            number = id_number(region_code=CITY_REGION_CODE, birth=birth, sequence=sequence)
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def _phone(self) -> str:
        while True:
            number = self.rng.choice(MOBILE_PREFIXES.split()) + f"{self.rng.randrange(10**8):08d}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def person(self, *, address: str, region_code: str, is_representative: bool = False) -> PetitionerEntry:
        male = self.rng.random() < 0.6
        return PetitionerEntry(
            name=self._name(male=male),
            id_number=self._id_number(male=male),
            phone=self._phone(),
            address=address,
            region_code=region_code,
            is_representative=is_representative,
        )

    def address(self, *, township: str, village: str) -> str:
        if village.endswith("社区"):
            return (
                f"怀仁市{township}{village}{self.rng.randint(1, 30)}号楼"
                f"{self.rng.randint(1, 6)}单元{self.rng.randint(1, 18)}0{self.rng.randint(1, 4)}室"
            )
        return f"怀仁市{township}{village}{self.rng.randint(1, 260)}号"
