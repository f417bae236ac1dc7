"""Fixtures for the library tests: the real 《信访工作条例》 from ../shared/data, and a small regulation
written here for what the real text cannot show (markup in the text, a repealed document)."""

from pathlib import Path

import pytest

from minsheng.policies.parsing import parse_policy, read_text
from minsheng.policies.services import policy_import

REGULATION_FILE = "xinfang_tiaoli_2022.md"

SMALL_REGULATION = """# 示范条例

2020年1月2日 示范市人民政府发布

## 第一章 总则

第一条 为了规范<b>信访</b>工作 & 保障权益，制定本条例。

第二条 本条例所称期限，以日计算。

## 第二章 办理

### 第一节 受理

第三条 信访事项应当在十五日内受理。

对本条例第二条规定的期限另有规定的，从其规定。

### 第二节 复查

第四条 信访人可以申请复查。

第五条 本条例自2020年3月1日起施行。
"""


@pytest.fixture
def regulation_path(shared_data) -> Path:
    path = shared_data / REGULATION_FILE
    if not path.is_file():
        pytest.skip(f"{path} not found; the import tests read the real regulation from ../shared/data")
    return path


@pytest.fixture
def regulation(db, regulation_path):
    """《信访工作条例》 imported from the real file, as `manage.py import_policy` does."""
    parsed = parse_policy(read_text(regulation_path))
    return policy_import(parsed=parsed, source_file=regulation_path.name).document


@pytest.fixture
def small_regulation(db):
    return policy_import(parsed=parse_policy(SMALL_REGULATION)).document


def write(tmp_path: Path, text: str, name: str = "policy.md", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path
