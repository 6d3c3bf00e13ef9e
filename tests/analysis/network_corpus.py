"""Generated articles for the network tests: text that goes through the real pipeline.

Three planted groups of states cooperate inside and quarrel across. Templates were
checked against what the coder codes (each yields the listed PLOVER type with the
first state as actor and the second as recipient, or both as joint actors).
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from dotterel.analysis.network import singleton_fused
from dotterel.nlp.pipeline import Extractor
from dotterel.records import Document, FusedEvent

GROUPS: tuple[tuple[str, ...], ...] = (
    ("France", "Germany", "Italy", "Spain"),
    ("Brazil", "Argentina", "Chile", "Peru"),
    ("Japan", "Vietnam", "Thailand", "Malaysia"),
)
CODES = {
    "France": "FRA", "Germany": "DEU", "Italy": "ITA", "Spain": "ESP",
    "Brazil": "BRA", "Argentina": "ARG", "Chile": "CHL", "Peru": "PER",
    "Japan": "JPN", "Vietnam": "VNM", "Thailand": "THA", "Malaysia": "MYS",
}  # fmt: skip

COOPERATION = (
    "{a} and {b} signed a {topic} agreement on {weekday}.",
    "{a} sent humanitarian aid to {b} after the {disaster}.",
    "The foreign minister of {a} met his counterpart from {b} in {city}.",
    "{a} praised {b} for its support during the {crisis}.",
    "{a} and {b} agreed to expand {topic} cooperation.",
    "Officials from {a} held talks with {b} on {topic}.",
    "{a} pledged economic assistance to {b}.",
)
CONFLICT = (
    "{a} condemned {b} over the {dispute}.",
    "{a} imposed sanctions on {b}.",
    "{a} expelled the ambassador of {b}.",
    "{a} threatened {b} with {measure}.",
    "{a} accused {b} of {offence}.",
    "{a} recalled its ambassador from {b}.",
    "{a} criticised {b} for its {topic} policy.",
)
FILL = {
    "topic": ("trade", "energy", "defence", "fisheries", "science", "customs"),
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
    "disaster": ("floods", "earthquake", "wildfires", "storm"),
    "city": ("Geneva", "Vienna", "Oslo", "Singapore", "Nairobi"),
    "crisis": ("crisis", "pandemic", "drought"),
    "dispute": ("border dispute", "fishing dispute", "pipeline dispute"),
    "measure": ("military action", "new tariffs", "a trade embargo"),
    "offence": ("spying", "election meddling", "smuggling"),
}


def _sentence(template: str, a: str, b: str, rng: random.Random) -> str:
    return template.format(a=a, b=b, **{k: rng.choice(v) for k, v in FILL.items()})


def planted_documents(seed: int = 3, n_documents: int = 36) -> list[Document]:
    """Articles of 4-6 sentences: mostly in-group cooperation and cross-group conflict,
    with one cross-group cooperation every few articles as noise."""
    rng = random.Random(seed)
    documents = []
    for index in range(n_documents):
        sentences = []
        for position in range(rng.randint(4, 6)):
            group = rng.randrange(3)
            if position % 2 == 0:
                a, b = rng.sample(GROUPS[group], 2)
                template = rng.choice(COOPERATION)
            else:
                other = (group + rng.randint(1, 2)) % 3
                a, b = rng.choice(GROUPS[group]), rng.choice(GROUPS[other])
                template = rng.choice(CONFLICT)
            sentences.append(_sentence(template, a, b, rng))
        if index % 6 == 5:
            a, b = rng.choice(GROUPS[0]), rng.choice(GROUPS[1])
            sentences.append(_sentence(COOPERATION[5], a, b, rng))
        month = 1 + index % 12
        documents.append(
            Document(
                doc_id=f"planted-{index:03d}",
                text=" ".join(sentences),
                published=f"2024-{month:02d}-{10 + index % 15:02d}",
                outlet=f"outlet-{index % 5}",
            )
        )
    return documents


def fuse_singletons(extractor: Extractor, documents: Iterable[Document]) -> list[FusedEvent]:
    """Documents through the real pipeline, each event its own fused event."""
    fused = []
    for document in documents:
        result = extractor.extract_one(document)
        fused.extend(singleton_fused(event, document) for event in result.events)
    return fused
