"""Exports with fusion and repeated ids, DataFrames, imports, and the CLI commands."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import polars as pl
import pytest
from typer.testing import CliRunner

from dotterel.api import (
    actors_frame,
    documents_frame,
    events_frame,
    export_events,
    fused_frame,
    import_events,
    outside_events,
)
from dotterel.cli.main import app
from dotterel.errors import DotterelError, FrameBackendError, ImportHeaderError, StoreError
from dotterel.interop.export import export_store
from dotterel.interop.gdelt import GDELT_COLUMNS
from dotterel.records import Event, FusedEvent
from dotterel.store import DuckDBStore, MemoryStore
from dotterel.store import memory as memory_module
from tests.interop.conftest import dyad_count
from tests.store.conftest import doc, ent, event

runner = CliRunner()


class FusedStore(MemoryStore):
    """A store that knows fusion, as the fusion branch's stores will."""

    def fused_id_of(self, event_id: str) -> str | None:
        return "fu_1" if event_id else None

    def fused_event(self, fused_id: str) -> FusedEvent | None:
        return FusedEvent(
            fused_id=fused_id,
            event_type="AID",
            n_mentions=7,
            n_documents=5,
            n_independent_sources=3,
        )

    def fused_events_by_id(self, fused_ids: Sequence[str]) -> list[FusedEvent]:
        return [f for i in fused_ids if (f := self.fused_event(i)) is not None]

    def fused_events(self) -> list[FusedEvent]:
        fused = self.fused_event("fu_1")
        return [fused] if fused else []


def _filled(store: MemoryStore) -> MemoryStore:
    berlin = doc("berlin", "Germany sent aid to Ukraine on Monday.")
    sent = event(berlin, "sent", "AID", [ent("Germany", "DEUGOV")], [ent("Ukraine", "UKR", 20)])
    sent.cameo, sent.quad_class, sent.goldstein = "070", 2, 7.0
    store.add_batch([(berlin, [sent], [ent("Germany", "DEU")])], [], store.start_run("t", []))
    return store


def test_fusion_fills_gdelt_counts_and_polecat_fused_columns(tmp_path: Path) -> None:
    store = _filled(FusedStore())
    export_store(store, tmp_path / "g.export.CSV", "gdelt")
    frame = pd.read_csv(tmp_path / "g.export.CSV", sep="\t", header=None, names=GDELT_COLUMNS)
    assert list(frame[["NumMentions", "NumSources", "NumArticles"]].iloc[0]) == [7, 3, 5]
    export_store(store, tmp_path / "p.tsv", "polecat")
    polecat = pd.read_csv(tmp_path / "p.tsv", sep="\t", quoting=csv.QUOTE_NONE, dtype=str)
    assert list(polecat[["Fused ID", "Source Count"]].iloc[0]) == ["fu_1", "3"]
    fused = fused_frame_of(store)
    assert fused["n_independent_sources"].tolist() == [3]


def fused_frame_of(store: MemoryStore) -> pd.DataFrame:
    from dotterel.interop import frames

    return frames.to_frame(frames.fused_table(store), "pandas")


def test_a_store_without_fusion_has_no_fused_frame(seed_db: str) -> None:
    if callable(getattr(DuckDBStore, "fused_events", None)):
        # Stores that can fuse list what they fused: nothing yet in the seed store.
        assert len(fused_frame(seed_db)) == 0
    else:
        with pytest.raises(FrameBackendError, match="DOT803"):
            fused_frame(seed_db)


