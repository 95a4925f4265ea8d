"""Opening a file as a readout: text with its metadata block, saved web pages, readout/1 JSON.

Every refusal names the file and says what is wrong with it, so a user who opened the
wrong thing knows which file and why.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from readout_browser import jsonform
from readout_browser.errors import ReadoutError
from readout_browser.model import Meeting, Person, Pledge, Quote, Readout, Source, Topic
from readout_browser.parse.loading import TEXT_CAP, load_document

LEAD = "President of Ukraine Volodymyr Zelenskyy held a phone call with Prime Minister of Norway Jonas Støre."
SECOND = "The Head of State thanked Norway for the “steady support” of air defence – and 1.5 billion krone."


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def body_of(path: Path) -> str:
    loaded = load_document(path)
    assert isinstance(loaded, tuple), "a text readout loads as (source, body)"
    return loaded[1]


def refusal(path: Path) -> str:
    with pytest.raises(ReadoutError) as caught:
        load_document(path)
    message = str(caught.value)
    assert str(path) in message, "the message names the file"
    assert caught.value.path == str(path)
    return caught.value.reason


# --- plain text and its metadata block ----------------------------------------------------------


def test_the_metadata_block_gives_the_source_and_the_body_follows_it(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "call.txt",
        f"url: https://example.gov/news/1\ntitle: A call with Norway\ndate: 2025-03-02\n"
        f"publisher: Office of the President\n---\n{LEAD}\n{SECOND}\n",
    )
    source, body = load_document(path)
    assert source == Source(
        path=str(path),
        url="https://example.gov/news/1",
        title="A call with Norway",
        date="2025-03-02",
        publisher="Office of the President",
    )
    assert body == f"{LEAD}\n{SECOND}"


def test_an_empty_metadata_value_is_none_and_keys_may_be_capitalised(tmp_path: Path) -> None:
    path = write(tmp_path, "call.txt", f"URL:\nTitle:   \nDate: 2025-03-02\n---\n{LEAD}\n")
    source, body = load_document(path)
    assert (source.url, source.title, source.date, source.publisher) == (None, None, "2025-03-02", None)
    assert body == LEAD


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2025-03-02", "2025-03-02"),
        ("2025-03-02T10:15:00+02:00", "2025-03-02"),
        ("2 March 2025", "2025-03-02"),
        ("March 2, 2025", "2025-03-02"),
        ("02.03.2025", "2025-03-02"),
        ("03/02/2025", "03/02/2025"),  # day and month could be either way round: kept as written
        ("spring 2025", "spring 2025"),
    ],
)
def test_an_unambiguous_metadata_date_is_given_as_iso(tmp_path: Path, written: str, iso: str) -> None:
    source, _ = load_document(write(tmp_path, "dated.txt", f"date: {written}\n---\n{LEAD}\n"))
    assert source.date == iso


def test_a_text_without_metadata_is_all_body(tmp_path: Path) -> None:
    source, body = load_document(write(tmp_path, "plain.txt", f"{LEAD}\n{SECOND}\n"))
    assert source == Source(path=str(tmp_path / "plain.txt"))
    assert body == f"{LEAD}\n{SECOND}"


def test_a_first_line_with_a_colon_is_not_taken_for_metadata(tmp_path: Path) -> None:
    text = f"Kyiv: {LEAD}\n---\n{SECOND}\n"
    source, body = load_document(write(tmp_path, "colon.txt", text))
    assert source.title is None
    assert body == text.strip()


def test_line_endings_are_normalised_and_blank_lines_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, "crlf.txt", f"title: Call\r\n---\r\n\r\n{LEAD}  \r\n\r\n{SECOND}\r")
    assert body_of(path) == f"{LEAD}\n{SECOND}"


def test_a_hard_wrapped_text_gets_one_paragraph_per_line(tmp_path: Path) -> None:
    wrapped = (
        "President of Ukraine Volodymyr Zelenskyy held a phone call\n"
        "with Prime Minister of Norway Jonas Gahr Støre.\n"
        "\n"
        "The Head of State thanked Norway for its steady support\n"
        "of air defence.\n"
    )
    assert body_of(write(tmp_path, "wrapped.txt", wrapped)) == (
        "President of Ukraine Volodymyr Zelenskyy held a phone call with Prime Minister of Norway "
        "Jonas Gahr Støre.\nThe Head of State thanked Norway for its steady support of air defence."
    )


# --- encodings ----------------------------------------------------------------------------------


def test_utf8_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", codecs.BOM_UTF8 + f"title: Call\n---\n{LEAD}\n".encode())
    source, body = load_document(path)
    assert source.title == "Call"
    assert body == LEAD


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_a_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    text = f"{LEAD}\n{SECOND}\n"
    assert body_of(write(tmp_path, f"{encoding}.txt", text.encode(encoding))) == text.strip()


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_western_single_byte_encodings(tmp_path: Path, encoding: str) -> None:
    text = (
        "Le Président de la République française a reçu le Premier ministre à l’Élysée.\n"
        "The delegations from Zürich, Genève and Tromsø joined the talks on the naïve façade of détente.\n"
    )
    if encoding == "latin-1":
        text = text.replace("’", "'")  # latin-1 has no typographic apostrophe
    assert body_of(write(tmp_path, f"{encoding}.txt", text.encode(encoding))) == text.strip()


def test_typographic_quotes_in_cp1252(tmp_path: Path) -> None:
    text = "“We are grateful,” said the Head of State – naïve as it may sound.\n"
    assert body_of(write(tmp_path, "quotes.txt", text.encode("cp1252") * 3)) == (text * 3).strip()


# --- saved web pages ----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<!-- saved from url=(0048)https://www.example.gov/news/talks-with-norway -->
<html lang="en"><head><meta charset="utf-8">
<title>President held talks with the Prime Minister of Norway — Example Government</title>
<meta property="og:site_name" content="Office of the President">
<meta property="og:title" content="President held talks with the Prime Minister of Norway">
<meta property="article:published_time" content="2025-03-02T10:15:00+02:00">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/contacts">Contacts</a></li></ul></nav></header>
<main><article>
<h1>President held talks with the Prime Minister of Norway</h1>
<p>President of Ukraine Volodymyr Zelenskyy held talks with Prime Minister
Jonas Støre in Oslo.</p>
<p>The Head of State thanked Norway for its support and stressed that air defence is the priority.</p>
<p>“We count on our partners to strengthen sanctions against Russia,” said the President.</p>
<p>The Prime Minister noted that Norway will allocate 500 million euros for the purchase of gas.</p>
</article></main>
<footer><p>© 2025 Office of the President. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def test_a_saved_web_page_gives_the_article_one_paragraph_per_line(tmp_path: Path) -> None:
    source, body = load_document(write(tmp_path, "talks.html", PAGE))
    assert body.split("\n") == [
        "President of Ukraine Volodymyr Zelenskyy held talks with Prime Minister Jonas Støre in Oslo.",
        "The Head of State thanked Norway for its support and stressed that air defence is the priority.",
        "“We count on our partners to strengthen sanctions against Russia,” said the President.",
        "The Prime Minister noted that Norway will allocate 500 million euros for the purchase of gas.",
    ]
    assert "Privacy" not in body and "Home" not in body, "menus and footers are not the readout"
    assert source.title == "President held talks with the Prime Minister of Norway"
    assert source.date == "2025-03-02"
    assert source.publisher == "Office of the President"
    assert source.url == "https://www.example.gov/news/talks-with-norway"
    assert source.path == str(tmp_path / "talks.html")


def test_a_web_page_is_recognised_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    source, body = load_document(write(tmp_path, "talks-download", PAGE))
    assert body.startswith("President of Ukraine Volodymyr Zelenskyy held talks")
    assert source.publisher == "Office of the President"


def test_a_web_page_in_its_declared_legacy_encoding(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"')
    _, body = load_document(write(tmp_path, "talks.htm", page.encode("cp1252")))
    assert "Jonas Støre in Oslo." in body
    assert "“We count on our partners" in body


# --- readout/1 JSON -----------------------------------------------------------------------------


def small_readout(path: str | None = None) -> Readout:
    text = f"{LEAD}\n{SECOND}"
    second = text.index("The Head")
    return Readout(
        source=Source(path=path, title="A call", date="2025-03-02"),
        text=text,
        meeting=Meeting(kind="phone call"),
        people=(Person("p1", "Volodymyr Zelenskyy", "President of Ukraine", "Ukraine", ((21, 40),)),),
        quotes=(Quote("q1", "reported", "thanked Norway", (second, len(text)), "p1", "thanked"),),
        pledges=(Pledge("g1", (text.index("1.5"), len(text) - 1), amount=15e8, currency="NOK"),),
        topics=(Topic("military-aid", "Military aid", None, ((second, len(text)),)),),
        paragraphs=((0, len(LEAD)), (second, len(text))),
        sentences=((0, len(LEAD)), (second, len(text))),
    )


def test_a_readout_json_file_loads_as_the_readout_it_holds(tmp_path: Path) -> None:
    readout = small_readout("elsewhere/call.txt")
    path = write(tmp_path, "call.json", jsonform.dumps(readout))
    assert load_document(path) == readout


def test_readout_json_is_recognised_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    readout = small_readout()
    path = write(tmp_path, "call.readout", jsonform.dumps(readout).encode("utf-16"))
    assert load_document(path) == readout


# --- refusals: one each, naming the file and the reason -------------------------------------------


def test_refuses_a_missing_file(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nowhere.txt") == "no such file"


def test_refuses_a_folder(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    assert "folder" in refusal(tmp_path / "folder")


def test_refuses_a_file_it_may_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.txt", LEAD)
    path.chmod(0)
    if os.access(path, os.R_OK):  # running as root: the system would let us read; make it refuse
        real_open = os.open

        def denied(file: object, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            if os.fspath(file) == str(path):  # type: ignore[arg-type]
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", denied)
    try:
        assert "permission denied" in refusal(path)
    finally:
        path.chmod(0o644)


def test_refuses_an_empty_file(tmp_path: Path) -> None:
    assert refusal(write(tmp_path, "empty.txt", b"")) == "the file is empty"


def test_refuses_a_file_of_blank_space(tmp_path: Path) -> None:
    assert "no text" in refusal(write(tmp_path, "blank.txt", " \n\t\n\n"))


def test_refuses_a_metadata_block_with_no_body(tmp_path: Path) -> None:
    reason = refusal(write(tmp_path, "meta-only.txt", "title: A call\ndate: 2025-03-02\n---\n\n\n"))
    assert "no readout text follows the metadata block" in reason


def test_refuses_binary_content(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    assert "binary" in refusal(write(tmp_path, "picture.txt", png))


def test_refuses_binary_content_without_nul_bytes(tmp_path: Path) -> None:
    assert "binary" in refusal(write(tmp_path, "controls.txt", bytes(range(1, 32)) * 50))


def test_refuses_bytes_in_no_recognisable_encoding(tmp_path: Path) -> None:
    every_high_byte = bytes(range(128, 256)) * 30
    assert "cannot be decoded" in refusal(write(tmp_path, "noise.txt", every_high_byte))


def test_refuses_text_that_breaks_its_own_byte_order_mark(tmp_path: Path) -> None:
    reason = refusal(write(tmp_path, "broken.txt", codecs.BOM_UTF8 + b"Kyiv \xff\xfe\xfd talks"))
    assert "cannot be decoded" in reason and "UTF-8" in reason


def test_refuses_an_enormous_text_saying_its_size_and_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.txt", (LEAD + "\n").encode() * (TEXT_CAP // len(LEAD) + 1000))
    reason = refusal(path)
    assert "too large" in reason
    assert f"{path.stat().st_size / 2**20:.1f} MB" in reason
    assert f"{TEXT_CAP / 2**20:.1f} MB" in reason


def test_refuses_a_web_page_with_no_article(tmp_path: Path) -> None:
    page = (
        "<html><head><title>News</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a>"
        "</nav><footer>Contacts</footer></body></html>"
    )
    assert "no article text" in refusal(write(tmp_path, "menu.html", page))


def test_refuses_json_that_is_not_a_readout(tmp_path: Path) -> None:
    assert "readout/1" in refusal(write(tmp_path, "settings.json", '{"theme": "dark"}'))


def test_refuses_a_readout_json_file_that_is_not_valid_json(tmp_path: Path) -> None:
    assert "not valid JSON" in refusal(write(tmp_path, "cut.json", '{"schema": "readout/1", "text": "Ky'))
