"""Reading inputs: every good document read, every bad input a Failure naming it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dotterel.errors import BadDateError
from dotterel.ingest import path_doc_id, read_inputs, sniff, split_title
from dotterel.records import Document, Failure

ARTICLE = (
    "Ministers meet in Geneva\n"
    "The foreign ministers of Armenia and Azerbaijan met in Geneva on Tuesday to discuss "
    "a peace treaty, officials from both governments said after the talks.\n"
)
HTML = """<!DOCTYPE html><html><head><title>Ceasefire talks resume | Daily Wire Service</title>
<meta property="og:title" content="Ceasefire talks resume">
<meta property="og:site_name" content="Daily Wire Service">
<meta name="date" content="2024-03-05">
<link rel="canonical" href="https://news.example/ceasefire"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ceasefire talks resume</h1>
<p>Negotiators from both sides returned to the table on Monday after a pause of two weeks,
according to a statement released by the mediators in the capital.</p>
<p>The mediators said that the talks would focus on the exchange of prisoners and on the
opening of humanitarian corridors for the civilians who remain in the besieged towns.</p>
<p>Neither delegation commented on the timing of a possible agreement, but diplomats said
that they expected the round to last for at least three days.</p>
</article><footer>Copyright the publisher</footer></body></html>"""
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World Desk</title><link>https://desk.example</link>
<item><title>Kenya sends police to Haiti</title><link>https://desk.example/1</link>
<guid>desk-1</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Kenya said on Tuesday that it would send &lt;b&gt;police officers&lt;/b&gt;
to Haiti as part of a mission backed by the United Nations.&lt;/p&gt;</description></item>
<item><title>Chile recalls its ambassador</title><link>https://desk.example/2</link>
<pubDate>Wed, 06 Mar 2024 08:30:00 +0100</pubDate>
<description>Chile has recalled its ambassador from Israel for consultations, the foreign
ministry said in a statement on Wednesday.</description></item>
</channel></rss>"""
FRENCH = (
    "Le ministre des affaires étrangères a déclaré mardi que la France ne participera pas "
    "aux négociations avec la Russie, selon un communiqué publié dans la soirée."
)
GERMAN = (
    "Der Bundeskanzler hat am Dienstag erklärt, dass Deutschland die Ukraine auch im "
    "nächsten Jahr mit Waffen und Geld unterstützen wird, sagte ein Sprecher der Regierung."
)


def _jsonl(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a_article.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b_wire.jsonl").write_text(
        _jsonl(
            {"id": "w1", "text": "Turkey and Greece agreed to resume talks.", "date": "2024-02-01"},
            "{not json",
            "",
            {
                "doc_id": "w2",
                "title": "Sudan",
                "text": "Sudan's army shelled positions held by the paramilitary forces.",
                "published": "2024-02-03T21:15:00+02:00",
                "url": "https://w.example/2",
                "outlet": "Wire",
                "extra": [1, 2],
            },
        ),
        encoding="utf-8",
    )
    (root / "c_page.html").write_text(HTML, encoding="utf-8")
    (root / "sub" / "d_feed.rss").write_text(RSS, encoding="utf-8")
    # Bad inputs, one of each kind.
    (root / "e_empty.txt").write_text("", encoding="utf-8")
    (root / "f_binary.txt").write_bytes(b"PK\x03\x04\x00\x00binary\x00zip")
    # Latin-1 is decoded (charset detection), then refused as French.
    (root / "g_latin1.txt").write_bytes(FRENCH.encode("latin-1"))
    (root / "h_big.txt").write_text("The talks went on. " * 100, encoding="utf-8")
    (root / "i_nomain.html").write_text(
        "<html><body><div><script>var x = 1;</script></div></body></html>", encoding="utf-8"
    )
    (root / "j_broken.rss").write_text("<rss><channel><item><title>Half an it", encoding="utf-8")
    (root / "k_french.txt").write_text(FRENCH, encoding="utf-8")
    (root / "l_german.jsonl").write_text(_jsonl({"text": GERMAN}), encoding="utf-8")
    # Ignored: hidden files and unknown extensions inside directories.
    (root / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "notes.docx").write_bytes(b"\x00\x01")
    return root


