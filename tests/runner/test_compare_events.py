"""tools/compare_events.py: the event-level diff between two runs."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location(
    "compare_events", ROOT / "tools" / "compare_events.py"
)
assert spec is not None and spec.loader is not None
compare_events = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare_events)


def event(event_id: str, **fields: object) -> dict[str, object]:
    record: dict[str, object] = {
        "event_id": event_id,
        "doc_id": "d1",
        "event_type": "AGREE",
        "factuality": "actual",
        "actor": [{"code": "RUS"}],
        "recipient": [{"code": "IRN"}],
        "trigger": {"text": "sign", "start": 0, "end": 4},
    }
    record.update(fields)
    return record


def write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_identical_runs_exit_zero(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    one = write(tmp_path / "a.jsonl", [event("e1"), event("e2")])
    assert compare_events.main([str(one), str(one)]) == 0
    assert "0 removed, 0 added, 0 changed" in capsys.readouterr().out


def test_added_removed_and_changed_fields_are_reported(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    before = write(tmp_path / "a.jsonl", [event("e1"), event("e2")])
    after = write(tmp_path / "b.jsonl", [event("e1", factuality="future"), event("e3")])
    assert compare_events.main([str(before), str(after)]) == 1
    out = capsys.readouterr().out
    assert "1 removed, 1 added, 1 changed" in out
    assert "field factuality: 1 changed" in out
    assert "'future'" in out
