"""Response and request models of the HTTP API, field for field the records of
:mod:`dotterel.records` (``docs/events.md`` describes each field), plus the few views the
explorer needs (a page of events, a document with its events, words for codes).
"""

from __future__ import annotations

import types
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from dotterel.records import Document, Event, Failure

FactualityName = Literal["actual", "future", "hypothetical", "negated"]
PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
SortName = Literal["seq", "event_date", "goldstein", "confidence"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SpanModel(Record):
    """Text with its character offsets ``[start, end)`` in the document."""

    text: str
    start: int
    end: int


class EntityModel(Record):
    """An actor mention and the code it was resolved to (``code`` null if unresolved)."""

    text: str
    start: int
    end: int
    code: str | None = None
    country: str | None = None
    role: str | None = None
    canonical: str | None = None
    why: str | None = None


class LocationModel(Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    source: str | None = None


class EventModel(Record):
    """One coded event, as :meth:`dotterel.records.Event.to_dict` gives it."""

    event_id: str
    doc_id: str
    sentence_index: int
    evidence: SpanModel
    trigger: SpanModel
    event_type: str
    mode: str | None = None
    contexts: list[str] = []
    cameo: str | None = None
    goldstein: float | None = None
    plover_score: float | None = None
    quad_class: int | None = None
    actor: list[EntityModel] = []
    recipient: list[EntityModel] = []
    factuality: str = "actual"
    claimed_by: list[EntityModel] = []
    denied_by: list[EntityModel] = []
    event_date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    location: LocationModel | None = None
    confidence: float = 0.5
    rules: list[str] = []
    cues: list[str] = []
    mentions: list[SpanModel] = []


class EventRow(EventModel):
    """An event with its category and status in words, for people rather than programs."""

    category_label: str = Field(description='The category in words, e.g. "Agree / promise".')
    status: str = Field(
        description='Who vouches for it and who denies it, e.g. "Alleged by US intelligence; '
        'denied by Iran".'
    )


class EventPageModel(Record):
    """One page of events; pass ``next_cursor`` as ``cursor`` to get the next one."""

    events: list[EventRow]
    total: int = Field(description="Events matching the filters, over all pages.")
    next_cursor: str | None = Field(description="Cursor of the next page; null on the last.")


class DocumentModel(Record):
    """One stored article, as :meth:`dotterel.records.Document.to_dict` gives it."""

    doc_id: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str = "en"
    content_hash: str = ""
    source: str | None = None


class DocumentSummary(Record):
    doc_id: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


class HighlightModel(Record):
    """A span of the document to highlight, what it is, and the event it belongs to."""

    start: int
    end: int
    kind: Literal["evidence", "trigger", "actor", "recipient", "claimed_by", "denied_by"]
    event_id: str
    text: str


class DocumentView(Record):
    """A document with its events and every evidence span to highlight."""

    document: DocumentModel
    events: list[EventRow]
    highlights: list[HighlightModel]


class EventView(Record):
    """One event with the article it comes from."""

    event: EventRow
    document: DocumentModel | None


class FailureModel(Record):
    """A skipped input: where it came from, its error code and the reason."""

    source: str
    line: int | None = None
    code: str
    reason: str


class RunModel(Record):
    run_id: str
    command: str | None = None
    inputs: list[str] = []
    started: str | None = None
    finished: str | None = None
    documents: int | None = None
    events: int | None = None
    failures: int | None = None
    skipped: int | None = None
    status: str


class UnresolvedActor(Record):
    text: str = Field(description="The most common surface form of the mention.")
    count: int


class DyadSummaryRow(Record):
    actor: str = Field(description="Actor country (ISO alpha-3 or group code).")
    recipient: str = Field(description='Recipient country, "" when the event has none.')
    event_type: str
    category_label: str
    events: int


class HealthModel(Record):
    status: Literal["ok"]
    schema_version: int
    counts: dict[str, int]
    writes: bool = Field(description="Whether this server accepts ingestion requests.")


class CategoryWords(Record):
    label: str
    meaning: str


class VocabularyModel(Record):
    """Words for every code the API returns."""

    categories: dict[str, CategoryWords]
    quad_classes: dict[str, str]
    factuality: dict[str, str]
    sectors: dict[str, str]
    groups: dict[str, str]
    countries: dict[str, str]


class ErrorModel(Record):
    """Every refused request answers with this body."""

    code: str = Field(description="Dotterel error code, DOT950-DOT999 for the HTTP layer.")
    message: str
    detail: list[dict[str, Any]] | None = None


class IngestDocument(Record):
    """A text to code and store."""

    text: str = Field(min_length=1)
    title: str | None = None
    published: str | None = Field(
        default=None, description="Publication date, YYYY-MM-DD.", pattern=r"^\d{4}-\d{2}-\d{2}$"
    )
    doc_id: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, description="Where the text came from (kept as is).")
    outlet: str | None = None


class IngestRequest(Record):
    documents: list[IngestDocument] = Field(min_length=1, max_length=100)


class IngestResult(Record):
    run_id: str
    documents: int
    skipped: int
    events: int
    failures: list[FailureModel]


# -- conversions ------------------------------------------------------------------------


def event_row(event: Event, category_label: str, status: str) -> EventRow:
    return EventRow.model_validate(
        {**event.to_dict(), "category_label": category_label, "status": status}
    )


def document_model(document: Document) -> DocumentModel:
    return DocumentModel.model_validate(document.to_dict())


def failure_model(failure: Failure) -> FailureModel:
    return FailureModel.model_validate(failure.to_dict())


# -- models derived from record dataclasses (network and fusion routes) -----------------


def derived_model(
    record: type,
    name: str,
    *,
    exclude: tuple[str, ...] = (),
    nested: dict[type, type[BaseModel]] | None = None,
    doc: str | None = None,
) -> type[BaseModel]:
    """A response model with the fields of the dataclass ``record`` (its ``to_dict`` keys).

    Field types come from the dataclass's annotations, nested dataclasses replaced by
    their own derived models (``nested``); a field with a default keeps it, so the model
    and the record cannot drift apart: a field added to a record appears in the API.
    """
    import dataclasses
    import typing

    hints = typing.get_type_hints(record)
    swap = nested or {}

    def convert(kind: Any) -> Any:
        if kind in swap:
            return swap[kind]
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if origin is None or not args:
            return kind
        converted = tuple(convert(arg) for arg in args)
        if origin in (types.UnionType, typing.Union):
            return typing.Union[converted]  # noqa: UP007 - built from a tuple
        if origin is tuple:
            return list[converted[0]]  # type: ignore[valid-type] # to_dict gives lists
        return origin[converted]

    definitions: dict[str, Any] = {}
    for item in dataclasses.fields(record):
        if item.name in exclude:
            continue
        if item.default is not dataclasses.MISSING:
            default: Any = item.default
        elif item.default_factory is not dataclasses.MISSING:
            default = Field(default_factory=item.default_factory)
        else:
            default = ...
        definitions[item.name] = (convert(hints[item.name]), default)
    model = create_model(  # type: ignore[call-overload]
        name, __base__=Record, __doc__=doc or record.__doc__, **definitions
    )
    return typing.cast(type[BaseModel], model)
