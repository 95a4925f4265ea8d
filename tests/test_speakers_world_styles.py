"""Given readouts written the way other publishers write them (gov.uk, the State Department,
the UN, the IMF, NATO, Japan's MOFA, Canada, Australia), the parser names who speaks.

Every readout here is made up for the test; each rule is checked in more than one house
style and against the sentences that look alike but tell no one's statement.
"""

from __future__ import annotations

from readout_browser.model import Readout
from speaker_views import parsed, said


def direct(r: Readout) -> list[tuple[str | None, str]]:
    """(speaker's name, text) of every direct quote."""
    return said(r, "direct")


def reported(r: Readout) -> list[tuple[str | None, str]]:
    """(speaker's name, the clause's first words) of every reported statement."""
    return said(r, "reported", 30)


def reported_by(body: str, publisher: str | None = None) -> list[str | None]:
    return [name for name, _ in reported(parsed(body, publisher))]


# ---- statements in the first person


def test_a_statement_issued_by_one_official_is_hers_paragraph_by_paragraph() -> None:
    body = (
        "Fund Managing Director Olga Brandt met with Finance Minister Tomas Vidal and issued the "
        "following statement.\n"
        "“I was glad to welcome the Minister today. We had a frank discussion of the budget.”\n"
        "“I reiterated that the Fund stands ready to help the authorities.”\n"
    )
    r = parsed(body, publisher="International Monetary Fund")
    assert [name for name, _ in direct(r)] == ["Olga Brandt", "Olga Brandt"]


def test_a_readout_titled_as_one_person_s_statement_gives_that_person_its_quote_paragraphs() -> None:
    body = (
        "The Prime Minister met Fund Managing Director Olga Brandt in Downing Street.\n"
        "“We had a very useful exchange on the outlook for growth.”\n"
    )
    publisher = "Prime Minister's Office, 10 Downing Street"
    r = parsed(body, publisher, title="Statement by Managing Director Olga Brandt on her visit")
    assert [name for name, _ in direct(r)] == ["Olga Brandt"]
    r = parsed(body, publisher, title="PM meeting with the Managing Director")
    assert [name for name, _ in direct(r)] != ["Olga Brandt"]


def test_a_statement_issued_by_a_guest_is_the_guest_s_not_the_host_s() -> None:
    body = (
        "The Prime Minister met Fund Managing Director Olga Brandt in Downing Street.\n"
        "After the meeting, Ms. Brandt issued the following statement.\n"
        "“We had a very useful exchange on the outlook for growth.”\n"
    )
    r = parsed(body, publisher="Prime Minister's Office, 10 Downing Street")
    assert [name for name, _ in direct(r)] == ["Olga Brandt"]


def test_a_message_that_reads_so_is_its_sender_s() -> None:
    body = (
        "President Karl Moser sent greetings to the participants of the film festival. The message "
        'reads, in part: "Your festival brings together artists from many countries."'
    )
    assert [name for name, _ in direct(parsed(body))] == ["Karl Moser"]


def test_made_the_following_statement_hands_the_quote_paragraphs_to_its_subject() -> None:
    body = (
        "Ms. Olga Brandt, Managing Director of the International Monetary Fund, met today with "
        "Mr. Tomas Vidal, Minister of Finance. Afterwards, Ms. Brandt made the following statement:\n"
        "“Minister Vidal and I agreed that close cooperation serves everyone.\n"
        "“I expressed my appreciation for the Minister’s commitment to reform.”\n"
    )
    assert [name for name, _ in direct(parsed(body))] == ["Olga Brandt", "Olga Brandt"]


def test_a_paragraph_that_ends_with_a_plain_sentence_does_not_hand_on_the_quote() -> None:
    body = (
        "Prime Minister Ana Lucic met President Marek Holm and discussed the economy.\n"
        "Talks went on for two hours in the capital.\n"
        "“We have much to do,” said President Holm."
    )
    assert direct(parsed(body)) == [("Marek Holm", "We have much to do")]


