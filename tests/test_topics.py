"""Filing sentences under topics: given a readout, its topic tree holds these themes and sentences."""

from __future__ import annotations

import os
import time
import tomllib
from pathlib import Path

import pytest

from readout_browser.errors import ReadoutError
from readout_browser.model import Source, Topic
from readout_browser.parse.loading import load_document
from readout_browser.parse.pipeline import parse_text
from readout_browser.parse.segment import segment
from readout_browser.parse.taxonomy import TAXONOMY_FILE, taxonomy
from readout_browser.parse.topics import file_topics
from readout_browser.paths import default_seed, resource, user_config_dir

SPEC_TOP_LEVELS = (
    "Diplomacy", "Peace process", "Security guarantees", "Military aid", "Defense industry", "Sanctions",
    "Energy", "Economy and trade", "Humanitarian aid", "Recovery and reconstruction", "Veterans",
    "Deported children",
)  # fmt: skip


def filed(text: str) -> dict[str, list[str]]:
    """Topic id -> the sentences filed under it."""
    doc = segment(text, Source())
    return {t.id: [text[a:b] for a, b in t.spans] for t in file_topics(doc)}


def topics_of(text: str) -> tuple[Topic, ...]:
    return parse_text(text).topics


# --- the shipped taxonomy -----------------------------------------------------------------------


def test_the_shipped_taxonomy_has_the_top_levels_readers_expect() -> None:
    top = [t.label for t in taxonomy().topics if t.parent is None]
    for label in SPEC_TOP_LEVELS:
        assert label in top


def test_the_shipped_taxonomy_has_finer_themes_beneath() -> None:
    ids = {t.id: t for t in taxonomy().topics}
    for child in ("military-aid/air-defence", "military-aid/drones", "military-aid/armoured-vehicles",
                  "military-aid/ammunition", "energy/gas", "energy/power-grid", "energy/nuclear"):
        assert ids[child].parent == child.split("/")[0]
    assert any(t.parent == "sanctions" for t in ids.values())


def test_the_taxonomy_is_a_toml_file_a_user_can_read() -> None:
    data = tomllib.loads(resource(TAXONOMY_FILE).read_text(encoding="utf-8"))
    assert data["military-aid"]["drones"]["label"] == "Drones"
    assert "drone*" in data["military-aid"]["drones"]["terms"]


# --- how sentences are filed --------------------------------------------------------------------


def test_a_sentence_under_a_finer_theme_also_counts_for_its_parent() -> None:
    text = "Denmark will send 30 drones to Ukraine."
    got = filed(text)
    assert got["military-aid/drones"] == [text]
    assert got["military-aid"] == [text]


def test_the_tree_holds_only_the_topics_the_readout_touches_in_taxonomy_order() -> None:
    topics = topics_of("The sides discussed new sanctions against Russia.\nThey spoke about gas supplies.")
    ids = [t.id for t in topics]
    assert ids == ["sanctions", "sanctions/packages", "energy", "energy/gas"]
    assert [t.parent for t in topics] == [None, "sanctions", None, "energy"]
    assert [t.label for t in topics] == ["Sanctions", "Sanctions packages", "Energy", "Gas"]


def test_a_sentence_may_sit_under_several_topics() -> None:
    text = "Norway will fund air defence and help restore the power grid."
    got = filed(text)
    assert got["military-aid/air-defence"] == [text]
    assert got["energy/power-grid"] == [text]


def test_every_span_is_a_whole_sentence_of_the_readout() -> None:
    text = "The President thanked Sweden. Sweden sanctioned Russian banks. The talks ended."
    doc = segment(text, Source())
    (sanctions,) = [t for t in file_topics(doc) if t.id == "sanctions"]
    assert sanctions.spans == (doc.sentences[1],)


def test_terms_match_whatever_their_case() -> None:
    assert "military-aid/armoured-vehicles" in filed("UKRAINE NEEDS TANKS NOW.")


def test_terms_match_whole_words_only() -> None:
    got = filed("A tanker carrying wheat left the port.")
    assert "military-aid/armoured-vehicles" not in got
    assert "food-security" in got


def test_a_plural_matches_the_singular_term() -> None:
    assert "security-guarantees" in filed("They spoke about the security guarantee for Ukraine.")
    assert "security-guarantees" in filed("They spoke about security guarantees.")


def test_a_starred_term_matches_any_ending() -> None:
    for sentence in ("Canada sanctioned three banks.", "New sanctions follow.", "Sanctioning Russia works."):
        assert "sanctions" in filed(sentence), sentence


