"""The organisations and staff accounts of the demo city, 怀仁市 (Shanxi, region code 140624).

Everything is found again by its natural key — an organisation by name under its parent, a user by
username — so building twice changes nothing, and data an administrator has edited since is kept.
"""

from dataclasses import dataclass, field

from minsheng.accounts import services as account_services
from minsheng.accounts.models import Organisation, Role, User

Kind = Organisation.Kind

CITY_NAME = "怀仁市"
CITY_CODE = "140624"
BUREAU_NAME = "怀仁市信访局"
CPPCC_NAME = "政协怀仁市委员会"
# One password for every demo account, so that a presenter can switch roles quickly. It passes the
# project's validators (≥ 10 characters, three character classes).
DEMO_PASSWORD = "Minsheng@2026"

LEADING_BODIES = ("中共怀仁市委", "怀仁市人大常委会", "怀仁市人民政府", CPPCC_NAME)

# (full name, short name, number prefix, words that point a petition at the department)
DEPARTMENTS = (
    ("怀仁市住房和城乡建设局", "住建局", "怀住建信", "物业 小区 住房 房屋 拆迁 供暖 暖气 燃气 公积金 开发商"),
    ("怀仁市人力资源和社会保障局", "人社局", "怀人社信", "工资 欠薪 社保 养老保险 就业 劳动 退休 工伤"),
    ("怀仁市民政局", "民政局", "怀民政信", "低保 救助 养老院 残疾 殡葬 优抚 五保"),
    ("怀仁市自然资源局", "自然资源局", "怀自然资源信", "征地 土地 宅基地 不动产 房产证 矿 耕地"),
    ("怀仁市生态环境局", "生态环境局", "怀生态环境信", "污染 排污 污水 粉尘 废气 异味 环保 噪音 噪声"),
    ("怀仁市教育局", "教育局", "怀教育信", "学校 学生 教师 老师 入学 幼儿园 补课"),
    ("怀仁市卫生健康局", "卫健局", "怀卫健信", "医院 医生 医疗 卫生院 疫苗 诊所"),
    ("怀仁市交通运输局", "交通运输局", "怀交通信", "公交 道路 公路 出租车 客运 网约车"),
    ("怀仁市农业农村局", "农业农村局", "怀农业信", "农民 种植 养殖 惠农 补贴 土地承包 合作社 扶贫"),
    ("怀仁市市场监督管理局", "市场监管局", "怀市监信", "价格 食品 商家 消费 假冒 药店 超市 退款"),
    ("怀仁市城市管理局", "城管局", "怀城管信", "违建 违章 摊 路灯 占道 垃圾 广告牌"),
)

# (name, 9-digit code, its villages and communities). Codes follow GB/T 10114: 街道 0xx, 镇 1xx,
# 乡 2xx under the city; 社区居委会 0xx and 村委会 2xx under a township.
TOWNSHIPS = (
    ("云中镇", "140624100", "北关社区 南关社区 东关村 西关村"),
    ("吴家窑镇", "140624101", "吴家窑村 鹅毛口村 王家窑村"),
    ("金沙滩镇", "140624102", "金沙滩村 大峪村 安宿疃村 新庄子村"),
    ("毛家皂镇", "140624103", "毛家皂村 瓦窑头村 海子村"),
    ("何家堡乡", "140624200", "何家堡村 清水河村 郭家庄村"),
    ("新家园乡", "140624201", "新家园村 小峪村 东小寨村 秦家山村"),
    ("亲和乡", "140624202", "亲和村 西小寨村 下米庄村"),
    ("海北头乡", "140624203", "海北头村 南小寨村 口前村"),
    ("马辛庄乡", "140624204", "马辛庄村 镇子梁村 高镇子村 沙家寺村"),
    ("河头乡", "140624205", "河头村 北小寨村 东张庄村"),
    ("云西街道", "140624001", "仁德社区 府西社区 新华社区"),
    ("云东街道", "140624002", "府东社区 迎宾社区 兴业社区 怀安社区"),
)

# (username, full name, role, organisation name, title, superuser)
USERS = (
    ("admin", "张志刚", Role.ADMIN, BUREAU_NAME, "系统管理员", True),
    ("dengji", "李秀梅", Role.REGISTRAR, BUREAU_NAME, "来访接待科科员", False),
    ("duban", "王海涛", Role.SUPERVISOR, BUREAU_NAME, "督查督办科科长", False),
    ("yunzhong_dengji", "刘晓燕", Role.REGISTRAR, "云中镇", "综治中心信访专干", False),
    ("yunzhong_chengban", "高永强", Role.HANDLER, "云中镇", "党委委员、政法委员", False),
    ("jinshatan_chengban", "郭文斌", Role.HANDLER, "金沙滩镇", "综治中心主任", False),
    ("zhujian_chengban", "贾丽娟", Role.HANDLER, "怀仁市住房和城乡建设局", "信访办主任", False),
    ("lingdao_wang", "王建华", Role.LEADER, "中共怀仁市委", "市委副书记", False),
    ("lingdao_zhao", "赵瑞平", Role.LEADER, "怀仁市人大常委会", "市人大常委会副主任", False),
    ("lingdao_liu", "刘振华", Role.LEADER, "怀仁市人民政府", "副市长", False),
    ("lingdao_sun", "孙美玲", Role.LEADER, CPPCC_NAME, "市政协副主席", False),
    ("lvshi_li", "李明哲", Role.LAWYER, "山西仁和律师事务所", "专职律师", False),
    ("tianwei", "武晓红", Role.PROPOSAL_OFFICE, "政协提案委员会", "提案委员会办公室主任", False),
    # A CPPCC member is not staff of any unit in the tree: an organisation would give them that unit's
    # view of petition matters, which a member has no business seeing.
    ("weiyuan_wang", "王旭东", Role.MEMBER, None, "怀仁一中仁德校区德育处主任", False),
)


