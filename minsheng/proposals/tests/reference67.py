"""Proposal No. 67 and the petition bureau's reply, read from the real document in
../shared/reference/proposal-67-petition-work.md (never copied into this repository).

The document is a conversion of a scanned original: page breaks cut paragraphs in two, and a heading
runs over two lines. A paragraph that does not end a sentence is joined to the next one."""

import re
from pathlib import Path

from django.conf import settings

PATH = Path(settings.SHARED_DATA_DIR).parent / "reference" / "proposal-67-petition-work.md"
MISSING = not PATH.is_file()
SKIP_REASON = f"找不到提案参考文件 {PATH}：第 67 号提案的测试从该文件读取提案和答复原文"
_ENDS = "。！？：；…”"


def _paragraphs(lines: list[str]) -> list[str]:
    """Non-empty lines without markdown heading marks, broken paragraphs joined again."""
    out: list[str] = []
    for raw in lines:
        line = re.sub(r"^#+\s*", "", raw.strip())
        if not line or set(line) <= {"-"}:
            continue
        if out and not out[-1].replace("*", "").endswith(tuple(_ENDS)):
            out[-1] += line
        else:
            out.append(line)
    return out


def _between(lines: list[str], start: str, end: str) -> list[str]:
    first = next(i for i, line in enumerate(lines) if line.strip().startswith(start))
    last = next(i for i, line in enumerate(lines) if i > first and line.strip().startswith(end))
    return lines[first + 1 : last]


def _measure(paragraph: str) -> dict:
    # "**一、…下移。**我市积极…" → the bold part is the heading; a heading cut over two lines is
    # "**二、…诉求****依法分类处理。**近年来…" once joined.
    match = re.match(r"^((?:\*\*[^*]+\*\*)+)(.*)$", paragraph)
    return {"heading": match.group(1).replace("*", ""), "body": match.group(2).strip()}


def _read() -> dict:
    lines = PATH.read_text(encoding="utf-8").splitlines()
    title = next(line.split(":", 1)[1].strip() for line in lines if line.startswith("标 题"))
    reply = _paragraphs(_between(lines, "王旭东委员", "# 关于做好基层信访工作的建议"))
    # reply[0] is the acknowledgement (您提出的《…》提案收悉，现回复如下：), reply[1] the opening.
    measures = [_measure(p) for p in reply if p.startswith("**")]
    closing = [p for p in reply[2:] if not p.startswith("**")]
    return {
        "title": title,
        "reason": "\n".join(_paragraphs(_between(lines, "## 【案由】", "### 【建议】"))),
        "suggestions": "\n".join(_paragraphs(_between(lines, "## 二、建议", "市政协提案委初审意见"))),
        "opening": reply[1],
        "measures": measures,
        "closing": closing[-1],
    }


TEXT = {} if MISSING else _read()
