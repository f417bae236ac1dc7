"""API shapes of publicity. Validation of meaning (scope, dates, counts, results) stays in the services."""

import datetime as dt

from ninja import Field, Schema

from minsheng.petitions.schemas import OrganisationRef


class ActivityIn(Schema):
    held_on: dt.date = Field(..., description="活动日期，不晚于今天")
    place: str = Field(..., max_length=200)
    kind: str = Field(
        ...,
        description="regulations_month 条例宣传月、display_board 宣传展板、brochures 发放宣传手册、"
        "banner 悬挂条幅、led_screen LED 屏滚动、chat_group 微信群·QQ 群、door_to_door 进村入户、"
        "on_site_qa 现场答疑、other 其他",
    )
    organiser_id: int | None = Field(None, description="组织单位；默认为调用者所在单位")
    title: str = Field("", max_length=200)
    description: str = Field("", max_length=5000)
    materials_distributed: int = Field(0, description="发放宣传资料（份）")
    questionnaires_collected: int = Field(0, description="收回调查问卷（份）")
    consultations_answered: int = Field(0, description="接受群众咨询（人次）")
    people_reached: int = Field(0, description="受益群众（人）")
    questionnaire_id: int | None = Field(None, description="使用的调查问卷")


class PhotoOut(Schema):
    id: int
    url: str
    caption: str
    original_name: str


class ActivityOut(Schema):
    id: int
    held_on: dt.date
    title: str
    display_title: str
    place: str
    organiser: OrganisationRef
    kind: str
    kind_label: str
    description: str
    materials_distributed: int
    questionnaires_collected: int
    consultations_answered: int
    people_reached: int
    questionnaire_id: int | None
    results_recorded: bool
    recorded_by: str
    recorded_at: dt.datetime
    updated_at: dt.datetime
    photos: list[PhotoOut] = Field(default_factory=list)


class TotalsOut(Schema):
    activities: int
    materials_distributed: int
    questionnaires_collected: int
    consultations_answered: int
    people_reached: int


class ActivityListOut(Schema):
    count: int
    page: int
    pages: int
    totals: TotalsOut = Field(..., description="筛选范围内全部活动的合计（不只本页）")
    items: list[ActivityOut]


class ActivityQuery(Schema):
    held_from: dt.date | None = None
    held_to: dt.date | None = None
    organiser_id: int | None = Field(None, description="组织单位（含其下级）")
    kind: str = ""
    page: int = Field(1, ge=1)


class ChoiceResultOut(Schema):
    id: int
    text: str
    count: int
    percent: float | None = Field(..., description="占收回问卷的百分比，保留一位小数")


class QuestionResultOut(Schema):
    id: int
    position: int
    text: str
    multiple: bool
    answered: int | None = Field(..., description="单选题：作答的问卷份数；多选题为 null")
    unanswered: int | None
    unanswered_percent: float | None
    choices: list[ChoiceResultOut]


class ResultsOut(Schema):
    questionnaire_id: int | None
    respondents: int = Field(..., description="收回问卷份数（百分比的分母）")
    activities: int = Field(..., description="计入的活动次数")
    questions: list[QuestionResultOut]


class ActivityResultsOut(ResultsOut):
    recorded_at: dt.datetime | None


class CountIn(Schema):
    choice_id: int
    count: int


class ResultsIn(Schema):
    counts: list[CountIn] = Field(..., max_length=1000, description="各选项的份数；未列出的选项计 0")


class QuestionIn(Schema):
    text: str = Field(..., max_length=500)
    choices: list[str] = Field(..., max_length=50)
    multiple: bool = False


class QuestionnaireIn(Schema):
    title: str = Field(..., max_length=200)
    description: str = Field("", max_length=2000)
    questions: list[QuestionIn] = Field(..., max_length=100)


class QuestionnaireActiveIn(Schema):
    is_active: bool


class ChoiceOut(Schema):
    id: int
    position: int
    text: str


class QuestionOut(Schema):
    id: int
    position: int
    text: str
    multiple: bool
    choices: list[ChoiceOut]


class QuestionnaireOut(Schema):
    id: int
    title: str
    description: str
    owner: OrganisationRef
    is_active: bool
    created_at: dt.datetime
    questions: list[QuestionOut]


class QuestionnaireSummaryOut(Schema):
    id: int
    title: str
    owner: OrganisationRef
    is_active: bool
    created_at: dt.datetime
    question_count: int


class QuestionnaireListOut(Schema):
    count: int
    page: int
    pages: int
    items: list[QuestionnaireSummaryOut]


class QuestionnaireDetailOut(QuestionnaireOut):
    results: ResultsOut


class QuestionnaireQuery(Schema):
    active_only: bool = False
    page: int = Field(1, ge=1)


class ResultsQuery(Schema):
    held_from: dt.date | None = None
    held_to: dt.date | None = None
    organiser_id: int | None = Field(None, description="组织单位（含其下级）")
