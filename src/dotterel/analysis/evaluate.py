"""Score coded events against a gold file, as ``/work/shared/gold/README.md`` specifies.

Scoring is per document over dyad triples ``(type, a, b)`` at country level. The rules
(expansion of compound actors, unordered categories, required/optional/forbidden gold,
attribute accuracies) are written out in ``docs/evaluate.md``; this module implements
them and nothing else, so that the figures it prints are the ones the project is judged
by. The CLI (``dotterel evaluate``) only loads, extracts and prints.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from dotterel.actors.lexicon import SECTORS
from dotterel.errors import GoldFormatError
from dotterel.records import (
    FACTUALITY_VALUES,
    PLOVER_TYPES,
    UNORDERED_TYPES,
    Document,
    Entity,
    Event,
)

GOLD_STATUSES: tuple[str, ...] = ("required", "optional", "forbidden")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --------------------------------------------------------------------------- gold


@dataclass(slots=True)
class GoldEvent:
    """One hand-coded event. ``None`` in an attribute means "not coded, not scored"."""

    id: str
    status: str
    type: str
    actor: list[str]
    recipient: list[str]
    factuality: list[str] | None = None
    claimed_by_allowed: list[str] | None = None
    claimed_by_required: bool = False
    denied_by: list[str] | None = None
    dates: list[str] | None = None
    locations: list[str] | None = None
    note: str | None = None
    #: ``(text, code, sector)`` of each actor phrase the gold lists (``actor_mentions``),
    #: in order; ``sector`` is ``None`` where the gold gives none.
    mentions: list[tuple[str, str, str | None]] = field(default_factory=list)


@dataclass(slots=True)
class GoldDocument:
    """A gold article and its coded events."""

    document: Document
    events: list[GoldEvent]


def _fail(path: Path, line: int, message: str) -> GoldFormatError:
    return GoldFormatError(message, source=f"{path}:{line}")


def _codes(value: Any, what: str, path: Path, line: int) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, line, f"{what} must be a list of code strings, got {value!r}")
    return list(value)


def _optional_codes(value: Any, what: str, path: Path, line: int) -> list[str] | None:
    return None if value is None else _codes(value, what, path, line)


def _gold_event(raw: Any, index: int, doc_id: str, path: Path, line: int) -> GoldEvent:
    if not isinstance(raw, dict):
        raise _fail(path, line, f"event {index} is not a JSON object")
    event_id = raw.get("id") or f"{doc_id}#{index}"
    where = f"event {event_id}"
    status = raw.get("status")
    if status not in GOLD_STATUSES:
        raise _fail(path, line, f"{where}: status must be one of {GOLD_STATUSES}, got {status!r}")
    event_type = raw.get("type")
    if event_type not in PLOVER_TYPES:
        raise _fail(path, line, f"{where}: type {event_type!r} is not a PLOVER category")
    actor = _codes(raw.get("actor", []), f"{where}: actor", path, line)
    recipient = _codes(raw.get("recipient", []), f"{where}: recipient", path, line)
    factuality = _optional_codes(raw.get("factuality"), f"{where}: factuality", path, line)
    if factuality is not None:
        bad = [v for v in factuality if v not in FACTUALITY_VALUES]
        if bad:
            raise _fail(path, line, f"{where}: unknown factuality value(s) {bad}")
    claimed = raw.get("claimed_by")
    allowed: list[str] | None = None
    required = False
    if claimed is not None:
        if not isinstance(claimed, dict):
            raise _fail(path, line, f"{where}: claimed_by must be an object")
        allowed = _codes(claimed.get("allowed", []), f"{where}: claimed_by.allowed", path, line)
        required = claimed.get("required", False)
        if not isinstance(required, bool):
            raise _fail(path, line, f"{where}: claimed_by.required must be true or false")
    dates = _optional_codes(raw.get("dates"), f"{where}: dates", path, line)
    if dates is not None:
        bad = [d for d in dates if not _DATE_RE.match(d)]
        if bad:
            raise _fail(path, line, f"{where}: dates must be YYYY-MM-DD, got {bad}")
    note = raw.get("note")
    mentions = _mentions(raw.get("actor_mentions"), where, path, line)
    return GoldEvent(
        id=str(event_id),
        status=status,
        type=event_type,
        actor=actor,
        recipient=recipient,
        factuality=factuality,
        claimed_by_allowed=allowed,
        claimed_by_required=required,
        denied_by=_optional_codes(raw.get("denied_by"), f"{where}: denied_by", path, line),
        dates=dates,
        locations=_optional_codes(raw.get("locations"), f"{where}: locations", path, line),
        note=note if isinstance(note, str) else None,
        mentions=mentions,
    )


def _mentions(value: Any, where: str, path: Path, line: int) -> list[tuple[str, str, str | None]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail(path, line, f"{where}: actor_mentions must be a list")
    out: list[tuple[str, str, str | None]] = []
    for mention in value:
        code = mention.get("code") if isinstance(mention, dict) else None
        sector = mention.get("sector") if isinstance(mention, dict) else None
        text = mention.get("text") if isinstance(mention, dict) else None
        if not isinstance(code, str) or not code or not (sector is None or isinstance(sector, str)):
            raise _fail(path, line, f"{where}: bad actor mention {mention!r}")
        out.append((text if isinstance(text, str) else "", code, sector or None))
    return out


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold JSONL file (one document with its ``events`` per line).

    Blank lines are skipped. Any malformed line or field raises :class:`GoldFormatError`
    naming the file and the line, because a silently skipped gold event would change
    the scores without anyone noticing.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"cannot read gold file: {exc}", source=str(path)) from exc
    documents: list[GoldDocument] = []
    seen: set[str] = set()
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _fail(path, number, f"not valid JSON: {exc.msg}") from exc
        if not isinstance(raw, dict):
            raise _fail(path, number, "line is not a JSON object")
        doc_id = raw.get("doc_id")
        if not isinstance(doc_id, str) or not doc_id:
            raise _fail(path, number, "missing doc_id")
        if doc_id in seen:
            raise _fail(path, number, f"duplicate doc_id {doc_id!r}")
        seen.add(doc_id)
        if not isinstance(raw.get("text"), str):
            raise _fail(path, number, f"document {doc_id!r} has no text")
        events = raw.get("events")
        if not isinstance(events, list):
            raise _fail(path, number, f"document {doc_id!r}: events must be a list")
        gold_events = [_gold_event(e, i, doc_id, path, number) for i, e in enumerate(events)]
        documents.append(GoldDocument(Document.from_dict(raw), gold_events))
    return documents


# --------------------------------------------------------------------------- triples

Triple = tuple[str, str | None, str | None]


def _norm(code: str | None) -> str | None:
    """Country-level code: the first three letters, upper case (README rule 2)."""
    return code[:3].upper() if code else None


def expand(
    event_type: str, actor: Iterable[str | None], recipient: Iterable[str | None]
) -> list[tuple[Triple, bool]]:
    """Expand one event into ``((type, a, b), unordered)`` triples.

    Unresolved participants (``None``) are dropped first, as if not mentioned. Directed
    events pair every actor with every recipient (self-pairs dropped); a directed event
    whose actors are all unknown gives ``(type, None, b)`` so that "X was attacked" can
    still be scored. AGREE, CONSULT, COOPERATE and events without a recipient pair all
    participants with each other, each pair sorted; a single participant gives
    ``(type, a, None)``; no participant at all gives no triple.
    """
    actors = list(dict.fromkeys(c for c in (_norm(a) for a in actor) if c))
    recipients = list(dict.fromkeys(c for c in (_norm(r) for r in recipient) if c))
    if event_type in UNORDERED_TYPES or not recipients:
        people = sorted(set(actors) | set(recipients))
        if len(people) == 1:
            return [((event_type, people[0], None), True)]
        return [((event_type, a, b), True) for i, a in enumerate(people) for b in people[i + 1 :]]
    if not actors:
        return [((event_type, None, r), False) for r in recipients]
    return [((event_type, a, r), False) for a in actors for r in recipients if a != r]


def _matches(pred: Triple, pred_unordered: bool, gold: Triple, gold_unordered: bool) -> bool:
    if pred == gold:
        return True
    # An unordered side makes direction irrelevant; a missing participant never does,
    # because "(X, none)" (X acted) and "(none, X)" (X was acted on) differ.
    if not (pred_unordered or gold_unordered) or None in pred or None in gold:
        return False
    return pred[0] == gold[0] and {pred[1], pred[2]} == {gold[1], gold[2]}


def format_triple(triple: Triple, unordered: bool = False) -> str:
    """Human-readable triple: ``AGREE IRN–RUS``, ``AID PRK→RUS``, ``PROTEST USA``."""
    event_type, a, b = triple
    if b is None:
        return f"{event_type} {a or '?'}"
    return f"{event_type} {a or '?'}{'–' if unordered else '→'}{b}"


def _entity_countries(entities: Iterable[Entity]) -> set[str]:
    return {c for c in (_norm(e.country_code) for e in entities) if c}


# --------------------------------------------------------------------------- sectors
#
# Sector level: a participant is its country *and* its CAMEO sector ("USA/GOV" versus
# "USA/CVL"), so that domestic events (police against protesters, a government against
# rebels) score although their country-level pair is a self-pair.  The gold gives sectors
# in ``actor_mentions`` (or in a six-letter code such as ``USAGOV``); where it gives none
# for a participant, any sector is right for it.

#: CAMEO sectors recognised in gold and predictions (ethnic and religious qualifiers such
#: as ``MOS`` or ``KUR`` are no sectors).
SECTOR_CODES: frozenset[str] = SECTORS
_SECTOR_ALIASES = {"CIV": "CVL"}

GoldParticipant = tuple[str, frozenset[str]]  # country, allowed sectors (empty: any)
PredParticipant = tuple[str, str | None]  # country, sector
SectorTriple = tuple[str, Any, Any]


def sector_of(value: str | None) -> str | None:
    """The CAMEO sector of a gold ``sector`` value or a role (``CVLalb`` → ``CVL``)."""
    if not value:
        return None
    head = value[:3].upper()
    head = _SECTOR_ALIASES.get(head, head)
    return head if head in SECTOR_CODES else None


def _gold_sides(event: GoldEvent) -> tuple[list[GoldParticipant], list[GoldParticipant]]:
    """Actor and recipient participants with their sectors.

    The gold's mentions list the actor's phrases before the recipient's: a mention goes
    to the actor side while its country is an actor country not yet seen, else to the
    recipient side when its country is a recipient's.  A participant with any mention
    without a sector (the country named as a whole) takes any sector.
    """
    actor = {_norm(c) or "": set[str]() for c in event.actor}
    recipient = {_norm(c) or "": set[str]() for c in event.recipient}
    for code in event.actor:
        if sector_of(code[3:6]) and len(code) >= 6:
            actor[_norm(code) or ""].add(sector_of(code[3:6]) or "")
    for code in event.recipient:
        if sector_of(code[3:6]) and len(code) >= 6:
            recipient[_norm(code) or ""].add(sector_of(code[3:6]) or "")
    wild: dict[str, set[str]] = {"actor": set(), "recipient": set()}
    waiting = set(actor)
    for _text, code, sector in event.mentions:
        country = _norm(code) or ""
        if country in waiting or (country in actor and country not in recipient):
            side, sides = "actor", actor
            waiting.discard(country)
        elif country in recipient:
            side, sides = "recipient", recipient
        else:
            continue
        found = sector_of(sector) or sector_of(code[3:6] if len(code) >= 6 else None)
        if found:
            sides[country].add(found)
        else:
            wild[side].add(country)
    return (
        [(c, frozenset() if c in wild["actor"] else frozenset(s)) for c, s in actor.items()],
        [
            (c, frozenset() if c in wild["recipient"] else frozenset(s))
            for c, s in recipient.items()
        ],
    )


def _pred_participant(entity: Entity) -> PredParticipant | None:
    country = _norm(entity.country_code)
    if not country:
        return None
    role = sector_of(entity.role)
    if role is None and entity.code and len(entity.code) >= 6:
        role = sector_of(entity.code[3:6])
    return (country, role)


def _pairs(event_type: str, actors: list[Any], recipients: list[Any], drop_self: bool) -> list:
    unordered = event_type in UNORDERED_TYPES or not recipients
    if unordered:
        people = sorted(set(actors) | set(recipients), key=repr)
        if len(people) == 1:
            return [((event_type, people[0], None), True)]
        return [((event_type, a, b), True) for i, a in enumerate(people) for b in people[i + 1 :]]
    if not actors:
        return [((event_type, None, r), False) for r in recipients]
    return [
        ((event_type, a, r), False)
        for a in actors
        for r in recipients
        if not (drop_self and a == r)
    ]


def expand_sectors_gold(event: GoldEvent) -> list[tuple[SectorTriple, bool]]:
    """Sector-level triples of a gold event (its self-pairs are kept: they are domestic)."""
    actor, recipient = _gold_sides(event)
    return _pairs(event.type, actor, recipient, drop_self=False)


def expand_sectors_pred(event: Event) -> list[tuple[SectorTriple, bool]]:
    """Sector-level triples of a predicted event (a participant paired with itself in the
    same sector is dropped, as at country level)."""
    actor = list(dict.fromkeys(p for p in map(_pred_participant, event.actor) if p))
    recipient = list(dict.fromkeys(p for p in map(_pred_participant, event.recipient) if p))
    return _pairs(event.event_type, actor, recipient, drop_self=True)


def _participant_ok(pred: PredParticipant | None, gold: GoldParticipant | None) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    return pred[0] == gold[0] and (not gold[1] or pred[1] in gold[1])


def sector_matches(
    pred: SectorTriple, pred_unordered: bool, gold: SectorTriple, gold_unordered: bool
) -> bool:
    """Whether a predicted sector triple is the gold one (direction as at country level)."""
    if pred[0] != gold[0]:
        return False
    if _participant_ok(pred[1], gold[1]) and _participant_ok(pred[2], gold[2]):
        return True
    if not (pred_unordered or gold_unordered) or None in pred or None in gold:
        return False
    return _participant_ok(pred[1], gold[2]) and _participant_ok(pred[2], gold[1])


def score_sectors(
    gold: Sequence[GoldDocument], predictions: Mapping[str, Sequence[Event]]
) -> TypeCounts:
    """Precision and recall over sector-level triples (same rules as :func:`score`)."""
    counts = TypeCounts()
    for gold_doc in gold:
        required: list[tuple[SectorTriple, bool]] = []
        accepted: list[tuple[SectorTriple, bool]] = []
        for event in gold_doc.events:
            if event.status == "forbidden":
                continue
            triples = list(dict.fromkeys(expand_sectors_gold(event)))
            accepted.extend(triples)
            if event.status == "required":
                required.extend(t for t in triples if t not in required)
        predicted = list(
            dict.fromkeys(
                t
                for e in predictions.get(gold_doc.document.doc_id, ())
                for t in expand_sectors_pred(e)
            )
        )
        counts.gold_required += len(required)
        counts.found += sum(
            1 for g, gu in required if any(sector_matches(p, pu, g, gu) for p, pu in predicted)
        )
        counts.predicted += len(predicted)
        counts.correct += sum(
            1 for p, pu in predicted if any(sector_matches(p, pu, g, gu) for g, gu in accepted)
        )
    return counts


# --------------------------------------------------------------------------- report


@dataclass(slots=True)
class Accuracy:
    """Attribute accuracy over found required triples where gold codes the attribute."""

    right: int = 0
    scored: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.right / self.scored if self.scored else None

    def add(self, ok: bool) -> None:
        self.scored += 1
        self.right += int(ok)

    def to_dict(self) -> dict[str, Any]:
        return {"right": self.right, "scored": self.scored, "accuracy": self.accuracy}


@dataclass(slots=True)
class TypeCounts:
    """Per-category counts behind precision and recall."""

    gold_required: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.found / self.gold_required if self.gold_required else None

    @property
    def f1(self) -> float | None:
        return _f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_required": self.gold_required,
            "found": self.found,
            "predicted": self.predicted,
            "correct": self.correct,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


ATTRIBUTES: tuple[str, ...] = ("factuality", "claimed_by", "denied_by", "date", "location")


@dataclass(slots=True)
class EvaluationReport:
    """Scores of one run against a gold file; ``to_dict`` is the stable JSON form.

    ``precision``/``recall``/``f1`` are ``None`` when their denominator is zero.
    ``misses``, ``extras`` and ``forbidden`` list the triples behind the figures.
    """

    totals: TypeCounts = field(default_factory=TypeCounts)
    attributes: dict[str, Accuracy] = field(
        default_factory=lambda: {name: Accuracy() for name in ATTRIBUTES}
    )
    per_type: dict[str, TypeCounts] = field(default_factory=dict)
    forbidden: list[dict[str, Any]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    unscored_events: int = 0
    unknown_documents: list[str] = field(default_factory=list)
    #: Sector-level counts (country and CAMEO sector, see :func:`score_sectors`).
    sectors: TypeCounts = field(default_factory=TypeCounts)

    @property
    def precision(self) -> float | None:
        return self.totals.precision

    @property
    def recall(self) -> float | None:
        return self.totals.recall

    @property
    def f1(self) -> float | None:
        return self.totals.f1

    @property
    def forbidden_hits(self) -> int:
        return len(self.forbidden)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with stable keys (see ``docs/evaluate.md``)."""
        out: dict[str, Any] = {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "gold_required": self.totals.gold_required,
            "found": self.totals.found,
            "predicted": self.totals.predicted,
            "correct": self.totals.correct,
            "forbidden_hits": self.forbidden_hits,
            "forbidden": list(self.forbidden),
        }
        for name in ATTRIBUTES:
            out[name] = self.attributes[name].to_dict()
        out["per_type"] = {t: c.to_dict() for t, c in self.per_type.items()}
        out["misses"] = list(self.misses)
        out["extras"] = list(self.extras)
        out["documents"] = list(self.documents)
        out["unscored_events"] = self.unscored_events
        out["unknown_documents"] = list(self.unknown_documents)
        out["sector"] = self.sectors.to_dict()
        return out

    def render(self, console: Console) -> None:
        """Print the report as Rich tables."""

        def pct(value: float | None) -> str:
            return "–" if value is None else f"{value:.3f}"

        t = self.totals
        head = Table(title="Dyad triples", show_header=True)
        for col in ("precision", "recall", "F1", "found/required", "correct/predicted"):
            head.add_column(col, justify="right")
        head.add_row(
            pct(self.precision),
            pct(self.recall),
            pct(self.f1),
            f"{t.found}/{t.gold_required}",
            f"{t.correct}/{t.predicted}",
        )
        console.print(head)
        sec = self.sectors
        console.print(
            f"Sector level (country and sector where the gold gives one): "
            f"P {pct(sec.precision)} R {pct(sec.recall)} F1 {pct(sec.f1)} "
            f"({sec.found}/{sec.gold_required} found, {sec.correct}/{sec.predicted} correct)"
        )
        verdict = "[green]0[/green]" if not self.forbidden else f"[red]{len(self.forbidden)}[/red]"
        console.print(f"Forbidden triples predicted: {verdict}")

        attrs = Table(title="Attributes of found required triples")
        for col in ("attribute", "right", "scored", "accuracy"):
            attrs.add_column(col, justify="left" if col == "attribute" else "right")
        for name in ATTRIBUTES:
            acc = self.attributes[name]
            attrs.add_row(name, str(acc.right), str(acc.scored), pct(acc.accuracy))
        console.print(attrs)

        types = Table(title="Per PLOVER category")
        for col in ("type", "required", "found", "predicted", "correct", "P", "R", "F1"):
            types.add_column(col, justify="left" if col == "type" else "right")
        for name, c in self.per_type.items():
            types.add_row(
                name,
                str(c.gold_required),
                str(c.found),
                str(c.predicted),
                str(c.correct),
                pct(c.precision),
                pct(c.recall),
                pct(c.f1),
            )
        console.print(types)

        for title, rows, key in (
            ("Forbidden", self.forbidden, "gold_id"),
            ("Misses (required, not found)", self.misses, "gold_ids"),
            ("Extras (predicted, not in gold)", self.extras, "evidence"),
        ):
            if not rows:
                continue
            table = Table(title=title)
            for col in ("doc", "triple", "detail"):
                table.add_column(col, overflow="fold")
            for row in rows:
                detail = row.get(key)
                if key == "gold_id":
                    detail = f"{row['gold_id']} ({', '.join(row['factuality'])})"
                    detail += f": {row['note']}" if row.get("note") else ""
                elif key == "gold_ids":
                    notes = "; ".join(n for n in row.get("notes", []) if n)
                    detail = ", ".join(row["gold_ids"]) + (f": {notes}" if notes else "")
                elif isinstance(detail, list):
                    detail = " | ".join(str(d) for d in detail)
                table.add_row(row["doc_id"], row["label"], str(detail))
            console.print(table)
        if self.unscored_events:
            console.print(
                f"{self.unscored_events} predicted event(s) had no resolved participant "
                "and gave no triple."
            )
        if self.unknown_documents:
            console.print(
                f"Predictions for {len(self.unknown_documents)} document(s) not in the gold "
                "file were ignored."
            )

    def to_text(self, width: int = 100) -> str:
        """The rendered report as plain text."""
        buffer = io.StringIO()
        self.render(Console(file=buffer, width=width, no_color=True, highlight=False))
        return buffer.getvalue()


