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


class InteropError(DotterelError):
    """An export, DataFrame or import of another dataset's file cannot be done."""

    code = "DOT800"


class UnknownFormatError(InteropError):
    """The export or import format named is not one Dotterel writes or reads."""

    code = "DOT801"


class ExportTargetError(InteropError):
    """The export destination cannot be written (exists as the wrong kind, no access)."""

    code = "DOT802"


class FrameBackendError(InteropError):
    """The DataFrame backend asked for is unknown or the store lacks the table."""

    code = "DOT803"


class ImportHeaderError(InteropError):
    """An ICEWS or POLECAT file does not start with that dataset's header."""

    code = "DOT810"


class ImportRowError(InteropError):
    """One row of an imported file cannot be read (recorded; the import goes on)."""

    code = "DOT811"
