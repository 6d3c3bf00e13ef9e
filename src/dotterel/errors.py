"""Errors with a stable code and a message that names the input and the reason."""

from __future__ import annotations


class DotterelError(Exception):
    """Base error: every Dotterel error carries a short machine-readable ``code``."""

    code = "DOT000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(f"[{self.code}] {where}{message}")


class InputError(DotterelError):
    """An input file, line or record cannot be read as a document."""

    code = "DOT100"


class EmptyInputError(InputError):
    code = "DOT101"


class BinaryInputError(InputError):
    code = "DOT102"


class EncodingError(InputError):
    code = "DOT103"


class OversizedInputError(InputError):
    code = "DOT104"


class MalformedRecordError(InputError):
    code = "DOT105"


class UnparsableMarkupError(InputError):
    code = "DOT106"


class LanguageError(InputError):
    code = "DOT107"


class MissingInputError(InputError):
    code = "DOT108"


class DictionaryError(DotterelError):
    """A rule or dictionary data file is malformed."""

    code = "DOT200"


class StoreError(DotterelError):
    """The event store cannot be opened, migrated or written."""

    code = "DOT300"


class GoldFormatError(DotterelError):
    """A gold file for ``dotterel evaluate`` does not follow the gold format."""

    code = "DOT400"


# -- reliability: input, store, pipeline and usage errors -------------------------------


class DuplicateDocumentIdError(InputError):
    """A document reuses the ``doc_id`` of a stored document with a different text."""

    code = "DOT109"


class StoreMissingError(StoreError):
    """A read-only command was pointed at a database that does not exist."""

    code = "DOT301"


class StoreLockedError(StoreError):
    """Another process kept the database locked for longer than the lock timeout."""

    code = "DOT302"


class NotAStoreError(StoreError):
    """The path is not a DuckDB database (or its folder does not exist)."""

    code = "DOT303"


class DocumentTimeoutError(DotterelError):
    """A document took longer than the per-document time budget and was given up."""

    code = "DOT501"


class DocumentTooLongError(DotterelError):
    """A document has more sections than the pipeline will process."""

    code = "DOT502"


class UsageError(DotterelError):
    """A command-line argument or API filter value is not valid."""

    code = "DOT600"


class FilterValueError(UsageError):
    """A query filter (event type, factuality, date, limit) has a value that cannot match."""

    code = "DOT601"


class BadDateError(UsageError):
    """A date argument is not a valid ``YYYY-MM-DD`` day (or lies in the future)."""

    code = "DOT602"
