"""Scoring against gold: every rule of the gold README, on small hand-written documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dotterel.analysis.evaluate import (
    GoldDocument,
    GoldEvent,
    expand,
    load_gold,
    score,
)
from dotterel.errors import GoldFormatError
from dotterel.records import Document, Entity, Event, Location, Span

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
TEXT = "Freedonia and Sylvania signed a pact. Later Freedonia shelled Sylvania."


def ent(code: str | None, text: str = "x") -> Entity:
    return Entity(text=text, start=0, end=1, code=code)


_counter = [0]


def pred(
    event_type: str,
    actor: list[str | None],
    recipient: list[str | None] = (),  # type: ignore[assignment]
    *,
    doc_id: str = "d1",
    factuality: str = "actual",
    claimed_by: list[str] = (),  # type: ignore[assignment]
    denied_by: list[str] = (),  # type: ignore[assignment]
    date: str | None = None,
    place: str | None = None,
    evidence: str = "Freedonia and Sylvania signed a pact.",
) -> Event:
    # Distinct trigger offsets give distinct event ids.
    _counter[0] += 1
    return Event(
        doc_id=doc_id,
        sentence_index=0,
        evidence=Span(evidence, 0, len(evidence)),
        trigger=Span("signed", _counter[0], _counter[0] + 6),
        event_type=event_type,
        actor=[ent(c) for c in actor],
        recipient=[ent(c) for c in recipient],
        factuality=factuality,
        claimed_by=[ent(c) for c in claimed_by],
        denied_by=[ent(c) for c in denied_by],
        event_date=date,
        location=Location(name="somewhere", country=place) if place else None,
    )


def gold_event(
    event_type: str,
    actor: list[str],
    recipient: list[str] = (),  # type: ignore[assignment]
    status: str = "required",
    **kw: Any,
) -> GoldEvent:
    return GoldEvent(
        id=kw.pop("id", f"G-{event_type}-{'-'.join(actor)}"),
        status=status,
        type=event_type,
        actor=list(actor),
        recipient=list(recipient),
        **kw,
    )


def doc(*events: GoldEvent, doc_id: str = "d1") -> GoldDocument:
    return GoldDocument(Document(doc_id=doc_id, text=TEXT), list(events))


# ----------------------------------------------------------------- expansion


def test_unordered_agree_is_canonical_in_either_order() -> None:
    assert expand("AGREE", ["RUS"], ["IRN"]) == expand("AGREE", ["IRN", "RUS"], [])
    assert expand("AGREE", ["RUS", "IRN"], []) == [(("AGREE", "IRN", "RUS"), True)]


def test_compound_recipient_expands_to_one_triple_each_and_drops_self_pairs() -> None:
    triples = [t for t, _ in expand("ACCUSE", ["USA"], ["RUS", "CHN", "USA", "PRK"])]
    assert triples == [("ACCUSE", "USA", "RUS"), ("ACCUSE", "USA", "CHN"), ("ACCUSE", "USA", "PRK")]


def test_event_without_recipient_pairs_all_actors_and_single_actor_gives_none() -> None:
    assert [t for t, _ in expand("PROTEST", ["FRA"], [])] == [("PROTEST", "FRA", None)]
    assert [t for t, _ in expand("COOPERATE", ["C", "A", "B"], [])] == [
        ("COOPERATE", "A", "B"),
        ("COOPERATE", "A", "C"),
        ("COOPERATE", "B", "C"),
    ]


def test_unresolved_entities_are_dropped_and_role_codes_cut_to_country() -> None:
    assert [t for t, _ in expand("AID", [None, "RUSGOV"], ["IRNMIL"])] == [("AID", "RUS", "IRN")]
    assert expand("AID", [None], [None]) == []
    assert [t for t, _ in expand("ASSAULT", [], ["IRQ"])] == [("ASSAULT", None, "IRQ")]


@given(
    st.sampled_from(["AGREE", "CONSULT", "COOPERATE"]),
    st.lists(st.sampled_from(["RUS", "IRN", "CHN", "PRK"]), max_size=3),
    st.lists(st.sampled_from(["RUS", "IRN", "CHN", "PRK"]), max_size=3),
)
def test_unordered_expansion_ignores_who_is_actor_and_who_recipient(
    event_type: str, actor: list[str], recipient: list[str]
) -> None:
    assert set(expand(event_type, actor, recipient)) == set(
        expand(event_type, recipient + actor, [])
    )


# ----------------------------------------------------------------- precision / recall


def test_perfect_prediction_and_reverse_order_agree() -> None:
    gold = [doc(gold_event("AGREE", ["RUS", "IRN"]), gold_event("AID", ["PRK"], ["RUS"]))]
    report = score(gold, {"d1": [pred("AGREE", ["IRN"], ["RUS"]), pred("AID", ["PRK"], ["RUS"])]})
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
    assert report.misses == [] and report.extras == []


def test_direction_matters_for_directed_categories() -> None:
    gold = [doc(gold_event("AID", ["PRK"], ["RUS"]))]
    report = score(gold, {"d1": [pred("AID", ["RUS"], ["PRK"])]})
    assert report.recall == 0.0 and report.precision == 0.0
    assert report.misses[0]["label"] == "AID PRK→RUS"
    assert report.extras[0]["label"] == "AID RUS→PRK"


def test_compound_recipient_counts_one_required_triple_per_dyad() -> None:
    gold = [doc(gold_event("ACCUSE", ["USA"], ["RUS", "CHN", "IRN", "PRK"], note="axis"))]
    report = score(gold, {"d1": [pred("ACCUSE", ["USA"], ["RUS", "CHN"])]})
    assert report.to_dict()["gold_required"] == 4
    assert report.recall == 0.5 and report.precision == 1.0
    assert {m["label"] for m in report.misses} == {"ACCUSE USA→IRN", "ACCUSE USA→PRK"}
    assert report.misses[0]["notes"] == ["axis"]


def test_optional_triple_is_not_needed_for_recall_and_not_an_error() -> None:
    gold = [
        doc(gold_event("AID", ["PRK"], ["RUS"]), gold_event("ACCUSE", ["USA"], ["PRK"], "optional"))
    ]
    without = score(gold, {"d1": [pred("AID", ["PRK"], ["RUS"])]})
    with_optional = score(
        gold, {"d1": [pred("AID", ["PRK"], ["RUS"]), pred("ACCUSE", ["USA"], ["PRK"])]}
    )
    assert without.recall == with_optional.recall == 1.0
    assert without.precision == with_optional.precision == 1.0
    assert with_optional.extras == []
    missing_optional_only = score([doc(gold_event("ACCUSE", ["USA"], ["PRK"], "optional"))], {})
    assert missing_optional_only.misses == [] and missing_optional_only.recall is None


def test_same_triple_from_two_events_is_counted_once() -> None:
    gold = [doc(gold_event("AID", ["PRK"], ["RUS"]))]
    report = score(
        gold,
        {
            "d1": [
                pred("AID", ["PRK"], ["RUS"]),
                pred("AID", ["PRKMIL"], ["RUS"]),
                pred("AID", ["USA"], ["UKR"]),
            ]
        },
    )
    assert report.to_dict()["predicted"] == 2
    assert report.precision == 0.5


def test_extras_carry_evidence_and_trigger() -> None:
    report = score(
        [doc()], {"d1": [pred("ASSAULT", ["FRE"], ["SYL"], evidence="Later it shelled.")]}
    )
    assert report.precision == 0.0
    assert report.extras[0]["evidence"] == ["Later it shelled."]
    assert report.extras[0]["trigger"] == ["signed"]


def test_predictions_for_unknown_documents_are_reported_not_scored() -> None:
    report = score(
        [doc(gold_event("AID", ["PRK"], ["RUS"]))], {"other": [pred("AID", ["PRK"], ["RUS"])]}
    )
    assert report.recall == 0.0 and report.precision is None
    assert report.unknown_documents == ["other"]


def test_events_with_no_resolved_participant_give_no_triple() -> None:
    report = score(
        [doc(gold_event("AID", ["PRK"], ["RUS"]))], {"d1": [pred("AID", [None], [None])]}
    )
    assert report.to_dict()["predicted"] == 0 and report.unscored_events == 1


# ----------------------------------------------------------------- forbidden


def test_forbidden_triple_with_forbidden_factuality_is_a_hit() -> None:
    gold = [
        doc(
            gold_event(
                "SUPPORT", ["RUS", "IRN"], [], "forbidden", factuality=["actual"], note="not signed"
            )
        )
    ]
    report = score(gold, {"d1": [pred("SUPPORT", ["IRN", "RUS"], factuality="actual")]})
    assert report.forbidden_hits == 1
    assert report.forbidden[0]["gold_id"] == "G-SUPPORT-RUS-IRN"
    assert report.precision == 0.0  # a forbidden triple is not required or optional gold


def test_forbidden_triple_with_other_factuality_is_not_a_hit() -> None:
    gold = [doc(gold_event("SUPPORT", ["RUS", "IRN"], [], "forbidden", factuality=["actual"]))]
    report = score(gold, {"d1": [pred("SUPPORT", ["RUS", "IRN"], factuality="future")]})
    assert report.forbidden_hits == 0


def test_forbidden_without_factuality_forbids_any_value() -> None:
    gold = [doc(gold_event("ASSAULT", ["PRK"], ["UKR"], "forbidden"))]
    report = score(gold, {"d1": [pred("ASSAULT", ["PRK"], ["UKR"], factuality="hypothetical")]})
    assert report.forbidden_hits == 1


def test_directed_prediction_matches_unordered_forbidden_gold_in_either_direction() -> None:
    gold = [doc(gold_event("SUPPORT", ["RUS", "IRN"], [], "forbidden", factuality=["actual"]))]
    for a, b in (("RUS", "IRN"), ("IRN", "RUS")):
        assert score(gold, {"d1": [pred("SUPPORT", [a], [b])]}).forbidden_hits == 1


# ----------------------------------------------------------------- attributes


def test_factuality_right_only_when_every_predicted_value_is_allowed() -> None:
    gold = [doc(gold_event("AGREE", ["RUS", "IRN"], factuality=["actual", "future"]))]
    good = score(gold, {"d1": [pred("AGREE", ["RUS", "IRN"], factuality="future")]})
    mixed = score(
        gold,
        {
            "d1": [
                pred("AGREE", ["RUS", "IRN"], factuality="future"),
                pred("AGREE", ["IRN"], ["RUS"], factuality="negated"),
            ]
        },
    )
    assert good.to_dict()["factuality"] == {"right": 1, "scored": 1, "accuracy": 1.0}
    assert mixed.to_dict()["factuality"] == {"right": 0, "scored": 1, "accuracy": 0.0}


def test_attributes_not_coded_in_gold_are_not_scored() -> None:
    report = score(
        [doc(gold_event("AID", ["PRK"], ["RUS"]))], {"d1": [pred("AID", ["PRK"], ["RUS"])]}
    )
    for name in ("factuality", "claimed_by", "denied_by", "date", "location"):
        assert report.to_dict()[name] == {"right": 0, "scored": 0, "accuracy": None}


def test_attributes_are_only_scored_on_found_required_triples() -> None:
    gold = [doc(gold_event("AID", ["PRK"], ["RUS"], factuality=["actual"]))]
    report = score(gold, {"d1": [pred("AID", ["RUS"], ["PRK"], factuality="negated")]})
    assert report.to_dict()["factuality"]["scored"] == 0


@pytest.mark.parametrize(
    ("allowed", "required", "claimants", "right"),
    [
        (["USA"], True, ["USAGOV"], True),
        (["USA"], True, [], False),  # required claimant missing
        (["USA"], False, [], True),
        (["USA"], True, ["USA", "GBR"], False),  # a claimant outside allowed
        ([], False, [], True),  # the publisher's own voice
        ([], False, ["RUS"], False),
    ],
)
def test_claimed_by(allowed: list[str], required: bool, claimants: list[str], right: bool) -> None:
    gold = [
        doc(
            gold_event(
                "AID", ["PRK"], ["RUS"], claimed_by_allowed=allowed, claimed_by_required=required
            )
        )
    ]
    report = score(gold, {"d1": [pred("AID", ["PRK"], ["RUS"], claimed_by=claimants)]})
    assert report.to_dict()["claimed_by"] == {
        "right": int(right),
        "scored": 1,
        "accuracy": float(right),
    }


def test_claimants_are_pooled_over_all_events_of_the_triple() -> None:
    gold = [
        doc(
            gold_event(
                "AID", ["PRK"], ["RUS"], claimed_by_allowed=["USA"], claimed_by_required=True
            )
        )
    ]
    report = score(
        gold,
        {"d1": [pred("AID", ["PRK"], ["RUS"]), pred("AID", ["PRK"], ["RUS"], claimed_by=["USA"])]},
    )
    assert report.attributes["claimed_by"].right == 1


@pytest.mark.parametrize(
    ("deniers", "right"),
    [(["IRN"], True), (["IRNGOV"], True), ([], False), (["IRN", "RUS"], False)],
)
def test_denied_by_must_equal_gold(deniers: list[str], right: bool) -> None:
    gold = [doc(gold_event("AID", ["IRN"], ["RUS"], denied_by=["IRN"]))]
    report = score(gold, {"d1": [pred("AID", ["IRN"], ["RUS"], denied_by=deniers)]})
    assert report.attributes["denied_by"].right == int(right)
    assert report.attributes["denied_by"].scored == 1


def test_empty_gold_deniers_require_no_predicted_denier() -> None:
    gold = [doc(gold_event("AID", ["IRN"], ["RUS"], denied_by=[]))]
    assert score(gold, {"d1": [pred("AID", ["IRN"], ["RUS"])]}).attributes["denied_by"].right == 1
    wrong = score(gold, {"d1": [pred("AID", ["IRN"], ["RUS"], denied_by=["IRN"])]})
    assert wrong.attributes["denied_by"].right == 0


@pytest.mark.parametrize(
    ("dates", "right"),
    [
        (["2024-10-31"], True),
        (["2024-10-31", "2024-10-23"], True),
        ([None], False),  # no date predicted
        (["2024-10-31", "2024-11-05"], False),
    ],
)
def test_dates(dates: list[str | None], right: bool) -> None:
    gold = [doc(gold_event("AGREE", ["RUS", "IRN"], dates=["2024-10-31", "2024-10-23"]))]
    events = [pred("AGREE", ["RUS", "IRN"], date=d) for d in dates]
    report = score(gold, {"d1": events})
    assert report.to_dict()["date"] == {"right": int(right), "scored": 1, "accuracy": float(right)}


@pytest.mark.parametrize(
    ("places", "right"),
    [(["BLR"], True), (["BLR", "RUS"], True), ([None], False), (["BLR", "UKR"], False)],
)
def test_locations(places: list[str | None], right: bool) -> None:
    gold = [doc(gold_event("AGREE", ["RUS", "IRN"], locations=["BLR", "RUS"]))]
    report = score(gold, {"d1": [pred("AGREE", ["RUS", "IRN"], place=p) for p in places]})
    assert report.attributes["location"].right == int(right)
    assert report.attributes["location"].scored == 1


# ----------------------------------------------------------------- report


def test_per_type_table() -> None:
    gold = [
        doc(
            gold_event("AID", ["PRK"], ["RUS"]),
            gold_event("AID", ["IRN"], ["RUS"]),
            gold_event("SANCTION", ["USA"], ["CHN"]),
        )
    ]
    predictions = {
        "d1": [
            pred("AID", ["PRK"], ["RUS"]),
            pred("SANCTION", ["USA"], ["CHN"]),
            pred("SANCTION", ["USA"], ["RUS"]),
        ]
    }
    per_type = score(gold, predictions).to_dict()["per_type"]
    assert list(per_type) == ["AID", "SANCTION"]  # PLOVER order
    assert per_type["AID"] | {} == {
        "gold_required": 2,
        "found": 1,
        "predicted": 1,
        "correct": 1,
        "precision": 1.0,
        "recall": 0.5,
        "f1": pytest.approx(2 / 3),
    }
    assert (per_type["SANCTION"]["precision"], per_type["SANCTION"]["recall"]) == (0.5, 1.0)


def test_recall_sums_over_documents() -> None:
    gold = [
        doc(gold_event("AID", ["PRK"], ["RUS"])),
        doc(gold_event("AID", ["IRN"], ["RUS"]), gold_event("AID", ["CHN"], ["RUS"]), doc_id="d2"),
    ]
    report = score(gold, {"d2": [pred("AID", ["IRN"], ["RUS"], doc_id="d2")]})
    assert report.recall == pytest.approx(1 / 3)
    assert [d["found"] for d in report.documents] == [0, 1]


def test_report_dict_is_json_and_text_names_the_figures() -> None:
    gold = [
        doc(
            gold_event("AID", ["PRK"], ["RUS"], note="troops"),
            gold_event("ASSAULT", ["PRK"], ["UKR"], "forbidden"),
        )
    ]
    report = score(gold, {"d1": [pred("ASSAULT", ["PRK"], ["UKR"])]})
    data = json.loads(json.dumps(report.to_dict()))
    for key in (
        "precision",
        "recall",
        "f1",
        "forbidden_hits",
        "factuality",
        "claimed_by",
        "denied_by",
        "date",
        "location",
        "per_type",
        "misses",
        "extras",
        "documents",
    ):
        assert key in data
    text = report.to_text()
    assert "AID PRK→RUS" in text and "troops" in text
    assert "Forbidden triples predicted: 1" in text


# ----------------------------------------------------------------- gold loading


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = {
    "doc_id": "a",
    "text": "Freedonia shelled Sylvania.",
    "published": "2024-01-02",
    "events": [
        {
            "id": "E1",
            "status": "required",
            "type": "ASSAULT",
            "actor": ["FRE"],
            "recipient": ["SYL"],
            "factuality": ["actual"],
            "claimed_by": {"allowed": [], "required": False},
            "denied_by": [],
            "dates": ["2024-01-01"],
            "locations": ["SYL"],
            "note": "shelling",
        },
        {"status": "optional", "type": "PROTEST", "actor": ["SYL"], "recipient": []},
    ],
}


def test_load_gold_reads_documents_and_events(tmp_path: Path) -> None:
    gold = load_gold(write(tmp_path, json.dumps(GOOD), ""))
    assert len(gold) == 1 and gold[0].document.published == "2024-01-02"
    first, second = gold[0].events
    assert first.claimed_by_allowed == [] and first.claimed_by_required is False
    assert first.dates == ["2024-01-01"] and first.note == "shelling"
    assert second.id == "a#1" and second.factuality is None and second.claimed_by_allowed is None


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["events"][0].update(status="maybe"), "status"),
        (lambda d: d["events"][0].update(type="DISAPPROVE"), "PLOVER"),
        (lambda d: d["events"][0].update(factuality=["likely"]), "factuality"),
        (lambda d: d["events"][0].update(actor="FRE"), "actor"),
        (lambda d: d["events"][0].update(dates=["Jan 1"]), "YYYY-MM-DD"),
        (
            lambda d: d["events"][0].update(claimed_by={"allowed": [], "required": "yes"}),
            "required",
        ),
        (lambda d: d.pop("doc_id"), "doc_id"),
        (lambda d: d.update(events=None), "events"),
    ],
)
def test_malformed_gold_field_names_file_and_line(
    tmp_path: Path, mutate: Any, message: str
) -> None:
    bad = json.loads(json.dumps(GOOD))
    mutate(bad)
    other = dict(GOOD, doc_id="b")
    path = write(tmp_path, json.dumps(other), json.dumps(bad))
    with pytest.raises(GoldFormatError) as info:
        load_gold(path)
    assert f"{path}:2" in str(info.value) and message in str(info.value)
    assert info.value.code == "DOT400"


def test_malformed_json_and_duplicate_ids(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match=r"gold.jsonl:1.*JSON"):
        load_gold(write(tmp_path, '{"doc_id": "a", '))
    with pytest.raises(GoldFormatError, match=r"gold.jsonl:2.*duplicate"):
        load_gold(write(tmp_path, json.dumps(GOOD), json.dumps(GOOD)))


def test_missing_gold_file_is_a_gold_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError):
        load_gold(tmp_path / "nope.jsonl")


# ----------------------------------------------------------------- shared gold files


def perfect_coder(gold: list[GoldDocument]) -> dict[str, list[Event]]:
    """Predictions built from the gold's own required events.

    Optional events are left out on purpose: the seed codes "emerging cooperation" as
    optional but forbids an actual COOPERATE between Russia and Iran, so an optional
    event coded as actual may rightly hit a forbidden triple.
    """
    out: dict[str, list[Event]] = {}
    for g in gold:
        for i, e in enumerate(g.events):
            if e.status != "required":
                continue
            out.setdefault(g.document.doc_id, []).append(
                Event(
                    doc_id=g.document.doc_id,
                    sentence_index=0,
                    evidence=Span("x", 0, 1),
                    trigger=Span("x", i, i + 1),
                    event_type=e.type,
                    actor=[ent(c) for c in e.actor],
                    recipient=[ent(c) for c in e.recipient],
                    factuality=(e.factuality or ["actual"])[0],
                    claimed_by=[ent(c) for c in (e.claimed_by_allowed or [])],
                    denied_by=[ent(c) for c in (e.denied_by or [])],
                    event_date=e.dates[0] if e.dates else None,
                    location=Location("x", country=e.locations[0]) if e.locations else None,
                )
            )
    return out


@pytest.fixture(scope="module")
def seed() -> list[GoldDocument]:
    path = SHARED / "gold" / "seed.jsonl"
    if not path.exists():
        pytest.skip("shared gold not available")
    return load_gold(path)


def test_seed_gold_loads_with_its_required_triples(seed: list[GoldDocument]) -> None:
    assert len(seed) == 1
    report = score(seed, {})
    # G1 AGREE RUS–IRN, G2–G4 AID, G5 SANCTION, G6 ACCUSE ×4
    assert report.to_dict()["gold_required"] == 9 and report.recall == 0.0


def test_perfect_coder_scores_one_on_seed(seed: list[GoldDocument]) -> None:
    report = score(seed, perfect_coder(seed))
    data = report.to_dict()
    assert (data["precision"], data["recall"], data["forbidden_hits"]) == (1.0, 1.0, 0)
    for name in ("factuality", "claimed_by", "denied_by", "date", "location"):
        assert data[name]["accuracy"] == 1.0, name
    assert data["date"]["scored"] == 1 and data["claimed_by"]["scored"] == 9


def test_seed_forbidden_agreement_coded_as_actual_cooperation_is_caught(
    seed: list[GoldDocument],
) -> None:
    events = [pred("COOPERATE", ["RUS", "IRN"], doc_id=seed[0].document.doc_id)]
    report = score(seed, {seed[0].document.doc_id: events})
    assert report.forbidden_hits == 1 and report.forbidden[0]["gold_id"] == "F2"


def test_plover_gsr_gold_loads_and_perfect_coder_scores_one() -> None:
    path = SHARED / "gold" / "plover_gsr.jsonl"
    if not path.exists():
        pytest.skip("shared gold not available")
    gold = load_gold(path)
    assert len(gold) == 322
    report = score(gold, perfect_coder(gold))
    # 82 of the 322 events are domestic (actor == recipient, e.g. IRQ→IRQ): the README
    # drops self-pairs, so they give no triple.
    assert report.to_dict()["gold_required"] == 271
    assert (report.precision, report.recall) == (1.0, 1.0)
