"""Custom ``Doc`` attributes shared by the Dotterel pipeline components.

Each component reads some of these and writes others; the ``requires``/``assigns``
declarations on the components name them, and ``docs/architecture.md`` lists the flow.

- ``doc._.document``: the :class:`~dotterel.records.Document` being coded (set by the
  orchestrator before the pipeline runs; gives ``doc_id`` and ``published``).
- ``doc._.dateline``: the parsed wire dateline, or ``None`` (``dotterel_dateline``).
- ``doc._.actors``: actor mentions as :class:`~dotterel.records.Entity`, sorted by start
  (``dotterel_actors``; ``dotterel_coref`` appends resolved pronouns and descriptions).
- ``doc._.timexes``: resolved time expressions (``dotterel_time``).
- ``doc._.places``: resolved place mentions (``dotterel_places``).
- ``doc._.dateline_location``: the dateline's place as a
  :class:`~dotterel.records.Location`, resolved once (``dotterel_places``).
- ``doc._.story_setting``: where the story is set, read from its headline and lead, as a
  :class:`~dotterel.places.story.StorySetting` (``dotterel_places``; read by
  ``dotterel_context``).
- ``doc._.events``: coded :class:`~dotterel.records.Event` records (``dotterel_events``;
  later components fill factuality, claims, dates and places, ``dotterel_context``
  completes and filters them, ``dotterel_merge`` merges).
"""

from __future__ import annotations

from spacy.tokens import Doc

_DOC_EXTENSIONS = (
    "document",
    "dateline",
    "actors",
    "timexes",
    "places",
    "dateline_location",
    "story_setting",
    "events",
)


#: What the later stages read of the model's parse, declared by each of them.
PARSE_ATTRIBUTES = ("token.dep", "token.head", "token.lemma", "token.tag")


def register_extensions() -> None:
    """Register the custom ``Doc`` attributes (idempotent)."""
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            # Lists get a getter-free default of None; components set fresh lists so
            # that docs never share a mutable default.
            Doc.set_extension(name, default=None)


register_extensions()
