"""Saved web pages of government sites: the whole article, and the page's own title, date and publisher.

Each page here is built in the shape a kind of site really uses (a teaser block for the lead,
a press-contact block, a copyright notice inside the content wrapper, a skip-link heading,
the section's name as the first heading, site names around the title ...); the sentences are
invented. Every page is checked the way pages of further sites are: its first and last
paragraph, no furniture in the body, and its title, date and publisher.
"""

from __future__ import annotations

import json
from pathlib import Path

from readout_browser import jsonform
from readout_browser.model import Readout
from readout_browser.parse.loading import load_document

LEAD = "The Minister for Foreign Affairs received the Ambassador of Chile on Tuesday for talks on trade."
MIDDLE = "The two sides reviewed the negotiations on a new fisheries agreement and on student exchanges."
LAST = "The Minister accepted an invitation to visit Santiago in the autumn, the ministry said."
HEADLINE = "Foreign Minister receives the Ambassador of Chile"

CHROME_TOP = """<header class="site-header"><a class="logo" href="/">Home</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/ministry">The Ministry</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>"""
CHROME_BOTTOM = """<footer><ul><li><a href="/privacy">Privacy</a></li><li><a href="/imprint">Imprint</a></li>
</ul><p>Follow us on social media</p></footer>"""


def page(tmp_path: Path, head: str, main: str, name: str = "page.html") -> Path:
    """A saved page: the given <head> lines and main content between a site's menus and footer."""
    html = (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n{head}\n</head><body>\n'
        f"{CHROME_TOP}\n<main>\n{main}\n</main>\n{CHROME_BOTTOM}\n</body></html>\n"
    )
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def loaded(path: Path) -> tuple[object, list[str]]:
    result = load_document(path)
    assert isinstance(result, tuple), "a web page loads as (source, body)"
    source, body = result
    return source, body.split("\n")


def paras(*texts: str) -> str:
    return "\n".join(f"<p>{t}</p>" for t in texts)


def in_content(before: str = "", after: str = "") -> str:
    """The usual article: the headline and the three paragraphs in a content wrapper, with the
    given furniture before the lead and after the last paragraph."""
    return f'<div class="article-content"><h1>{HEADLINE}</h1>{before}{paras(LEAD, MIDDLE, LAST)}{after}</div>'


def loaded_titled(tmp_path: Path, main: str) -> tuple[object, list[str]]:
    """A saved page whose <title> is the headline itself."""
    return loaded(page(tmp_path, f"<title>{HEADLINE}</title>", main))


# --- the lead paragraph, set apart as a teaser ---------------------------------------------------


def test_a_standfirst_in_the_article_header_is_the_first_paragraph(tmp_path: Path) -> None:
    main = (
        f'<article><header class="article-header"><h1>{HEADLINE}</h1>'
        f'<p class="standfirst">{LEAD}</p></header>'
        f'<div class="article-body">{paras(MIDDLE, LAST)}</div></article>'
    )
    source, lines = loaded_titled(tmp_path, main)
    assert lines == [LEAD, MIDDLE, LAST]
    assert source.title == HEADLINE


def test_a_lead_in_a_teaser_block_is_kept(tmp_path: Path) -> None:
    lead = "Prime Minister Mark Carney spoke today by telephone with President Lula of Brazil."
    rest = (
        "The leaders discussed the situation in Venezuela and the importance of regional stability.",
        "Prime Minister Carney welcomed the progress on a trade agreement between Canada and Mercosur.",
        "The leaders agreed to remain in close contact in the weeks ahead.",
    )
    main = (
        '<div class="content-wrapper"><h1>Prime Minister Carney speaks with President Lula</h1>'
        f'<div class="article-intro teaser-text"><p>{lead}</p></div>{paras(*rest)}</div>'
    )
    _, lines = loaded(page(tmp_path, "<title>Prime Minister Carney speaks with President Lula</title>", main))
    assert lines == [lead, *rest]


def test_an_intro_paragraph_marked_as_a_teaser_is_kept(tmp_path: Path) -> None:
    main = (
        f'<section class="press-release"><h1>{HEADLINE}</h1>'
        f'<p class="intro teaser">{LEAD}</p>{paras(MIDDLE, LAST)}</section>'
    )
    _, lines = loaded_titled(tmp_path, main)
    assert lines[0] == LEAD and lines[-1] == LAST