def test_repeated_stored_ids_are_made_unique_in_every_export(tmp_path: Path, monkeypatch) -> None:
    # Stores written before reused doc_ids were refused (DOT109) can hold an id twice.
    monkeypatch.setattr(memory_module, "doc_id_clashes", lambda fresh, _known: (list(fresh), []))
    store = MemoryStore()
    items = []
    for text in ("Russia threatened Ukraine.", "Russia threatened Ukraine again."):
        d = doc("same-id", text)
        items.append((d, [event(d, "threatened", "THREATEN", [ent("Russia", "RUS")])], []))
    store.add_batch(items, [], store.start_run("t", []))
    first = items[0][1][0].event_id
    for fmt in ("csv", "polecat", "icews"):
        out = tmp_path / f"out.{fmt}"
        export_store(store, out, fmt)
        ids = pd.read_csv(out, sep="," if fmt == "csv" else "\t", dtype=str).iloc[:, 0].tolist()
        assert ids == [first, f"{first}-2"]


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    class Broken(MemoryStore):
        def iter_events_with_documents(self, **filters):  # type: ignore[override]
            yield from super().iter_events_with_documents(**filters)
            raise RuntimeError("disk gone")

    store = _filled(Broken())
    with pytest.raises(RuntimeError):
        export_store(store, tmp_path / "out.tsv", "polecat")
    with pytest.raises(RuntimeError):
        export_store(store, tmp_path / "folder", "parquet", partition="month")
    assert list(tmp_path.iterdir()) == []


def test_events_frames_are_typed_in_pandas_and_polars(
    seed_db: str, seed_events: list[Event]
) -> None:
    frame = events_frame(seed_db)
    assert len(frame) == len(seed_events)
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert isinstance(frame["contexts"].iloc[0], list)
    assert isinstance(frame["actor"].iloc[0], list) and "code" in frame["actor"].iloc[0][0]
    assert frame["quad_class"].dtype == "int8" or frame["quad_class"].isna().any()
    polars_frame = events_frame(seed_db, backend="polars", event_type="ACCUSE")
    assert polars_frame.schema["event_date"] == pl.Date
    assert isinstance(polars_frame.schema["contexts"], pl.List)
    assert polars_frame.height == sum(e.event_type == "ACCUSE" for e in seed_events)
    with pytest.raises(FrameBackendError, match="unknown DataFrame backend"):
        events_frame(seed_db, backend="spark")


def test_documents_and_actors_frames(seed_db: str, seed_events: list[Event]) -> None:
    documents = documents_frame(seed_db)
    assert "seed-russia-iran-partnership" in set(documents["doc_id"])
    assert str(documents["published"].dtype).startswith("datetime64")
    actors = actors_frame(seed_db, backend="polars")
    roles = set(actors["role"].to_list())
    assert {"actor", "mention"} <= roles
    participants = actors.filter(pl.col("role") == "actor").height
    assert participants == sum(len(e.actor) for e in seed_events)


def test_a_dyad_frame_has_a_dated_row_per_month_traced_to_fused_events(seed_db: str) -> None:
    from dotterel.api import dyad, dyad_frame

    points = dyad("RUS", "IRN", db=seed_db)
    frame = dyad_frame("RUS", "IRN", seed_db)
    assert len(frame) == len(points) >= 1
    assert str(frame["period"].dtype).startswith("datetime64")
    assert frame["n_events"].sum() == sum(p.n_events for p in points)
    assert isinstance(frame["fused_ids"].iloc[0], list) and frame["fused_ids"].iloc[0]
    polars_frame = dyad_frame("IRN", "RUS", seed_db, backend="polars")
    assert polars_frame.schema["period"] == pl.Date
    assert polars_frame["cooperation"].sum() == pytest.approx(frame["cooperation"].sum())


def test_frames_need_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no event store"):
        events_frame(str(tmp_path / "missing.duckdb"))
    from dotterel.api import dyad_frame

    with pytest.raises(StoreError, match="no event store"):
        dyad_frame("RUS", "IRN", str(tmp_path / "missing.duckdb"))
    assert not (tmp_path / "missing.duckdb").exists()


@pytest.mark.parametrize("fmt", ["icews", "polecat"])
def test_seed_store_round_trips_through_the_dataset_format(
    fmt: str, seed_db: str, seed_events: list[Event], tmp_path: Path
) -> None:
    out = tmp_path / f"seed.{fmt}"
    export_events(out, fmt, db=seed_db)
    target = str(tmp_path / "other.duckdb")
    summary = import_events(out, fmt, db=target)
    expected = dyad_count(seed_events) if fmt == "icews" else len(seed_events)
    assert (summary.rows, summary.added, summary.failures) == (expected, expected, [])
    again = import_events(out, fmt, db=target)
    assert again.added == 0
    imported = outside_events(target, source_dataset=fmt)
    assert len(imported) == expected
    by_event = {e.event_id: e for e in seed_events}
    for outside in imported:
        original = by_event[outside.source_event_id.split(".")[0]]
        assert outside.event_date == original.event_date
        assert outside.event_type == original.event_type
        if fmt == "icews":
            assert outside.cameo == original.cameo
            assert outside.goldstein == original.goldstein
            assert outside.story_id == original.doc_id
        else:
            assert outside.intensity == original.plover_score
            assert outside.fields["Factuality"] == original.factuality
            assert [a.country for a in outside.actor] == [a.country_code for a in original.actor]
    # Outside events stay apart: the other store has no events of Dotterel's own.
    with DuckDBStore(target) as store:
        assert store.counts()["events"] == 0


