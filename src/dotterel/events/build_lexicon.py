"""Regenerate the event lexicon data files from the public reference files.

Run by hand from the repository root (it reads ``../shared/reference``, which is not
shipped with the package)::

    PYTHONPATH=src .venv/bin/python -m dotterel.events.build_lexicon [SHARED_DIR]

Only *facts* are taken from the references: CAMEO codes, names and Goldstein scores
(``cameo/eventtypes*.csv``), the CAMEO→PLOVER conversion table, the PLOVER quad classes,
modes and scores (``plover/PLOVER_MANUAL.tex``) and verb/object→code pairs of the
PETRARCH verb dictionary (``phoenix/CAMEO.2.0.txt``). No prose or example sentence is
copied. The hand-curated trigger tables below take precedence over the dictionary.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from dotterel.records import PLOVER_TYPES

PLOVER = list(PLOVER_TYPES)


def _words(text: str) -> set[str]:
    return set(text.split())


OLD_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "CRIME": "",
}
QUADS = {
    "VERBAL COOPERATION": 1,
    "MATERIAL COOPERATION": 2,
    "VERBAL CONFLICT": 3,
    "MATERIAL CONFLICT": 4,
}
DEFAULT_CAMEO = {
    "AGREE": "030",
    "CONSULT": "040",
    "SUPPORT": "050",
    "CONCEDE": "080",
    "COOPERATE": "060",
    "AID": "070",
    "RETREAT": "084",
    "REQUEST": "100",
    "ACCUSE": "110",
    "REJECT": "120",
    "THREATEN": "130",
    "PROTEST": "140",
    "SANCTION": "160",
    "MOBILIZE": "150",
    "COERCE": "170",
    "ASSAULT": "190",
}
# The manual's score table gives ACCUSE +3 while all its ACCUSE modes are negative
# (-2, -3.5): an evident sign slip, corrected here.
SCORE_FIXES = {("ACCUSE", ""): -3.0}

# Conversion-table rows the current manual overrides (its SANCTION section codes
# international sanctions as SANCTION 'discontinue'; 'ease' and 'return' are no longer
# modes; assassinations are ASSAULT 'targeted').
CAMEO_FIXES: dict[str, tuple[str, str, str | None]] = {
    "163": ("SANCTION", "discontinue", None),
    "085": ("RETREAT", "", None),
    # the manual's CONCEDE covers removing curfews and easing legal restrictions
    "0813": ("CONCEDE", "", None),
    "0814": ("CONCEDE", "", None),
    "0842": ("RETREAT", "release", None),
    "185": ("ASSAULT", "targeted", None),
    "186": ("ASSAULT", "targeted", None),
    "175": ("ASSAULT", "crowd-control", "pro_autocracy;repression"),
    "1712": ("ASSAULT", "destroy", None),
    "176": ("COERCE", "cyber", "cyber"),
    "155": ("MOBILIZE", "weapons", "cyber"),
    "1834": ("ASSAULT", "explosives", None),
    "1951": ("ASSAULT", "aerial", "military"),
    "1952": ("ASSAULT", "drone", "military"),
    "195": ("ASSAULT", "aerial", "military"),
    "132": ("THREATEN", "restrict", None),
    "1321": ("THREATEN", "restrict", None),
    "1322": ("THREATEN", "restrict", None),
    "1722": ("COERCE", "restrict", None),
    "200": ("ASSAULT", "", None),
    "201": ("ASSAULT", "", None),
    "202": ("ASSAULT", "", None),
    "203": ("ASSAULT", "", None),
}

# --------------------------------------------------------------------------------------
# Hand-curated triggers. One line: ``lemma[+particle] CODE [object ...] [!PLOVER]
# [@mode] [# note]``. CODE ``x`` marks a blocker: the verb with those objects is not an
# event (e.g. "release a statement"). ``&GROUP`` expands to a group below. ``!PLOVER``
# overrides the category the CAMEO code maps to; ``@mode`` the mode ("@-" = none).
# --------------------------------------------------------------------------------------
GROUPS = {
    "WEAPON": "weapon arm armament drone missile rocket munition ammunition shell tank jet "
    "fighter aircraft helicopter warplane artillery howitzer launcher system equipment "
    "hardware gun rifle bomb warship submarine vehicle interceptor",
    "TROOP": "troop soldier force forces personnel unit battalion brigade contingent "
    "reinforcement marine paratrooper army military mercenary",
    "AIDN": "aid assistance help support relief supply funding fund money loan grant "
    "package donation",
    "HUMAN": "food medicine medical water shelter tent blanket vaccine fuel",
    "TALKS": "talk negotiation consultation discussion dialogue meeting summit conference",
    "SANCT": "sanction penalty embargo tariff restriction ban measure boycott fine levy duty",
    "DEAL": "agreement treaty deal accord pact memorandum contract protocol charter "
    "declaration convention communique",
    "CAPTIVE": "prisoner hostage detainee captive journalist activist dissident soldier "
    "sailor crew citizen national people person civilian worker man woman child "
    "student opposition leader",
    "PUBL": "statement report video footage figure data document image photo photograph "
    "album film book record detail result finding information plan budget version "
    "update transcript recording list audio letter name identity analysis study "
    "survey poll forecast guidance memoir song game product earnings",
    "DIPLO": "ambassador envoy diplomat consul charge attache",
    "TIES": "tie relation relationship link contact",
    "PLACE": "town city village territory area region province district base airport "
    "position stronghold port capital border island control outpost hill settlement "
    "oblast district",
    "ACCN": "accusation allegation charge claim report suggestion assertion criticism "
    "rumour rumor speculation notion",
    "PROT": "protest demonstration rally march sit-in strike walkout picket",
    "MONEY": "dollar euro yen yuan pound franc rupee million billion cash money $",
    "CARGO": "ton tonne kg kilogram kilo consignment cargo batch truckload planeload shipload "
    "worth good material",
    "SHARE": "intelligence information data expertise evidence technology know-how experience",
    "ATK": "attack strike airstrike raid assault offensive bombing invasion operation incursion",
}

CURATED_VERBS = """
# ---- AGREE (03x): expressions of intent, promises, offers, accepting settlements
agree 030
agree+to 030
agree+on 030
agree+upon 030
agree+to 0356 ceasefire truce armistice de-escalation
pledge 030
pledge 033 &AIDN &HUMAN
pledge 0332 &WEAPON &TROOP
promise 030
promise 033 &AIDN &HUMAN
promise 0332 &WEAPON &TROOP
vow 030
vow 138 revenge retaliation retribution response !THREATEN @violence # vowing revenge threatens
avenge 138 !THREATEN @violence
swear 030
swear 138 revenge retaliation retribution response !THREATEN @violence
swear+in x # taking an oath of office
offer 030
offer 033 &AIDN &HUMAN
offer 0332 &WEAPON
offer 036 &TALKS
offer 039 mediation
offer 075 asylum refuge sanctuary !AID @- # an offer of asylum grants it
commit+to 030
guarantee 030
consent 030
accept 030 proposal plan offer deal invitation ceasefire truce proposition settlement
accept 030 formula framework roadmap road-map resolution initiative compromise
accept 038 mediation
accept 083 demand condition term ultimatum
accept 0831 resignation
accept x responsibility blame # claiming responsibility is a statement (015)
reach 030 &DEAL agreement understanding consensus compromise settlement
strike 030 &DEAL bargain compromise
settle 037 dispute difference conflict row quarrel disagreement feud
settle+on 030
broker 045 &DEAL ceasefire truce
# ---- CONSULT (04x)
meet 040
meet+with 040
visit 042
host 043
receive 043 delegation minister president envoy ambassador leader counterpart
receive 043 premier chancellor king prime
welcome 043 delegation minister president envoy ambassador leader counterpart
welcome 043 premier chancellor king prime
hold 040 &TALKS phone call consultation
hold 046 negotiation
hold 141 protest demonstration rally march sit-in vigil
hold 143 strike walkout
hold 150 exercise drill maneuver manoeuvre wargame
hold 181 hostage captive
discuss 040
negotiate 046
consult 040
consult+with 040
confer 040
confer+with 040
talk+with 040
talk+to 040
converse 040
phone 041
telephone 041
call 041 counterpart
speak+with 041
tour 042
travel+to 042
fly+to 042
attend 040 summit meeting talk conference session negotiation forum
convene 040
mediate 045
engage+in 046 &TALKS
resume 046 &TALKS
renew 046 &TALKS
reopen 046 &TALKS
restart 046 &TALKS
return+to 046 table talk negotiation
open 046 &TALKS
begin 046 &TALKS
start 046 &TALKS
exchange 040 view greeting opinion idea
invite 036
# ---- SUPPORT (05x)
support 051
back 051
endorse 051
praise 051
commend 051
hail 051
laud 051
applaud 051
welcome 051
congratulate 051
thank 051
salute 051
approve 051
embrace 051
reaffirm 051
express 051 support solidarity backing approval gratitude
voice 051 support solidarity backing approval
rally+behind 053
rally+around 053
rally 053 support
side+with 051
stand+with 051
stand+by 051
defend 052
recognize 054
recognise 054
sign 057
ratify 057
conclude 057 &DEAL
finalize 057 &DEAL
finalise 057 &DEAL
initial 057 &DEAL
apologize 055 !CONCEDE # manual: regret or remorse is CONCEDE
apologise 055 !CONCEDE
express 055 regret remorse sorrow apology !CONCEDE
express 111 indignation outrage anger dismay displeasure disapproval condemnation !ACCUSE
voice 111 indignation outrage anger dismay displeasure disapproval condemnation !ACCUSE
regret 055 !CONCEDE
forgive 056
forgive 071 debt loan !AID
cancel 071 debt !AID
write+off 071 debt !AID
normalize 050 &TIES
normalise 050 &TIES
restore 050 &TIES
establish 050 &TIES embassy
upgrade 050 &TIES
renew 050 &TIES
deepen 050 &TIES cooperation partnership
strengthen 050 &TIES cooperation partnership
give 051 approval backing endorsement blessing go-ahead nod
# ---- COOPERATE (06x)
cooperate 060
cooperate+with 060
cooperate+on 060
co-operate 060
collaborate 060
coordinate 060
partner+with 060
team+up 060
join+forces 060 # only as object: "join forces"
join 060 force
trade 061
trade+with 061
invest 061
invest+in 061
export 061
import 061
extradite 063
share 064 &SHARE
exchange 064 &SHARE
train 062 &TROOP pilot officer
# ---- AID (07x)
provide 070
provide 071 fund funding money loan credit grant cash financing budget
provide 072 &WEAPON &TROOP training
provide 073 &HUMAN relief humanitarian
provide 075 asylum refuge sanctuary
supply 070
supply 072 &WEAPON
supply 073 &HUMAN
supply x information detail data
send 070 &AIDN &CARGO
send 073 &HUMAN relief humanitarian
send 072 &WEAPON &TROOP
send 042 envoy delegation diplomat minister representative mission team
send 074 peacekeeper
deliver 070 &AIDN &CARGO
deliver 072 &WEAPON
deliver 073 &HUMAN relief
deliver 139 ultimatum !THREATEN
ship 072 &WEAPON
ship 070 &AIDN &CARGO
transfer 072 &WEAPON
sell 072 &WEAPON
sell 072 technology component part know-how material
export 072 &WEAPON
give 070 &AIDN &MONEY
give 072 &WEAPON
give 075 asylum refuge sanctuary
give 139 ultimatum !THREATEN
grant 075 asylum refuge sanctuary
grant 071 &AIDN
grant 081 amnesty pardon clemency !CONCEDE
grant 086 access permission
grant 054 recognition independence
donate 070
donate 073 &HUMAN
hand+over 073 &HUMAN relief humanitarian
hand+over 070 &AIDN &CARGO &MONEY
hand+over x &PUBL # handing over a letter or a report
fund 071
finance 071
lend 071
loan 071
allocate 071
arm 072
assist 070
rescue 073
airlift 073
evacuate 073
contribute 070
contribute 074 peacekeeper &TROOP
# ---- CONCEDE (080-083) and RETREAT (084+)
concede 080
yield+to 080
relent 080
back+down 080
give+in 080
give+up 080
cede 080
ease 081 restriction rule control measure
ease 0813 curfew
ease 0814 emergency
relax 081 restriction rule control measure
relax 0813 curfew
shorten 0813 curfew
lift 081 restriction rule control measure
remove 081 restriction rule control measure
cancel 081 restriction rule control measure
scrap 081 restriction rule control measure
end 0813 curfew
end 0814 emergency
call+off 080 &PROT hunger # suspending protests is a concession
suspend 080 &PROT hunger
end 080 &PROT hunger
withdraw 0832 demand claim request condition objection
pardon 081
commute 081 sentence
amnesty 081
reverse 0832 decision policy ban ruling course
scrap 0832 plan policy ban rule law requirement
abandon 0832 plan policy demand claim
drop 0832 demand claim
drop 081 charge case
drop 195 bomb munition !ASSAULT
withdraw 087 @withdraw
withdraw 087 &TROOP @withdraw
withdraw 161 &DIPLO
withdraw 162 &AIDN
withdraw 1662 inspector observer monitor verifier mission !SANCTION @expel
withdraw 1661 peacekeeper peacekeeping !SANCTION @expel
pull+out 1662 inspector observer monitor !SANCTION @expel
withdraw+from 164 &DEAL &TALKS membership organization alliance bloc
withdraw x candidacy bid nomination complaint lawsuit
pull+out 087 @withdraw
pull+back 087 @withdraw
pull 087 &TROOP @withdraw
leave 087 &TROOP @withdraw
retreat 0874 @withdraw
release 0841
release 0841 &CAPTIVE
release 0842 body remains asset fund property vessel ship tanker
release x &PUBL
free 0841
set+free 0841
liberate 0841
repatriate 0841
swap 0841 prisoner captive detainee
exchange 0841 prisoner captive detainee
hand+over 0842
hand+over 063 suspect fugitive militant terrorist criminal defendant !COOPERATE
return 0842 territory property body remains land asset artifact
return 0873 &WEAPON # giving up weapons is RETREAT disarm
hand+over 0873 &WEAPON
lift 085 &SANCT
lift 0813 curfew
lift 0814 emergency state law
lift 0872 blockade siege
ease 085 &SANCT
remove 085 &SANCT
unfreeze 085
suspend 085 &SANCT
end 085 &SANCT
allow 086 inspector observer access peacekeeper monitor
permit 086 inspector observer access peacekeeper monitor
open 0863 corridor crossing
reopen 0863 corridor crossing border
disarm 0873
demobilize 0873
demobilise 0873
surrender 0874
declare 0871 ceasefire truce armistice
resign 0831 !RETREAT @resign # manual: official resignation is RETREAT resign
step+down 0831 !RETREAT @resign
quit 0831 post office job presidency premiership !RETREAT @resign
halt 087 offensive attack fighting strike bombing operation hostility advance
stop 087 offensive attack fighting strike bombing operation hostility advance
end 087 war conflict fighting offensive hostility occupation siege operation
# ---- REQUEST (10x); CAMEO 02x appeals have no PLOVER event in the conversion
# table, but PLOVER REQUEST covers "all requests, demands and orders", so requests are
# coded with the matching 10x demand codes.
demand 100
demand 1053 release freedom
demand 1041 resignation ouster removal dismissal
demand 1056 withdrawal ceasefire truce pullout de-escalation
demand 106 &TALKS
demand 1054 lifting
urge 100
urge 1056 restraint de-escalation ceasefire
ask 100
ask+for 100
ask+for 103 &AIDN &WEAPON
ask+for 1033 asylum refuge
request 100
request 103 &AIDN &WEAPON
call+on 100
call+upon 100
call+for 100
call+for 1041 resignation ouster removal dismissal election
call+for 1053 release
call+for 1056 ceasefire truce restraint de-escalation withdrawal pullout end halt cessation
call+for 106 &TALKS mediation
call+for 103 &AIDN
appeal 100
appeal+to 100
appeal+for 100
appeal x ruling verdict conviction sentence decision # legal appeal
appeal+against x ruling verdict conviction sentence decision
press 100
press+for 100
push+for 100
pressure 100
pressure+into 100
lobby 100
lobby+for 100
implore 100
beg 100
plead 100
plead x guilty innocent
petition 100
encourage 100
order 100
order 1056 withdrawal ceasefire pullout
order 173 arrest detention !COERCE
seek 100
seek 103 &AIDN
seek 1033 asylum refuge
# ---- ACCUSE (09x investigate, 11x disapprove / allege)
accuse 112
allege 112
blame 112
blame+for 112
charge 112 @allege # manual: "indict, or charge" is ACCUSE allege (CAMEO 173 puts it in arrest)
charge+with 112 @allege
indict 1121 @allege
prosecute 115
sue 115
impeach 115
implicate 112
criticize 111
criticise 111
condemn 111
denounce 111
decry 111
deplore 111
slam 111
blast 111
lambast 111
lambaste 111
rebuke 111
reprimand 111
censure 111
chastise 111
castigate 111
berate 111
assail 111
scold 111
vilify 111
disparage 111
insult 111
mock 111
ridicule 111
label 111
brand 111
disapprove 110
object+to 110
oppose 110
oppose 120 proposal plan deployment mediation idea initiative resolution !REJECT
oppose 120 bill deal intervention membership !REJECT
complain 114
lodge 114 protest complaint objection
file 114 complaint objection grievance
file 115 lawsuit suit case charge petition
summon 114 &DIPLO
summon 114
investigate 090
probe 090
open 090 investigation inquiry probe case hearing
launch 090 investigation inquiry probe hearing
send 090 inspector investigator
dispatch 090 inspector investigator
interrogate 090
trade 111 accusation barb insult blame charge
# ---- REJECT (12x)
reject 120
reject 125 &TALKS
reject 127 &DEAL plan proposal
reject 120 call appeal demand request offer invitation suggestion bid plea initiative idea ultimatum
reject x &ACCN # rejecting an accusation is a denial, not an event
refuse 120
renege 120
renege+on 120
meet 083 demand condition requirement !CONCEDE
meet x deadline target goal standard criterion need expectation obligation quota
rebuff 120
spurn 120
turn+down 120
rule+out 120
veto 129
block 129 resolution bill proposal deal motion measure sale bid nomination
block 144 road highway street access entrance bridge route traffic transport railway !PROTEST
block 144 motorway freeway expressway crossing junction intersection square !PROTEST
dismiss 120 proposal plan offer call demand request idea appeal initiative
dismiss x &ACCN
decline 120 offer invitation request proposal demand call
defy 128
flout 128
violate 128
violate 196 ceasefire truce armistice !ASSAULT
breach 128
breach 196 ceasefire truce armistice !ASSAULT
ignore 128 call demand appeal warning ultimatum order ruling
resist 124
boycott 143 !PROTEST @boycott
# ---- THREATEN (13x)
threaten 130
threaten 1312 &SANCT
threaten 138 force attack strike war retaliation invasion action
warn 130
warn+of 130
menace 130
intimidate 130
issue 130 threat warning
issue 139 ultimatum
make 130 threat
give 130 warning
# ---- PROTEST (14x)
protest 140
protest+against 141
demonstrate 141
demonstrate+against 141
march 141
rally 141
picket 141
riot 145
walk+out 143
go+on 143 strike
stage 141 protest demonstration rally march sit-in
stage 143 strike walkout
stage 190 &ATK !ASSAULT
take+to 141 street
stop 143 work
# ---- SANCTION (16x; 163 follows the manual, see CAMEO_FIXES)
sanction 163
impose 163 &SANCT
impose 1723 curfew !COERCE
impose 1724 law emergency !COERCE
impose 191 blockade siege !COERCE
reimpose 163 &SANCT
reimpose 1723 curfew !COERCE
reimpose 1724 law emergency !COERCE
reimpose 191 blockade siege !COERCE
extend 1723 curfew !COERCE
extend 1724 emergency !COERCE
tighten 191 blockade siege !COERCE
slap 163 &SANCT
blacklist 163
penalize 163
penalise 163
embargo 163
ban 163
prohibit 163
prohibit 172 protest rally demonstration gathering assembly !COERCE
force+out 174 !COERCE
force+out 166 agency organization organisation mission observer monitor inspector &DIPLO
ban 1722 party group organization opposition movement politician candidate !COERCE
ban 172 protest rally demonstration gathering assembly !COERCE
ban 1721 newspaper medium website outlet book broadcaster channel !COERCE
freeze 163 asset account fund reserve holding property
freeze 162 &AIDN
freeze 164 &TALKS
freeze 161 &TIES
expel 166
expel 174 migrant refugee worker journalist foreigner national citizen asylum-seeker !COERCE
recall 161 &DIPLO
sever 161 &TIES
cut 161 &TIES
cut 162 &AIDN
cut+off 161 &TIES
cut+off 162 &AIDN
cut+off 160 gas oil supply export
break+off 161 &TIES
break 161 &TIES
downgrade 161 &TIES
close 161 embassy consulate mission
close 160 border airspace port crossing
withhold 162 &AIDN payment
reduce 162 &AIDN
halt 162 &AIDN export delivery shipment payment
stop 162 &AIDN export delivery shipment payment
suspend 160
suspend 1721 constitution parliament right freedom liberty publication !COERCE
suspend 164 &TALKS
suspend 162 &AIDN export delivery shipment
suspend 161 &TIES
suspend 166 membership participation
end 161 &TIES
end 162 &AIDN
end 164 &TALKS
cancel 164 &TALKS visit trip
call+off 164 &TALKS visit trip
halt 164 &TALKS
halt 165 mediation
end 165 mediation
suspend 165 mediation
abandon 165 mediation
revoke 160
convict 116 !SANCTION @convict # manual: finding guilty is SANCTION convict
sentence 116 !SANCTION @convict
# ---- MOBILIZE (15x)
mobilize 154
mobilise 154
mobilize 153 police
mobilise 153 police
mobilize x support opinion resource fund voter public
mobilise x support opinion resource fund voter public
strengthen 154 &TROOP presence garrison
boost 154 &TROOP presence garrison
bolster 154 &TROOP presence garrison
beef+up 154 &TROOP presence garrison
increase 154 &TROOP presence garrison
deploy 154
deploy 153 police
deploy 154 &WEAPON @weapons
deploy 074 peacekeeper !AID
mass 154
amass 154
station 154 &TROOP &WEAPON
reinforce 154
dispatch 154 &TROOP
dispatch 154 &WEAPON @weapons
dispatch 042 envoy delegation diplomat minister
dispatch 073 &AIDN &HUMAN
send 154 reinforcement
move 154 &TROOP
conscript 154
call+up 154
scramble 152 jet fighter aircraft warplane
put 152 alert
remain+on 152 alert readiness
stay+on 152 alert readiness
place+on 152 alert
keep+on 152 alert
raise 152 alert readiness
build+up 154
test 150 missile weapon bomb rocket device @weapons
test-fire 150 @weapons
conduct 150 exercise drill maneuver manoeuvre wargame test
carry+out 150 exercise drill maneuver manoeuvre test
# ---- COERCE (17x)
arrest 173
detain 173
jail 173
imprison 173
incarcerate 173
apprehend 173
round+up 173
take+into 173 custody
raid 171
search 171 home house office premises headquarters
confiscate 1711
expropriate 1711
nationalize 1711
nationalise 1711
seize 171
seize 192 &PLACE
capture 181
capture 192 &PLACE !COERCE
take 192 &PLACE !COERCE
take+over 192
occupy 192
annex 192
blockade 191
besiege 191
restrict 172
outlaw 1722
censor 1721
shut+down 1721 newspaper website outlet station channel broadcaster
deport 174
crack+down 170
hack 176
conduct 171 search
carry+out 173 arrest
# ---- ASSAULT (18x-20x)
attack 190
strike 190
bomb 195
shell 194
bombard 194
kill 190
murder 1823
assassinate 186
massacre 202
slaughter 202
execute 1823
execute x plan order strategy deal contract trade transaction program project warrant
behead 1823
lynch 1823
torture 1822
rape 1821
beat 182
assault 182
crush 190
crush 175 protest demonstration dissent uprising revolt rebellion unrest opposition !COERCE
abuse 182
abuse x power authority position office privilege trust right drug substance
wage 190 war &ATK
stab 1823 @primitive
shoot 193
shoot+down 190 @aerial
gun+down 193
invade 190
ambush 190
storm 190
clash 190
clash+with 190
fight 190
battle 190
hit 190
hit 163 &SANCT !SANCTION
target 190
retaliate 190
fire 190 &WEAPON shot bullet shell mortar round
fire+on 190
fire+at 190
open 190 fire
launch 190 &ATK
launch 190 &WEAPON
launch 141 protest campaign !PROTEST
conduct 190 &ATK
carry+out 190 &ATK
carry+out 183 bombing
destroy 1712
demolish 1712
raze 1712
torch 1712
set 1712 fire # "set fire to", "set on fire"
kidnap 181
abduct 181
hijack 181
take 181 hostage captive prisoner
detonate 183
blow+up 183
poison 180
wound 190
injure 190
""".strip()

CURATED_NOUNS = """
# lemma CODE [!PLOVER] [@mode] [needs=verb] [# note]
# needs=verb: the noun names an agreement or state, not an act; it only counts as the
# object of a trigger verb ("sign a treaty"), never alone.
agreement 030 needs=verb
treaty 030 needs=verb
accord 030 needs=verb
pact 030 needs=verb
deal 030 needs=verb
memorandum 030 needs=verb
partnership 060 needs=verb
pledge 030
promise 030
offer 030
commitment 030
visit 042
trip 042
capture 181 @abduct
tour 042
talk 046
negotiation 046
meeting 040
summit 040 @multilateral
consultation 040
discussion 040
dialogue 040
conference 040 @multilateral
mediation 045
welcome 043 # "gave a warm welcome to"
support 051
backing 051
endorsement 051
approval 051
praise 051
solidarity 051
recognition 054
apology 055
signing 057
ratification 057
cooperation 060
co-operation 060
collaboration 060
extradition 063
aid 070
assistance 070
supply 070
delivery 070
shipment 070
contribution 070
donation 070
transfer 070
funding 071
loan 071
bailout 071
relief 073
rescue 073 # the manual codes rescues of hostages as AID
airlift 073
asylum 075
concession 080
pardon 081
amnesty 081
withdrawal 087 @withdraw
coup 175 !COERCE needs=verb # names an act: "condemned the coup"
takeover 175 !COERCE needs=verb
pullout 087 @withdraw
pull-out 087 @withdraw
retreat 0874 @withdraw
release 0841
repatriation 0841
swap 0841
ceasefire 0871
cease-fire 0871
truce 0871
armistice 0871
surrender 0874
disarmament 0873
demobilization 0873
lifting 085
resignation 0831 !RETREAT @resign
request 100
demand 100
appeal 100
plea 100
petition 100
accusation 112
allegation 112
charge 112 @allege
indictment 1121 @allege
lawsuit 115
complaint 114
condemnation 111
criticism 111
denunciation 111
rebuke 111
censure 111
investigation 090
probe 090
inquiry 090
enquiry 090
rejection 120
refusal 120
veto 129
defiance 128
violation 128
threat 130
warning 130
ultimatum 139
protest 140
demonstration 141
rally 141
sit-in 141
vigil 141
picket 141
walkout 143
boycott 143 @boycott
riot 145
hunger strike 142
general strike 143
sanction 163
penalty 163
embargo 163
tariff 163
ban 163
blacklisting 163
expulsion 166
suspension 160
conviction 116 !SANCTION @convict
deployment 154
mobilization 154
mobilisation 154
buildup 154
build-up 154
reinforcement 154
conscription 154
exercise 150 # single-country drills; joint drills are COOPERATE (coder decides)
drill 150
manoeuvre 150
maneuver 150
wargame 150
arrest 173
detention 173
imprisonment 173
crackdown 170
deportation 174
seizure 171
confiscation 1711
raid 171
curfew 1723 needs=verb
martial law 1724 needs=verb
censorship 1721
siege 191
blockade 191
occupation 192
annexation 192
cyberattack 176
cyber-attack 176
attack 190
strike 190 # labour strikes: see "general strike" / "hunger strike"
airstrike 195
air strike 195
bombing 195
bombardment 194
shelling 194
barrage 194
gunfire 190
artillery fire 194
rocket fire 194
mortar fire 194
tank fire 194
sniper fire 190
machine-gun fire 190
cross-border fire 190
offensive 190
invasion 190
incursion 190
assault 190
ambush 190
clash 190
fighting 190
skirmish 190
firefight 193
gunfight 193
gunbattle 193
shootout 193
battle 190
hostility 190
killing 190
massacre 202
cleansing 203
assassination 186
shooting 193
execution 1823
torture 1822
kidnapping 181
hostage-taking 181
abduction 181
hijacking 181
""".strip()

# The spaCy lemmatizer strips the "e" of some "-ed"/"-ing" forms ("staged" -> "stag",
# "waged" -> "wag"): these lemmas get copies of the real verb's curated rows.
LEMMA_ALIASES = {"stag": "stage", "wag": "wage"}

# Verbs that are never event triggers here, whatever the PETRARCH dictionary says:
# reporting verbs (the coder treats them as claim cues), denial cues, auxiliaries and
# very general verbs whose dictionary default would over-code.
EXCLUDED_VERBS = _words(
    """say tell announce state report declare add note claim insist deny reiterate
    confirm explain comment remark reply respond stress emphasize emphasise argue
    assert write describe quote predict estimate believe think expect hope want
    be have do go come get make take see look appear seem become leave put set place
    keep let give find show know feel try use begin start continue remain stay run
    turn move bring carry hold mark play include involve consider plan prepare intend
    cause lead follow live die work pay spend buy build open close win lose change
    develop form create produce grow rise fall increase reduce raise lower reach meet
    serve face pass vote elect appoint name nominate call speak talk write read ask
    arrive depart travel journey tour embark leave base post position station stage
    situate format arrange alter amend modify revise switch signal welcome"""
)
# The PETRARCH defaults come from WordNet synonym sets and over-code badly ("govern",
# "manage" -> material cooperation); only these hand-checked defaults are kept.
PETRARCH_DEFAULTS = _words(
    """shelve overrule acclaim compliment extol felicitate entreat exhort clamor clamour
    banish commandeer criminalize criminalise evict exile interdict nab proscribe quell
    rearrest re-arrest repress suppress recapture clamp+down cordon+off kick+out marshal
    muster annihilate blitz bludgeon butcher decapitate dynamite mistreat pillage plunder
    ransack ravage skirmish slay snipe stone strangle vandalize vandalise wipe+out repel
    terrorize overthrow rampage accede acquiesce capitulate relinquish waive acquit
    exonerate decriminalize decriminalise admonish belittle chide denigrate deride malign
    pillory reproach remonstrate scorn slander fault"""
)
# Object patterns survive only for these support verbs ("apply sanctions", "mount an
# attack"); the dictionary's other object patterns code the *noun's* event ("hurt in an
# attack"), which the noun triggers already cover.
PETRARCH_OBJECT_VERBS = _words(
    """accelerate adopt apply attempt commence complete enforce extend expand expedite
    hurl implement initiate intensify escalate introduce maintain mount observe
    perpetuate pursue rush schedule sponsor tighten toughen unleash wage relaunch
    redouble ratchet repeat transport distribute enter gather+for head+into wrap finish
    draft perform throw"""
)
PARTICLES = {
    "up",
    "down",
    "out",
    "off",
    "on",
    "in",
    "over",
    "back",
    "away",
    "with",
    "against",
    "for",
    "to",
    "into",
    "from",
    "at",
    "upon",
    "by",
    "about",
    "behind",
    "around",
}
STOP_OBJECTS = {
    "a",
    "an",
    "the",
    "to",
    "of",
    "not",
    "and",
    "or",
    "it",
    "its",
    "his",
    "her",
    "their",
    "himself",
    "herself",
    "themselves",
    "that",
    "this",
    "as",
    "new",
    "more",
    "all",
    "any",
}


def singular(word: str) -> str:
    """Crude English singular for dictionary object words (they are often plural)."""
    w = word.lower()
    irregular = {"forces": "forces", "arms": "arm", "talks": "talk", "people": "people"}
    if w in irregular:
        return irregular[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


# ---------------------------------------------------------------------------- references


def read_cameo_types(ref: Path) -> dict[str, tuple[str, float | None]]:
    """CAMEO code -> (name, goldstein) from the CAMEO event-type tables."""
    out: dict[str, tuple[str, float | None]] = {}
    for name in ("eventtypes.csv", "eventtypes-cameo-extra.csv"):
        with open(ref / "cameo" / name, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                code = row["code"].strip()
                gold = row["goldstein"].strip()
                out.setdefault(
                    code, (row["name"].strip(), float(gold) if gold and gold != "NA" else None)
                )
    return out


def read_plover_map(ref: Path) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """CAMEO code -> (PLOVER type, mode, contexts) from the conversion table."""
    out: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    line_re = re.compile(r"^(\d{2,4})\s*:\s*([^#]*)")
    text = (ref / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        m = line_re.match(line)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split(",")]
        ptype = fields[0].upper()
        ptype = OLD_NAMES.get(ptype, ptype)
        mode = fields[1].strip().lower() if len(fields) > 1 else ""
        ctx = fields[2] if len(fields) > 2 else ""
        contexts = tuple(c.strip().lower() for c in ctx.split(";") if c.strip())
        # the first row wins: "08: CONCEDE" precedes "08: RETREAT"
        out.setdefault(m.group(1), (ptype, mode, contexts))
    return out


def read_manual(ref: Path) -> tuple[dict, dict, dict]:
    """Quad class, modes and score table (category or category:mode) from the manual."""
    tex = (ref / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    quads: dict[str, int] = {}
    modes: dict[str, list[str]] = defaultdict(list)
    current = None
    for line in tex.splitlines():
        m = re.match(r"\\section\{([A-Z]+)\}", line)
        if m:
            current = m.group(1) if m.group(1) in PLOVER else None
            continue
        if current is None:
            continue
        m = re.match(r"\\subsection\{Quad category:\s*([A-Z ]+)\}", line)
        if m:
            quads[current] = QUADS[m.group(1).strip()]
            continue
        m = re.match(r"^([a-z][a-z_-]*)\s*&", line)
        if m and m.group(1) not in modes[current]:
            modes[current].append(m.group(1))
    scores: dict[tuple[str, str], float] = {}
    table = tex[tex.rindex("PLOVER conflict--cooperation scores") :]
    table = table[: table.index("\\end{tabular}")]
    cell = re.compile(r"([A-Z]+)(?::\s*([A-Za-z-]+))?\s*&\s*(-?\d+(?:\.\d+)?)")
    clean = re.sub(r"\\cellcolor\{[^}]*\}", "", table)
    for cat, mode, score in cell.findall(clean):
        if cat in PLOVER:
            scores[(cat, (mode or "").lower())] = float(score)
    scores.update(SCORE_FIXES)
    return quads, dict(modes), scores


def resolve_cameo(
    types: dict[str, tuple[str, float | None]],
    pmap: dict[str, tuple[str, str, tuple[str, ...]]],
) -> dict[str, tuple[str, float | None, str, str, tuple[str, ...], str]]:
    """Every CAMEO code with goldstein and PLOVER mapping; gaps inherit from ancestors."""
    out: dict[str, tuple[str, float | None, str, str, tuple[str, ...], str]] = {}
    ctx: tuple[str, ...]
    for code, (name, gold) in types.items():
        note = ""
        if gold is None:
            for k in range(len(code) - 1, 1, -1):
                anc = types.get(code[:k])
                if anc and anc[1] is not None:
                    gold, note = anc[1], f"goldstein from {code[:k]}"
                    break
        if code[:2] in ("01", "02"):
            ptype, mode, ctx = "", "", ()
        elif code in pmap:
            ptype, mode, ctx = pmap[code]
        else:
            ptype, mode, ctx = "", "", ()
            for k in range(len(code) - 1, 1, -1):
                if code[:k] in pmap:
                    ptype, mode, ctx = pmap[code[:k]]
                    note = (note + "; " if note else "") + f"plover from {code[:k]}"
                    break
        if code in CAMEO_FIXES:
            ptype, mode, fix_ctx = CAMEO_FIXES[code]
            if fix_ctx is not None:
                ctx = tuple(fix_ctx.split(";"))
            note = (note + "; " if note else "") + "mapping corrected to the manual"
        if len(code) == 2 and ptype:
            mode, ctx = "", ()
        out[code] = (name, gold, ptype, mode, ctx, note)
    return out


# --------------------------------------------------------------------------- PETRARCH


def _tokens(pattern: str) -> list[str]:
    """Split a pattern into words, ``{phrase}`` and ``(prep phrase)`` groups."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", pattern)


