"""Property tests: no text breaks a tab-separated row, and ICEWS/POLECAT round trips."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dotterel.interop.common import ExportRow, FusionInfo, flat
from dotterel.interop.export import WRITERS
from dotterel.interop.gdelt import GdeltWriter
from dotterel.interop.icews import IcewsWriter
from dotterel.interop.importers import MISSING_MARKERS, quad_of, read_outside_events
from dotterel.interop.phoenix import PhoenixWriter
from dotterel.interop.polecat import PolecatWriter
from dotterel.interop.table import TableCsvWriter
from dotterel.records import Document, Entity, Event, Location, OutsideEvent, Span

# Text with the characters that break naive tab-separated files: tabs, every kind of line
# break, quotes, and anything else Unicode has.
AWKWARD = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\"'\\;, ")),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=60,
)
CODES = st.sampled_from(["RUSGOV", "USASPY", "IRN", "CHNBUS", "IGOUNO", "PRKMIL", None])
COUNTRIES = {"RUS": "RUS", "USA": "USA", "IRN": "IRN", "CHN": "CHN", "IGO": "IGO", "PRK": "PRK"}


@st.composite
def entities(draw: st.DrawFn) -> Entity:
    code = draw(CODES)
    return Entity(
        text=draw(AWKWARD),
        start=0,
        end=5,
        code=code,
        country=COUNTRIES.get(code[:3]) if code else None,
        role=code[3:6] or None if code else None,
        canonical=draw(st.one_of(st.none(), AWKWARD)),
    )


@st.composite
def rows(draw: st.DrawFn) -> ExportRow:
    evidence = draw(AWKWARD)
    day = draw(st.dates(min_value=pd.Timestamp("1990-01-01").date()))
    event = Event(
        doc_id=draw(AWKWARD.filter(bool)),
        sentence_index=draw(st.integers(0, 50)),
        evidence=Span(evidence, 3, 3 + len(evidence)),
        trigger=Span(draw(AWKWARD), 4, 9),
        event_type=draw(st.sampled_from(["AGREE", "ACCUSE", "ASSAULT", "AID"])),
        cameo=draw(st.sampled_from(["036", "112", "190", "070", None])),
        goldstein=draw(st.one_of(st.none(), st.floats(-10, 10))),
        quad_class=draw(st.one_of(st.none(), st.integers(1, 4))),
        contexts=draw(st.lists(AWKWARD, max_size=2)),
        actor=draw(st.lists(entities(), max_size=2)),
        recipient=draw(st.lists(entities(), max_size=2)),
        claimed_by=draw(st.lists(entities(), max_size=2)),
        event_date=draw(st.one_of(st.none(), st.just(day.isoformat()))),
        location=draw(
            st.one_of(
                st.none(),
                st.builds(Location, AWKWARD, st.sampled_from(["RUS", "UKR", None])),
            )
        ),
    )
    document = Document(
        doc_id=event.doc_id,
        text="",
        outlet=draw(st.one_of(st.none(), AWKWARD)),
        url=draw(st.one_of(st.none(), AWKWARD)),
        published=draw(st.one_of(st.none(), st.just(day.isoformat()))),
        content_hash="h",
    )
    return ExportRow(event, document, event.event_id, FusionInfo(None, 1, 1, 1))


def _unique(items: list[ExportRow]) -> list[ExportRow]:
    """The rows with export ids made unique, as the exporter makes them."""
    for number, item in enumerate(items):
        item.export_id = f"ev_{number}"
    return items


def _write(writer_class: type, path: Path, items: list[ExportRow]) -> int:
    _unique(items)
    with writer_class(path) as writer:
        for item in items:
            writer.write(item)
        return writer.rows


TSV_WRITERS = [PolecatWriter, IcewsWriter, PhoenixWriter, GdeltWriter]
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.lists(rows(), min_size=1, max_size=4))
def test_no_text_breaks_a_tab_separated_row(tmp_path_factory, items: list[ExportRow]) -> None:
    folder = tmp_path_factory.mktemp("tsv")
    for writer_class in TSV_WRITERS:
        path = folder / f"out{writer_class.suffix}"
        written = _write(writer_class, path, items)
        text = path.read_text(encoding="utf-8")
        # Read three ways: the csv module, pandas, and plain line splitting.
        with path.open(encoding="utf-8", newline="") as stream:
            parsed = list(csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE))
        lines = text.split("\n")[:-1]
        header = 1 if writer_class.header else 0
        width = len(writer_class.columns)
        assert len(parsed) == len(lines) == written + header
        assert all(len(row) == width for row in parsed)
        assert len(text.splitlines()) == len(lines)
        frame = pd.read_csv(
            io.StringIO(text),
            sep="\t",
            quoting=csv.QUOTE_NONE,
            dtype=str,
            header=0 if header else None,
            keep_default_na=False,
        )
        assert frame.shape == (written, width)
    # Evidence keeps its length, so its offsets still point at it.
    polecat = list(
        csv.DictReader(
            (folder / "out.tsv").open(encoding="utf-8", newline=""),
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
        )
    )
    for item, row in zip(items, polecat, strict=True):
        assert row["Evidence"] == flat(item.event.evidence.text)
        assert len(row["Evidence"]) == item.event.evidence.end - item.event.evidence.start


@FAST
@given(st.lists(rows(), min_size=1, max_size=4))
def test_csv_keeps_any_text_exactly(tmp_path_factory, items: list[ExportRow]) -> None:
    path = tmp_path_factory.mktemp("csv") / "out.csv"
    _write(TableCsvWriter, path, items)
    with path.open(encoding="utf-8", newline="") as stream:
        parsed = list(csv.DictReader(stream))
    assert [r["evidence"] for r in parsed] == [i.event.evidence.text for i in items]
    assert [r["doc_id"] for r in parsed] == [i.event.doc_id for i in items]


def _by_id(events: list[OutsideEvent]) -> dict[str, OutsideEvent]:
    return {e.source_event_id: e for e in events}


@FAST
@given(st.lists(rows(), min_size=1, max_size=4))
def test_icews_round_trip_keeps_what_icews_holds(tmp_path_factory, items: list[ExportRow]) -> None:
    path = tmp_path_factory.mktemp("icews") / "out.tab"
    _write(IcewsWriter, path, items)
    read = list(read_outside_events(path, "icews"))
    assert all(isinstance(r, OutsideEvent) for r in read)
    imported = _by_id([r for r in read if isinstance(r, OutsideEvent)])
    for item in items:
        event = item.event
        pairs = max(len(event.actor), 1) * max(len(event.recipient), 1)
        base = item.export_id
        ids = [base] if pairs == 1 else [f"{base}.{n}" for n in range(1, pairs + 1)]
        for number, export_id in enumerate(ids):
            back = imported[export_id]
            assert back.event_date == event.event_date
            assert back.cameo == event.cameo
            assert back.goldstein == event.goldstein
            # A story id that is itself a dataset's "no value" ("NaN", "NA") reads as none.
            story_id = flat(event.doc_id).strip()
            assert back.story_id == (None if story_id in MISSING_MARKERS else story_id)
            assert back.sentence_number == event.sentence_index + 1
            actor = event.actor[number // max(len(event.recipient), 1)] if event.actor else None
            if actor is not None and actor.country in ("RUS", "USA", "IRN", "CHN", "PRK"):
                assert back.actor[0].country == actor.country


@FAST
@given(st.lists(rows(), min_size=1, max_size=4))
def test_polecat_round_trip_keeps_what_polecat_holds(
    tmp_path_factory, items: list[ExportRow]
) -> None:
    path = tmp_path_factory.mktemp("polecat") / "out.tsv"
    _write(PolecatWriter, path, items)
    read = list(read_outside_events(path, "polecat"))
    imported = _by_id([r for r in read if isinstance(r, OutsideEvent)])
    assert len(imported) == len(items)
    for item in items:
        event, back = item.event, imported[item.export_id]
        assert back.event_date == event.event_date
        assert back.event_type == event.event_type
        assert back.quad_class == (event.quad_class or quad_of(event.event_type))
        assert back.fields["Factuality"] == event.factuality
        states = [
            e.country for e in event.actor if e.country in ("RUS", "USA", "IRN", "CHN", "PRK")
        ]
        assert [
            e.country for e in back.actor if e.country in ("RUS", "USA", "IRN", "CHN", "PRK")
        ] == states


def test_every_format_has_a_writer_with_a_suffix() -> None:
    assert set(WRITERS) == {"polecat", "icews", "phoenix", "gdelt", "plover-json", "parquet", "csv"}
    assert all(w.suffix.startswith(".") for w in WRITERS.values())
