"""A generated corpus of malformed and adversarial inputs across every input format.

``write_corpus(folder, n)`` writes ``n`` files (deterministic for a seed) and returns the
number of good documents among them. Kinds: truncated and deeply nested HTML/XML,
entity-expansion and external-entity feeds, invalid and mixed encodings, NUL bytes, bidi
and zero-width characters, 20k-token sentences, only punctuation, duplicate ids with
different texts, lone surrogates, huge years, and good lines among bad ones.

Run as ``python -m tests.fuzz.corpus FOLDER N`` to write a corpus (``make fuzz``).
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

GOOD = [
    "Egypt condemned Israel on Thursday over the raid, officials said.",
    "Japan sent troops to Iraq on Friday, the defence ministry said.",
    "Russia and Iran signed a defence treaty in Moscow on Friday.",
    "Police arrested dozens of protesters in the capital on Monday.",
]


def _good(rng: random.Random, n: int) -> str:
    return f"Story {n}. " + " ".join(rng.choice(GOOD) for _ in range(3))


Maker = Callable[[random.Random, int], tuple[str, bytes, int]]


def _jsonl_mixed(rng: random.Random, n: int) -> tuple[str, bytes, int]:
    lines = [json.dumps({"doc_id": f"m{n}-1", "text": _good(rng, n)})]
    lines += ["{not json", '{"doc_id": "bad\\ud800", "text": "x\\ud800y"}', "[" * 5000]
    lines += ['{"text": "' + _good(rng, n) + '", "published": "99999-01-01"}']
    lines += [json.dumps({"doc_id": f"m{n}-2", "text": _good(rng, n + 1), "title": "a\x00b"})]
    return "jsonl", "\n".join(lines).encode(), 2


def _dup_ids(rng: random.Random, n: int) -> tuple[str, bytes, int]:
    lines = [
        json.dumps({"doc_id": f"dup{n}", "text": _good(rng, n) + f" Version {v}."}) for v in (1, 2)
    ]
    return "jsonl", "\n".join(lines).encode(), 1


def _deep_html(rng: random.Random, n: int) -> tuple[str, bytes, int]:
    depth = rng.choice([500, 5000, 50000])
    return "html", ("<div>" * depth + _good(rng, n)).encode(), 0


def _truncated_html(rng: random.Random, n: int) -> tuple[str, bytes, int]:
    page = f"<html><head><title>T{n}</title></head><body><article><p>{_good(rng, n)}</p>"
    return "html", page[: rng.randint(0, len(page))].encode(), 0


def _entity_feed(rng: random.Random, n: int) -> tuple[str, bytes, int]:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
        '<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<rss><channel><item><title>&c;</title><description>&x; &c;</description></item>"
        "</channel></rss>"
    )
    return "rss", bomb.encode(), 0


def _good_feed(rng: random.Random, n: int) -> tuple[str, bytes, int]:
    prolog = "<!-- " + "x" * rng.choice([10, 10000]) + " -->"
    feed = (
        f'<?xml version="1.0"?>{prolog}<rss version="2.0"><channel><title>W</title>'
        f"<item><guid>f{n}</guid><pubDate>Mon, 06 Jan 2003 10:00:00 GMT</pubDate>"
        f"<description>{_good(rng, n)}</description></item>"
        f"<item><pubDate>Mon, 06 Jan 99999 10:00:00 GMT</pubDate><description></description></item>"
        "</channel></rss>"
    )
    return "xml", feed.encode(), 1


def _encodings(rng: random.Random, n: int) -> tuple[str, bytes, int]:
    text = _good(rng, n)
    choice = rng.randrange(5)
    if choice == 0:
        return "txt", b"\xff\xfe" + text.encode("utf-16-le"), 1
    if choice == 1:
        return "txt", text.encode("utf-32"), 1
    if choice == 2:
        return "txt", text.encode("utf-8") + b"\xff\xfe\xc3" + "é".encode("latin-1"), 1
    if choice == 3:
        return "txt", bytes(rng.randrange(256) for _ in range(rng.randint(1, 400))), 0
    return "txt", text.encode("utf-8")[:10] + b"\x00" * 5 + text.encode("utf-8"), 0


def _odd_text(rng: random.Random, n: int) -> tuple[str, bytes, int]:
    choice = rng.randrange(4)
    if choice == 0:
        return "txt", ("!?.,;:" * rng.randint(1, 2000)).encode(), 0
    if choice == 1:
        words = " ".join(rng.choice(["the", "police", "said", "talks"]) for _ in range(20000))
        return "txt", (words + ".").encode(), 1
    if choice == 2:
        marks = "\u202e\u200b\u200d\u2066\ufeff"
        text = "".join(ch + rng.choice(marks) for ch in _good(rng, n))
        return "txt", text.encode(), 1
    return "txt", b"", 0


MAKERS: tuple[Maker, ...] = (
    _jsonl_mixed,
    _dup_ids,
    _deep_html,
    _truncated_html,
    _entity_feed,
    _good_feed,
    _encodings,
    _odd_text,
)


def write_corpus(folder: Path, count: int, seed: int = 15) -> dict[str, int]:
    """Write ``count`` files into ``folder``; counts of files and expected good documents.

    The good count is a lower bound where the language check may refuse short or odd
    texts; the fuzz checks assert that every unit is a document or a coded failure.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    good = 0
    for n in range(count):
        maker = MAKERS[n % len(MAKERS)]
        suffix, data, expected = maker(rng, n)
        (folder / f"f{n:05d}_{maker.__name__.strip('_')}.{suffix}").write_bytes(data)
        good += expected
    return {"files": count, "good": good}


if __name__ == "__main__":  # pragma: no cover - make fuzz
    print(write_corpus(Path(sys.argv[1]), int(sys.argv[2])))