def test_a_speaker_who_names_himself_in_his_words_speaks_them() -> None:
    body = (
        "President Tom Reyes joined the call with Chancellor Ida Berg.\n"
        "The call opened with a message. “Good evening, this is Tom Reyes, and I am glad to be with you "
        "all tonight to talk about the harvest.” The leaders then turned to trade."
    )
    assert direct(parsed(body))[0][0] == "Tom Reyes"


# ---- attribution in a neighbouring sentence or paragraph


def test_quote_paragraphs_under_a_label_line_belong_to_the_person_it_names() -> None:
    body = (
        "Australia will provide a further $5 million in assistance.\n"
        "Minister for Foreign Affairs, Senator the Hon Alice Moran:\n"
        "“This assistance will save lives.\n"
        "“We will keep pressing for access.”\n"
        "Minister for Trade and Tourism, the Hon Dr Ben Okafor MP:\n"
        "“Our partners can count on us.”\n"
    )
    assert direct(parsed(body)) == [
        ("Alice Moran", "This assistance will save lives."),
        ("Alice Moran", "We will keep pressing for access."),
        ("Ben Okafor", "Our partners can count on us."),
    ]


def test_a_label_line_of_someone_unknown_does_not_pass_the_quotes_to_the_last_label() -> None:
    body = (
        "Minister for Foreign Affairs, Senator the Hon Alice Moran:\n"
        "“This assistance will save lives.”\n"
        "Minister for Rivers and Lakes, Assistant Minister for Fisheries:\n"
        "“Our partners can count on us every single day of the year.”\n"
    )
    speakers = [name for name, _ in direct(parsed(body))]
    assert speakers[0] == "Alice Moran"
    assert speakers[1] != "Alice Moran"


def test_quote_paragraphs_above_a_signature_line_belong_to_the_signer() -> None:
    body = (
        "The Honourable Claire Dubois, Minister of International Development, today announced new "
        "funding for nutrition.\n"
        "Quotes\n"
        "On nutrition:\n"
        "“Every child deserves a healthy start in life.”\n"
        "On refugees:\n"
        "“We will keep helping the countries that host refugees.”\n"
        "- Claire Dubois, Minister of International Development\n"
    )
    r = parsed(body, publisher="Global Affairs Canada")
    assert [name for name, _ in direct(r)] == ["Claire Dubois", "Claire Dubois"]
    assert reported(r) == [("Claire Dubois", "new funding for nutrition")]


def test_a_quote_after_a_sentence_of_reported_speech_is_the_same_speaker_s() -> None:
    body = (
        "NATO Secretary General Lars Eik met Defence Minister Petra Nowak.\n"
        "The Secretary General said the summit would matter a great deal. “We have to be ready "
        "for every challenge, and we will be.”"
    )
    assert direct(parsed(body, publisher="NATO")) == [
        ("Lars Eik", "We have to be ready for every challenge, and we will be.")
    ]


def test_a_transcript_s_speaker_label_names_who_speaks_the_words_in_marks() -> None:
    body = (
        "President Karl Moser held a meeting with members of the government.\n"
        "Karl Moser: “Good afternoon, colleagues. We have a long agenda today.”\n"
        "Minister of Finance Tomas Vidal: “Thank you, Mr President. The budget is ready.”\n"
        "The Minister’s view: “a budget for growth”, as the newspapers put it."
    )
    assert [name for name, _ in direct(parsed(body))][:2] == ["Karl Moser", "Tomas Vidal"]


def test_a_dash_after_the_marks_signs_the_quotation() -> None:
    body = (
        "Minister of Trade Rosa Lind met Ambassador Ken Ito.\n"
        "Ambassador Ito praised the partnership. “Our trade has never been stronger,” — Rosa Lind, "
        "Minister of Trade."
    )
    assert direct(parsed(body)) == [("Rosa Lind", "Our trade has never been stronger")]


def test_quoted_as_saying_attributes_the_quotation() -> None:
    body = (
        "Minister of Trade Rosa Lind met Ambassador Ken Ito. Minister Lind was quoted as saying “our "
        "trade has never been stronger than it is this year”."
    )
    assert direct(parsed(body)) == [("Rosa Lind", "our trade has never been stronger than it is this year")]


