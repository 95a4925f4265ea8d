"""The article of a saved web page, with the page's own headline, date, publisher and address.

trafilatura finds the article, in its balanced mode: its precision mode prunes the article's
<header> (where a standfirst sits), boxes drawn with a border (where quotations sit) and
teaser blocks (where sites put the lead). A lead set apart that way, or left outside the
block trafilatura takes for the body, is taken back from between the headline and the first
paragraph. What the extraction keeps of a site's furniture sits at the edges of the
content: a byline or dateline before the lead; a press-contact block, a copyright or
reprint notice, a "last modified" line, a promotional box or a sign-off after the last
paragraph. A small post-pass drops those edges by the words of resources/webpages.toml,
and nothing in the middle of the article.

The metadata is read in order of trust: JSON-LD, then Open Graph and other <meta> tags,
then the page's <title>, headings, dateline and <time> elements, and htmldate's guess
last. trafilatura's own metadata is not used: it takes a section's name (the first <h1>)
for the title and a "last modified" date for the release's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from readout_browser.parse import datafiles, phrases

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        )
    )
    for name in names
}
_DATE = re.compile(
    r"(?<!\d)(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<m1>[A-Za-z]{3,9})\.?,?\s+(?P<y1>\d{4})"
    r"|(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    r"|(?P<d4>\d{1,2})\.(?P<m4>\d{1,2})\.(?P<y4>\d{4}))(?!\d)"
)
_SENTENCE = re.compile(r"(?:\S+\s+){4,}\S*[.!?…\"”»’)]\s*$")
_SHORT = 30
"""Words at most in a line of furniture: contact lines and copyright notices are short."""
_BYLINE_WORDS = 12
_DATELINE_WORDS = 4
_SIGN_OFF = 6
"""Words at most in the name of an office signing off a release ("Government Information Service")."""
_JSON_DEPTH = 8
_HEADLINE_WORDS = 4
"""Words at least in a heading above the article that is its headline, not a label ("Summary")."""
_REPEATED = 0.8
"""Share of a summary's words that the first paragraphs hold when the summary says nothing new."""


@dataclass(frozen=True)
class Page:
    """A saved page as the reader needs it: the article, one paragraph a line, and its metadata."""

    lines: tuple[str, ...]
    headings: tuple[int, ...] = ()  # indexes into `lines` of the article's own subheadings
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None


def _words() -> dict[str, Any]:
    """resources/webpages.toml, every word in small letters."""
    return datafiles.compiled("webpages.toml", _compile_words)


def _compile_words(data: dict[str, Any]) -> dict[str, Any]:
    return {
        f"{table}.{key}": tuple(w.casefold() for w in words)
        for table, entries in data.items()
        for key, words in entries.items()
    }


# The furniture words are phrases (resources/PHRASES.md): a line opens with one, or holds one.
_PHRASE_LISTS = (
    "furniture.starts",
    "furniture.blocks",
    "furniture.bylines",
    "furniture.contains",
    "furniture.modified",
)


def _patterns() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    return datafiles.compiled("webpages.toml", _compile_patterns)


def _compile_patterns(data: dict[str, Any]) -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    out = {}
    for key in _PHRASE_LISTS:
        table, name = key.split(".")
        written = phrases.check(data.get(table, {}).get(name, []), f"[{table}] {name}")
        body = "|".join(phrases.regex(p) for p in sorted(written, key=len, reverse=True)) or "(?!)"
        out[key] = (
            re.compile(r"\s*(?:" + body + ")", re.IGNORECASE),
            re.compile(r"(?<![\w-])(?:" + body + ")", re.IGNORECASE),
        )
    return out


def _opens(line: str, key: str) -> bool:
    """Whether a line opens with a phrase of the list `key`."""
    return _patterns()[key][0].match(line) is not None


def _holds(line: str, key: str) -> bool:
    """Whether a line holds a phrase of the list `key` anywhere."""
    return _patterns()[key][1].search(line) is not None


