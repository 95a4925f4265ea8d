"""The readout/1 JSON form: what is written reads back identical, and bad files are named."""

from __future__ import annotations

import json

import pytest

from readout_browser import jsonform
from readout_browser.errors import ReadoutError
from readout_browser.model import Meeting, Person, Pledge, Quote, Readout, Source, Topic

TEXT = "Canada will provide 2 billion dollars. “We stand with you,” he said."


def sample() -> Readout:
    return Readout(
        source=Source(path="a.txt", title="A call", date="2025-08-24", publisher="Office"),
        text=TEXT,
        meeting=Meeting(kind="phone call", place=None, date="2025-08-24", formats=("one-on-one",)),
        people=(Person(id="p1", name="Mark Carney", title="Prime Minister of Canada", country="Canada",
                       mentions=((60, 62),)),),
        quotes=(Quote(id="q1", kind="direct", text="We stand with you", span=(40, 57), speaker="p1",
                      cue="said", cue_span=(63, 67)),),
        pledges=(
            Pledge(id="m1", span=(20, 37), donor="Canada", recipient="Ukraine", amount=2e9, currency="CAD",
                   currency_text="dollars", currency_inferred=True, evidence=(0, 38)),
            Pledge(id="m2", span=(20, 37), donor="Canada", amount=1.5e8, currency="CAD", parent="m1",
                   qualifier="over", category="military", status="delivered", when="2025-06"),
        ),
        topics=(Topic(id="military-aid", label="Military aid", parent=None, spans=((0, 38),)),),
        paragraphs=((0, len(TEXT)),),
        sentences=((0, 38), (39, len(TEXT))),
    )


def test_a_readout_written_and_read_back_is_identical() -> None:
    r = sample()
    assert jsonform.load("x.json", jsonform.dumps(r)) == r


def test_whole_amounts_are_written_as_integers() -> None:
    data = jsonform.to_dict(sample())
    assert data["pledges"][0]["amount"] == 2000000000
    assert isinstance(data["pledges"][0]["amount"], int)
    assert data["schema"] == "readout/1"


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda d: d.update(schema="readout/2"), 'expected "schema": "readout/1"'),
        (lambda d: d.pop("text"), "text is missing"),
        (lambda d: d["quotes"][0].update(span=[0, 10_000]), "quotes[0].span is not a span"),
        (lambda d: d["pledges"][0].update(amount="lots"), "pledges[0].amount is not a number"),
        (lambda d: d["pledges"][0].update(status="maybe"), "pledges[0].status is 'maybe'"),
        (lambda d: d.update(people={}), ".people is not a list"),
    ],
)
def test_a_file_that_is_not_readout_json_is_refused_with_the_reason(mutate, reason) -> None:
    data = jsonform.to_dict(sample())
    mutate(data)
    with pytest.raises(ReadoutError) as err:
        jsonform.load("/tmp/bad.readout.json", json.dumps(data))
    assert "/tmp/bad.readout.json" in str(err.value)
    assert reason in str(err.value)


def test_text_that_is_not_json_is_refused_with_line_and_column() -> None:
    with pytest.raises(ReadoutError, match=r"broken\.json: not valid JSON \(line 1, column 2"):
        jsonform.load("broken.json", "{oops")
