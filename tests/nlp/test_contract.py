"""The pipeline's declarations are true: what each stage says it needs and adds is what
its code reads and writes, and the documented stage table is the components' own."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from spacy.language import Language

from dotterel.nlp.pipeline import build_nlp, stage_table

REPO = Path(__file__).resolve().parents[2]
#: Set by the orchestrator (``Extractor``) on every Doc before the pipeline runs.
PROVIDED = {"doc._.document"}
_READ = re.compile(r"""doc\._\.(\w+)|getattr\(doc\._,\s*["'](\w+)["']""")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def _dotterel_pipes(nlp: Language) -> list[str]:
    return [name for name in nlp.pipe_names if name.startswith("dotterel_")]


def _source(nlp: Language, name: str) -> str:
    pipe = nlp.get_pipe(name)
    module = getattr(pipe, "__module__", None) or type(pipe).__module__
    return Path(importlib.import_module(module).__file__ or "").read_text(encoding="utf-8")


def test_spacy_finds_no_problem_in_the_pipeline(nlp: Language) -> None:
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert all(not found for found in problems.values()), problems


def test_every_required_attribute_is_assigned_by_an_earlier_stage(nlp: Language) -> None:
    assigned = set(PROVIDED)
    for name in nlp.pipe_names:
        meta = nlp.get_pipe_meta(name)
        custom = [item for item in meta.requires if item.startswith("doc._.")]
        missing = [item for item in custom if item not in assigned]
        assert not missing, f"{name} requires {missing} before any stage assigns them"
        assigned.update(meta.assigns)


def test_each_stage_reads_only_what_it_declares(nlp: Language) -> None:
    # A module holding two components (time/component.py) is checked against the union
    # of their declarations.
    declared_by_module: dict[str, set[str]] = {}
    sources: dict[str, str] = {}
    for name in _dotterel_pipes(nlp):
        meta = nlp.get_pipe_meta(name)
        source = _source(nlp, name)
        sources[source] = source
        declared_by_module.setdefault(source, set(PROVIDED)).update(meta.requires, meta.assigns)
    for source, declared in declared_by_module.items():
        read = {f"doc._.{a or b}" for a, b in _READ.findall(source)}
        undeclared = read - declared
        assert not undeclared, f"reads {sorted(undeclared)} without declaring them"


def test_architecture_doc_holds_the_generated_stage_table(nlp: Language) -> None:
    doc = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert stage_table(nlp) in doc, (
        "docs/architecture.md's stage table is out of date; paste the output of "
        "`python -c 'from dotterel.nlp.pipeline import build_nlp, stage_table; "
        "print(stage_table(build_nlp()))'`"
    )
