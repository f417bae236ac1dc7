"""The reception API: the same services and selectors as the pages. `router` is mounted at /api/v1/."""

from . import cases, rota  # noqa: F401  (they add their endpoints to the router)
from .common import router

__all__ = ["router"]
