"""Petition texts for the demo city.

Real messages from the shared message-board data set when it is there, otherwise a small generator.
The publisher masked place names (A市, A3区, K8县, 西地省); they are put back as 怀仁市 and its
townships so that the texts read as if they had been written there.
"""

import random
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .importing import MalformedFile, clean_text, read_messages_file
from .models import Category, Nature

CITY_NAME = "怀仁市"
# The board's own city is "A市"; the other masked cities of the province read best as the prefecture.
PREFECTURE_NAME = "朔州市"
PROVINCE_NAME = "山西省"
# Generated texts leave the township and village open until a matter is placed somewhere.
TOWNSHIP_TOKEN = "＜镇＞"
VILLAGE_TOKEN = "＜村＞"

# A masked place with an optional doubled level: "K4县县长", "A8县市香山冲", "A市市委".
_MASK = re.compile(r"(?<![A-Za-z0-9])[A-Z]\d{0,2}(市|区|县)(市|区|县)?")
# After these a masked county means the county-level government, which here is the city's.
_CITY_LEVEL_FOLLOWERS = (
    "长",
    "委",
    "政府",
    "人民",
    "人大",
    "政协",
    "公安",
    "法院",
    "检察",
    "信访",
    "教育",
    "人社",
    "住建",
    "城管",
    "交警",
    "卫健",
    "医保",
    "税务",
    "国土",
    "自然资源",
    "不动产",
    "财政",
    "民政",
    "环保",
    "生态",
    "市场监",
    "交通",
    "领导",
    "第一",
    "一中",
    "二中",
    "中医院",
    "医院",
)
# A masked county followed by its own township ("K8县大坪乡") keeps that township under the city.
_NAMED_TOWNSHIP = re.compile(r"^[\u4e00-\u9fff]{1,4}?(?:乡|镇|街道)")
_ASK = re.compile(r"希望|请求|恳请|恳求|要求|建议|盼望|请(?:有关|相关|领导|政府|尽快|贵)")
GENERIC_DEMANDS = {
    Nature.CLAIM: "请求有关部门依法依规调查核实，妥善解决，并给予书面答复。",
    Nature.SUGGESTION: "建议有关部门研究采纳，并将办理情况予以答复。",
    Nature.ACCUSATION: "请求纪检监察机关依纪依法调查核实，严肃处理。",
}


@dataclass(frozen=True)
class RawText:
    title: str
    content: str


def file_texts(path: Path) -> list[RawText]:
    """Messages of a readable length from an exported file; [] when the file is absent or unreadable."""
    try:
        records = read_messages_file(path)
    except MalformedFile:
        return []
    texts = []
    for record in records:
        title, content = clean_text(record.get("留言主题")), clean_text(record.get("留言详情"))
        if 6 <= len(title) <= 60 and 40 <= len(content) <= 1200:
            texts.append(RawText(title=title, content=content))
    return texts


def localise(text: str, *, township: str, other_townships: Sequence[str], village: str = "") -> str:
    """Put masked places back: the first masked county or district becomes `township`."""
    assigned: dict[str, str] = {}

    def replace(match: re.Match) -> str:
        token, rest = match.group(0), text[match.end() : match.end() + 6]
        if match.group(1) == "市":
            return CITY_NAME if token.startswith("A市") or _MASK.match(rest) else PREFECTURE_NAME
        if rest.startswith(_CITY_LEVEL_FOLLOWERS) or _NAMED_TOWNSHIP.match(rest):
            return CITY_NAME
        if token not in assigned:
            # Later masks go to other townships, chosen from the mask itself so the choice is stable.
            assigned[token] = (
                township
                if not assigned
                else other_townships[zlib.crc32(token.encode()) % len(other_townships)]
            )
        return assigned[token]

    text = _MASK.sub(replace, text).replace("西地省", PROVINCE_NAME)
    text = text.replace(f"{CITY_NAME}{CITY_NAME}", CITY_NAME)
    return text.replace(TOWNSHIP_TOKEN, township).replace(VILLAGE_TOKEN, village or township)


def demand_of(content: str, *, nature: str) -> str:
    """The petitioner's own ask — the last sentence that asks for something — or a generic one."""
    sentences = [s.strip() for s in re.split(r"(?<=[。！？!?；\n])", content) if s.strip()]
    asks = [s for s in sentences if _ASK.search(s) and 8 <= len(s) <= 200]
    return asks[-1] if asks else GENERIC_DEMANDS[nature]


def nature_of(title: str, content: str, rng: random.Random) -> str:
    if "举报" in title:
        return Nature.ACCUSATION
    if "建议" in title:
        return Nature.SUGGESTION
    # Content that proposes rather than complains is read as a suggestion about half the time.
    if "建议" in content and rng.random() < 0.5:
        return Nature.SUGGESTION
    return Nature.CLAIM


