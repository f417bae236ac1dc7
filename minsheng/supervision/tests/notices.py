"""Helpers of the notice tests: the items the sweep opens on the fixture's matters, and PDF text."""

import datetime as dt

from minsheng.documents.render import render_pdf
from minsheng.documents.tests.helpers import pdf_text
from minsheng.supervision.documents import notice_as_document
from minsheng.supervision.models import SupervisionItem, SupervisionNotice
from minsheng.supervision.services import deadlines_sweep

D = dt.date


def swept_item(matter, today) -> SupervisionItem:
    """Run the sweep for `today` and return the item it opened for `matter`."""
    deadlines_sweep(today=today)
    return SupervisionItem.objects.get(matter=matter)


def notice_pdf_text(notice: SupervisionNotice) -> str:
    return pdf_text(render_pdf(notice_as_document(notice)))
