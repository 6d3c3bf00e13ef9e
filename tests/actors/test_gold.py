from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.actors.gold_actor_eval import GOLD, score

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "gold" / "seed.jsonl"


@pytest.mark.slow
@pytest.mark.skipif(not GOLD.is_file(), reason="needs ../shared")
def test_gold_actor_mentions_country_and_sector_rates():
    result = score()
    # Measured 0.954 / 0.838 (bars 0.95 / 0.80). Five of the misses left are the gold
    # coding Red Cross, Red Crescent and Amnesty as IGO, where the gold README (and
    # Dotterel) code NGOs as NGO.
    assert result["country"] >= 0.95
    assert result["sector"] >= 0.83


@pytest.mark.skipif(not SEED.is_file(), reason="needs ../shared")
def test_seed_article_actors(run):
    doc_data = json.loads(SEED.read_text().splitlines()[0])
    doc = run(doc_data["text"], doc_data["published"])
    by_text: dict[str, list] = {}
    for entity in doc._.actors:
        by_text.setdefault(entity.text, []).append(entity)
    assert by_text["Russian Foreign Minister Sergey Lavrov"][0].code == "RUSGOV"
    assert by_text["US intelligence"][0].code == "USASPY"
    assert by_text["Chinese firms"][0].code == "CHNBUS"
    assert by_text["DPRK troops"][0].code == "PRKMIL"
    assert by_text["Kazem Jalali"][0].code == "IRNGOV"
    assert by_text["Iran's ambassador to Russia"][0].code == "IRNGOV"
    assert by_text["DRPK"][0].country == "PRK"
    assert by_text["US Congress"][0].country == "USA"
    pres = [e for e in doc._.actors if e.text.startswith("Iranian president")]
    assert pres and pres[0].canonical == "Masoud Pezeshkian"
    assert {e.country for e in by_text["Moscow"]} == {"RUS"}
    parties = [e for e in doc._.actors if e.why and e.why.startswith("coref:parties")]
    assert "CHN" in {e.country for e in parties}
    them = [e for e in doc._.actors if e.text == "them"]
    assert sorted(e.country for e in them) == ["CHN", "IRN", "PRK", "RUS"]
    they = [e for e in doc._.actors if e.text == "they" and e.start < 200]
    assert sorted(e.country for e in they) == ["IRN", "RUS"]
    assert {e.code for e in by_text["CNN"]} == {"USAMED"}
