"""PLOVER category groups, modes and rule names the event-coding modules share.

These are coding decisions about the ontology (which categories are always done to
someone, which are cooperative), not English word lists: those live in
``data/cues.yaml``.
"""

from __future__ import annotations

# Reason clauses of these categories name the act the recipient is blamed for.
CHARGE_TYPES = frozenset({"ACCUSE", "SANCTION", "COERCE", "PROTEST"})
# Violence and coercion are events even when no perpetrator is named.
AGENTLESS_TYPES = frozenset({"ASSAULT", "COERCE"})
PROMISE_TYPES = frozenset({"AGREE"})
# "signed a peace agreement, formally ending their war": the result clause of these acts
# is the act itself.
COOPERATIVE_RESULT_TYPES = frozenset({"SUPPORT", "AGREE", "COOPERATE", "CONSULT"})
HOSTILE_CONTENT = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE"})
# Acts that are always done to someone: without a recipient the coder has missed the
# target, and a one-sided record would only mislead.
TARGETED_TYPES = frozenset(
    {"ACCUSE", "REQUEST", "THREATEN", "SANCTION", "COERCE", "ASSAULT", "AID", "REJECT", "PROTEST"}
)
# Threats are aimed at someone: with no one named in their clause, at the one other
# party of their sentence. (Tried on accusations, appeals and support too: there the
# other party is as often a bystander.)
STANCE_TYPES = frozenset({"THREATEN"})
# Acts addressed to "both sides".
SIDE_TYPES = frozenset({"REQUEST", "AGREE", "SUPPORT", "ACCUSE"})
# Stances taken on an act named only by a word for acts ("welcomed the step").
STANCE_ON_ACTS = frozenset({"SUPPORT", "ACCUSE"})
COOPERATIVE_ACTS = frozenset({"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "RETREAT", "CONCEDE"})
# Acts aimed at a territory when no party is named: "deployed troops in Lebanon",
# "lifted the curfew in Montenegro".
PLACE_TARGET_TYPES = TARGETED_TYPES | {"MOBILIZE", "CONCEDE"}
# Domestic acts whose counterpart often goes unnamed: a protest or strike is aimed at the
# authorities ("thousands marched through Nairobi"), a curfew or crackdown at the public
# ("authorities imposed a curfew"), a concession made to it ("lifted the curfew"). Done by
# a sector actor (police, protesters, a court, a government) they get that implicit
# counterpart, placed later where the act happens; a bare state ("Iran arrested ...")
# still needs a named target.
DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE", "CONCEDE"})
# CAMEO code of signing a formal agreement (PLOVER SUPPORT in this coder's lexicon).
SIGNING_CAMEO = "057"
# CAMEO codes of concessions made by a person (regret, apology), addressed anywhere.
PERSONAL_CONCESSIONS = frozenset({"055"})
# Nominal acts that need no counterpart when their actor's verb carries them.
ONE_SIDED_NOUN_TYPES = frozenset({"RETREAT"})
#: Acts on a thing that fall on its owner ("struck down the president's decision",
#: "revoked a broadcaster's licence"); a demand for "the officers' release" is not
#: made of the officers.
OWNER_TARGET_TYPES = frozenset({"SANCTION", "COERCE", "ACCUSE", "REJECT"})

# Sectors through which a state acts (its forces, officials, spies, police): what it
# deploys or sends, not whom it acts upon.
INSTRUMENT_ROLES = frozenset({"MIL", "GOV", "SPY", "COP"})
#: Acts done by addressing someone: their object is the one addressed ("urged the
#: authorities to ...", "accused security forces of ..."), never an instrument moved.
ADDRESSED_TYPES = frozenset({"ACCUSE", "REQUEST"})

#: PLOVER COERCE modes only a state's authorities use (shutting networks, censoring).
STATE_CONTROL_MODES = ("withhold", "censor")
#: PLOVER COERCE modes acting on a whole population (shutdowns, states of emergency).
POPULATION_MODES = frozenset({"withhold", "martial-law"})
#: PLOVER RETREAT modes of a release from custody (CAMEO 0841).
RELEASE_MODES = frozenset({"release"})
#: PLOVER acts that hold people, which a release undoes (arrests, abductions).
DETENTION_ACTS = frozenset({("COERCE", "arrest"), ("ASSAULT", "abduct")})
# Modes of the violent acts that, done by a crowd, are a riot.
CROWD_ACT_MODES = frozenset({"destroy", "seize", "primitive", None, ""})

# Statements a reply answers ("rejected the accusation", "turned down the offer"): what
# one party says to another, not what it does (events/links.py, resolve_replies).
REPLIED_TYPES = frozenset({"ACCUSE", "REQUEST", "PROTEST", "THREATEN", "AGREE", "SUPPORT"})
REPLY_RULE = "arg:reply-to"
# What a bare refusal answers ("Chile asked Peru to ...; Peru refused"): a request, or an
# offer or invitation (PLOVER AGREE), made to the refuser.
REFUSED_TYPES = frozenset({"REQUEST", "AGREE"})
REFUSAL_RULE = "arg:refusal-of"

# How many sentences back a recipient, a claim of responsibility or an act named by
# anaphor is looked for.
CARRY_OVER_SENTENCES = 3

# Rule names one module writes into ``event.rules`` and another reads.
NEEDS_TARGET = "arg:needs-target"
UNPLACED_VICTIMS = "arg:unplaced-victims"
IMPLICIT_COUNTERPART = "arg:implicit-counterpart"
#: An agentless release whose releaser (and, if unnamed, whose released) the detention
#: it undoes gives (``EventLinks.undo_detentions``).
IMPLICIT_RELEASER = "arg:implicit-releaser"
POPULATION_WIDE = "arg:population-wide"
ACT_ANAPHOR = "object-act:"