# Words petitioners use → category names, best first. The second names are the petition bureau's own
# categories, which exist even without the message board's taxonomy.
_CATEGORY_HINTS = (
    ("举报", ("干部作风",)),
    ("物业", ("物业服务", "住房保障")),
    ("噪音", ("噪音污染", "生态环境")),
    ("噪声", ("噪音污染", "生态环境")),
    ("拆迁", ("房屋拆迁", "征地拆迁")),
    ("征地", ("土地征收", "征地拆迁")),
    ("征收", ("土地征收", "征地拆迁")),
    ("工程款", ("拖欠工程款", "劳动工资")),
    ("工资", ("工资福利", "劳动工资")),
    ("欠薪", ("工资福利", "劳动工资")),
    ("低保", ("社会救助", "社会保障/低保")),
    ("救助", ("社会救助", "社会保障/低保")),
    ("养老保险", ("退休政策及待遇", "社会保障/低保")),
    ("社保", ("城镇职工社会保险", "社会保障/低保")),
    ("医保", ("城镇居民社会保险", "社会保障/低保")),
    ("供暖", ("冬季采暖",)),
    ("暖气", ("冬季采暖",)),
    ("违建", ("违章建筑",)),
    ("违章建筑", ("违章建筑",)),
    ("公积金", ("住房公积金", "住房保障")),
    ("房产证", ("房产证登记、办理", "住房保障")),
    ("不动产", ("房产证登记、办理", "住房保障")),
    ("宅基地", ("土地权属纠纷",)),
    ("土地承包", ("土地承包经营",)),
    ("污水", ("水污染", "生态环境")),
    ("排污", ("水污染", "生态环境")),
    ("废气", ("大气污染", "生态环境")),
    ("粉尘", ("大气污染", "生态环境")),
    ("油烟", ("大气污染", "生态环境")),
    ("垃圾", ("环境卫生",)),
    ("路灯", ("城市公共设施",)),
    ("公交", ("公共汽车",)),
    ("出租车", ("出租车管理",)),
    ("网约车", ("网约车问题",)),
    ("燃气", ("燃气供应",)),
    ("停水", ("自来水供应",)),
    ("自来水", ("自来水供应",)),
    ("停电", ("电力供应",)),
    ("教师", ("教师队伍和待遇",)),
    ("老师", ("教师队伍和待遇",)),
    ("入学", ("教育行政管理",)),
    ("学校", ("教育行政管理",)),
    ("医院", ("医患纠纷",)),
    ("食品", ("食品药品监管",)),
    ("快递", ("快递市场管理",)),
    ("户口", ("户籍证件",)),
    ("扶贫", ("扶贫开发",)),
    ("村委", ("村务管理",)),
    ("道路", ("基础设施",)),
    ("法院", ("涉法涉诉",)),
)


class CategoryMatcher:
    """Chooses a category by simple keyword match; no match leaves the matter uncategorised."""

    def __init__(self, categories: Sequence[Category]):
        self.by_name: dict[str, Category] = {}
        # Deeper and earlier categories win when a name occurs under several parents.
        for category in sorted(categories, key=lambda c: (-c.level, c.sort_order, c.pk)):
            if category.name != "其他":
                self.by_name.setdefault(category.name, category)
        self.names = sorted(self.by_name, key=len, reverse=True)

    def match(self, title: str, content: str) -> Category | None:
        for text in (title, content):
            for word, names in _CATEGORY_HINTS:
                if word in text:
                    for name in names:
                        if name in self.by_name:
                            return self.by_name[name]
            for name in self.names:
                if len(name) >= 3 and name in text:
                    return self.by_name[name]
        return None