def read_page(html: str) -> Page:
    """The article and metadata of a saved web page (lines may be empty: a page of menus only)."""
    import trafilatura  # slow to import; only web pages need it
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return Page(lines=())
    # trafilatura's own metadata is not asked for: it is read below, in a better order, and its
    # author search alone costs more than the rest on a large page.
    doc = trafilatura.bare_extraction(tree, include_comments=False, include_tables=False)
    lines, heads = _lines(doc.body if doc is not None else None)
    meta = _meta(tree)
    ld = _LinkedData(tree)
    w = _words()
    site_names = [n for n in (ld.publisher, *(meta.get(k) for k in w["metadata.publishers"])) if n]
    above, headings = _page_headings(tree, lines, heads)
    title, site = _choose_title(
        [ld.headline, *(meta.get(k) for k in w["metadata.titles"])],
        _clean(_title_element(tree)),
        above,
        headings,
        site_names,
    )
    start, end, dateline = _article_edges(lines, heads, title)
    lead = _lead_before(tree, title, lines[start]) if title and start < end else []
    # A summary that only says again what the first paragraphs say (GOV.UK's) is not a lead.
    lead = [x for x in lead if x in lines or not any(_repeats(x, y) for y in lines[start : start + 3])]
    if lead:
        # trafilatura's retry for more text may have appended the same paragraphs at the end.
        kept = [i for i in range(start, end) if lines[i] not in lead]
        lines = lines[:start] + lead + [lines[i] for i in kept]
        heads = heads[:start] + [False] * len(lead) + [heads[i] for i in kept]
        end = len(lines)
    publisher = next((n for n in (*site_names, site) if n and not (title and _same_words(n, title))), None)
    return Page(
        lines=tuple(lines[start:end]),
        headings=tuple(i - start for i in range(start, end) if heads[i]),
        title=title,
        date=_publication_date(tree, meta, ld, dateline, lines),
        publisher=_clean(publisher.lstrip("@")) if publisher else None,
        url=_address(tree, meta, ld),
    )


def _publication_date(
    tree: Any, meta: dict[str, str], ld: _LinkedData, dateline: str | None, lines: list[str]
) -> str | None:
    """When the release was issued: JSON-LD, then <meta>, the dateline, <time>; htmldate's guess
    last, and never a date the page gives as its last change."""
    w = _words()
    published = [
        _date_in(ld.published),
        *(_date_in(meta.get(k)) for k in w["metadata.published"]),
        dateline,
        *_time_elements(tree),
    ]
    found = next((d for d in published if d), None)
    if found:
        return found
    from htmldate import find_date  # trafilatura's own date finder, for pages that say nothing plainly

    modified = {_date_in(ld.modified), *(_date_in(meta.get(k)) for k in w["metadata.modified"])}
    modified.update(_date_in(line) for line in lines if _holds(line, "furniture.modified"))
    guessed = _date_in(find_date(tree, original_date=True, extensive_search=True, outputformat="%Y-%m-%d"))
    if guessed is None or guessed in modified:
        return None
    # A guess from a year alone (a copyright line's "© 2025") is no date: it must be written out.
    written = {_iso(m) for m in _DATE.finditer(tree.text_content())}
    return guessed if guessed in written else None


# --- the article's lines ------------------------------------------------------------------------


def _lines(body: Any) -> tuple[list[str], list[bool]]:
    """The extracted article one paragraph (or list item, or line of an address) a line,
    and which lines are headings."""
    lines: list[str] = []
    heads: list[bool] = []
    if body is None:
        return lines, heads
    for block in body:
        items = list(block.iter("item")) if block.tag == "list" else [block]
        for item in items:
            for lb in item.iter("lb"):
                lb.tail = "\n" + (lb.tail or "")
            for piece in "".join(item.itertext()).split("\n"):
                line = " ".join(piece.split())
                if line:
                    lines.append(line)
                    heads.append(block.tag == "head")
    return lines, heads


def _article_edges(lines: list[str], heads: list[bool], title: str | None) -> tuple[int, int, str | None]:
    """Where the article proper starts and ends among the extracted lines, and the date of a
    byline or dateline before the lead.

    Before the lead go the headline (or a section's name) and bylines; after the last
    paragraph, contact blocks, copyright and reprint notices, "last modified" lines, promotional
    boxes and the headings left with nothing under them.
    """
    start, dateline = 0, None
    while start < len(lines):
        line = lines[start]
        if heads[start] or (title and _same_words(line, title)) or _never_a_title(line):
            start += 1
        elif _is_byline(line):
            if not dateline and not _holds(line, "furniture.modified"):
                dateline = _date_in(line)
            start += 1
        else:
            break
    end = len(lines)
    for i in range(max(start, end - 8), end):
        if _opens(lines[i], "furniture.blocks") and all(len(x.split()) <= _SHORT for x in lines[i:]):
            end = i
            break
    while end > start and (heads[end - 1] or _is_furniture(lines[end - 1]) or _is_byline(lines[end - 1])):
        line = lines[end - 1]
        if not dateline and _is_byline(line) and not _holds(line, "furniture.modified"):
            dateline = _date_in(line)  # "Published 3 March 2025" under the article
        end -= 1
    # A sign-off after the last sentence: the office's name on a line of its own.
    if end - start > 1 and _SENTENCE.search(lines[end - 2]) and _is_sign_off(lines[end - 1]):
        end -= 1
    return start, end, dateline


