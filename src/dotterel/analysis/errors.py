"""Error analysis for a scored gold run (``dotterel evaluate --errors``).

Every miss (a required gold triple no prediction matches) and every false event (a
predicted triple that matches no required or optional gold triple) is listed with the
evidence sentence, the rules that fired and how each participant was resolved, and put
under one cause, found by comparing the triple with the other side's triples of the same
document:

========================  ===========================================================
cause                     meaning
========================  ===========================================================
``wrong category``        the same participants are coded, with another PLOVER type
``reversed``              the same type and participants, the other way round
``wrong actor``           the same type and recipient, another or no actor
``wrong recipient``       the same type and actor, another or no recipient
``other participants``    the type is there, with none of the participants
``unresolved``            (misses) an event of the type was found but no participant
                          could be coded, so it gave no triple
``not detected``          (misses) nothing of the type or with those participants
``forbidden``             (false) a forbidden gold event was coded
``not in gold``           (false) no gold event shares its type or participants
========================  ===========================================================

The figures it explains are :func:`dotterel.analysis.evaluate.score`'s, at country level.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console

from dotterel.analysis.evaluate import (
    GoldDocument,
    Triple,
    _gold_triples,
    _matches,
    _predicted_triples,
    expand,
    format_triple,
)
from dotterel.records import Entity, Event

MISS_CAUSES: tuple[str, ...] = (
    "wrong category",
    "reversed",
    "wrong actor",
    "wrong recipient",
    "other participants",
    "unresolved",
    "not detected",
)
FALSE_CAUSES: tuple[str, ...] = (
    "forbidden",
    "wrong category",
    "reversed",
    "wrong actor",
    "wrong recipient",
    "other participants",
    "not in gold",
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


@dataclass(slots=True)
class ErrorCase:
    """One miss or false event, with what explains it."""

    kind: str  # "miss" or "false"
    cause: str
    doc_id: str
    label: str
    evidence: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "cause": self.cause,
            "doc_id": self.doc_id,
            "label": self.label,
            "evidence": list(self.evidence),
            "rules": list(self.rules),
            "participants": list(self.participants),
            "related": list(self.related),
            "note": self.note,
        }


@dataclass(slots=True)
class ErrorAnalysis:
    """All misses and false events of a run, grouped by cause."""

    cases: list[ErrorCase] = field(default_factory=list)

    def grouped(self, kind: str) -> dict[str, list[ErrorCase]]:
        """Cases of ``kind`` ("miss"/"false") by cause, in the order of the cause table."""
        order = MISS_CAUSES if kind == "miss" else FALSE_CAUSES
        groups: dict[str, list[ErrorCase]] = {cause: [] for cause in order}
        for case in self.cases:
            if case.kind == kind:
                groups.setdefault(case.cause, []).append(case)
        return {cause: cases for cause, cases in groups.items() if cases}

    def to_dict(self) -> dict[str, Any]:
        """``{"misses": {cause: [case...]}, "false_events": {cause: [...]}}``."""
        return {
            "misses": {c: [x.to_dict() for x in v] for c, v in self.grouped("miss").items()},
            "false_events": {c: [x.to_dict() for x in v] for c, v in self.grouped("false").items()},
        }

    def render(self, console: Console) -> None:
        """Print the cases grouped by cause, counts first."""
        for kind, title in (("miss", "Misses"), ("false", "False events")):
            groups = self.grouped(kind)
            total = sum(len(v) for v in groups.values())
            console.print(f"\n{title}: {total}")
            for cause, cases in groups.items():
                console.print(f"\n== {title.lower()}: {cause} ({len(cases)})")
                for case in cases:
                    console.print(f"- {case.doc_id}  {case.label}")
                    for sentence in case.evidence:
                        console.print(f"    evidence: {sentence}")
                    if case.rules:
                        console.print(f"    rules: {', '.join(case.rules)}")
                    for participant in case.participants:
                        console.print(f"    {participant}")
                    for related in case.related:
                        console.print(f"    {related}")
                    if case.note:
                        console.print(f"    gold note: {case.note}")

    def to_text(self, width: int = 100) -> str:
        """The rendered analysis as plain text."""
        buffer = io.StringIO()
        self.render(Console(file=buffer, width=width, no_color=True, highlight=False))
        return buffer.getvalue()


def _same_participants(a: Triple, b: Triple) -> bool:
    return {a[1], a[2]} == {b[1], b[2]}


def _cause(triple: Triple, unordered: bool, others: Sequence[tuple[Triple, bool]]) -> str:
    """The cause of ``triple`` having no match among ``others`` (see the module table)."""
    if any(o[0] != triple[0] and _same_participants(o, triple) for o, _ in others):
        return "wrong category"
    same_type = [(o, u) for o, u in others if o[0] == triple[0]]
    if any(o[1] == triple[2] and o[2] == triple[1] for o, _ in same_type):
        return "reversed"
    if any(o[2] == triple[2] and o[2] is not None for o, _ in same_type):
        return "wrong actor"
    if any(o[1] == triple[1] and o[1] is not None for o, _ in same_type):
        return "wrong recipient"
    if same_type:
        return "other participants"
    return ""


def _entity_line(role: str, entity: Entity) -> str:
    return f"{role}: {entity.text!r} → {entity.code or '?'} ({entity.why or 'no rule'})"


def _event_lines(events: Sequence[Event]) -> tuple[list[str], list[str], list[str]]:
    evidence = list(dict.fromkeys(e.evidence.text for e in events))
    rules = list(dict.fromkeys(r for e in events for r in [*e.rules, *e.cues]))
    participants = list(
        dict.fromkeys(
            line
            for e in events
            for line in [
                *(_entity_line("actor", a) for a in e.actor),
                *(_entity_line("recipient", r) for r in e.recipient),
            ]
        )
    )
    return evidence, rules, participants


def _gold_sentences(document_text: str, mention_texts: Sequence[str]) -> list[str]:
    """The sentences of the document that hold the gold's actor phrases (else the first)."""
    sentences = [m.group().strip() for m in _SENTENCE.finditer(document_text) if m.group().strip()]
    found = [s for s in sentences if any(t and t in s for t in mention_texts)]
    return list(dict.fromkeys(found))[:3] or sentences[:1]