# --- The fallback generator -------------------------------------------------------------------------
# (titles, body) per topic; the body is formatted with the numbers of _fill().
_TOPICS = (
    (
        ("＜村＞征地补偿款迟迟未发放", "反映＜镇＞征地拆迁补偿标准不一"),
        "我是＜镇＞＜村＞村民，{year}年村里{area}亩耕地被征收用于工业园区建设，按照当时公示的补偿方案，"
        "我家应得补偿款{money}万元，至今只拿到{part}万元。多次到村委会和镇政府询问，答复都是资金还没到位。"
        "地已经被占，家里没有了收入来源。请求有关部门尽快足额兑付征地补偿款。",
    ),
    (
        ("＜镇＞工地拖欠农民工工资", "讨要拖欠的农民工工资"),
        "我们{people}名工人{year}年在＜镇＞一处住宅项目工地干活，包工头拖欠工资共计{money}万元，至今未付。"
        "找施工方，施工方说工程款已经拨给包工头；找包工头，又说开发商没给钱，互相推诿。"
        "家里老人孩子都等着这笔钱，恳请政府帮助我们讨回血汗钱。",
    ),
    (
        ("申请低保被村委会拒绝", "＜村＞低保评定不公平"),
        "我今年{age}岁，丈夫{year}年因病去世，儿子患有慢性病常年吃药，家里只有{plot}亩薄地，年收入不足"
        "{income}元。去年向＜村＞村委会申请最低生活保障，村里说名额已满没有上报，而村里有的人家有车有楼房"
        "却吃着低保。希望民政部门重新核查，把真正困难的家庭纳入低保。",
    ),
    (
        ("＜镇＞阳光小区物业不作为", "小区物业收费高服务差"),
        "我是＜镇＞阳光小区业主，物业公司每平方米每月收取{fee}元物业费，但电梯经常停运，楼道灯坏了几个月"
        "没人修，垃圾不及时清运。业主多次向物业反映，物业以业主欠费为由拒绝维修。希望住建部门督促物业"
        "公司整改，履行物业服务合同。",
    ),
    (
        ("＜镇＞建材厂夜间噪音扰民", "夜间施工噪音严重影响休息"),
        "我家住在＜镇＞＜村＞，附近的建材厂每天晚上十点以后还在作业，噪音很大，已经持续{months}个多月。"
        "家里老人有心脏病，孩子正在备考，整夜无法入睡。打过12345热线，白天有人来看，晚上照样生产。"
        "请求环保部门依法查处，禁止夜间生产。",
    ),
    (
        ("阳光小区冬季供暖温度不达标", "家中暖气不热多次报修无果"),
        "今年入冬以来，我家室内温度只有{temp}度左右，远低于规定的18度。多次向供热公司报修，维修人员来放过"
        "一次气后仍然不热，但采暖费一分不少收。家里有{age}岁的老人，冻得只能开电暖器。希望有关部门督促"
        "供热企业保障供暖温度达标。",
    ),
    (
        ("＜村＞通村道路破损严重", "请求修缮＜村＞村道"),
        "＜村＞通往镇上的{km}公里水泥路修建于{year}年，现在多处塌陷开裂，雨天积水没过脚踝，学生上学、"
        "村民拉粮都很不方便，去年还有一辆三轮车在这里翻车。请求交通部门将这段路列入维修计划。",
    ),
    (
        ("＜村＞宅基地纠纷长期得不到解决", "邻居侵占我家宅基地"),
        "我家在＜村＞有一处宅基地，{year}年办有集体土地使用证。前年邻居翻建房屋时越界{metres}米，把院墙"
        "砌到了我家地界上。找村委会调解了三次，对方拒不执行。请求自然资源部门依法确权，恢复原状。",
    ),
    (
        ("孩子在＜镇＞入学难", "随迁子女就近入学问题"),
        "我们一家在＜镇＞租房居住{months}年，孩子今年该上小学，到户籍所在学区报名，学校说学位已满，"
        "让我们去{km}公里外的学校。孩子太小，每天接送很困难。希望教育部门按照就近入学的原则统筹安排学位。",
    ),
    (
        ("城乡居民医保报销比例问题", "住院费用报销太少"),
        "我父亲今年{age}岁，在市人民医院住院{days}天，花费{money}万元，按城乡居民医保只报销了不到一半。"
        "有些药品和检查说不在目录内，医院事前也没有告知。请求医保部门核查报销是否合规，并给予解释。",
    ),
    (
        ("＜村＞附近化工厂排放污水", "河道被工厂污水污染"),
        "＜村＞东边的化工厂常年在夜间向河道偷排污水，河水发黑发臭，下游{area}亩农田浇地后庄稼减产。"
        "村民多次反映，环保部门来检查时工厂就停产，检查完又接着排。请求依法彻底查处，追究企业责任。",
    ),
    (
        ("举报＜村＞村干部优亲厚友", "举报＜村＞村委会私分补贴款"),
        "＜村＞村委会在发放{year}年耕地地力保护补贴时，把不种地的亲属也报上名单，我们实际种地的农户反而"
        "少领了{money}千元。村务公开栏从来不公布明细。请求纪检监察机关调查核实，严肃处理。",
    ),
    (
        ("建议在＜镇＞增设公交线路", "建议延长城乡公交末班车时间"),
        "＜镇＞到城区目前只有一趟公交车，末班车下午五点半就发车，在城里上班、上学的人晚上回不了家，只能"
        "坐黑车。建议交通部门增开线路或把末班车延长到晚上八点。",
    ),
)


def generated_texts(rng: random.Random, count: int) -> list[RawText]:
    texts = []
    for index in range(count):
        titles, body = _TOPICS[index % len(_TOPICS)]
        numbers = {
            "year": rng.randint(2015, 2024),
            "area": rng.randint(3, 120),
            "plot": rng.randint(2, 8),
            "money": rng.randint(3, 40),
            "part": rng.randint(1, 2),
            "people": rng.randint(6, 30),
            "age": rng.randint(45, 86),
            "income": rng.choice((3000, 4000, 5000)),
            "fee": rng.choice(("1.2", "1.5", "1.8")),
            "months": rng.randint(2, 8),
            "temp": rng.randint(10, 15),
            "km": rng.randint(2, 9),
            "metres": rng.choice(("0.5", "0.8", "1.2")),
            "days": rng.randint(7, 40),
        }
        texts.append(RawText(title=rng.choice(titles), content=body.format(**numbers)))
    rng.shuffle(texts)
    return texts
