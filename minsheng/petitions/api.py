import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from minsheng.accounts.models import Organisation
from minsheng.search import selectors as search_selectors

from . import selectors, services
from .models import Category, Matter
from .schemas import ErrorOut, MatterDetailOut, MatterEventOut, MatterListOut, SubmissionIn, SubmissionOut

router = Router(tags=["信访事项"])


def resolve_id(model, pk, field, errors, **extra):
    """The object an id in the request names, or a field error in `errors`."""
    if pk is None:
        return None
    found = model.objects.filter(pk=pk, **extra).first()
    if found is None:
        errors[field] = [f"编号 {pk} 不存在"]
    return found


def _submission_out(submission) -> dict:
    links = submission.submissionpetitioner_set.select_related("petitioner").order_by(
        "-is_representative", "pk"
    )
    return {
        "id": submission.pk,
        "matter_number": submission.matter.number,
        "channel": submission.channel,
        "received_at": submission.received_at,
        "head_count": submission.head_count,
        "is_repeat": submission.is_repeat,
        "title": submission.title,
        "petitioners": [
            {
                "id": link.petitioner.pk,
                "name": link.petitioner.name,
                "id_number_masked": link.petitioner.id_number_masked,
                "phone_masked": link.petitioner.phone_masked,
                "is_representative": link.is_representative,
            }
            for link in links
        ],
    }


@router.post(
    "/submissions",
    response={201: SubmissionOut, 403: ErrorOut, 422: ErrorOut},
    summary="登记信访件",
    description="首次信访件新建信访事项；填写 matter_number 则追加到已有事项（同一信访人即记为重复信访）。",
)
def register_submission(request, body: SubmissionIn):
    errors: dict[str, list[str]] = {}
    user = request.user
    receiving_org = (
        resolve_id(Organisation, body.receiving_org_id, "receiving_org_id", errors)
        if body.receiving_org_id is not None
        else user.organisation
    )
    concerned_org = resolve_id(Organisation, body.concerned_org_id, "concerned_org_id", errors)
    category = resolve_id(Category, body.category_id, "category_id", errors)
    matter = None
    if body.matter_number:
        try:
            matter = selectors.matter_get_by_number(user=user, number=body.matter_number)
        except Matter.DoesNotExist:
            errors["matter_number"] = ["找不到该信访事项，或您无权查看"]
    if errors:
        raise ValidationError(errors)
    try:
        submission = _register(request, body, receiving_org, concerned_org, category, matter)
    except ValidationError as exc:
        # The services name model fields; API clients sent ids and numbers.
        raise ValidationError(
            {API_FIELD_NAMES.get(key, key): messages for key, messages in exc.message_dict.items()}
        ) from exc
    return Status(201, _submission_out(submission))


API_FIELD_NAMES = {
    "receiving_org": "receiving_org_id",
    "concerned_org": "concerned_org_id",
    "category": "category_id",
    "matter": "matter_number",
}


def _register(request, body, receiving_org, concerned_org, category, matter):
    return services.submission_register(
        actor=request.user,
        channel=body.channel,
        received_at=body.received_at,
        receiving_org=receiving_org,
        petitioners=[
            services.PetitionerEntry(
                petitioner_id=p.id,
                name=p.name,
                id_number=p.id_number,
                phone=p.phone,
                address=p.address,
                region_code=p.region_code,
                is_representative=p.is_representative,
            )
            for p in body.petitioners
        ],
        head_count=body.head_count,
        title=body.title,
        content=body.content,
        demands=body.demands,
        concerned_org=concerned_org,
        place=body.place,
        category=category,
        nature=body.nature,
        matter=matter,
        confirmed_new=body.confirmed_new,
        shown_candidates=(
            None
            if body.shown_candidates is None
            else [{"matter": c.matter_id, "score": c.score} for c in body.shown_candidates]
        ),
    )


class MatterQuery(Schema):
    status: Matter.Status | None = None
    organisation_id: int | None = None
    category_id: int | None = None
    channel: str | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    q: str | None = None
    sort: str = "-received_at"


@router.get(
    "/matters",
    response=list[MatterListOut],
    summary="信访事项列表（仅限可见范围）",
    description="q 为全文检索：空格分隔的词须全部出现（标题、内容、诉求、后续信访件、答复、编号）。"
    "检索结果超过 500 件时 count 为 500，只列出前 500 件。",
)
@paginate(PageNumberPagination, page_size=50)
def list_matters(request, filters: Query[MatterQuery]):
    organisation = (
        Organisation.objects.filter(pk=filters.organisation_id).first() if filters.organisation_id else None
    )
    category = Category.objects.filter(pk=filters.category_id).first() if filters.category_id else None
    if (filters.organisation_id and organisation is None) or (filters.category_id and category is None):
        return Matter.objects.none()
    return search_selectors.matter_results(
        user=request.user,
        filters=selectors.MatterFilters(
            status=filters.status or "",
            organisation=organisation,
            category=category,
            channel=filters.channel or "",
            received_from=filters.received_from,
            received_to=filters.received_to,
            text=filters.q or "",
            sort=filters.sort,
        ),
    )


def _get_matter(request, matter_id: int) -> Matter:
    try:
        return selectors.matter_get(user=request.user, pk=matter_id)
    except Matter.DoesNotExist as exc:
        raise Http404 from exc


@router.get("/matters/{matter_id}", response={200: MatterDetailOut, 404: ErrorOut}, summary="信访事项详情")
def get_matter(request, matter_id: int):
    matter = _get_matter(request, matter_id)
    matter.submission_list = [_submission_out(s) for s in selectors.matter_submissions(matter=matter)]
    return matter


@router.get(
    "/matters/{matter_id}/events", response={200: list[MatterEventOut], 404: ErrorOut}, summary="办理记录"
)
def list_matter_events(request, matter_id: int):
    matter = _get_matter(request, matter_id)
    return [
        {
            "id": e.pk,
            "kind": e.kind,
            "kind_label": e.kind_label,
            "at": e.at,
            "actor": e.actor.display_name if e.actor else None,
            "organisation": e.organisation.name if e.organisation else None,
            "note": e.note,
            "from_status": e.from_status,
            "to_status": e.to_status,
        }
        for e in selectors.matter_events(matter=matter)
    ]
