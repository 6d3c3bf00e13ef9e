"""Score the time resolver on MEANTIME's DATE expressions (``meantime_timex.jsonl``).

Each article gives ``published`` and its ``timex`` list (``text``, ``start``, ``end``,
``type``, ``value``). Every DATE expression is resolved from its own text with the article's
publication date, the tense guessed from its sentence, and the last day-precision date seen
before it as the anaphoric anchor ("the same day"). The prediction is right when its value
equals the gold value at the gold's precision, with these readings of the gold:

- an unspecified gold value (``XXXX-XX-XX``) means "no date": right when nothing resolves;
- trailing unspecified parts are dropped (``2011-06-XX`` → ``2011-06``) and so is a part
  of day (``2008-01-09TMO`` → ``2008-01-09``: the day is the precision);
- an article without ``published`` uses its creation-time expression (the dateline).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dotterel.errors import GoldFormatError, MissingInputError
from dotterel.time.resolve import ResolvedTime, parse_published, resolve_timex
from dotterel.time.tense import guess_tense


@dataclass(slots=True)
class TimexReport:
    """Accuracy over the DATE expressions and the count of each kind of error."""

    total: int = 0
    correct: int = 0
    errors_by_class: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Share of DATE expressions resolved exactly right (0.0 when there are none)."""
        return self.correct / self.total if self.total else 0.0

    def summary(self) -> str:
        """One-line human summary: accuracy and the main error classes."""
        classes = ", ".join(
            f"{k} {v}" for k, v in sorted(self.errors_by_class.items(), key=lambda kv: -kv[1])
        )
        return f"DATE exact {self.correct}/{self.total} = {self.accuracy:.3f} ({classes})"


def _gold_value(value: str) -> str | None:
    if re.fullmatch(r"\d{2}-\d{2}-\d{4}", value):
        # One article writes its creation date day-first.
        value = f"{value[6:]}-{value[3:5]}-{value[:2]}"
    value = re.sub(r"T[A-Z0-9:]+$", "", value)
    while value.endswith("-XX"):
        value = value[:-3]
    if not value or set(value) <= {"X", "-"}:
        return None
    return value


def _shape(value: str) -> str:
    return re.sub(r"\d", "9", value)


def classify(gold: str | None, predicted: ResolvedTime | None) -> str | None:
    """Error class of one prediction, or ``None`` when it is right."""
    value = predicted.value if predicted else None
    if value == gold:
        return None
    if gold is None:
        return "date_where_gold_has_none"
    if gold.startswith("P") and gold[1:2].isdigit() or gold.startswith("PX"):
        return "gold_is_duration"
    if gold.startswith("FY"):
        return "fiscal_year"
    if value is None:
        return "unresolved"
    if gold.endswith("_REF") or value.endswith("_REF"):
        return "vague_vs_date"
    if _shape(gold) != _shape(value):
        return "precision"
    if len(gold) == 10:
        from datetime import date

        delta = abs((date.fromisoformat(gold) - date.fromisoformat(value)).days)
        if delta % 7 == 0:
            return "weekday_direction"
        return "wrong_day"
    if gold[4:] == value[4:]:
        return "wrong_year"
    return "wrong_value"


def _sentence(text: str, start: int, end: int) -> tuple[str, int]:
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1)
    right_candidates = [i for i in (text.find("\n", end), text.find(". ", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    left = max(left, 0)
    return text[left:right], left


def evaluate_timex(path: str | Path) -> TimexReport:
    """Resolve every DATE expression of a MEANTIME-style gold file and score it."""
    path = Path(path)
    if not path.exists():
        raise MissingInputError("gold file not found", source=str(path))
    report = TimexReport()
    classes: Counter[str] = Counter()
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                article = json.loads(line)
                text: str = article["text"]
                timexes: list[dict[str, Any]] = sorted(article["timex"], key=lambda t: t["start"])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise GoldFormatError(f"line {line_no}: {exc}", source=str(path)) from exc
            published = _published(article.get("published"), timexes, text)
            anchor: list[str] = []
            for timex in timexes:
                if timex.get("type") != "DATE":
                    continue
                sentence, offset = _sentence(text, timex["start"], timex["end"])
                tense = guess_tense(sentence, timex["start"] - offset, timex["end"] - offset)
                predicted = resolve_timex(timex["text"], published, tense, anchor=anchor)
                gold = _gold_value(str(timex.get("value", "")))
                report.total += 1
                error = classify(gold, predicted)
                if error is None:
                    report.correct += 1
                else:
                    classes[error] += 1
                    report.errors.append(
                        {
                            "doc_id": article.get("doc_id"),
                            "text": timex["text"],
                            "gold": timex.get("value"),
                            "predicted": predicted.value if predicted else None,
                            "tense": tense,
                            "published": published,
                            "class": error,
                        }
                    )
                if predicted is not None and predicted.precision not in ("ref", "duration"):
                    anchor = [predicted.value, *anchor[:4]]
    report.errors_by_class = dict(classes)
    return report


def _published(published: str | None, timexes: list[dict[str, Any]], text: str) -> str | None:
    date = parse_published(published)
    if date is not None:
        return date.isoformat()
    first = text.find("\n")
    second_line_end = text.find("\n", first + 1) if first != -1 else -1
    # No metadata date: take the dateline, the date expression on the article's second line
    # (its first line is the title), read from its text, not from the gold value.
    for timex in timexes:
        if timex.get("creation_time") or timex["start"] < second_line_end:
            resolved = resolve_timex(timex["text"], None)
            if resolved is not None and resolved.iso_date:
                return resolved.iso_date
    return None
