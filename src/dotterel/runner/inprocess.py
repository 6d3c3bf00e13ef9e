"""The in-process runner: the pipeline in this process, as ``dotterel`` always ran."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dotterel.nlp.pipeline import Extractor
from dotterel.records import Document
from dotterel.runner.base import PipelineConfig, Result, Runner


class InProcessRunner(Runner):
    """Runs an :class:`Extractor` here; the reference the other runners are tested against."""

    def __init__(self, config: PipelineConfig | None = None, extractor: Extractor | None = None):
        self._extractor = extractor or (config or PipelineConfig()).extractor()

    def run(self, documents: Iterable[Document]) -> Iterator[Result]:
        return self._extractor.extract(documents)
