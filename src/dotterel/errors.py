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
