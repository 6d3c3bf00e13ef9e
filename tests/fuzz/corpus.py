"""A generated corpus of malformed and adversarial inputs across every input format.

``write_corpus(folder, n)`` writes ``n`` files (deterministic for a seed) and a manifest,
``folder/.manifest.jsonl`` (hidden, so an ingest of the folder does not read it), saying
what each file must do: which of its units (the file itself, a JSONL line ``L3``, a JSON
list or feed item ``i2``) must be **stored** as a document and which must be recorded
as a **failure** with a code and a reason; a few adversarial units whose outcome is a
judgement call (a page cut in the middle of its paragraph) are **any**: stored or a
failure, never neither. Kinds: truncated and deeply nested HTML and XML, entity-expansion
and external-entity feeds, invalid, mixed and declared encodings (BOMs, UTF-16/32,
Latin-1), NUL bytes, bidi and zero-width characters, 20k-token sentences, only
punctuation, duplicate ids with different texts, duplicate texts, lone surrogates, huge
and impossible dates, deep nesting, French text, and good lines among bad ones.

``check_store(folder, db)`` compares a store after ``dotterel ingest folder --db db``
with the manifest: every file has an outcome, every good unit is stored, every bad one
is in the failures table with a code and a reason, no unexpected error, no document
stored twice, no entity expanded into a stored text.

Run as ``python -m tests.fuzz.corpus FOLDER N`` to write a corpus and as
``python -m tests.fuzz.corpus --check FOLDER DB`` to check a store (``make fuzz``).
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

GOOD = [
    "Egypt condemned Israel on Thursday over the raid, officials said.",
    "Japan sent troops to Iraq on Friday, the defence ministry said.",
    "Russia and Iran signed a defence treaty in Moscow on Friday.",
    "Police arrested dozens of protesters in the capital on Monday.",
]
FRENCH = (
    "Le gouvernement a annoncé mardi que les négociations avec les syndicats "
    "reprendront la semaine prochaine dans la capitale, selon le ministre."
)
MANIFEST = ".manifest.jsonl"
STORED, FAILURE, ANY = "stored", "failure", "any"
#: Text a stored document must never contain: an external entity read from disk.
PASSWD_MARK = "root:x:0:0"

Units = list[tuple[str, str]]  # (unit, expectation): unit "" (file), "L3", "i2"
Made = tuple[str, bytes, Units]
Maker = Callable[[random.Random, int], Made]


def _good(rng: random.Random, n: int, part: int = 0) -> str:
    """A unique short news text (the file number and part make its content hash unique)."""
    return f"Story {n}-{part}. " + " ".join(rng.choice(GOOD) for _ in range(3))


def _line(**record: object) -> str:
    return json.dumps(record)


# -- JSONL and JSON ------------------------------------------------------------------------


def _jsonl_mixed(rng: random.Random, n: int) -> Made:
    """Good lines among bad ones: each bad line is its own failure, the rest is stored."""
    bad = [
        "{not json",
        '{"doc_id": "bad\\ud800", "text": "x\\ud800y"}',  # lone surrogate in text
        "[" * 5000,  # deep nesting
        "{" + '"a":{' * 3000 + "}" * 3000 + "}",
        _line(text=_good(rng, n, 90), published="99999-01-01"),
        _line(text=_good(rng, n, 91), published="last Tuesday"),
        _line(text=_good(rng, n, 92), published="0000-00-00"),
        _line(text=_good(rng, n, 93) + "\x00"),
        _line(doc_id=["a", "list"], text=_good(rng, n, 94)),
        _line(text=17),
        _line(title="no text"),
        '"just a string"',
        _line(text=FRENCH + f" Dossier {n}."),
        _line(text=_good(rng, n, 95), language="fr"),
        _line(text="   \u200b  "),
    ]
    good = [
        _line(doc_id=f"m{n}-1", text=_good(rng, n, 1)),
        _line(doc_id=f"m{n}-2", text=_good(rng, n, 2), title="a\x00b", outlet="x\x00y"),
        _line(doc_id=f"bad{n}\ud800", text=_good(rng, n, 3)),  # cleaned id, stored
        _line(text=_good(rng, n, 4), published="2003-01-06"),
    ]
    chosen = [(line, STORED) for line in rng.sample(good, rng.randint(1, len(good)))]
    chosen += [(line, FAILURE) for line in rng.sample(bad, rng.randint(1, 4))]
    rng.shuffle(chosen)
    lines, units = [], []
    for number, (line, expect) in enumerate(chosen, start=1):
        lines.append(line)
        units.append((f"L{number}", expect))
    return "jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"), units


def _jsonl_bytes(rng: random.Random, n: int) -> Made:
    """Lines in other encodings and with raw binary in a UTF-8 JSONL file."""
    good = _line(doc_id=f"b{n}-1", text=_good(rng, n, 1)).encode()
    latin = (f'{{"doc_id": "b{n}-2", "text": "{_good(rng, n, 2)} Caf\xe9 owners said."}}').encode(
        "latin-1"
    )
    binary = (
        b'{"text": "\x00' + bytes(rng.randrange(256) for _ in range(60)).replace(b"\n", b"") + b'"}'
    )
    lines = [(good, STORED), (latin, ANY), (binary, FAILURE)]
    rng.shuffle(lines)
    units = [(f"L{i}", expect) for i, (_line_bytes, expect) in enumerate(lines, start=1)]
    return "jsonl", b"\n".join(raw for raw, _expect in lines), units


def _dup_ids(rng: random.Random, n: int) -> Made:
    """One id with two texts: the first is stored, the second is a DOT109 failure."""
    lines = [_line(doc_id=f"dup{n}", text=_good(rng, n, v)) for v in (1, 2)]
    return "jsonl", "\n".join(lines).encode(), [("L1", STORED), ("L2", FAILURE)]


def _dup_texts(rng: random.Random, n: int) -> Made:
    """One text under two ids: the first is stored, the second is a DOT110 failure."""
    text = _good(rng, n)
    lines = [_line(doc_id=f"same{n}-{v}", text=text) for v in (1, 2)]
    return "jsonl", "\n".join(lines).encode(), [("L1", STORED), ("L2", FAILURE)]


def _json_list(rng: random.Random, n: int) -> Made:
    """A JSON list of good and bad objects: each item stored or failed on its own."""
    items: list[object] = []
    units: Units = []
    for i in range(1, rng.randint(2, 6) + 1):
        kind = rng.randrange(4)
        if kind == 0:
            items.append(7)
            units.append((f"i{i}", FAILURE))
        elif kind == 1:
            items.append({"text": _good(rng, n, i), "published": "0001-01-01T99:99"})
            units.append((f"i{i}", FAILURE))
        else:
            items.append({"doc_id": f"j{n}-{i}", "text": _good(rng, n, i)})
            units.append((f"i{i}", STORED))
    return "json", json.dumps(items).encode(), units


def _truncated_json(rng: random.Random, n: int) -> Made:
    data = json.dumps({"doc_id": f"t{n}", "text": _good(rng, n)})
    return "json", data[: rng.randint(1, len(data) - 2)].encode(), [("", FAILURE)]


# -- HTML ----------------------------------------------------------------------------------


def _page(title: str, body: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article>"
        f"<p>{body}</p><p>{body}</p></article></body></html>"
    )


def _good_html(rng: random.Random, n: int) -> Made:
    return "html", _page(f"T{n}", _good(rng, n)).encode(), [("", STORED)]


def _deep_html(rng: random.Random, n: int) -> Made:
    depth = rng.choice([2000, 20000, 100000])
    return "html", ("<div>" * depth + _good(rng, n)).encode(), [("", ANY)]


def _truncated_html(rng: random.Random, n: int) -> Made:
    """A page cut anywhere: before its text a failure, within it either, never neither."""
    page = _page(f"T{n}", _good(rng, n))
    cut = rng.randint(1, len(page))
    start = page.index("<p>") + 3
    expect = FAILURE if cut <= start else ANY
    return "html", page[:cut].encode(), [("", expect)]


def _markup_only_html(rng: random.Random, n: int) -> Made:
    tags = "".join(
        rng.choice(["<p></p>", "<br>", "<div> </div>", "<!-- c -->", "<"]) for _ in range(50)
    )
    return "html", f"<html><body>{tags}</body></html>".encode(), [("", FAILURE)]


# -- feeds ---------------------------------------------------------------------------------


def _entity_feed(rng: random.Random, n: int) -> Made:
    """Billion laughs and an external entity: never expanded into a stored text."""
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
        '<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<rss><channel><item><title>&c;</title><description>&x; &c; {n}</description></item>"
        "</channel></rss>"
    )
    return "rss", bomb.encode(), [("", FAILURE)]


def _good_feed(rng: random.Random, n: int) -> Made:
    """A feed behind a long prolog: one good item, one empty item with a huge year."""
    prolog = "<!-- " + "x" * rng.choice([10, 10000, 200000]) + " -->"
    feed = (
        f'<?xml version="1.0"?>{prolog}<rss version="2.0"><channel><title>W</title>'
        f"<item><guid>f{n}</guid><pubDate>Mon, 06 Jan 2003 10:00:00 GMT</pubDate>"
        f"<description>{_good(rng, n)}</description></item>"
        "<item><pubDate>Mon, 06 Jan 99999 10:00:00 GMT</pubDate><description></description>"
        "</item></channel></rss>"
    )
    return "xml", feed.encode(), [("i1", STORED), ("i2", FAILURE)]


def _atom_feed(rng: random.Random, n: int) -> Made:
    entries = "".join(
        f"<entry><id>a{n}-{i}</id><title>E{i}</title><updated>2003-01-0{i}T10:00:00Z</updated>"
        f"<content type='html'>&lt;p&gt;{_good(rng, n, i)}&lt;/p&gt;</content></entry>"
        for i in (1, 2)
    )
    feed = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>{entries}</feed>'
    return "atom", feed.encode(), [("i1", STORED), ("i2", STORED)]


def _truncated_feed(rng: random.Random, n: int) -> Made:
    """A feed cut anywhere: its items before the cut may be stored; something is recorded."""
    items = "".join(
        f"<item><guid>tf{n}-{i}</guid><description>{_good(rng, n, i)}</description></item>"
        for i in (1, 2, 3)
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>C</title>{items}</channel></rss>'
    )
    return "rss", feed[: rng.randint(1, len(feed) - 1)].encode(), [("*", ANY)]


def _deep_feed(rng: random.Random, n: int) -> Made:
    depth = rng.choice([1000, 10000, 50000])
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><item><description>'
        + "<x>" * depth
        + _good(rng, n)
        + "</description></item></channel></rss>"
    )
    return "rss", feed.encode(), [("*", ANY)]


# -- plain text ----------------------------------------------------------------------------


def _encodings(rng: random.Random, n: int) -> Made:
    text = _good(rng, n) + " Caf\u00e9 owners said \u201cno\u201d."
    choice = rng.randrange(8)
    if choice == 0:
        return "txt", b"\xff\xfe" + text.encode("utf-16-le"), [("", STORED)]
    if choice == 1:
        return "txt", b"\xfe\xff" + text.encode("utf-16-be"), [("", STORED)]
    if choice == 2:
        return "txt", text.encode("utf-32"), [("", STORED)]
    if choice == 3:
        return "txt", b"\xef\xbb\xbf" + text.encode("utf-8"), [("", STORED)]
    if choice == 4:
        return (
            "txt",
            text.encode("utf-8") + b" \xff\xfe\xc3 " + "\u00e9".encode("latin-1"),
            [("", ANY)],
        )
    if choice == 5:
        return (
            "txt",
            text.replace("\u201c", '"').replace("\u201d", '"').encode("latin-1"),
            [("", STORED)],
        )
    if choice == 6:
        noise = bytes(rng.randrange(256) for _ in range(rng.randint(1, 400)))
        return "txt", noise + b"\x00" + noise, [("", FAILURE)]
    data = text.encode("utf-8")
    return "txt", data[:10] + b"\x00" * 5 + data, [("", FAILURE)]


def _binary(rng: random.Random, n: int) -> Made:
    head = rng.choice([b"\x89PNG\r\n\x1a\n", b"%PDF-1.4\n", b"PK\x03\x04", b"\x7fELF"])
    return "txt", head + bytes(rng.randrange(256) for _ in range(500)), [("", FAILURE)]


def _odd_text(rng: random.Random, n: int) -> Made:
    choice = rng.randrange(6)
    if choice == 0:
        return "txt", ("!?.,;:" * rng.randint(1, 2000)).encode(), [("", FAILURE)]
    if choice == 1:  # bidi and zero-width marks between words: still English
        marks = "\u202e\u200b\u200d\u2066\u2069\ufeff\u200f"
        words = _good(rng, n).split(" ")
        return "txt", "".join(w + rng.choice(marks) + " " for w in words).encode(), [("", STORED)]
    if choice == 2:  # a mark after every character: adversarial, either outcome
        marks = "\u202e\u200b\u200d\u2066\ufeff"
        text = "".join(ch + rng.choice(marks) for ch in _good(rng, n))
        return "txt", text.encode(), [("", ANY)]
    if choice == 3:
        return "txt", (FRENCH + f" Dossier {n}.").encode(), [("", FAILURE)]
    if choice == 4:
        return "txt", b" \n\t\n ", [("", FAILURE)]
    return "txt", b"", [("", FAILURE)]


def _long_sentence(rng: random.Random, n: int) -> Made:
    """A 20,000-token sentence with no full stop until its end: processed in sections."""
    words = " ".join(
        rng.choice(["the", "police", "said", "talks", "Egypt", "met"]) for _ in range(20000)
    )
    return "txt", f"Story {n}. {words}.".encode(), [("", STORED)]


def _good_text(rng: random.Random, n: int) -> Made:
    return "txt", f"Headline {n}\n\n{_good(rng, n)}\n".encode(), [("", STORED)]


#: Makers with their weights (per 1,000 files): the costly 20k-token sentence is rare.
MAKERS: tuple[tuple[Maker, int], ...] = (
    (_jsonl_mixed, 110),
    (_jsonl_bytes, 50),
    (_dup_ids, 50),
    (_dup_texts, 50),
    (_json_list, 60),
    (_truncated_json, 40),
    (_good_html, 40),
    (_deep_html, 40),
    (_truncated_html, 90),
    (_markup_only_html, 30),
    (_entity_feed, 40),
    (_good_feed, 50),
    (_atom_feed, 30),
    (_truncated_feed, 60),
    (_deep_feed, 30),
    (_encodings, 80),
    (_binary, 30),
    (_odd_text, 80),
    (_long_sentence, 2),
    (_good_text, 18),
)


def _maker_for(n: int, rng: random.Random) -> Maker:
    # The first files go through every kind once, so that a small corpus covers them all.
    if n < len(MAKERS):
        return MAKERS[n][0]
    makers, weights = zip(*MAKERS, strict=True)
    return rng.choices(makers, weights)[0]


def write_corpus(folder: Path, count: int, seed: int = 15) -> dict[str, int]:
    """Write ``count`` files and the manifest into ``folder``; counts of files and units."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    totals: Counter[str] = Counter(files=count)
    with (folder / MANIFEST).open("w", encoding="utf-8") as manifest:
        for n in range(count):
            maker = _maker_for(n, rng)
            kind = maker.__name__.strip("_")
            suffix, data, units = maker(rng, n)
            name = f"f{n:05d}_{kind}.{suffix}"
            (folder / name).write_bytes(data)
            manifest.write(json.dumps({"file": name, "kind": kind, "units": units}) + "\n")
            totals.update(expect for _unit, expect in units)
    return dict(totals)


