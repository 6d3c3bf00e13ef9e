"""A cheap English-or-not check: writing system first, then English function words.

Dotterel's dictionaries and rules are English only, so a French or Russian article would
be coded as noise. No language-identification dependency is used: non-Latin scripts are
recognised from Unicode character names, and Latin-script text is judged by the share of
its words that are common English function words (news English: 35–50 %), compared with
the share for a few other European languages listed in ``data/stopwords.json``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Too few words give ratios that swing wildly; such texts are accepted unjudged.
MIN_WORDS = 8
# Below this share of English function words, Latin text is compared with other languages.
ENGLISH_MIN_RATIO = 0.2
# Long texts with almost no English function words are rejected even if no other
# listed language matches (e.g. Polish, Turkish, Indonesian).
FALLBACK_MIN_WORDS = 30
FALLBACK_RATIO = 0.05
_SAMPLE_CHARS = 20_000


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """Function words per language code, from ``data/stopwords.json``."""
    raw = json.loads(
        resources.files("dotterel.ingest").joinpath("data/stopwords.json").read_text("utf-8")
    )
    return {lang: frozenset(words) for lang, words in raw.items() if not lang.startswith("_")}


def _script(char: str) -> str:
    try:
        name = unicodedata.name(char)
    except ValueError:
        return "UNKNOWN"
    first = name.split(" ", 1)[0]
    return "CJK" if first in {"CJK", "HIRAGANA", "KATAKANA"} else first


def dominant_script(text: str) -> tuple[str, float]:
    """The most frequent writing system among the letters of ``text`` and its share."""
    counts: dict[str, int] = {}
    total = 0
    for char in text[:_SAMPLE_CHARS]:
        if char.isalpha():
            total += 1
            script = "LATIN" if char.isascii() else _script(char)
            counts[script] = counts.get(script, 0) + 1
    if not total:
        return "NONE", 0.0
    script, count = max(counts.items(), key=lambda item: (item[1], item[0]))
    return script, count / total


def function_word_ratios(text: str) -> tuple[int, dict[str, float]]:
    """Number of words sampled and, per language, the share that are its function words."""
    words = [w.lower() for w in _WORD.findall(text[:_SAMPLE_CHARS])]
    if not words:
        return 0, {}
    ratios = {}
    for lang, vocab in stopwords().items():
        ratios[lang] = sum(1 for w in words if w in vocab) / len(words)
    return len(words), ratios


def language_problem(text: str) -> str | None:
    """Why ``text`` does not look like English, or ``None`` when it does (or is too short)."""
    script, share = dominant_script(text)
    if script not in {"LATIN", "NONE"} and share >= 0.5:
        return f"text is mostly in {script.title()} script ({share:.0%} of letters), not English"
    n_words, ratios = function_word_ratios(text)
    if n_words < MIN_WORDS:
        return None
    english = ratios.get("en", 0.0)
    others = {lang: r for lang, r in ratios.items() if lang != "en"}
    if others and english < ENGLISH_MIN_RATIO:
        lang, best = max(others.items(), key=lambda item: (item[1], item[0]))
        if best >= 0.1 and best > 1.5 * english:
            return (
                f"text looks like {LANGUAGE_NAMES.get(lang, lang)}, not English "
                f"({best:.0%} {LANGUAGE_NAMES.get(lang, lang)} function words "
                f"vs {english:.0%} English)"
            )
    if n_words >= FALLBACK_MIN_WORDS and english < FALLBACK_RATIO:
        return f"text does not look like English (only {english:.0%} English function words)"
    return None
