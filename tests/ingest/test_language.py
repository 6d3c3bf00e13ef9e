"""The English-or-not heuristic on sentences written for these tests and on the gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotterel.ingest.language import LANGUAGE_NAMES, language_problem, stopwords

ENGLISH = [
    "The government of Chad said on Friday that it had closed its border with Sudan.",
    "Protesters gathered outside the parliament in Tbilisi for a third night.",
    "Opposition leaders rejected the offer, calling it an attempt to buy time.",
]
NOT_ENGLISH = {
    "French": "Les manifestants se sont rassemblés devant le parlement pour la troisième nuit.",
    "German": "Die Regierung hat am Freitag die Grenze zum Nachbarland geschlossen, sagte er.",
    "Spanish": "El gobierno cerró la frontera con el país vecino por la presión de los rebeldes.",
    "Italian": "Il governo ha chiuso il confine con il paese vicino dopo gli scontri della notte.",
    "Dutch": "De regering heeft op vrijdag de grens met het buurland gesloten, zei hij.",
    "Cyrillic": "Правительство закрыло границу с соседней страной в пятницу вечером.",
    "Arabic": "أغلقت الحكومة الحدود مع الدولة المجاورة يوم الجمعة.",
    "Cjk": "政府星期五关闭了与邻国的边界。",
}


@pytest.mark.parametrize("text", ENGLISH)
def test_english_news_sentences_pass(text: str) -> None:
    assert language_problem(text) is None


@pytest.mark.parametrize("name", sorted(NOT_ENGLISH))
def test_other_languages_and_scripts_are_named(name: str) -> None:
    problem = language_problem(NOT_ENGLISH[name])
    assert problem is not None and name in problem


def test_short_fragments_are_not_judged() -> None:
    assert language_problem("Merkel trifft Macron") is None
    assert language_problem("12 345 678") is None


def test_long_text_without_english_function_words_is_rejected() -> None:
    polish = (
        "Rząd zamknął granicę z sąsiednim krajem w piątek wieczorem po starciach żołnierzy "
        "przy przejściu granicznym, poinformował rzecznik rządu podczas konferencji prasowej "
        "zwołanej pilnie w stolicy kraju przez premiera oraz ministrów spraw wewnętrznych "
        "obrony narodowej finansów zdrowia edukacji rolnictwa sportu kultury i cyfryzacji"
    )
    assert "does not look like English" in (language_problem(polish) or "")


def test_every_stopword_list_is_named_and_lowercase() -> None:
    lists = stopwords()
    assert set(lists) == set(LANGUAGE_NAMES)
    for words in lists.values():
        assert words and all(w == w.lower() and w.strip() == w for w in words)
    assert not lists["fr"] & lists["en"]


def test_shared_english_corpora_pass() -> None:
    shared = Path(__file__).resolve().parents[2] / ".." / "shared"
    files = sorted(shared.glob("gold/*.jsonl")) + sorted(shared.glob("corpus/*.jsonl"))
    if not files:
        pytest.skip("shared corpora not available")
    flagged = [
        record.get("doc_id")
        for path in files
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for record in [json.loads(line)]
        if language_problem(record.get("text") or "")
    ]
    assert flagged == []