def test_a_quotation_set_in_a_bordered_box_stays_in_its_place(tmp_path: Path) -> None:
    quote = (
        "“Chile is a close partner of ours in the Pacific and in Europe,” the Minister said after the talks."
    )
    main = (
        f"<article><h1>{HEADLINE}</h1>{paras(LEAD)}"
        f'<div style="border-left: 4px solid #c00; padding-left: 1em"><p>{quote}</p></div>'
        f"{paras(LAST)}</article>"
    )
    _, lines = loaded_titled(tmp_path, main)
    assert lines == [LEAD, quote, LAST]


def test_a_summary_that_the_first_paragraph_repeats_is_not_a_second_lead(tmp_path: Path) -> None:
    summary = "The Minister for Foreign Affairs received the Ambassador of Chile today."
    main = (
        f'<article><header class="article-header"><h1>{HEADLINE}</h1>'
        f'<p class="summary">{summary}</p></header>'
        f'<div class="article-body">{paras(LEAD, MIDDLE, LAST)}</div></article>'
    )
    _, lines = loaded_titled(tmp_path, main)
    assert lines == [LEAD, MIDDLE, LAST]


# --- page furniture inside the content wrapper ----------------------------------------------------


def test_a_press_contact_block_with_a_last_modified_line_is_not_the_readout(tmp_path: Path) -> None:
    main = (
        f"<article><h1>{HEADLINE}</h1>{paras(LEAD, MIDDLE, LAST)}"
        '<div class="press-contact"><p>Press contact: Press and Information Office</p>'
        "<p>Werderscher Markt 1, 10117 Berlin</p>"
        "<p>Telephone: +49 30 18 000 0000, Email: presse@example.gov</p>"
        "<p>Last modified: 14 May 2025</p></div></article>"
    )
    source, lines = loaded_titled(tmp_path, main)
    assert lines == [LEAD, MIDDLE, LAST]
    assert source.date != "2025-05-14", "the day the page was last changed is not the readout's date"


def test_a_copyright_and_reprint_notice_at_the_end_of_the_content_is_dropped(tmp_path: Path) -> None:
    main = in_content(
        after="<p>Reprinting is permitted free of charge provided the source is acknowledged.</p>"
        "<p>© 2025 Ministry for Foreign Affairs. All rights reserved.</p>"
    )
    _, lines = loaded_titled(tmp_path, main)
    assert lines == [LEAD, MIDDLE, LAST]


def test_a_promotional_box_appended_to_the_body_is_dropped(tmp_path: Path) -> None:
    main = in_content(
        after='<div class="info-box"><h3>FAQs</h3><p>Travelling abroad this summer? Get answers to your '
        "questions about visas and passports.</p></div>"
    )
    _, lines = loaded_titled(tmp_path, main)
    assert lines == [LEAD, MIDDLE, LAST]


def test_a_posted_byline_and_an_update_line_before_the_lead_are_not_paragraphs(tmp_path: Path) -> None:
    main = in_content(before="<p>Last updated: 5 April 2025</p><p>Posted: 3 April 2025 | 14:20</p>")
    source, lines = loaded_titled(tmp_path, main)
    assert lines == [LEAD, MIDDLE, LAST]
    assert source.date == "2025-04-03", "the byline's date is the release's own"


def test_publication_lines_a_disclaimer_and_a_sign_off_under_the_article_are_dropped(tmp_path: Path) -> None:
    main = (
        f'<article class="post"><h1>{HEADLINE}</h1><div class="entry-content">{paras(LEAD, MIDDLE, LAST)}'
        "<p><em>Press and Information Department</em></p>"
        "<p>Published 11 February 2025</p>"
        "<p>The site is not responsible for the opinions expressed in comments. "
        "Click here to report abuse.</p>"
        "</div></article>"
    )
    source, lines = loaded_titled(tmp_path, main)
    assert lines == [LEAD, MIDDLE, LAST]
    assert source.date == "2025-02-11"


def test_teasers_of_other_articles_and_a_photo_caption_are_not_the_readout(tmp_path: Path) -> None:
    main = (
        f'<div class="article"><h1>{HEADLINE}</h1>'
        '<div class="article-image"><img src="a.jpg">'
        '<p class="image-caption">The Minister and the Ambassador before the talks at the ministry.</p></div>'
        f'<div class="article-text">{paras(LEAD, MIDDLE, LAST)}</div>'
        '<div class="teaser-list"><h2>More on this topic</h2>'
        '<div class="teaser"><h3><a href="/n1">Minister of State visits Lima</a></h3>'
        "<p>The Minister of State held talks in Lima on mining and on the energy transition.</p></div>"
        '<div class="teaser"><h3><a href="/n2">Funds for the electoral commission</a></h3>'
        "<p>The ministry is providing funds to support the electoral commission before the vote.</p></div>"
        "</div></div>"
    )
    _, lines = loaded_titled(tmp_path, main)
    assert lines == [LEAD, MIDDLE, LAST]


