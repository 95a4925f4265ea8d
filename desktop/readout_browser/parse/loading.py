"""Turning a file into a readout body: plain text, a saved web page, or `readout/1` JSON.

Whatever the user opens, they get either a body to parse or a clear refusal that names
the file and says what is wrong with it. Encodings are detected (byte-order marks,
UTF-16, then charset-normalizer), never assumed; line endings are normalised so every
span counts characters the same way on every platform. trafilatura (through `webpage`) and
charset-normalizer are imported only when a file needs them, so opening a plain UTF-8
readout stays fast.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from datetime import datetime
from pathlib import Path
from typing import Literal

from readout_browser import jsonform
from readout_browser.errors import ReadoutError
from readout_browser.model import Readout, Source
from readout_browser.parse.webpage import read_page

Kind = Literal["text", "html", "json"]

HTML_MAX_DEPTH = 255
"""Deepest nesting of tags the HTML parser reads (libxml2's limit); a page nested deeper loses its text."""
TEXT_CAP = 5 * 1024 * 1024
"""Largest text or web page accepted: a readout is a few kilobytes; beyond this it is not one."""
JSON_CAP = 50 * 1024 * 1024
"""Largest readout/1 file accepted: the JSON form of the largest text, with room for its spans."""

METADATA_KEYS = ("url", "title", "date", "publisher")
_METADATA_LINE = re.compile(r"([A-Za-z][A-Za-z_ -]*?)[ \t]*:[ \t]?(.*)")
_METADATA_END = "---"
_METADATA_MAX_LINES = 20
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+Z-]*)?$")
# Forms where day and month cannot be confused: the month in words, the year first, or the
# day-dot-month order that is the same wherever it is used (31.12.2025).
_DATE_FORMS = ("%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d", "%d.%m.%Y")

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE_ENCODINGS = ("utf_16", "utf_32", "utf-16", "utf-32")
_KIND_BY_SUFFIX: dict[str, Kind] = {".html": "html", ".htm": "html", ".xhtml": "html", ".json": "json"}
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
# Control characters that never occur in text (tab, newline, form feed and CR do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*?(/?)>")
_VOID_TAGS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track"]
)
_ARTICLE_SENTENCE = re.compile(r"(?:\S+\s+){4,}\S*[.!?…\"”»’)]\s*$")


def load_document(path: str | Path) -> Readout | tuple[Source, str]:
    """The body and source of a text or web page, or the readout stored in a readout/1 file.

    Raises `ReadoutError` naming the file and the reason when it cannot be read.
    """
    p = Path(path)
    kind = _KIND_BY_SUFFIX.get(p.suffix.lower())
    # Only a file named .json may be larger than a text: a readout's JSON form carries its spans.
    data = _read_bytes(p, JSON_CAP if kind == "json" else TEXT_CAP)
    text = _normalise_newlines(_decode(p, data, _declared_charset(data) if kind != "json" else None))
    if not text.strip():
        raise ReadoutError(p, "the file holds no text, only blank space")
    kind = kind or _sniff(text)
    if kind == "html":
        try:
            return _from_html(p, text)
        except ReadoutError:
            if _nesting_depth(text) > HTML_MAX_DEPTH:
                raise ReadoutError(p, f"the web page is nested too deeply to be read (its tags go more than "
                                      f"{HTML_MAX_DEPTH} levels deep)") from None
            raise
    if kind == "json":
        return jsonform.load(p, text)
    return _from_text(p, text)


