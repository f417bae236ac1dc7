"""The PDF carries every part of the document, for the kinds the workflow prints."""

import pytest

from minsheng.documents.render import DOCUMENT_KINDS, render_pdf

from .helpers import make_document, pdf_text, reader, squash

KINDS = {
    "acceptance_notice": {},
    "transfer_form": {
        "addressee": "怀仁市住房和城乡建设局",
        "fields": [
            ("信访事项编号", "HR2026-00123"),
            ("信访人", "李桂兰"),
            ("承办单位", "怀仁市住房和城乡建设局"),
            ("期限", "2026年12月11日前报送办理结果"),
        ],
        "paragraphs": ["现将李桂兰反映的房屋征收补偿问题转送你单位，请依法处理并告知信访人。"],
        "copy_to": "云中镇人民政府",
    },
    "reply_opinion": {
        "fields": [("信访人", "李桂兰"), ("投诉请求", "请求尽快发放补偿款")],
        "paragraphs": [
            "经调查核实，你反映的补偿款已列入2026年第四季度拨付计划。",
            "根据《信访工作条例》第三十二条第一项，对你的请求予以支持。",
            "如对本意见不服，可以自收到本意见书之日起30日内向怀仁市人民政府请求复查。",
        ],
    },
    "final_rejection_notice": {
        "paragraphs": [
            "你以同一事实和理由再次提出的投诉请求，已经复核终结，依照《信访工作条例》第三十六条不再受理。"
        ],
    },
}


@pytest.fixture(params=sorted(KINDS))
def document(request):
    kind = request.param
    return make_document(kind=kind, title=DOCUMENT_KINDS[kind], **KINDS[kind])


def test_it_renders_a_pdf_on_a4(document):
    pdf = render_pdf(document)

    assert pdf.startswith(b"%PDF")
    for page in reader(pdf).pages:
        assert float(page.mediabox.width) == pytest.approx(595.28, abs=1)
        assert float(page.mediabox.height) == pytest.approx(841.89, abs=1)


def test_it_prints_every_part_of_the_document(document):
    text = pdf_text(render_pdf(document))

    expected = [
        document.title,
        document.number,
        document.addressee + "：",
        *document.paragraphs,
        document.issuer,
        "2026年11月26日",
    ]
    for label, value in document.fields:
        expected += [label, value]
    if document.copy_to:
        expected.append("抄送：" + document.copy_to + "。")
    for part in expected:
        assert squash(part) in text


def test_it_prints_the_kind_s_title_when_none_is_given():
    text = pdf_text(render_pdf(make_document(kind="level_skipping_notice", title="")))

    assert squash("信访事项告知书（越级信访）") in text