def _lead_before(tree: Any, title: str, first: str) -> list[str]:
    """Paragraphs between the page's headline and the first extracted one: a standfirst or intro
    that sits outside the block trafilatura took for the body (`<header>` beside `article-body`),
    or that it pruned as a teaser. Captions, credits and menus there are no lead."""
    order = {el: i for i, el in enumerate(tree.iter())}
    headline = next((h for h in tree.iter("h1", "h2", "h3") if _same_words(h.text_content(), title)), None)
    headline = headline if headline is not None else next(tree.iter("h1"), None)
    body = _element_of(tree, first)
    if headline is None or body is None or order[headline] >= order[body]:
        return []
    skip = set(_words()["lead.not_in"])
    around = set(headline.iterancestors())  # what holds the headline holds the article too
    found = []
    for el in tree.iter("p", "div"):
        if not order[headline] < order[el] < order[body] or el.xpath(".//p or .//div"):
            continue
        if any(_marks(a) & skip for a in _up_to(el, around)):
            continue
        text = " ".join(el.text_content().split())
        if _SENTENCE.search(text) and not _is_furniture(text) and not _is_byline(text):
            found.append(text)
    return found


def _up_to(element: Any, stop: set[Any]) -> Iterator[Any]:
    """An element and its ancestors below the first one in `stop`."""
    yield element
    for ancestor in element.iterancestors():
        if ancestor in stop:
            return
        yield ancestor


def _marks(element: Any) -> set[str]:
    """The words of an element's tag, class and id ("c-article__image-caption"): what a page
    calls the part it is."""
    return set(
        re.split(
            r"[\W_]+", f"{element.tag} {element.get('class') or ''} {element.get('id') or ''}".casefold()
        )
    )


def _is_byline(line: str) -> bool:
    """A short line that says who posted the release and when, or a dateline ("Press release, 9 May 2025")."""
    if len(line.split()) > _BYLINE_WORDS or _SENTENCE.search(line):
        return False
    if _opens(line, "furniture.bylines"):
        return True
    # A date with at most a place or a time beside it ("New Delhi, January 14, 2025", "2 March 2025 - 14:20").
    rest = _DATE.sub(" ", line)
    return rest != line and len(re.findall(r"[^\W\d]+", rest)) <= _DATELINE_WORDS


def _is_sign_off(line: str) -> bool:
    return (
        len(line.split()) <= _SIGN_OFF
        and not line.endswith((".", ":", ";", ","))
        and _looks_like_a_name(line)
    )


def _is_furniture(line: str) -> bool:
    if len(line.split()) > _SHORT:
        return False
    return _opens(line, "furniture.starts") or _holds(line, "furniture.contains")


# --- the title and the site's name ---------------------------------------------------------------


def _choose_title(
    named: Iterable[str | None],
    page_title: str | None,
    above: list[str],
    headings: list[str],
    site_names: list[str],
) -> tuple[str | None, str | None]:
    """The release's headline, and the site's name if the page's titles show it beside the headline.

    `named` are the titles the page's metadata gives (JSON-LD, og:title ...), `above` the page's
    headings nearest the article first, `headings` all that may be the release's.
    """

    def fits(text: str) -> bool:  # a headline: neither a section's name nor the site's own
        return not _never_a_title(text) and not any(_same_words(text, n) for n in site_names)

    for candidate in filter(None, map(_clean, named)):
        title, site = _split_title(candidate, headings, site_names)
        if fits(title):
            return title, site or _site_beside(title, page_title, site_names)
    if page_title:
        # Part of the <title> that is one of the page's headings: the rest is the site's name.
        title, site = _split_title(page_title, headings, site_names)
        if title != page_title and fits(title) and any(_same_words(title, h) for h in headings):
            return title, site
    heading = next((h for h in above if fits(h)), None)
    if heading and len(heading.split()) >= _HEADLINE_WORDS:
        return heading, _site_beside(heading, page_title, site_names)
    if page_title:
        title, site = _split_title(page_title, headings, site_names)
        if fits(title):
            return title, site
    return next(((h, None) for h in headings if fits(h)), (None, None))


