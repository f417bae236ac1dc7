"""The report's text in the style of the bureau's reply to proposal No. 67:

"今年上半年，市级领导共召开信访工作联席专题会议 11 次，领导坐班接访 66 次，接待上访群众 20 批次 118 人次，
作出重要信访批示 34 件次…"

One paragraph each for leader reception, lawyers, publicity and the petitions figures. A figure of zero
is left out of its sentence, and a paragraph with nothing to say says so plainly: an official report
must never boast of "0 次". Like the written notices, the text is Chinese whatever the page's language.
"""

from minsheng.accounts.models import Organisation


def _n(value) -> str:
    return str(value)


def _joined(parts: list[str]) -> str:
    return "，".join(parts)


def subjects(organisation: Organisation) -> tuple[str, str]:
    """Who the reception sentence is about, and the area the other sentences are about."""
    if organisation.kind == Organisation.Kind.CITY:
        return "市级领导", "全市"
    return organisation.name, organisation.name


def reception_paragraph(values: dict, organisation: Organisation, phrase: str) -> str:
    leaders, _area = subjects(organisation)
    for_city = organisation.kind == Organisation.Kind.CITY
    parts: list[tuple[str, str]] = []  # (text after "共" when first, text when following)
    if values["joint_meetings"]:
        text = f"召开信访工作联席专题会议 {_n(values['joint_meetings'])} 次"
        parts.append((text, text))
    if values["reception_sessions"]:
        count = f" {_n(values['reception_sessions'])} 次"
        first = ("坐班接访" if for_city else "安排领导坐班接访") + count
        parts.append((first, "领导坐班接访" + count))
    batches, people = values["visit_batches"], values["person_visits"]
    if batches or people:
        text = (
            "接待上访群众"
            + (f" {_n(batches)} 批次" if batches else "")
            + (f" {_n(people)} 人次" if people else "")
        )
        parts.append((text, text))
    if values["instructions"]:
        text = f"作出重要信访批示 {_n(values['instructions'])} 件次"
        parts.append((text, text))
    if values["field_visits"]:
        text = f"带案下访 {_n(values['field_visits'])} 次"
        parts.append((text, text))
    if values["appointments"]:
        text = f"约访信访群众 {_n(values['appointments'])} 次"
        parts.append((text, text))
    if not parts:
        return f"{phrase}，未记录{leaders}召开信访工作联席会议、坐班接访和作出信访批示的情况。"
    texts = [parts[0][0]] + [following for _first, following in parts[1:]]
    return f"{phrase}，{leaders}共{_joined(texts)}。"


def legal_paragraph(values: dict, organisation: Organisation, phrase: str) -> str:
    where = "" if organisation.kind == Organisation.Kind.CITY else f"在{organisation.name}"
    parts = []
    if values["legal_consultations"]:
        parts.append(f"为群众提供免费法律咨询 {_n(values['legal_consultations'])} 人次")
    if values["legal_opinions"]:
        parts.append(f"为信访事项出具法律意见 {_n(values['legal_opinions'])} 件")
    if values["mediations"]:
        parts.append(f"参与信访矛盾纠纷调解 {_n(values['mediations'])} 次")
    if not parts:
        return f"{phrase}，未记录法律工作者{where}参与信访工作的情况。"
    return f"{phrase}，法律工作者{where}{_joined(parts)}。"


def publicity_paragraph(values: dict, organisation: Organisation, phrase: str) -> str:
    _leaders, area = subjects(organisation)
    parts = []
    if values["publicity_activities"]:
        parts.append(f"开展信访宣传活动 {_n(values['publicity_activities'])} 次")
    if values["materials_distributed"]:
        parts.append(f"发放宣传资料 {_n(values['materials_distributed'])} 份")
    if values["questionnaires_collected"]:
        # "发放宣传资料 30000 份，调查问卷 5000 份": the verb is shared when both are there.
        verb = "" if values["materials_distributed"] else "发放"
        parts.append(f"{verb}调查问卷 {_n(values['questionnaires_collected'])} 份")
    if values["consultations_answered"]:
        parts.append(f"接受群众咨询 {_n(values['consultations_answered'])} 人次")
    if values["people_reached"]:
        parts.append(f"受益群众 {_n(values['people_reached'])} 人")
    if not parts:
        return f"{phrase}，{area}未记录信访宣传活动。"
    return f"{phrase}，{area}共计{_joined(parts)}。"


