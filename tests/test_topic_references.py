"""A sentence that refers back to a scheme named before it is filed under that scheme's topics.

Readouts name a programme once and then say "this initiative" or "the fund". Given such a
readout, the sentence that refers back is found under the topic of the name, as a reader
who opens that topic expects. The readouts are written here, in several publishers' styles.
"""

from __future__ import annotations

from pathlib import Path

from readout_browser.model import Source
from readout_browser.parse.pipeline import parse_text
from readout_browser.parse.segment import segment
from readout_browser.parse.topics import REFERENCES_FILE, file_topics
from readout_browser.paths import resource, user_config_dir


def filed(text: str) -> dict[str, list[str]]:
    """Topic id -> the sentences filed under it."""
    doc = segment(text, Source())
    return {t.id: [text[a:b] for a, b in t.spans] for t in file_topics(doc)}


NATO = "eu-and-nato-integration/nato"


def test_a_pledge_under_this_initiative_is_filed_where_the_program_it_refers_to_is() -> None:
    text = (
        "The Prime Minister of Norway spoke with the President of Ukraine by phone. "
        "They discussed Norway's part in NATO's PURL program. "
        "The Prime Minister confirmed 150 million dollars under this initiative for air defence."
    )
    nato = filed(text)[NATO]
    assert nato[-1].startswith("The Prime Minister confirmed 150 million dollars")
    readout = parse_text(text, Source(date="2025-11-02"))
    pledge = next(p for p in readout.pledges if "150 million" in readout.snippet(p.span))
    topic = next(t for t in readout.topics if t.id == NATO)
    assert any(a <= pledge.span[0] < b for a, b in topic.spans), "the pledge shows under NATO"


def test_the_programme_and_the_fund_refer_back_a_sentence_or_two() -> None:
    text = (
        "Chancellor Weber and President Okafor welcomed the new Energy Support Fund for the power grid. "
        "The two leaders also exchanged views on the situation in the region. "
        "Germany will add 40 million euros to the fund before the winter."
    )
    energy = filed(text)["energy"]
    assert energy[-1].startswith("Germany will add 40 million euros")
    grid = filed(text)["energy/power-grid"]
    assert not any(s.startswith("Germany") for s in grid), "the words after a name are not the name"


def test_a_sentence_that_names_nothing_before_it_inherits_nothing() -> None:
    text = (
        "The Foreign Secretary met the Minister of Foreign Affairs of Chile in London. "
        "They agreed that the programme of visits would continue next year."
    )
    assert not any("programme of visits" in s for s in filed(text).get(NATO, []))
    far = (
        "The leaders discussed the PURL initiative. "
        "They spoke about trade. They spoke about culture. They spoke about sport. They spoke about films. "
        "Both sides praised the initiative."
    )
    assert not any(s.startswith("Both sides") for s in filed(far).get(NATO, [])), (
        "three sentences back at most"
    )


def test_a_name_far_from_its_noun_is_not_the_schemes_name() -> None:
    text = (
        "NATO allies met in Brussels on Tuesday and then, after a long day of talks, agreed a new plan. "
        "Sweden pledged to support the plan."
    )
    assert not any(s.startswith("Sweden pledged") for s in filed(text).get(NATO, []))


def test_the_words_that_refer_back_come_from_the_data_file_a_user_can_edit() -> None:
    text = "The President welcomed NATO's PURL package. Denmark joined the arrangement today."
    assert not any(s.startswith("Denmark joined") for s in filed(text).get(NATO, []))
    mine: Path = user_config_dir() / REFERENCES_FILE
    mine.parent.mkdir(parents=True, exist_ok=True)
    shipped = resource(REFERENCES_FILE).read_text(encoding="utf-8")
    mine.write_text(shipped.replace('"initiative",', '"initiative", "arrangement",'), encoding="utf-8")
    from readout_browser.parse import datafiles

    datafiles.refresh()
    assert any(s.startswith("Denmark joined") for s in filed(text)[NATO])
