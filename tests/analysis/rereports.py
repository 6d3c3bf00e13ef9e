"""A generator of re-reports: one news story as many outlets would run it.

Each :class:`Story` has one or more *versions*, texts written independently of each other
(each is one independent source). A version is a headline and paragraphs; a re-report
of it is the same text from another outlet with its paragraphs reordered, its headline
edited, a sentence dropped and a later publication date, as papers and aggregators
republish wire copy. :func:`corpus` makes any number of re-reports of the seed article
and ten stories written for these tests, with the truth needed to score fusion:
which story and version each document is.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from dotterel.records import Document

SEED = Path(__file__).resolve().parents[2] / "src" / "dotterel" / "data" / "demo" / "seed.jsonl"


@dataclass(frozen=True, slots=True)
class Version:
    """One independently written text of a story.

    ``blocks`` are groups of paragraphs that read on their own (a re-report may swap
    them); ``droppable`` are sentences that carry no coded act (a re-report may cut one).
    """

    headline: str
    blocks: tuple[tuple[str, ...], ...]
    droppable: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    key: str
    published: str
    versions: tuple[Version, ...]


@dataclass(slots=True)
class Generated:
    """A generated document and the truth about it."""

    document: Document
    story: str
    version: int
    outlet_group: str = field(default="")


def _seed_story() -> Story:
    record = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    lines = record["text"].split("\n")
    headline, body = lines[0], lines[1:]
    split = body.index("Axis to counter Western hegemony")
    wire = Version(
        headline=headline,
        blocks=(tuple(body[:split]), tuple(body[split:])),
        droppable=(
            "Speaking at the second Minsk International Conference on Eurasian Security, "
            "Lavrov highlighted the significance of this treaty in strengthening "
            "Russian-Iranian relations.",
            "The US fears that their shared resentment toward US interventionism is driving "
            "their nations closer together, amplifying the challenge they could pose not just "
            "to Washington but to its allies around the globe.",
        ),
    )
    rewrite = Version(
        headline="Moscow and Tehran close in on defence treaty as US warns of axis",
        blocks=(
            (
                "Russia and Iran will sign a comprehensive strategic partnership treaty soon, "
                "Russian Foreign Minister Sergey Lavrov said on Thursday.",
                "The treaty would deepen defence ties between Moscow and Tehran, Lavrov told "
                "a security conference in Minsk.",
            ),
            (
                "Washington has alleged that Iran supplied drones and ballistic missiles to "
                "Russia. Tehran denied the allegations.",
                "American officials also said Chinese companies were supplying Russia with "
                "machine tools and microelectronics.",
                "Analysts say the four governments are drawing closer as Western pressure grows.",
            ),
        ),
        droppable=(
            "Analysts say the four governments are drawing closer as Western pressure grows.",
        ),
    )
    return Story("seed", record["published"], (wire, rewrite))


def _story(key: str, published: str, *versions: Version) -> Story:
    return Story(key, published, versions)


def _v(headline: str, *blocks: tuple[str, ...], droppable: tuple[str, ...] = ()) -> Version:
    return Version(headline, blocks, droppable)


FILLER = "The announcement drew little comment from markets."

#: Stories written for these tests: ten distinct dyads, and one that repeats the seed's
#: states and act weeks later (it must stay apart).
STORIES: tuple[Story, ...] = (
    _story(
        "jpn-phl",
        "2025-02-11",
        _v(
            "Japan and Philippines sign defence pact",
            (
                "Japan and the Philippines signed a reciprocal access agreement in Manila on "
                "Tuesday.",
                "The pact lets Japanese troops train on Philippine soil.",
            ),
            ("China criticised the agreement on Wednesday.", FILLER),
            droppable=(FILLER,),
        ),
        _v(
            "Tokyo, Manila seal troop access deal",
            (
                "Japanese Prime Minister Shigeru Ishiba and Philippine President Ferdinand "
                "Marcos signed a defence agreement in Manila on Tuesday.",
                "Officials in both capitals called it a milestone.",
            ),
            droppable=("Officials in both capitals called it a milestone.",),
        ),
    ),
    _story(
        "pak-ind",
        "2025-03-18",
        _v(
            "Pakistani troops shell Indian posts in Kashmir",
            (
                "Pakistani troops shelled Indian army posts in Kashmir on Monday, the Indian "
                "army said.",
                "Two soldiers were wounded in the attack.",
            ),
            ("India summoned Pakistan's envoy in New Delhi to protest.", FILLER),
            droppable=(FILLER, "Two soldiers were wounded in the attack."),
        ),
    ),
    _story(
        "deu-ukr",
        "2025-04-08",
        _v(
            "Germany sends air defence systems to Ukraine",
            (
                "Germany delivered two more IRIS-T air defence systems to Ukraine on Monday.",
                "The systems will protect Ukrainian cities from Russian missiles.",
            ),
            ("German Defence Minister Boris Pistorius said more deliveries would follow.",),
            droppable=("The systems will protect Ukrainian cities from Russian missiles.",),
        ),
        _v(
            "Berlin delivers IRIS-T batteries to Kyiv",
            (
                "Germany sent two IRIS-T air defence batteries to Ukraine on Monday, the "
                "German government said.",
                "Kyiv has asked its allies for more air defences for months.",
            ),
            droppable=("Kyiv has asked its allies for more air defences for months.",),
        ),
    ),
    _story(
        "usa-ven",
        "2025-05-21",
        _v(
            "US sanctions Venezuelan oil officials",
            (
                "The United States imposed sanctions on six Venezuelan oil officials on Tuesday.",
                "The Treasury said the officials had helped the government evade earlier measures.",
            ),
            ("Venezuela condemned the sanctions as illegal.", FILLER),
            droppable=(FILLER,),
        ),
    ),
    _story(
        "tur-grc",
        "2025-06-10",
        _v(
            "Turkey warns Greece over Aegean islands",
            (
                "Turkey threatened Greece with military action over the arming of Aegean "
                "islands on Monday.",
                "Ankara says the islands must stay demilitarised under old treaties.",
            ),
            ("Athens rejected the warning.", FILLER),
            droppable=(
                FILLER,
                "Ankara says the islands must stay demilitarised under old treaties.",
            ),
        ),
    ),
    _story(
        "eth-ken",
        "2025-07-15",
        _v(
            "Ethiopia and Kenya hold border talks",
            (
                "Ethiopian and Kenyan officials met in Nairobi on Monday to discuss border "
                "security.",
                "The talks focused on cattle raids and arms smuggling.",
            ),
            ("Both sides agreed to meet again next month.", FILLER),
            droppable=(FILLER, "The talks focused on cattle raids and arms smuggling."),
        ),
        _v(
            "Nairobi hosts Ethiopian delegation for security talks",
            (
                "Kenya hosted talks with Ethiopia on border security in Nairobi on Monday, the "
                "Kenyan foreign ministry said.",
                "Cross-border raids have killed dozens this year.",
            ),
            droppable=("Cross-border raids have killed dozens this year.",),
        ),
    ),
    _story(
        "fra-rus",
        "2025-08-19",
        _v(
            "France expels Russian diplomats",
            (
                "France expelled four Russian diplomats on Monday over espionage.",
                "The foreign ministry gave them two weeks to leave.",
            ),
            ("Russia vowed to retaliate.", FILLER),
            droppable=(FILLER, "The foreign ministry gave them two weeks to leave."),
        ),
    ),
    _story(
        "bra-arg",
        "2025-09-23",
        _v(
            "Brazil and Argentina to sign gas deal",
            (
                "Brazil and Argentina will sign a natural gas supply agreement next month, "
                "Brazilian officials said on Monday.",
                "The pipeline deal has been discussed for years.",
            ),
            (FILLER,),
            droppable=(FILLER, "The pipeline deal has been discussed for years."),
        ),
    ),
    _story(
        "kor-prk",
        "2025-10-28",
        _v(
            "Seoul accuses Pyongyang of jamming GPS signals",
            (
                "South Korea accused North Korea of jamming GPS signals near the border on Monday.",
                "Dozens of ships and aircraft reported disruptions.",
            ),
            ("North Korea did not comment.", FILLER),
            droppable=(FILLER, "Dozens of ships and aircraft reported disruptions."),
        ),
        _v(
            "South Korea blames North for GPS jamming",
            (
                "South Korean officials accused North Korea on Monday of jamming satellite "
                "navigation signals along the border.",
                "The jamming disrupted dozens of fishing boats.",
            ),
            droppable=("The jamming disrupted dozens of fishing boats.",),
        ),
    ),
    # Same states and act as the seed's treaty, three weeks later: another deal.
    _story(
        "rus-irn-gas",
        "2024-11-21",
        _v(
            "Iran and Russia plan gas deal",
            (
                "Russia and Iran will sign a natural gas supply agreement next year, Iranian "
                "Oil Minister Mohsen Paknejad said on Wednesday.",
                "Russian gas would reach Iran through Azerbaijan.",
            ),
            (FILLER,),
            droppable=(FILLER, "Russian gas would reach Iran through Azerbaijan."),
        ),
    ),
    _story(
        "sau-irn",
        "2025-11-25",
        _v(
            "Saudi and Iranian ministers meet in Beijing",
            (
                "The foreign ministers of Saudi Arabia and Iran met in Beijing on Monday.",
                "They discussed reopening embassies and resuming flights.",
            ),
            ("China hosted the meeting.", FILLER),
            droppable=(FILLER, "They discussed reopening embassies and resuming flights."),
        ),
    ),
)

OUTLETS: tuple[str, ...] = (
    "Reuters",
    "Reuters UK",
    "The Hindu",
    "Daily Sabah",
    "Jakarta Post",
    "Straits Times",
    "Arab News",
    "Kyiv Independent",
    "Buenos Aires Times",
    "Japan Times",
    "Korea Herald",
    "Nation Africa",
    "Le Monde English",
    "Tehran Times",
    "Global Times",
    "Dawn",
    "Gulf News",
    "Taipei Times",
)
#: Outlet families among OUTLETS (the rest are their own family).
OUTLET_GROUPS: dict[str, str] = {"Reuters": "reuters", "Reuters UK": "reuters"}

HEADLINE_EDITS = (
    lambda h: h + " - report",
    lambda h: "UPDATE: " + h,
    lambda h: h.replace(" and ", " & ", 1),
    lambda h: h + ", officials say",
    lambda h: h,
)


def all_stories() -> tuple[Story, ...]:
    return (_seed_story(), *STORIES)


def version_text(version: Version, rng: random.Random, *, edit: bool) -> str:
    """The text of a (re-)report: headline line, then paragraphs."""
    headline = rng.choice(HEADLINE_EDITS)(version.headline) if edit else version.headline
    blocks = [list(block) for block in version.blocks]
    if edit and len(blocks) > 1 and rng.random() < 0.7:
        blocks.reverse()  # paragraphs reordered: the later block first
    paragraphs = [p for block in blocks for p in block]
    if edit and version.droppable:
        dropped = rng.choice(version.droppable)
        paragraphs = [p.replace(dropped, "").strip() for p in paragraphs]
        paragraphs = [p for p in paragraphs if p]
    return "\n".join([headline, *paragraphs])


def _later(published: str, days: int) -> str:
    return (date.fromisoformat(published) + timedelta(days=days)).isoformat()


def rereports(story: Story, count: int, rng: random.Random) -> list[Generated]:
    """The originals of each version, then ``count`` re-reports spread over the versions.

    Each version is published by its own outlets (no outlet runs two versions), so the
    number of independent sources of an act is the number of versions reporting it.
    """
    made: list[Generated] = []
    groups: dict[str, list[str]] = {}
    for outlet in OUTLETS:
        groups.setdefault(OUTLET_GROUPS.get(outlet, outlet), []).append(outlet)
    ordered = list(groups.values())
    rng.shuffle(ordered)
    # Whole outlet families go to one version, so versions never share a source.
    per_version = [
        [o for group in ordered[i :: len(story.versions)] for o in group]
        for i in range(len(story.versions))
    ]
    for index, version in enumerate(story.versions):
        outlet = per_version[index][0]
        text = version_text(version, rng, edit=False)
        made.append(_generated(story, index, 0, text, outlet, story.published))
    for n in range(count):
        index = n % len(story.versions)
        version = story.versions[index]
        outlet = per_version[index][(n // len(story.versions) + 1) % len(per_version[index])]
        text = version_text(version, rng, edit=True)
        published = _later(story.published, rng.randint(0, 2))
        made.append(_generated(story, index, n + 1, text, outlet, published))
    return made


def _generated(
    story: Story, version: int, n: int, text: str, outlet: str, published: str
) -> Generated:
    headline, _, _body = text.partition("\n")
    document = Document(
        doc_id=f"{story.key}-v{version}-{n}",
        text=text,
        title=headline,
        published=published,
        outlet=outlet,
    )
    return Generated(document, story.key, version, OUTLET_GROUPS.get(outlet, outlet))


def corpus(per_story: int, seed: int = 7) -> list[Generated]:
    """Re-reports of every story, interleaved as a news feed would bring them."""
    rng = random.Random(seed)
    made = [g for story in all_stories() for g in rereports(story, per_story, rng)]
    originals = [g for g in made if g.document.doc_id.endswith("-0")]
    rest = [g for g in made if not g.document.doc_id.endswith("-0")]
    rng.shuffle(rest)
    return originals + rest