def _read_bytes(p: Path, cap: int) -> bytes:
    """The file's bytes, refusing what is not a readable, non-empty regular file of at most `cap` bytes.

    A FIFO would wait for a writer forever and a device never ends, so anything but a regular
    file is refused before it is read; the file is opened without waiting (it may have been
    swapped for a FIFO since it was looked at) and checked again, and never read past the cap.
    """
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        raise _unreadable(p, e) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadoutError(p, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise ReadoutError(p, f"is {_file_kind(info.st_mode)}, not a regular file")
        if info.st_size > cap:
            raise _too_large(p, info.st_size, cap)
        with os.fdopen(os.dup(fd), "rb") as f:
            # One byte past the cap is enough to know the file is too large (it may have grown).
            data = f.read(cap + 1)
    except OSError as e:
        raise _unreadable(p, e) from None
    finally:
        os.close(fd)
    if len(data) > cap:
        raise _too_large(p, max(len(data), info.st_size), cap)
    if not data:
        raise ReadoutError(p, "the file is empty")
    return data


def _nesting_depth(html: str) -> int:
    """How deep the page's elements nest, counting open tags against closing ones."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        if m.group(1):
            depth = max(0, depth - 1)
        elif not m.group(3) and m.group(2).lower() not in _VOID_TAGS:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _unreadable(p: Path, e: OSError) -> ReadoutError:
    """The refusal for a file that cannot be opened or read, in the user's words."""
    if e.errno == errno.ELOOP:
        return ReadoutError(p, "is a symbolic link that leads back to itself (a loop of links)")
    if isinstance(e, FileNotFoundError):
        if os.path.islink(p):
            return ReadoutError(p, "is a symbolic link to a file that does not exist")
        return ReadoutError(p, "no such file")
    if isinstance(e, IsADirectoryError):
        return ReadoutError(p, "is a folder, not a file")
    if isinstance(e, PermissionError):
        return ReadoutError(p, "permission denied: you are not allowed to read this file")
    return ReadoutError(p, f"cannot be read ({e.strerror or e})")


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _declared_charset(data: bytes) -> str | None:
    """The charset a web page declares in its <meta> tag, if any."""
    m = _HTML_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _sniff(text: str) -> Kind:
    """What a file whose name says nothing holds, by how its text begins."""
    if _HTML_START.match(text[:4096]):
        return "html"
    if text.lstrip().startswith("{") and '"schema"' in text[:65536]:
        return "json"
    return "text"


def _too_large(p: Path, size: int, cap: int) -> ReadoutError:
    def mb(n: int) -> str:
        return f"{n / (1024 * 1024):.1f} MB"

    if mb(size) == mb(cap):  # just over the limit: megabytes would read as the same size
        sizes = f"{size:,} bytes; the limit is {cap:,} bytes, {mb(cap)}"
        return ReadoutError(p, f"the file is too large to be a readout ({sizes})")
    return ReadoutError(p, f"the file is too large to be a readout ({mb(size)}; the limit is {mb(cap)})")


def _decode(p: Path, data: bytes, declared: str | None = None) -> str:
    """Text from bytes: byte-order mark, then a declared charset, then UTF-8, then detection."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(p, data[len(bom) :].decode(codec))
            except UnicodeDecodeError:
                raise ReadoutError(p, f"the text cannot be decoded: it starts with a {codec.upper()} "
                                      "byte-order mark but is not valid in that encoding") from None
    if declared:
        try:
            return _check_text(p, data.decode(declared))
        except (LookupError, UnicodeError, ValueError):  # also "punycode", a codec but no charset
            pass  # a wrong or unknown declaration: detect instead
    if b"\x00" not in data:
        try:
            return _check_text(p, data.decode("utf-8"))
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes  # slow to import; only undetected encodings need it

    matches = from_bytes(data)
    best = matches.best()
    if best is not None:
        # Readouts are mostly English: where code pages read the bytes equally cleanly, take the
        # Western European one (the detector's language guess on a short text is no better).
        tied = [m for m in matches if m.chaos <= best.chaos]
        best = next((m for m in tied if "cp1252" in m.could_be_from_charset), best)
    if best is None:
        if b"\x00" in data:
            raise ReadoutError(p, "the file is binary, not text (it contains NUL bytes)")
        raise ReadoutError(p, "the text cannot be decoded: its encoding could not be recognised")
    if b"\x00" in data and not best.encoding.lower().startswith(_WIDE_ENCODINGS):
        raise ReadoutError(p, "the file is binary, not text (it contains NUL bytes)")
    return _check_text(p, str(best))


def _check_text(p: Path, text: str) -> str:
    """Refuse decoded 'text' that is mostly control characters: a binary file in disguise."""
    controls = len(_CONTROL.findall(text))
    if controls and controls > len(text) / 100:
        raise ReadoutError(p, "the file is binary, not text (it is full of control characters)")
    return text


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")


def _from_text(p: Path, text: str) -> tuple[Source, str]:
    """Split off the optional metadata block and tidy the body into one paragraph per line."""
    meta, body = _split_metadata(text)
    body = _tidy_body(body)
    if not body:
        if meta is not None:
            raise ReadoutError(p, f"no readout text follows the metadata block's '{_METADATA_END}' line")
        raise ReadoutError(p, "the file holds no text, only blank space")
    meta = meta or {}
    source = Source(
        path=str(p),
        url=meta.get("url"),
        title=meta.get("title"),
        date=_iso_date(meta.get("date")),
        publisher=meta.get("publisher"),
    )
    return source, body


def _iso_date(value: str | None) -> str | None:
    """A date as YYYY-MM-DD when it is written in a common unambiguous form, else as written."""
    if not value:
        return value
    iso = _ISO_DATE.match(value)
    if iso:
        return iso.group(1)
    for form in _DATE_FORMS:
        try:
            return datetime.strptime(value, form).date().isoformat()
        except ValueError:
            continue
    return value


def _split_metadata(text: str) -> tuple[dict[str, str | None] | None, str]:
    """The `key: value` block closed by `---` at the top of the file, if there is one, and the body.

    Only a block of nothing but `key: value` lines counts, so a body whose first line
    happens to hold a colon ("Kyiv: the President met ...") is never taken for metadata.
    """
    lines = text.split("\n")
    meta: dict[str, str | None] = {}
    for i, line in enumerate(lines[: _METADATA_MAX_LINES + 1]):
        stripped = line.strip()
        if stripped == _METADATA_END:
            return (meta, "\n".join(lines[i + 1 :])) if meta else (None, text)
        if not stripped and not meta:
            continue
        m = _METADATA_LINE.fullmatch(stripped)
        if not m:
            break
        key = m.group(1).strip().lower()
        value = m.group(2).strip()
        if key in METADATA_KEYS:
            meta[key] = value or None
    return None, text


def _tidy_body(body: str) -> str:
    """One paragraph per line: trailing blanks and blank lines go, hard-wrapped paragraphs are rejoined.

    A text wrapped at a fixed width (short lines, paragraphs parted by blank lines) is
    joined back so each paragraph is one line, as the rest of the parser expects.
    """
    lines = [line.rstrip() for line in body.strip("\n").split("\n")]
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    wrapped = len(blocks) > 1 and any(len(b) > 1 for b in blocks) and max(len(x) for x in lines) <= 100
    if wrapped:
        return "\n".join(" ".join(b) for b in blocks)
    return "\n".join(line for b in blocks for line in b)


def _from_html(p: Path, html: str) -> tuple[Source, str]:
    """The article of a saved web page and its metadata (see `webpage`), one paragraph a line."""
    page = read_page(html)
    if not any(_ARTICLE_SENTENCE.search(line) for line in page.lines):
        raise ReadoutError(p, "no article text found in the web page (only menus, links or page furniture)")
    body = "\n".join(page.lines)
    starts = [0]
    for line in page.lines:
        starts.append(starts[-1] + len(line) + 1)
    saved_from = _SAVED_FROM.search(html[:2048])
    source = Source(
        path=str(p),
        url=page.url or (saved_from.group(1) if saved_from else None),
        title=page.title,
        date=page.date,
        publisher=page.publisher,
        headings=tuple((starts[i], starts[i] + len(page.lines[i])) for i in page.headings),
    )
    return source, body
