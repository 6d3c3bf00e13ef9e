"""Each Dotterel stage declares what it reads and writes, and the declarations are the
ones listed here (read from each component's code, helpers included): a change to what a
stage reads or writes must change its declaration, this list and the documented stage
table together.

Not declared, by convention: ``doc._.document`` (the pipeline's input, set by
``Extractor`` on every Doc before the pipeline runs; read by ``dotterel_dateline``,
``dotterel_entities``, ``dotterel_actors``, ``dotterel_coref``, ``dotterel_events``,
``dotterel_time`` and ``dotterel_places``), the tokenizer's own attributes
(``token.text``, ``token.idx``, ``token.is_space``...), and ``token.pos`` /
``token.morph``, which ``dotterel_actors``, ``dotterel_coref``, ``dotterel_events``,
``dotterel_claims``, ``dotterel_time`` and ``dotterel_places`` read but do not declare:
``dotterel_morphology`` declares them, but a pipeline built with
``remember_morphology=False`` gets them from the model's ``attribute_ruler``, which does
not declare them, and spaCy's ``analyze_pipes`` would then report them as never
assigned.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from spacy.language import Language

from dotterel.nlp.pipeline import COMPONENTS, build_nlp, stage_job, stage_table

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"
#: Set by ``Extractor`` on every Doc before the pipeline runs.
PROVIDED = {"doc._.document"}
_EXTENSION = re.compile(r"""doc\._\.(\w+)|getattr\(doc\._,\s*["'](\w+)["']""")
_IMPORT = re.compile(r"^\s*from (dotterel\.[\w.]+) import", re.M)

PARSE = ["token.dep", "token.head", "token.lemma", "token.tag"]

#: component -> (requires, assigns), in declaration order.
DECLARED: dict[str, tuple[list[str], list[str]]] = {
    "dotterel_dateline": ([], ["doc._.dateline"]),
    "dotterel_lines": (["doc._.dateline"], ["token.is_sent_start"]),
    "dotterel_morphology": (
        ["token.tag", "token.dep"],
        ["token.pos", "token.morph", "token.lemma"],
    ),
    "dotterel_entities": (
        ["doc.sents", "token.tag", "token.dep", "token.head"],
        ["doc.ents", "token.ent_iob", "token.ent_type"],
    ),
    "dotterel_actors": (
        [
            "doc.ents",
            "token.ent_type",
            "token.dep",
            "token.head",
            "token.lemma",
            "token.is_sent_start",
        ],
        ["doc._.actors"],
    ),
    "dotterel_coref": (["doc._.actors", "doc.sents", *PARSE], ["doc._.actors"]),
    "dotterel_events": (["doc._.actors", "doc.sents", *PARSE], ["doc._.events"]),
    "dotterel_claims": (["doc._.events", "doc._.actors", "doc.sents", *PARSE], ["doc._.events"]),
    "dotterel_time": (
        ["doc.ents", "doc._.events", "doc._.dateline", "doc.sents", *PARSE],
        ["doc._.timexes", "doc._.events"],
    ),
    "dotterel_places": (
        ["doc.ents", "doc._.actors", "doc._.events", "doc._.dateline", "doc.sents", *PARSE],
        ["doc._.places", "doc._.dateline_location", "doc._.story_setting", "doc._.events"],
    ),
    "dotterel_context": (
        [
            "doc._.events",
            "doc._.places",
            "doc._.actors",
            "doc._.dateline_location",
            "doc._.story_setting",
        ],
        ["doc._.events"],
    ),
    "dotterel_merge": (["doc._.events"], ["doc._.events"]),
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def _stage_table_tool():
    spec = importlib.util.spec_from_file_location("stage_table", REPO / "tools" / "stage_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _module_of(nlp: Language, name: str) -> str:
    pipe = nlp.get_pipe(name)
    module = type(pipe).__module__
    if module in ("builtins", "functools"):
        module = getattr(pipe, "__module__", module)
    return module


def _code_of(module: str) -> str:
    """The source of ``module`` and of the modules of its own package it imports (so a
    stage's helpers count as the stage: ``events/syntax.py`` for the coder and claims,
    ``places/story.py`` for places)."""
    package = module.rsplit(".", 1)[0]
    seen: set[str] = set()
    todo = [module]
    sources = []
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        path = SRC / (current.replace(".", "/") + ".py")
        if not path.exists():
            continue
        source = path.read_text(encoding="utf-8")
        sources.append(source)
        todo.extend(m for m in _IMPORT.findall(source) if m.rsplit(".", 1)[0] == package)
    return "\n".join(sources)


def _declarations_by_module(nlp: Language) -> dict[str, set[str]]:
    # time/component.py holds two stages: its code is checked against both.
    by_module: dict[str, set[str]] = {}
    for name in DECLARED:
        meta = nlp.get_pipe_meta(name)
        by_module.setdefault(_module_of(nlp, name), set()).update(meta.requires, meta.assigns)
    return by_module


def test_a_stage_uses_exactly_the_extensions_it_declares(nlp: Language) -> None:
    for module, declared in _declarations_by_module(nlp).items():
        code = _code_of(module)
        used = {f"doc._.{a or b}" for a, b in _EXTENSION.findall(code)}
        # State goes between stages only through declared extensions, never user_data.
        assert "user_data" not in code, module
        declared_custom = {d for d in declared if d.startswith("doc._.")}
        assert used - PROVIDED == declared_custom, module


def test_analyze_pipes_reports_no_problem(nlp: Language) -> None:
    analysis = nlp.analyze_pipes(pretty=False)
    assert {name: found for name, found in analysis["problems"].items() if found} == {}


def test_every_stage_is_declared_here(nlp: Language) -> None:
    stages = [name for name in nlp.pipe_names if name.startswith("dotterel_")]
    assert sorted(stages) == sorted(DECLARED)
    assert set(COMPONENTS) <= set(DECLARED)


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_each_stage_declares_what_it_reads_and_writes(nlp: Language, name: str) -> None:
    meta = nlp.get_pipe_meta(name)
    requires, assigns = DECLARED[name]
    assert (list(meta.requires), list(meta.assigns)) == (requires, assigns)


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_each_stage_states_its_job(nlp: Language, name: str) -> None:
    job = stage_job(nlp, name)
    assert job and job.endswith(".") and "factory" not in job.lower(), job


def test_an_extension_is_written_before_it_is_read(nlp: Language) -> None:
    written: set[str] = set()
    for name in nlp.pipe_names:
        meta = nlp.get_pipe_meta(name)
        unread = [a for a in meta.requires if a.startswith("doc._.") and a not in written]
        assert not unread, f"{name} reads {unread} before any stage writes them"
        written.update(meta.assigns)


def test_every_hand_over_is_read_by_a_later_stage(nlp: Language) -> None:
    # The pipeline's outputs (Extractor reads events and actors; timexes are for
    # callers of the spaCy pipeline); every other extension is handed to a later stage.
    outputs = {"doc._.events", "doc._.actors", "doc._.timexes"}
    read_later: set[str] = set()
    for name in reversed(nlp.pipe_names):
        meta = nlp.get_pipe_meta(name)
        handed = [a for a in meta.assigns if a.startswith("doc._.") and a not in outputs]
        unread = [a for a in handed if a not in read_later]
        assert not unread, f"{name} writes {unread} that no later stage reads"
        read_later.update(meta.requires)


def test_the_architecture_stage_table_is_the_generated_one(nlp: Language) -> None:
    tool = _stage_table_tool()
    documented = tool.documented_table((REPO / "docs" / "architecture.md").read_text("utf-8"))
    assert documented == stage_table(nlp), (
        "docs/architecture.md's stage table is out of date: run "
        "`PYTHONPATH=src python tools/stage_table.py`"
    )