def _describe(event: Event) -> str:
    triples = expand(
        event.event_type,
        [e.country_code for e in event.actor],
        [e.country_code for e in event.recipient],
    )
    label = ", ".join(format_triple(t, u) for t, u in triples) or f"{event.event_type} (no triple)"
    return f"coded: {label} from {event.evidence.text!r} [{', '.join(event.rules)}]"


def analyse(
    gold: Sequence[GoldDocument], predictions: Mapping[str, Sequence[Event]]
) -> ErrorAnalysis:
    """Every miss and false event of ``predictions`` against ``gold``, with its cause."""
    analysis = ErrorAnalysis()
    for gold_doc in gold:
        doc_id = gold_doc.document.doc_id
        events = list(predictions.get(doc_id, ()))
        required = _gold_triples(gold_doc.events, "required")
        accepted = required + _gold_triples(gold_doc.events, "optional")
        forbidden = _gold_triples(gold_doc.events, "forbidden")
        predicted, _ = _predicted_triples(events)
        pred_pairs = [(p.triple, p.unordered) for p in predicted]
        gold_pairs = [(g.triple, g.unordered) for g in accepted]
        for g in required:
            if any(_matches(p.triple, p.unordered, g.triple, g.unordered) for p in predicted):
                continue
            cause = _cause(g.triple, g.unordered, pred_pairs)
            related = [
                e
                for p in predicted
                if p.triple[0] == g.triple[0] or _same_participants(p.triple, g.triple)
                for e in p.events
            ]
            if not cause:
                unscored = [
                    e
                    for e in events
                    if e.event_type == g.triple[0]
                    and not any(x.country_code for x in [*e.actor, *e.recipient])
                ]
                cause = "unresolved" if unscored else "not detected"
                related = unscored
            texts = [t for e in g.events for t, _, _ in e.mentions]
            _, rules, participants = _event_lines(related)
            analysis.cases.append(
                ErrorCase(
                    kind="miss",
                    cause=cause,
                    doc_id=doc_id,
                    label=format_triple(g.triple, g.unordered),
                    evidence=_gold_sentences(gold_doc.document.text, texts),
                    rules=rules,
                    participants=participants,
                    related=list(dict.fromkeys(_describe(e) for e in related))[:4],
                    note="; ".join(e.note for e in g.events if e.note) or None,
                )
            )
        for p in predicted:
            if any(_matches(p.triple, p.unordered, g.triple, g.unordered) for g in accepted):
                continue
            if any(_matches(p.triple, p.unordered, f.triple, f.unordered) for f in forbidden):
                cause = "forbidden"
            else:
                cause = _cause(p.triple, p.unordered, gold_pairs) or "not in gold"
            evidence, rules, participants = _event_lines(p.events)
            analysis.cases.append(
                ErrorCase(
                    kind="false",
                    cause=cause,
                    doc_id=doc_id,
                    label=format_triple(p.triple, p.unordered),
                    evidence=evidence,
                    rules=rules,
                    participants=participants,
                    related=[
                        f"gold: {format_triple(t, u)}"
                        for t, u in gold_pairs
                        if t[0] == p.triple[0] or _same_participants(t, p.triple)
                    ][:4],
                )
            )
    return analysis
