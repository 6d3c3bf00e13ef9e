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


class FusionError(DotterelError):
    """Cross-article fusion cannot run or a fused record is unknown."""

    code = "DOT700"


class UnknownFusedEventError(FusionError):
    code = "DOT701"


class UnknownLifecycleError(FusionError):
    code = "DOT702"


# -- network: dyads, blocs, alerts (DOT750-DOT799) --------------------------------------


class NetworkError(DotterelError):
    """A network, dyad or alert request cannot be answered as asked."""

    code = "DOT750"


class NetworkSettingError(NetworkError):
    """A network weight or alert setting is malformed (names the setting and the value)."""

    code = "DOT751"


class DyadPeriodError(NetworkError):
    """A dyad series period is not one of day, week, month."""

    code = "DOT752"


class ActorCodeError(NetworkError):
    """A dyad's party is not a country (ISO alpha-3) or IGO code."""

    code = "DOT753"


class DateBoundError(NetworkError):
    """A ``since``/``until`` bound is not a YYYY-MM-DD date, or ``since`` is after ``until``."""

    code = "DOT754"


class PlotFormatError(NetworkError):
    """A dyad plot path ends in neither .png, .svg nor .html."""

    code = "DOT755"


class RunnerError(DotterelError):
    """A runner cannot be set up: unknown runner name, unreachable scheduler, bad folder."""

    code = "DOT900"


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


class ExtractionError(DotterelError):
    """The pipeline raised on a document; the document is recorded as a failure."""

    code = "DOT500"


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


# -- news as it arrives: dotterel watch, fetching, WARC (DOT850-DOT899) ------------------


class WatchError(DotterelError):
    """A feed, article page, watch folder or web archive record could not be used."""

    code = "DOT850"


class FetchTimeoutError(WatchError):
    """The server did not answer (or finish answering) within the timeout."""

    code = "DOT851"


class HTTPStatusError(WatchError):
    """The server answered with an error status (4xx, 5xx) or an unusable one."""

    code = "DOT852"

    def __init__(self, message: str, *, status: int, source: str | None = None) -> None:
        self.status = status
        super().__init__(message, source=source)


class ResponseTooLargeError(WatchError):
    """The response body is larger than the size limit."""

    code = "DOT853"


class TooManyRedirectsError(WatchError):
    """More redirects than allowed (a redirect loop, usually)."""

    code = "DOT854"


class UnsupportedURLError(WatchError):
    """A URL that is not http(s), or that cannot be parsed."""

    code = "DOT855"


class ConnectionFailedError(WatchError):
    """The server could not be reached (refused, reset, name not resolved, TLS error)."""

    code = "DOT856"


class UnsupportedContentTypeError(WatchError):
    """An article page whose content type is neither HTML nor plain text."""

    code = "DOT857"


class MalformedFeedError(WatchError):
    """A feed that is not readable RSS/Atom, or an item without a link."""

    code = "DOT860"


class UnsafeFeedError(WatchError):
    """A feed that declares XML entities (entity expansion, external entities): refused."""

    code = "DOT861"


class NoMainTextError(WatchError):
    """An article page (or archived page) in which no main text was found."""

    code = "DOT862"


class FeedListError(WatchError):
    """The list of feeds to watch is malformed (names the file and line)."""

    code = "DOT863"


class WatchFolderError(WatchError):
    """A watch folder is missing or unreadable."""

    code = "DOT864"


class WarcRecordError(InputError):
    """A WARC record that cannot be read; the rest of the file is still read."""

    code = "DOT880"


class WarcFileError(InputError):
    """A file named .warc/.warc.gz that holds no readable WARC record."""

    code = "DOT881"


class DuplicateTextError(InputError):
    """A document has the same text as another document of the same run, from elsewhere."""

    code = "DOT110"
