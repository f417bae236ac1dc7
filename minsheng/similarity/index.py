"""Keeping the similarity index current: the indexer named in settings.MATTER_INDEXERS."""

from django.db import connection

from minsheng.petitions.models import Matter

from . import text
from .models import MatterSignature, MatterTerm

WEIGHT_SCALE = 1000


def matter_text(title: str, content: str, demands: str) -> str:
    # The title twice: it is the registrar's summary of the matter, and the densest part of it.
    return f"{title}\n{title}\n{content}\n{demands}"


def signature_of(title: str, content: str, demands: str) -> MatterSignature:
    """The signature of a matter, with its postings in `terms` as "id:weight" pairs."""
    body = matter_text(title, content, demands)
    vector = text.vector(body)
    return MatterSignature(
        terms=" ".join(
            f"{text.term_id(gram)}:{quantize(weight)}"
            for gram, weight in text.top_terms(vector, text.SIGNATURE_SIZE)
        ),
        places=" ".join(sorted(text.places(body))),
        vector=text.pack(vector),
    )


def postings_of(terms: str) -> list[tuple[int, int]]:
    return [(int(term), int(weight)) for term, _, weight in (item.partition(":") for item in terms.split())]


def quantize(weight: float) -> int:
    return max(1, round(weight * WEIGHT_SCALE))


def index_matters(matter_ids: list[int]) -> None:
    for start in range(0, len(matter_ids), 500):
        _index_chunk(list(matter_ids[start : start + 500]))


def _index_chunk(matter_ids: list[int]) -> None:
    MatterTerm.objects.filter(matter_id__in=matter_ids).delete()
    MatterSignature.objects.filter(matter_id__in=matter_ids).delete()
    postings, signatures = [], []
    rows = Matter.objects.filter(pk__in=matter_ids).values_list("pk", "title", "content", "demands")
    for matter_id, title, content, demands in rows:
        signature = signature_of(title, content, demands)
        signatures.append((matter_id, signature.terms, signature.places, signature.vector))
        postings.extend((term, weight, matter_id) for term, weight in postings_of(signature.terms))
    # Plain parameterised inserts: a rebuild writes some 20 rows per matter, and building a model
    # instance for each cost more than computing the signatures.
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {MatterTerm._meta.db_table} (term, weight, matter_id) VALUES (%s, %s, %s)", postings
        )
        cursor.executemany(
            f"INSERT INTO {MatterSignature._meta.db_table} (matter_id, terms, places, vector) "
            "VALUES (%s, %s, %s, %s)",
            signatures,
        )


def clear() -> None:
    MatterTerm.objects.all().delete()
    MatterSignature.objects.all().delete()