# --------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class _GoldTriple:
    triple: Triple
    unordered: bool
    events: list[GoldEvent]


@dataclass(slots=True)
class _PredTriple:
    triple: Triple
    unordered: bool
    events: list[Event]


def _gold_triples(events: Iterable[GoldEvent], status: str) -> list[_GoldTriple]:
    table: dict[Triple, _GoldTriple] = {}
    for event in events:
        if event.status != status:
            continue
        for triple, unordered in expand(event.type, event.actor, event.recipient):
            entry = table.setdefault(triple, _GoldTriple(triple, unordered, []))
            entry.unordered = entry.unordered or unordered
            entry.events.append(event)
    return list(table.values())


def _predicted_triples(events: Iterable[Event]) -> tuple[list[_PredTriple], int]:
    table: dict[Triple, _PredTriple] = {}
    unscored = 0
    for event in events:
        expanded = expand(
            event.event_type,
            [e.country_code for e in event.actor],
            [e.country_code for e in event.recipient],
        )
        if not expanded:
            unscored += 1
        for triple, unordered in expanded:
            entry = table.setdefault(triple, _PredTriple(triple, unordered, []))
            entry.unordered = entry.unordered or unordered
            if not any(e is event for e in entry.events):
                entry.events.append(event)
    return list(table.values()), unscored


