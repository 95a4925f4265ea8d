"""Where the shipped data lives, and where a user's edited copy of it overrides it.

A user may copy any file of `resources/` (the topic taxonomy, title aliases, speech
verbs, currency names) into their configuration folder and edit it; the edited copy
wins. The shipped files sit beside the package in a checkout and under
`share/readout-browser/` in an installed wheel.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[2]
_INSTALLED = Path(sys.prefix) / "share" / "readout-browser"


def user_config_dir() -> Path:
    """The per-user folder whose files override the shipped resources."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "readout-browser"


@cache
def _shipped(folder: str) -> Path:
    for root in (_CHECKOUT, _INSTALLED):
        if (root / folder).is_dir():
            return root / folder
    raise FileNotFoundError(
        f"Readout Browser's {folder}/ folder is missing from {_CHECKOUT} and {_INSTALLED}"
    )


def resource(name: str) -> Path:
    """The file `name` of resources/, the user's edited copy first."""
    override = user_config_dir() / name
    if override.is_file():
        return override
    return _shipped("resources") / name


def resource_folders() -> tuple[Path, ...]:
    """The folders data files are read from, the user's first."""
    return (user_config_dir(), _shipped("resources"))


def seeds_dir() -> Path:
    """The folder of readouts shipped with the app."""
    return _shipped("seeds")


def default_seed() -> Path:
    """The readout opened when the app starts with no file: the first seed."""
    return sorted(seeds_dir().glob("*.txt"))[0]
