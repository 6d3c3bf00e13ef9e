"""Rewrite the stage table in ``docs/architecture.md`` from the components' metadata.

    PYTHONPATH=src python tools/stage_table.py [--check]

The table (component, module, ``requires``, ``assigns``, one-line job) is
:func:`dotterel.nlp.pipeline.stage_table` of the built pipeline; it replaces the Markdown
table that starts with ``| component | module |`` in the document. ``--check`` exits
non-zero when the document's table differs from the generated one
(``tests/nlp/test_declarations.py`` makes the same comparison).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "architecture.md"
HEADER = "| component | module |"


def table_bounds(text: str) -> tuple[int, int]:
    """Character offsets of the stage table (its header to its last row's newline)."""
    start = text.index(HEADER)
    end = start
    while end < len(text) and text.startswith("|", end):
        newline = text.find("\n", end)
        end = len(text) if newline < 0 else newline + 1
    return start, end


def documented_table(text: str) -> str:
    start, end = table_bounds(text)
    return text[start:end]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from dotterel.nlp.pipeline import build_nlp, stage_table

    generated = stage_table(build_nlp())
    text = DOC.read_text(encoding="utf-8")
    if documented_table(text) == generated:
        return 0
    if "--check" in args:
        print(f"{DOC.relative_to(REPO)}: the stage table is out of date", file=sys.stderr)
        return 1
    start, end = table_bounds(text)
    DOC.write_text(text[:start] + generated + text[end:], encoding="utf-8")
    print(f"rewrote the stage table in {DOC.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
