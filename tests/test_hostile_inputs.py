"""Given hostile bytes, every file is either parsed correctly or refused with a clear `ReadoutError`.

Each input is built here: a pipe or a device given as a file, links that loop, sizes at the
cap, charsets and addresses that are declared but unusable, numbers JSON cannot hold, and
nesting deeper than any reader recurses.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readout_browser import jsonform
from readout_browser.errors import ReadoutError
from readout_browser.parse.loading import TEXT_CAP
from readout_browser.parse.money import parse_amount
from readout_browser.parse.pipeline import parse_file, parse_text
from readout_browser.summary import render

BODY = (
    "Prime Minister Halvorsen of Norway received President Etxeberria of Chile in Oslo on Friday.\n"
    "Norway will provide 40 million euros to Chile for the repair of its power grid.\n"
)


def refusal(path: Path) -> str:
    with pytest.raises(ReadoutError) as caught:
        parse_file(path)
    return caught.value.reason


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _readout_json(**fields: object) -> str:
    document = jsonform.to_dict(parse_text(BODY))
    document.update(fields)
    return json.dumps(document)


# -- what is not a regular file ----------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_given_as_a_file_is_refused_at_once_by_the_command_line(tmp_path: Path) -> None:
    fifo = tmp_path / "readout.txt"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "readout_browser", "parse", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "is a pipe (FIFO), not a regular file" in done.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_is_refused_before_a_byte_is_read() -> None:
    assert refusal(Path("/dev/zero")) == "is a device, not a regular file"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path) == "is a folder, not a file"


def test_a_loop_of_symbolic_links_is_named_as_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert "loop of links" in refusal(tmp_path / "a.txt")


def test_a_link_to_nothing_says_so(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    assert refusal(tmp_path / "gone.txt") == "is a symbolic link to a file that does not exist"


def test_a_file_one_byte_over_the_cap_gives_sizes_that_differ(tmp_path: Path) -> None:
    big = _write(tmp_path / "big.txt", b"a" * (TEXT_CAP + 1))
    reason = refusal(big)
    assert f"{TEXT_CAP + 1:,} bytes" in reason
    assert f"the limit is {TEXT_CAP:,} bytes" in reason


def test_a_text_over_the_text_cap_is_refused_at_that_cap_not_the_json_one(tmp_path: Path) -> None:
    big = _write(tmp_path / "big.txt", b"a" * (2 * TEXT_CAP))
    assert refusal(big).endswith("(10.0 MB; the limit is 5.0 MB)")


# -- declarations that cannot be used --------------------------------------------------------


def test_a_page_declaring_a_codec_that_is_no_charset_is_decoded_by_detection(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.splitlines())
    page = f'<html><head><meta charset="punycode"><title>Visit</title></head><body>{paragraphs}</body></html>'
    readout = parse_file(_write(tmp_path / "visit.html", page.encode("utf-8") + "<!-- café -->".encode()))
    assert "power grid" in readout.text


def test_a_url_header_that_is_no_address_does_not_stop_the_parse(tmp_path: Path) -> None:
    readout = parse_file(_write(tmp_path / "visit.txt", "url: http://[x\n---\n" + BODY))
    assert readout.source.url == "http://[x"
    assert [p.amount for p in readout.pledges] == [40e6]


def test_a_page_nested_deeper_than_the_html_parser_reads_says_so(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.splitlines())
    page = "<html><body>" + "<div>" * 400 + paragraphs + "</div>" * 400 + "</body></html>"
    assert "nested too deeply" in refusal(_write(tmp_path / "deep.html", page))


# -- the money grammar -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value", "qualifier"),
    [
        ("$5 m\u0131llion", 5e6, "exact"),
        ("$5 M\u0130LLION", 5e6, "exact"),
        ("approx\u0131mately €2 b\u0131ll\u0131on", 2e9, "about"),
        ("M\u0130NIMUM of £3 million", 3e6, "at_least"),
    ],
)
def test_dotless_and_dotted_i_in_scale_and_qualifier_words_read_as_i(
    written: str, value: float, qualifier: str
) -> None:
    amount = parse_amount(written)
    assert amount is not None
    assert (amount.value, amount.qualifier) == (value, qualifier)


def test_a_sum_larger_than_any_float_is_no_amount_and_the_json_stays_valid() -> None:
    readout = parse_text(BODY + "Norway will provide $1" + "0" * 320 + " to Chile.\n")
    assert all(p.amount is None or math.isfinite(p.amount) for p in readout.pledges)
    json.loads(jsonform.dumps(readout), parse_constant=lambda c: pytest.fail(f"{c} in the JSON"))


# -- readout/1 JSON ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount", ["NaN", "Infinity", "-Infinity", "1e400", "1" + "0" * 400, "9" * 5000], ids=str.__len__
)
def test_a_pledge_amount_json_cannot_hold_as_a_number_is_refused(tmp_path: Path, amount: str) -> None:
    document = jsonform.to_dict(parse_text(BODY))
    text = json.dumps(document).replace('"amount": 40000000', f'"amount": {amount}', 1)
    assert f'"amount": {amount}' in text
    reason = refusal(_write(tmp_path / "r.json", text))
    assert "not valid JSON" in reason or "not a finite number" in reason


def test_json_nested_deeper_than_the_reader_recurses_is_bad_input_not_a_bug(tmp_path: Path) -> None:
    text = '{"schema": "readout/1", "text": "x", "extra": ' + "[" * 200_000 + "]" * 200_000 + "}"
    assert "nested too deeply" in refusal(_write(tmp_path / "deep.json", text))


def test_sub_allocations_chained_deeper_than_any_readout_are_refused(tmp_path: Path) -> None:
    document = jsonform.to_dict(parse_text(BODY))
    pledge = document["pledges"][0]
    document["pledges"] = [
        {**pledge, "id": f"p{i}", "parent": f"p{i - 1}" if i else None} for i in range(200)
    ]
    assert "more than 64 deep" in refusal(_write(tmp_path / "chain.json", json.dumps(document)))


def test_pledges_whose_parents_form_a_loop_are_all_in_the_text_summary(tmp_path: Path) -> None:
    document = jsonform.to_dict(parse_text(BODY))
    pledge = document["pledges"][0]
    document["pledges"] = [
        {**pledge, "id": "p1", "parent": "p2", "purpose": "grid repair"},
        {**pledge, "id": "p2", "parent": "p1", "purpose": "field hospitals"},
    ]
    summary = render(parse_file(_write(tmp_path / "loop.json", json.dumps(document))))
    assert "grid repair" in summary
    assert "field hospitals" in summary


# -- the command line ---------------------------------------------------------------------------


def _cli(*args: str | bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # strict UTF-8, as most desktops have
    return subprocess.run(
        [sys.executable, "-m", "readout_browser", *args],
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs a file system that takes any bytes")
def test_a_file_name_that_is_not_utf8_does_not_stop_the_other_files(tmp_path: Path) -> None:
    bad = os.fsdecode(b"visit-\xff.txt")
    _write(tmp_path / bad, BODY)
    _write(tmp_path / "other.txt", BODY)
    done = _cli("parse", bad, "other.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    paths = [r["source"]["path"] for r in json.loads(done.stdout.decode("utf-8"))]
    assert paths == [bad, "other.txt"]
    text = _cli("parse", "--format", "text", bad, cwd=tmp_path)
    assert text.returncode == 0
    assert "visit-\\xff.txt" in text.stdout.decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names cannot hold control characters")
def test_terminal_escapes_in_names_and_text_are_printed_escaped(tmp_path: Path) -> None:
    name = "visit\x1b]0;owned\x07.txt"
    _write(tmp_path / name, BODY.replace("Friday", "Friday \x1b[2J"))
    text = _cli("parse", "--format", "text", name, "missing\x1b[31m.txt", cwd=tmp_path)
    assert b"\x1b" not in text.stdout
    assert b"\x1b" not in text.stderr
    assert "visit\\x1b]0;owned\\x07.txt" in text.stdout.decode("utf-8")
    assert "missing\\x1b[31m.txt: no such file" in text.stderr.decode("utf-8")
