"""Regenerate the event lexicon data files from the public reference files.

A developer tool, not part of the runtime package. Run it from the repository root (it
reads ``../shared/reference``, which is not shipped with the package)::

    .venv/bin/python tools/build_lexicon.py [SHARED_DIR] [OUT_DIR]

The hand-curated inputs are data files beside this script: ``lexicon/curated_verbs.txt``
and ``lexicon/curated_nouns.txt`` (trigger lines) and ``lexicon/rules.yaml`` (category
renames, quad classes, default CAMEO codes, corrections of the references, word groups,
and the verb lists the PETRARCH import keeps or excludes).

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
from typing import Any

import yaml

from dotterel.records import PLOVER_TYPES

PLOVER = list(PLOVER_TYPES)


def _words(text: str) -> set[str]:
    return set(text.split())


LEXICON_SOURCES = Path(__file__).resolve().parent / "lexicon"


def _load_rules(folder: Path) -> dict[str, Any]:
    with open(folder / "rules.yaml", encoding="utf-8") as fh:
        rules: dict[str, Any] = yaml.safe_load(fh)
    return rules


_RULES = _load_rules(LEXICON_SOURCES)
OLD_NAMES: dict[str, str] = _RULES["old_names"]
QUADS: dict[str, int] = _RULES["quad_classes"]
DEFAULT_CAMEO: dict[str, str] = {k: str(v) for k, v in _RULES["default_cameo"].items()}
SCORE_FIXES = {(r["category"], r["mode"]): float(r["score"]) for r in _RULES["score_fixes"]}
CAMEO_FIXES: dict[str, tuple[str, str, str | None]] = {
    str(code): (fix["plover"], fix["mode"], fix["contexts"])
    for code, fix in _RULES["cameo_fixes"].items()
}
GROUPS: dict[str, str] = _RULES["groups"]
LEMMA_ALIASES: dict[str, str] = _RULES["lemma_aliases"]
EXCLUDED_VERBS = _words(_RULES["excluded_verbs"])
PETRARCH_DEFAULTS = _words(_RULES["petrarch_defaults"])
PETRARCH_OBJECT_VERBS = _words(_RULES["petrarch_object_verbs"])
PARTICLES = _words(_RULES["particles"])
STOP_OBJECTS = _words(_RULES["stop_objects"])
CURATED_VERBS = (LEXICON_SOURCES / "curated_verbs.txt").read_text(encoding="utf-8")
CURATED_NOUNS = (LEXICON_SOURCES / "curated_nouns.txt").read_text(encoding="utf-8")


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
    """Entry point: ``tools/build_lexicon.py [SHARED_DIR] [OUT_DIR]``."""
    args = sys.argv[1:] if argv is None else argv
    repo = Path(__file__).resolve().parents[1]
    shared = Path(args[0]) if args else repo / ".." / "shared"
    out = Path(args[1]) if len(args) > 1 else repo / "src" / "dotterel" / "events" / "data"
    counts = build(shared, out)
    print(counts)


if __name__ == "__main__":
    main()