def _object_words(tok: str, synsets: dict[str, list[str]]) -> list[str]:
    """Head noun(s) of a pattern token: synsets expand, phrases give their last word."""
    tok = tok.strip("{}()")
    words = [w for w in tok.split() if w not in ("+", "$", "^", "%")]
    if not words:
        return []
    head = words[-1]
    if head.startswith("&"):
        return synsets.get(head[1:], [])
    head = head.lower()
    if "_" in head or not re.fullmatch(r"[a-z][a-z-]*", head) or head in STOP_OBJECTS:
        return []
    return [singular(head)]


def parse_petrarch(path: Path) -> list[tuple[str, str, frozenset[str], str]]:
    """(lemma, particle, objects, cameo) facts from the PETRARCH verb dictionary."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets: dict[str, list[str]] = {}
    cur: str | None = None
    start = 0
    for i, line in enumerate(lines):
        if line.startswith("####### VERB PATTERNS"):
            start = i + 1
            break
        if line.startswith("&"):
            cur = line[1:].strip()
            synsets[cur] = []
        elif line.startswith("+") and cur:
            w = line[1:].split("#")[0].strip().lower()
            if re.fullmatch(r"[a-z][a-z-]*", w):
                synsets[cur].append(singular(w))
    facts: list[tuple[str, str, frozenset[str], str]] = []
    block_code = ""
    verbs: list[tuple[str, str]] = []
    for line in lines[start:]:
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if m:
            block_code = m.group(2).split(":")[0]
            verbs = []
            continue
        body, _, comment = line.partition("#")
        if re.match(r"^\+?[A-Z]", line):
            m = re.match(r"^\+?([A-Z][A-Z_-]*)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?", body)
            if not m:
                continue
            word = m.group(1).lower()
            code = (m.group(3) or block_code).split(":")[0]
            lemma, _, part = word.partition("_")
            if part and part not in PARTICLES:
                continue
            verbs.append((word.upper(), lemma))
            if re.fullmatch(r"\d{2,4}", code):
                facts.append((lemma, part, frozenset(), code))
            continue
        if not line.startswith("-"):
            continue
        m = re.search(r"\[([^\]]*)\]", body)
        if not m:
            continue
        code = m.group(1).split(":")[0].strip()
        if not re.fullmatch(r"\d{2,4}", code):
            continue
        pattern = body[1 : m.start()].strip()
        if "*" not in pattern:
            continue
        before, _, after = pattern.partition("*")
        toks = _tokens(after)
        particle = ""
        objs: list[str] = []
        if toks and toks[0].lower() in PARTICLES:
            particle, toks = toks[0].lower(), toks[1:]
        if toks:
            first = toks[0]
            if first.startswith("("):
                inner = first.strip("()").split()
                if not inner:
                    continue
                if particle:
                    continue  # "OUT (FOR ...)": too specific to encode
                particle = inner[0].lower()
                if particle not in PARTICLES:
                    continue
                objs = _object_words(" ".join(inner[1:]), synsets) if inner[1:] else []
            else:
                objs = _object_words(first, synsets)
                if not objs:
                    continue
        elif before.strip():
            objs = _object_words(_tokens(before)[-1], synsets)
            if not objs:
                continue
        elif not particle:
            continue
        who = comment.strip().split()[0].upper() if comment.strip() else ""
        targets = [lem for name, lem in verbs if name == who] or [lem for _, lem in verbs]
        for lemma in set(targets):
            facts.append((lemma, particle, frozenset(objs), code))
    return facts


# ------------------------------------------------------------------------------ build


def _parse_curated(text: str, nouns: bool = False) -> list[dict[str, str]]:
    rows = []
    for raw in text.splitlines():
        body, _, note = raw.partition("#")
        parts = body.split()
        if not parts:
            continue
        if nouns and len(parts) > 1 and not re.fullmatch(r"\d{2,4}", parts[1]):
            parts = [parts[0] + " " + parts[1], *parts[2:]]  # two-word nouns
        head, code, rest = parts[0], parts[1], parts[2:]
        lemma, _, particle = head.partition("+")
        objs: list[str] = []
        plover = mode = needs = ""
        mode_set = False
        for tok in rest:
            if tok.startswith("!"):
                plover = tok[1:]
            elif tok.startswith("@"):
                mode, mode_set = ("" if tok == "@-" else tok[1:]), True
            elif tok.startswith("needs="):
                needs = tok[6:]
            elif tok.startswith("&"):
                objs.extend(GROUPS[tok[1:]].split())
            else:
                objs.append(tok)
        rows.append(
            {
                "lemma": lemma.replace("_", " "),
                "particle": particle,
                "objects": "|".join(sorted(set(objs))),
                "cameo": code,
                "plover": plover,
                "mode": mode,
                "mode_set": "1" if mode_set else "",
                "needs": needs,
                "note": note.strip(),
            }
        )
    return rows


def _complete(row: dict[str, str], cameo: dict) -> dict[str, str]:
    """Fill category, mode and contexts from the CAMEO code unless overridden."""
    if row["cameo"] == "x":
        row.update(cameo="", plover="NONE", mode="", context="")
        return row
    name, _, ptype, mode, ctx, _ = cameo[row["cameo"]]
    plover = row["plover"] or ptype
    if plover != ptype and not row["note"]:
        row["note"] = f"category overrides the CAMEO mapping ({ptype or 'no event'})"
    if not row["mode_set"]:
        row["mode"] = mode if plover == ptype else ""
    row["plover"] = plover
    row["context"] = ";".join(ctx)
    return row


def build(shared: Path, out: Path) -> dict[str, int]:
    """Write cameo.tsv, plover.tsv, verbs.tsv and nouns.tsv; return row counts."""
    ref = shared / "reference"
    types = read_cameo_types(ref)
    cameo = resolve_cameo(types, read_plover_map(ref))
    quads, modes, scores = read_manual(ref)
    out.mkdir(parents=True, exist_ok=True)

    with open(out / "cameo.tsv", "w", encoding="utf-8") as fh:
        fh.write("code\tname\tgoldstein\tplover\tmode\tcontexts\tnote\n")
        for code in sorted(cameo, key=lambda c: (c[:2], c)):
            name, gold, ptype, mode, ctx, note = cameo[code]
            g = "" if gold is None else f"{gold:g}"
            fh.write(f"{code}\t{name}\t{g}\t{ptype}\t{mode}\t{';'.join(ctx)}\t{note}\n")

    with open(out / "plover.tsv", "w", encoding="utf-8") as fh:
        fh.write("category\tquad_class\tscore\tdefault_cameo\tmodes\tmode_scores\n")
        for cat in PLOVER:
            mscores = ";".join(
                f"{m}={s:g}" for (c, m), s in sorted(scores.items()) if c == cat and m
            )
            fh.write(
                f"{cat}\t{quads[cat]}\t{scores[(cat, '')]:g}\t{DEFAULT_CAMEO[cat]}\t"
                f"{';'.join(modes.get(cat, []))}\t{mscores}\n"
            )

    nouns = [_complete(r, cameo) for r in _parse_curated(CURATED_NOUNS, nouns=True)]
    curated = []
    taken: set[tuple[str, str, str]] = set()
    for r in _parse_curated(CURATED_VERBS):
        # each (verb, particle, object) belongs to its first curated line only
        obj_list = [o for o in r["objects"].split("|") if o]
        if obj_list:
            obj_list = [o for o in obj_list if (r["lemma"], r["particle"], o) not in taken]
            if not obj_list:
                continue
            taken.update((r["lemma"], r["particle"], o) for o in obj_list)
            r["objects"] = "|".join(obj_list)
        curated.append(_complete(r, cameo))
    for alias, lemma in LEMMA_ALIASES.items():
        for r in [r for r in curated if r["lemma"] == lemma]:
            curated.append({**r, "lemma": alias, "note": f"lemmatizer form of {lemma!r}"})
    curated_lemmas = {r["lemma"] for r in curated}
    facts = parse_petrarch(ref / "phoenix" / "CAMEO.2.0.txt")
    # per (lemma, particle, object) keep the most frequent code
    votes: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    for lemma, particle, fact_objs, code in facts:
        if lemma in curated_lemmas or lemma in EXCLUDED_VERBS or code not in cameo:
            continue
        if not cameo[code][2]:
            continue
        for obj in fact_objs or {""}:
            votes[(lemma, particle, obj)][code] += 1
    defaults = {
        (lemma, particle): counter.most_common(1)[0][0]
        for (lemma, particle, obj), counter in votes.items()
        if not obj
    }
    grouped: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for (lemma, particle, obj), counter in votes.items():
        code = counter.most_common(1)[0][0]
        if obj and defaults.get((lemma, particle)) != code:
            grouped[(lemma, particle, code)].add(obj)
    petrarch_rows = []
    # Object patterns are kept only for objects that are themselves nominal triggers of
    # the same PLOVER category ("apply sanctions", "accelerate the deployment").
    noun_cat = {r["lemma"]: r["plover"] for r in nouns}
    items = [
        (k, c, "")
        for k, c in defaults.items()
        if (k[0] + ("+" + k[1] if k[1] else "")) in PETRARCH_DEFAULTS
    ]
    for (lem, part, code), objs in grouped.items():
        keep = sorted(o for o in objs if noun_cat.get(o) == cameo[code][2])
        if keep and (lem + ("+" + part if part else "")) in PETRARCH_OBJECT_VERBS:
            items.append(((lem, part), code, "|".join(keep)))
    for (lemma, particle), code, obj_text in items:
        row = {
            "lemma": lemma,
            "particle": particle,
            "objects": obj_text,
            "cameo": code,
            "plover": "",
            "mode": "",
            "mode_set": "",
            "needs": "",
            "note": "",
        }
        petrarch_rows.append(_complete(row, cameo))
    seen: set[tuple[str, ...]] = set()
    verbs = []
    for src, rows in (("curated", curated), ("petrarch", petrarch_rows)):
        for r in rows:
            key = (r["lemma"], r["particle"], r["objects"], r["cameo"])
            if not r["objects"] and src == "petrarch" and (r["lemma"], r["particle"]) in seen:
                continue
            if key in seen:
                continue
            seen.add(key)
            if not r["objects"]:
                seen.add((r["lemma"], r["particle"]))
            r["source"] = src
            verbs.append(r)
    verbs.sort(key=lambda r: (r["lemma"], r["particle"], r["objects"] != "", r["objects"]))
    with open(out / "verbs.tsv", "w", encoding="utf-8") as fh:
        fh.write("lemma\tparticle\tobject\tcameo\tplover\tmode\tcontext\tnote\tsource\n")
        for r in verbs:
            fh.write(
                f"{r['lemma']}\t{r['particle']}\t{r['objects']}\t{r['cameo']}\t{r['plover']}\t"
                f"{r['mode']}\t{r['context']}\t{r['note']}\t{r['source']}\n"
            )

    with open(out / "nouns.tsv", "w", encoding="utf-8") as fh:
        fh.write("lemma\tcameo\tplover\tmode\tcontext\tneeds\tnote\n")
        for r in nouns:
            fh.write(
                f"{r['lemma']}\t{r['cameo']}\t{r['plover']}\t{r['mode']}\t{r['context']}\t"
                f"{r['needs']}\t{r['note']}\n"
            )
    return {"cameo": len(cameo), "verbs": len(verbs), "nouns": len(nouns)}


def main(argv: list[str] | None = None) -> None:
    """Entry point: ``build_lexicon [SHARED_DIR]``."""
    args = sys.argv[1:] if argv is None else argv
    repo = Path(__file__).resolve().parents[3]
    shared = Path(args[0]) if args else repo / ".." / "shared"
    counts = build(shared, Path(__file__).resolve().parent / "data")
    print(counts)


if __name__ == "__main__":
    main()
