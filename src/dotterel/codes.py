"""The country-level code vocabulary every stage shares (CAMEO actor codes).

A participant's code is a three-letter country-level part (an ISO 3166-1 alpha-3 state,
a bloc or region, or a non-state prefix) followed by CAMEO sector codes ("RUSGOV",
"IGOUNO", "KENCOP"). These sets are definitions of that coding scheme, not word lists.
"""

from __future__ import annotations

from dotterel.records import Entity

#: Country-level parts that name no state: international, non-governmental,
#: multinational and international militarised organisations.
NON_STATE_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC"})
#: Blocs and world regions (Western, European, Middle East, African, Asian, Latin
#: American): never the state of a place ("West Darfur" starts with one).
REGION_CODES = frozenset({"WST", "EUR", "MEA", "AFR", "ASA", "LAM"})
#: Every bloc or region code of the dictionaries: the regions above and the sub-regions
#: of the Phoenix codes (West, East and Southern Africa, South-East and Central Asia).
BLOC_CODES = REGION_CODES | frozenset({"WAF", "EAF", "SAF", "SEA", "CAS"})
#: Country-level parts that are no state: non-state prefixes and blocs.
NOT_STATES = NON_STATE_PREFIXES | BLOC_CODES
#: Sectors of the state: government, military, police, judiciary, legislature, spies.
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def sector_of(entity: Entity) -> str | None:
    """The CAMEO sector of a participant ("KENCOP" → COP), if it has one."""
    if entity.role:
        return entity.role
    code = entity.code or ""
    if len(code) >= 6 and code[:3] not in NON_STATE_PREFIXES:
        return code[3:6]
    return None
