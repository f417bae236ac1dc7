"""Demo library: 《信访工作条例》 (2022) from ../shared/data, when that folder is there. Run as often as
you like: a second import of the same file changes nothing. The FAQs come with the migrations."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .parsing import parse_policy, read_text
from .services import policy_import

REGULATION_FILE = "xinfang_tiaoli_2022.md"
SOURCE = "中共中央、国务院印发，新华社公开发布全文"


@dataclass
class PoliciesDemoReport:
    found: bool
    title: str = ""
    articles: int = 0
    created: bool = False


def policies_demo_load(*, data_dir: Path | None = None) -> PoliciesDemoReport:
    path = Path(data_dir or settings.SHARED_DATA_DIR) / REGULATION_FILE
    if not path.is_file():
        return PoliciesDemoReport(found=False)
    parsed = parse_policy(read_text(path))
    report = policy_import(parsed=parsed, source=SOURCE, source_file=path.name)
    return PoliciesDemoReport(
        found=True, title=report.document.title, articles=len(parsed.articles), created=report.created
    )
