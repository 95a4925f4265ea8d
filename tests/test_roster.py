"""Given a readout whose own principal is never named, the dated roster of office holders names them.

The publisher gives the office, the readout's date gives the term; a name in the text always
wins, and without a date the person keeps the title alone.
"""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from readout_browser import jsonform
from readout_browser.cli import main
from readout_browser.model import Person, Readout, Source
from readout_browser.parse.datafiles import DataFileError
from readout_browser.parse.pipeline import parse_text
from readout_browser.parse.places import places
from readout_browser.parse.roles import roles
from readout_browser.parse.roster import dated_roster
from readout_browser.paths import resource, user_config_dir

DOWNING_STREET = "Prime Minister's Office, 10 Downing Street"
STATE = "U.S. Department of State, Office of the Spokesperson (text as reproduced by a wire service)"
UN_SG = "United Nations Secretary-General"

PM_CALL = (
    "The Prime Minister spoke to President Emmanuel Macron of France this afternoon.\n"
    "The Prime Minister said that allies must stand firm and keep up the pressure on Moscow.\n"
    "The leaders agreed to speak again in the coming days.\n"
)
SECRETARY_MEETING = (
    "The below is attributable to the Spokesperson:\n"
    "The Secretary met with Chilean Foreign Minister Ana Ortega in Washington.\n"
    "The Secretary underscored the value of close cooperation on critical minerals.\n"
)
SG_MEETING = (
    "The Secretary-General met today with the Foreign Minister of Peru, Luis Quispe.\n"
    "The Secretary-General stressed the importance of regional cooperation on climate action.\n"
)


def parse(text: str, publisher: str | None, date: str | None, url: str | None = None) -> Readout:
    return parse_text(text, Source(publisher=publisher, date=date, url=url))


def host(r: Readout) -> Person:
    assert r.host is not None, "no host"
    found = r.person(r.host)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("date", "holder"),
    [
        ("2022-02-28", "Boris Johnson"),
        ("2025-01-10", "Keir Starmer"),
        ("2022-10-25", "Rishi Sunak"),  # the day of a handover names the incoming holder
        ("2008-03-01", "Gordon Brown"),
    ],
)
def test_a_downing_street_readout_names_the_prime_minister_of_its_date(date: str, holder: str) -> None:
    r = parse(PM_CALL, DOWNING_STREET, date)
    pm = host(r)
    assert (pm.name, pm.from_roster) == (holder, True)
    assert pm.title == "Prime Minister of the United Kingdom"
    assert pm.country == "United Kingdom"


def test_the_roster_name_holds_whichever_reference_the_text_uses() -> None:
    r = parse(PM_CALL, DOWNING_STREET, "2022-02-28")
    pm = host(r)
    assert [PM_CALL[a:b] for a, b in pm.mentions] == ["The Prime Minister", "The Prime Minister"]
    assert [p.name for p in r.people].count("Boris Johnson") == 1


def test_a_gov_uk_address_is_enough_to_know_the_publisher() -> None:
    r = parse(PM_CALL, None, "2025-01-10", url="https://www.gov.uk/government/news/pm-call-with-a-leader")
    assert host(r).name == "Keir Starmer"


@pytest.mark.parametrize("date", [None, "", "undated", "1850-06-01"])
def test_without_a_date_the_roster_covers_the_host_keeps_the_title_only(date: str | None) -> None:
    pm = host(parse(PM_CALL, DOWNING_STREET, date))
    assert pm.name == pm.title == "Prime Minister of the United Kingdom"
    assert not pm.from_roster


@pytest.mark.parametrize(
    ("date", "holder"), [("2023-06-01", "Antony J. Blinken"), ("2025-03-01", "Marco Rubio")]
)
def test_the_state_departments_secretary_is_named_by_the_date(date: str, holder: str) -> None:
    r = parse(SECRETARY_MEETING, STATE, date)
    secretary = host(r)
    assert (secretary.name, secretary.from_roster) == (holder, True)
    assert secretary.country == "United States"
    assert "Ana Ortega" in [p.name for p in r.people]


def test_a_un_readout_of_2012_names_ban_ki_moon() -> None:
    sg = host(parse(SG_MEETING, UN_SG, "2012-05-21", url="https://www.un.org/sg/en/content/sg/readout/x"))
    assert (sg.name, sg.from_roster, sg.country) == ("Ban Ki-moon", True, "United Nations")