# -- checking a store against the manifest -------------------------------------------------

_LINE_SUFFIX = re.compile(r":(\d+)$")
_ITEM_SUFFIX = re.compile(r"#item(\d+)$")
_ITEM_REASON = re.compile(r"^item (\d+)\b")
_CODE = re.compile(r"^DOT\d{3}$")


def _unit_of(source: str, line: int | None, reason: str = "") -> tuple[str, str]:
    """The file name and unit (``""``, ``L3``, ``i2``) of a stored source."""
    if match := _ITEM_SUFFIX.search(source):
        return Path(source[: match.start()]).name, f"i{match.group(1)}"
    if line is None and (match := _LINE_SUFFIX.search(source)):
        return Path(source[: match.start()]).name, f"L{match.group(1)}"
    if line is not None:
        return Path(source).name, f"L{line}"
    if match := _ITEM_REASON.match(reason):
        return Path(source).name, f"i{match.group(1)}"
    return Path(source).name, ""


@dataclass
class Report:
    """What a store did with a corpus: counts and every problem found."""

    files: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    failure_codes: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"files: {self.files}"]
        out += [f"{key}: {value}" for key, value in sorted(self.outcomes.items())]
        out += [f"failure {code}: {n}" for code, n in sorted(self.failure_codes.items())]
        out.append(f"problems: {len(self.problems)}")
        out += [f"  {problem}" for problem in self.problems[:50]]
        return out


