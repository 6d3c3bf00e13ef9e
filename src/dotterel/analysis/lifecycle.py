"""Lifecycles: the stages of a treaty, and the fate of a claim, across fused events.

A *treaty* lifecycle links the AGREE/SUPPORT fused events of one set of states (and the
withdrawals or breaches that follow): announced (an AGREE that is planned) -> signed ->
ratified -> in force -> breached or withdrawn. Stages are named by the report's type,
factuality and trigger word (``analysis/data/fusion.yaml``).

A *claim* lifecycle follows one act of one ordered dyad (``AID PRK>RUS``) that somebody
other than its actors says happened: alleged (a report cites a claimant who is not the
accused) -> denied (a report cites a denier) -> confirmed (the accused itself says it, or
an independent source says it in its own voice) or retracted (an earlier claimant says it
did not happen). Each step keeps the report it comes from.

Lifecycle ids come from the fused event that opened them and never change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dotterel.analysis.fusion import countries, parse_day, sides, source_groups
from dotterel.analysis.stories import fusion_words
from dotterel.records import (
    CLAIM_STAGES,
    TREATY_STAGES,
    FusedEvent,
    FusedMember,
    Lifecycle,
    LifecycleStep,
)
from dotterel.store.base import EventStore

if TYPE_CHECKING:
    from dotterel.analysis.fusion import FusionSettings


@dataclass(frozen=True, slots=True)
class StageRule:
    """One ``treaty_stages`` entry of the fusion word lists."""

    stage: str
    types: frozenset[str]
    factuality: frozenset[str]
    triggers: tuple[str, ...]
    start: bool


@lru_cache(maxsize=1)
def treaty_rules() -> tuple[StageRule, ...]:
    """The treaty stage rules, in the order they are tried."""
    return tuple(
        StageRule(
            stage=entry["stage"],
            types=frozenset(entry["types"]),
            factuality=frozenset(entry["factuality"]),
            triggers=tuple(t.casefold() for t in entry.get("triggers") or []),
            start=bool(entry.get("start")),
        )
        for entry in fusion_words()["treaty_stages"]
    )


def treaty_stage(event_type: str, factuality: str, trigger: str) -> StageRule | None:
    """The first treaty rule a report fits (by type, factuality and trigger), or None."""
    word = trigger.casefold()
    for rule in treaty_rules():
        if event_type not in rule.types or factuality not in rule.factuality:
            continue
        if not rule.triggers or any(word.startswith(t) or t in word for t in rule.triggers):
            return rule
    return None


def treaty_key(fused: FusedEvent) -> str | None:
    parties = countries(fused.actor) | countries(fused.recipient)
    if len(parties) < 2:
        return None
    return "treaty|" + "|".join(sorted(parties))


def claim_key(fused: FusedEvent) -> str | None:
    actors, recipients = sides(fused.event_type, fused.actor, fused.recipient)
    if not actors:
        return None
    return f"claim|{fused.event_type}|{','.join(sorted(actors))}>{','.join(sorted(recipients))}"


def _codes(entities: list) -> list[str]:
    return [e.code or e.country_code or e.text for e in entities]


def alleges(member: FusedMember, accused: frozenset[str]) -> bool:
    """Whether a report cites somebody other than the accused as saying it happened."""
    claimants = countries(member.claimed_by)
    return bool(claimants - accused) and member.factuality != "negated"


def is_claim(fused: FusedEvent) -> bool:
    """Whether a fused event is an allegation (or a denial) someone could confirm."""
    accused = countries(fused.actor)
    return any(alleges(m, accused) or m.denied_by for m in fused.members)


def _step(stage: str, fused: FusedEvent, member: FusedMember, by: list[str]) -> LifecycleStep:
    return LifecycleStep(
        stage=stage,
        date=member.published or fused.event_date,
        fused_id=fused.fused_id,
        event_id=member.event_id,
        doc_id=member.doc_id,
        outlet=member.outlet,
        evidence=member.evidence.text if member.evidence else None,
        by=by,
    )


def treaty_steps(fused: FusedEvent) -> list[LifecycleStep]:
    steps: dict[str, LifecycleStep] = {}
    for member in sorted(fused.members, key=lambda m: (m.published or "", m.doc_id)):
        rule = treaty_stage(fused.event_type, member.factuality, _trigger(member))
        if rule and rule.stage not in steps:
            step = _step(rule.stage, fused, member, _codes(member.claimed_by))
            step.date = fused.event_date or step.date
            steps[rule.stage] = step
    return list(steps.values())


def _trigger(member: FusedMember) -> str:
    return member.trigger.text if member.trigger else ""


def claim_steps(events: list[FusedEvent]) -> list[LifecycleStep]:
    """Steps of a claim over its fused events, reports in order of publication."""
    reports = sorted(
        ((m, f) for f in events for m in f.members),
        key=lambda pair: (pair[0].published or "", pair[0].doc_id),
    )
    steps: list[LifecycleStep] = []
    seen: set[tuple[str, str]] = set()
    claimants: set[str] = set()
    alleging: list[FusedMember] = []
    for member, fused in reports:
        accused = countries(fused.actor)
        found: list[tuple[str, list[str]]] = []
        said_by = countries(member.claimed_by)
        if alleges(member, accused):
            found.append(("alleged", _codes(member.claimed_by)))
        if member.denied_by:
            found.append(("denied", _codes(member.denied_by)))
        if alleging and member.factuality == "actual":
            if said_by & accused and not countries(member.denied_by) & accused:
                found.append(("confirmed", _codes(member.claimed_by)))
            elif not member.claimed_by and not member.denied_by and _independent(member, alleging):
                found.append(("confirmed", []))
        if alleging and member.factuality == "negated" and said_by & claimants:
            found.append(("retracted", _codes(member.claimed_by)))
        if alleges(member, accused):
            alleging.append(member)
            claimants |= said_by - accused
        for stage, by in found:
            if (fused.fused_id, stage) not in seen:
                seen.add((fused.fused_id, stage))
                steps.append(_step(stage, fused, member, by))
    return steps


def _independent(member: FusedMember, alleging: list[FusedMember]) -> bool:
    groups = source_groups([*alleging, member])
    return groups[-1] not in groups[:-1]


def _order(kind: str, stage: str) -> int:
    stages = TREATY_STAGES if kind == "treaty" else CLAIM_STAGES
    return stages.index(stage) if stage in stages else len(stages)


def rebuild(lifecycle: Lifecycle, events: list[FusedEvent]) -> None:
    """Recompute a lifecycle's steps, status and dates from its fused events."""
    if lifecycle.kind == "treaty":
        steps = [step for fused in events for step in treaty_steps(fused)]
    else:
        steps = claim_steps(events)
    steps.sort(key=lambda s: (s.date or "9999", _order(lifecycle.kind, s.stage), s.fused_id))
    lifecycle.steps = steps
    lifecycle.fused_ids = list(dict.fromkeys(f.fused_id for f in events))
    dates = [s.date for s in steps if s.date]
    lifecycle.first_date = min(dates) if dates else None
    lifecycle.last_date = max(dates) if dates else None
    lifecycle.status = steps[-1].stage if steps else None


