"""The lawyers' API: roster, assignments with the declaration, opinions, mediations, consultations.

The same services and selectors as the pages: lawyers see only their own, staff what is in their
scope; bad input is a 422 with Chinese messages per field, a forbidden step a 403, an object outside
the caller's scope a 404."""

from ninja import Router

router = Router(tags=["律师参与信访"])

from . import assignments, consultations, opinions, roster  # noqa: E402, F401  (they add their routes to router)
