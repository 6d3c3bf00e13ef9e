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


# -- HTTP API (issue 14): DOT950-DOT999 --------------------------------------------------


class HttpApiError(DotterelError):
    """A request the HTTP API refuses; ``status`` is the HTTP status it answers with."""

    code = "DOT950"
    status = 400


class NotFoundError(HttpApiError):
    code = "DOT951"
    status = 404


class BadCursorError(HttpApiError):
    code = "DOT952"
    status = 400


class InvalidRequestError(HttpApiError):
    code = "DOT953"
    status = 422


class WritesDisabledError(HttpApiError):
    code = "DOT954"
    status = 403


class UnauthorizedError(HttpApiError):
    code = "DOT955"
    status = 401


class PayloadTooLargeError(HttpApiError):
    code = "DOT956"
    status = 413


class RateLimitedError(HttpApiError):
    code = "DOT957"
    status = 429


class IngestTimeoutError(HttpApiError):
    code = "DOT958"
    status = 503


class StoreUnavailableError(HttpApiError):
    code = "DOT959"
    status = 503


class RouteNotFoundError(HttpApiError):
    code = "DOT960"
    status = 404
