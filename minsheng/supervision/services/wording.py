"""What a supervision notice says. The document is always Chinese, whatever language the supervisor
reads the application in, so these strings are not translated."""

import datetime as dt

from minsheng.accounts.models import Organisation

from ..models import DEADLINE_KIND_LABELS, Level, SupervisionItem


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _overdue_days(due: dt.date, on: dt.date, *, still: str = "至今") -> str:
    days = (on - due).days
    return f"，{still}已超期{days}日" if days > 0 else ""


def what_is_wrong(item: SupervisionItem, on: dt.date) -> tuple[str, str, str]:
    """(the subject as a name, what is overdue or wrong, the sentence that opens the notice)."""
    if item.instruction_task_id is not None:
        task = item.instruction_task
        instruction = task.instruction
        subject = f"领导批示{instruction.number}"
        wrong = f"办理期限为{cn_date(task.due_on)}，至今未办结{_overdue_days(task.due_on, on, still='')}"
        opening = (
            f"{instruction.leader}于{cn_date(instruction.issued_on)}批示（{instruction.number}）："
            f"“{instruction.text}”，由你单位办理。该批示{wrong}。"
        )
        return subject, wrong, opening
    if item.meeting_task_id is not None:
        task = item.meeting_task
        subject = f"{task.meeting.label}决定事项第{task.position}项"
        wrong = f"完成期限为{cn_date(task.due_on)}，至今未办结{_overdue_days(task.due_on, on, still='')}"
        opening = f"{task.meeting.label}决定由你单位办理：“{task.decision}”。该项{wrong}。"
        return subject, wrong, opening
    matter = item.matter
    subject = f"{matter.number}“{matter.title}”"
    if item.kind == SupervisionItem.Kind.UNSATISFIED:
        stage = item.reply.get_stage_display() if item.reply_id else "答复"
        reason = f"：{item.note}" if item.note else ""
        wrong = f"信访人对{stage}不满意{reason}"
        opening = f"你单位办理的信访事项{subject}，{wrong}。"
        return subject, wrong, opening
    label = DEADLINE_KIND_LABELS.get(item.deadline_kind, item.deadline_kind or "办理")
    wrong = f"{label}期限为{cn_date(item.due_on)}{_overdue_days(item.due_on, on)}"
    opening = f"你单位承办的信访事项{subject}，{wrong}。"
    return subject, wrong, opening


LEVEL_DEMANDS = {
    Level.REMINDER: "请你单位抓紧办理，并于{due}前将办理情况书面反馈{issuer}。",
    Level.SUPERVISION: (
        "请你单位高度重视，明确责任领导和责任人，限期办理，并于{due}前将办理情况和结果书面反馈{issuer}。"
    ),
    Level.LISTED: (
        "该事项已列为挂牌督办事项。请你单位主要负责同志亲自研究、亲自部署，逐项落实，"
        "并于{due}前将办理情况和结果书面反馈{issuer}。挂牌督办期间，{issuer}将跟踪问效，直至问题解决。"
    ),
}
LEVEL_WARNINGS = {
    Level.REMINDER: "逾期未反馈或反馈不实的，将升级督办。",
    Level.SUPERVISION: "逾期未反馈或仍未办结的，将予以挂牌督办并通报。",
    Level.LISTED: "逾期仍未办结的，将予以通报，并依照《信访工作条例》第四十条的规定提出追究责任的建议。",
}


def notice_text(
    *,
    item: SupervisionItem,
    level: str,
    addressee: Organisation,
    issuer: Organisation,
    due: dt.date,
    on: dt.date,
    requirement: str,
) -> tuple[list[str], list[list[str]]]:
    """The body paragraphs and the labelled lines of a 督办通知书."""
    subject, wrong, opening = what_is_wrong(item, on)
    level_label = str(Level(level).label)
    action = "挂牌督办" if level == Level.LISTED else f"予以{level_label}"
    paragraphs = [
        f"{opening}依照《信访工作条例》第四十条的规定，现对该事项{action}。",
        requirement,
        LEVEL_DEMANDS[level].format(due=cn_date(due), issuer=issuer.name),
        LEVEL_WARNINGS[level],
    ]
    fields = [
        ["督办级别", level_label],
        ["督办事项", subject],
        ["督办原因", wrong],
        ["责任单位", addressee.name],
        ["反馈期限", cn_date(due)],
    ]
    return [p for p in paragraphs if p], fields