def _site_beside(title: str, page_title: str | None, site_names: list[str]) -> str | None:
    """The site's name in the page's <title>: beside the headline, or the whole <title> when it
    reads as a name and has little of the headline in it ("Ministry of External Affairs")."""
    if not page_title:
        return None
    headline, site = _split_title(page_title, [title], site_names)
    if site or _same_words(headline, title):
        return site
    small = set(_words()["titles.name_words"])
    words = set(_key(page_title).split()) - small
    shared = words & set(_key(title).split())
    return page_title if len(shared) < len(words) / 2 and _looks_like_a_name(page_title) else None


def _split_title(title: str, headings: list[str], site_names: list[str]) -> tuple[str, str | None]:
    """A title without the site's name around it ("BMAS - ...", "... | NOW Grenada"), and that name."""
    separators = "|".join(re.escape(s) for s in _words()["titles.separators"])
    pieces = re.split(f"({separators})", title)
    parts = pieces[0::2]
    n = len(parts)
    if n == 1:
        return title, None

    def run(i: int, j: int) -> str:
        return "".join(pieces[2 * i : 2 * j - 1]).strip()

    def rest(i: int, j: int) -> str | None:
        return next(
            (p.strip() for k, p in enumerate(parts) if not i <= k < j and not _never_a_title(p)), None
        )

    # The whole title, or a part (or run of parts) of it, that is one of the page's own headings
    # is the headline.
    if any(_same_words(title, h) for h in headings):
        return title, None
    for length in range(n - 1, 0, -1):
        for i in range(n - length + 1):
            if any(_same_words(run(i, i + length), h) for h in headings):
                return run(i, i + length), rest(i, i + length)
    # Parts that are the site's name or a section's go.
    keep = [
        k
        for k, p in enumerate(parts)
        if not (_never_a_title(p) or any(_same_words(p, s) for s in site_names))
    ]
    if keep and len(keep) < n and keep == list(range(keep[0], keep[-1] + 1)):
        return run(keep[0], keep[-1] + 1), rest(keep[0], keep[-1] + 1)
    # Else the one long part among short names ("BMAS", "NOW Grenada", "Ministry of Defence").
    sizes = [len(p.split()) for p in parts]
    best = max(range(n), key=sizes.__getitem__)
    if all(
        sizes[k] < sizes[best] and sizes[k] <= 5 and _looks_like_a_name(parts[k])
        for k in range(n)
        if k != best
    ):
        return parts[best].strip(), rest(best, best + 1)
    return title, None


def _looks_like_a_name(text: str) -> bool:
    """Words written as a name is: each capitalised (or a number) but for small linking words."""
    small = _words()["titles.name_words"]
    return all(w[:1].isupper() or w[:1].isdigit() or w.casefold() in small for w in text.split())


def _never_a_title(text: str) -> bool:
    """A skip link's heading or a section's name ("Navigation and service", "Press releases")."""
    return " ".join(re.findall(r"\w+", text.casefold())) in _words()["titles.never"]


def _page_headings(tree: Any, lines: list[str], heads: list[bool]) -> tuple[list[str], list[str]]:
    """The page's headings that may be the release's: those above the article's first paragraph
    (nearest first), and all of them (those before the extracted lead, then <h1>s, <h2>s, <h3>s)."""
    leading = []
    first = None
    for line, head in zip(lines, heads, strict=True):
        if _SENTENCE.search(line) and not head:
            first = line
            break
        if head:
            leading.append(line)
    body = _element_of(tree, first) if first else None
    preceding = body.xpath("preceding::*[self::h1 or self::h2 or self::h3]") if body is not None else []
    above = [h for h in (_clean(h.text_content()) for h in reversed(preceding)) if h]
    found = [h for h in (_clean(h.text_content()) for tag in ("h1", "h2", "h3") for h in tree.iter(tag)) if h]
    return above, [*leading, *found]


def _element_of(tree: Any, line: str) -> Any:
    """The paragraph (or block) of the page that holds exactly this extracted line."""
    return next((p for p in tree.iter("p", "div") if _same_words(p.text_content(), line)), None)


def _title_element(tree: Any) -> str | None:
    element = tree.find(".//head/title")  # not an icon's <svg><title> in the body
    element = element if element is not None else tree.find(".//title")
    return element.text_content() if element is not None else None


# --- metadata -----------------------------------------------------------------------------------


