"""Where the shared material is (corpus, schema, scorer), and the dev corpus scored once.

The shared folder sits beside the project on the developers' machines and in CI, but not on
a user's; tests that read it mark themselves with `needs_dev` or `needs_bulk` and skip
where it is absent, so the suite passes anywhere.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from readout_browser.jsonform import to_dict
from readout_browser.parse.pipeline import parse_file

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "corpus" / "dev"
BULK = SHARED / "corpus" / "bulk" / "press-releases-2021-2022.jsonl"
SCHEMA = SHARED / "schema" / "readout.schema.json"
SCORER = SHARED / "tools" / "score_readouts.py"

needs_dev = pytest.mark.skipif(not DEV.is_dir(), reason="the dev corpus (../shared/corpus/dev) is absent")
needs_scorer = pytest.mark.skipif(
    not (DEV.is_dir() and SCORER.is_file()), reason="the dev corpus or its scorer (../shared) is absent"
)
needs_bulk = pytest.mark.skipif(
    not BULK.is_file(), reason="the bulk corpus (../shared/corpus/bulk) is absent"
)


@cache
def scorer() -> ModuleType:
    """The shared scorer (`tools/score_readouts.py`), loaded as a module."""
    spec = importlib.util.spec_from_file_location("score_readouts", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def dev_scores() -> dict[str, dict[str, Any]]:
    """The scorer's counts for every gold readout, by readout file name, parsed in-process.

    The readout goes through its JSON form first, so the scorer sees exactly what
    `readout-browser parse --format json` prints.
    """
    out = {}
    for gold_path in sorted(DEV.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        readout = gold_path.with_name(gold.get("readout") or gold_path.name.replace(".gold.json", ".txt"))
        predicted = json.loads(json.dumps(to_dict(parse_file(readout))))
        out[readout.name] = scorer().score_one(gold, predicted, False)
    return out