def check_store(folder: Path, db: str) -> Report:
    """Compare the store ``db`` after an ingest of ``folder`` with the folder's manifest."""
    entries = [json.loads(line) for line in (folder / MANIFEST).read_text("utf-8").splitlines()]
    with duckdb.connect(db, read_only=True) as con:
        documents = con.execute("SELECT doc_id, source, text FROM documents").fetchall()
        failures = con.execute("SELECT source, line, code, reason FROM failures").fetchall()
    report = Report(files=len(entries))
    stored: dict[str, Counter[str]] = {}
    failed: dict[str, Counter[str]] = {}
    ids = Counter(doc_id for doc_id, _source, _text in documents)
    report.problems += [f"document id stored {n} times: {i!r}" for i, n in ids.items() if n > 1]
    for _doc_id, source, text in documents:
        name, unit = _unit_of(source or "", None)
        stored.setdefault(name, Counter())[unit] += 1
        if PASSWD_MARK in text or "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" in text:
            report.problems.append(f"{name}: an entity was expanded into the stored text")
    for source, line, code, reason in failures:
        name, unit = _unit_of(source or "", line, reason or "")
        failed.setdefault(name, Counter())[unit] += 1
        report.failure_codes[code] += 1
        if not _CODE.match(code or "") or not (reason or "").strip():
            report.problems.append(f"{name} {unit}: failure without a code or reason")
        if (reason or "").startswith("unexpected error"):
            report.outcomes["unexpected errors"] += 1
            report.problems.append(f"{name} {unit}: {code} {reason[:120]}")
    for entry in entries:
        name, units = entry["file"], entry["units"]
        docs, fails = stored.get(name, Counter()), failed.get(name, Counter())
        report.outcomes.update(f"expected {expect}" for _unit, expect in units)
        if not docs and not fails:
            report.problems.append(f"{name} ({entry['kind']}): nothing stored and no failure")
            report.outcomes["silent files"] += 1
            continue
        if any(unit == "*" for unit, _expect in units):
            report.outcomes["any -> file has an outcome"] += 1
            continue
        if entry["kind"] == "json_list":  # every item's document has the file as source
            _check_counts(report, name, units, docs, fails)
            continue
        for unit, expect in units:
            is_stored = docs.pop(unit, 0) > 0
            is_failed = fails[unit] > 0 or (unit == "" and sum(fails.values()) > 0)
            outcome = "stored" if is_stored else "failure" if is_failed else "nothing"
            report.outcomes[f"{expect} -> {outcome}"] += 1
            if outcome == "nothing" or (expect != ANY and outcome != expect):
                report.problems.append(f"{name} {unit}: expected {expect}, got {outcome}")
        if sum(docs.values()):
            report.problems.append(f"{name}: documents stored beyond the manifest: {dict(docs)}")
    return report


def _check_counts(
    report: Report, name: str, units: list[list[str]], docs: Counter[str], fails: Counter[str]
) -> None:
    want_stored = sum(1 for _unit, expect in units if expect == STORED)
    want_failed = sum(1 for _unit, expect in units if expect == FAILURE)
    report.outcomes["stored -> stored"] += min(want_stored, docs[""])
    report.outcomes["failure -> failure"] += min(want_failed, sum(fails.values()))
    if docs[""] != want_stored:
        report.problems.append(f"{name}: {docs['']} documents stored, expected {want_stored}")
    if sum(fails.values()) < want_failed:
        report.problems.append(f"{name}: {sum(fails.values())} failures, expected {want_failed}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--check"] and len(argv) == 3:
        report = check_store(Path(argv[1]), argv[2])
        print("\n".join(report.lines()))
        return 1 if report.problems else 0
    if len(argv) == 2:
        print(write_corpus(Path(argv[0]), int(argv[1])))
        return 0
    print("usage: python -m tests.fuzz.corpus FOLDER N | --check FOLDER DB", file=sys.stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover - make fuzz
    sys.exit(main(sys.argv[1:]))
