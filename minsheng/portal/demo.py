"""A demo online petition for `load_demo`, with a known query code and password printed with the logins,
so that whoever runs `make run` can track, rate and ask for review on /public/track/. It goes through
the real services: filed on the portal, transferred by the bureau to 云中镇, accepted and answered."""

from dataclasses import dataclass

from django.utils import timezone

from minsheng.accounts.models import Organisation, User
from minsheng.petitions import services as petitions
from minsheng.petitions.models import Reply

from .models import OnlineAccess
from .services import Credentials, format_code, online_submission_register

# Only for the demo: the code avoids 0/O/1/I/L like every real one.
DEMO = Credentials(query_code="DEMQ23456789", password="26482648")


@dataclass
class PortalDemo:
    query_code: str
    password: str
    created: bool


def portal_demo_load() -> PortalDemo | None:
    """None when the demo city is not there (no bureau supervisor or 云中镇 handler)."""
    shown = PortalDemo(query_code=format_code(DEMO.query_code), password=DEMO.password, created=False)
    if OnlineAccess.objects.filter(query_code=DEMO.query_code).exists():
        return shown
    supervisor = User.objects.filter(username="duban").first()
    handler = User.objects.filter(username="yunzhong_chengban").first()
    township = Organisation.objects.filter(name="云中镇", kind=Organisation.Kind.TOWNSHIP).first()
    if supervisor is None or handler is None or township is None:
        return None
    access, _credentials = online_submission_register(
        name="赵桂兰",
        id_number="140624195803120020",
        phone="13903491234",
        address="怀仁市云中镇东关村三组",
        title="东关村自来水管道漏水三个月无人维修",
        content="我们东关村三组的自来水主管道从八月开始漏水，路面常年积水，冬天结冰老人容易滑倒，"
        "多次向村里反映，至今没有维修。",
        demands="请尽快维修自来水管道，清理路面积冰。",
        township=township,
        place="东关村三组",
        credentials=DEMO,
    )
    matter, today = access.matter, timezone.localdate()
    petitions.matter_route(actor=supervisor, matter=matter, kind="transfer", to_org=township, routed_on=today)
    petitions.matter_accept(actor=handler, matter=matter, on=today)
    petitions.matter_reply(
        actor=handler,
        matter=matter,
        request="维修东关村三组自来水主管道，清理路面积冰",
        facts_and_reasons="经现场核查，东关村三组自来水主管道一处接口老化漏水属实，村委会未及时报修。",
        text="镇水利站已于答复当日更换老化接口并清理积冰；责成东关村委会建立管网巡查制度，每月巡查一次。",
        basis="《村庄和集镇规划建设管理条例》有关规定",
        outcome=Reply.Outcome.SUPPORT,
        served_on=today,
    )
    return PortalDemo(query_code=shown.query_code, password=shown.password, created=True)
