"""Given a readout, the roster lists who takes part or speaks and every place the text names them."""

from __future__ import annotations

import pytest

from readout_browser.model import Person, Source
from readout_browser.parse.people import Roster, find_people
from readout_browser.parse.segment import segment

UKRAINE = "Office of the President of Ukraine"


def roster(text: str, publisher: str | None = None, title: str | None = None) -> Roster:
    return find_people(segment(text, Source(publisher=publisher, title=title)))


def named(r: Roster, name: str) -> Person:
    found = [p for p in r.people() if p.name == name]
    assert len(found) == 1, f"{name!r} not once among {[p.name for p in r.people()]}"
    return found[0]


def mentions(text: str, p: Person) -> list[str]:
    return [text[a:b] for a, b in p.mentions]


@pytest.mark.parametrize(
    ("introduction", "name", "title", "country"),
    [
        (
            "President of Ukraine Volodymyr Zelenskyy",
            "Volodymyr Zelenskyy",
            "President of Ukraine",
            "Ukraine",
        ),
        ("Prime Minister of Canada Mark Carney", "Mark Carney", "Prime Minister of Canada", "Canada"),
        (
            "Federal Chancellor of Germany Olaf Scholz",
            "Olaf Scholz",
            "Federal Chancellor of Germany",
            "Germany",
        ),
        ("US Secretary of State Antony Blinken", "Antony Blinken", "US Secretary of State", "United States"),
        (
            "President of the European Commission Ursula von der Leyen",
            "Ursula von der Leyen",
            "President of the European Commission",
            "European Commission",
        ),
        ("NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg", "NATO Secretary General", "NATO"),
        (
            "EU Commissioner for Neighbourhood and Enlargement Olivér Várhelyi",
            "Olivér Várhelyi",
            "EU Commissioner for Neighbourhood and Enlargement",
            "European Union",
        ),
        (
            "Secretary General of the Council of Europe Marija Pejčinović Burić",
            "Marija Pejčinović Burić",
            "Secretary General of the Council of Europe",
            "Council of Europe",
        ),
        (
            "Prime Minister of the Kingdom of Sweden Magdalena Andersson",
            "Magdalena Andersson",
            "Prime Minister of the Kingdom of Sweden",
            "Sweden",
        ),
        (
            "President Volodymyr Zelenskyy of Ukraine",
            "Volodymyr Zelenskyy",
            "President of Ukraine",
            "Ukraine",
        ),
        (
            "the President of Ukraine, Volodymyr Zelenskyy",
            "Volodymyr Zelenskyy",
            "President of Ukraine",
            "Ukraine",
        ),
        (
            "Deputy Prime Minister - Minister for Reintegration Iryna Vereshchuk",
            "Iryna Vereshchuk",
            "Deputy Prime Minister - Minister for Reintegration",
            None,
        ),
    ],
)
def test_an_introduction_gives_name_title_and_country(
    introduction: str, name: str, title: str, country: str | None
) -> None:
    text = f"The Minister of Energy of Ruritania held a meeting with {introduction}. The talks were long."
    p = named(roster(text), name)
    assert (p.title, p.country) == (title, country)
    assert name in text[p.mentions[0][0] : p.mentions[0][1]]


SEED_LIKE = (
    "In Kyiv, President of Ukraine Volodymyr Zelenskyy held a meeting with Prime Minister of Canada "
    "Mark Carney.\n"
    "The Head of State thanked Mark Carney for his visit.\n"
    "“We must go on,” the President said.\n"
    "Carney noted that Canada is expanding sanctions. “We stand with Ukraine,” the Prime Minister said.\n"
    "“Canada will help,” noted the Prime Minister of Canada. "
    "The Canadian Prime Minister also visited Bucha.\n"
    "Zelenskyy stressed that security matters. He said the front holds. He visited the troops later."
)


