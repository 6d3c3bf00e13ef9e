"""The ``dotterel_context`` component: what an event's context settles once places are known.

It runs after ``dotterel_places`` and before the pure ``dotterel_merge``, and is the one
stage that completes or filters events from their document context:

- bare role words ("police", "the army said") and unknown full person names take the
  country of the event's place, else the story's; unnamed claimants take the dateline's
  (:func:`place_unplaced_agents`);
- an ethnic group acting or acted upon in another country is coded to where it lives
  (:func:`place_ethnic_groups`);
- a statement placed only by another state's dateline is located with the speaker
  (:func:`locate_statements`);
- violence with no named perpetrator against foreigners is coded to the country where it
  happened (:func:`attribute_unnamed_attackers`);
- an attack, threat or arrest with no named target is aimed at the place where it
  happens, else dropped (:func:`target_by_place`);
- a protest, arrest or concession at home with no named other side is aimed at the
  government or falls on the public of the actor's country (:func:`domestic_recipients`);
- violence by nobody that did not happen, and one-sided records of dyadic categories,
  are dropped (:func:`has_counterpart`).

It reads the coder's explicit flags (``Event.no_agent``, ``Event.needs_target``), not
rule strings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.actors.resolve import country_name, story_country
from dotterel.codes import NON_STATE_PREFIXES as NON_STATE
from dotterel.codes import STATE_ROLES
from dotterel.events.categories import ADDRESSED_TYPES, INSTRUMENT_ROLES, POPULATION_WIDE
from dotterel.events.cues import load_cues
from dotterel.places.component import load_seats
from dotterel.places.story import StorySetting
from dotterel.records import Entity, Event, Location


def attribute_unnamed_attackers(events: list[Event], places: list[Any] | None = None) -> None:
    """Violence by unnamed perpetrators against foreigners is coded to the country where
    it happened ("a roadside bomb near Samarra killed a US soldier" → IRQ → USA); against
    the country's own people the perpetrator stays unknown. The place is the event's, or
    else the first place named in its sentence."""
    for event in events:
        if any(a.code for a in event.actor) or not event.no_agent:
            continue
        if event.factuality != "actual":
            # A plot or a feared attack has no perpetrator to place.
            continue
        location = event.location or _first_place_in(event, places or [])
        if location is None:
            continue
        where = location.country
        if where and where not in {e.country_code for e in event.recipient}:
            event.actor = [
                Entity(
                    text=location.name,
                    start=event.trigger.start,
                    end=event.trigger.end,
                    code=where,
                    country=where,
                    why="location-of-attack",
                )
            ]
            event.rules.append("arg:attacker-from-location")


PERSON_UNRESOLVED = "ner:PERSON:unresolved"


def place_unplaced_agents(
    events: list[Event], dateline_country: str | None, story: str | None = None
) -> None:
    """Give bare role words ("police", "the army") the country of the story: a
    participant that of the event's place, else the country the document names most
    (``story``); a claimant that of the dateline (the reporter's vantage point), else
    the acting side's, else the event's place."""
    for event in events:
        place = event.location.country if event.location is not None else None
        where = place or story
        actors = [e.country for e in event.actor if e.country and e.country not in NON_STATE]
        # Unnamed "officials said": the reporter's vantage point, else the acting side.
        speaker = dateline_country or (actors[0] if actors else None) or place
        # The one a demand or accusation is addressed to ("urged the authorities", said
        # in Geneva) is of the country the story is reported from or about, not of
        # where the words were said.
        addressee = where
        if event.event_type in ADDRESSED_TYPES:
            addressee = dateline_country or story or where
        for entities, country in (
            (event.actor, where),
            (event.recipient, addressee),
            (event.claimed_by, speaker),
            (event.denied_by, speaker),
        ):
            for entity in entities:
                if entity.needs_context and entity.code is None and country:
                    entity.country = country
                    entity.code = country + (entity.role or "")
                    entity.why = "agent:placed-by-context"
        for entity in event.actor + event.recipient:
            # A person the dictionaries do not know, taking part in the story ("Judge
            # Alejandro Rivera opened an inquiry"), is most likely of the country where
            # it happens.
            # One capitalised word ("Shan rebels") is as often a people as a person.
            full_name = len(entity.text.split()) > 1
            if entity.why == PERSON_UNRESOLVED and entity.code is None and where and full_name:
                entity.country = where
                entity.code = where + (entity.role or "")
                entity.why = "name:placed-by-context"


# Acts done by saying something: without a place in the text they happen where the
# speaking side is, not where the reporter filed from.
VERBAL_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"})


#: Acts a side does at home when the text gives them no place: statements, decisions
#: (imposing sanctions, cutting or restoring ties), putting its forces on alert, its
#: citizens' protests.
HOME_TYPES = VERBAL_TYPES | frozenset({"SANCTION", "REJECT", "CONCEDE", "MOBILIZE", "PROTEST"})


@dataclass(frozen=True)
class ContextRules:
    """What the context stage reads besides the document: the words that make an actor
    an envoy (``events/data/cues.yaml``) and the seats of international bodies
    (``places/data/seats.yaml``)."""

    envoy_words: frozenset[str]
    seats: Mapping[str, Location]

    @classmethod
    def shipped(cls) -> ContextRules:
        """The rules built from Dotterel's own data files."""
        return cls(envoy_words=load_cues().envoy_words, seats=load_seats())


def _is_remote(event: Event, text: str) -> bool:
    """A dealing by phone, video or letter ("Powell telephoned leaders of both
    countries"): made from the caller's side."""
    if not text or event.event_type not in MEETING_TYPES:
        return False
    evidence = text[event.evidence.start : event.evidence.end].lower()
    return any(word in evidence for word in _REMOTE)


def locate_statements(events: list[Event], text: str = "", *, rules: ContextRules) -> None:
    """A statement or decision by one state with no place of its own in the text is
    located in the speaker's state: "ISLAMABAD (AFP) - Afghan President Karzai accused
    Pakistan ..." (placed only by another state's dateline), and, with no dateline,
    "Pakistan on Saturday rejected Afghan accusations" (no place at all). A place the
    text gives the statement ("told reporters in Baghdad") is kept. A phone call or
    letter with no place is located with the caller. A dealing within one state
    (ministers met union leaders; police detained opposition members), or a state's
    measure on its whole population (an internet shutdown), with no place is located in
    that state."""
    for event in events:
        place = event.location
        if place is not None and place.source != "dateline":
            continue
        home = (_domestic(event) or _nationwide(event)) if place is None else None
        if home is not None:
            event.location = Location(name=country_name(home) or home, country=home, source="actor")
            continue
        types = VERBAL_TYPES if place is not None else HOME_TYPES
        if event.event_type not in types and not (place is None and _is_remote(event, text)):
            continue
        speakers = {e.country_code for e in event.actor if e.country_code}
        if len(speakers) != 1 or speakers & NON_STATE or _is_envoy(event, text, rules.envoy_words):
            continue
        if place is not None and place.country in speakers:
            continue
        speaker = speakers.pop()
        if len(speaker) != 3 or not speaker.isalpha():
            continue
        event.location = Location(
            name=country_name(speaker) or speaker, country=speaker, source="actor"
        )


def _domestic(event: Event) -> str | None:
    """The one state of an event that happened (or was refused) among its own people:
    every participant resolved to it, or, outside attacks, left unknown beside a known
    actor of it ("Government ministers met COB leaders")."""
    if event.factuality not in STORY_FACTUALITY or not event.actor or not event.recipient:
        # One side alone is not a dealing among a state's own people.
        return None
    codes = [e.country_code for e in [*event.actor, *event.recipient]]
    known = {c for c in codes if c}
    if len(known) != 1 or known & NON_STATE:
        return None
    state = next(iter(known))
    if len(state) != 3 or not state.isalpha():
        return None
    if not all(e.country_code for e in event.actor):
        return None
    if None in codes and event.event_type in TARGET_TYPES | {"COERCE"}:
        return None
    return state


def _nationwide(event: Event) -> str | None:
    """The state imposing a measure on its whole population ("the government cut mobile
    internet access", a curfew, a state of emergency): it does so in its own territory."""
    if POPULATION_WIDE not in event.rules or event.recipient:
        return None
    states = {e.country_code for e in event.actor}
    if len(states) != 1:
        return None
    state = states.pop()
    if not state or len(state) != 3 or not state.isalpha() or state in NON_STATE:
        return None
    return state


def _participants(event: Event) -> set[str]:
    return {
        code
        for e in [*event.actor, *event.recipient]
        if (code := e.country_code) and len(code) == 3 and code not in NON_STATE
    }


#: statements and decisions: with no state speaker (a UN body, an unnamed official)
#: they are made where the story is; protests and mobilisations go by participants.
STATEMENT_TYPES = HOME_TYPES - {"MOBILIZE", "PROTEST"}
#: events that may take the story place: those that happened or were refused there.
STORY_FACTUALITY = frozenset({"actual", "negated"})
#: meeting kinds that happen at a venue the lead names ("talks ended near Paris").
MEETING_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE"})
_REMOTE = ("phone", "telephon", "video", "letter", "by call", "virtual")


def locate_in_story(
    events: list[Event],
    story: Location | None,
    venue: bool = False,
    text: str = "",
    *,
    rules: ContextRules,
) -> None:
    """Events with no place of their own happen at the story place (source ``story``)
    when their participants plausibly act there:

    - a statement or decision (:data:`STATEMENT_TYPES`) when its speaker is of the story
      place's country, or has no known country (otherwise it is made at home, see
      :func:`locate_statements`);
    - a meeting or agreement when the lead names the story place as a meeting's venue
      ("talks ended at the Rambouillet chateau near Paris"), unless it was held by
      phone or video;
    - anything else when one participant is of the story place's country ("police
      arrested protesters", "Israeli troops raided a camp" in a West Bank story), or
      none has a known country.

    A dealing between other states ("Iran and Russia spoke by phone" in a Baghdad
    story) gets no place rather than a wrong one, and so does a planned or feared act
    (factuality other than actual or negated).

    An attack by one state on another with no place of its own happens where it lands,
    in the target's state (source ``target``: "Thai troops shelled Cambodian positions"
    → KHM), when the story is not set elsewhere: with the story place in the target's
    state that place is kept, and with it in a third state that is not a meeting's venue
    (two foreign armies fighting in Congo) the target's state would be a guess."""
    for event in events:
        if event.location is None and event.event_type in TARGET_TYPES:
            target = _attack_target(event)
            sides = _participants(event)
            at_home = story is not None and story.country in sides - {target}
            elsewhere = story is not None and bool(story.country) and not (at_home or venue)
            in_target = story is not None and story.country == target
            if target is not None and not in_target and not elsewhere:
                event.location = Location(
                    name=country_name(target) or target, country=target, source="target"
                )
    for event in events:
        if event.location is None and event.event_type in STATEMENT_TYPES:
            event.location = _seat(event, rules.seats)
    if story is None or not story.country:
        return
    for event in events:
        if event.location is not None or event.factuality not in STORY_FACTUALITY:
            # A planned or feared act ("will sign the treaty") happens where and when it
            # will; the place the story is told from says nothing about it.
            continue
        countries = _participants(event)
        speakers = {
            c for e in event.actor if (c := e.country_code) and len(c) == 3 and c not in NON_STATE
        }
        evidence = text[event.evidence.start : event.evidence.end].lower() if text else ""
        remote = any(word in evidence for word in _REMOTE)
        if event.event_type in MEETING_TYPES and venue and not remote:
            pass
        elif event.event_type in STATEMENT_TYPES:
            # An envoy speaks where sent: at the story place when that is the
            # recipient's ("a US envoy pressed Beirut" in a Lebanon story).
            sent_to = (
                _is_envoy(event, text, rules.envoy_words) and story.country in countries - speakers
            )
            if speakers and story.country not in speakers and not sent_to:
                continue
        elif countries and story.country not in countries:
            continue
        if remote and countries and story.country not in countries:
            continue
        event.location = replace(story, source="story")


def _seat(event: Event, seats: Mapping[str, Location]) -> Location | None:
    """The seat of the international body that makes a statement or decision ("the
    Security Council imposed sanctions" → New York), from ``places/data/seats.yaml``."""
    for entity in event.actor:
        if not (entity.code or "").startswith("IGO"):
            continue
        words = f" {' '.join(re.findall(r'[a-z]+', entity.text.casefold()))} "
        for body, seat in seats.items():
            if f" {body} " in words:
                return replace(seat)
    return None


def _is_envoy(event: Event, text: str, envoys: frozenset[str]) -> bool:
    """The event's actor is written as an envoy ("the US envoy", "a Chinese delegation"):
    the statements of people sent abroad for a state are made where they are sent."""
    for entity in event.actor:
        # The phrase and the word after it ("US" + "envoy").
        after = text[entity.end : entity.end + 30].split()[:1] if text else []
        words = (entity.text + " " + " ".join(after)).lower().replace(",", " ").split()
        if any(word.rstrip("s") in envoys for word in words):
            return True
    return False


#: attacks: they happen where they land (``target_event_types`` of the places stage).
TARGET_TYPES = frozenset({"ASSAULT"})


def _attack_target(event: Event) -> str | None:
    """The one state an attack by another known state is aimed at, or ``None``."""
    attackers = {
        c for e in event.actor if (c := e.country_code) and len(c) == 3 and c not in NON_STATE
    }
    targets = {
        c for e in event.recipient if (c := e.country_code) and len(c) == 3 and c not in NON_STATE
    }
    if not attackers or len(targets) != 1 or targets & attackers:
        return None
    return targets.pop()


def visitors(actors: list[Entity], text: str) -> set[str]:
    """Countries of the actors the text calls visiting ("his visiting Pakistani
    counterpart", "the visiting Chinese delegation")."""
    found = set()
    for entity in actors:
        before = text[max(0, entity.start - 40) : entity.start].lower().split()
        code = entity.country_code
        if "visiting" in before[-3:] and code and len(code) == 3 and code not in NON_STATE:
            found.add(code)
    return found


def locate_visits(events: list[Event], text: str, actors: list[Entity] | None = None) -> None:
    """ "X held talks here with his visiting Pakistani counterpart": dealings between a
    visitor and the host, with no place of their own, happen in the host's country."""
    guests = visitors(list(actors or []), text)
    if len(guests) != 1:
        return
    for event in events:
        if event.location is not None:
            continue
        if event.event_type not in _VISIT_TYPES:
            continue
        hosts = _participants(event) - guests
        if guests <= _participants(event) and len(hosts) == 1:
            host = hosts.pop()
            event.location = Location(name=country_name(host) or host, country=host, source="host")


_VISIT_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST"})


def place_ethnic_groups(events: list[Event], text: str) -> None:
    """An ethnic group acting or acted upon in another country is coded to where it
    lives: "ethnic Albanians demonstrated in Serbia" → SRB (the CAMEO convention for
    minorities; the demonym alone names their kin state, not their own)."""
    for event in events:
        place = event.location
        if place is None or not place.country or place.source not in TARGET_SOURCES:
            continue
        for entities in (event.actor, event.recipient):
            for index, entity in enumerate(entities):
                before = text[: entity.start].rstrip().lower()
                if not before.endswith("ethnic") or entity.country in (None, place.country):
                    continue
                entities[index] = replace(
                    entity,
                    code=place.country + (entity.role or ""),
                    country=place.country,
                    why="ethnic:placed-by-event",
                )


def _first_place_in(event: Event, places: list[Any]) -> Location | None:
    """The first place of the event's sentence outside the victims' own country."""
    victims = {e.country_code for e in event.recipient}
    for mention in places:
        location = getattr(mention, "location", None)
        start = getattr(mention, "start", -1)
        if (
            location is not None
            and location.country not in victims
            and event.evidence.start <= start < event.evidence.end
        ):
            return location
    return None


TARGET_SOURCES = frozenset({"clause", "reporting_clause"})


def target_by_place(events: list[Event]) -> list[Event]:
    """An attack, threat or arrest with no named target is aimed at the place where it
    happens when that is another country ("Israeli tanks fired at targets in Jericho"
    → PSE); with no such place the event is dropped, as a one-sided record would mislead."""
    kept = []
    for event in events:
        if not event.needs_target or event.recipient:
            kept.append(event)
            continue
        place = event.location
        actor_countries = {e.country_code for e in event.actor}
        if (
            place is not None
            and place.country
            and place.source in TARGET_SOURCES
            and place.country not in actor_countries
        ):
            event.recipient = [
                Entity(
                    text=place.name,
                    start=event.trigger.start,
                    end=event.trigger.end,
                    code=place.country,
                    country=place.country,
                    why="place-as-target",
                )
            ]
            event.rules.append("arg:place-as-target")
            kept.append(event)
    return kept


DOMESTIC_RECIPIENT = "implicit:domestic-recipient"
_IMPLICIT_TEXT = {"GOV": "the government", "CVL": "the public"}


def _actor_sector(entity: Entity) -> str | None:
    if entity.role:
        return entity.role
    code = entity.code or ""
    return code[3:6] if len(code) >= 6 and code[:3] not in NON_STATE else None


def domestic_recipients(events: list[Event]) -> None:
    """The unnamed other side of a domestic act, once its actor is placed: a protest,
    strike or boycott by anyone but the state's own forces is aimed at the government of
    the actor's country ("lawyers across the country stopped work"); an arrest, curfew,
    ban or shutdown by the state ("Iran arrests strike organisers", "police detained
    dozens") falls on the public; a concession by protesters, unions or rebels ("the
    unions suspended the strike") is made to the government. The actors must be of one
    country; a state named as a whole acting ("Ecuador imposes a curfew") is its state."""
    for event in events:
        if event.recipient or event.event_type not in ("PROTEST", "COERCE", "CONCEDE"):
            continue
        if POPULATION_WIDE in event.rules:
            continue
        countries = {e.country_code for e in event.actor}
        if len(countries) != 1:
            continue
        country = countries.pop()
        if not country or len(country) != 3 or not country.isalpha() or country in NON_STATE:
            continue
        sectors = {_actor_sector(e) for e in event.actor}
        role: str | None = None
        if event.event_type == "PROTEST" and None not in sectors:
            # The state's own instruments do not protest against their government.
            role = "GOV" if not sectors & INSTRUMENT_ROLES else None
        elif event.event_type == "COERCE":
            # The state's own agencies (STATE_ROLES) coerce the public.
            role = "CVL" if sectors <= STATE_ROLES | {None} else None
        elif event.event_type == "CONCEDE" and None not in sectors:
            role = "GOV" if not sectors & STATE_ROLES else None
        if role is None:
            continue
        event.recipient = [
            Entity(
                text=_IMPLICIT_TEXT[role],
                start=event.trigger.start,
                end=event.trigger.end,
                code=country + role,
                country=country,
                role=role,
                why=DOMESTIC_RECIPIENT,
            )
        ]
        event.rules.append("arg:domestic-recipient")


def _bare_state(entity: Entity) -> bool:
    """A country named as a whole ("Iran", "Ecuador"), no sector, no place within it."""
    code = entity.code or ""
    return (
        entity.role is None
        and entity.why == "dict"
        and len(code) == 3
        and code == entity.country
        and code not in NON_STATE
    )


def domestic_states(events: list[Event]) -> None:
    """ "Iran arrests strike organisers", "Ecuador imposes a curfew", "the UN urged
    Peru", "the UAE denied it": a state named as a whole (by its name, an alias, a
    demonym or a pronoun standing for it) as either side of an act is its government
    (CAMEO's ``GOV``): states act and are acted on through their governments."""
    for event in events:
        for entities in (event.actor, event.recipient):
            for index, entity in enumerate(entities):
                if _bare_state(entity):
                    entities[index] = replace(entity, code=f"{entity.country}GOV", role="GOV")


# Acts that need no counterpart: a resignation, a mobilisation at home.
ONE_SIDED_TYPES = frozenset({"RETREAT", "MOBILIZE"})


def has_counterpart(event: Event) -> bool:
    """Dyadic event data needs two sides. An agreement, meeting, demand or concession
    with one party and no one it is made to ("Iran vowed to resume enrichment") is a
    statement of intent, not a codable interaction; only acts that can be one-sided
    are kept alone."""
    if event.recipient or event.event_type in ONE_SIDED_TYPES:
        return True
    if POPULATION_WIDE in event.rules and event.event_type == "COERCE":
        # An internet shutdown or a state of emergency falls on everyone (a threatened
        # one, now THREATEN, needs a target like any threat).
        return True
    if event.intention_of == "RETREAT":
        # A promise to resign or withdraw ("agreed to step down") stays one-sided.
        return True
    return len({e.country_code or e.text.lower() for e in event.actor}) > 1


def drop_unattributable(events: list[Event]) -> list[Event]:
    """Violence by nobody in particular that did not even happen ("if it is attacked")
    says nothing about anyone; one-sided records of dyadic categories are dropped."""
    return [
        e
        for e in events
        if (e.factuality == "actual" or not e.no_agent or any(a.code for a in e.actor))
        and has_counterpart(e)
    ]


@Language.factory(
    "dotterel_context",
    requires=[
        "doc._.events",
        "doc._.places",
        "doc._.actors",
        "doc._.dateline_location",
        "doc._.story_setting",
    ],
    assigns=["doc._.events"],
)
def make_context(nlp: Language, name: str) -> object:
    """Place unplaced actors, target and attacker by place, drop one-sided records."""
    rules = ContextRules.shipped()

    def settle(doc: Doc) -> Doc:
        events = doc._.events or []
        dateline = doc._.dateline_location
        dateline_country = dateline.country if dateline is not None else None
        setting = doc._.story_setting or StorySetting()
        story = setting.place
        place_unplaced_agents(events, dateline_country, story_country(doc._.actors or []))
        locate_visits(events, doc.text, doc._.actors or [])
        locate_in_story(events, story, setting.venue, doc.text, rules=rules)
        place_ethnic_groups(events, doc.text)
        locate_statements(events, doc.text, rules=rules)
        attribute_unnamed_attackers(events, doc._.places)
        domestic_recipients(events)
        domestic_states(events)
        doc._.events = drop_unattributable(target_by_place(events))
        return doc

    return settle