def test_import_of_a_file_that_is_not_the_dataset_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.tsv"
    path.write_text("id\tdate\n1\t2020-01-01\n", encoding="utf-8")
    with pytest.raises(ImportHeaderError, match="DOT810"):
        import_events(path, "icews", db=str(tmp_path / "db.duckdb"))


def test_bad_rows_are_recorded_and_the_rest_imported(seed_db: str, tmp_path: Path) -> None:
    out = tmp_path / "seed.tab"
    export_events(out, "icews", db=seed_db)
    lines = out.read_text(encoding="utf-8").splitlines()
    broken = lines[1].split("\t")
    broken[7] = "very negative"
    lines[1] = "\t".join(broken)
    lines.insert(2, "too\tfew\tcells")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = str(tmp_path / "db.duckdb")
    summary = import_events(out, "icews", db=target)
    assert summary.rows == len(lines) - 3
    assert [(f.code, f.line) for f in summary.failures] == [("DOT811", 2), ("DOT811", 3)]
    assert "Intensity 'very negative'" in summary.failures[0].reason
    with DuckDBStore(target) as store:
        assert [f.code for f in store.failures()] == ["DOT811", "DOT811"]


def test_cli_export_and_import(seed_db: str, seed_events: list[Event], tmp_path: Path) -> None:
    out = tmp_path / "by-month"
    result = runner.invoke(
        app, ["export", "--db", seed_db, "--format", "parquet", "--partition", "month", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert f"{len(seed_events)} events" in result.output
    assert list(out.glob("month=*/part-0.parquet"))
    tsv = tmp_path / "seed.tsv"
    result = runner.invoke(
        app, ["export", "--db", seed_db, "-f", "polecat", "--type", "ACCUSE", str(tsv)]
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app, ["import-events", "--format", "polecat", str(tsv), "--db", str(tmp_path / "o.duckdb")]
    )
    assert result.exit_code == 0, result.output
    assert "new, 0 bad rows" in result.output
    result = runner.invoke(app, ["export", "--db", seed_db, "-f", "csv", str(tmp_path)])
    assert result.exit_code == 1 and "DOT802" in result.output


def test_network_and_dyad_show_imported_events_beside_dotterels(
    seed_db: str, tmp_path: Path
) -> None:
    from dotterel.api import dyad, network

    out = tmp_path / "seed.polecat"
    export_events(out, "polecat", db=seed_db)
    target = str(tmp_path / "both.duckdb")
    import_events(out, "polecat", db=target)
    # A store holding only the import: Dotterel's own network is empty, POLECAT's is not.
    assert network(db=target).edges == []
    imported = network(db=target, source="polecat")
    pairs = {frozenset((edge.source, edge.target)) for edge in imported.edges}
    assert frozenset(("RUS", "IRN")) in pairs
    own = network(db=seed_db)
    own_edge = next(e for e in own.edges if {e.source, e.target} == {"RUS", "IRN"})
    polecat_edge = next(e for e in imported.edges if {e.source, e.target} == {"RUS", "IRN"})
    assert polecat_edge.cooperation > 0 and own_edge.cooperation > 0
    # Imported events are marked with their dataset and never pose as articles.
    assert all(c.fused_id.startswith("ox_") for c in polecat_edge.evidence)
    points = dyad("RUS", "IRN", db=target, source="polecat")
    assert sum(p.n_events for p in points) >= 1
    assert dyad("RUS", "IRN", db=target) == []
    with pytest.raises(DotterelError, match="DOT751"):
        network(db=target, source="gdelt")
