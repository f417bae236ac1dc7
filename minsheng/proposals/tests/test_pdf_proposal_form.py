"""The proposal form (提案纸) laid out like the reference: proposal 67's fields are in the PDF."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from .conftest import TITLE_67

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    # pypdf may put spaces or line breaks between CJK characters; compare without them.
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


def form_pdf(client, user, proposal):
    client.force_login(user)
    response = client.get(reverse("proposals:form_pdf", args=[proposal.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return pdf_text(response.content)


def test_it_prints_proposal_67_on_the_form_of_the_reference(client, cppcc, proposal_67_replied):
    text = form_pdf(client, cppcc.office, proposal_67_replied)
    for expected in (
        "信函",
        "第67号",
        "中国人民政治协商会议怀仁市委员会",
        "（二届二次会议）",
        "提案",
        "标题",
        TITLE_67,
        "提案人",
        "王旭东",
        "单位及职务",
        "怀仁一中仁德校区德育处主任",
        "联系电话",
        "13934561234",
        "通讯地址",
        "怀仁市仁德路怀仁一中仁德校区",
        "联名提案人",
        "希望得到办理的部门",
        "信访部门",
        "提案要求一事一议",
        "提案内容：",
        "【案由】",
        "信访工作是党的群众工作的重要组成部分",
        "【建议】",
        "生人熟人一样和气",
        "市政协提案委初审意见：",
        "同意立案，交市信访局办理。",
        "市委、市政府领导批示：",
        "请市信访局认真研究办理。",
        "办理情况报告：",
        "已书面答复提案人",
        "承办单位领导签字：刘局长",
        "承办单位：怀仁市信访局（盖章）",
    ):
        assert expected in text, expected


def test_the_form_of_a_fresh_proposal_leaves_the_office_and_unit_boxes_empty(client, cppcc, proposal_67):
    text = form_pdf(client, cppcc.office, proposal_67)
    assert TITLE_67 in text and "第67号" not in text
    assert "市政协提案委初审意见：市委、市政府领导批示：" in text
    assert "年月日" in text


def test_a_leader_gets_the_form_without_the_proposers_phone_and_address(
    client, city, cppcc, proposal_67_replied
):
    text = form_pdf(client, city.leader, proposal_67_replied)
    assert "王旭东" in text and TITLE_67 in text
    assert "13934561234" not in text
    assert "仁德路" not in text


def test_a_unit_not_concerned_cannot_download_the_form(client, city, proposal_67_replied):
    client.force_login(city.housing_handler)
    assert client.get(reverse("proposals:form_pdf", args=[proposal_67_replied.pk])).status_code == 404