def test_a_quote_in_a_participle_clause_is_the_sentence_subject_s() -> None:
    body = (
        "Secretary General Lars Eik met US Secretary of State Jane Roe.\n"
        "The Secretary General praised Secretary Roe’s commitment, saying the allies now have “a unique "
        "chance to open a new chapter in the life of the alliance”."
    )
    assert [name for name, _ in direct(parsed(body, "NATO"))] == ["Lars Eik"]


def test_a_quote_paragraph_after_told_reporters_is_the_teller_s() -> None:
    body = (
        "Foreign Minister Hanna Vogt met Foreign Minister Luis Prado in Madrid.\n"
        "Minister Prado told reporters after the talks that the border would reopen.\n"
        "“We have waited long enough, and our citizens deserve an answer.”\n"
    )
    assert [name for name, _ in direct(parsed(body))] == ["Luis Prado"]


def test_according_to_an_office_reports_its_holder() -> None:
    body = (
        "Minister of Finance Tomas Vidal met the Governor of the central bank.\n"
        "According to the Minister, inflation will fall next year."
    )
    assert reported_by(body) == ["Tomas Vidal"]


def test_a_quote_after_a_sentence_of_no_speech_is_not_given_to_its_subject() -> None:
    body = (
        "NATO Secretary General Lars Eik met Defence Minister Petra Nowak.\n"
        "The Secretary General visited the base in the morning. “We have to be ready for every "
        "challenge, and we will be.”"
    )
    assert direct(parsed(body, publisher="NATO"))[0][0] is None


def test_a_quotation_left_unopened_after_its_attribution_goes_on_with_the_speaker() -> None:
    body = (
        "President Paul Girard received Bank President Nina Sato.\n"
        "“I am very pleased to receive the Bank’s President in Paris,” said President Paul Girard. "
        "At our meeting we discussed the Sahel and the climate. I look forward to working with her.”"
    )
    assert direct(parsed(body)) == [
        ("Paul Girard", "I am very pleased to receive the Bank’s President in Paris"),
        (
            "Paul Girard",
            "At our meeting we discussed the Sahel and the climate. I look forward to working with her.",
        ),
    ]


def test_a_name_set_off_after_its_title_is_the_speaker_of_the_verb_after_it() -> None:
    body = (
        "The Commission is providing new humanitarian funding for the region.\n"
        "Commissioner for Crisis Management, Jan Novak, said, “We are doing our part and we urge "
        "others to do theirs.”"
    )
    assert direct(parsed(body)) == [("Jan Novak", "We are doing our part and we urge others to do theirs.")]


def test_a_paragraph_in_single_marks_is_a_quote_of_the_official_who_publishes_it() -> None:
    body = (
        "Minister for Foreign Trade Eva de Wit has made €5 million available for flood victims.\n"
        "‘We stand with the people in the flooded areas. We will help where we can.’\n"
        "The money will go to the Red Cross."
    )
    assert direct(parsed(body)) == [
        ("Eva de Wit", "We stand with the people in the flooded areas. We will help where we can.")
    ]


def test_single_marks_inside_a_paragraph_are_not_a_quote() -> None:
    body = "Minister Eva de Wit met the Mayor. The ‘Smart Cities’ plan was on the table, and ‘green’ bonds."
    assert direct(parsed(body)) == []


# ---- titles with a surname, abbreviations and honorifics


def test_a_particle_after_an_office_begins_the_name() -> None:
    r = parsed(
        "This evening, President van der Berg took part in a call with leaders. "
        "President van der Berg reaffirmed the Union’s support for the region."
    )
    assert reported(r) == [("van der Berg", "the Union’s support for the re")]


def test_an_organisation_before_an_office_stays_whole() -> None:
    r = parsed(
        "Today, World Bank Group President Omar Haddad met with Minister of Finance Lea Roth. "
        "“The Bank will stand by you,” said World Bank Group President Omar Haddad."
    )
    assert direct(r) == [("Omar Haddad", "The Bank will stand by you")]
    assert next(p.title for p in r.people if p.name == "Omar Haddad") == "World Bank Group President"


