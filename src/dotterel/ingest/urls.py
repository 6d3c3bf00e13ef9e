"""URL normalisation, so that one article is recognised under the spellings of its URL.

:func:`normalise_url` lower-cases the scheme and host, drops default ports, the fragment
and tracking parameters (``data/tracking_params.txt``), sorts the query and gives an
empty path ``/``. It is idempotent: normalising twice changes nothing.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib import resources
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


@cache
def tracking_params() -> tuple[frozenset[str], tuple[str, ...]]:
    """(exact names, prefixes) of the tracking query parameters, lower case."""
    text = resources.files("dotterel.ingest").joinpath("data/tracking_params.txt").read_text()
    names, prefixes = set(), []
    for raw in text.splitlines():
        name = raw.split("#", 1)[0].strip().lower()
        if not name:
            continue
        if name.endswith("*"):
            prefixes.append(name[:-1])
        else:
            names.add(name)
    return frozenset(names), tuple(prefixes)


def _is_tracking(name: str) -> bool:
    names, prefixes = tracking_params()
    lowered = name.lower()
    return lowered in names or lowered.startswith(prefixes)


def _requote(component: str, safe: str) -> str:
    # One percent-encoding per character: decoded then encoded again the same way.
    return quote(unquote(component), safe=safe)


def normalise_url(url: str) -> str:
    """The canonical spelling of ``url`` used to recognise an article already seen."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: leave the URL as it was given
        return url.strip()
    netloc = host
    if ":" in host:  # an IPv6 literal keeps its brackets
        netloc = f"[{host}]"
    if port is not None and _DEFAULT_PORTS.get(scheme) != port:
        netloc += f":{port}"
    if parts.username or parts.password:
        userinfo = parts.username or ""
        if parts.password:
            userinfo += f":{parts.password}"
        netloc = f"{userinfo}@{netloc}"
    path = _requote(parts.path, safe="/:@!$&'()*+,;=-._~") or "/"
    # White space around a parameter is never meaningful (and some feeds leave it in).
    pairs = [(n.strip(), v.strip()) for n, v in parse_qsl(parts.query, keep_blank_values=True)]
    query = [(n, v) for n, v in pairs if (n or v) and not _is_tracking(n)]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def url_doc_id(url: str, salt: str = "") -> str:
    """A readable doc id stable across runs: the URL's last path part and a hash of it."""
    normal = normalise_url(url)
    tail = urlsplit(normal).path.rstrip("/").rsplit("/", 1)[-1]
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", unquote(tail)).strip("_.")[:48] or "page"
    digest = hashlib.sha1((normal + salt).encode("utf-8")).hexdigest()[:12]
    return f"{stem}-{digest}"
