"""Given readouts of publishers that no host rule names, long titles set off before a name,
partial quotes and label lines, the parser finds the host, keeps each person whole and gives
each statement to the right speaker.

Every readout here is made up for the test.
"""

from __future__ import annotations

from readout_browser.model import Readout
from speaker_views import parsed, said


def name_of(r: Readout, person_id: str | None) -> str | None:
    return next((p.name for p in r.people if p.id == person_id), None)


def reported(r: Readout) -> list[tuple[str | None, str]]:
    """(speaker's name, the clause's first words) of every reported statement."""
    return said(r, "reported", 20)


def direct(r: Readout) -> list[tuple[str | None, str]]:
    return said(r, "direct")


# ---- a long title set off before the name


def test_a_title_ending_in_a_portfolio_of_several_words_keeps_the_name_set_off_after_it() -> None:
    r = parsed(
        "The Minister of Finance received the European Union Commissioner for Budget and Human "
        "Resources, Marek Nowicki, in the capital.\nNowicki said the programme would continue."
    )
    commissioner = next(p for p in r.people if p.name == "Marek Nowicki")
    assert commissioner.title == "European Union Commissioner for Budget and Human Resources"
    assert ("Marek Nowicki", "the programme would ") in reported(r)


def test_a_bank_named_after_a_region_with_its_acronym_keeps_the_name_set_off_after_it() -> None:
    for bank, acronym in (
        ("Asian Infrastructure Investment Bank", "AIIB"),
        ("Nordic Investment Bank", "NIB"),
    ):
        r = parsed(
            f"The Minister of Finance received the President of the {bank} ({acronym}), Sara Lindqvist, "
            "in the capital on Tuesday.\nLindqvist informed the Minister that the bank approved new loans."
        )
        banker = next(p for p in r.people if p.name == "Sara Lindqvist")
        assert banker.title == f"President of the {bank} ({acronym})"
        assert reported(r) == [("Sara Lindqvist", "the Minister that th")]


def test_a_two_word_name_written_family_name_first_is_the_speaker_by_that_name() -> None:
    r = parsed(
        "The Prime Minister met the President of the Nordic Investment Bank, Wang Lihua, on Monday.\n"
        "Wang informed the Prime Minister that the bank would open an office."
    )
    assert reported(r) == [("Wang Lihua", "the Prime Minister t")]


# ---- the host of a publisher that no rule names


def test_a_publisher_line_naming_an_office_and_a_country_makes_its_holder_the_host() -> None:
    body = (
        "The President of Mongolia received the President of the Asian Development Bank, Ana Ortiz, today.\n"
        "Ms. Ortiz said that the bank stands ready to help.\n"
        "The President underlined the importance of diversifying the economy.\n"
        '"Our herders need roads," the President told Ms. Ortiz.'
    )
    r = parsed(body, publisher="Office of the President of Mongolia", date="2015-08-27")
    host = name_of(r, r.host)
    assert host == "Tsakhiagiin Elbegdorj"
    assert reported(r) == [("Ana Ortiz", "the bank stands read"), (host, "the importance of di")]
    assert direct(r) == [(host, "Our herders need roads")]


def test_a_named_host_without_a_title_is_the_head_of_state_of_the_publisher() -> None:
    body = (
        "Kassym-Jomart Tokayev received the President of the Nordic Investment Bank, Sara Lindqvist.\n"
        "The Head of State noted the contribution of the bank to the country's infrastructure.\n"
        "Sara Lindqvist said the bank intends to invest in the green economy."
    )
    r = parsed(body, publisher="Official website of the President of the Republic of Kazakhstan")
    assert reported(r) == [
        ("Kassym-Jomart Tokayev", "the contribution of "),
        ("Sara Lindqvist", "the bank intends to "),
    ]


def test_a_council_of_ministers_publisher_speaks_for_the_prime_minister_of_the_date() -> None:
    body = (
        "The Prime Minister met with the Minister of Commerce of China, Li Ming.\n"
        "The head of the Bulgarian government said Bulgaria wants to attract investors."
    )
    r = parsed(body, publisher="Council of Ministers of the Republic of Bulgaria", date="2011-11-15")
    assert name_of(r, r.host) == "Boyko Borissov"
    assert reported(r) == [("Boyko Borissov", "Bulgaria wants to at")]


def test_a_rank_before_the_name_and_the_office_after_it_make_the_host() -> None:
    body = (
        "At Government House, General Somchai Rattana, Prime Minister, received Dr. Elena Ruiz, "
        "Minister of Trade of Chile.\nThe Prime Minister invited Chilean investors to the new corridor."
    )
    r = parsed(body, publisher="Royal Government, Government House")
    assert name_of(r, r.host) == "Somchai Rattana"
    assert reported(r) == [("Somchai Rattana", "Chilean investors to")]


def test_the_head_of_the_executive_is_the_head_of_government_of_the_readout() -> None:
    body = (
        "Prime Minister Ion Marinescu met the European Commissioner for Regional Policy, Anna Berg.\n"
        "The head of the Executive informed the Commissioner that the damage was severe."
    )
    r = parsed(body, publisher="Government of Ruritania, Press Office")
    assert reported(r) == [("Ion Marinescu", "the Commissioner tha")]


# ---- quotes


def test_an_attributed_fragment_that_ends_the_sentence_is_a_quote_but_a_term_is_not() -> None:
    for body in (
        "The Minister underlined that relations between the two countries are “close and rooted in trust”.",
        "The Minister praised the partnership, which she described as “a model for the whole region”.",
    ):
        r = parsed(body)
        assert [q.text for q in r.quotes if q.kind == "direct"] == [
            body[body.index("“") + 1 : body.index("”")]
        ]
    for body in (
        "The Minister said the two countries would join the “Green Corridors Initiative”.",
        "The Minister said the “green corridors” would open next week.",
    ):
        assert [q for q in parsed(body).quotes if q.kind == "direct"] == []


def test_a_label_line_naming_an_office_hands_the_quote_below_it_to_its_holder() -> None:
    body = (
        "Prime Minister Rahim Osman received the President of the Nordic Investment Bank, Sara Lindqvist.\n"
        "Prime Minister’s remarks:\n"
        "“We welcome partners who respect our priorities. We are open for investment on our terms.”"
    )
    r = parsed(body)
    assert [s for s, _ in direct(r)] == ["Rahim Osman"]


def test_an_attribution_after_the_statement_may_name_its_listeners_and_the_occasion() -> None:
    for attribution in ("told reporters after the meeting", "told journalists", "said"):
        r = parsed(
            "Prime Minister Ion Marinescu met Commissioner Anna Berg.\nThe new road programme will start "
            f"in spring, the Government spokesperson, Maria Popa, {attribution}."
        )
        assert reported(r) == [("Maria Popa", "The new road program")]