def test_a_surname_in_capitals_after_an_honorific_is_part_of_the_name() -> None:
    body = (
        "Mr. Kenji Sato, Minister for Foreign Affairs, held a telephone talk with H.E. Mr. Ahmet YILMAZ, "
        "Minister of Foreign Affairs of the Republic of Turkey. The overview is as follows.\n"
        "1. In the beginning, Minister Sato extended his congratulations to H.E. Mr. Ahmet YILMAZ. "
        "In return, H.E. Mr. Ahmet YILMAZ expressed his gratitude."
    )
    r = parsed(body, publisher="Ministry of Foreign Affairs of Japan")
    assert "Ahmet Yilmaz" in [p.name for p in r.people]
    assert reported_by(body, "Ministry of Foreign Affairs of Japan") == ["Kenji Sato", "Ahmet Yilmaz"]


def test_an_abbreviated_office_and_a_bare_surname_introduce_a_speaker() -> None:
    body = "PM Modi spoke with President Lula. PM Modi thanked President Lula for his hospitality."
    assert reported_by(body) == ["Modi"]
    # ... but an hour is no office: "3 PM Beijing time" names nobody.
    r = parsed("PM Modi spoke with President Lula at 3 PM Beijing time.")
    assert "Beijing" not in [p.name for p in r.people]


def test_a_nationality_or_an_organisation_before_a_bare_office_names_its_holder() -> None:
    body = (
        "President Lula met German Chancellor Olaf Scholz and EU High Representative Josep Borrell.\n"
        "The German Chancellor noted the importance of trade. "
        "The EU High Representative pledged to stay in touch."
    )
    assert reported_by(body) == ["Olaf Scholz", "Josep Borrell"]


def test_a_surname_written_first_is_the_same_person() -> None:
    body = (
        "Foreign Minister Wang Yi met Secretary of State Jane Roe. "
        "Foreign Minister Wang stressed the need for calm."
    )
    r = parsed(body)
    assert reported(r) == [("Wang Yi", "the need for calm")]
    assert [p.name for p in r.people].count("Wang Yi") == 1


def test_the_head_word_of_an_office_stands_for_its_holder() -> None:
    body = (
        "Secretary of State Jane Roe spoke today with Foreign Minister Carlos Mena. "
        "The Secretary expressed the United States’ hope for a lasting peace."
    )
    assert reported_by(body, "U.S. Department of State") == ["Jane Roe"]
    # ... but another office is not it: "the Minister" is no "Prime Minister".
    body = "Prime Minister Ana Lucic met the press. The Minister stressed the need for calm."
    assert reported_by(body) == []


def test_an_honorific_before_an_office_keeps_the_reference() -> None:
    body = "Minister of Trade Rosa Lind met the delegation. The Hon. Minister said the talks were useful."
    assert reported_by(body) == ["Rosa Lind"]


def test_an_office_set_off_after_a_name_is_that_person_s_title() -> None:
    body = (
        "The Secretary-General met today with H.E. Mr. Chen Bo, Minister for Foreign Affairs of Japan.\n"
        "The Foreign Minister stressed the value of the United Nations."
    )
    r = parsed(body)
    assert [(p.name, p.title) for p in r.people if p.name == "Chen Bo"] == [
        ("Chen Bo", "Minister for Foreign Affairs of Japan")
    ]
    assert reported(r) == [("Chen Bo", "the value of the United Nation")]


def test_a_name_never_runs_across_a_line_break() -> None:
    body = (
        "April 2, 2024 - Ottawa - Global Affairs Canada\n"
        "The Honourable Claire Dubois, Minister of International Development, today announced funding."
    )
    r = parsed(body)
    assert "Claire Dubois" in [p.name for p in r.people]
    assert not any(p.name.startswith("Canada") for p in r.people)


# ---- reported statements in other publishers' phrasings