# --- the title: the article's own headline --------------------------------------------------------


def test_a_skip_navigation_heading_and_the_section_name_are_not_the_title(tmp_path: Path) -> None:
    main = (
        '<div id="skip"><h2>Navigation and service</h2><ul><li><a href="#content">Go to content</a></li>'
        '<li><a href="#search">Go to search</a></li></ul></div>'
        '<h1 class="section-title">Press releases</h1>'
        f'<div class="article-content"><h2>{HEADLINE}</h2>{paras(LEAD, MIDDLE, LAST)}</div>'
    )
    source, lines = loaded(page(tmp_path, f"<title>Ministry for Foreign Affairs - {HEADLINE}</title>", main))
    assert source.title == HEADLINE
    assert lines == [LEAD, MIDDLE, LAST]


def test_a_listing_page_name_before_the_headline_is_not_the_title(tmp_path: Path) -> None:
    main = f"<h1>Latest news</h1><article><h1>{HEADLINE}</h1>{paras(LEAD, MIDDLE, LAST)}</article>"
    source, _ = loaded(page(tmp_path, "<title>Latest news</title>", main))
    assert source.title == HEADLINE


def test_a_short_headline_under_a_newsroom_heading_is_the_title(tmp_path: Path) -> None:
    main = (
        '<h1>Newsroom</h1><div class="article-content"><h2>Call with Chile</h2>'
        f"{paras(LEAD, MIDDLE, LAST)}</div>"
    )
    source, lines = loaded(page(tmp_path, "<title>Newsroom</title>", main))
    assert source.title == "Call with Chile"
    assert lines == [LEAD, MIDDLE, LAST]


def test_a_site_name_prefix_is_removed_from_the_title(tmp_path: Path) -> None:
    main = f'<div class="article-content">{paras(LEAD, MIDDLE, LAST)}</div>'
    source, _ = loaded(page(tmp_path, f"<title>BMAS - {HEADLINE}</title>", main))
    assert source.title == HEADLINE


def test_a_site_name_suffix_is_removed_from_the_og_title_and_names_the_publisher(tmp_path: Path) -> None:
    suffixed = f"{HEADLINE} | NOW Grenada"
    head = f'<title>{suffixed}</title><meta property="og:title" content="{suffixed}">'
    main = f'<div class="article-content">{paras(LEAD, MIDDLE, LAST)}</div>'
    source, _ = loaded(page(tmp_path, head, main))
    assert source.title == HEADLINE
    assert source.publisher == "NOW Grenada"


def test_an_og_title_that_is_only_the_site_name_is_not_the_title(tmp_path: Path) -> None:
    head = (
        "<title>Ministry for Foreign Affairs</title>"
        '<meta property="og:title" content="Ministry for Foreign Affairs">'
        '<meta property="og:site_name" content="Ministry for Foreign Affairs">'
    )
    main = in_content()
    source, _ = loaded(page(tmp_path, head, main))
    assert (source.title, source.publisher) == (HEADLINE, "Ministry for Foreign Affairs")


def test_the_heading_above_the_article_beats_a_page_title_that_is_the_site_name(tmp_path: Path) -> None:
    main = (
        '<h2 class="inner-heading">Press Releases</h2>'
        f'<h3 class="press-title">{HEADLINE}</h3><p class="date-post">Posted On: 14 January 2025</p>'
        f'<div class="inner-text">{paras(LEAD, MIDDLE, LAST)}</div>'
    )
    source, lines = loaded(
        page(tmp_path, "<title>Ministry for Foreign Affairs, Republic of Chile</title>", main)
    )
    assert (source.title, source.publisher) == (HEADLINE, "Ministry for Foreign Affairs, Republic of Chile")
    assert source.date == "2025-01-14"
    assert lines == [LEAD, MIDDLE, LAST]


# --- date, publisher and address from the page's metadata -------------------------------------------