def test_every_later_reference_is_a_mention_of_the_person_it_means() -> None:
    r = roster(SEED_LIKE, UKRAINE)
    zelenskyy, carney = named(r, "Volodymyr Zelenskyy"), named(r, "Mark Carney")
    assert mentions(SEED_LIKE, zelenskyy) == [
        "President of Ukraine Volodymyr Zelenskyy",
        "The Head of State",
        "the President",
        "Zelenskyy",
        "He",
    ]
    assert mentions(SEED_LIKE, carney) == [
        "Prime Minister of Canada Mark Carney",
        "Mark Carney",
        "Carney",
        "the Prime Minister",
        "the Prime Minister of Canada",
        "The Canadian Prime Minister",
    ]
    assert r.host == zelenskyy
    assert [p.id for p in r.people()] == ["p1", "p2"]


def test_a_pronoun_is_a_mention_only_as_the_subject_of_a_speech_verb() -> None:
    r = roster(SEED_LIKE, UKRAINE)
    he_visited = SEED_LIKE.index("He visited")
    he_said = SEED_LIKE.index("He said")
    assert r.person_at(he_said) == named(r, "Volodymyr Zelenskyy")
    assert r.person_at(he_visited) is None


def test_she_finds_the_woman_who_spoke_last() -> None:
    text = (
        "President of Ukraine Volodymyr Zelenskyy met with Prime Minister of Denmark Mette Frederiksen.\n"
        "Volodymyr Zelenskyy thanked Denmark. For her part, Mette Frederiksen noted that aid continues. "
        "She added that more will come."
    )
    r = roster(text, UKRAINE)
    assert r.person_at(text.index("She added")) == named(r, "Mette Frederiksen")


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("The Head of State noted that the war goes on.", "Volodymyr Zelenskyy"),
        ("The President noted that the war goes on.", "Volodymyr Zelenskyy"),
        ("The Ukrainian leader noted that the war goes on.", "Volodymyr Zelenskyy"),
        ("The President of France noted that the war goes on.", "Emmanuel Macron"),
        ("The French leader noted that the war goes on.", "Emmanuel Macron"),
        ("The President of the French Republic noted that the war goes on.", "Emmanuel Macron"),
    ],
)
def test_on_a_ukrainian_readout_the_president_is_the_host_unless_the_phrase_names_another(
    sentence: str, who: str
) -> None:
    text = (
        "President of Ukraine Volodymyr Zelenskyy had a phone conversation with President of the French "
        f"Republic Emmanuel Macron. {sentence}"
    )
    for publisher in (UKRAINE, None):  # without a publisher, the host's title tells the same
        r = roster(text, publisher)
        assert r.person_at(text.index(sentence)) == named(r, who)


def test_a_host_never_named_is_listed_by_title_with_the_publishers_country() -> None:
    text = (
        "The Prime Minister spoke to President Zelenskyy of Ukraine this morning.\n"
        "The Prime Minister condemned the attacks on Kharkiv."
    )
    r = roster(text, "Prime Minister's Office, 10 Downing Street")
    host = r.host
    assert host is not None
    assert host.country == "United Kingdom"
    assert "Prime Minister" in host.name and host.name == host.title
    assert mentions(text, host) == ["The Prime Minister", "The Prime Minister"]
    assert named(r, "Zelenskyy").country == "Ukraine"


def test_a_host_named_only_by_name_in_the_lead_gets_the_publishers_office() -> None:
    text = (
        "Vladimir Putin had a telephone conversation with President of the French Republic Emmanuel Macron. "
        "The Russian leader stressed that the plant must be safe."
    )
    r = roster(text, "President of Russia")
    putin = named(r, "Vladimir Putin")
    assert r.host == putin
    assert (putin.title, putin.country) == ("President of Russia", "Russia")
    assert r.person_at(text.index("The Russian leader")) == putin


