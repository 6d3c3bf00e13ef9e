"""Each export format, written from the seed store and read back by an independent reader."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import jsonschema
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dotterel.api import export_events
from dotterel.errors import ExportTargetError, UnknownFormatError
from dotterel.interop.gdelt import GDELT_COLUMNS
from dotterel.interop.icews import ICEWS_COLUMNS
from dotterel.interop.parquet import PARQUET_SCHEMA
from dotterel.interop.phoenix import PHOENIX_COLUMNS
from dotterel.interop.polecat import DOTTEREL_COLUMNS, POLECAT_COLUMNS
from dotterel.interop.table import CSV_COLUMNS
from dotterel.records import Event
from dotterel.schema import load_plover_schema
from tests.interop.conftest import dyad_count


def _tsv(path: Path, header: bool) -> pd.DataFrame:
    # Quoting off, every cell as text, empty cells missing: how the datasets are read.
    return pd.read_csv(
        path, sep="\t", quoting=csv.QUOTE_NONE, dtype=str, header=0 if header else None
    )


def _agreement(events: list[Event]) -> Event:
    return next(e for e in events if e.event_type == "AGREE" and e.factuality == "future")


def test_polecat_has_the_released_columns_in_order_then_dotterels(
    seed_db: str, seed_events: list[Event], tmp_path: Path
) -> None:
    out = tmp_path / "seed.tsv"
    summary = export_events(out, "polecat", db=seed_db)
    frame = _tsv(out, header=True)
    assert len(POLECAT_COLUMNS) == 40
    assert list(frame.columns) == list(POLECAT_COLUMNS + DOTTEREL_COLUMNS)
    assert len(frame) == summary.rows == len(seed_events)
    assert frame["Event ID"].is_unique
    assert pd.to_datetime(frame["Event Date"], format="%Y-%m-%d").notna().all()
    assert pd.to_numeric(frame["Latitude"]).dtype == "float64"
    assert set(frame["Quad Code"].dropna()) <= {
        "VERBAL COOPERATION",
        "MATERIAL COOPERATION",
        "VERBAL CONFLICT",
        "MATERIAL CONFLICT",
    }
    agreement = _agreement(seed_events)
    row = frame.set_index("Event ID").loc[agreement.event_id]
    assert row["Actor Country"] == "RUS; IRN"
    assert row["Factuality"] == "future"
    assert set(row["Claimed By"].split("; ")) == {e.code for e in agreement.claimed_by}
    assert int(row["Evidence Start"]) == agreement.evidence.start
    assert row["Source Count"] == "1"
    assert pd.isna(row["Fused ID"])


def test_icews_has_20_columns_one_dyad_per_line_and_unique_ids(
    seed_db: str, seed_events: list[Event], tmp_path: Path
) -> None:
    out = tmp_path / "seed.tab"
    export_events(out, "icews", db=seed_db)
    frame = _tsv(out, header=True)
    assert list(frame.columns) == list(ICEWS_COLUMNS) and len(ICEWS_COLUMNS) == 20
    assert len(frame) == dyad_count(seed_events)
    assert frame["Event ID"].is_unique
    assert pd.to_datetime(frame["Event Date"], format="%Y-%m-%d").notna().all()
    # CAMEO codes keep their leading zero, intensities are numbers, sentences count from 1.
    assert frame["CAMEO Code"].dropna().str.fullmatch(r"\d{2,4}").all()
    assert pd.to_numeric(frame["Intensity"]).between(-10, 10).all()
    assert (frame["Sentence Number"].astype(int) >= 1).all()
    agreement = _agreement(seed_events)
    rows = frame[frame["Event ID"].str.startswith(agreement.event_id)]
    assert list(rows["Event ID"]) == [f"{agreement.event_id}.1", f"{agreement.event_id}.2"]
    assert list(rows["Source Country"]) == ["Russia", "Iran"]
    assert set(rows["Event Text"]) == {"Express intent to cooperate"}


def test_phoenix_has_26_columns_no_header_and_consistent_dates(
    seed_db: str, seed_events: list[Event], tmp_path: Path
) -> None:
    out = tmp_path / "events.full.txt"
    export_events(out, "phoenix", db=seed_db)
    with out.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(PHOENIX_COLUMNS) == 26
    assert all(len(row) == 26 for row in rows)
    assert len(rows) == dyad_count(seed_events)
    assert rows[0][0] != "EventID"
    for row in (dict(zip(PHOENIX_COLUMNS, r, strict=True)) for r in rows):
        if row["Date"]:
            assert row["Date"] == f"{row['Year']}{int(row['Month']):02d}{int(row['Day']):02d}"
        if row["EventCode"]:
            assert row["EventRootCode"] == row["EventCode"][:2]
            assert row["PentaClass"] in {"0", "1", "2", "3", "4"}
    assert len({r[0] for r in rows}) == len(rows)


def test_gdelt_has_61_tab_separated_columns_without_header(
    seed_db: str, seed_events: list[Event], tmp_path: Path
) -> None:
    out = tmp_path / "seed.export.CSV"
    export_events(out, "gdelt", db=seed_db)
    frame = pd.read_csv(out, sep="\t", header=None, quoting=csv.QUOTE_NONE, names=GDELT_COLUMNS)
    assert len(GDELT_COLUMNS) == 61 and frame.shape == (dyad_count(seed_events), 61)
    assert frame["GLOBALEVENTID"].is_unique
    dated = frame.dropna(subset=["SQLDATE"])
    assert pd.to_datetime(dated["SQLDATE"].astype(int).astype(str), format="%Y%m%d").notna().all()
    assert (dated["MonthYear"].astype(int) == dated["SQLDATE"].astype(int) // 100).all()
    assert frame["QuadClass"].dropna().between(1, 4).all()
    # Without fusion every event is one article from one source.
    assert set(frame["NumArticles"]) == {1} and set(frame["NumSources"]) == {1}
    assert (frame["NumMentions"] >= 1).all()
    assert frame["ActionGeo_CountryCode"].dropna().str.fullmatch(r"[A-Z]{2}").all()


def test_plover_json_records_validate_against_the_shipped_schema(
    seed_db: str, seed_events: list[Event], tmp_path: Path
) -> None:
    out = tmp_path / "seed.jsonl"
    export_events(out, "plover-json", db=seed_db)
    validator = jsonschema.Draft202012Validator(load_plover_schema())
    validator.check_schema(load_plover_schema())
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(seed_events)
    for record in records:
        validator.validate(record)
    agreement = next(r for r in records if r["id"] == _agreement(seed_events).event_id)
    assert [a["code"] for a in agreement["source"]] == ["RUS", "IRN"]
    assert agreement["event"] == ["AGREE"] and agreement["factuality"] == "future"


def test_parquet_columns_are_typed(seed_db: str, seed_events: list[Event], tmp_path: Path) -> None:
    out = tmp_path / "seed.parquet"
    export_events(out, "parquet", db=seed_db)
    table = pq.read_table(out)
    assert table.schema == PARQUET_SCHEMA
    assert table.num_rows == len(seed_events)
    assert pa.types.is_date32(table.schema.field("event_date").type)
    assert pa.types.is_list(table.schema.field("actor").type)
    assert pa.types.is_struct(table.schema.field("actor").type.value_type)
    first = table.slice(0, 1).to_pylist()[0]
    assert first["actor"][0]["code"] == seed_events[0].actor[0].code


def test_partitioned_parquet_reads_back_through_duckdb(
    seed_db: str, seed_events: list[Event], tmp_path: Path
) -> None:
    out = tmp_path / "export"
    summary = export_events(out, "parquet", db=seed_db, partition="month")
    assert all(Path(f).parent.name.startswith("month=") for f in summary.files)
    months = duckdb.sql(
        f"SELECT month, count(*) AS n, min(event_date) AS first "
        f"FROM read_parquet('{out}/*/*.parquet', hive_partitioning=true) GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert sum(n for _m, n, _f in months) == len(seed_events)
    for month, _n, first in months:
        if first is not None:
            assert first.strftime("%Y-%m") == month
    described = duckdb.sql(
        f"DESCRIBE SELECT * FROM read_parquet('{out}/*/*.parquet', hive_partitioning=true)"
    ).fetchall()
    types = {row[0]: row[1] for row in described}
    assert types["event_date"] == "DATE" and types["contexts"] == "VARCHAR[]"


def test_csv_reads_back_with_the_csv_module(
    seed_db: str, seed_events: list[Event], tmp_path: Path
) -> None:
    out = tmp_path / "seed.csv"
    export_events(out, "csv", db=seed_db)
    with out.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    assert [r["event_id"] for r in rows] == [e.event_id for e in seed_events]
    assert [r["evidence"] for r in rows] == [e.evidence.text for e in seed_events]
    polars_frame = pl.read_csv(out)
    assert polars_frame.height == len(seed_events)


def test_filters_reach_every_format(seed_db: str, seed_events: list[Event], tmp_path: Path) -> None:
    wanted = [e for e in seed_events if e.event_type == "ACCUSE"]
    summary = export_events(tmp_path / "accuse.csv", "csv", db=seed_db, event_type="accuse")
    assert summary.events == len(wanted) > 0


def test_bad_destinations_and_formats_give_coded_errors(seed_db: str, tmp_path: Path) -> None:
    with pytest.raises(UnknownFormatError, match="DOT801"):
        export_events(tmp_path / "x", "stata", db=seed_db)
    with pytest.raises(ExportTargetError, match="DOT802"):
        export_events(tmp_path, "csv", db=seed_db)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    with pytest.raises(ExportTargetError, match="not an empty folder"):
        export_events(tmp_path / "full", "parquet", db=seed_db, partition="month")
    assert (tmp_path / "full" / "keep.txt").read_text() == "mine"