def test_other_verbs_of_speech_report_a_statement() -> None:
    lead = "Prime Minister Ana Lucic spoke to President Marek Holm.\n"
    for sentence, clause in [
        ("The Prime Minister raised the case of a detained journalist.", "the case of a detained journalis"),
        ("Prime Minister Lucic repeated that the border must stay open.", "the border must stay open"),
        ("Prime Minister Lucic encouraged the President to act.", "the President to act"),
        ("Prime Minister Lucic appreciated the message of support.", "the message of support"),
        ("President Holm accepted the Prime Minister’s invitation.", "the Prime Minister’s invitati"),
        ("President Holm looks forward to his visit in the spring.", "to his visit in the spring"),
        ("The Prime Minister also gave an update on the trade talks.", "the trade talks"),
        ("Prime Minister Lucic paid tribute to the rescue workers.", "to the rescue workers"),
        ("Prime Minister Lucic passed on her condolences for the victims.", "her condolences for the victim"),
        ("Prime Minister Lucic laid out her plans for the summit.", "her plans for the summit"),
        ("President Holm, in his remarks, noted the progress made.", "the progress made"),
        ("The Prime Minister opened by congratulating Holm on his win.", "congratulating Holm on his win"),
    ]:
        r = parsed(lead + sentence, publisher="Prime Minister's Office, 10 Downing Street")
        assert [c[: len(clause)] for _, c in reported(r)] == [clause[:30]], sentence


def test_for_someone_it_is_essential_tells_that_person_s_view() -> None:
    body = (
        "President Karl Moser spoke with President Ivan Petrov.\n"
        "For President Moser it is essential to keep talking to all partners."
    )
    assert reported_by(body) == ["Karl Moser"]
    body = "President Karl Moser spoke with President Ivan Petrov. For President Moser the day was long."
    assert reported_by(body) == []


def test_a_statement_introduced_with_a_colon_is_the_paragraph_after_it() -> None:
    body = (
        "The government increased its aid by ten million euros.\n"
        "Commenting on this, Foreign Minister Hanna Vogt stated:\n"
        "The situation of the refugees is dire. We will do more."
    )
    r = parsed(body)
    assert reported(r) == [("Hanna Vogt", "The situation of the refugees ")]
    assert direct(r) == []


def test_a_passive_names_its_speaker_after_by_only_for_verbs_of_speech() -> None:
    body = "New aid was announced by Minister Rita Oyelaran at the donor conference in Cairo."
    assert reported_by(body) == ["Rita Oyelaran"]
    assert reported_by("The conference was opened by Minister Rita Oyelaran in Cairo.") == []
    assert reported_by("It was stressed that the aid must flow.") == []


def test_a_purpose_clause_speaks_for_the_sentence_s_subject() -> None:
    body = (
        "President Dan Walsh spoke today with Justin Fournier, Prime Minister of Canada, to thank him "
        "for the gift of maple syrup."
    )
    assert reported_by(body, "The White House") == ["Dan Walsh"]


def test_a_future_act_of_speech_is_reported() -> None:
    body = (
        "Commonwealth Secretary-General Mara Quist will meet Prime Minister Leo Hart. "
        "The Secretary-General will also update Prime Minister Hart on the coming summit."
    )
    assert reported_by(body) == ["Mara Quist"]


def test_a_new_clause_after_a_joint_act_reports_its_own_subject() -> None:
    body = (
        "The Prime Minister spoke to Prime Minister Ana Lucic.\n"
        "Both agreed on the importance of open trade, and the Prime Minister stated that the new "
        "partnership will matter."
    )
    assert len(reported_by(body, "Prime Minister's Office, 10 Downing Street")) == 1


def test_joint_acts_and_hosting_are_nobody_s_statement() -> None:
    lead = "Secretary General Lars Eik met President Tom Reyes.\n"
    for sentence in [
        "The leaders agreed to stay in close contact.",
        "They discussed the situation in the region.",
        "Both agreed on the need for calm.",
        "The Secretary General and President Reyes looked forward to the summit.",
        "Secretary General Lars Eik welcomed President Reyes to NATO Headquarters.",
    ]:
        assert reported_by(lead + sentence, "NATO") == [], sentence


def test_he_after_a_sentence_with_an_object_stands_for_its_subject() -> None:
    body = (
        "Secretary General Lars Eik met with US Secretary of State Jane Roe.\n"
        "The Secretary General thanked Secretary Roe for her leadership. He also thanked her for the "
        "commitment of the United States."
    )
    assert reported_by(body, "NATO") == ["Lars Eik", "Lars Eik"]
