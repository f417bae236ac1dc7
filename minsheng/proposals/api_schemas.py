"""Input and output shapes of the proposals API."""

import datetime as dt

from ninja import Field, Schema

from minsheng.petitions.schemas import OrganisationRef


class SessionOut(Schema):
    id: int
    name: str
    opens_on: dt.date
    closes_on: dt.date | None
    is_current: bool


class SessionIn(Schema):
    name: str = Field(..., max_length=50, description="届次，例如 二届二次会议")
    opens_on: dt.date
    closes_on: dt.date | None = None
    make_current: bool = False


class PersonRef(Schema):
    id: int
    name: str


class CosignerOut(Schema):
    member: PersonRef
    answer: str = Field(
        ..., description="pending 待确认 / confirmed 已确认 / declined 已拒绝 / dropped 逾期未确认"
    )
    answer_label: str
    answered_at: dt.datetime | None
    note: str


class AssignmentOut(Schema):
    id: int
    unit: OrganisationRef
    role: str = Field(..., description="lead 主办 / co 会办 / separate 分办")
    role_label: str
    assigned_at: dt.datetime
    objection_until: dt.date
    objected_at: dt.datetime | None
    objection_reason: str
    withdrawn_at: dt.datetime | None


class ContactOut(Schema):
    id: int
    unit: OrganisationRef
    contacted_on: dt.date
    way: str
    way_label: str
    content: str


class ViewOut(Schema):
    id: int
    unit: OrganisationRef
    round: int
    content: str
    sent_at: dt.datetime


class Measure(Schema):
    heading: str = Field("", max_length=200)
    body: str = Field("", max_length=20000)


class ReplyOut(Schema):
    id: int
    unit: OrganisationRef
    round: int
    addressee: str
    acknowledgement: str
    opening: str
    measures: list[Measure]
    closing: str
    unit_name: str
    reply_on: dt.date
    grade: str
    report: str
    signed_by_name: str
    signed_on: dt.date | None
    sent_at: dt.datetime | None


class FeedbackOut(Schema):
    round: int
    rating: str
    rating_label: str
    comment: str
    rated_at: dt.datetime


class EventOut(Schema):
    kind: str
    kind_label: str
    actor: str | None
    organisation: str | None
    note: str
    at: dt.datetime


class ProposalOut(Schema):
    id: int
    session: SessionOut
    number: int | None
    status: str
    status_label: str
    title: str
    proposer: PersonRef
    proposer_unit_post: str
    desired_departments: str
    is_key: bool
    submitted_at: dt.datetime
    cosign_deadline: dt.date | None
    assigned_on: dt.date | None
    due_on: dt.date | None
    deadline_state: str = Field("", description="overdue 超期 / due_soon 临期 / on_time 按期；办理中才有")
    round: int
    grade: str
    rating: str
    replied_at: dt.datetime | None
    closed_at: dt.datetime | None
    published_at: dt.datetime | None


class ProposalDetailOut(ProposalOut):
    reason: str
    suggestions: str
    multi_matter_warning: str
    phone: str | None = Field(None, description="只向提案人、提案委和现承办单位提供")
    address: str | None = Field(None, description="只向提案人、提案委和现承办单位提供")
    review_opinion: str
    leader_instruction: str
    not_admitted_ground: str
    not_admitted_notice: str
    converted_to: OrganisationRef | None
    joint_handling_id: int | None
    cosigners: list[CosignerOut]
    assignments: list[AssignmentOut]
    contacts: list[ContactOut]
    views: list[ViewOut]
    replies: list[ReplyOut]
    feedback: list[FeedbackOut]
    events: list[EventOut]


class ProposalListOut(Schema):
    count: int
    page: int
    pages: int
    items: list[ProposalOut]


class ProposalIn(Schema):
    title: str = Field(..., max_length=200)
    reason: str = Field(..., max_length=20000, description="案由")
    suggestions: str = Field(..., max_length=20000, description="建议")
    proposer_id: int | None = Field(None, description="提案委代委员录入时必填；委员本人提交时省略")
    session_id: int | None = Field(None, description="默认当前届次")
    proposer_unit_post: str = Field("", max_length=200)
    phone: str = Field("", max_length=30)
    address: str = Field("", max_length=200)
    desired_departments: str = Field("", max_length=200)
    cosigner_ids: list[int] = Field(default_factory=list, max_length=30)
    cosign_deadline: dt.date | None = None


class TextIn(Schema):
    title: str = Field("", max_length=200)
    reason: str = Field("", max_length=20000)
    suggestions: str = Field("", max_length=20000)


class OneMatterOut(Schema):
    items: int
    off_subject: list[str]
    warning: str


class SimilarOut(Schema):
    id: int
    session: str
    number: int | None
    title: str
    proposer_name: str
    score: float
    replies: list[ReplyOut]


class CosignIn(Schema):
    confirm: bool
    note: str = Field("", max_length=200)


class AdmitIn(Schema):
    review_opinion: str = Field("", max_length=2000)
    is_key: bool = False


class NotAdmitIn(Schema):
    ground: str = Field(..., max_length=100, description="GET /proposal-grounds 列出的标准理由之一")
    notice: str = Field("", max_length=2000)
    review_opinion: str = Field("", max_length=2000)


class ConvertIn(Schema):
    unit_id: int
    review_opinion: str = Field("", max_length=2000)


class ReviewNoteIn(Schema):
    review_opinion: str | None = Field(None, max_length=2000)
    leader_instruction: str | None = Field(None, max_length=2000)
    is_key: bool | None = None


class AssignIn(Schema):
    lead_id: int | None = Field(None, description="主办单位")
    co_unit_ids: list[int] = Field(default_factory=list, max_length=20, description="会办单位")
    separate_unit_ids: list[int] = Field(default_factory=list, max_length=20, description="分办单位")
    due_on: dt.date | None = Field(None, description="默认交办之日起 3 个月，最长 6 个月")


class ObjectIn(Schema):
    reason: str = Field(..., max_length=2000)


class ExtendIn(Schema):
    due_on: dt.date
    reason: str = Field(..., max_length=2000)


class JoinIn(Schema):
    proposal_ids: list[int] = Field(..., max_length=50)
    title: str = Field(..., max_length=200)


class JoinOut(Schema):
    id: int
    title: str
    proposal_ids: list[int]


class ContactIn(Schema):
    contacted_on: dt.date
    way: str = Field(
        ..., description="visit 登门走访 / meeting 座谈面商 / phone 电话沟通 / letter 书面沟通 / other"
    )
    content: str = Field(..., max_length=2000)


class ViewIn(Schema):
    content: str = Field(..., max_length=20000)


class ReplyIn(Schema):
    measures: list[Measure] = Field(default_factory=list, max_length=30)
    grade: str = Field(..., description="A / B / C")
    report: str = Field(..., max_length=20000, description="办理情况报告")
    opening: str = Field("", max_length=20000)
    closing: str = Field("", max_length=20000)
    addressee: str = Field("", max_length=50, description="默认“某某委员：”")
    acknowledgement: str = Field("", max_length=300, description="默认“您提出的《…》提案收悉，现回复如下：”")
    unit_name: str = Field("", max_length=100)
    reply_on: dt.date | None = None


class SignIn(Schema):
    signed_by_name: str = Field(..., max_length=50)
    signed_on: dt.date


class RatingIn(Schema):
    rating: str = Field(..., description="satisfied 满意 / basically_satisfied 基本满意 / unsatisfied 不满意")
    comment: str = Field("", max_length=2000)
