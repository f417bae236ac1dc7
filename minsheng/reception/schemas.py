"""API shapes of leaders' reception. Meaning (scope, dates, roles) is checked by the services."""

import datetime as dt

from ninja import Field, Schema

from minsheng.petitions.models import Nature
from minsheng.petitions.schemas import OrganisationRef, PetitionerIn


class LeaderRef(Schema):
    id: int
    name: str
    title: str

    @staticmethod
    def resolve_name(user) -> str:
        return user.display_name


class DayOut(Schema):
    id: int
    date: dt.date
    kind: str = Field(..., description="centre 坐班接访 / field_visit 下访")
    leader: LeaderRef
    organisation: OrganisationRef
    place: str
    starts_at: dt.time | None
    ends_at: dt.time | None
    session_id: int | None = None


class DayIn(Schema):
    kind: str = Field(..., description="centre 或 field_visit")
    date: dt.date
    leader_id: int
    organisation_id: int | None = Field(None, description="坐班接访默认为调用者所在的信访局；下访为乡镇或村")
    place: str = Field("", max_length=200)
    starts_at: dt.time | None = None
    ends_at: dt.time | None = None
    note: str = Field("", max_length=500)


class RotaIn(Schema):
    month: str = Field(..., description="例如 2026-12", max_length=7)
    leader_ids: list[int] = Field(..., max_length=40, description="按轮值顺序")
    place: str = Field("群众来访服务中心", max_length=200)
    starts_at: dt.time | None = dt.time(9, 0)
    ends_at: dt.time | None = dt.time(17, 0)


class RotaOut(Schema):
    created: list[DayOut]
    already_planned: list[dt.date]
    no_leader_free: list[dt.date]
    warning: str


class SessionIn(Schema):
    day_id: int | None = Field(None, description="按接访安排记录时填写；其余字段默认取自安排")
    leader_id: int | None = None
    held_on: dt.date | None = None
    kind: str | None = Field(None, description="centre 或 field_visit")
    organisation_id: int | None = None
    place: str = Field("", max_length=200)
    started_at: dt.time | None = None
    ended_at: dt.time | None = None
    notes: str = Field("", max_length=10000)


class InstructionDraftIn(Schema):
    text: str = Field("", max_length=5000)
    unit_ids: list[int] = Field(default_factory=list, max_length=50)
    due_on: dt.date | None = None


class EntryIn(Schema):
    outcome: str = Field(..., description="answered 现场答复 / solved 现场解决 / instructed 现场批示")
    outcome_note: str = Field("", max_length=5000)
    instruction: InstructionDraftIn | None = Field(None, description="现场批示时必填")
    attach_existing: bool = Field(
        False, description="true：来访人已在窗口登记，关联 matter_number 事项当天的来访登记，不再填写来访人"
    )
    matter_number: str | None = Field(
        None, max_length=40, description="追加到已有事项，或 attach_existing 时的事项"
    )
    petitioners: list[PetitionerIn] = Field(default_factory=list, max_length=200)
    head_count: int = Field(1, ge=1, le=10000)
    title: str = Field("", max_length=200)
    content: str = Field("", max_length=20000)
    demands: str = Field("", max_length=5000)
    nature: Nature = Nature.CLAIM
    received_at: dt.datetime | None = Field(None, description="默认：当天的接访为现在，否则为接访开始时间")


class EntryOut(Schema):
    id: int
    matter_id: int
    matter_number: str
    submission_id: int
    head_count: int
    outcome: str
    outcome_label: str
    outcome_note: str
    instruction_id: int | None


class SessionOut(Schema):
    id: int
    day_id: int | None
    held_on: dt.date
    kind: str
    leader: LeaderRef
    organisation: OrganisationRef
    place: str
    started_at: dt.time | None
    ended_at: dt.time | None
    notes: str
    visit_batches: int
    person_visits: int
    entries: list[EntryOut]


class AppointmentIn(Schema):
    matter_number: str = Field(..., max_length=40)
    leader_id: int
    proposed_at: dt.datetime
    place: str = Field(..., max_length=200)
    invited_by: str = Field(..., description="phone / letter / in_person / local_unit")
    organisation_id: int | None = None
    note: str = Field("", max_length=2000)


class AppointmentStatusIn(Schema):
    action: str = Field(
        ..., description="schedule（确定或改期） / held（已约见） / not_held（未能约见） / cancel"
    )
    proposed_at: dt.datetime | None = None
    place: str = Field("", max_length=200)
    note: str = Field("", max_length=2000)
    held_at: dt.datetime | None = None
    outcome: str = ""
    notes: str = Field("", max_length=5000)
    reason: str = Field("", max_length=2000)
    instruction: InstructionDraftIn | None = None


class AppointmentOut(Schema):
    id: int
    matter_id: int
    matter_number: str
    leader: LeaderRef
    organisation: OrganisationRef
    place: str
    proposed_at: dt.datetime
    invited_by: str
    status: str
    status_label: str
    reschedule_count: int
    held_at: dt.datetime | None
    outcome: str
    notes: str
    reason: str
    instruction_id: int | None


class OwnershipIn(Schema):
    matter_number: str = Field(..., max_length=40)
    leader_id: int
    note: str = Field("", max_length=2000)


class ReleaseIn(Schema):
    note: str = Field(..., max_length=2000)


class OwnershipOut(Schema):
    id: int
    matter_id: int
    matter_number: str
    leader: LeaderRef
    assigned_on: dt.date
    note: str
    released_on: dt.date | None
    release_note: str
