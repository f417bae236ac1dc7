"""A law firm with two more lawyers, a claim registered at the bureau, and the steps that bring a
lawyer into it, each through the real services."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from minsheng.accounts.models import Organisation, Role
from minsheng.accounts.services import organisation_create, user_create
from minsheng.conftest import PASSWORD
from minsheng.legal import services
from minsheng.petitions.models import Nature


@pytest.fixture
def firm(city):
    office = organisation_create(name="山西仁和律师事务所", kind=Organisation.Kind.LAW_FIRM, parent=city.root)

    def lawyer(username, full_name):
        return user_create(
            username=username, password=PASSWORD, full_name=full_name, role=Role.LAWYER, organisation=office
        )

    return SimpleNamespace(office=office, zhang=lawyer("zhang", "张明律师"), wang=lawyer("wang", "王芳律师"))


@pytest.fixture
def claim(register):
    """A land-compensation claim of 李桂兰 against 东关村, registered at the bureau."""
    return register(
        title="征地补偿款被村委会截留",
        content="东关村委会将本人承包地的征地补偿款截留两年，至今未发放，村委会称用于修路。",
        demands="请求发放征地补偿款并支付利息",
        place="云中镇东关村",
    ).matter


@pytest.fixture
def accusation(register):
    return register(
        title="举报村干部侵占集体资金", content="东关村会计侵占集体资金十余万元。", nature=Nature.ACCUSATION
    ).matter


@pytest.fixture
def assigned(city, claim, firm):
    return services.lawyer_assignment_create(
        actor=city.supervisor, matter=claim, lawyer=firm.zhang, request="请就补偿款争议的解决途径提出法律意见"
    )


@pytest.fixture
def active(assigned, firm):
    return services.conflict_declaration_record(
        actor=firm.zhang, assignment=assigned, has_conflict=False, confirmed=True
    )


def opinion_fields(**extra):
    fields = {
        "facts": "村委会自2024年起截留李桂兰承包地的征地补偿款共计三万元。",
        "analysis": (
            "征地补偿款中的地上附着物及青苗补偿费归承包人所有，村委会无权截留。"
            "该争议属平等主体之间的财产纠纷。"
        ),
        "route": "litigation",
        "basis": "《中华人民共和国民法典》第二百四十三条\n《中华人民共和国土地管理法》第四十八条",
        "given_on": timezone.localdate(),
    }
    fields.update(extra)
    return fields


def yesterday() -> dt.date:
    return timezone.localdate() - dt.timedelta(days=1)