def _rate(value: float) -> str:
    return f"{value:.1f}%"


def _channels(values: dict) -> str:
    parts = []
    for key, name in (("channel_letter", "来信"), ("channel_phone", "电话"), ("channel_online", "网上信访")):
        if values[key]:
            parts.append(f"{name} {_n(values[key])} 件")
    if values["petition_visit_batches"]:
        parts.append(
            f"来访 {_n(values['petition_visit_batches'])} 批次 {_n(values['petition_person_visits'])} 人次"
        )
    for key, name in (("channel_leader_mailbox", "领导信箱"), ("channel_transferred_in", "上级转来")):
        if values[key]:
            parts.append(f"{name} {_n(values[key])} 件")
    return "、".join(parts)


def petitions_paragraph(values: dict, organisation: Organisation, phrase: str) -> str:
    _leaders, area = subjects(organisation)
    sentences = []
    if values["matters_received"] or values["submissions"]:
        opening = f"{phrase}，{area}"
        opening += (
            f"共登记信访事项 {_n(values['matters_received'])} 件"
            if values["matters_received"]
            else "没有新登记的信访事项"
        )
        if values["submissions"]:
            opening += f"，收到信访件 {_n(values['submissions'])} 件"
            channels = _channels(values)
            if channels:
                opening += f"（{channels}）"
        sentences.append(opening)
    else:
        sentences.append(f"{phrase}，{area}没有登记信访事项和信访件")
    if values["accept_due"]:
        sentences.append(
            f"应按期告知受理的 {_n(values['accept_due'])} 件中，"
            f"按期告知 {_n(values['accepted_on_time'])} 件，"
            f"按期受理率 {_rate(values['accepted_on_time_rate'])}"
        )
    if values["handle_due"]:
        sentences.append(
            f"应按期办结的 {_n(values['handle_due'])} 件中，按期办结 {_n(values['completed_on_time'])} 件，"
            f"按期办结率 {_rate(values['completed_on_time_rate'])}"
        )
    if values["rated_matters"]:
        pleased = values["satisfied"] + values["basically_satisfied"]
        detail = (
            f"满意 {_n(values['satisfied'])} 件、基本满意 {_n(values['basically_satisfied'])} 件"
            if pleased
            else "没有评价为满意或基本满意的"
        )
        sentences.append(
            f"信访人评价的 {_n(values['rated_matters'])} 件事项中，{detail}，"
            f"群众满意率 {_rate(values['satisfaction_rate'])}"
        )
    if values["submissions"]:
        if values["repeat_submissions"]:
            sentences.append(
                f"重复信访 {_n(values['repeat_submissions'])} 件，重复信访率 {_rate(values['repeat_rate'])}"
            )
        else:
            sentences.append("没有重复信访")
    return "；".join(sentences) + "。"


def paragraphs(*, values: dict, organisation: Organisation, phrase: str) -> list[str]:
    counts = [value for key, value in values.items() if not key.endswith("_rate")]
    if not any(counts):
        _leaders, area = subjects(organisation)
        return [f"{phrase}，{area}没有记录任何信访工作数据：领导接访、法律服务、宣传活动和信访事项均无记录。"]
    return [
        reception_paragraph(values, organisation, phrase),
        legal_paragraph(values, organisation, phrase),
        publicity_paragraph(values, organisation, phrase),
        petitions_paragraph(values, organisation, phrase),
    ]
