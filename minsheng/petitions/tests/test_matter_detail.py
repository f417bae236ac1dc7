"""The matter page: its submissions with their people, the timeline, replies and attachments."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from minsheng.conftest import make_id_number
from minsheng.petitions.models import Channel, Matter
from minsheng.petitions.services import PetitionerEntry, attachment_add, messages_import

from .helpers import beijing

REP_ID = make_id_number(sequence="811")


@pytest.fixture
def matter(register, city, media_root) -> Matter:
    """A group visit of six with a representative, a repeat letter by her, and one attachment."""
    first = register(
        channel=Channel.VISIT,
        head_count=6,
        received_at=beijing(2025, 3, 10, 9, 30),
        petitioners=[
            PetitionerEntry(name="周代表", id_number=REP_ID, phone="13912340811", is_representative=True),
            PetitionerEntry(name="吴群众"),
        ],
        title="反映村集体土地被违规出租",
    )
    representative = first.petitioners.get(name="周代表")
    register(
        channel=Channel.LETTER,
        received_at=beijing(2025, 3, 20, 9),
        matter=first.matter,
        petitioners=[PetitionerEntry(petitioner_id=representative.pk)],
    )
    attachment_add(
        actor=city.registrar,
        matter=first.matter,
        upload=SimpleUploadedFile("土地租赁合同.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
    )
    return first.matter


def page_of(client, user, matter):
    client.force_login(user)
    return client.get(f"/matters/{matter.pk}/")


def test_it_shows_the_matter_with_its_facts(client, city, matter):
    response = page_of(client, city.registrar, matter)

    assert response.status_code == 200
    html = response.content.decode()
    assert matter.number in html
    assert "反映村集体土地被违规出租" in html
    assert "已登记" in html
    assert "怀仁市信访局" in html
    assert "2025-03-10 09:30" in html
    assert "2025-03-25" in html  # the route deadline


def test_it_shows_every_submission_with_its_channel_head_count_and_tags(client, city, matter):
    html = page_of(client, city.registrar, matter).content.decode()

    assert "信访件（2 件）" in html
    articles = html.split('<article class="submission">')[1:]
    assert len(articles) == 2
    visit, letter = articles
    assert "来访" in visit and "6 人" in visit and "集体访" in visit
    assert "周代表" in visit and "吴群众" in visit and "代表</span>" in visit
    assert "重复信访" not in visit
    assert "来信" in letter and "重复信访" in letter and "集体访" not in letter
    assert "吴群众" not in letter


def test_it_shows_the_timeline_in_order_with_actors_and_notes(client, city, matter):
    html = page_of(client, city.registrar, matter).content.decode()

    timeline = html[html.index('<ol class="timeline">') : html.index("</ol>")]
    kinds = [
        timeline.index(label)
        for label in ("<strong>登记</strong>", "<strong>追加信访件</strong>", "<strong>上传附件</strong>")
    ]
    assert kinds == sorted(kinds)
    assert "来访登记，信访人：周代表、吴群众" in timeline
    assert "重复信访（来信），信访人：周代表" in timeline
    assert "土地租赁合同.pdf" in timeline
    assert "dengji" in timeline  # the registrar's name
    assert "信访局" in timeline


def test_it_lists_attachments_with_a_download_link(client, city, matter):
    html = page_of(client, city.registrar, matter).content.decode()

    attachment = matter.attachments.get()
    assert f'<a href="/attachments/{attachment.pk}/">土地租赁合同.pdf</a>' in html
    assert f'action="/matters/{matter.pk}/attachments/"' in html


def test_it_says_when_there_are_no_attachments(client, city, register):
    html = page_of(client, city.registrar, register().matter).content.decode()

    assert "暂无附件" in html


def test_it_shows_replies_of_an_imported_matter(client, city):
    messages_import(
        organisation=city.bureau,
        records=[
            {
                "_line": 2,
                "留言编号": "9001",
                "留言用户": "A0001",
                "留言主题": "小区噪音扰民",
                "留言时间": "2019/4/25 9:32:09",
                "留言详情": "\n\t\t夜间施工噪音很大。\n\t",
                "答复意见": "\n\t经核查，已责令施工单位停止夜间施工。\t\n",
                "答复时间": "2019/5/10 14:56:53",
            }
        ],
    )
    matter = Matter.objects.get(external_id="9001")

    html = page_of(client, city.registrar, matter).content.decode()

    assert "已办结" in html
    reply = html[html.index("<h2>答复</h2>") :]
    assert "经核查，已责令施工单位停止夜间施工。" in reply
    assert "2019-05-10 14:56" in reply
    assert "历史导入" in html and "历史答复" in html
    assert "A0001" in html


def test_it_hides_the_reply_section_when_there_is_no_reply(client, city, matter):
    assert "<h2>答复</h2>" not in page_of(client, city.registrar, matter).content.decode()


def test_it_answers_404_for_a_matter_the_user_cannot_see(client, city, register):
    township_matter = register(actor=city.yunzhong_registrar).matter

    assert page_of(client, city.jinshatan_handler, township_matter).status_code == 404
    assert page_of(client, city.yunzhong_handler, township_matter).status_code == 200


def test_it_answers_404_for_a_matter_that_does_not_exist(client, city, matter):
    client.force_login(city.registrar)

    assert client.get(f"/matters/{matter.pk + 1000}/").status_code == 404