def test_a_title_seen_before_its_holder_is_named_is_the_same_person() -> None:
    text = (
        "The visit of the President of the Republic of Azerbaijan to Ukraine strengthens the partnership. "
        "Volodymyr Zelenskyy and Ilham Aliyev agreed to meet again. "
        "“We are ready,” said Ilham Aliyev."
    )
    r = roster(text, UKRAINE)
    aliyev = named(r, "Ilham Aliyev")
    assert (aliyev.title, aliyev.country) == ("President of the Republic of Azerbaijan", "Azerbaijan")
    assert mentions(text, aliyev)[0] == "the President of the Republic of Azerbaijan"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
        ("Antony Blinken", "Anthony Blinken"),
        ("Volodymyr Zelenskyy", "Zelenskiy"),
    ],
)
def test_a_name_spelled_two_ways_is_one_person(first: str, second: str) -> None:
    text = f"Prime Minister of Canada Mark Carney met with {first}. {second} said that the talks went well."
    r = roster(text)
    assert len(r.people()) == 2
    assert r.person_at(text.index(second)) == named(r, first)


def test_two_people_who_share_a_surname_stay_two() -> None:
    text = "President Joe Biden met with Volodymyr Zelenskyy. Jill Biden said that the visit mattered."
    r = roster(text)
    assert named(r, "Joe Biden") != named(r, "Jill Biden")


@pytest.mark.parametrize(
    ("later", "who"),
    [
        ("President Biden said that aid will continue.", "Joseph Biden"),
        ("Chancellor Scholz said that aid will continue.", "Olaf Scholz"),
        ("Mr Johnson said that aid will continue.", "Boris Johnson"),
        ("Mr. Scholz said that aid will continue.", "Olaf Scholz"),
    ],
)
def test_office_or_honorific_with_a_surname_refers_to_the_named_person(later: str, who: str) -> None:
    text = (
        "US President Joseph Biden, Federal Chancellor of Germany Olaf Scholz and Prime Minister of the "
        f"United Kingdom Boris Johnson held talks. {later}"
    )
    r = roster(text)
    assert r.person_at(text.index(later)) == named(r, who)


def test_an_office_after_a_possessive_is_the_office_holder() -> None:
    text = (
        "This was stated by Press Secretary of the President of Ukraine Serhiy Nykyforov. "
        "“The talks go on,” said the President's Press Secretary."
    )
    r = roster(text, UKRAINE)
    nykyforov = named(r, "Serhiy Nykyforov")
    assert nykyforov.title == "Press Secretary of the President of Ukraine"
    assert r.person_at(text.index("the President's Press")) == nykyforov


def test_names_with_particles() -> None:
    text = (
        "Vladimir Putin had a telephone conversation with President of Egypt Abdel Fattah el-Sisi. "
        "El-Sisi said that trade grew."
    )
    r = roster(text, "President of Russia")
    sisi = named(r, "Abdel Fattah el-Sisi")
    assert r.person_at(text.index("El-Sisi")) == sisi


def test_an_organisation_that_speaks_is_no_person() -> None:
    text = "Vladimir Putin spoke with Emmanuel Macron. The Kremlin said the call lasted an hour."
    r = roster(text, "President of Russia")
    assert r.person_at(text.index("Kremlin")) is None
    assert {p.name for p in r.people()} == {"Vladimir Putin", "Emmanuel Macron"}


def test_someone_only_mentioned_in_passing_is_not_a_participant() -> None:
    text = (
        "President of Ukraine Volodymyr Zelenskyy met with US Secretary of State Antony Blinken. "
        "Volodymyr Zelenskyy expressed his gratitude to US President Joseph Biden for the support."
    )
    r = roster(text, UKRAINE)
    assert [p.name for p in r.people()] == ["Volodymyr Zelenskyy", "Antony Blinken"]


def test_lookups_by_offset() -> None:
    r = roster(SEED_LIKE, UKRAINE)
    carney = named(r, "Mark Carney")
    start, end = carney.mentions[1]
    assert r.person_at(start) == carney and r.person_at(end - 1) == carney and r.person_at(end) is None
    assert r.mention_starting_at(start) == ((start, end), carney)
    assert r.mention_ending_at(end) == ((start, end), carney)
    assert r.resolve((start - 3, start + 1)) == carney
    assert r.person("p2") == carney and r.person("p9") is None
    assert all(0 <= a < b <= len(SEED_LIKE) for p in r.people() for a, b in p.mentions)
