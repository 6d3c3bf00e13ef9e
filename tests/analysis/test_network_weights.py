"""Network weights: sign from the quad class, size from the score, discounts by status."""

from __future__ import annotations

import pytest

from dotterel.analysis.network import (
    NetworkWeights,
    build_network,
    dyad_pairs,
    parse_quad_weights,
    signed_value,
)
from dotterel.errors import DateBoundError, NetworkSettingError
from dotterel.records import Entity
from tests.analysis.conftest import fused_event, state

WEIGHTS = NetworkWeights()


def test_cooperation_is_positive_conflict_negative_sized_by_the_plover_score() -> None:
    assert signed_value(fused_event("AID", ["FRA"], ["DEU"]), WEIGHTS) == 10.0
    assert signed_value(fused_event("SANCTION", ["FRA"], ["DEU"]), WEIGHTS) == -6.0
    assert signed_value(fused_event("AGREE", ["FRA"], ["DEU"], score=4.0), WEIGHTS) == 4.0


def test_goldstein_can_be_chosen_and_the_other_score_is_the_fallback() -> None:
    event = fused_event("SANCTION", ["FRA"], ["DEU"], score=-6.0)
    event.goldstein = -8.0
    assert signed_value(event, NetworkWeights(score="goldstein")) == -8.0
    event.goldstein = None
    assert signed_value(event, NetworkWeights(score="goldstein")) == -6.0


@pytest.mark.parametrize(
    ("factuality", "expected"), [("future", 5.0), ("hypothetical", 2.5), ("actual", 10.0)]
)
def test_promised_and_hypothetical_acts_are_discounted(factuality: str, expected: float) -> None:
    assert signed_value(fused_event("AID", ["FRA"], ["DEU"], factuality=factuality), WEIGHTS) == (
        expected
    )


def test_negated_acts_are_left_out_by_default_and_reversed_if_asked() -> None:
    event = fused_event("AID", ["FRA"], ["DEU"], factuality="negated")
    assert signed_value(event, WEIGHTS) is None
    assert build_network([event]).edges == []
    assert signed_value(event, NetworkWeights(negated=-0.5)) == -5.0


def test_an_act_alleged_by_a_third_party_only_is_discounted_but_the_doers_word_is_not() -> None:
    alleged = fused_event("AID", ["PRK"], ["RUS"], claimed_by=["USA"])
    own_word = fused_event("AID", ["PRK"], ["RUS"], claimed_by=["PRK"])
    assert signed_value(alleged, WEIGHTS) == 5.0
    assert signed_value(own_word, WEIGHTS) == 10.0


def test_a_report_in_the_publishers_voice_makes_an_allegation_a_fact() -> None:
    event = fused_event("AID", ["PRK"], ["RUS"], claimed_by=["USA"])
    confirmed = event.members[0].__class__(event_id="ev_2", doc_id="doc_2")
    event.members.append(confirmed)
    assert signed_value(event, WEIGHTS) == 10.0


def test_denied_and_alleged_discounts_compound() -> None:
    event = fused_event("AID", ["IRN"], ["RUS"], claimed_by=["USA"], denied_by=["IRN"])
    assert signed_value(event, WEIGHTS) == 2.5


def test_quad_weights_multiply_by_quad_class() -> None:
    weights = NetworkWeights(quad=parse_quad_weights("3=0.5"))
    assert signed_value(fused_event("ACCUSE", ["FRA"], ["DEU"]), weights) == -1.5
    assert signed_value(fused_event("SANCTION", ["FRA"], ["DEU"]), weights) == -6.0


@pytest.mark.parametrize("bad", ["5=1", "1:2", "2=x"])
def test_malformed_quad_weights_are_a_coded_error(bad: str) -> None:
    with pytest.raises(NetworkSettingError, match="DOT751"):
        parse_quad_weights(bad)


def test_weights_come_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOTTEREL_NETWORK_FUTURE_WEIGHT", "0.2")
    assert NetworkWeights.from_settings().future == 0.2
    with pytest.raises(NetworkSettingError, match="network_score"):
        NetworkWeights.from_settings(network_score="loudness")


def test_acts_done_together_link_both_ways_ordered_acts_one_way() -> None:
    assert sorted(dyad_pairs(fused_event("AGREE", ["RUS"], ["IRN"]))) == [
        ("IRN", "RUS"),
        ("RUS", "IRN"),
    ]
    assert dyad_pairs(fused_event("AID", ["RUS"], ["IRN"])) == [("RUS", "IRN")]
    # "France and Germany signed a deal": joint cooperation without a recipient.
    assert sorted(dyad_pairs(fused_event("SUPPORT", ["FRA", "DEU"], []))) == [
        ("DEU", "FRA"),
        ("FRA", "DEU"),
    ]
    assert dyad_pairs(fused_event("PROTEST", ["FRA", "DEU"], [])) == []


def test_a_fused_event_counts_once_per_dyad_however_its_actors_are_named() -> None:
    event = fused_event("AID", ["RUS"], ["SYR"])
    event.actor.append(state("RUS", "MIL"))
    network = build_network([event, event])
    (edge,) = network.edges
    assert (edge.n_events, edge.cooperation, edge.fused_ids) == (1, 10.0, [event.fused_id])


def test_igos_are_nodes_and_regions_or_unknown_actors_are_not() -> None:
    nato = Entity(text="NATO", start=0, end=4, code="IGOWSTNAT", country="IGO", canonical="NATO")
    west = Entity(text="the West", start=0, end=8, code="WST", country="WST")
    event = fused_event("ACCUSE", ["RUS"], ["USA"])
    event.recipient = [nato, west]
    network = build_network([event])
    assert [(e.source, e.target) for e in network.edges] == [("RUS", "IGOWSTNAT")]
    igo = network.node("IGOWSTNAT")
    assert igo is not None and (igo.label, igo.kind) == ("NATO", "igo")
    russia = network.node("RUS")
    assert russia is not None and russia.kind == "state"


def test_the_window_keeps_events_dated_inside_it() -> None:
    events = [
        fused_event("AID", ["FRA"], ["DEU"], "2024-01-15"),
        fused_event("AID", ["FRA"], ["DEU"], "2024-02-15"),
        fused_event("AID", ["FRA"], ["DEU"], "2024-03-15"),
    ]
    (edge,) = build_network(events, since="2024-02-01", until="2024-02-29").edges
    assert (edge.n_events, edge.first_date, edge.last_date) == (1, "2024-02-15", "2024-02-15")
    (edge,) = build_network(events).edges
    assert (edge.n_events, edge.first_date, edge.last_date) == (3, "2024-01-15", "2024-03-15")


@pytest.mark.parametrize(("since", "until"), [("yesterday", None), ("2024-05-01", "2024-01-01")])
def test_bad_or_crossed_bounds_are_a_coded_error(since: str, until: str | None) -> None:
    with pytest.raises(DateBoundError, match="DOT754"):
        build_network([], since=since, until=until)
