"""A rating needs a written answer, a role that records for the petitioner, and a valid value."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from minsheng.petitions import services
from minsheng.petitions.models import Matter

from .ratings import counts, replied_matter
from .workflow_steps import open_matter, take


@pytest.mark.parametrize(
    "status", [Matter.Status.REGISTERED, Matter.Status.TRANSFERRED, Matter.Status.ACCEPTED]
)
def test_it_refuses_a_rating_before_the_reply(city, register, status):
    matter = take(city, open_matter(register), to=status)
    before = counts()

    with pytest.raises(ValidationError) as caught:
        services.matter_rate(actor=city.supervisor, matter=matter, value="satisfied")

    assert "status" in caught.value.message_dict
    assert "不能记录满意度评价" in caught.value.message_dict["status"][0]
    assert counts() == before


def test_it_refuses_a_rating_of_a_matter_diverted_without_a_reply(city, register):
    matter = open_matter(register)
    services.matter_route(
        actor=city.supervisor,
        matter=matter,
        kind="divert",
        route="arbitration",
        guidance="向市劳动人事争议仲裁委员会申请仲裁",
    )
    before = counts()

    with pytest.raises(ValidationError):
        services.matter_rate(actor=city.supervisor, matter=matter, value="satisfied")

    assert counts() == before


@pytest.mark.parametrize(
    ("who", "reason"),
    [
        # A lawyer does not even see a matter they are not assigned to (minsheng.legal).
        ("lawyer", "您无权办理该信访事项"),
        ("leader", "您的角色无权记录满意度评价"),
    ],
)
def test_it_refuses_a_lawyer_or_a_leader(city, register, who, reason):
    matter = replied_matter(city, register)
    before = counts()

    with pytest.raises(PermissionDenied, match=reason):
        services.matter_rate(actor=getattr(city, who), matter=matter, value="satisfied")

    assert counts() == before


def test_it_refuses_staff_who_cannot_see_the_matter(city, register):
    matter = replied_matter(city, register)
    before = counts()

    with pytest.raises(PermissionDenied):
        services.matter_rate(actor=city.jinshatan_handler, matter=matter, value="satisfied")

    assert counts() == before


@pytest.mark.parametrize(
    ("value", "comment", "field"),
    [
        ("", "", "value"),
        ("very_satisfied", "", "value"),
        ("unsatisfied", "  ", "comment"),
        ("satisfied", "很" * 2001, "comment"),
    ],
)
def test_it_refuses_a_bad_rating(city, register, value, comment, field):
    matter = replied_matter(city, register)
    before = counts()

    with pytest.raises(ValidationError) as caught:
        services.matter_rate(actor=city.registrar, matter=matter, value=value, comment=comment)

    assert field in caught.value.message_dict
    assert counts() == before