def _within(date: str | None, lifecycle: Lifecycle, days: int) -> bool:
    day, first, last = (
        parse_day(date),
        parse_day(lifecycle.first_date),
        parse_day(lifecycle.last_date),
    )
    if day is None or first is None or last is None:
        return True
    return first - days <= day <= last + days


def lifecycle_id_for(kind: str, fused_id: str) -> str:
    return "lc_" + hashlib.sha1(f"{kind}\x1f{fused_id}".encode()).hexdigest()[:16]


def _candidates(fused: FusedEvent) -> list[tuple[str, str, bool]]:
    """(kind, dyad key, may open a lifecycle) for every lifecycle a fused event may be in."""
    found = []
    key = treaty_key(fused)
    if key:
        rules = [treaty_stage(fused.event_type, m.factuality, _trigger(m)) for m in fused.members]
        matched = [rule for rule in rules if rule]
        if matched:
            found.append(("treaty", key, any(rule.start for rule in matched)))
    key = claim_key(fused)
    if key and not found:
        found.append(("claim", key, is_claim(fused)))
    return found


def _dyad(kind: str, fused: FusedEvent) -> list[str]:
    if kind == "treaty":
        return sorted(countries(fused.actor) | countries(fused.recipient))
    actors, recipients = sides(fused.event_type, fused.actor, fused.recipient)
    return [*sorted(actors), ">", *sorted(recipients)]


def update_lifecycles(
    store: EventStore,
    known: Mapping[str, FusedEvent],
    touched: dict[str, FusedEvent],
    settings: FusionSettings,
) -> list[tuple[str, Lifecycle]]:
    """Link the fused events changed in a batch into lifecycles; the lifecycles changed.

    ``known`` holds the batch's fused events (newer than the store's); fused events whose
    ``lifecycle_id`` changes are added to ``touched`` so they are written too.
    """
    plans = {f.fused_id: _candidates(f) for f in touched.values()}
    keys = sorted({key for found in plans.values() for _kind, key, _start in found})
    if not keys:
        return []
    open_by_key: dict[str, list[Lifecycle]] = {}
    for key, lifecycle in store.lifecycles_by_dyad(keys):
        open_by_key.setdefault(key, []).append(lifecycle)
    changed: dict[str, tuple[str, Lifecycle]] = {}
    for fused_id, found in plans.items():
        fused = touched[fused_id]
        for kind, key, may_start in found:
            window = settings.treaty_days if kind == "treaty" else settings.claim_days
            existing = open_by_key.get(key, [])
            chosen = next((lc for lc in existing if fused_id in lc.fused_ids), None)
            if chosen is None:
                fitting = [lc for lc in existing if _within(fused.event_date, lc, window)]
                chosen = fitting[-1] if fitting else None
            if chosen is None:
                if not may_start:
                    continue
                chosen = Lifecycle(
                    lifecycle_id=lifecycle_id_for(kind, fused_id),
                    kind=kind,
                    dyad=_dyad(kind, fused),
                    event_type=None if kind == "treaty" else fused.event_type,
                )
                open_by_key.setdefault(key, []).append(chosen)
            if fused_id not in chosen.fused_ids:
                chosen.fused_ids.append(fused_id)
            changed[chosen.lifecycle_id] = (key, chosen)
    members_wanted = [i for _k, lc in changed.values() for i in lc.fused_ids if i not in known]
    loaded = {f.fused_id: f for f in store.fused_events_by_id(members_wanted)}
    for _key, lifecycle in changed.values():
        events = [known.get(i) or loaded.get(i) for i in lifecycle.fused_ids]
        present = [f for f in events if f is not None]
        present.sort(key=lambda f: (f.event_date or "9999", f.fused_id))
        rebuild(lifecycle, present)
        for fused in present:
            if fused.lifecycle_id != lifecycle.lifecycle_id:
                fused.lifecycle_id = lifecycle.lifecycle_id
                touched[fused.fused_id] = fused
    return list(changed.values())