def test_json_ld_gives_headline_publication_date_and_publisher(tmp_path: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": HEADLINE,
        "datePublished": "2025-02-11T09:30:00+01:00",
        "dateModified": "2025-03-01T16:00:00+01:00",
        "publisher": {"@type": "GovernmentOrganization", "name": "Ministry for Foreign Affairs"},
    }
    head = (
        f'<title>News - Ministry for Foreign Affairs</title><meta name="last-modified" content="2025-03-01">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    )
    main = f'<h1>News</h1><div class="article-content">{paras(LEAD, MIDDLE, LAST)}</div>'
    source, lines = loaded(page(tmp_path, head, main))
    assert (source.title, source.date, source.publisher) == (
        HEADLINE,
        "2025-02-11",
        "Ministry for Foreign Affairs",
    )
    assert lines == [LEAD, MIDDLE, LAST]


def test_open_graph_gives_the_address_publisher_and_publication_time(tmp_path: Path) -> None:
    head = (
        f'<title>{HEADLINE}</title><meta property="og:title" content="{HEADLINE}">'
        '<meta property="og:site_name" content="Ministry for Foreign Affairs">'
        '<meta property="og:url" content="https://www.example.gov/news/chile-ambassador">'
        '<meta property="article:published_time" content="2025-02-11T09:30:00Z">'
        '<meta property="article:modified_time" content="2025-04-02T10:00:00Z">'
    )
    main = f"<article><h1>{HEADLINE}</h1>{paras(LEAD, MIDDLE, LAST)}</article>"
    source, _ = loaded(page(tmp_path, head, main))
    assert source.url == "https://www.example.gov/news/chile-ambassador"
    assert source.publisher == "Ministry for Foreign Affairs"
    assert source.date == "2025-02-11"


def test_the_canonical_link_gives_the_address(tmp_path: Path) -> None:
    head = f'<title>{HEADLINE}</title><link rel="canonical" href="https://mfa.example.gov/press/2025/chile">'
    main = f"<article><h1>{HEADLINE}</h1>{paras(LEAD, MIDDLE, LAST)}</article>"
    source, _ = loaded(page(tmp_path, head, main))
    assert source.url == "https://mfa.example.gov/press/2025/chile"


def test_the_release_dateline_wins_over_a_last_modified_date(tmp_path: Path) -> None:
    main = in_content(
        before='<p class="dateline">Press release, 9 January 2025</p>',
        after='<p class="modified">Page last modified: 27 March 2025</p>',
    )
    source, lines = loaded_titled(tmp_path, main)
    assert source.date == "2025-01-09"
    assert lines == [LEAD, MIDDLE, LAST]


def test_a_time_element_in_the_article_gives_the_date(tmp_path: Path) -> None:
    main = (
        f'<article><h1>{HEADLINE}</h1><div class="article-meta"><span class="label">Issued</span> '
        '<time datetime="2025-07-16">Wednesday</time></div>'
        f"{paras(LEAD, MIDDLE, LAST)}"
        '<p>Updated: <time datetime="2025-08-01">1 August 2025</time></p></article>'
    )
    source, lines = loaded_titled(tmp_path, main)
    assert source.date == "2025-07-16"
    assert lines == [LEAD, MIDDLE, LAST]


def test_the_publisher_is_the_office_never_the_headline(tmp_path: Path) -> None:
    main = in_content()
    source, _ = loaded(page(tmp_path, f"<title>{HEADLINE} | Ministry for Foreign Affairs</title>", main))
    assert source.title == HEADLINE
    assert source.publisher == "Ministry for Foreign Affairs"


# --- the page's own headings -------------------------------------------------------------------------


def test_subheadings_of_the_article_are_kept_and_marked_as_headings(tmp_path: Path) -> None:
    heading = "Cooperation in science"
    main = f"<article><h1>{HEADLINE}</h1>{paras(LEAD, MIDDLE)}<h3>{heading}</h3>{paras(LAST)}</article>"
    source, body = load_document(page(tmp_path, f"<title>{HEADLINE}</title>", main))
    assert body.split("\n") == [LEAD, MIDDLE, heading, LAST]
    start = body.index(heading)
    assert source.headings == ((start, start + len(heading)),)


def test_the_headings_are_kept_in_the_readout_json(tmp_path: Path) -> None:
    main = f"<article><h1>{HEADLINE}</h1>{paras(LEAD)}<h2>Trade</h2>{paras(MIDDLE, LAST)}</article>"
    source, body = load_document(page(tmp_path, f"<title>{HEADLINE}</title>", main))
    readout = Readout(source=source, text=body)
    again = jsonform.from_dict(json.loads(jsonform.dumps(readout)))
    assert again.source.headings == source.headings != ()


def test_a_plain_text_has_no_headings(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(f"{LEAD}\n{MIDDLE}\n", encoding="utf-8")
    source, _ = load_document(path)
    assert source.headings == ()
