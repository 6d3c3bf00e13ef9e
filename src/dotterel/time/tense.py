"""A cheap clause-tense guess from surface words, for text without a dependency parse.

The spaCy component reads the tense from the parse; this heuristic serves evaluation on
raw text and callers without a model. It takes the tense cue closest to the expression
within its sentence; on equal distance a cue before the expression wins (English puts the
verb before its time adverbial: "met on Thursday and will ..."), then a future cue.
"""

from __future__ import annotations

import re

from dotterel.time.resolve import WORDS

_CUES: list[tuple[str, re.Pattern[str]]] = [
    (tense, re.compile(r"(?<![\w'])" + re.escape(cue.lower()) + r"(?![\w'])"))
    for tense in ("future", "past", "present")
    for cue in WORDS.get("tense_cues", {}).get(tense, [])
]
_PAST_VERB = re.compile(r"\b[a-z]{3,}ed\b")
_PREPOSITION_TENSE: dict[str, str] = dict(WORDS.get("tense_prepositions", {}))
_NOT_PAST = frozenset(WORDS.get("future_participles", []))
_PASSIVE = (["be"], ["been"], ["being"], ["to"], ["get"])
_RANK = {"future": 0, "past": 1, "present": 2}


def guess_tense(sentence: str, start: int, end: int) -> str | None:
    """Tense (``past``/``present``/``future``) of the clause around ``sentence[start:end]``.

    ``start``/``end`` are offsets of the time expression inside ``sentence``. Returns
    ``None`` when no cue is found.
    """
    text = sentence.lower()
    before = text[:start].split()[-1:]
    if before and before[0] in _PREPOSITION_TENSE:
        return _PREPOSITION_TENSE[before[0]]
    after = text[end:].split()[:1]
    if after and after[0] in ("ago", "earlier"):
        return "past"
    found: list[tuple[int, int, str]] = []
    for tense, pattern in _CUES:
        for m in pattern.finditer(text):
            if not start <= m.start() < end:
                found.append((_key(m.start(), m.end(), start, end), _RANK[tense], tense))
    for m in _PAST_VERB.finditer(text):
        if m.group(0) in _NOT_PAST or text[: m.start()].split()[-1:] in _PASSIVE:
            # "should be completed": a participle after "be" carries no tense of its own.
            continue
        if not start <= m.start() < end:
            # A regular "-ed" form is a weaker cue than a listed word.
            key = _key(m.start(), m.end(), start, end) + 4
            found.append((key, _RANK["past"], "past"))
    best = min(found, default=None)
    return best[2] if best else None


def _key(cue_start: int, cue_end: int, start: int, end: int) -> int:
    """Rough word distance, doubled, plus one when the cue follows the expression."""
    gap = start - cue_end if cue_end <= start else cue_start - end
    return (max(gap, 0) // 4) * 2 + (cue_start >= end)
