"""The JSON routes: each one reads through :mod:`dotterel.api` and answers a typed model."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from dotterel import api
from dotterel.api import browse
from dotterel.api.http.app import AppState
from dotterel.api.http.models import (
    DocumentSummary,
    DocumentView,
    DyadSummaryRow,
    ErrorModel,
    EventPageModel,
    EventRow,
    EventView,
    FactualityName,
    FailureModel,
    HealthModel,
    HighlightModel,
    IngestRequest,
    IngestResult,
    PloverType,
    RunModel,
    SortName,
    UnresolvedActor,
    VocabularyModel,
    document_model,
    event_row,
    failure_model,
)
from dotterel.api.http.vocabulary import load_vocabulary, status_words
from dotterel.errors import IngestTimeoutError, InvalidRequestError, NotFoundError
from dotterel.records import Document, Event, content_hash

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorModel, "description": meaning}
    for status, meaning in (
        (400, "Bad request (e.g. a cursor this server did not make), DOT952"),
        (404, "Not found, DOT951/DOT960"),
        (422, "Invalid parameter, DOT953"),
        (503, "Store unavailable, DOT959"),
    )
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: {"model": ErrorModel, "description": "Missing or wrong bearer token, DOT955"},
    403: {"model": ErrorModel, "description": "Server is read-only, DOT954"},
    413: {"model": ErrorModel, "description": "Request body too large, DOT956"},
    429: {"model": ErrorModel, "description": "Too many ingestion requests, DOT957"},
}
CODE_PATTERN = r"^[A-Za-z0-9]{1,20}$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

router = APIRouter(responses=ERRORS)


def DateQuery(description: str) -> Any:  # noqa: N802 - reads like Query
    """A ``YYYY-MM-DD`` query parameter, documented as an OpenAPI date."""
    return Query(
        description=description, pattern=DATE_PATTERN, json_schema_extra={"format": "date"}
    )


#: Query parameters shared by the event, fused-event and export routes.
ActorCode = Annotated[
    str | None, Query(description="Actor code prefix, e.g. RUS.", pattern=CODE_PATTERN)
]
RecipientCode = Annotated[
    str | None, Query(description="Recipient code prefix.", pattern=CODE_PATTERN)
]
Since = Annotated[str | None, DateQuery("Earliest event date, YYYY-MM-DD.")]
Until = Annotated[str | None, DateQuery("Latest event date, YYYY-MM-DD.")]


def iso_date(name: str, value: str | None) -> str | None:
    """``value`` if it is a real calendar date (``2024-02-30`` is not), else a coded 422."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise InvalidRequestError(f"query.{name}: not a calendar date", source=value) from exc


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.dotterel
    return state


State = Annotated[AppState, Depends(app_state)]


def row(event: Event) -> EventRow:
    words = load_vocabulary()
    return event_row(event, words.category_label(event.event_type), status_words(event, words))


@router.get("/health", response_model=HealthModel, tags=["store"])
def health(state: State) -> HealthModel:
    """The store answers: its schema version and row counts."""
    found = browse.store_health(db=state.stores.get())
    return HealthModel(status="ok", writes=state.allow_writes, **found)


@router.get("/vocabulary", response_model=VocabularyModel, tags=["store"])
def vocabulary() -> VocabularyModel:
    """Words for codes: categories, quad classes, factuality, sectors and countries."""
    return VocabularyModel.model_validate(load_vocabulary().to_dict())


