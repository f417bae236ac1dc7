"""The reply letter (答复函) of the petition bureau to proposal 67, as a PDF."""

import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from minsheng.proposals import services

from .conftest import MEASURES_67, TITLE_67

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


def reply_pdf(client, user, proposal, reply):
    client.force_login(user)
    return client.get(reverse("proposals:reply_pdf", args=[proposal.pk, reply.pk]))


def test_it_prints_the_bureaus_reply_to_proposal_67(client, cppcc, proposal_67_replied):
    reply = proposal_67_replied.replies.get()
    response = reply_pdf(client, cppcc.wang, proposal_67_replied, reply)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    today = timezone.localdate()
    for expected in (
        "关于中国人民政治协商会议怀仁市委员会（二届二次会议）第67号提案的回复",
        "王旭东委员：",
        f"您提出的《{TITLE_67}》提案收悉，现回复如下：",
        "近年来，在市委、市政府的高度重视和正确领导下",
        re.sub(r"\s+", "", MEASURES_67[0]["heading"]),
        "联席专题会议11次",
        "坐班接访66次",
        "20批次118人次",
        "批示34件次",
        "约300人次",
        "30000余份",
        "怀仁市信访局",
        f"{today.year}年{today.month}月{today.day}日",
    ):
        assert expected in text, expected
    # The letter is for the proposer: the internal handling report is not in it.
    assert "已书面答复提案人" not in text


def test_a_draft_reply_is_shown_only_to_its_unit(client, city, cppcc, proposal_67):
    services.proposal_admit(actor=cppcc.office, proposal=proposal_67)
    services.proposal_assign(actor=cppcc.office, proposal=proposal_67, lead=city.bureau)
    reply = services.proposal_reply_draft(
        actor=cppcc.bureau_handler, proposal=proposal_67, measures=MEASURES_67, grade="A", report="报告"
    )
    assert reply_pdf(client, cppcc.wang, proposal_67, reply).status_code == 404
    assert reply_pdf(client, city.leader, proposal_67, reply).status_code == 404
    assert reply_pdf(client, cppcc.bureau_handler, proposal_67, reply).status_code == 200


def test_a_reply_of_another_proposal_is_not_found(client, cppcc, proposal_67_replied, submit):
    other = submit()
    reply = proposal_67_replied.replies.get()
    client.force_login(cppcc.office)
    url = reverse("proposals:reply_pdf", args=[other.pk, reply.pk])
    assert client.get(url).status_code == 404
