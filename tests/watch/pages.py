"""Articles, pages and feeds written for the watch and WARC tests."""

from __future__ import annotations

ARTICLES = {
    1: (
        "Russia and Iran sign defence pact",
        "Russia and Iran signed a defence partnership in Moscow on Tuesday, officials said. "
        "The agreement covers joint exercises and the exchange of military technology. "
        "Western governments said they were studying the text of the treaty closely. "
        "The Kremlin said the pact was not directed against any other country.",
    ),
    2: (
        "Protesters rally in Nairobi",
        "Thousands of protesters marched through Nairobi on Wednesday against a proposed tax "
        "increase. Police fired tear gas to disperse crowds near the parliament building. "
        "Opposition leaders said they would continue the demonstrations until the bill was "
        "withdrawn by the government.",
    ),
    3: (
        "EU imposes sanctions on Belarus",
        "The European Union imposed new sanctions on Belarus on Thursday over its support for "
        "the war in Ukraine. The measures target banks and officials close to the president. "
        "Minsk condemned the decision and said it would respond in kind, according to the "
        "foreign ministry in a statement.",
    ),
    4: (
        "Japan and South Korea hold talks",
        "The foreign ministers of Japan and South Korea met in Tokyo on Friday to discuss "
        "regional security and trade. Both sides agreed to hold regular consultations and to "
        "cooperate on supply chains. The talks were the first of their kind in several years, "
        "the ministers told reporters after the meeting.",
    ),
    5: (
        "Brazil sends aid to flood victims",
        "Brazil sent emergency aid to Bolivia on Saturday after floods destroyed thousands of "
        "homes in the east of the country. The shipment included food, water and medicine. "
        "The Bolivian government thanked Brasilia and said more help would be needed in the "
        "coming weeks as the water recedes.",
    ),
}


def article_html(number: int) -> str:
    title, text = ARTICLES[number]
    paragraphs = "".join(f"<p>{sentence.strip()}.</p>" for sentence in text.split(". ") if sentence)
    return (
        f"<html><head><title>{title}</title>"
        '<meta property="og:site_name" content="Loopback News">'
        f"</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Copyright Loopback News</footer></body></html>"
    )


def rss(title: str, items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of (title, link, RFC 822 date) items."""
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>{date}</pubDate>"
        f"<description>{t}</description></item>"
        for t, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.invalid/</link>{body}</channel></rss>"
    )


def atom(title: str, items: list[tuple[str, str, str]]) -> str:
    """An Atom feed of (title, link, ISO date) entries."""
    body = "".join(
        f"<entry><title>{t}</title><link href='{link}'/><id>{link}</id>"
        f"<updated>{date}</updated></entry>"
        for t, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:test</id><updated>2024-11-01T00:00:00Z</updated>"
        f"{body}</feed>"
    )
