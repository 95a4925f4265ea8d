"""Given readouts written the way other publishers write them (a portfolio minister called "the
Minister", a dateline before the subject, a quoted fragment inside a reported clause, a visit's
purpose, speech verbs of disclosure), each statement goes to the right person and no journey is
read as a statement.

Every readout here is made up for the test.
"""

from __future__ import annotations

from readout_browser.model import Readout
from speaker_views import parsed, said


def reported(r: Readout) -> list[tuple[str | None, str]]:
    """(speaker's name, the clause's first words) of every reported statement."""
    return said(r, "reported", 25)


def direct(r: Readout) -> list[tuple[str | None, str]]:
    return said(r, "direct", 25)


def test_the_minister_is_the_foreign_minister_named_before_and_no_phantom_minister_is_made() -> None:
    r = parsed(
        "On 3 May, Foreign Minister Tomas Kalnins met with Irakli Beridze, Minister of Foreign "
        "Affairs of Georgia, who is visiting Riga.\n\n"
        '"Small states keep their freedom only when they keep their friends," the Minister said.\n\n'
        "Latvia has sent EUR 200,000 in winter aid to the displaced through UNICEF, the Minister said.\n\n"
        "The visit of the Georgian minister was arranged at the invitation of Minister Kalnins."
    )
    assert direct(r) == [("Tomas Kalnins", "Small states keep their f")]
    assert ("Tomas Kalnins", "Latvia has sent EUR 200,0") in reported(r)
    assert sorted(p.name for p in r.people) == ["Irakli Beridze", "Tomas Kalnins"]


def test_a_dateline_and_a_title_before_the_subject_leave_the_second_verb_to_the_subject() -> None:
    r = parsed(
        "NAIROBI – UNICEF Regional Director Hanna Okafor today met with Foreign Minister Peter "
        "Mwangi, and thanked Kenya for its help in reaching children in the drought areas."
    )
    assert reported(r) == [("Hanna Okafor", "Kenya for its help in rea")]


def test_a_quoted_fragment_inside_a_that_clause_gives_both_the_quote_and_the_statement() -> None:
    r = parsed(
        "President Ana Ruiz received today at the palace the Prime Minister of Portugal, Rui Tavares.\n\n"
        "For her part, Ruiz stated that her government will back the farmers who "
        '"feed the country and its cities through every drought".'
    )
    assert direct(r) == [("Ana Ruiz", "feed the country and its ")]
    assert reported(r) == [("Ana Ruiz", "her government will back ")]


def test_a_visit_whose_purpose_is_to_express_solidarity_is_no_statement() -> None:
    r = parsed(
        "Prime Minister Omar Haddad received Secretary-General Lina Moreau at his office today. "
        "Secretary-General Lina Moreau is on a three-day visit to the region to express solidarity "
        "with the families who lost their homes."
    )
    assert reported(r) == []


def test_a_call_made_to_express_thanks_is_still_the_callers_statement() -> None:
    r = parsed(
        "Prime Minister Omar Haddad spoke with President Lina Moreau to express thanks for the "
        "medical teams sent last month."
    )
    assert reported(r) == [("Omar Haddad", "thanks for the medical te")]


def test_disclosed_cited_apprised_and_offered_are_speech_acts() -> None:
    for verb, rest in (
        ("disclosed that", "three donors had already paid their shares."),
        ("cited", "the rise in school enrolment as proof that the plan works."),
        ("apprised the visitor of", "the damage done by the storms."),
        ("offered", "the expertise of his office on drafting the electoral law."),
    ):
        r = parsed(
            f"Minister Karel Dvorak received Ambassador Ines Lund today. Minister Karel Dvorak {verb} {rest}"
        )
        assert [name for name, _ in reported(r)] == ["Karel Dvorak"], verb


def test_a_quote_after_a_sentence_that_sets_the_scene_of_speech_is_its_subjects() -> None:
    r = parsed(
        "Geneva, 4 May – The head of the Department, Minister Anton Keller, held talks with "
        "Foreign Minister Omar Haddad.\n\n"
        "Addressing journalists later, Minister Anton Keller was firm about the next steps. "
        "“We will not trade principles for access.”"
    )
    assert direct(r) == [("Anton Keller", "We will not trade princip")]


def test_he_after_x_told_the_prime_minister_that_is_x_the_subject() -> None:
    r = parsed(
        "President Kwame Osei-Bonsu held talks with the Prime Minister of Korea, Min-jun Park.\n\n"
        "President Osei-Bonsu told the Korean Prime Minister that Ghana wants trade, not aid. "
        "“We are ready to stand on our own feet,” he said."
    )
    assert direct(r) == [("Kwame Osei-Bonsu", "We are ready to stand on ")]


def test_a_speaker_introduced_by_a_relative_clause_is_listed_and_speaks() -> None:
    r = parsed(
        "President Ana Ruiz met with Bank President Karl Heinz in Lima on Thursday.\n\n"
        "Finance Secretary Rosa Villar, who also attended the meeting, said the borrowing mix "
        "would favour concessional loans.\n\n"
        "The President received Ambassador Ines Lund, who briefed her on the donor conference."
    )
    assert ("Rosa Villar", "the borrowing mix would f") in reported(r)
    assert ("Ines Lund", "her on the donor conferen") in reported(r)


def test_a_style_standing_alone_is_the_person_introduced_with_it() -> None:
    r = parsed(
        "DOHA, 2 May (QNA) -- His Highness Sheikh Tamim bin Khalid held talks today with "
        "Dr. Lena Ortiz, President of the Republic of Chile.\n\n"
        "His Highness affirmed the wish of the State to deepen trade with Chile."
    )
    [(speaker, clause)] = reported(r)
    assert speaker is not None and speaker.endswith("Tamim bin Khalid")
    assert clause == "the wish of the State to "


def test_a_nickname_the_press_uses_is_the_leader_named_before() -> None:
    r = parsed(
        "President Ferdinand R. Marcos Jr. met with Bank President Karl Heinz on Thursday.\n\n"
        "PBBM also cited the new rail lines as proof that the program works."
    )
    assert reported(r) == [("Ferdinand R. Marcos Jr.", "the new rail lines as pro")]


def test_an_organisations_unnamed_head_is_taken_from_the_roster_on_the_readouts_date() -> None:
    r = parsed(
        "Paris, 3 March 2023 – The OECD Secretary-General today met with the President of Peru, "
        "Ana Ruiz.\n\nThe Secretary-General welcomed the progress of the review.",
        publisher="OECD",
        date="2023-03-03",
    )
    assert reported(r) == [("Mathias Cormann", "the progress of the revie")]


def test_the_head_of_a_body_named_after_a_place_and_an_acronym_keeps_the_name() -> None:
    r = parsed(
        "Minister Karel Dvorak met today with Commissioner-General of the United Nations Relief "
        "and Works Agency for Palestine Refugees in the Near East (UNRWA) Maria Lindqvist.\n\n"
        "For her part, the Commissioner-General expressed her thanks for the support."
    )
    assert ("Maria Lindqvist", "her thanks for the suppor") in reported(r)
