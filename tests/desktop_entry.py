"""Reading a desktop entry as a desktop environment does, for the launcher tests."""

from __future__ import annotations

import configparser
from pathlib import Path


def read_entry(path: Path) -> dict[str, str]:
    """The keys of the [Desktop Entry] group."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def exec_argv(value: str) -> list[str]:
    """An Exec value split as the desktop-entry spec says: string escapes first, then arguments
    separated by spaces, double-quoted ones with \\" \\` \\$ \\\\ escaped inside."""
    value = value.replace("\\\\", "\\")
    argv, current, quoted, index = [], "", False, 0
    while index < len(value):
        char = value[index]
        if quoted and char == "\\" and value[index + 1 : index + 2] in ('"', "`", "$", "\\"):
            current += value[index + 1]
            index += 1
        elif char == '"':
            quoted = not quoted
        elif char == " " and not quoted:
            if current:
                argv.append(current)
            current = ""
        else:
            current += char
        index += 1
    assert not quoted, f"unbalanced quotes in {value!r}"
    return [*argv, current] if current else argv