def test_words_of_a_phrase_may_be_parted_by_a_hyphen_or_written_as_one() -> None:
    assert "military-aid/air-defence" in filed("Germany sent new air-defence systems.")
    assert "defense-industry/joint-production" in filed("They agreed on the coproduction of shells.")


def test_a_lone_star_stands_for_up_to_three_words() -> None:
    forces = "security-guarantees/forces"
    assert forces in filed("We count on the presence of Canadian forces in Ukraine.")
    assert forces in filed("We count on the presence of allied Nordic forces in Ukraine.")
    assert forces not in filed("We count on the presence of many more allied European forces in Ukraine.")


def test_a_phrase_never_runs_across_punctuation_or_paragraphs() -> None:
    assert "sanctions/packages" not in filed("They will tighten sanctions. Package deliveries resume.")
    assert "peace-process/peace-plans" not in filed("The goal is a just\npeace for everyone.")


def test_the_longer_of_two_overlapping_terms_wins() -> None:
    got = filed("Russia launched a massive drone attack on Odesa.")
    assert "front-line" in got
    assert "military-aid/drones" not in got


def test_a_readout_with_no_theme_has_an_empty_tree() -> None:
    assert topics_of("The weather was fine.") == ()


# --- the seed readout ---------------------------------------------------------------------------


def seed_paragraph_topics() -> list[set[str]]:
    source, body = load_document(default_seed())
    doc = segment(body, source)
    topics = file_topics(doc)
    top = [t for t in topics if t.parent is None]
    return [{t.label for t in top if any(a <= s < b for s, _ in t.spans)} for a, b in doc.paragraphs]


def test_the_seed_energy_paragraph_is_under_energy() -> None:
    assert "Energy" in seed_paragraph_topics()[11]


def test_the_seed_closing_paragraph_is_under_recovery_veterans_and_deported_children() -> None:
    assert {"Recovery and reconstruction", "Veterans", "Deported children"} <= seed_paragraph_topics()[12]


def test_the_seed_sanctions_paragraph_is_under_sanctions_only() -> None:
    assert seed_paragraph_topics()[4] == {"Sanctions"}


# --- a taxonomy the user edits ------------------------------------------------------------------


def write_user_taxonomy(text: str) -> Path:
    path = user_config_dir() / TAXONOMY_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_users_own_taxonomy_replaces_the_shipped_one() -> None:
    write_user_taxonomy(
        '[arctic]\nlabel = "Arctic"\nterms = ["Arctic", "polar"]\n\n'
        '[arctic.ice]\nlabel = "Sea ice"\nterms = ["ice*"]\n'
    )
    text = "The leaders discussed sanctions and the melting Arctic icebergs."
    topics = topics_of(text)
    assert [(t.id, t.label, t.parent) for t in topics] == [
        ("arctic", "Arctic", None),
        ("arctic/ice", "Sea ice", "arctic"),
    ]


def test_a_word_and_its_plural_may_signal_different_topics() -> None:
    write_user_taxonomy(
        '[limbs]\nlabel = "Limbs"\nterms = ["arm", "arm brace"]\n\n'
        '[weapons]\nlabel = "Weapons"\nterms = ["arms"]\n'
    )
    assert [t.id for t in topics_of("They sent arms.")] == ["limbs", "weapons"]
    assert [t.id for t in topics_of("They sent arm braces.")] == ["limbs"]


def test_an_edit_to_the_taxonomy_takes_effect_for_the_next_readout() -> None:
    path = write_user_taxonomy('[arctic]\nlabel = "Arctic"\nterms = ["Arctic"]\n')
    assert [t.id for t in topics_of("Polar bears.")] == []
    path.write_text('[arctic]\nlabel = "Arctic"\nterms = ["Arctic", "polar"]\n', encoding="utf-8")
    later = time.time() + 5  # make sure the change is seen even on a coarse file clock
    os.utime(path, (later, later))
    assert [t.id for t in topics_of("Polar bears.")] == ["arctic"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[arctic\nlabel = 1", "not valid TOML"),
        ('[arctic]\nterms = ["ice"]\n', "[arctic] has no label"),
        ('[arctic]\nlabel = "Arctic"\nterms = "ice"\n', "terms of [arctic]"),
        ('[arctic]\nlabel = "Arctic"\nterms = ["* ice"]\n', "terms of [arctic]"),
        ("", "holds no topics"),
    ],
)
def test_a_broken_taxonomy_is_reported_naming_the_file(content: str, reason: str) -> None:
    path = write_user_taxonomy(content)
    with pytest.raises(ReadoutError) as caught:
        topics_of("Sanctions.")
    assert str(path) in str(caught.value)
    assert reason in str(caught.value)