def _meta(tree: Any) -> dict[str, str]:
    """The page's <meta> values by name or property in small letters (the first of each)."""
    found: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "").strip()
        value = _clean(m.get("content"))
        if key and value:
            found.setdefault(key.casefold(), value)
    return found


class _LinkedData:
    """What the page's JSON-LD says of the article: its headline, dates, publisher and address."""

    def __init__(self, tree: Any) -> None:
        objects = list(self._objects(tree))
        kinds = _words()["metadata.articles"]
        article = next((o for o in objects if _types(o) & set(kinds)), None)
        article = article or next((o for o in objects if "webpage" in _types(o)), {})
        self.headline = _string(article.get("headline")) or _string(article.get("name"))
        self.published = _string(article.get("datePublished")) or _string(article.get("dateCreated"))
        self.modified = next((m for o in objects if (m := _string(o.get("dateModified")))), None)
        publisher = article.get("publisher")
        if isinstance(publisher, list):
            publisher = publisher[0] if publisher else None
        self.publisher = _string(publisher.get("name")) if isinstance(publisher, dict) else _string(publisher)
        main = article.get("mainEntityOfPage")
        self.url = _string(article.get("url")) or (
            _string(main.get("@id")) if isinstance(main, dict) else _string(main)
        )

    @staticmethod
    def _objects(tree: Any) -> Iterator[dict[str, Any]]:
        for script in tree.iter("script"):
            if "ld+json" not in (script.get("type") or "").casefold():
                continue
            try:
                data = json.loads(script.text or "")
            except (ValueError, RecursionError):
                continue  # a broken block says nothing
            yield from _walk(data, 0)


def _walk(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > _JSON_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _walk(data.get("@graph"), depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.casefold() for k in kinds if isinstance(k, str)}


def _string(value: Any) -> str | None:
    return _clean(value) if isinstance(value, str) else None


def _time_elements(tree: Any) -> Iterator[str]:
    """Dates of the page's <time> elements, a publication's first, never one that says it is a change."""
    times = list(tree.iter("time"))
    marked = [
        t for t in times if t.get("pubdate") is not None or (t.get("itemprop") or "") == "datePublished"
    ]
    for t in (*marked, *times):
        if not _holds(_text_before(t), "furniture.modified"):
            found = _date_in(t.get("datetime")) or _date_in(t.text_content())
            if found:
                yield found


def _text_before(element: Any) -> str:
    """The few words before an element inside its parent ("Updated: <time>")."""
    parent = element.getparent()
    if parent is None:
        return ""
    bits = [parent.text or ""]
    for sibling in parent:
        if sibling is element:
            break
        bits += [sibling.text_content(), sibling.tail or ""]
    return "".join(bits)[-40:]


def _address(tree: Any, meta: dict[str, str], ld: _LinkedData) -> str | None:
    """The page's address: its canonical link, then og:url and the like, then JSON-LD."""
    canonical = [
        link.get("href") for link in tree.iter("link") if "canonical" in (link.get("rel") or "").casefold()
    ]
    for url in (*canonical, *(meta.get(k) for k in _words()["metadata.addresses"]), ld.url):
        if url and url.strip().startswith(("http://", "https://")):
            return url.strip()
    return None


# --- small helpers --------------------------------------------------------------------------------


def _date_in(text: str | None) -> str | None:
    """The first real calendar date written in `text` (9 May 2025, May 9, 2025, 2025-05-09, 09.05.2025)."""
    return next((iso for m in _DATE.finditer(text) if (iso := _iso(m))), None) if text else None


def _iso(m: re.Match[str]) -> str | None:
    """The date a match of `_DATE` writes, as YYYY-MM-DD, if it is a real one."""
    if m["y3"]:
        y, mo, d = int(m["y3"]), int(m["m3"]), int(m["d3"])
    elif m["y4"]:
        y, mo, d = int(m["y4"]), int(m["m4"]), int(m["d4"])
    else:
        month = _MONTHS.get((m["m1"] or m["m2"]).casefold())
        if month is None:
            return None
        y, mo, d = int(m["y1"] or m["y2"]), month, int(m["d1"] or m["d2"])
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _repeats(short: str, other: str) -> bool:
    """Whether nearly every word of `short` stands in `other` too."""
    words = set(_key(short).split())
    return len(words & set(_key(other).split())) >= _REPEATED * len(words)


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _same_words(a: str, b: str) -> bool:
    return _key(a) == _key(b)


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None
