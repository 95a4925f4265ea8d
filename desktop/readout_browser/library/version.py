"""Which parser built a stored readout, so a library knows what to parse again.

The version is a digest of the parser's code and every data file it reads (shipped and
the user's edited copies): edit a word list and the readouts parsed with the old one are
stale. Content, not times of change, so that two machines with the same release agree.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from readout_browser import __version__
from readout_browser.paths import resource, user_config_dir

_PARSER_DIR = Path(__file__).resolve().parents[1] / "parse"


@cache
def parser_version() -> str:
    """A short digest of the parser's code and data, as they are in this process."""
    digest = hashlib.sha256(__version__.encode())
    shipped = resource("countries.toml").parent
    files = sorted(_PARSER_DIR.glob("*.py")) + sorted(shipped.glob("*.toml"))
    overrides = user_config_dir()
    if overrides.is_dir():
        files += sorted(overrides.glob("*.toml"))
    for f in files:
        digest.update(f.name.encode() + b"\0")
        try:
            digest.update(f.read_bytes())
        except OSError:
            continue
    return digest.hexdigest()[:16]
