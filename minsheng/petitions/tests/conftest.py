"""Fixtures for the petitions tests, on top of the city in minsheng/conftest.py."""

import itertools

import pytest

from minsheng.conftest import make_id_number
from minsheng.petitions.models import (
    Attachment,
    Matter,
    MatterEvent,
    MatterNumberSequence,
    Petitioner,
    Reply,
    Submission,
    SubmissionPetitioner,
)
from minsheng.petitions.services import PetitionerEntry


@pytest.fixture
def row_counts(db):
    """Snapshot of every table a registration or an import writes to, to show nothing was half-saved."""

    def _counts() -> dict[str, int]:
        return {
            model.__name__: model.objects.count()
            for model in (
                Matter,
                Submission,
                Petitioner,
                SubmissionPetitioner,
                MatterEvent,
                Attachment,
                Reply,
                MatterNumberSequence,
            )
        }

    return _counts


@pytest.fixture
def person():
    """A new petitioner entry with a valid, distinct ID number each call."""
    sequences = itertools.count(201)

    def _person(name: str = "王建国", **fields) -> PetitionerEntry:
        fields.setdefault("id_number", make_id_number(birth="19750612", sequence=f"{next(sequences):03d}"))
        return PetitionerEntry(name=name, **fields)

    return _person


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files go to a fresh folder, so a test can see exactly what was stored."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = root
    return root
