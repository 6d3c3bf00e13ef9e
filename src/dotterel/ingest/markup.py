"""HTML to text: whole pages through trafilatura, feed item snippets through the stdlib."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
    | {"tr", "table", "section", "article", "header", "footer", "pre", "figure"}
    | {"figcaption", "dd", "dt"}
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def strip_html(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries): tags dropped, blocks on new lines."""
    if "<" not in fragment:
        text = html.unescape(fragment)
    else:
        collector = _TextCollector()
        collector.feed(fragment)
        collector.close()
        text = "".join(collector.parts)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n", "\n".join(lines)).strip()


def extract_page(markup: str, url: str | None = None) -> dict[str, Any] | None:
    """Main text and metadata of an HTML page, or ``None`` when no main text is found.

    Keys: ``text``, ``title``, ``date``, ``url``, ``sitename`` (missing values are ``None``).
    """
    # Imported lazily: trafilatura pulls in lxml and friends, unneeded for text inputs.
    import trafilatura

    result = trafilatura.bare_extraction(
        markup, url=url, with_metadata=True, include_comments=False, favor_precision=True
    )
    if result is None:
        return None
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    # A page cut inside a tag leaves markup debris ("<") as its only "text".
    if not any(char.isalnum() for char in text):
        return None
    return {
        "text": text,
        "title": data.get("title") or None,
        "date": data.get("date") or None,
        "url": data.get("url") or url,
        "sitename": data.get("sitename") or None,
    }
