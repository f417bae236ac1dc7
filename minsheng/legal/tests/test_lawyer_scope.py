"""A lawyer sees the matters assigned to them, and only those; the details only after declaring."""

from django.urls import reverse

from minsheng.legal import selectors, services
from minsheng.legal.models import LegalOpinion

from .conftest import opinion_fields


def test_a_lawyer_sees_nothing_of_a_matter_not_assigned_to_them(client, register, city, firm, claim, active):
    other = register(title="拖欠农民工工资", content="某工地拖欠工资三万元，包工头已失联。").matter

    assert list(selectors.matters_open_to_lawyer(lawyer=firm.zhang)) == [claim]
    assert selectors.matters_open_to_lawyer(lawyer=firm.wang).count() == 0
    assert selectors.assignments_visible_to(user=firm.wang).count() == 0
    assert selectors.legal_box_for(user=firm.wang, matter=claim) == {"matter": claim, "shown": False}
    assert selectors.legal_box_for(user=firm.zhang, matter=other) == {"matter": other, "shown": False}
    client.force_login(firm.wang)
    assert client.get(reverse("legal:assignment_detail", args=[active.pk])).status_code == 404


def test_before_the_declaration_the_lawyer_reads_the_parties_not_the_content(client, claim, firm, assigned):
    client.force_login(firm.zhang)

    html = client.get(reverse("legal:assignment_detail", args=[assigned.pk])).content.decode()

    assert "李桂兰" in html and claim.title in html and "云中镇东关村" in html
    assert claim.content not in html and claim.demands not in html
    assert services.NO_CONFLICT_STATEMENT in html
    assert "出具法律意见" not in html


def test_after_declaring_no_conflict_the_lawyer_reads_the_matter(client, claim, firm, active):
    client.force_login(firm.zhang)

    html = client.get(reverse("legal:assignment_detail", args=[active.pk])).content.decode()

    assert claim.content in html and claim.demands in html
    assert "出具法律意见" in html


def test_after_a_conflict_or_the_end_the_lawyer_no_longer_reads_it(client, city, claim, firm, active):
    services.legal_opinion_give(actor=firm.zhang, assignment=active, **opinion_fields())
    services.lawyer_assignment_end(actor=city.supervisor, assignment=active, reason="办结")
    client.force_login(firm.zhang)

    html = client.get(reverse("legal:assignment_detail", args=[active.pk])).content.decode()

    assert claim.content not in html
    assert selectors.matters_open_to_lawyer(lawyer=firm.zhang).count() == 0
    # Their own opinion stays theirs to read.
    assert selectors.opinions_visible_to(user=firm.zhang).count() == 1


def test_staff_see_assignments_and_opinions_only_for_matters_in_their_scope(city, claim, firm, active):
    services.legal_opinion_give(actor=firm.zhang, assignment=active, **opinion_fields())

    assert selectors.opinions_visible_to(user=city.registrar).count() == 1
    assert selectors.assignments_visible_to(user=city.registrar).count() == 1
    # The matter was registered at the bureau and concerns no township yet.
    assert selectors.opinions_visible_to(user=city.jinshatan_handler).count() == 0
    assert selectors.assignments_visible_to(user=city.jinshatan_handler).count() == 0
    assert LegalOpinion.objects.count() == 1