@router.get("/events", response_model=EventPageModel, tags=["events"])
def events(
    state: State,
    actor: ActorCode = None,
    recipient: RecipientCode = None,
    event_type: Annotated[PloverType | None, Query(alias="type")] = None,
    since: Since = None,
    until: Until = None,
    party: Annotated[
        list[Annotated[str, Query(pattern=CODE_PATTERN)]] | None,
        Query(
            description="Code prefix that must be an actor or a recipient; repeat it "
            "(party=RUS&party=IRN) for the events between two parties, either way.",
            max_length=4,
        ),
    ] = None,
    factuality: FactualityName | None = None,
    doc_id: Annotated[str | None, Query(max_length=500)] = None,
    sort: SortName = "seq",
    descending: bool = False,
    limit: Annotated[int | None, Query(ge=1, le=500)] = None,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
) -> Response:
    """Stored events, filtered as ``dotterel events`` filters them, one page at a time.

    The order is total (``sort``, then insertion order), so following ``next_cursor``
    visits every matching event exactly once.
    """
    key: tuple[Any, ...] = ("events", sort, descending, cursor, limit, actor, recipient)
    key += (event_type, since, until, factuality, doc_id, tuple(party or ()))
    # Kept encoded: a repeated page costs a lookup, not a validation and serialisation.
    body: bytes = state.cache.get(
        key,
        lambda: (
            _events_page(
                state,
                sort,
                descending,
                cursor,
                limit,
                actor,
                recipient,
                event_type,
                since,
                until,
                factuality,
                doc_id,
                party,
            )
            .model_dump_json()
            .encode()
        ),
    )
    return Response(body, media_type="application/json")


def _events_page(
    state: AppState,
    sort: str,
    descending: bool,
    cursor: str | None,
    limit: int | None,
    actor: str | None,
    recipient: str | None,
    event_type: str | None,
    since: str | None,
    until: str | None,
    factuality: str | None,
    doc_id: str | None,
    party: list[str] | None,
) -> EventPageModel:
    page = browse.event_page(
        db=state.stores.get(),
        sort=sort,
        descending=descending,
        cursor=cursor,
        limit=limit or state.page_size,
        actor=actor,
        recipient=recipient,
        event_type=event_type,
        since=iso_date("since", since),
        until=iso_date("until", until),
        factuality=factuality,
        doc_id=doc_id,
        parties=party or None,
    )
    return EventPageModel(
        events=[row(event) for event in page.events],
        total=page.total,
        next_cursor=page.next_cursor,
    )


@router.get("/events/{event_id}", response_model=EventView, tags=["events"])
def event(state: State, event_id: str) -> EventView:
    """One event and the article it comes from."""
    store = state.stores.get()
    found = browse.event_by_id(event_id, db=store)
    if found is None:
        raise NotFoundError("no such event", source=event_id)
    stored = browse.get_document(found.doc_id, db=store)
    return EventView(event=row(found), document=document_model(stored[0]) if stored else None)


@router.get("/documents", response_model=list[DocumentSummary], tags=["documents"])
def documents(
    state: State, limit: Annotated[int, Query(ge=1, le=10_000)] = 1000
) -> list[DocumentSummary]:
    """Stored documents in insertion order (without their text)."""
    found = browse.list_documents(db=state.stores.get(), limit=limit)
    return [
        DocumentSummary(
            doc_id=d.doc_id, title=d.title, published=d.published, outlet=d.outlet, url=d.url
        )
        for d in found
    ]


def highlights(events: list[Event]) -> list[HighlightModel]:
    """Every span to highlight in a document: evidence, trigger and participants."""
    marks: list[HighlightModel] = []
    for item in events:
        marks.append(
            HighlightModel(
                start=item.evidence.start,
                end=item.evidence.end,
                kind="evidence",
                event_id=item.event_id,
                text=item.evidence.text,
            )
        )
        marks.append(
            HighlightModel(
                start=item.trigger.start,
                end=item.trigger.end,
                kind="trigger",
                event_id=item.event_id,
                text=item.trigger.text,
            )
        )
        for kind in ("actor", "recipient", "claimed_by", "denied_by"):
            for entity in getattr(item, kind):
                marks.append(
                    HighlightModel(
                        start=entity.start,
                        end=entity.end,
                        kind=kind,  # type: ignore[arg-type]
                        event_id=item.event_id,
                        text=entity.text,
                    )
                )
    return marks