def _read(*inputs: str, **options) -> tuple[list[Document], list[Failure]]:
    items = list(read_inputs(list(inputs), max_bytes=options.pop("max_bytes", 1000), **options))
    docs = [i for i in items if isinstance(i, Document)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert len(docs) + len(fails) == len(items)
    return docs, fails


def test_mixed_directory_reads_good_and_reports_bad(corpus: Path) -> None:
    missing = str(corpus / "missing.txt")
    docs, fails = _read(str(corpus), missing, published="2024-01-15")

    by_title = {d.title: d for d in docs}
    assert len(docs) == 6
    article = by_title["Ministers meet in Geneva"]
    assert article.text == ARTICLE and article.published == "2024-01-15"
    assert [d.doc_id for d in docs if d.doc_id.startswith("w")] == ["w1", "w2"]
    w1, w2 = (d for d in docs if d.doc_id in {"w1", "w2"})
    assert (w1.published, w2.published) == ("2024-02-01", "2024-02-03")
    assert (w2.title, w2.url, w2.outlet) == ("Sudan", "https://w.example/2", "Wire")
    page = by_title["Ceasefire talks resume"]
    assert "prisoners" in page.text and "Home" not in page.text
    assert (page.published, page.outlet) == ("2024-03-05", "Daily Wire Service")
    kenya = by_title["Kenya sends police to Haiti"]
    assert kenya.text.startswith("Kenya said on Tuesday that it would send police officers")
    assert "<" not in kenya.text
    assert (kenya.doc_id, kenya.published, kenya.outlet, kenya.url) == (
        "desk-1",
        "2024-03-05",
        "World Desk",
        "https://desk.example/1",
    )
    chile = by_title["Chile recalls its ambassador"]
    assert chile.published == "2024-03-06" and chile.doc_id.startswith("d_feed-")

    got = {(Path(f.source).name, f.line, f.code) for f in fails}
    assert got == {
        ("b_wire.jsonl", 2, "DOT105"),
        ("e_empty.txt", None, "DOT101"),
        ("f_binary.txt", None, "DOT102"),
        ("g_latin1.txt", None, "DOT107"),
        ("h_big.txt", None, "DOT104"),
        ("i_nomain.html", None, "DOT106"),
        ("j_broken.rss", None, "DOT106"),
        ("k_french.txt", None, "DOT107"),
        ("l_german.jsonl", 1, "DOT107"),
        ("missing.txt", None, "DOT108"),
    }
    reasons = {Path(f.source).name: f.reason for f in fails}
    assert "invalid JSON" in reasons["b_wire.jsonl"]
    assert "French" in reasons["g_latin1.txt"]
    assert "French" in reasons["k_french.txt"]
    assert "German" in reasons["l_german.jsonl"]
    assert "1,900 bytes" in reasons["h_big.txt"]
    assert all(f.describe().startswith(f.source) for f in fails)


def test_directory_order_and_doc_ids_are_stable(corpus: Path) -> None:
    def run() -> list[tuple[str, str]]:
        return [
            (i.doc_id, i.source or "") if isinstance(i, Document) else ("", i.source)
            for i in read_inputs([str(corpus)])
        ]

    first = run()
    assert first == run()
    files = [
        Path(source.split("#")[0].rsplit(":", 1)[0]).relative_to(corpus).as_posix()
        for _id, source in first
    ]
    assert files == sorted(files)
    assert files[0] == "a_article.txt" and files[-1] == "sub/d_feed.rss"


def test_text_title_is_first_line_and_stays_in_text(tmp_path: Path) -> None:
    one_line = tmp_path / "one.txt"
    one_line.write_text("Iran and Iraq signed a border deal on Sunday in Baghdad.\n")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    (single,), _ = _read(str(one_line))
    (windows,), _ = _read(str(crlf))
    assert single.title is None
    assert windows.title == "Ministers meet in Geneva" and windows.text == ARTICLE
    assert split_title("A headline\n\nThe body of the story.") == "A headline"
    assert split_title(("word " * 60) + "\nsecond line") is None


def test_jsonl_title_not_prepended_and_gold_files_read_directly() -> None:
    gold = Path(__file__).resolve().parents[2] / ".." / "shared" / "gold"
    if not gold.is_dir():
        pytest.skip("shared gold files not available")
    docs, fails = _read(str(gold / "seed.jsonl"), str(gold / "plover_gsr.jsonl"), max_bytes=10**6)
    assert fails == []
    records = [
        json.loads(line)
        for name in ("seed.jsonl", "plover_gsr.jsonl")
        for line in (gold / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert [d.doc_id for d in docs] == [r["doc_id"] for r in records]
    assert all(d.text == r["text"] for d, r in zip(docs, records, strict=True))


def test_jsonl_record_problems_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        _jsonl(
            ["a", "list"],
            {"title": "no text"},
            {"text": 42},
            {"text": "   "},
            {"text": "Peru closed its border.", "language": "es"},
            {"text": "Peru closed its border with Bolivia on Friday.", "doc_id": {"x": 1}},
            {"text": "Peru closed its border with Bolivia on Friday.", "id": 7},
        )
    )
    docs, fails = _read(str(path))
    assert [d.doc_id for d in docs] == ["7"]
    assert [(f.line, f.code) for f in fails] == [
        (1, "DOT105"),
        (2, "DOT105"),
        (3, "DOT105"),
        (4, "DOT101"),
        (5, "DOT107"),
        (6, "DOT105"),
    ]
    assert "'text'" in fails[1].reason and "list" in fails[0].reason


def test_blank_only_jsonl_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n")
    _docs, (fail,) = _read(str(path))
    assert fail.code == "DOT101"


def test_json_object_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Egypt hosted talks between the two sides."}))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "Qatar mediated the release."}, {"txt": "typo"}]))
    broken = tmp_path / "broken.json"
    broken.write_text('{"text": "unterminated')
    docs, fails = _read(str(one), str(many), str(broken))
    assert [d.text for d in docs] == [
        "Egypt hosted talks between the two sides.",
        "Qatar mediated the release.",
    ]
    assert docs[0].doc_id == path_doc_id(one) and docs[1].doc_id == path_doc_id(many, "-1")
    assert [(Path(f.source).name, f.code) for f in fails] == [
        ("many.json", "DOT105"),
        ("broken.json", "DOT105"),
    ]
    assert fails[0].reason.startswith("item 2:")


def test_stdin_text_and_jsonl() -> None:
    docs, _ = _read("-", stdin=io.StringIO(ARTICLE), published="5 March 2024")
    assert docs[0].title == "Ministers meet in Geneva" and docs[0].published == "2024-03-05"
    assert docs[0].source == "<stdin>"
    again, _ = _read("-", stdin=io.StringIO(ARTICLE))
    assert again[0].doc_id == docs[0].doc_id

    lines = _jsonl({"id": "s1", "text": "Mali expelled the French ambassador."}, {"text": "x y"})
    docs, fails = _read("-", stdin=io.StringIO("\n" + lines))
    assert [d.doc_id for d in docs[:1]] == ["s1"] and len(docs) == 2
    assert fails == []
    # Mixed JSONL: the good record is read, the prose line is a failure naming its line.
    mixed = '{"text": "Mali expelled the envoy."}\nand then some prose\n'
    docs, fails = _read("-", stdin=io.StringIO(mixed))
    assert [d.text for d in docs] == ["Mali expelled the envoy."]
    assert [(f.line, f.code) for f in fails] == [(2, "DOT105")]


def test_stdin_binary_and_empty() -> None:
    _d, (binary,) = _read("-", stdin=io.StringIO("abc\x00def"))
    _d, (empty,) = _read("-", stdin=io.StringIO("  \n"))
    assert (binary.code, empty.code) == ("DOT102", "DOT101")
    assert binary.source == "<stdin>"


def test_bad_published_option_is_refused_at_once() -> None:
    with pytest.raises(BadDateError):
        read_inputs(["x.txt"], published="sometime soon")


def test_partly_broken_feed_keeps_items_and_reports_truncation(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    path.write_text(RSS[: RSS.index("<item><title>Chile")] + "<item><title>Chi")
    docs, fails = _read(str(path))
    assert [d.title for d in docs] == ["Kenya sends police to Haiti"]
    assert fails and all(f.source == str(path) for f in fails)
    assert any(f.code == "DOT106" and "malformed" in f.reason for f in fails)


def test_language_check_can_be_switched_off(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH)
    docs, fails = _read(str(path), check_language=False)
    assert len(docs) == 1 and fails == []


def test_sniff_recognises_kinds() -> None:
    assert sniff(b"\xef\xbb\xbf<?xml version='1.0'?><rss>") == "feed"
    assert sniff(b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">') == "feed"
    assert sniff(b"<!doctype html><html>") == "html"
    assert sniff(b'{"text": "a"}\n{"text": "b"}') == "jsonl"
    assert sniff(b'{\n  "text": "a"\n}') == "json"
    assert sniff(b"[{}]") == "json"
    assert sniff(b"Plain words") == "text"