def test_a_un_readout_of_2023_names_guterres_and_reports_his_statement() -> None:
    r = parse(SG_MEETING, UN_SG, "2023-09-20")
    sg = host(r)
    assert sg.name == "António Guterres"
    stressed = [q for q in r.quotes if q.cue == "stressed"]
    assert [q.speaker for q in stressed] == [sg.id]


def test_a_name_in_the_text_wins_over_the_roster() -> None:
    text = (
        "Secretary of State Jane Holloway met today with Chilean Foreign Minister Ana Ortega.\n"
        "The Secretary underscored the value of close cooperation on critical minerals.\n"
    )
    r = parse(text, STATE, "2023-06-01")
    secretary = host(r)
    assert (secretary.name, secretary.from_roster) == ("Jane Holloway", False)
    assert not any("Blinken" in p.name for p in r.people)


def test_a_holder_the_text_names_later_is_one_person_with_the_office() -> None:
    text = PM_CALL + "Boris Johnson said the United Kingdom would send more support.\n"
    r = parse(text, DOWNING_STREET, "2022-02-28")
    johnsons = [p for p in r.people if p.name.endswith("Johnson")]
    assert len(johnsons) == 1
    assert johnsons[0].id == r.host
    assert not johnsons[0].from_roster  # the text named him


def test_only_the_publishers_own_offices_are_named_from_the_roster() -> None:
    text = (
        "The Prime Minister spoke to the President of France this afternoon.\n"
        "The President of France said that Europe would stand together.\n"
    )
    r = parse(text, DOWNING_STREET, "2022-02-28")
    assert host(r).name == "Boris Johnson"
    others = [p for p in r.people if p.id != r.host]
    assert others and all(not p.from_roster for p in others)
    assert "Emmanuel Macron" not in [p.name for p in r.people]


def test_a_former_holder_of_the_office_is_not_given_the_current_holders_name() -> None:
    text = (
        "The Prime Minister met the former Foreign Secretary of the United Kingdom at Downing Street.\n"
        "The former Foreign Secretary of the United Kingdom said that the talks had been useful.\n"
    )
    r = parse(text, DOWNING_STREET, "2022-02-28")
    assert host(r).name == "Boris Johnson"
    assert [p.from_roster for p in r.people] == [True, False]
    r = parse(text.replace("former ", ""), DOWNING_STREET, "2022-02-28")
    assert [(p.name, p.from_roster) for p in r.people] == [("Boris Johnson", True), ("Liz Truss", True)]


def test_an_office_whose_title_says_more_than_the_publishers_country_is_not_named() -> None:
    text = (
        "Vladimir Putin welcomed the Foreign Minister of the Azure Republic to Russia on Tuesday.\n"
        "The Foreign Minister of the Azure Republic to Russia said that the visit opened a new page.\n"
    )
    r = parse(text, "President of Russia", "2023-03-14")
    assert "Sergey Lavrov" not in [p.name for p in r.people]
    r = parse(
        text.replace("Azure Republic to Russia", "Russian Federation"), "President of Russia", "2023-03-14"
    )
    assert "Sergey Lavrov" in [p.name for p in r.people]


def test_the_json_carries_from_roster_both_ways() -> None:
    r = parse(PM_CALL, DOWNING_STREET, "2025-01-10")
    people = jsonform.to_dict(r)["people"]
    assert [(p["name"], p["from_roster"]) for p in people] == [
        ("Keir Starmer", True),
        ("Emmanuel Macron", False),
    ]
    again = jsonform.from_dict(jsonform.to_dict(r))
    assert [p.from_roster for p in again.people] == [True, False]