@dataclass
class DemoCity:
    city: Organisation
    bureau: Organisation
    by_name: dict[str, Organisation]
    townships: list[Organisation]
    villages: dict[str, list[Organisation]]  # township name → its villages and communities
    departments: list[tuple[Organisation, list[str]]]  # with the words that point a petition at them
    organisations_created: int = 0
    users_created: list[str] = field(default_factory=list)
    users_existing: list[str] = field(default_factory=list)


class _TreeBuilder:
    def __init__(self):
        self.created = 0
        self.by_name: dict[str, Organisation] = {}

    def ensure(self, name: str, kind: str, parent: Organisation | None, order: int, **fields) -> Organisation:
        organisation = Organisation.objects.filter(name=name, parent=parent).first()
        if organisation is None:
            organisation = account_services.organisation_create(
                name=name, kind=kind, parent=parent, sort_order=order, **fields
            )
            self.created += 1
        self.by_name[name] = organisation
        return organisation


def build_city() -> DemoCity:
    tree = _TreeBuilder()
    city = tree.ensure(CITY_NAME, Kind.CITY, None, 0, region_code=CITY_CODE)
    for order, name in enumerate(LEADING_BODIES, start=1):
        tree.ensure(name, Kind.LEADERSHIP, city, order)
    bureau = tree.ensure(
        BUREAU_NAME, Kind.PETITION_BUREAU, city, 10, short_name="信访局", number_prefix="怀信"
    )
    departments = []
    for order, (name, short, prefix, words) in enumerate(DEPARTMENTS, start=20):
        department = tree.ensure(name, Kind.DEPARTMENT, city, order, short_name=short, number_prefix=prefix)
        departments.append((department, words.split()))
    tree.ensure("怀仁市纪委监委", Kind.DISCIPLINE, city, 40, short_name="市纪委监委", number_prefix="怀纪信")
    tree.ensure("中共怀仁市委政法委员会", Kind.POLITICAL_LEGAL, city, 41, short_name="市委政法委")
    tree.ensure("怀仁市人民法院", Kind.POLITICAL_LEGAL, city, 42, short_name="市法院")
    tree.ensure("山西仁和律师事务所", Kind.LAW_FIRM, city, 50, short_name="仁和律所")
    tree.ensure("政协提案委员会", Kind.PROPOSAL_OFFICE, tree.by_name[CPPCC_NAME], 1, short_name="提案委")
    townships, villages = [], {}
    for order, (name, code, children) in enumerate(TOWNSHIPS, start=100):
        township = tree.ensure(name, Kind.TOWNSHIP, city, order, region_code=code)
        townships.append(township)
        villages[name] = [
            tree.ensure(
                child, Kind.VILLAGE, township, position, region_code=_village_code(code, child, children)
            )
            for position, child in enumerate(children.split())
        ]
    demo = DemoCity(
        city=city,
        bureau=bureau,
        by_name=tree.by_name,
        townships=townships,
        villages=villages,
        departments=departments,
        organisations_created=tree.created,
    )
    _ensure_users(demo)
    return demo


def _village_code(township_code: str, name: str, siblings: str) -> str:
    """Communities are numbered from 001 and villages from 201, each in the order listed."""
    is_community = name.endswith("社区")
    same_kind = [s for s in siblings.split() if s.endswith("社区") == is_community]
    return f"{township_code}{same_kind.index(name) + (1 if is_community else 201):03d}"


def _ensure_users(demo: DemoCity) -> None:
    for username, full_name, role, organisation_name, title, superuser in USERS:
        if User.objects.filter(username=username).exists():
            demo.users_existing.append(username)
            continue
        account_services.user_create(
            username=username,
            password=DEMO_PASSWORD,
            full_name=full_name,
            role=role,
            organisation=demo.by_name[organisation_name] if organisation_name else None,
            title=title,
            is_staff=superuser,
            is_superuser=superuser,
        )
        demo.users_created.append(username)


def demo_logins() -> list[tuple[str, str, str, str]]:
    """(role, username, full name and title, organisation) of every demo account that exists."""
    usernames = [row[0] for row in USERS]
    users = User.objects.select_related("organisation").in_bulk(usernames, field_name="username")
    rows = []
    for username in usernames:
        user = users.get(username)
        if user is not None:
            organisation = user.organisation.name if user.organisation else "（不隶属机构）"
            person = f"{user.full_name} {user.title}".strip()
            rows.append((user.get_role_display(), username, person, organisation))
    return rows