@router.get("/documents/{doc_id}", response_model=DocumentView, tags=["documents"])
def document(state: State, doc_id: str) -> DocumentView:
    """A document's text, its events, and the spans to highlight (offsets into ``text``)."""
    return state.cache.get(("document", doc_id), lambda: _document_view(state, doc_id))


def _document_view(state: AppState, doc_id: str) -> DocumentView:
    stored = browse.get_document(doc_id, db=state.stores.get())
    if stored is None:
        raise NotFoundError("no such document", source=doc_id)
    found, doc_events = stored
    return DocumentView(
        document=document_model(found),
        events=[row(item) for item in doc_events],
        highlights=highlights(doc_events),
    )


@router.get("/actors/unresolved", response_model=list[UnresolvedActor], tags=["actors"])
def unresolved(
    state: State, limit: Annotated[int, Query(ge=1, le=1000)] = 50
) -> list[UnresolvedActor]:
    """Actor mentions left without a code, most frequent first (for dictionary work)."""
    found = browse.unresolved_actors(db=state.stores.get(), limit=limit)
    return [UnresolvedActor(text=text, count=count) for text, count in found]


@router.get("/dyads", response_model=list[DyadSummaryRow], tags=["dyads"])
def dyads(state: State, limit: Annotated[int, Query(ge=1, le=1000)] = 20) -> list[DyadSummaryRow]:
    """The most frequent (actor country, recipient country, category) triples."""
    found = state.cache.get(
        ("dyads", limit), lambda: browse.dyad_counts(db=state.stores.get(), limit=limit)
    )
    words = load_vocabulary()
    return [
        DyadSummaryRow(
            actor=a, recipient=r, event_type=t, category_label=words.category_label(t), events=n
        )
        for a, r, t, n in found
    ]


@router.get("/failures", response_model=list[FailureModel], tags=["store"])
def failures(
    state: State, run_id: Annotated[str | None, Query(max_length=200)] = None
) -> list[FailureModel]:
    """Inputs that were skipped, with their error code and reason."""
    return [failure_model(f) for f in browse.list_failures(db=state.stores.get(), run_id=run_id)]


@router.get("/runs", response_model=list[RunModel], tags=["store"])
def runs(state: State) -> list[RunModel]:
    """Ingestion runs in start order, with their counts."""
    return [RunModel.model_validate(run) for run in browse.list_runs(db=state.stores.get())]


@router.post(
    "/ingest",
    response_model=IngestResult,
    responses={**WRITE_ERRORS, 503: {"model": ErrorModel, "description": "Timeout, DOT958"}},
    tags=["writes"],
)
async def ingest(state: State, request: Request, body: IngestRequest) -> IngestResult:
    """Code and store texts (only on a server started with ``--allow-writes --token``).

    Send ``Authorization: Bearer <token>``. Documents already stored are skipped.
    """
    state.authorise_write(request)
    records = [
        Document(
            doc_id=item.doc_id or f"web-{content_hash(item.text)[:16]}",
            text=item.text,
            title=item.title,
            published=item.published,
            url=item.url,
            outlet=item.outlet,
        ).to_dict()
        for item in body.documents
    ]

    def work() -> api.RunSummary:
        with tempfile.TemporaryDirectory(prefix="dotterel-web-") as folder:
            path = Path(folder) / "submitted.jsonl"
            path.write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                encoding="utf-8",
            )
            return api.ingest([str(path)], db=state.db)

    try:
        summary: api.RunSummary = await state.run_ingest(work)
    except TimeoutError as exc:
        raise IngestTimeoutError(
            f"ingestion took over {state.ingest_timeout:g} s; it goes on and its documents "
            "will be stored",
            source=request.url.path,
        ) from exc
    state.cache.clear()
    return IngestResult(
        run_id=summary.run_id,
        documents=summary.documents,
        skipped=summary.skipped,
        events=summary.events,
        failures=[failure_model(f) for f in summary.failures],
    )