def test_the_text_summary_says_the_name_is_from_the_roster(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "call.txt"
    f.write_text(
        "url: https://www.gov.uk/government/news/pm-call\n"
        "title: PM call with President Macron\n"
        "date: 2025-01-10\n"
        f"publisher: {DOWNING_STREET}\n"
        "---\n" + PM_CALL,
        encoding="utf-8",
    )
    assert main(["parse", str(f), "--format", "text"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "Keir Starmer" in line)
    assert "roster" in line
    assert not any("roster" in line for line in out.splitlines() if "Macron" in line)


def test_an_office_of_another_country_mentioned_in_passing_is_neither_host_nor_participant() -> None:
    text = (
        "The Federal Chancellor received the Prime Minister of Slovakia Peter Kovac in Vienna and "
        "recalled the remarks of the Federal Chancellor of Germany Olaf Scholz on energy security.\n"
        "The two heads of government discussed gas supplies for the coming winter.\n"
    )
    r = parse(text, "Federal Chancellery of Austria", "2023-05-04")
    chancellor = host(r)
    assert (chancellor.name, chancellor.country, chancellor.from_roster) == ("Karl Nehammer", "Austria", True)
    assert [p.name for p in r.people] == ["Karl Nehammer", "Peter Kovac"]


def test_without_a_publisher_rule_the_leads_subject_is_the_host_not_a_leader_it_names() -> None:
    text = (
        "Minister of Foreign Affairs Jan Novak welcomed the statement of the President of the "
        "United States Joe Biden on the summit.\n"
        "Jan Novak said that the region needed stability.\n"
    )
    r = parse(text, "Ministry of Foreign Affairs of Ruritania", "2023-05-04")
    assert host(r).name == "Jan Novak"
    assert "Joe Biden" not in [p.name for p in r.people]


def test_without_a_publisher_rule_an_unnamed_office_opening_the_lead_is_the_host_not_its_guest() -> None:
    text = (
        "The Secretary-General met today with the Foreign Minister of Peru, Luis Quispe.\n"
        "The Secretary-General stressed the importance of regional cooperation.\n"
        "Luis Quispe noted the progress made on fisheries.\n"
    )
    r = parse(text, "Office of an organisation no rule knows", "2012-05-21")
    sg = host(r)
    assert (sg.name, sg.from_roster) == ("Secretary-General", False)  # no country: no roster name
    assert [text[a:b] for a, b in sg.mentions] == ["The Secretary-General", "The Secretary-General"]
    assert [(r.person(q.speaker).name, q.cue) for q in r.quotes] == [  # type: ignore[union-attr]
        ("Secretary-General", "stressed"),
        ("Luis Quispe", "noted"),
    ]


def test_an_unnamed_host_is_the_person_the_text_names_later_with_that_office() -> None:
    text = (
        "The Minister met the Ambassador of France, Claire Dubois, in Oslo.\n"
        "Minister Jan Novak said that relations were excellent.\n"
    )
    r = parse(text, "Office of an organisation no rule knows", "2012-05-21")
    assert host(r).name == "Jan Novak"
    assert [text[a:b] for a, b in host(r).mentions] == ["The Minister", "Minister Jan Novak"]


def test_a_ministry_that_speaks_for_two_offices_takes_the_one_the_text_names_first() -> None:
    fm = (
        "Mr. Taro Yamada, Minister for Foreign Affairs, held a telephone talk with Ms. Eva Lind, "
        "Minister for Foreign Affairs of Sweden.\n"
    )
    pm = "Prime Minister Taro Yamada held a summit meeting with Ms. Eva Lind, Prime Minister of Sweden.\n"
    publisher = "Ministry of Foreign Affairs of Japan"
    assert host(parse(fm, publisher, "2020-01-10")).title == "Minister for Foreign Affairs of Japan"
    assert host(parse(pm, publisher, "2020-01-10")).title == "Prime Minister of Japan"


def test_an_agency_release_that_never_mentions_its_head_has_no_roster_host() -> None:
    text = (
        "The European Commission is allocating €50 million in humanitarian aid to the Sahel.\n"
        "Commissioner for Crisis Management Maria Lenz said that the aid would reach the most vulnerable.\n"
    )
    r = parse(text, "European Commission", "2024-05-28")
    assert not any(p.from_roster for p in r.people)


def users_roster(text: str) -> None:
    """The user's own copy of the roster, which replaces the shipped one."""
    path = user_config_dir() / "roster.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_holder_the_user_corrects_in_their_copy_of_the_roster_is_used() -> None:
    shipped = resource("roster.toml").read_text(encoding="utf-8")
    users_roster(shipped.replace('holder = "Keir Starmer"', 'holder = "Jane Holloway"'))
    assert host(parse(PM_CALL, DOWNING_STREET, "2025-01-10")).name == "Jane Holloway"


def test_a_roster_term_without_a_holder_is_refused_with_the_files_name() -> None:
    users_roster(
        '[[office]]\ncountry = "United Kingdom"\noffice = "Prime Minister"\n'
        "terms = [{ start = 2024-07-05 }]\n"
    )
    with pytest.raises(DataFileError, match=r"roster\.toml"):
        parse(PM_CALL, DOWNING_STREET, "2025-01-10")


# ---- the roster file itself


def roster_tables() -> list[dict]:
    return tomllib.loads(resource("roster.toml").read_text(encoding="utf-8"))["office"]


def test_the_roster_file_is_well_formed() -> None:
    tables = roster_tables()
    assert len(tables) >= 60
    for table in tables:
        where = f"{table.get('country')} {table.get('office')}"
        assert table.get("country") and table.get("office"), where
        assert table.get("terms"), where
        terms = table["terms"]
        for t in terms:
            assert t.get("holder") and isinstance(t.get("start"), dt.date), (where, t)
            assert "end" not in t or t["end"] >= t["start"], (where, t)
        assert [t["start"] for t in terms] == sorted(t["start"] for t in terms), f"{where}: not in order"
        plain = [t for t in terms if not t.get("overlap")]
        for a, b in itertools.pairwise(plain):
            assert "end" in a and a["end"] <= b["start"], f"{where}: {a['holder']} overlaps {b['holder']}"


def test_the_roster_covers_the_g20_and_the_organisations_that_publish_readouts() -> None:
    covered = {(t.country, t.office) for t in dated_roster().terms}
    countries = {c for c, _ in covered}
    g20 = {
        "Argentina", "Australia", "Brazil", "Canada", "China", "France", "Germany", "India", "Indonesia",
        "Italy", "Japan", "Mexico", "Russia", "Saudi Arabia", "South Africa", "South Korea", "Türkiye",
        "United Kingdom", "United States",
    }  # fmt: skip
    assert g20 <= countries
    for country in g20:
        roles_held = {r for t in dated_roster().terms if t.country == country for r in t.roles}
        assert {"head of state", "head of government", "foreign minister"} <= roles_held, country
    for org, office in [
        ("United Nations", "Secretary-General"),
        ("NATO", "Secretary General"),
        ("International Monetary Fund", "Managing Director"),
        ("World Bank", "President"),
        ("European Commission", "President"),
        ("European Council", "President"),
        ("European Union", "High Representative"),
        ("UNHCR", "High Commissioner"),
        ("Commonwealth", "Secretary-General"),
    ]:
        assert (org, office) in covered


def test_every_host_rule_finds_its_office_in_the_roster() -> None:
    roster = dated_roster()
    for rule in roles().hosts:
        assert any(roster.holder(rule.country, rule.office, t.start) for t in roster.terms), rule.title


def test_roster_countries_are_written_as_the_gazetteer_and_the_host_rules_write_them() -> None:
    rule_countries = {rule.country for rule in roles().hosts}
    for country in {t.country for t in dated_roster().terms}:
        assert places().canonical(country) == country or country in rule_countries, country


def test_an_office_is_found_by_its_other_names_and_by_its_role() -> None:
    roster = dated_roster()
    rubio = roster.holder("United States", "foreign minister", "2025-06-01")
    assert rubio is not None and rubio.holder == "Marco Rubio"
    found = roster.holder("Germany", "Chancellor", "2023-01-01")
    assert found is not None and found.holder == "Olaf Scholz"
    found = roster.holder("NATO", "Secretary-General", dt.date(2016, 1, 1))
    assert found is not None and found.holder == "Jens Stoltenberg"
    assert roster.holder("Germany", "Emperor", "2023-01-01") is None


def test_a_parse_that_needs_no_name_does_not_read_the_roster() -> None:
    code = (
        "from readout_browser.model import Source\n"
        "from readout_browser.parse import datafiles\n"
        "from readout_browser.parse.pipeline import parse_text\n"
        "parse_text('Prime Minister of Canada Mark Carney spoke with President Jane Roe.\\n',"
        " Source(publisher='Prime Minister of Canada', date='2025-06-01'))\n"
        "print('roster.toml' in datafiles._loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
