"""POST /api/v1/suggestions: ranked categories and handling units for a petition's text."""

from django.core.exceptions import PermissionDenied
from ninja import Field, Router, Schema

from minsheng.petitions.models import Nature
from minsheng.petitions.permissions import can_register
from minsheng.petitions.schemas import ErrorOut

from .selectors import MAX_INPUT_CHARS, suggestions_for

router = Router(tags=["分类建议"])


class SuggestionIn(Schema):
    title: str = Field("", max_length=MAX_INPUT_CHARS, description="标题")
    content: str = Field("", max_length=MAX_INPUT_CHARS, description="信访内容")
    demands: str = Field("", max_length=MAX_INPUT_CHARS, description="诉求")
    place: str = Field("", max_length=200, description="问题发生地")
    nature: Nature | None = Field(None, description="性质：suggestion / accusation / claim")


class SuggestionOut(Schema):
    id: int
    name: str
    score: float = Field(..., description="模型给出的把握，0–1，各项之和不超过 1")


class SuggestionsOut(Schema):
    categories: list[SuggestionOut] = Field(..., description="一级分类，最可能的在前")
    units: list[SuggestionOut] = Field(..., description="可转送的承办单位，最可能的在前")
    trained: bool = Field(..., description="false：尚未训练，仅依据分类表名称")


@router.post(
    "/suggestions",
    response={200: SuggestionsOut, 403: ErrorOut, 422: ErrorOut},
    summary="分类与承办单位建议",
    description="根据标题、内容（及诉求、发生地、性质）给出最可能的三个一级分类和三个承办单位。不保存任何内容。",
)
def suggest(request, body: SuggestionIn):
    if not can_register(request.user):
        raise PermissionDenied("只有登记员、督办员或管理员可以获取分类建议")
    found = suggestions_for(
        title=body.title,
        content=body.content,
        demands=body.demands,
        place=body.place,
        nature=body.nature.value if body.nature else "",
        user=request.user,
    )
    return {
        "categories": [vars(s) for s in found.categories],
        "units": [vars(s) for s in found.units],
        "trained": found.trained,
    }
