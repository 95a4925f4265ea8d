"""Small readouts written by hand for search and export tests, with spans found by text."""

from __future__ import annotations

from readout_browser.model import Meeting, Person, Pledge, Quote, Readout, Source, Span, Topic

CALL_TEXT = (
    "President of Ukraine Volodymyr Zelenskyy held a phone call with Prime Minister of Norway "
    "Jonas Gahr Støre.\n"
    "The Head of State thanked Norway for its steady support and briefed on the situation at the front.\n"
    "“Norway will provide 1.5 billion kroner for air defence. Of this, 500 million kroner will go "
    "to ammunition,” said Jonas Gahr Støre.\n"
    "Jonas Gahr Støre noted that Norway is also preparing an energy package of additional funds.\n"
    "European Commissioner Maroš Šefčovič announced that the EU will allocate €300 million for the "
    "recovery of Ukraine’s energy system.\n"
    "“We count on the unity of Europe,” the President said."
)


Q2 = (
    "Norway will provide 1.5 billion kroner for air defence. Of this, 500 million kroner will go "
    "to ammunition"
)


def span_of(text: str, fragment: str, nth: int = 0) -> Span:
    """The span of the `nth` occurrence of `fragment` in `text` (fails loudly if absent)."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(fragment, at + 1)
    return (at, at + len(fragment))


def sentence_spans(text: str) -> tuple[Span, ...]:
    """One span per line: the sample readouts keep one sentence per line."""
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return tuple(spans)


def norway_call() -> Readout:
    """A phone call with two speakers, direct and reported quotes, a pledge with a sub-allocation,
    an unquantified pledge, a pledge in euros from a third party, and a small topic tree."""
    t = CALL_TEXT
    lines = sentence_spans(t)
    return Readout(
        source=Source(
            path="norway-call.txt", title=None, date="2024-05-06", publisher="Office of the President"
        ),
        text=t,
        meeting=Meeting(kind="phone call", date="2024-05-06"),
        people=(
            Person(
                "zelenskyy",
                "Volodymyr Zelenskyy",
                "President of Ukraine",
                "Ukraine",
                mentions=(
                    span_of(t, "Volodymyr Zelenskyy"),
                    span_of(t, "The Head of State"),
                    span_of(t, "the President"),
                ),
            ),
            Person(
                "store",
                "Jonas Gahr Støre",
                "Prime Minister of Norway",
                "Norway",
                mentions=tuple(span_of(t, "Jonas Gahr Støre", i) for i in range(3)),
            ),
            Person(
                "sefcovic",
                "Maroš Šefčovič",
                "European Commissioner",
                None,
                mentions=(span_of(t, "Maroš Šefčovič"),),
            ),
        ),
        quotes=(
            Quote(
                "q1",
                "reported",
                "thanked Norway for its steady support",
                lines[1],
                "zelenskyy",
                "thanked",
                span_of(t, "thanked"),
            ),
            Quote(
                "q2",
                "direct",
                Q2,
                span_of(t, Q2),
                "store",
                "said",
                span_of(t, "said"),
            ),
            Quote(
                "q3",
                "reported",
                "Norway is also preparing an energy package of additional funds",
                lines[3],
                "store",
                "noted",
                span_of(t, "noted"),
            ),
            Quote(
                "q4",
                "reported",
                "the EU will allocate €300 million for the recovery of Ukraine’s energy system",
                lines[4],
                "sefcovic",
                "announced",
                span_of(t, "announced"),
            ),
            Quote(
                "q5",
                "direct",
                "We count on the unity of Europe",
                span_of(t, "We count on the unity of Europe"),
                "zelenskyy",
                "said",
                span_of(t, "said", 1),
            ),
        ),
        pledges=(
            Pledge(
                "p1",
                span_of(t, "1.5 billion kroner"),
                "Norway",
                "Ukraine",
                1.5e9,
                "NOK",
                "kroner",
                False,
                "exact",
                "air defence",
                "military",
                "committed",
                None,
                None,
                "store",
                lines[2],
            ),
            Pledge(
                "p2",
                span_of(t, "500 million kroner"),
                "Norway",
                "Ukraine",
                5e8,
                "NOK",
                "kroner",
                False,
                "exact",
                "ammunition",
                "military",
                "committed",
                None,
                "p1",
                "store",
                lines[2],
            ),
            Pledge(
                "p3",
                span_of(t, "additional funds"),
                "Norway",
                "Ukraine",
                None,
                None,
                None,
                False,
                "exact",
                "energy package",
                "energy",
                "planned",
                None,
                None,
                None,
                lines[3],
            ),
            Pledge(
                "p4",
                span_of(t, "€300 million"),
                "EU",
                "Ukraine",
                3e8,
                "EUR",
                "€",
                False,
                "exact",
                "recovery of Ukraine’s energy system",
                "energy",
                "committed",
                None,
                None,
                None,
                lines[4],
            ),
        ),
        topics=(
            Topic("diplomacy", "Diplomacy", None, (lines[0], lines[5])),
            Topic("military-aid", "Military aid", None, ()),
            Topic("air-defence", "Air defence", "military-aid", (lines[2],)),
            Topic("energy", "Energy", None, (lines[3], lines[4])),
            Topic("recovery", "Recovery and reconstruction", None, (lines[4],)),
        ),
        paragraphs=lines,
        sentences=lines,
    )
