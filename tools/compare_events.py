"""Diff the event records of two runs, field by field.

Usage: ``python tools/compare_events.py BEFORE.jsonl AFTER.jsonl [--show 20]``, where
each file is ``dotterel extract --format jsonl`` output (one event record a line).
Events are matched by ``event_id`` (document, trigger offsets and PLOVER type), so a
re-typed event counts as one removed and one added. Prints the counts of events only
in one run, of matched events with any field changed, and of changes per field, then
examples. Exit status 0 when the runs are identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any


def load_events(path: Path) -> dict[str, dict[str, Any]]:
    """Event records of a JSONL file, by event id."""
    events: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            events[record["event_id"]] = record
    return events


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Names of the top-level fields whose values differ."""
    return sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))


def compare(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Counts and examples of the differences between two runs."""
    removed = sorted(before.keys() - after.keys())
    added = sorted(after.keys() - before.keys())
    changed: dict[str, list[str]] = {}
    for event_id in sorted(before.keys() & after.keys()):
        fields = field_changes(before[event_id], after[event_id])
        if fields:
            changed[event_id] = fields
    per_field = Counter(name for fields in changed.values() for name in fields)
    return {
        "before": len(before),
        "after": len(after),
        "removed": removed,
        "added": added,
        "changed": changed,
        "per_field": dict(per_field.most_common()),
    }


def _brief(record: dict[str, Any]) -> str:
    def codes(role: str) -> str:
        return ",".join(e.get("code") or "?" for e in record.get(role) or [])

    return (
        f"{record['doc_id']} {record['event_type']} {codes('actor')}->{codes('recipient')} "
        f"[{record.get('factuality')}] {record['trigger']['text']!r}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=20, help="Examples of each kind.")
    args = parser.parse_args(argv)
    before, after = load_events(args.before), load_events(args.after)
    report = compare(before, after)
    print(
        f"events: {report['before']} before, {report['after']} after; "
        f"{len(report['removed'])} removed, {len(report['added'])} added, "
        f"{len(report['changed'])} changed"
    )
    for name, count in report["per_field"].items():
        print(f"  field {name}: {count} changed")
    for event_id in report["removed"][: args.show]:
        print(f"- {_brief(before[event_id])}")
    for event_id in report["added"][: args.show]:
        print(f"+ {_brief(after[event_id])}")
    for event_id, fields in list(report["changed"].items())[: args.show]:
        for name in fields:
            print(f"~ {_brief(before[event_id])} {name}: {before[event_id].get(name)!r}")
            print(f"  {' ' * len(_brief(before[event_id]))} {name}: {after[event_id].get(name)!r}")
    identical = not (report["removed"] or report["added"] or report["changed"])
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
