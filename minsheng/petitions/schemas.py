"""API shapes. Validation of meaning (ID numbers, scope, group visits) stays in the services."""

import datetime as dt

from ninja import Field, Schema

from .models import Channel, Matter, Nature


class PetitionerIn(Schema):
    id: int | None = Field(None, description="已有信访人的编号；填写后忽略其余字段")
    name: str = Field("", max_length=50)
    id_number: str = Field("", max_length=30, description="18 位居民身份证号码")
    phone: str = Field("", max_length=30)
    address: str = Field("", max_length=200)
    region_code: str = Field("", max_length=12)
    is_representative: bool = False


class ShownCandidate(Schema):
    matter_id: int
    score: float = 0.0


class SubmissionIn(Schema):
    channel: Channel
    received_at: dt.datetime
    receiving_org_id: int | None = Field(None, description="登记单位；默认为调用者所在单位")
    petitioners: list[PetitionerIn] = Field(default_factory=list, max_length=200)
    head_count: int = Field(1, ge=1, le=10000)
    title: str = Field(..., max_length=200)
    content: str = Field(..., max_length=20000)
    demands: str = Field("", max_length=5000)
    concerned_org_id: int | None = None
    place: str = Field("", max_length=200)
    category_id: int | None = None
    nature: Nature = Nature.CLAIM
    matter_number: str | None = Field(None, description="追加到已有信访事项时填写其编号")
    confirmed_new: bool = Field(
        False, description="已看过查重结果，确认登记为新事项（不按同一事项的条例规则自动附加）"
    )
    shown_candidates: list[ShownCandidate] | None = Field(
        None,
        max_length=20,
        description="登记前查重（/submissions/check）显示的候选事项，用于记录登记员的选择",
    )


class OrganisationRef(Schema):
    id: int
    name: str


class CategoryRef(Schema):
    id: int
    name: str


class PetitionerOut(Schema):
    id: int
    name: str
    id_number_masked: str
    phone_masked: str
    is_representative: bool = False


class SubmissionOut(Schema):
    id: int
    matter_number: str
    channel: str
    received_at: dt.datetime
    head_count: int
    is_repeat: bool
    title: str
    petitioners: list[PetitionerOut]


class MatterOut(Schema):
    id: int
    number: str
    title: str
    status: Matter.Status
    status_label: str
    nature: str
    first_channel: str
    received_at: dt.datetime
    receiving_org: OrganisationRef
    handling_org: OrganisationRef | None
    concerned_org: OrganisationRef | None
    category: CategoryRef | None
    place: str
    due_on: dt.date | None
    due_kind: str
    deadline_state: str = Field("", description="按期 on_time / 临期 due_soon / 超期 overdue，查询时计算")
    deadline_uncertain: bool

    @staticmethod
    def resolve_status_label(matter) -> str:
        return matter.get_status_display()


class MatterHighlightOut(Schema):
    title: str = Field(description="标题，检索词以 <mark> 标出；其余文字已做 HTML 转义")
    snippet: str = Field(description="首个命中处前后的一段文字（内容、诉求、后续信访件或答复），同样标出")


class MatterListOut(MatterOut):
    highlight: MatterHighlightOut | None = Field(None, description="按 q 检索时给出")


class MatterDetailOut(MatterOut):
    content: str
    demands: str
    submissions: list[SubmissionOut] = Field(..., alias="submission_list")


class MatterEventOut(Schema):
    id: int
    kind: str
    kind_label: str
    at: dt.datetime
    actor: str | None
    organisation: str | None
    note: str
    from_status: str
    to_status: str


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None
