"""How long a large saved web page takes to load: trafilatura, the metadata and the post-pass.

    .venv/bin/python bench/bench_webpage.py [--size-kb 500] [--runs 7]

Builds a saved page of about `--size-kb` kilobytes the way browsers save government pages
(inline styles and scripts in the head, menus of hundreds of links, a short article with
a teaser lead, a contact block and a copyright line, sidebars of teasers, a long footer),
then prints the median and spread of `load_document` over `--runs` runs after a warm-up
(which pays for importing trafilatura). The machine is shared and noisy: a median, never
a single timing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from readout_browser.parse.loading import load_document

WORDS = ("minister", "talks", "cooperation", "energy", "trade", "security", "partners", "agreement", "region")


def sentence(i: int, n: int = 18) -> str:
    words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(n)]
    return f"{' '.join(words).capitalize()} number {i}."


def build_page(size_kb: int) -> str:
    """A saved page of about `size_kb` kilobytes around an article of twelve paragraphs."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Minister holds talks on energy cooperation",
        "datePublished": "2025-05-12T10:00:00+02:00",
        "dateModified": "2025-05-20T10:00:00+02:00",
        "publisher": {"@type": "GovernmentOrganization", "name": "Ministry of Energy"},
    }
    head = [
        '<meta charset="utf-8">',
        "<title>Minister holds talks on energy cooperation | Ministry of Energy</title>",
        '<link rel="canonical" href="https://energy.example.gov/news/talks">',
        f'<script type="application/ld+json">{json.dumps(ld)}</script>',
    ]
    menu = "".join(f'<li><a href="/section/{i}">Section {i} of the site</a></li>' for i in range(300))
    article = (
        "<article><header><h1>Minister holds talks on energy cooperation</h1>"
        f'<p class="teaser">{sentence(0)}</p></header><div class="article-body">'
        + "".join(f"<p>{sentence(i)}</p>" for i in range(1, 12))
        + "<h3>Contact</h3><p>Press contact: Press Office</p><p>© 2025 Ministry of Energy</p></div></article>"
    )
    teasers = "".join(
        f'<div class="teaser"><h3><a href="/n/{i}">Other news {i}</a></h3><p>{sentence(i, 12)}</p></div>'
        for i in range(40)
    )
    html = (
        f"<!DOCTYPE html><html><head>{''.join(head)}</head><body><nav><ul>{menu}</ul></nav>"
        f"<main>{article}<aside>{teasers}</aside></main><footer><ul>{menu}</ul></footer></body></html>"
    )
    # Half of a real saved page is markup (mega-menus, icons, cards), half inline CSS and script.
    style = "<style>" + ".c{color:#123456;margin:0 auto;padding:1px 2px}\n" * 100 + "</style>"
    script = "<script>" + "var x = {a: 1, b: [1, 2, 3], c: 'text'};\n" * 100 + "</script>"
    cards = "".join(
        f'<div class="card"><span class="icon"></span><a href="/c/{i}"><span>Card {i}</span></a></div>'
        for i in range(60)
    )
    while len(html.encode()) < size_kb * 1024:
        html = html.replace("</head>", style + script + "</head>", 1)
        html = html.replace("<footer>", f'<div class="mega-menu">{cards}</div><footer>', 1)
    return html


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-kb", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "saved-page.html"
        path.write_text(build_page(args.size_kb), encoding="utf-8")
        size = path.stat().st_size
        source, body = load_document(path)  # warm-up: imports trafilatura, compiles its XPaths
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            load_document(path)
            times.append((time.perf_counter() - start) * 1000)
    print(f"page: {size / 1024:.0f} KB, article {len(body.splitlines())} paragraphs")
    print(f"title: {source.title!r}, date: {source.date}, publisher: {source.publisher!r}")
    print(
        f"load_document: median {statistics.median(times):.0f} ms, min {min(times):.0f}, max {max(times):.0f}"
    )


if __name__ == "__main__":
    main()
