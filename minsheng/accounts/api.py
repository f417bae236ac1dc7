from ninja import Router, Schema

router = Router(tags=["账户"])


class OrganisationOut(Schema):
    id: int
    name: str
    kind: str
    region_code: str


class MeOut(Schema):
    username: str
    full_name: str
    role: str
    organisation: OrganisationOut | None


@router.get("/me", response=MeOut, summary="当前用户")
def me(request):
    return request.user
