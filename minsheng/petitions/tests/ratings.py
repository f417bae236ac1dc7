"""What the satisfaction rating tests share: a matter with a written reply, and row counts to show
that a refused rating changed nothing."""

from minsheng.petitions.models import Matter, MatterEvent, Rating
from minsheng.supervision.models import SupervisionItem

from .workflow_steps import open_matter, take


def replied_matter(city, register, to: str = Matter.Status.REPLIED) -> Matter:
    """A claim the bureau sent to 云中镇, which accepted it and served its reply (or further on)."""
    return take(city, open_matter(register), to=to)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in (Rating, MatterEvent, SupervisionItem)}