def _score_attributes(
    gold: _GoldTriple, events: list[Event], attributes: dict[str, Accuracy]
) -> None:
    # Several gold events may share a triple; the first that codes an attribute rules.
    def first(getter: Any) -> Any:
        return next((v for v in map(getter, gold.events) if v is not None), None)

    allowed_fact = first(lambda g: g.factuality)
    if allowed_fact is not None:
        attributes["factuality"].add(all(e.factuality in allowed_fact for e in events))

    coded_claim = next((g for g in gold.events if g.claimed_by_allowed is not None), None)
    if coded_claim is not None:
        claimants = set().union(*(_entity_countries(e.claimed_by) for e in events))
        allowed = {_norm(c) for c in coded_claim.claimed_by_allowed or []}
        ok = claimants <= allowed and (bool(claimants) or not coded_claim.claimed_by_required)
        attributes["claimed_by"].add(ok)

    gold_deniers = first(lambda g: g.denied_by)
    if gold_deniers is not None:
        deniers = set().union(*(_entity_countries(e.denied_by) for e in events))
        attributes["denied_by"].add(deniers == {_norm(c) for c in gold_deniers})

    # An empty list of allowed dates or places could never be satisfied: not scored.
    allowed_dates = first(lambda g: g.dates or None)
    if allowed_dates is not None:
        dates = {e.event_date for e in events if e.event_date}
        attributes["date"].add(bool(dates) and dates <= set(allowed_dates))

    allowed_places = first(lambda g: g.locations or None)
    if allowed_places is not None:
        places = {
            c for c in (_norm(e.location.country) for e in events if e.location) if c is not None
        }
        attributes["location"].add(bool(places) and places <= {_norm(c) for c in allowed_places})


