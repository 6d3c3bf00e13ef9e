"""Routes over what fusion and the network build: fused events, stories, claims and
lifecycles, the network of a window (JSON and GEXF), blocs, dyad series with the events
behind each point, alerts, and exports as downloads. Read-only; each reads through
:mod:`dotterel.api` on the request thread's open store.

Answers are cached while the store is unchanged (the app's answer cache, keyed on the
store files' size and modification time, so any write by any process invalidates it),
and kept encoded: a repeated question costs a dictionary lookup, not a recomputation
nor a re-serialisation. One request computes an answer while the others asking the same
question wait for it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel, TypeAdapter
from starlette.background import BackgroundTask

from dotterel import api
from dotterel.analysis.dyads import check_party
from dotterel.api import fusion as fusion_api
from dotterel.api.http.network_models import (
    AlertModel,
    BlocModel,
    DyadEventModel,
    DyadPointModel,
    FusedEventModel,
    LifecycleModel,
    NetworkModel,
    StoryModel,
    dump,
    many,
)
from dotterel.api.http.routes import (
    ERRORS,
    ActorCode,
    DateQuery,
    FactualityName,
    PloverType,
    RecipientCode,
    Since,
    State,
    Until,
    iso_date,
)
from dotterel.api.http.vocabulary import load_vocabulary
from dotterel.api.network import dyad_events
from dotterel.errors import (
    ActorCodeError,
    DotterelError,
    HttpApiError,
    InvalidRequestError,
    NotFoundError,
)
from dotterel.records import FusedEvent

router = APIRouter(responses=ERRORS)

SourceName = Literal["dotterel", "icews", "polecat", "all"]
PeriodName = Literal["day", "week", "month"]
LifecycleKind = Literal["treaty", "claim"]
ClaimStatus = Literal["alleged", "denied", "confirmed", "retracted"]
ExportFormat = Literal["polecat", "icews", "phoenix", "gdelt", "plover-json", "parquet", "csv"]
PARTY_PATTERN = r"^[A-Za-z]{3,12}$"
ID_PATTERN = r"^[^\x00-\x1f]{1,200}$"

Source = Annotated[
    SourceName,
    Query(
        description="Whose events: Dotterel's fused events, those imported from ICEWS or "
        "POLECAT (dotterel import-events), or all of them."
    ),
]
Party = Annotated[
    str,
    PathParam(
        description="ISO 3166-1 alpha-3 state (RUS) or IGO code (IGOUNO).",
        pattern=PARTY_PATTERN,
    ),
]

_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def _encode(kind: Any, value: Any) -> bytes:
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = TypeAdapter(kind)
    return adapter.dump_json(value)


async def cached_json(state: Any, key: Hashable, kind: Any, compute: Callable[[], Any]) -> Response:
    """The answer to ``key``, computed (and encoded as ``kind``) once per store state.

    Errors of the Python API (bad codes, crossed dates) become coded 422 answers.
    """

    def answer() -> bytes:
        try:
            return _encode(kind, compute())
        except HttpApiError:
            raise
        except DotterelError as exc:
            raise InvalidRequestError(exc.message, source=exc.source) from exc

    body: bytes = await state.cache.answer(key, answer)
    return Response(body, media_type="application/json")


def _fused_models(found: list[FusedEvent]) -> list[BaseModel]:
    return [dump(FusedEventModel, item) for item in found]


@router.get("/fused", response_model=many(FusedEventModel), tags=["fusion"])
async def fused_events(
    state: State,
    actor: ActorCode = None,
    recipient: RecipientCode = None,
    event_type: Annotated[PloverType | None, Query(alias="type")] = None,
    since: Since = None,
    until: Until = None,
    factuality: FactualityName | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    """Fused events (one per act, however many articles report it), by date then id.

    Each lists its members: the document events it joins, each with its sentence
    (``GET /api/events/{event_id}`` shows it in its article).
    """
    filters = {
        "actor": actor,
        "recipient": recipient,
        "event_type": event_type,
        "since": iso_date("since", since),
        "until": iso_date("until", until),
        "factuality": factuality,
        "limit": limit,
    }
    key = ("fused", tuple(sorted(filters.items())))
    return await cached_json(
        state,
        key,
        many(FusedEventModel),
        lambda: _fused_models(fusion_api.fused_events(db=state.stores.get(), **filters)),
    )


@router.get("/fused/{fused_id}", response_model=FusedEventModel, tags=["fusion"])
async def fused_event(
    state: State, fused_id: Annotated[str, PathParam(pattern=ID_PATTERN)]
) -> Response:
    """One fused event with its members (the reports it joins)."""

    def compute() -> BaseModel:
        found = fusion_api.fused_event(fused_id, db=state.stores.get())
        if found is None:
            raise NotFoundError("no such fused event", source=fused_id)
        return dump(FusedEventModel, found)

    return await cached_json(state, ("fused-one", fused_id), FusedEventModel, compute)


@router.get("/stories", response_model=many(StoryModel), tags=["fusion"])
async def stories(state: State, limit: Annotated[int, Query(ge=1, le=10_000)] = 1000) -> Response:
    """Stories: articles reporting the same news, first published first."""
    return await cached_json(
        state,
        ("stories", limit),
        many(StoryModel),
        lambda: [
            dump(StoryModel, s) for s in fusion_api.stories(db=state.stores.get(), limit=limit)
        ],
    )


@router.get("/claims", response_model=many(LifecycleModel), tags=["fusion"])
async def claims(
    state: State,
    since: Annotated[
        str | None, DateQuery("Keep claims with a step on or after this date.")
    ] = None,
    status: ClaimStatus | None = None,
) -> Response:
    """Claims and their fate: who alleged what, who denied it, confirmed or retracted it."""
    day = iso_date("since", since)
    return await cached_json(
        state,
        ("claims", day, status),
        many(LifecycleModel),
        lambda: [
            dump(LifecycleModel, lc)
            for lc in fusion_api.claims(db=state.stores.get(), since=day, status=status)
        ],
    )


@router.get("/lifecycles", response_model=many(LifecycleModel), tags=["fusion"])
async def lifecycles(
    state: State,
    since: Annotated[
        str | None, DateQuery("Keep lifecycles with a step on or after this date.")
    ] = None,
    kind: LifecycleKind | None = None,
) -> Response:
    """Lifecycles of treaties (proposed, signed, ratified, in force...) and of claims."""
    day = iso_date("since", since)
    return await cached_json(
        state,
        ("lifecycles", day, kind),
        many(LifecycleModel),
        lambda: [
            dump(LifecycleModel, lc)
            for lc in fusion_api.lifecycles(db=state.stores.get(), since=day, kind=kind)
        ],
    )


@router.get("/lifecycles/{lifecycle_id}", response_model=LifecycleModel, tags=["fusion"])
async def lifecycle(
    state: State, lifecycle_id: Annotated[str, PathParam(pattern=ID_PATTERN)]
) -> Response:
    """One lifecycle with its steps, each naming the report that shows it."""

    def compute() -> BaseModel:
        found = fusion_api.lifecycle(lifecycle_id, db=state.stores.get())
        if found is None:
            raise NotFoundError("no such lifecycle", source=lifecycle_id)
        return dump(LifecycleModel, found)

    return await cached_json(state, ("lifecycle", lifecycle_id), LifecycleModel, compute)


def _network_model(graph: Any, evidence: bool) -> BaseModel:
    from dotterel.analysis.network import network_to_json

    data = network_to_json(graph)
    if not evidence:
        for edge in data["edges"]:
            edge["fused_ids"], edge["evidence"] = [], []
    return NetworkModel.model_validate(data)


@router.get("/network", response_model=NetworkModel, tags=["network"])
async def network(
    state: State,
    since: Since = None,
    until: Until = None,
    source: Source = "dotterel",
    evidence: Annotated[
        bool,
        Query(
            description="List each edge's fused events and what each adds (fused_ids, "
            "evidence); without it those lists are empty and the answer small."
        ),
    ] = False,
) -> Response:
    """The signed dyad network of a window: states and organisations, their blocs, and
    directed edges weighted cooperation minus conflict (docs/network.md)."""
    low, high = iso_date("since", since), iso_date("until", until)
    return await cached_json(
        state,
        ("network", low, high, source, evidence),
        NetworkModel,
        lambda: _network_model(
            api.network(db=state.stores.get(), since=low, until=high, source=source), evidence
        ),
    )


@router.get(
    "/network.gexf",
    tags=["network"],
    response_class=Response,
    responses={200: {"content": {"application/gexf+xml": {}}, "description": "GEXF 1.3"}},
)
async def network_gexf(
    state: State, since: Since = None, until: Until = None, source: Source = "dotterel"
) -> Response:
    """The same network as GEXF 1.3, for Gephi (edges carry their first and last date)."""
    from dotterel.analysis.graphio import network_to_gexf

    low, high = iso_date("since", since), iso_date("until", until)

    def compute() -> bytes:
        try:
            graph = api.network(db=state.stores.get(), since=low, until=high, source=source)
        except HttpApiError:
            raise
        except DotterelError as exc:
            raise InvalidRequestError(exc.message, source=exc.source) from exc
        return network_to_gexf(graph).encode("utf-8")

    body: bytes = await state.cache.answer(("gexf", low, high, source), compute)
    return Response(
        body,
        media_type="application/gexf+xml",
        headers={"Content-Disposition": 'attachment; filename="network.gexf"'},
    )


@router.get("/blocs", response_model=many(BlocModel), tags=["network"])
async def blocs(
    state: State, since: Since = None, until: Until = None, source: Source = "dotterel"
) -> Response:
    """Blocs of the window's network: groups that cooperate among themselves (signed
    modularity, seeded, so the same store gives the same blocs), largest first."""
    low, high = iso_date("since", since), iso_date("until", until)
    return await cached_json(
        state,
        ("blocs", low, high, source),
        many(BlocModel),
        lambda: [
            dump(BlocModel, b)
            for b in api.blocs(db=state.stores.get(), since=low, until=high, source=source)
        ],
    )


def _dyad_points(
    points: list[Any], fused_by_id: dict[str, FusedEvent], with_events: bool
) -> list[DyadPointModel]:
    words = load_vocabulary()
    found = []
    for point in points:
        events = []
        if with_events:
            for item in point.evidence:
                fused = fused_by_id.get(item.fused_id)
                first = fused.members[0] if fused and fused.members else None
                events.append(
                    DyadEventModel(
                        **item.to_dict(),
                        category_label=words.category_label(item.event_type),
                        n_documents=fused.n_documents if fused else 0,
                        event_id=first.event_id if first else None,
                        doc_id=first.doc_id if first else None,
                        evidence=first.evidence.text if first and first.evidence else None,
                    )
                )
        found.append(DyadPointModel(**point.to_dict(), events=events))
    return found


@router.get("/dyads/{a}/{b}", response_model=many(DyadPointModel), tags=["dyads"])
async def dyad_series(
    state: State,
    a: Party,
    b: Party,
    by: PeriodName = "month",
    since: Since = None,
    until: Until = None,
    directed: Annotated[
        bool, Query(description="Only what a did to b (default: both ways).")
    ] = False,
    source: Source = "dotterel",
    events: Annotated[
        bool, Query(description="List the fused events behind each point (default).")
    ] = True,
) -> Response:
    """Cooperation and conflict between two parties per day, week or month, from their
    first dated event to their last (quiet periods as zeros), each point with the fused
    events summed into it and the sentence each rests on."""
    low, high = iso_date("since", since), iso_date("until", until)
    key = ("dyad", a.upper(), b.upper(), by, low, high, directed, source, events)

    def compute() -> list[DyadPointModel]:
        try:
            parties = check_party(a), check_party(b)
        except ActorCodeError as exc:
            # A path names a resource: a code that is no state or organisation is none.
            raise NotFoundError(f"no such party: {exc.message}", source=exc.source) from exc
        points, fused = dyad_events(
            *parties,
            db=state.stores.get(),
            by=by,
            since=low,
            until=high,
            directed=directed,
            source=source,
        )
        return _dyad_points(points, fused, events)

    return await cached_json(state, key, many(DyadPointModel), compute)


@router.get("/alerts", response_model=many(AlertModel), tags=["network"])
async def alerts(
    state: State,
    since: Annotated[str | None, DateQuery("Alerts on or after this date.")] = None,
) -> Response:
    """Trend breaks in a dyad, new allegations and denials, and lifecycle steps."""
    day = iso_date("since", since)
    return await cached_json(
        state,
        ("alerts", day),
        many(AlertModel),
        lambda: [dump(AlertModel, x) for x in api.alerts(db=state.stores.get(), since=day)],
    )


MEDIA_TYPES = {
    "polecat": "text/tab-separated-values",
    "icews": "text/tab-separated-values",
    "phoenix": "text/tab-separated-values",
    "gdelt": "text/tab-separated-values",
    "plover-json": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
    "csv": "text/csv",
}


@router.get(
    "/export",
    tags=["events"],
    response_class=FileResponse,
    responses={
        200: {
            "content": {media: {} for media in dict.fromkeys(MEDIA_TYPES.values())},
            "description": "The events in the format asked for, as a file to save.",
        }
    },
)
def export(
    state: State,
    export_format: Annotated[ExportFormat, Query(alias="format")],
    actor: ActorCode = None,
    recipient: RecipientCode = None,
    event_type: Annotated[PloverType | None, Query(alias="type")] = None,
    since: Since = None,
    until: Until = None,
    factuality: FactualityName | None = None,
) -> FileResponse:
    """The stored events matching the filters as a download in one of the export formats
    (docs/formats.md), written by the same writers as ``dotterel export`` and sent in
    chunks; the temporary file is removed once sent."""
    from dotterel.interop.export import export_store, writer_for

    filters: dict[str, Any] = {
        "actor": actor,
        "recipient": recipient,
        "event_type": event_type,
        "since": iso_date("since", since),
        "until": iso_date("until", until),
        "factuality": factuality,
    }
    folder = Path(tempfile.mkdtemp(prefix="dotterel-export-"))
    out = folder / f"events{writer_for(export_format).suffix}"
    try:
        export_store(state.stores.get(), out, export_format, **filters)
    except BaseException:
        _remove(folder)
        raise
    return FileResponse(
        out,
        media_type=MEDIA_TYPES[export_format],
        filename=out.name,
        background=BackgroundTask(_remove, folder),
    )


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
