"""Exports: the printed report as PDF, pledges and quotes as CSV, readout/1 JSON, and the headless CLI.

PDF text is read back with pypdf; Qt writes tabs and line breaks between words, so
texts are compared with their white space taken out.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from argparse import Namespace
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageSize, QTextCharFormat, QTextDocument, QTextImageFormat

from readout_browser import jsonform
from readout_browser.export import cli_export, export_csv, export_json
from readout_browser.export.pdf import export_pdf, pdf_printer, readout_document, render_to_printer
from readout_browser.export.report_html import report_html
from readout_browser.export.wording import pledge_amount, report_title
from readout_browser.model import Meeting, Person, Pledge, Quote, Readout, Source, Topic
from readout_browser.parse.pipeline import parse_file
from readout_browser.search import parse_query, select
from sample_readouts import norway_call, span_of

ROOT = Path(__file__).resolve().parents[1]
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]
CLI = ROOT / ".venv" / "bin" / "readout-browser"
SEED_DIRECT_QUOTES = (
    "We must continue to exert pressure on Russia in order to end this war with dignity",
    "We are counting on the presence of Canadian forces in Ukraine. This is important for us",
    "We emphasize that the approach to peace and security must follow the principle",
    "We will also allocate over 200 million dollars for the joint production of defense products",
)
MARKUP = '<b>bold</b> <img src="https://example.org/x.png"> &amp; <a href="https://example.org">link</a>'


def squeeze(text: str) -> str:
    """Text with every white space removed, for comparing what a PDF holds."""
    return re.sub(r"\s+", "", text)


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def seed() -> Readout:
    return parse_file(SEED)


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory, seed: Readout) -> tuple[Path, int]:
    from readout_browser.export.pdf import ensure_gui_app

    ensure_gui_app()
    path = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    return path, export_pdf(seed, path)


# -- the PDF report -------------------------------------------------------------------------


def test_the_seed_report_names_the_participants_and_prints_every_direct_quote(
    qapp: object, seed: Readout, seed_pdf: tuple[Path, int]
) -> None:
    text = squeeze(" ".join(pdf_pages(seed_pdf[0])))
    for name in ("Volodymyr Zelenskyy", "President of Ukraine", "Mark Carney", "Prime Minister of Canada"):
        assert squeeze(name) in text
    for opening in SEED_DIRECT_QUOTES:
        assert squeeze(opening) in text
    for quote in seed.quotes:
        assert squeeze(quote.text) in text


def test_the_seed_report_prints_each_pledge_amount_and_a_total_that_counts_parts_once(
    qapp: object, seed: Readout, seed_pdf: tuple[Path, int]
) -> None:
    text = squeeze(" ".join(pdf_pages(seed_pdf[0])))
    for pledge in seed.pledges:
        assert squeeze(pledge_amount(pledge)) in text
        assert squeeze(seed.snippet(pledge.span)) in text
    # 2 bn + 500 m + 200 m + 165 m; the 800 m of the 2 bn package is not added again.
    assert squeeze("Total CAD 2.87 bn") in text
    assert "CAD3.67bn" not in text


def test_every_page_is_numbered_and_carries_the_running_header(
    qapp: object, seed: Readout, seed_pdf: tuple[Path, int]
) -> None:
    path, count = seed_pdf
    pages = pdf_pages(path)
    assert len(pages) == count
    assert 2 <= count <= 6
    for number, page in enumerate(pages, 1):
        assert squeeze(f"Page {number} of {count}") in squeeze(page)
    for page in pages[1:]:
        assert squeeze(page).startswith(squeeze(report_title(seed)))
    assert PdfReader(path).metadata.title == report_title(seed)


def test_a_long_pledge_table_repeats_its_header_and_never_tears_a_row(qapp: object, tmp_path: Path) -> None:
    lines, pledges = [], []
    text = ""
    for i in range(60):
        sentence = f"Donor{i} will allocate {i + 1} million euros to item{i}start and item{i}end."
        start = len(text)
        text += sentence + "\n"
        amount = f"{i + 1} million euros"
        pledges.append(
            Pledge(
                f"p{i}",
                span_of(text, amount, 0 if i == 0 else text[:start].count(amount)),
                donor=f"Donor{i}",
                recipient="Ukraine",
                amount=(i + 1) * 1e6,
                currency="EUR",
                purpose=f"item{i}start "
                + "long-range air defence, artillery and training " * 2
                + f"item{i}end",
                evidence=(start, start + len(sentence)),
            )
        )
        lines.append((start, start + len(sentence)))
    readout = Readout(
        Source(title="Sixty pledges", date="2024-02-14"),
        text,
        pledges=tuple(pledges),
        paragraphs=tuple(lines),
        sentences=tuple(lines),
    )
    path = tmp_path / "long.pdf"
    count = export_pdf(readout, path)
    pages = [squeeze(p) for p in pdf_pages(path)]
    assert count == len(pages) >= 3
    table_pages = [p for p in pages if "Donor0" in p or "Donor59" in p or "Donor30→Ukraine" in p]
    assert table_pages
    for page in pages:
        if re.search(r"Donor\d+→Ukraine", page):
            assert squeeze("Donor → recipient") in page
    for i in range(60):
        holding = [n for n, p in enumerate(pages) if f"item{i}start" in p and f"Donor{i}→" in p]
        assert holding, f"row {i} starts on a page without its donor"
        assert f"item{i}end" in pages[holding[0]], f"row {i} is torn across pages"


def test_a_print_range_prints_only_those_pages(qapp: object, seed: Readout, tmp_path: Path) -> None:
    printer = pdf_printer(tmp_path / "page2.pdf", "part")
    printer.setFromTo(2, 2)
    assert render_to_printer(readout_document(seed), printer) == 1
    (page,) = pdf_pages(tmp_path / "page2.pdf")
    assert "Page2of" in squeeze(page)


def test_the_same_document_prints_again_on_another_printer(
    qapp: object, seed: Readout, tmp_path: Path
) -> None:
    doc = readout_document(seed)
    a4 = render_to_printer(doc, pdf_printer(tmp_path / "a.pdf", "a"))
    small = pdf_printer(tmp_path / "b.pdf", "b")
    small.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    assert render_to_printer(doc, small) > a4
    assert render_to_printer(doc, pdf_printer(tmp_path / "c.pdf", "c")) == a4


def test_a_filtered_report_holds_only_what_the_filter_keeps(qapp: object, tmp_path: Path) -> None:
    readout = norway_call()
    query = parse_query("speaker:store")
    html = report_html(readout, select(readout, query), filter_text=query.text)
    doc = QTextDocument()
    doc.setHtml(html)
    text = doc.toPlainText()
    quotes = text[text.index("\nQuotes\n") : text.index("\nPledges\n")]
    assert "Norway will provide 1.5 billion kroner" in quotes
    assert "We count on the unity of Europe" not in quotes
    participants = text[text.index("\nParticipants\n") : text.index("\nTopics\n")]
    assert "Jonas Gahr Støre" in participants
    assert "Volodymyr Zelenskyy" not in participants
    assert "Filtered by “speaker:store”: this report shows 2 of 5 quotes, 2 of 4 pledges" in text
    assert "€300 million" not in text[text.index("\nPledges\n") : text.index("\nSource text\n")]


def test_totals_count_each_sub_allocation_once_per_currency(qapp: object) -> None:
    doc = QTextDocument()
    doc.setHtml(report_html(norway_call()))
    pledges = doc.toPlainText().split("\nPledges\n", 1)[1]
    total = pledges[pledges.index("Total") :]
    assert "NOK 1.5 bn" in total  # 1.5 bn with its 500 m part inside it
    assert "EUR 300 m" in total
    assert "NOK 2 bn" not in total
    assert "1 pledge names no amount." in pledges


# -- readout text stays text ---------------------------------------------------------------------


def marked_up_readout() -> Readout:
    text = f"President Ada Markup said “{MARKUP}” and pledged €5 million for {MARKUP}."
    quote_span = span_of(text, MARKUP)
    return Readout(
        source=Source(title=f"Title {MARKUP}", publisher=MARKUP, date="2024-01-10"),
        text=text,
        meeting=Meeting("meeting", place=MARKUP),
        people=(Person("ada", f"Ada {MARKUP}", MARKUP, "Freedonia", (span_of(text, "Ada Markup"),)),),
        quotes=(Quote("q1", "direct", MARKUP, quote_span, "ada", "said"),),
        pledges=(Pledge("p1", span_of(text, "€5 million"), MARKUP, MARKUP, 5e6, "EUR", purpose=MARKUP),),
        topics=(Topic("t1", f"Topic {MARKUP}", None, ((0, len(text)),)),),
    )


def test_markup_in_a_readout_is_printed_as_text(qapp: object) -> None:
    doc = QTextDocument()
    doc.setHtml(report_html(marked_up_readout()))
    plain = doc.toPlainText()
    assert plain.count(MARKUP) >= 8
    block = doc.begin()
    while block.isValid():
        for fragment in block:
            fmt: QTextCharFormat = fragment.fragment().charFormat()
            assert not fmt.isAnchor()
            assert not fmt.isImageFormat() and not isinstance(fmt, QTextImageFormat)
        block = block.next()


def test_a_pdf_of_markup_holds_the_characters_and_no_image_or_link(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "markup.pdf"
    export_pdf(marked_up_readout(), path)
    reader = PdfReader(path)
    text = squeeze(" ".join(p.extract_text() for p in reader.pages))
    assert squeeze(MARKUP) in text
    for page in reader.pages:
        annotations = page.get("/Annots")
        links = [
            a
            for a in (annotations.get_object() if annotations else [])
            if a.get_object().get("/Subtype") == "/Link"
        ]
        assert links == []
        xobjects = page["/Resources"].get("/XObject", {})
        assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())


# -- CSV ---------------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_pledges_csv_has_a_row_per_pledge_with_sub_allocations_linked_to_their_parent(tmp_path: Path) -> None:
    pledges_csv, quotes_csv, people_csv, topics_csv = export_csv([norway_call()], tmp_path / "out")
    rows = read_csv(pledges_csv)
    assert [r["id"] for r in rows] == ["p1", "p2", "p3", "p4"]
    by_id = {r["id"]: r for r in rows}
    assert by_id["p2"]["parent_id"] == "p1"
    assert by_id["p1"]["parent_id"] == ""
    p1 = by_id["p1"]
    assert (p1["donor"], p1["recipient"], p1["amount"], p1["currency"]) == (
        "Norway",
        "Ukraine",
        "1500000000",
        "NOK",
    )
    assert (p1["currency_inferred"], p1["qualifier"], p1["status"], p1["category"]) == (
        "false",
        "exact",
        "committed",
        "military",
    )
    assert p1["speaker"] == "Jonas Gahr Støre"
    assert p1["amount_as_written"] == "1.5 billion kroner"
    assert p1["evidence"].startswith("“Norway will provide 1.5 billion kroner")
    assert p1["converted_currency"] == "EUR"
    assert 0.05 < float(p1["converted_amount"]) / 1.5e9 < 0.15
    assert p1["rate_date"] == "2024-05-06"
    p3 = by_id["p3"]
    assert (p3["amount"], p3["currency"], p3["converted_amount"], p3["rate_date"]) == ("", "", "", "")
    p4 = by_id["p4"]
    assert (p4["converted_amount"], p4["rate"]) == ("300000000", "1")
    quotes = read_csv(quotes_csv)
    assert [(q["id"], q["kind"], q["speaker"]) for q in quotes] == [
        ("q1", "reported", "Volodymyr Zelenskyy"),
        ("q2", "direct", "Jonas Gahr Støre"),
        ("q3", "reported", "Jonas Gahr Støre"),
        ("q4", "reported", "Maroš Šefčovič"),
        ("q5", "direct", "Volodymyr Zelenskyy"),
    ]
    assert quotes[4]["text"] == "We count on the unity of Europe"
    people = read_csv(people_csv)
    assert [(p["id"], p["name"], p["mentions"]) for p in people] == [
        ("zelenskyy", "Volodymyr Zelenskyy", "3"),
        ("store", "Jonas Gahr Støre", "3"),
        ("sefcovic", "Maroš Šefčovič", "1"),
    ]
    topics = {t["id"]: t for t in read_csv(topics_csv)}
    assert topics["air-defence"]["parent_id"] == "military-aid"
    assert topics["energy"]["sentences"] == "2"
    assert topics["energy"]["evidence"].split(" | ")[1].startswith("European Commissioner Maroš Šefčovič")


def test_the_seed_csv_matches_its_pledges(tmp_path: Path, seed: Readout) -> None:
    pledges_csv, quotes_csv, _, _ = export_csv([seed], tmp_path, currency="USD")
    rows = read_csv(pledges_csv)
    assert sorted(r["id"] for r in rows) == sorted(p.id for p in seed.pledges)
    ids = {r["id"] for r in rows}
    for row in rows:
        pledge = seed.pledge(row["id"])
        assert row["parent_id"] == (pledge.parent or "")
        assert row["parent_id"] == "" or row["parent_id"] in ids
        assert row["amount_as_written"] == seed.snippet(pledge.span)
        assert row["converted_currency"] in ("USD", "")
    assert any(r["parent_id"] for r in rows)
    assert len(read_csv(quotes_csv)) == len(seed.quotes)


def test_csv_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    readout = norway_call()
    sneaky = replace(readout.pledges[0], purpose='=HYPERLINK("https://example.org","x")', donor="@Norway")
    readout = replace(readout, pledges=(sneaky, *readout.pledges[1:]))
    row = read_csv(export_csv([readout], tmp_path)[0])[0]
    assert row["purpose"] == '\'=HYPERLINK("https://example.org","x")'
    assert row["donor"] == "'@Norway"


def test_a_filter_limits_the_csv(tmp_path: Path) -> None:
    readout = norway_call()
    pledges_csv, quotes_csv, _, _ = export_csv(
        [readout], tmp_path, selections=[select(readout, parse_query("donor:eu"))]
    )
    assert [r["id"] for r in read_csv(pledges_csv)] == ["p4"]
    assert [r["id"] for r in read_csv(quotes_csv)] == ["q4"]


# -- JSON --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["seed", "sample"])
def test_json_export_reads_back_into_the_same_readout(tmp_path: Path, seed: Readout, which: str) -> None:
    readout = seed if which == "seed" else norway_call()
    path = export_json(readout, tmp_path / "readout.json")
    assert jsonform.load(path, path.read_text(encoding="utf-8")) == readout


# -- the headless command --------------------------------------------------------------------------


def test_cli_export_writes_every_format(tmp_path: Path, seed: Readout) -> None:
    args = Namespace(
        file=[str(SEED)],
        pdf=str(tmp_path / "r.pdf"),
        csv=str(tmp_path / "csv"),
        json=str(tmp_path / "r.json"),
        currency="gbp",
    )
    assert cli_export(args) == 0
    assert len(PdfReader(tmp_path / "r.pdf").pages) >= 2
    assert {p.name for p in (tmp_path / "csv").iterdir()} == {
        "pledges.csv",
        "quotes.csv",
        "people.csv",
        "topics.csv",
    }
    assert {r["converted_currency"] for r in read_csv(tmp_path / "csv" / "pledges.csv")} <= {"GBP", ""}
    assert jsonform.load("r.json", (tmp_path / "r.json").read_text(encoding="utf-8")) == seed


@pytest.mark.parametrize(
    ("file", "reason"),
    [("missing.txt", "missing.txt: "), ("empty.txt", "empty.txt: ")],
)
def test_cli_export_names_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], file: str, reason: str
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.json"
    assert cli_export(Namespace(file=str(tmp_path / file), pdf=None, csv=None, json=str(out))) == 2
    err = capsys.readouterr().err
    assert err.startswith("readout-browser: ") and reason in err
    assert not out.exists()


def test_cli_export_reports_a_malformed_filter_and_an_unknown_currency(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = {"file": [str(SEED)], "pdf": None, "csv": str(tmp_path), "json": None}
    assert cli_export(Namespace(**base, currency="XYZ")) == 2
    assert "XYZ" in capsys.readouterr().err
    assert cli_export(Namespace(**base, filter="amount>lots")) == 2
    assert "not an amount" in capsys.readouterr().err
    assert cli_export(Namespace(**base, filter="donor:canada amount>300m")) == 0
    assert [float(r["amount"]) for r in read_csv(tmp_path / "pledges.csv")] == [2e9, 8e8, 5e8]


@pytest.mark.skipif(not CLI.exists(), reason="the readout-browser command is not installed in .venv")
def test_the_export_command_runs_headless(tmp_path: Path) -> None:
    help_text = subprocess.run([str(CLI), "export", "--help"], capture_output=True, text=True, timeout=60)
    if help_text.returncode != 0 or "--pdf" not in help_text.stdout:
        pytest.skip("the export subcommand is not wired into the command line yet")
    # As from a terminal with no display and no Qt settings: the command must go offscreen itself.
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    run = subprocess.run(
        [
            str(CLI),
            "export",
            str(SEED),
            "--pdf",
            str(tmp_path / "r.pdf"),
            "--csv",
            str(tmp_path / "csv"),
            "--json",
            str(tmp_path / "r.json"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    assert "Page1of" in squeeze(pdf_pages(tmp_path / "r.pdf")[0])
    assert (tmp_path / "csv" / "pledges.csv").is_file()
    missing = subprocess.run(
        [str(CLI), "export", str(tmp_path / "nope.txt"), "--json", str(tmp_path / "x.json")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert missing.returncode == 2
    assert missing.stderr.startswith(f"readout-browser: {tmp_path / 'nope.txt'}: ")


def test_the_export_code_needs_no_qt_for_csv_and_json() -> None:
    code = (
        "import sys; from readout_browser.export import export_csv, export_json, cli_export; "
        "assert not any(m.startswith('PySide6') for m in sys.modules), sorted(sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60).returncode == 0


def test_cli_export_names_an_output_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no such folder" / "r.pdf"
    assert cli_export(Namespace(file=str(SEED), pdf=str(out), csv=None, json=None)) == 2
    assert capsys.readouterr().err.startswith(f"readout-browser: {out}: cannot be written")