def _counts(report: EvaluationReport, event_type: str) -> TypeCounts:
    return report.per_type.setdefault(event_type, TypeCounts())


def score(
    gold: Sequence[GoldDocument], predictions: Mapping[str, Sequence[Event]]
) -> EvaluationReport:
    """Score predicted events (keyed by ``doc_id``) against gold documents.

    Recall is required gold triples found over required gold triples; precision is
    predicted triples that are required or optional gold over all predicted triples
    (both summed over per-document sets). A predicted triple matching a forbidden gold
    event with one of its forbidden factuality values is listed in ``forbidden``.
    Attributes are scored on found required triples with all their predicted events.
    """
    report = EvaluationReport()
    gold_ids = {g.document.doc_id for g in gold}
    report.unknown_documents = sorted(set(predictions) - gold_ids)
    for gold_doc in gold:
        doc_id = gold_doc.document.doc_id
        required = _gold_triples(gold_doc.events, "required")
        optional = _gold_triples(gold_doc.events, "optional")
        forbidden = _gold_triples(gold_doc.events, "forbidden")
        predicted, unscored = _predicted_triples(predictions.get(doc_id, ()))
        report.unscored_events += unscored

        found = 0
        for g in required:
            counts = _counts(report, g.triple[0])
            counts.gold_required += 1
            hits = [p for p in predicted if _matches(p.triple, p.unordered, g.triple, g.unordered)]
            if not hits:
                report.misses.append(
                    {
                        "doc_id": doc_id,
                        "triple": list(g.triple),
                        "label": format_triple(g.triple, g.unordered),
                        "gold_ids": [e.id for e in g.events],
                        "notes": [e.note for e in g.events if e.note],
                    }
                )
                continue
            found += 1
            counts.found += 1
            events: list[Event] = []
            for p in hits:
                events.extend(e for e in p.events if not any(e is x for x in events))
            _score_attributes(g, events, report.attributes)

        correct = 0
        accepted = required + optional
        for p in predicted:
            counts = _counts(report, p.triple[0])
            counts.predicted += 1
            if any(_matches(p.triple, p.unordered, g.triple, g.unordered) for g in accepted):
                correct += 1
                counts.correct += 1
            else:
                report.extras.append(
                    {
                        "doc_id": doc_id,
                        "triple": list(p.triple),
                        "label": format_triple(p.triple, p.unordered),
                        "event_ids": [e.event_id for e in p.events],
                        "evidence": [e.evidence.text for e in p.events],
                        "trigger": [e.trigger.text for e in p.events],
                    }
                )
            for g in forbidden:
                if not _matches(p.triple, p.unordered, g.triple, g.unordered):
                    continue
                for gold_event in g.events:
                    bad = [
                        e
                        for e in p.events
                        if gold_event.factuality is None or e.factuality in gold_event.factuality
                    ]
                    if bad:
                        report.forbidden.append(
                            {
                                "doc_id": doc_id,
                                "triple": list(p.triple),
                                "label": format_triple(p.triple, p.unordered),
                                "gold_id": gold_event.id,
                                "factuality": sorted({e.factuality for e in bad}),
                                "event_ids": [e.event_id for e in bad],
                                "evidence": [e.evidence.text for e in bad],
                                "note": gold_event.note,
                            }
                        )

        report.totals.gold_required += len(required)
        report.totals.found += found
        report.totals.predicted += len(predicted)
        report.totals.correct += correct
        report.documents.append(
            {
                "doc_id": doc_id,
                "gold_required": len(required),
                "found": found,
                "predicted": len(predicted),
                "correct": correct,
            }
        )
    report.per_type = {t: report.per_type[t] for t in PLOVER_TYPES if t in report.per_type}
    report.sectors = score_sectors(gold, predictions)
    return report
