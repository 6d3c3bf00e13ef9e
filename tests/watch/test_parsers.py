"""Feed lists, intervals and URL normalisation: examples and properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dotterel.errors import FeedListError
from dotterel.ingest.feedlist import (
    FeedSpec,
    format_interval,
    load_feed_list,
    parse_feed_lines,
    parse_interval,
)
from dotterel.ingest.feeds import check_no_entities, parse_feed
from dotterel.ingest.urls import normalise_url, tracking_params, url_doc_id


def test_a_line_list_takes_url_interval_and_outlet(tmp_path: Path) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text(
        "# world news\n"
        "https://a.example/rss 15m Agence Example\n"
        "\n"
        "https://b.example/atom.xml   # no interval: the default\n"
        "https://a.example/rss 1h\n"
    )
    feeds, default = load_feed_list(path)
    assert default is None
    assert feeds == [
        FeedSpec("https://a.example/rss", 900.0, "Agence Example"),
        FeedSpec("https://b.example/atom.xml", None, None),
    ]


def test_a_yaml_list_takes_a_default_interval(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "interval: 30m\n"
        "feeds:\n"
        "  - url: https://a.example/rss\n"
        "    interval: 2h\n"
        "    outlet: Example Wire\n"
        "  - https://b.example/feed\n"
    )
    feeds, default = load_feed_list(path)
    assert default == 1800.0
    assert feeds == [
        FeedSpec("https://a.example/rss", 7200.0, "Example Wire"),
        FeedSpec("https://b.example/feed"),
    ]


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("f.txt", "https://ok.example/rss\nftp://bad.example/rss\n", "f.txt:2"),
        ("f.txt", "https://ok.example/rss 0m\n", "f.txt:1"),
        ("f.yaml", "feeds:\n  - url: https://a.example/\n    every: 5m\n", "feeds[1]"),
        ("f.yaml", "feeds: [https://a.example/, {interval: 5m}]\n", "feeds[2]"),
        ("f.yaml", "feeds: [unclosed\n", "f.yaml"),
    ],
)
def test_a_bad_list_names_the_file_and_line(tmp_path: Path, name, text, where) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(FeedListError) as caught:
        load_feed_list(path)
    assert caught.value.code == "DOT863"
    assert where in str(caught.value)


@given(st.floats(min_value=0.5, max_value=1e7, allow_nan=False))
def test_intervals_round_trip(seconds: float) -> None:
    assert parse_interval(format_interval(seconds)) == pytest.approx(seconds, abs=1e-6)


@given(st.lists(st.tuples(st.integers(1, 10_000), st.sampled_from(["", "s", "m", "h", "d"]))))
def test_line_lists_round_trip(entries) -> None:
    text = "".join(f"https://n{i}.example/rss {n}{unit}\n" for i, (n, unit) in enumerate(entries))
    feeds, _ = parse_feed_lines(text)
    assert [f.url for f in feeds] == [f"https://n{i}.example/rss" for i in range(len(entries))]
    factors = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
    assert [f.interval for f in feeds] == [n * factors[unit] for n, unit in entries]


def test_url_spellings_of_one_article_normalise_alike() -> None:
    spellings = [
        "https://News.Example.com/world/story-1?utm_source=rss&id=7",
        "https://news.example.com:443/world/story-1?id=7#comments",
        "HTTPS://news.example.com/world/story-1?fbclid=abc&id=7",
        "https://news.example.com/world/%73tory-1?id=7",
    ]
    assert {normalise_url(url) for url in spellings} == {
        "https://news.example.com/world/story-1?id=7"
    }
    assert normalise_url("http://a.example") == "http://a.example/"
    assert normalise_url("http://a.example/x?b=2&a=1") == "http://a.example/x?a=1&b=2"
    assert normalise_url("http://a.example:8080/x") == "http://a.example:8080/x"


def test_the_tracking_list_has_the_common_campaign_tags() -> None:
    names, prefixes = tracking_params()
    assert {"fbclid", "gclid"} <= names
    assert "utm_" in prefixes
    assert "id" not in names and "page" not in names  # these pick the article


urls = st.builds(
    lambda scheme, host, port, path, query, fragment: (
        f"{scheme}://{host}{port}/{path}{'?' + query if query else ''}"
        f"{'#' + fragment if fragment else ''}"
    ),
    st.sampled_from(["http", "https", "HTTP"]),
    st.from_regex(r"[A-Za-z0-9]{1,10}(\.[A-Za-z]{2,5}){1,2}", fullmatch=True),
    st.sampled_from(["", ":80", ":443", ":8080"]),
    # Raw white space is not valid in a URL (feeds and pages give it percent-encoded).
    st.text(
        st.characters(codec="utf-8", exclude_characters="?#", exclude_categories=["Z", "C"]),
        max_size=20,
    ),
    st.text(
        st.characters(codec="ascii", exclude_characters="#", exclude_categories=["Z", "C"]),
        max_size=20,
    ),
    st.text(max_size=5),
)


@given(urls)
def test_normalising_is_idempotent_and_ignores_fragments(url: str) -> None:
    once = normalise_url(url)
    assert normalise_url(once) == once
    assert "#" not in once
    assert normalise_url(url.split("#", 1)[0]) == once
    assert url_doc_id(url) == url_doc_id(once)


def test_entity_declarations_are_refused_but_a_plain_doctype_is_not() -> None:
    from dotterel.errors import UnsafeFeedError

    netscape = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
        b"<title>Old</title><item><title>A</title><link>http://o.example/a</link></item>"
        b"</channel></rss>"
    )
    check_no_entities(netscape, "old")
    assert [e.link for e in parse_feed(netscape, "http://o.example/rss").entries] == [
        "http://o.example/a"
    ]
    with pytest.raises(UnsafeFeedError):
        check_no_entities(b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss/>', "x")
    # An article *about* XML may quote an entity declaration in its content.
    quoting = (
        b'<rss version="2.0"><channel><title>T</title><item><title>XML</title>'
        b"<link>http://o.example/x</link><description><![CDATA[Write <!ENTITY a 'b'>]]>"
        b"</description></item></channel></rss>"
    )
    assert len(parse_feed(quoting, "http://o.example/rss").entries) == 1


def test_relative_links_resolve_against_the_feed_and_linkless_items_are_reported() -> None:
    body = (
        b'<rss version="2.0"><channel><title>T</title>'
        b"<item><title>One</title><link>/news/1</link></item>"
        b"<item><title>No link</title></item></channel></rss>"
    )
    parsed = parse_feed(body, "https://site.example/feeds/rss.xml")
    assert [e.link for e in parsed.entries] == ["https://site.example/news/1"]
    assert [p.code for p in parsed.problems] == ["DOT860"]
    assert "No link" in parsed.problems[0].reason
