"""Remove wire datelines from gold documents, keeping the gold valid.

    python tools/strip_datelines.py IN.jsonl OUT.jsonl

Each document's dateline ("BAGHDAD, March 3 (AFP) -", "WASHINGTON (AP) --") is found with
the coder's own parser (:func:`dotterel.time.dateline.parse_dateline`) and cut out with the
spaces after it, so "BEIJING, April 7 (Xinhua) -- Chinese Foreign Minister ..." becomes
"Chinese Foreign Minister ...". Every character offset in the record (any mapping holding
integer ``start`` and ``end``, at any depth: timexes, actor mentions, evidence spans) is
shifted by the length removed; a span inside the dateline itself is dropped, as its text is
gone. Documents without a dateline are copied unchanged. A summary goes to stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from dotterel.time.dateline import parse_dateline


def _cut(text: str, published: str | None) -> tuple[int, int] | None:
    """The character range of the dateline and the blanks after it, or ``None``."""
    found = parse_dateline(text, published)
    if found is None:
        return None
    end = found.end
    while end < len(text) and text[end] in " \t":
        end += 1
    return found.start, end


def _is_span(value: dict[str, Any]) -> bool:
    start, end = value.get("start"), value.get("end")
    return isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool)


def _shift(value: Any, cut_start: int, cut_end: int) -> Any:
    """A copy of ``value`` with offsets after the cut moved back; spans in it dropped."""
    width = cut_end - cut_start
    if isinstance(value, list):
        out = []
        for item in value:
            inside = (
                isinstance(item, dict)
                and _is_span(item)
                and item["start"] < cut_end
                and cut_start < item["end"]
            )
            if inside:
                continue  # the span lay in the dateline
            out.append(_shift(item, cut_start, cut_end))
        return out
    if isinstance(value, dict):
        shifted = {k: _shift(v, cut_start, cut_end) for k, v in value.items()}
        if _is_span(value):
            for key in ("start", "end"):
                if value[key] >= cut_end:
                    shifted[key] = value[key] - width
        return shifted
    return value


def strip_record(record: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """The record without its dateline, and the dateline removed (``None`` if none)."""
    text = record.get("text")
    if not isinstance(text, str):
        return record, None
    cut = _cut(text, record.get("published"))
    if cut is None:
        return record, None
    start, end = cut
    out = {k: (v if k == "text" else _shift(v, start, end)) for k, v in record.items()}
    out["text"] = text[:start] + text[end:]
    return out, text[start:end].strip()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    src, dst = Path(argv[0]), Path(argv[1])
    stripped = total = 0
    with src.open(encoding="utf-8") as fin, dst.open("w", encoding="utf-8") as fout:
        for line in fin:
            if not line.strip():
                continue
            total += 1
            record, removed = strip_record(json.loads(line))
            stripped += removed is not None
            fout.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{stripped} of {total} documents had a dateline removed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
