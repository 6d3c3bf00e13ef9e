"""``tools/strip_datelines.py`` and ``tools/build_country_centroids.py``."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_strip_removes_the_dateline_and_shifts_offsets(tmp_path: Path) -> None:
    text = "Car bomb kills two\nBAGHDAD, March 3 (AFP) - A car bomb exploded on Monday."
    at = text.index("Monday")
    record = {
        "doc_id": "d",
        "published": "2004-03-03",
        "text": text,
        "timexes": [{"start": at, "end": at + 6, "value": "2004-03-01"}],
        "events": [{"evidence": {"start": 0, "end": 18}, "locations": ["IRQ"]}],
    }
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert _tool("strip_datelines").main([str(src), str(dst)]) == 0
    out = json.loads(dst.read_text(encoding="utf-8"))
    assert out["text"] == "Car bomb kills two\nA car bomb exploded on Monday."
    span = out["timexes"][0]
    assert out["text"][span["start"] : span["end"]] == "Monday"
    assert out["events"][0]["evidence"] == {"start": 0, "end": 18}  # before the cut
    assert out["events"][0]["locations"] == ["IRQ"]  # gold places are kept


def test_strip_leaves_text_without_a_dateline_alone() -> None:
    record = {"doc_id": "d", "published": None, "text": "Russia and Iran are set to sign."}
    out, removed = _tool("strip_datelines").strip_record(record)
    assert removed is None and out == record


def test_a_span_inside_the_dateline_is_dropped() -> None:
    text = "MOSCOW, May 2 (Xinhua) -- Russia said."
    record = {"text": text, "places": [{"start": 0, "end": 6}], "published": "2001-05-02"}
    out, removed = _tool("strip_datelines").strip_record(record)
    assert removed == "MOSCOW, May 2 (Xinhua) --"
    assert out["text"] == "Russia said." and out["places"] == []


def test_shipped_centroid_table_is_what_the_builder_makes() -> None:
    tool = _tool("build_country_centroids")
    shipped = tool.TABLE.read_text(encoding="utf-8")
    assert shipped == tool.render(tool.build_rows())
