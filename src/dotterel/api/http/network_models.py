"""Response models of the network and fusion routes, derived field for field from the
record dataclasses (:mod:`dotterel.records`, :mod:`dotterel.analysis`) by
:func:`~dotterel.api.http.models.derived_model`, so that a field added to a record shows
in the API and its OpenAPI schema without a second definition to keep in step.
"""

from __future__ import annotations

from types import GenericAlias
from typing import Any

from pydantic import BaseModel, Field

from dotterel.analysis.alerts import Alert
from dotterel.analysis.blocs import Bloc
from dotterel.analysis.dyads import DyadPoint
from dotterel.analysis.network import Contribution, DyadEdge, Network, NetworkNode
from dotterel.api.http.models import (
    EntityModel,
    LocationModel,
    SpanModel,
    derived_model,
)
from dotterel.records import (
    Entity,
    FusedEvent,
    FusedMember,
    Lifecycle,
    LifecycleStep,
    Location,
    Span,
    Story,
)

_NESTED: dict[type, type[BaseModel]] = {
    Span: SpanModel,
    Entity: EntityModel,
    Location: LocationModel,
}

FusedMemberModel = derived_model(FusedMember, "FusedMemberModel", nested=_NESTED)
_NESTED[FusedMember] = FusedMemberModel
FusedEventModel = derived_model(FusedEvent, "FusedEventModel", nested=_NESTED)
StoryModel = derived_model(Story, "StoryModel")
LifecycleStepModel = derived_model(LifecycleStep, "LifecycleStepModel")
LifecycleModel = derived_model(
    Lifecycle, "LifecycleModel", nested={LifecycleStep: LifecycleStepModel}
)
ContributionModel = derived_model(
    Contribution,
    "ContributionModel",
    exclude=("source", "target"),  # the edge or dyad it belongs to says them
    doc="One fused event's value on a dyad: what every total is summed from.",
)
NetworkNodeModel = derived_model(NetworkNode, "NetworkNodeModel")
DyadEdgeModel = derived_model(DyadEdge, "DyadEdgeModel", nested={Contribution: ContributionModel})
NetworkModel = derived_model(
    Network, "NetworkModel", nested={NetworkNode: NetworkNodeModel, DyadEdge: DyadEdgeModel}
)
BlocModel = derived_model(Bloc, "BlocModel")
AlertModel = derived_model(Alert, "AlertModel")
_DyadPointBase = derived_model(DyadPoint, "DyadPointBase", exclude=("evidence",))


class DyadEventModel(ContributionModel):  # type: ignore[misc, valid-type]
    """A fused event behind a point of a dyad series, with the sentence it rests on."""

    category_label: str = Field(description='The category in words, e.g. "Agree / promise".')
    n_documents: int = Field(description="Documents reporting it.")
    event_id: str | None = Field(
        description="The first report's document event: GET /api/events/{event_id} gives "
        "its sentence and article."
    )
    doc_id: str | None = None
    evidence: str | None = Field(description="The first report's sentence.")


class DyadPointModel(_DyadPointBase):  # type: ignore[misc, valid-type]
    """One period of a dyad series (``period`` is its first day) and its fused events."""

    events: list[DyadEventModel] = Field(
        default_factory=list, description="The fused events summed into this point."
    )


def many(model: type[BaseModel]) -> Any:
    """``list[model]``, for a response model made at run time."""
    return GenericAlias(list, (model,))


def dump(model: type[BaseModel], record: Any) -> BaseModel:
    """The response model of a record (through its ``to_dict``)."""
    return model.model_validate(record.to_dict())
