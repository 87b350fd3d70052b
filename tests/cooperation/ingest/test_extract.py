"""Extraction rules, each on the passage that made us write it (the tuning set:
corpus/evaluation/tuning/) or, for the gazetteer, on sentences of its own."""

import pytest
from django.conf import settings

from cooperation.ingest.extract import extract
from cooperation.ingest.known import KnownRecords
from cooperation.ingest.places import country_of
from cooperation.partial_dates import PartialDate
from tests.factories import make_organization

TUNING = settings.BASE_DIR / "corpus" / "evaluation" / "tuning"


def tuning_text(stem):
    return (TUNING / f"{stem}.txt").read_text(encoding="utf-8")


def found(text, kind):
    return [f for f in extract(text, published=PartialDate(2024, 3, 14)) if f.kind == kind]


def by_name(findings):
    return {f.name: f for f in findings}


def test_a_directorate_general_is_named_whole_and_answers_to_its_short_name():
    text = (
        "A delegation paid a working visit to Ankara at the invitation of the Directorate "
        "General of Customs of the Ministry of Trade of the Republic of Türkiye."
    )
    organizations = by_name(found(text, "organization"))
    directorate = organizations[
        "Directorate General of Customs of the Ministry of Trade of the Republic of Türkiye"
    ]
    assert "Directorate General of Customs" in directorate.aliases
    assert directorate.details["parent"] == "Ministry of Trade of the Republic of Türkiye"
    assert "Ministry of Trade of the Republic of Türkiye" in organizations


def test_a_unit_is_named_apart_from_the_body_it_belongs_to():
    organizations = by_name(found(tuning_text("01_georgia_turkey"), "organization"))
    unit = organizations["Risk Management Department"]
    assert unit.details["parent"] == "Revenue Service of Georgia"
    assert "Customs Department" in organizations
    organizations = by_name(found(tuning_text("04_oman_korea_training"), "organization"))
    assert "International Training Division" in organizations


def test_and_the_ends_a_name():
    organizations = by_name(found(tuning_text("01_georgia_turkey"), "organization"))
    assert not [name for name in organizations if "Turkish" in name]
    text = "Officers of the Federal Customs Service and the Federal Tax Service of Russia met."
    assert set(by_name(found(text, "organization"))) == {
        "Federal Customs Service",
        "Federal Tax Service of Russia",
    }


def test_customs_of_a_body_is_not_a_country_s_customs_service():
    organizations = by_name(found(tuning_text("04_oman_korea_training"), "organization"))
    assert "Customs service of Oman" not in organizations
    assert "Directorate General of Customs of the Royal Oman Police" in organizations


def test_a_body_named_under_its_parent_and_then_alone_is_one_body():
    organizations = found(tuning_text("05_kyrgyz_uzbek_protocol"), "organization")
    names = [f.name for f in organizations]
    assert "State Customs Service" not in names
    service = by_name(organizations)[
        "State Customs Service under the Ministry of Finance of the Kyrgyz Republic"
    ]
    assert "State Customs Service" in service.aliases


def test_a_name_before_its_title_is_read_back_from_the_comma():
    people = found(tuning_text("05_kyrgyz_uzbek_protocol"), "person")
    assert sorted(p.name for p in people) == ["Akmal Yuldashev", "Almaz Sadyrbaev"]


def test_the_dateline_does_not_date_the_event_the_sentence_reports():
    events = found(tuning_text("04_oman_korea_training"), "event")
    periods = [(str(e.start), str(e.end)) for e in events]
    assert periods[0] == ("2024-09-09", "2024-09-20")
    assert "2024-10-02" not in [start for start, _ in periods]  # "Muscat, October 2, 2024 —"


def test_an_agreement_for_a_period_is_dated_by_its_signing():
    agreements = found(tuning_text("01_georgia_turkey"), "agreement")
    plan = next(a for a in agreements if a.details["kind"] == "action-plan")
    assert str(plan.start) == "2024-03-13"


def test_a_headline_does_not_add_an_undated_copy_of_a_dated_agreement():
    agreements = found(tuning_text("03_moldova_ukraine_mou"), "agreement")
    assert [str(a.start) for a in agreements if a.details["kind"] == "mou"] == ["2024-02-16"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The United Nations Development Programme (UNDP) supports the reform.", None),
        ("Officers from Europol joined the operation in Riga.", "Europol"),
        ("The OSCE supported the training of border officers.", "OSCE"),
    ],
)
def test_international_bodies_are_organizations_by_name_or_acronym(text, name):
    organizations = by_name(found(text, "organization"))
    assert not found(text, "programme")
    if name is None:
        assert organizations["United Nations Development Programme"].aliases == ["UNDP"]
    else:
        assert name in organizations


@pytest.mark.parametrize(("demonym", "code"), [("Chinese", "CN"), ("Norwegian", "NO")])
def test_a_demonym_several_territories_share_names_the_most_populous(demonym, code):
    assert country_of(f"{demonym} customs officers") == code


def found_in(stem, kind, published):
    findings = extract(tuning_text(stem), published=PartialDate.parse(published))
    return [f for f in findings if f.kind == kind]


def test_a_title_then_a_name_without_honorific_is_a_person_not_part_of_the_body():
    people = by_name(found_in("07_armenia_iran_agarak", "person", "2024-09-12"))
    assert people["Armen Petrosyan"].details["title"] == (
        "Deputy Chairman of the State Revenue Committee of the Republic of Armenia"
    )
    organizations = by_name(found_in("07_armenia_iran_agarak", "organization", "2024-09-12"))
    assert "State Revenue Committee of the Republic of Armenia" in organizations
    assert not [name for name in organizations if "Petrosyan" in name]


def test_a_name_then_a_title_in_lower_case_is_a_person():
    people = found_in("11_newswire_uzbek_turkmen", "person", "2024-11-18")
    assert sorted(p.name for p in people) == ["Bakhtiyor Rakhimov", "Maksat Orazov"]
    rakhimov = by_name(people)["Bakhtiyor Rakhimov"]
    assert rakhimov.details["title"] == "chairman of the Uzbek customs committee"


def test_a_rank_word_after_a_title_is_not_a_person():
    people = found_in("09_rocb_ap_pca_workshop", "person", "2024-12-10")
    assert "General" not in [p.name for p in people]
    assert "Ganzorig Batsukh" in [p.name for p in people]


def test_receiving_a_delegation_on_a_day_without_a_year_is_a_dated_meeting():
    events = found_in("07_armenia_iran_agarak", "event", "2024-09-12")
    assert ("meeting", "2024-09-10") in [(e.details["kind"], str(e.start)) for e in events]


def test_talks_on_a_weekday_are_dated_from_the_publication_day():
    events = found_in("11_newswire_uzbek_turkmen", "event", "2024-11-18")
    assert ("meeting", "2024-11-15") in [(e.details["kind"], str(e.start)) for e in events]


def test_the_project_a_sentence_says_will_run_gets_that_period():
    programmes = by_name(found_in("08_eu_undp_laboratories", "programme", "2025-01-27"))
    project = programmes["Customs Laboratories for Safe Trade in Central Asia"]
    assert (str(project.start), str(project.end)) == ("2025-02", "2029-01")


def dates_of(findings):
    return sorted({str(d) for f in findings for d in (f.start, f.end) if d})


def test_an_operation_or_a_launch_with_a_date_is_a_dated_event():
    events = found_in("15_adriatic_shield_operation", "event", "2024-10-04")
    assert "2024-09-30" in [str(e.start) for e in events]  # "carried out from 30 September"
    assert "2024-10-01" in [str(e.start) for e in events]  # "The largest seizure ... on 1 October"


def test_every_date_of_an_event_sentence_is_kept():
    # "Park Min-jun visited Baku from 14 to 16 October ..., and the first group of
    # our lecturers will travel to Cheonan in April 2025."
    events = found_in("17_customs_academy_interview", "event", "2024-11-27")
    assert {"2024-10-14", "2025-04"} <= {str(e.start) for e in events}


def test_a_year_is_kept_where_the_sentence_says_something_was_carried_out_then():
    events = found_in("14_jica_audit_project", "event", "2024-08-23")
    assert "2022" in [str(e.start) for e in events]  # "that the WCO carried out in 2022"


def test_a_record_of_discussions_signed_on_a_day_is_a_dated_agreement():
    agreements = found_in("14_jica_audit_project", "agreement", "2024-08-23")
    assert ("other", "2024-08-21") in [(a.details["kind"], str(a.start)) for a in agreements]


def test_the_one_programme_of_a_sentence_with_one_period_gets_it_and_no_event_does():
    published = "2024-08-23"
    programmes = by_name(found_in("14_jica_audit_project", "programme", published))
    project = programmes["Project for Capacity Development of Post-Clearance Audit"]
    assert (str(project.start), str(project.end)) == ("2024-10", "2027-09")
    events = found_in("14_jica_audit_project", "event", published)
    assert "2024-10" not in [str(e.start) for e in events]


def test_the_weekday_a_statement_was_made_dates_nothing():
    findings = found_in("11_newswire_uzbek_turkmen", "event", "2024-11-18")
    assert "2024-11-18" not in dates_of(findings)
    assert "2025-01-01" in dates_of(findings)  # "will introduce ... from January 1, 2025"


def test_a_lower_case_title_before_a_name_makes_a_person():
    people = by_name(found_in("13_rilo_rail_operation", "person", "2024-11-27"))
    assert people["Jakub Nowicki"].details["title"] == "RILO ECE analyst"


def test_a_name_then_the_body_one_works_for_is_a_person():
    people = by_name(found_in("12_customs_institute_course", "person", "2025-03-14"))
    assert {"Kerstin Lindqvist", "Murat Demirtaş"} <= set(people)
    organizations = by_name(found_in("12_customs_institute_course", "organization", "2025-03-14"))
    assert not [name for name in organizations if "Lindqvist" in name]


@pytest.mark.parametrize(
    ("stem", "published", "name", "title"),
    [
        # A title without "of", then the name.
        ("16_rocb_europe_autumn_calendar", "2024-09-02", "Giorgi Kapanadze", "Programme Officer"),
        # The body ends in a word that is no head word ("Europe", "Institute").
        ("16_rocb_europe_autumn_calendar", "2024-09-02", "Leyla Mammadova", "Head of ROCB Europe"),
        ("17_customs_academy_interview", "2024-11-27", "Park Min-jun", "Director of the Institute"),
        # A hyphenated title.
        (
            "17_customs_academy_interview",
            "2024-11-27",
            "Sevinj Huseynova",
            "Vice-Rector for Research",
        ),
        # "Republic" ends a country's name, not a person's.
        (
            "14_jica_audit_project",
            "2024-08-23",
            "Kenji Morita",
            "Ambassador of Japan to the Kyrgyz Republic",
        ),
    ],
)
def test_a_capitalized_title_before_a_name_leaves_the_name_whole(stem, published, name, title):
    people = by_name(found_in(stem, "person", published))
    assert people[name].details["title"] == title


def test_a_rank_and_an_honorific_after_a_title_are_not_a_name():
    people = found_in("10_kra_tra_mou", "person", "2025-03-14")
    assert "General Mr" not in [p.name for p in people]


@pytest.mark.parametrize(
    ("stem", "published", "names"),
    [
        # Head words of bodies: a customs house, a delegation, an embassy, a post.
        ("09_rocb_ap_pca_workshop", "2024-12-10", ["Ulaanbaatar Customs House"]),
        ("12_customs_institute_course", "2025-03-14", ["Keles Customs Post"]),
        # A city's or a country's customs.
        ("14_jica_audit_project", "2024-08-23", ["Tokyo Customs", "Osaka Customs"]),
        ("12_customs_institute_course", "2025-03-14", ["Swedish Customs"]),
        # "in" inside a name its acronym spells, or after an embassy.
        (
            "17_customs_academy_interview",
            "2024-11-27",
            ["Organization for Security and Co-operation in Europe"],
        ),
        ("07_armenia_iran_agarak", "2024-09-12", ["Armenian Embassy in Tehran"]),
        # "the Customs Administration of Montenegro and the General Directorate ...".
        ("15_adriatic_shield_operation", "2024-10-04", ["Customs Administration of Montenegro"]),
    ],
)
def test_bodies_with_head_words_and_connectors_are_named_whole(stem, published, names):
    organizations = by_name(found_in(stem, "organization", published))
    for name in names:
        assert name in organizations


def test_in_is_not_taken_into_a_name_its_acronym_does_not_spell():
    organizations = by_name(found_in("08_eu_undp_laboratories", "organization", "2025-01-27"))
    assert "Organization for Security and Co-operation" not in organizations
    assert "Organization for Security and Co-operation in Europe" in organizations
    assert not [name for name in organizations if name.endswith("in Central Asia")]


def test_a_delegation_to_a_country_belongs_to_the_body_before_to():
    organizations = by_name(found_in("08_eu_undp_laboratories", "organization", "2025-01-27"))
    delegation = organizations["Delegation of the European Union to Tajikistan"]
    assert delegation.details["parent"] == "European Union"
    assert "European Union to Tajikistan" not in organizations


def test_customs_of_a_country_inside_a_longer_name_is_not_another_body():
    organizations = by_name(found_in("15_adriatic_shield_operation", "organization", "2024-10-04"))
    assert "General Directorate of Customs of Albania" in organizations
    assert "Customs service of Albania" not in organizations


def test_a_phase_planned_for_a_month_is_a_dated_event():
    events = found_in("15_adriatic_shield_operation", "event", "2024-10-04")
    starts = [str(e.start) for e in events]
    assert "2025-03" in starts  # "A second phase is planned for March 2025"
    assert "2024-10" in starts  # "at a meeting in Shkodër later this month"


def test_two_organizations_working_together_since_a_year_are_a_dated_partnership():
    text = (
        "To mark five years of partnership between the Academy of the State Customs "
        "Committee (ASCCA) and the Korea Customs Human Resources Development Institute "
        "(CHRDI), the two sides reviewed their cooperation from 2020 to 2024. The Lithuanian "
        "Customs has worked closely with the Polish National Revenue Administration since 2009."
    )
    partnerships = found(text, "partnership")
    assert [
        (p.details["organizations"], str(p.start), p.end and str(p.end)) for p in partnerships
    ] == [
        (
            [
                "Academy of the State Customs Committee",
                "Korea Customs Human Resources Development Institute",
            ],
            "2020",
            "2024",
        ),
        (["Lithuanian Customs", "Polish National Revenue Administration"], "2009", None),
    ]
    assert partnerships[0].details["kind"] == "training"
    assert partnerships[1].passage.startswith("The Lithuanian Customs has worked closely")


def test_since_said_of_a_programme_starts_the_programme_not_a_partnership():
    text = (
        "The minister thanked the Korea International Cooperation Agency (KOICA), which has "
        "financed the Project for the Modernization of Customs Laboratories since 2022."
    )
    findings = extract(text, published=PartialDate(2025, 3, 14))
    assert not [f for f in findings if f.kind == "partnership"]
    project = by_name(f for f in findings if f.kind == "programme")[
        "Project for the Modernization of Customs Laboratories"
    ]
    assert project.start == PartialDate(2022)


def test_a_body_and_the_body_it_is_part_of_are_not_partners():
    text = (
        "Since 2016 the Academy has been a Regional Training Centre of the World Customs "
        "Organization."
    )
    assert found(text, "partnership") == []


def test_a_two_word_acronym_defines_the_name_it_spells_and_its_parts_are_not_bodies():
    text = (
        "The WCO Regional Office for Capacity Building for East and Southern Africa "
        "(ROCB ESA) and the Zambia Revenue Authority (ZRA) co-hosted a workshop. "
        "ROCB ESA Director Ms. Grace Kamau opened it."
    )
    organizations = by_name(found(text, "organization"))
    office = organizations["WCO Regional Office for Capacity Building for East and Southern Africa"]
    assert "ROCB ESA" in office.aliases
    assert "ESA" not in organizations


def test_an_acronym_after_two_bodies_names_the_second_and_the_first_is_kept():
    text = (
        "The Joint Committee met between the General Department of Vietnam Customs and the "
        "General Department of Customs and Excise of Cambodia (GDCE) in Siem Reap."
    )
    organizations = by_name(found(text, "organization"))
    assert organizations["General Department of Customs and Excise of Cambodia"].aliases == [
        "GDCE",
        "General Department of Customs and Excise",
    ]
    vietnam = organizations["General Department of Vietnam Customs"]
    assert vietnam.details.get("parent") is None


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Six officers were seconded, said a spokesman for the Podlaskie Customs and Tax "
            "Office in Bialystok.",
            "Podlaskie Customs and Tax Office",
        ),
        (
            "The Minister signed the Agreement between the Government of Mongolia and the "
            "Government of the Republic of Korea on Cooperation and Mutual Assistance in "
            "Customs Matters.",
            "Government of the Republic of Korea",
        ),
        (
            "The delegation included the Director of the Department of Fiscal Policy and "
            "Planning of the Ministry of Finance, Ms. Oyuntsetseg Dorj.",
            "Department of Fiscal Policy and Planning",
        ),
        (
            "The Agreement will be submitted to the State Great Khural of Mongolia for "
            "ratification.",
            "State Great Khural of Mongolia",
        ),
        (
            "A second prize went to Tserenpuntsag Altan of the Customs General Administration "
            "of Mongolia.",
            "Customs General Administration of Mongolia",
        ),
    ],
)
def test_bodies_are_named_whole_where_and_on_and_of_run_on(text, name):
    assert name in by_name(found(text, "organization"))


def test_a_rank_word_opening_a_body_name_is_not_a_person():
    text = (
        "The delegation included the Head of the General Customs Administration of Mongolia, "
        "Brigadier General of Customs Service Mr. Ganbaatar Tsogt."
    )
    assert [p.name for p in found(text, "person")] == ["Ganbaatar Tsogt"]


SECRETARIAT = (
    "The World Customs Organization (WCO) and the East African Community (EAC) met. "
    "Experts of the WCO Secretariat and the EAC Secretariat presented the guide."
)


def test_a_secretariat_is_its_organization_at_work():
    organizations = by_name(found(SECRETARIAT, "organization"))
    assert set(organizations) == {"World Customs Organization", "East African Community"}
    assert "WCO Secretariat" in organizations["World Customs Organization"].aliases


@pytest.mark.django_db
def test_a_secretariat_the_knowledge_base_keeps_as_a_record_is_matched_to_it():
    secretariat = make_organization(name="WCO Secretariat", acronym="", country="")
    findings = extract(
        SECRETARIAT, published=PartialDate(2024, 3, 14), known=KnownRecords.from_database()
    )
    organizations = by_name(f for f in findings if f.kind == "organization")
    assert organizations["WCO Secretariat"].match == secretariat.slug


def test_a_project_starts_when_it_becomes_effective_and_ends_on_its_closing_date():
    text = (
        "Nepal Trade Facilitation and Border Modernization Project\n\n"
        "The project was approved by the World Bank on 18 May 2023 and became effective on "
        "2 October 2023. The closing date is 31 December 2028."
    )
    project = by_name(found(text, "programme"))[
        "Nepal Trade Facilitation and Border Modernization Project"
    ]
    assert (str(project.start), str(project.end)) == ("2023-10-02", "2028-12-31")


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "The protocol was signed by ITA Director Zoran MARKOVIĆ and Director of the Customs "
            "Administration of Serbia Dragana PETKOVIĆ.",
            {"Zoran Marković", "Dragana Petković"},
        ),
        (
            "The Conference was opened by the Minister for Customs and Revenue, Hon. Afamasaga "
            "Peni Leota, and chaired by Ms. Losa Tanielu-Peni.",
            {"Afamasaga Peni Leota", "Losa Tanielu-Peni"},
        ),
        (
            "Members thanked the OCO Secretariat, led by its Head, Ratu Inoke Vakaloloma.",
            {"Inoke Vakaloloma"},
        ),
        (
            "The delegation was received by the Ambassador Extraordinary and Plenipotentiary of "
            "the Republic of Uzbekistan to the Republic of Belarus Shavkat Ergashevich YULDASHEV.",
            {"Shavkat Ergashevich Yuldashev"},
        ),
        (
            "On 1 December I hand over my post to my successor, Joost Hendriks, and look back.",
            {"Joost Hendriks"},
        ),
        (
            "Kees Brouwer, my first team leader at HARC, used to say that a scanner shows little.",
            {"Kees Brouwer"},
        ),
        (
            "On 21 June 2022 the Director General of the ANA, Eduardo Quintero, and our Director "
            "signed a memorandum.",
            {"Eduardo Quintero"},
        ),
        (
            "RMCD Director-General Datuk Seri Ahmad Faizal Ramli told reporters in Putrajaya.",
            {"Ahmad Faizal Ramli"},
        ),
        (
            "Comptroller Babatunde Olaniyan, the Customs Area Controller, said his officers acted.",
            {"Babatunde Olaniyan"},
        ),
        (
            "The delegation included the Director of the Department of Fiscal Policy and "
            "Planning of the Ministry of Finance, Ms. Oyuntsetseg Dorj.",
            {"Oyuntsetseg Dorj"},
        ),
    ],
)
def test_people_are_named_after_the_titles_and_honorifics_of_many_administrations(text, names):
    assert {p.name for p in found(text, "person")} == names


def test_a_byline_names_the_author_but_not_the_publication():
    text = (
        "Looking back on sixteen years\n\n"
        "Customs Beyond Borders (blog) | Marieke de Vries | posted 12 November 2025\n\n"
        "Straits Business Daily | Kuala Lumpur | Wednesday\n\n"
        "Since 2009 I have worked on container control."
    )
    assert [p.name for p in found(text, "person")] == ["Marieke de Vries"]


def test_an_annual_reports_list_of_signings_gives_dated_agreements():
    text = (
        "6.2 Agreements signed\n\n"
        "• 22.02.2024, Belgrade – Protocol between the ITA and the Customs Administration of "
        "Serbia on the exchange of advance data.\n"
        "• 18 December 2024, Ankara – Joint Statement with the Directorate General of Customs "
        "on the launch of negotiations."
    )
    agreements = found(text, "agreement")
    assert [(a.details["kind"], str(a.start)) for a in agreements] == [
        ("protocol", "2024-02-22"),
        ("other", "2024-12-18"),
    ]


def test_a_project_fact_box_names_the_project_and_its_period():
    text = (
        "EU Twinning project comes to a close\n\n"
        "Project at a glance\n"
        "Twinning project: AM 21 NDICI FI 02 23\n"
        "Title: Strengthening Risk Management in the State Revenue Committee\n"
        "Duration: 24 months, November 2023 – October 2025\n\n"
        "The closing ceremony took place on 23 October 2025."
    )
    project = by_name(found(text, "programme"))[
        "Strengthening Risk Management in the State Revenue Committee"
    ]
    assert (str(project.start), str(project.end)) == ("2023-11", "2025-10")


def test_a_framework_is_a_programme_with_its_period():
    text = (
        "The heads of customs endorsed the OCO Regional Customs Modernisation Framework, "
        "which will "
        "guide the work of Members from 1 January 2026 to 31 December 2030."
    )
    framework = by_name(found(text, "programme"))["OCO Regional Customs Modernisation Framework"]
    assert (str(framework.start), str(framework.end)) == ("2026-01-01", "2030-12-31")


@pytest.mark.parametrize(
    "text, expected, not_expected",
    [
        (
            "Officers have been trained under the Global Programme for Combating Wildlife and "
            "Forest Crime of the United Nations Office on Drugs and Crime (UNODC).",
            {"United Nations Office on Drugs and Crime"},
            {"United Nations Office on Drugs"},
        ),
        (
            "Customs officers work side by side with the Seaport Police and the Fiscal "
            "Information and Investigation Service (FIOD).",
            {"Seaport Police", "Fiscal Information and Investigation Service"},
            set(),
        ),
        (
            "Officials of the Zambia Revenue Authority (ZRA) and the Zimbabwe Revenue Authority "
            "(ZIMRA) presented their procedures.",
            {"Zambia Revenue Authority", "Zimbabwe Revenue Authority"},
            set(),
        ),
        (
            "The Customs Area Controller of the NCS Tin Can Island Port Command said so.",
            {"NCS Tin Can Island Port Command"},
            {"NCS Tin Can Island Port"},
        ),
    ],
)
def test_bodies_next_to_each_other_keep_their_own_names(text, expected, not_expected):
    names = set(by_name(found(text, "organization")))
    assert expected <= names
    assert not names & not_expected
    assert not found(text, "person")


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "His Excellency the Governor of the Zakat, Tax and Customs Authority (ZATCA), Eng. "
            "Khalid bin Abdulrahman Al-Dosari, received the delegation.",
            {"Khalid bin Abdulrahman Al-Dosari"},
        ),
        ("Declan O'Rourke, Chief Executive Officer of the company, said so.", {"Declan O'Rourke"}),
        (
            "The audit team was led by Marie-Ève Lachance-Tremblay, Principal. Rajinder Singh "
            "Bains was the Director.",
            {"Marie-Ève Lachance-Tremblay", "Rajinder Singh Bains"},
        ),
        (
            "Li Jiancheng, Vice Governor of the People's Government of Yunnan Province, attended.",
            {"Li Jiancheng"},
        ),
        ("Hon. Municipal Chief Executive of Ketu South, distinguished guests.", set()),
        ("Hon. Dr. Kwame Mensah, Minister of Trade, opened the post.", {"Kwame Mensah"}),
    ],
)
def test_names_with_particles_apostrophes_and_stacked_honorifics(text, names):
    assert {p.name for p in found(text, "person")} == names


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Officers of the National Targeting Centre of the Intelligence and Enforcement "
            "Branch reviewed the data.",
            "Intelligence and Enforcement Branch",
        ),
        (
            "The platform was built by Kestrel Trade Systems Ltd. in Dublin.",
            "Kestrel Trade Systems Ltd",
        ),
        ("The Borderless Alliance welcomed the opening.", "Borderless Alliance"),
    ],
)
def test_branches_companies_and_alliances_are_bodies(text, name):
    assert name in by_name(found(text, "organization"))


def test_a_post_and_its_period_go_with_the_person_who_held_it():
    text = (
        "Looking back\n\n"
        "Customs Beyond Borders (blog) | Marieke de Vries | posted 12 November 2025\n\n"
        "The Embassy of the Kingdom of the Netherlands in Bogotá hosts a liaison office. "
        "Between 2015 and 2018 I was posted as customs liaison officer at the Embassy of the "
        "Kingdom of the Netherlands in Bogotá."
    )
    author = by_name(found(text, "person"))["Marieke de Vries"]
    assert (str(author.start), str(author.end)) == ("2015", "2018")
    assert author.details["title"] == "customs liaison officer"
    assert author.details["period_passage"].startswith("Between 2015 and 2018 I was posted")


def test_leading_a_delegation_is_not_holding_a_post():
    text = (
        "The Uzbek delegation was headed by the First Deputy Chairman of the Customs Committee, "
        "Mr. Dilmurod Saidkarimov, who visited Minsk on 13 March 2025."
    )
    assert [p.start for p in found(text, "person")] == [None]


def test_extraction_never_fails_on_fragments_of_articles():
    # Every line of every labelled article, alone, and a few odd shapes: extraction
    # proposes what it can and never raises (an upload must not fail on a quirk).
    lines = [") Program of the", "(EXBS) Program", "•", "Since", "| |", "Hon.", "06.02.", "2023/"]
    for path in sorted((settings.BASE_DIR / "corpus").rglob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        extract(line, published=PartialDate(2024, 3, 14))


def test_titles_bodies_acronyms_and_names_as_official_news_runs_them_together():
    text = (
        "On June 11, Vice Minister of the General Administration of Customs (GACC) Lü Wenbo "
        "held talks in Kunming. According to the head of the Undersecretariat of Customs "
        "Administration (Suana) of the RFB, Auditor-Fiscal Luciana Prado Figueiredo, this is "
        "the eighth arrangement. Between 2015 and 2018 I was posted at the Embassy of the "
        "Kingdom of the Netherlands in Bogotá. Under the Export Control and Related Border "
        "Security (EXBS) Program of the U.S. Department of State, officers were trained."
    )
    findings = extract(text, published=PartialDate(2025, 7, 1))
    people = {f.name for f in findings if f.kind == "person"}
    organizations = {f.name for f in findings if f.kind == "organization"}
    programmes = {f.name for f in findings if f.kind == "programme"}
    assert people == {"Lü Wenbo", "Luciana Prado Figueiredo"}
    assert {
        "Embassy of the Kingdom of the Netherlands in Bogotá",
        "U.S. Department of State",
        "Undersecretariat of Customs Administration",
    } <= organizations
    assert programmes == {"Export Control and Related Border Security Program"}


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "The Servicio Nacional de Aduanas of Costa Rica and the Dirección General de Aduanas "
            "of El Salvador attended.",
            {"Servicio Nacional de Aduanas", "Dirección General de Aduanas"},
        ),
        (
            "The Agencia de Recaudación y Control Aduanero (ARCA) replaced the former agency.",
            {"Agencia de Recaudación y Control Aduanero"},
        ),
        (
            "A delegation of Sri Lanka Customs met officers of its Risk Management Section.",
            {"Sri Lanka Customs", "Risk Management Section"},
        ),
        ("Officers of the Guardia Civil joined the checks.", {"Guardia Civil"}),
        (
            "TradeMark Africa and Irish Aid fund the corridor programme.",
            {"TradeMark Africa", "Irish Aid"},
        ),
    ],
)
def test_bodies_named_in_other_languages_and_by_the_gazetteer(text, names):
    assert names <= set(by_name(found(text, "organization")))


def test_what_a_unit_is_named_after_is_not_a_person():
    text = "The head of the Division of International Cooperation, Ms. Samira Alaoui, opened it."
    assert {p.name for p in found(text, "person")} == {"Samira Alaoui"}
    assert "Division of International Cooperation" in by_name(found(text, "organization"))


def test_an_acronym_from_the_gazetteer_before_a_head_word_names_a_body_of_its_own():
    text = "Six officers studied at the OSCE Academy in Bishkek."
    assert set(by_name(found(text, "organization"))) == {"OSCE Academy"}


def test_a_name_may_open_with_initials():
    text = (
        "The delegation came at the invitation of the Director General of Customs, "
        "Mr. H.M.P. Kumarasinghe."
    )
    assert [p.name for p in found(text, "person")] == ["H.M.P. Kumarasinghe"]


def test_a_letter_of_intent_is_an_agreement_and_a_planned_workshop_an_event():
    text = (
        "It replaces the Letter of Intent signed by the two administrations in "
        "Malé on 14th November 2019. They also plan a joint workshop on risk analysis in "
        "Casablanca in the first quarter of 2026."
    )
    findings = extract(text, published=PartialDate(2025, 6, 5))
    assert [(f.details["kind"], str(f.start)) for f in findings if f.kind == "agreement"] == [
        ("other", "2019-11-14")
    ]
    assert [(f.details["kind"], str(f.start)) for f in findings if f.kind == "event"] == [
        ("workshop", "2026")
    ]


def test_dashed_names_embassies_in_cities_and_gazetteer_acronyms():
    text = (
        "The Ethiopia–Djibouti Joint Ministerial Commission met. Ms. Marieke Vos, the Head of "
        "Development of the Embassy of Ireland in Addis Ababa, and the African Development "
        "Bank (AfDB) attended; the AfDB funds the Customs Laboratory."
    )
    organizations = by_name(found(text, "organization"))
    assert {
        "Ethiopia–Djibouti Joint Ministerial Commission",
        "Embassy of Ireland in Addis Ababa",
        "African Development Bank",
        "Customs Laboratory",
    } <= set(organizations)
    assert "AfDB" not in organizations
    assert organizations["African Development Bank"].details["acronym"] == "AfDB"


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "The ceremony was led by Director General of Customs and Excise Bambang Setyo "
            "Nugroho and Director General of Customs Malaysia Datuk Mohd Faizal.",
            {"Bambang Setyo Nugroho", "Mohd Faizal"},
        ),
        (
            "Also present were Head of the Riau Islands Special Regional Office of DJBC Rizal "
            "Fahmi Siregar, Director of Enforcement and Investigation Hendra Gunawan, and others.",
            {"Rizal Fahmi Siregar", "Hendra Gunawan"},
        ),
        (
            "He was accompanied by the Regional Director of Customs of Arica, Claudia Muñoz "
            "Riquelme. The Consul General of Peru in Arica, Víctor Hugo Salas Paredes, took part.",
            {"Claudia Muñoz Riquelme", "Víctor Hugo Salas Paredes"},
        ),
        (
            "They met the head of the Tacna Customs Intendancy, Jorge Luis Mamani Choque.",
            {"Jorge Luis Mamani Choque"},
        ),
        (
            "The Director of the Agenzia delle Dogane e dei Monopoli (ADM), Stefano Maria "
            "Lombardi, and the Ambassador of the Republic of Albania to Italy, Dritan Marku, "
            "signed.",
            {"Stefano Maria Lombardi", "Dritan Marku"},
        ),
        (
            "The Director of Intelligence and Customs Investigations of Benin Customs, Colonel "
            "Mathieu Dossou Agossa, and the Director of Trade Facilitation and Capacity Building "
            "at the SACU Secretariat, Mr. Tshepo Mothibi, spoke.",
            {"Mathieu Dossou Agossa", "Tshepo Mothibi"},
        ),
    ],
)
def test_long_titles_bodies_and_names_of_many_languages(text, names):
    assert {p.name for p in found(text, "person")} == names


def test_italian_names_of_bodies_join_their_words():
    text = "Officers of the Guardia di Finanza and the Agenzia delle Dogane e dei Monopoli met."
    assert {"Guardia di Finanza", "Agenzia delle Dogane e dei Monopoli"} <= set(
        by_name(found(text, "organization"))
    )


def test_a_quoted_project_after_the_word_project_gets_its_period():
    text = (
        "The training was organised by the GIZ project “Trade Facilitation in the Southern "
        "African Customs Union”. The project runs from January 2024 to December 2027."
    )
    project = by_name(found(text, "programme"))[
        "Trade Facilitation in the Southern African Customs Union"
    ]
    assert (str(project.start), str(project.end)) == ("2024-01", "2027-12")


def test_a_possessive_country_opens_a_second_body():
    text = (
        "The Servicio Nacional de Aduanas and Peru's Superintendencia Nacional de Aduanas y de "
        "Administración Tributaria met the Namibian Police Force."
    )
    assert {
        "Servicio Nacional de Aduanas",
        "Superintendencia Nacional de Aduanas y de Administración Tributaria",
        "Namibian Police Force",
    } <= set(by_name(found(text, "organization")))


def test_bodies_of_two_countries_are_not_merged_for_sharing_a_name():
    text = (
        "The Customs Department of the Lao PDR hosted the talks. The two sides will invite "
        "the Customs Department of Thailand to a trilateral meeting in Vientiane."
    )
    organizations = by_name(found(text, "organization"))
    assert "Customs Department of Thailand" in organizations
    assert "Customs Department of the Lao PDR" in organizations


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "Customs Commissioner Ramon D. Villareal and JICA Philippines Office Chief "
            "Representative Takeshi Yamaguchi signed the R/D, witnessed by Finance "
            "Undersecretary Eduardo G. Lacson.",
            {"Ramon D. Villareal", "Takeshi Yamaguchi", "Eduardo G. Lacson"},
        ),
        (
            "Also present were Deputy Commissioner for Assessment (AOCG) Atty. Cristina L. "
            "Manalo-Reyes and Deputy Commissioner for Post Clearance Audit Group (PCAG) Marivic "
            "T. Dizon, who spoke.",
            {"Cristina L. Manalo-Reyes", "Marivic T. Dizon"},
        ),
        (
            "The Bangladesh delegation was led by Mr. Md. Mahbubur Rahman Chowdhury, Member "
            "(Customs Policy and ICT), National Board of Revenue.",
            {"Md. Mahbubur Rahman Chowdhury"},
        ),
    ],
)
def test_middle_initials_and_name_prefixes(text, names):
    assert {p.name for p in found(text, "person")} == names


def test_a_press_contact_on_lines_of_its_own_is_a_person_with_the_title_below():
    text = (
        "Heads of customs meet in Kigali\n\nArusha, 3 June 2026\n\nThe meeting ended.\n\n"
        "For more information:\nFlorence Nyambura Mwangi\nSenior Public Relations Officer\n"
        "EAC Secretariat\n\nNext Steps\nThe Secretariat will report in June.\n"
    )
    (person,) = found(text, "person")
    assert person.name == "Florence Nyambura Mwangi"
    assert person.details["title"] == "Senior Public Relations Officer"


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "They met at the High Commission of India in Dhaka on Monday.",
            "High Commission of India in Dhaka",
        ),
        (
            "The Embassy of Japan in the Philippines hosted a reception.",
            "Embassy of Japan in the Philippines",
        ),
        ("Bolivia's Aduana Nacional sent six officers.", "Aduana Nacional"),
        (
            "Officers of the Comando Estratégico Operacional de Lucha Contra el Contrabando "
            "joined the operation.",
            "Comando Estratégico Operacional de Lucha Contra el Contrabando",
        ),
        (
            "A speaker from the European Commission's Directorate-General for Taxation and "
            "Customs Union presented the reform.",
            "Directorate-General for Taxation and Customs Union",
        ),
        (
            "The Head of the Anti-Fraud Directorate of the Romanian Customs Authority and Chair "
            "of the Anti-Smuggling Task Force opened the meeting.",
            "Anti-Fraud Directorate of the Romanian Customs Authority",
        ),
    ],
)
def test_missions_abroad_romance_names_and_units_named_after_their_owner(text, name):
    assert name in by_name(found(text, "organization"))


def test_a_titled_person_and_a_body_joined_by_and_are_kept_apart():
    text = (
        "Customs Commissioner Ramon D. Villareal and JICA Philippines Office Chief "
        "Representative Takeshi Yamaguchi signed the record."
    )
    assert set(by_name(found(text, "organization"))) == {"JICA Philippines Office"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Oman Post joined the exchange of postal data.", "Oman Post"),
        ("Officers of Seoul Main Customs trained the delegation.", "Seoul Main Customs"),
        ("Officers of Minsk Regional Customs met the delegation.", "Minsk Regional Customs"),
    ],
)
def test_a_citys_customs_and_a_countrys_post_are_bodies(text, name):
    assert name in by_name(found(text, "organization"))


def test_a_commission_in_a_city_is_the_commission_alone():
    text = "The General Commission of Customs of Iraq in Baghdad sent two officers."
    assert "General Commission of Customs of Iraq" in by_name(found(text, "organization"))


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "The Indian side was led by Shri Arvind Kumar Saxena, Member (Customs), and met "
            "the Additional Director General, NACIN, Smt. Kavita Menon.",
            {"Arvind Kumar Saxena", "Kavita Menon"},
        ),
        (
            "It was joined by the Deputy Chairman of the Customs Service under the Government "
            "of the Republic of Tajikistan, Sherali Nazarzoda, and others.",
            {"Sherali Nazarzoda"},
        ),
        (
            "The meeting was chaired by Commissioner of Customs Leonardo B. Castañeda.",
            {"Leonardo B. Castañeda"},
        ),
        (
            "Major Sonia Ben Salah, Head of the Rules of Origin Division, spoke.",
            {"Sonia Ben Salah"},
        ),
    ],
)
def test_indian_honorifics_bodies_under_a_government_initials_and_ranks(text, names):
    assert {p.name for p in found(text, "person")} == names


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "The Royal Customs and Excise Department of Brunei Darussalam hosted the meeting.",
            "Royal Customs and Excise Department of Brunei Darussalam",
        ),
        (
            "Officers of the Main Customs Office Regensburg joined.",
            "Main Customs Office Regensburg",
        ),
        (
            "The Csongrád-Csanád County Police Headquarters sent a patrol.",
            "Csongrád-Csanád County Police Headquarters",
        ),
    ],
)
def test_customs_and_excise_offices_with_their_town_and_headquarters(text, name):
    assert name in by_name(found(text, "organization"))


def test_an_operation_with_a_host_is_named_as_a_hosted_event():
    # An event of kind "other" with a host used to raise a KeyError, which an upload
    # would have shown as a server error.
    text = (
        "The Lithuanian Customs hosted the joint operation, which began on 10 February 2025 "
        "and was opened by the director."
    )
    (event,) = found(text, "event")
    assert event.details["kind"] == "other"
    assert event.name.startswith("Operation hosted by Lithuanian Customs")


@pytest.mark.parametrize(
    "text, label, start",
    [
        (
            "The two authorities agreed that commercial traffic will be processed 24 hours a day "
            "from 1st April 2026.",
            "Start",
            "2026-04-01",
        ),
        (
            "Joint verification of transit cargo will begin at Elegu, starting 1st July 2026.",
            "Start",
            "2026-07-01",
        ),
        (
            "The Preferential Trade Agreement, signed on 6 December 2020 and in force since "
            "1 July 2022, covers 100 products.",
            "Entry into force",
            "2022-07-01",
        ),
        (
            "The new cargo terminal, where works will be completed in December 2026, was toured.",
            "Completion",
            "2026-12",
        ),
    ],
)
def test_a_step_dated_by_when_it_starts_or_ends_is_an_event_named_for_the_step(text, label, start):
    events = found(text, "event")
    assert [(e.name.split(",")[0].split(" ")[0], e.start.isoformat()) for e in events] == [
        (label.split(" ")[0], start)
    ]
    assert events[0].details["kind"] == "other"


def test_the_signing_date_of_an_agreement_in_force_is_not_an_event_of_its_own():
    text = (
        "The Preferential Trade Agreement between Bhutan and Bangladesh, signed on "
        "6 December 2020 and in force since 1 July 2022, covers 100 products."
    )
    (agreement,) = found(text, "agreement")
    assert agreement.start.isoformat() == "2020-12-06"
    assert [e.start.isoformat() for e in found(text, "event")] == ["2022-07-01"]


def test_a_delegation_from_a_country_is_not_a_start():
    text = "A delegation from Kenya visited the Namanga post on 3 May 2024."
    (event,) = found(text, "event")
    assert event.name.startswith("Visit")


def test_the_period_an_action_plan_covers_ends_it_and_names_it():
    text = (
        "At the close of the meeting, the Botswana Unified Revenue Service (BURS) and the "
        "Zimbabwe Revenue Authority (ZIMRA) signed a Joint Action Plan for 2026–2027 on "
        "4 March 2026."
    )
    (agreement,) = found(text, "agreement")
    assert agreement.details["kind"] == "action-plan"
    assert (agreement.start.isoformat(), agreement.end.isoformat()) == ("2026-03-04", "2027")
    assert agreement.name.startswith("Action plan 2026–2027")


def test_the_two_administrations_working_together_since_a_year_are_the_articles_two_bodies():
    text = (
        "The Botswana Unified Revenue Service (BURS) and the Zimbabwe Revenue Authority "
        "(ZIMRA) met in Francistown on 3 March 2026. BURS thanked ZIMRA for its support. "
        "The two authorities have cooperated closely since 2014, the Commissioner said. "
        "The customs posts in the south have received equipment since 2018."
    )
    (partnership,) = found(text, "partnership")
    assert partnership.details["organizations"] == [
        "Botswana Unified Revenue Service",
        "Zimbabwe Revenue Authority",
    ]
    assert partnership.start.isoformat() == "2014"


@pytest.mark.parametrize(
    "text, kind, start",
    [
        ("The ROCB MENA, established in 2006, hosted the workshop in Muscat.", "other", "2006"),
        ("The CEBAF at Desaguadero has been operating since 2019.", "other", "2019"),
        ("Thai Customs has trained 45 Lao customs officers since 2022.", "other", "2022"),
        ("Seizures rose by 14 per cent since 2019.", None, None),
        (
            "Joint control has been applied at the Albița – Leușeni crossing since 1 March 2024.",
            "other",
            "2024-03-01",
        ),
        ("Two Swedish Customs experts will go to Kyiv in April 2026.", "visit", "2026-04"),
        (
            "The first round of the AEO negotiations with Türkiye is scheduled for February 2025 "
            "in Sarajevo.",
            "meeting",
            "2025-02",
        ),
    ],
)
def test_facts_dated_by_a_year_they_began_or_a_month_they_are_planned(text, kind, start):
    events = found(text, "event")
    if kind is None:
        # "rose since 2019" dates no step: nothing "has been" done since then.
        assert events == []
    else:
        assert [(e.details["kind"], e.start.isoformat()) for e in events] == [(kind, start)]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Officers of the Burimari Land Customs Station met on 3 May 2025.",
            "Burimari Land Customs Station",
        ),
        (
            "Officers of the Land Customs Station Jaigaon met on 3 May 2025.",
            "Land Customs Station Jaigaon",
        ),
        (
            "The Cabinet of Ministers of Ukraine approved the plan.",
            "Cabinet of Ministers of Ukraine",
        ),
        ("The SASEC Customs Subgroup met in Dhaka.", "SASEC Customs Subgroup"),
        ("The Gendarmería Nacional Argentina took part.", "Gendarmería Nacional Argentina"),
    ],
)
def test_stations_cabinets_subgroups_and_gendarmeries_are_bodies(text, name):
    assert name in by_name(found(text, "organization"))


def test_member_states_and_the_chair_of_a_body_name_the_body():
    text = "Cambodia joined the ASEAN Member States in connecting to the ASEAN Single Window."
    assert "ASEAN" in by_name(found(text, "organization"))
    text = "The European Union Border Assistance Mission opened an office in Odesa."
    assert "European Union" not in by_name(found(text, "organization"))


@pytest.mark.parametrize(
    "text, people",
    [
        (
            "It included the Head of Zakarpattia Customs Mykola Hrytsak and the Director of the "
            "Department for Organisation of Customs Control Olena Shevchuk.",
            {
                "Mykola Hrytsak": "Head of Zakarpattia Customs",
                "Olena Shevchuk": "Director of the Department for Organisation of Customs Control",
            },
        ),
        (
            "The delegation included Director General of Customs Enforcement Elif Karataş.",
            {"Elif Karataş": "Director General of Customs Enforcement"},
        ),
        (
            "It was joined by the Director of the Customs Office Michalovce Zuzana Baranová.",
            {"Zuzana Baranová": "Director of the Customs Office Michalovce"},
        ),
        (
            "He was accompanied by the Administrator of the Puerto Falcón Customs Office, "
            "Liz Carolina Giménez.",
            {"Liz Carolina Giménez": "Administrator of the Puerto Falcón Customs Office"},
        ),
        (
            "He met the Regional Director of the Regional Revenue and Customs Office (RRCO) "
            "Phuentsholing, Dechen Choden, on Monday.",
            {
                "Dechen Choden": "Regional Director of the Regional Revenue and Customs Office "
                "(RRCO) Phuentsholing"
            },
        ),
    ],
)
def test_titles_run_into_names_without_a_comma_and_each_title_keeps_its_own_name(text, people):
    found_people = {p.name: p.details["title"] for p in found(text, "person")}
    assert found_people == people


@pytest.mark.parametrize(
    "text, name, honorific",
    [
        (
            "The delegation was headed by Lic. Pablo Martín Giordano, and others came.",
            "Pablo Martín Giordano",
            "Lic.",
        ),
        (
            '"We are helping," said the Honourable Claire Desrosiers, Minister.',
            "Claire Desrosiers",
            "Honourable",
        ),
        ("It was opened by Dasho Leki Wangmo and Aum Deki Choden.", "Leki Wangmo", "Dasho"),
        ("The delegation was led by Colonel Major Sonia Ben Salah.", "Sonia Ben Salah", ""),
    ],
)
def test_honorifics_of_latin_america_bhutan_and_the_commonwealth_and_colonel_major(
    text, name, honorific
):
    person = by_name(found(text, "person"))[name]
    assert person.details["honorific"] == honorific
    assert " and " not in person.details["title"]


@pytest.mark.parametrize(
    "text, label, start",
    [
        (
            "The Department of Customs adopted a risk management policy in February 2025.",
            "Adoption",
            "2025-02",
        ),
        (
            "Cambodia connected its national single window to the ASEAN Single Window in "
            "January 2024.",
            "Accession",
            "2024-01",
        ),
        (
            "The two sides will negotiate an AEO arrangement, with a joint study to be finished "
            "by December 2026.",
            "Deadline",
            "2026-12",
        ),
    ],
)
def test_adoptions_accessions_and_deadlines_are_dated_steps(text, label, start):
    (event,) = found(text, "event")
    assert event.name.startswith(label)
    assert event.start.isoformat() == start


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "Officials of the Ministry of Industry, Commerce and Employment attended.",
            {"Ministry of Industry, Commerce and Employment"},
        ),
        (
            "The Administration for Food Safety, Veterinary and Phytosanitary Affairs joined.",
            {"Administration for Food Safety, Veterinary and Phytosanitary Affairs"},
        ),
        (
            "Officers of the Koper customs office and the Yerevan customs house met.",
            {"Koper customs office", "Yerevan customs house"},
        ),
        ("Officers of the Bulgarian customs office met.", set()),
        (
            "Gambian goods move under the ECOWAS Trade Liberalisation Scheme.",
            {"ECOWAS"},
        ),
        (
            "The Intendencia de Aduanas and the Customs Intendency met.",
            {"Intendencia de Aduanas", "Customs Intendency"},
        ),
        (
            "Border Troops of the State Committee for National Security attended.",
            {
                "Border Troops of the State Committee for National Security",
                "State Committee for National Security",
            },
        ),
    ],
)
def test_listed_ministries_local_customs_offices_and_owners_of_schemes(text, names):
    assert set(by_name(found(text, "organization"))) == names


@pytest.mark.parametrize(
    "text, period",
    [
        (
            "The workshop is financed by the Caribbean Development Bank (CDB) under its Regional "
            "Trade Facilitation Support Project, which runs from March 2024 to February 2027.",
            ("2024-03", "2027-02"),
        ),
        (
            "The works are financed under the Project for Strengthening Border Customs Controls "
            "in Petén, implemented from 2024 to 2027.",
            ("2024", "2027"),
        ),
    ],
)
def test_a_programme_that_runs_or_is_implemented_over_a_period_has_its_years(text, period):
    (programme,) = [p for p in found(text, "programme") if "Project" in p.name]
    assert (programme.start.isoformat(), programme.end.isoformat()) == period


@pytest.mark.parametrize(
    "text, kind, start, end",
    [
        (
            "Saidzoda and Toktogulov signed a protocol on the exchange of preliminary information "
            "and a plan of joint actions for 2026-2027 on 3 March 2026.",
            "protocol",
            "2026-03-03",
            None,
        ),
        (
            "The presidents signed the Treaty on the State Border in Bishkek on March 13, 2025.",
            "agreement",
            "2025-03-13",
            None,
        ),
    ],
)
def test_treaties_and_plans_of_joint_actions_are_agreements(text, kind, start, end):
    agreement = found(text, "agreement")[0]
    assert agreement.details["kind"] == kind
    assert agreement.start.isoformat() == start


def test_a_step_starting_on_a_weekday_and_a_committee_formed_in_a_year():
    text = (
        "Joint inspections will be held at the Wutung Border Post, starting on Monday "
        "12 October 2026."
    )
    assert [e.start.isoformat() for e in found(text, "event")] == ["2026-10-12"]
    text = "The committee, formed in 2021, follows up the memorandum."
    assert [(e.details["kind"], e.start.isoformat()) for e in found(text, "event")] == [
        ("other", "2021")
    ]


def test_one_name_in_several_countries_is_several_bodies():
    text = (
        "Officers came from the Direction Générale des Douanes of Burkina Faso, the Direction "
        "Générale des Douanes of Mali and the Direction Générale des Douanes of Niger."
    )
    bodies = [(o.name, o.country) for o in found(text, "organization")]
    assert bodies == [
        ("Direction Générale des Douanes", "BF"),
        ("Direction Générale des Douanes", "ML"),
        ("Direction Générale des Douanes", "NE"),
    ]


def test_the_african_continental_free_trade_area_is_a_body_by_name_or_acronym():
    text = "Both sides welcomed the African Continental Free Trade Area (AfCFTA)."
    assert "African Continental Free Trade Area" in by_name(found(text, "organization"))


@pytest.mark.parametrize(
    "text, name",
    [
        ("Staff from Incheon Main Customs attended.", "Incheon Main Customs"),
        ("The training was held at Sokhna Port Customs on 3 May.", "Sokhna Port Customs"),
        (
            "Officers of King Khalid International Airport Customs attended.",
            "King Khalid International Airport Customs",
        ),
    ],
)
def test_a_town_or_a_ports_customs_house_is_a_body(text, name):
    assert name in by_name(found(text, "organization"))


def test_a_body_named_with_its_country_answers_to_its_name_without_it():
    text = "Officers of the Immigration and Nationality Department of Belize attended."
    (body,) = found(text, "organization")
    assert body.name == "Immigration and Nationality Department of Belize"
    assert body.country == "BZ"
    assert "Immigration and Nationality Department" in body.aliases


@pytest.mark.django_db
def test_a_body_of_one_country_is_not_matched_to_the_same_name_in_another():
    azerbaijan = make_organization(name="Ministry of Finance", acronym="", country="AZ")
    known = KnownRecords.from_database()
    text = "Officials of the Ministry of Finance of Georgia attended."
    (georgian,) = [
        f
        for f in extract(text, published=PartialDate(2024, 3, 14), known=known)
        if f.kind == "organization"
    ]
    assert georgian.country == "GE" and georgian.match is None
    text = "Officials of the Ministry of Finance of Azerbaijan attended."
    (same,) = [
        f
        for f in extract(text, published=PartialDate(2024, 3, 14), known=known)
        if f.kind == "organization"
    ]
    assert same.match == azerbaijan.slug


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "The project is funded by the Delegation of the European Union to Montenegro under "
            "IPA III.",
            "Delegation of the European Union to Montenegro",
        ),
        (
            "The Enforcement Unit of the Customs and Excise Department took part.",
            "Enforcement Unit",
        ),
    ],
)
def test_what_funds_a_body_is_not_its_name_and_a_unit_of_a_customs_department_is_a_unit(text, name):
    assert name in by_name(found(text, "organization"))


@pytest.mark.parametrize(
    "text, name, title",
    [
        (
            "I thank State Secretary Ole Martin Sandvik of the Ministry of Finance for opening it.",
            "Ole Martin Sandvik",
            "State Secretary of the Ministry of Finance",
        ),
        (
            "We welcome Chief of Police Trine Haugen of the Østfold Police District.",
            "Trine Haugen",
            "Chief of Police of the Østfold Police District",
        ),
        (
            "Customs Board expert Līga Kalniņa has started a posting in Brussels.",
            "Līga Kalniņa",
            "Customs Board expert",
        ),
    ],
)
def test_a_title_then_the_name_then_the_body(text, name, title):
    assert by_name(found(text, "person"))[name].details["title"] == title


@pytest.mark.parametrize(
    "text, name, honorific",
    [
        (
            "The leader is the Head of the Sector, dr Nenad Pavlović, and others.",
            "Nenad Pavlović",
            "dr",
        ),
        (
            "It was attended by His Excellency Jean-Baptiste Lemaire-Coulon.",
            "Jean-Baptiste Lemaire-Coulon",
            "His Excellency",
        ),
        (
            "It was headed by the Commissioner General, Cllr. Marvin K. Dolo-Tarpeh, and others.",
            "Marvin K. Dolo-Tarpeh",
            "Cllr.",
        ),
    ],
)
def test_lowercase_dr_his_excellency_and_cllr_are_honorifics(text, name, honorific):
    assert by_name(found(text, "person"))[name].details["honorific"] == honorific


@pytest.mark.parametrize(
    "text, title, end",
    [
        (
            "The meeting adopted, on 29 May 2026, the Roadmap for the Free Circulation of Goods "
            "2026–2029.",
            "Action plan 2026–2029 on Free Circulation of Goods",
            "2029",
        ),
        (
            "- a Joint Action Plan for 2026–2028, which provides for joint risk profiles.",
            "Action plan 2026–2028",
            "2028",
        ),
        (
            "On 30 June 2026, the two heads also signed a Joint Action Plan for the period July "
            "2026 to December 2027.",
            "Action plan July 2026–December 2027",
            "2027-12",
        ),
    ],
)
def test_a_plan_is_an_agreement_named_and_ended_by_the_period_it_covers(text, title, end):
    (agreement,) = found(text, "agreement")
    assert agreement.name == title
    assert agreement.end.isoformat() == end


def test_an_arrangement_that_comes_into_effect_and_a_step_due_by_the_end_of_a_year():
    text = "The MRA will come into effect on May 1, 2026, after a transition period."
    (event,) = found(text, "event")
    assert (event.name.split(",")[0], event.start.isoformat()) == ("Entry into force", "2026-05-01")
    text = "- the introduction of a new laboratory system by the end of 2027."
    assert [e.start.isoformat() for e in found(text, "event")] == ["2027"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Representatives of Azerbaijan Railways CJSC attended.", "Azerbaijan Railways CJSC"),
        (
            "The ferry is run by Canawaima Ferry Services N.V. under a concession.",
            "Canawaima Ferry Services N.V.",
        ),
        (
            "He works at the Permanent Representation of the Republic of Latvia to the European "
            "Union.",
            "Permanent Representation of the Republic of Latvia to the European Union",
        ),
        ("The Vanuatu Police Maritime Wing joined the patrol.", "Vanuatu Police Maritime Wing"),
    ],
)
def test_companies_by_their_legal_form_representations_and_wings_are_bodies(text, name):
    assert name in by_name(found(text, "organization"))


def test_a_post_dated_for_a_person_named_by_surname_once_the_name_is_given():
    text = (
        "The arrangement was signed by the Director of Customs, Mr. Peter Kalsakau, on "
        "3 March 2026. Kalsakau, who was appointed Director in February 2023, said more would "
        "follow."
    )
    person = by_name(found(text, "person"))["Peter Kalsakau"]
    assert person.start.isoformat() == "2023-02"


@pytest.mark.parametrize(
    "text, label, start",
    [
        (
            "The first joint validation in Phnom Penh is planned for March 2026.",
            "Planned",
            "2026-03",
        ),
        ("From 2025, the School will also offer an executive certificate.", "Start", "2025"),
    ],
)
def test_planned_steps_and_steps_from_a_year(text, label, start):
    (event,) = found(text, "event")
    assert (event.name.split(",")[0], event.start.isoformat()) == (label, start)


def test_a_range_of_years_is_not_a_start():
    text = "The project will run from 2024 to 2027 with support from Sida."
    assert all(not e.name.startswith("Start") for e in found(text, "event"))


@pytest.mark.parametrize(
    "text",
    [
        "Companies certified as Authorized Economic Operator (AEO) clear faster.",
        "The Mutual Recognition Arrangement (MRA) was signed in Abu Dhabi.",
        "Scanners were bought under the Customs Control Equipment Instrument (CCEI).",
    ],
)
def test_a_status_an_arrangement_or_an_instrument_with_an_acronym_is_no_body(text):
    assert found(text, "organization") == []


def test_a_wire_byline_with_slashes_names_its_writers():
    text = (
        "UAE and Kazakhstan open green corridor\n\nWAM/Hatem Mohamed/Nour Al Hashimi\n\n"
        "ABU DHABI, 18th February, 2026 (WAM) -- The two customs met."
    )
    assert {"Hatem Mohamed", "Nour Al Hashimi"} <= set(by_name(found(text, "person")))


@pytest.mark.parametrize(
    "text, name, expected",
    [
        (
            "I know from Rebecca Thornton, HMRC's Head of International Customs Capacity "
            "Building, that it works.",
            "Rebecca Thornton",
            "HMRC's Head of International Customs Capacity Building",
        ),
        (
            "The delegation was headed by the Director General of ANAM, Mtro. Rafael Ortega "
            "Villaseñor, and others.",
            "Rafael Ortega Villaseñor",
            None,
        ),
    ],
)
def test_a_title_after_an_owners_possessive_and_the_mexican_mtro(text, name, expected):
    person = by_name(found(text, "person"))[name]
    if expected:
        assert person.details["title"] == expected


@pytest.mark.parametrize(
    "text, present, absent",
    [
        (
            "The ship reached Jebel Ali Port on 17th February 2026.",
            "Jebel Ali Port",
            "Jebel Ali Port on 17th February",
        ),
        (
            "The Ministry of Finance, Trinidad and Tobago hosted it.",
            "Ministry of Finance",
            "Ministry of Finance, Trinidad and Tobago",
        ),
        (
            "The project is funded by the Foreign, Commonwealth & Development Office (FCDO).",
            "Foreign, Commonwealth & Development Office",
            "Commonwealth & Development Office",
        ),
    ],
)
def test_dates_and_countries_after_a_name_are_not_part_of_it(text, present, absent):
    names = set(by_name(found(text, "organization")))
    assert present in names and absent not in names


def test_consulates_and_bodies_named_with_their_town():
    text = "Officials of the Consulate General of the United States in Tijuana attended."
    assert any(
        n.startswith("Consulate General of the United States")
        for n in by_name(found(text, "organization"))
    )
    text = "Samples went to the Central Customs Laboratory in Sofia for analysis."
    (lab,) = found(text, "organization")
    assert "Central Customs Laboratory" in [lab.name, *lab.aliases]


def test_established_opening_a_sentence_dates_a_founding():
    text = "Established in 1966, the Bank is owned by 69 members."
    assert [e.start.isoformat() for e in found(text, "event")] == ["1966"]


def test_a_place_and_an_owners_unit_joined_by_and_are_read_apart():
    text = (
        "The delegation visited the Port of Felixstowe and Border Force's National Border "
        "Targeting Centre in Manchester."
    )
    names = set(by_name(found(text, "organization")))
    assert {"Border Force", "National Border Targeting Centre"} <= names


def test_a_name_with_cote_divoire_in_it_is_read_whole():
    text = "The Direction Générale des Douanes de Côte d'Ivoire hosted the visit."
    (body,) = found(text, "organization")
    assert (body.name, body.country) == ("Direction Générale des Douanes de Côte d'Ivoire", "CI")


def test_a_city_of_two_words_has_its_customs():
    assert "Abu Dhabi Customs" in by_name(
        found("The delegation of Abu Dhabi Customs visited the port.", "organization")
    )


@pytest.mark.parametrize(
    "text, name, honorific",
    [
        (
            "Speech delivered by Yang Mulia Awang Haji Mohd Rizal bin Haji Abdul Karim, "
            "Controller of Royal Customs and Excise.",
            "Mohd Rizal bin Haji Abdul Karim",
            "Yang Mulia Awang Haji",
        ),
        (
            "Also present was Yang Mulia Dato Seri Setia Dr. Awang Haji Zainal Abidin bin Haji "
            "Othman, Permanent Secretary.",
            "Zainal Abidin bin Haji Othman",
            "Yang Mulia Dato Seri Setia Dr. Awang Haji",
        ),
        (
            "It was attended by the Commissioner, Customs Services Department, Alhaji Momoh "
            "Kallon, and others.",
            "Momoh Kallon",
            "Alhaji",
        ),
        (
            "It was headed by the National Director of Customs, Abg. Julio César Fernández "
            "Benítez, and by the Director-General of Customs, Dr.ª Celmira Jossias Macuácua.",
            "Julio César Fernández Benítez",
            "Abg.",
        ),
        (
            "It was headed by the Director-General of Customs, Dr.ª Celmira Jossias Macuácua.",
            "Celmira Jossias Macuácua",
            "Dr.ª",
        ),
        (
            "The meeting was opened by the National Director of Customs, Cr. Gonzalo Pereira "
            "Sosa, who highlighted the growth.",
            "Gonzalo Pereira Sosa",
            "Cr.",
        ),
        (
            "The office, whose director, vrchní rada plk. Bc. Lenka Marešová, welcomed the guests.",
            "Lenka Marešová",
            "Bc.",
        ),
    ],
)
def test_honorifics_of_brunei_west_africa_and_latin_america(text, name, honorific):
    person = by_name(found(text, "person"))[name]
    assert person.details["honorific"] == honorific


def test_haji_is_a_first_name_before_a_single_surname():
    text = "Mr. Haji Hajiyev, Head of the Customs Committee, opened the meeting."
    assert "Haji Hajiyev" in by_name(found(text, "person"))


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "The Administrator of the Infante Rivarola Customs Office, Sub-Oficial (R) Ramón "
            "Darío Cáceres, attended.",
            "Ramón Darío Cáceres",
        ),
        (
            "The delegation included the Collector of the Sub-Port of Davao, Rodel T. Sarmiento.",
            "Rodel T. Sarmiento",
        ),
        (
            "The workshop was led by Mr. Ambrose St. Rose of the Customs Department.",
            "Ambrose St. Rose",
        ),
        ("Mr. Desmond St. Clair Joseph chaired the session.", "Desmond St. Clair Joseph"),
    ],
)
def test_retired_ranks_collectors_and_saints_in_names(text, name):
    assert name in by_name(found(text, "person"))


def test_an_agencys_credit_lines_name_its_reporter_and_editor():
    text = (
        "Bitung customs meets Davao\n\nManado, 3 March 2026\n\nThe two offices met.\n\n"
        "Reporter: Karel Alexander Polii\nEditor: Rahmad Hidayat\nEdited by: Mustafa Kareem"
    )
    people = by_name(found(text, "person"))
    assert people["Karel Alexander Polii"].details["title"] == "Reporter"
    assert people["Rahmad Hidayat"].details["title"] == "Editor"
    assert "Mustafa Kareem" in people


def test_names_with_st_for_saint():
    text = (
        "Officers of the St. Vincent and the Grenadines Customs and Excise Department met. "
        "Dr. Fontenelle thanked the Government of St. Kitts and Nevis for its hospitality."
    )
    organizations = by_name(found(text, "organization"))
    assert (
        organizations["St. Vincent and the Grenadines Customs and Excise Department"].country
        == "VC"
    )
    assert organizations["Government of St. Kitts and Nevis"].country == "KN"
    assert {c.name for c in found(text, "country")} >= {"Saint Kitts and Nevis"}


def test_a_name_quoted_after_the_bodys_kind_is_read_whole():
    text = (
        'The International Association "Trans-Caspian International Transport Route" took '
        "part in the meeting."
    )
    assert [o.name for o in found(text, "organization")] == [
        'International Association "Trans-Caspian International Transport Route"'
    ]


def test_a_secretariat_is_not_named_for_the_meeting_it_serves():
    text = (
        "I thank the SAARC Secretariat for the Twenty-First Meeting of the Customs Cooperation "
        "Committee."
    )
    names = set(by_name(found(text, "organization")))
    assert not [n for n in names if "Twenty-First" in n]


def test_a_unit_named_before_the_body_its_acronym_spells_is_a_body_too():
    text = (
        "Trainers came from the Customs Department of the Mauritius Revenue Authority (MRA) "
        "and from the French customs."
    )
    organizations = found(text, "organization")
    names = {n for o in organizations for n in [o.name, *o.aliases]}
    assert {
        "Mauritius Revenue Authority",
        "Customs Department of the Mauritius Revenue Authority",
    } <= names


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "Representatives of the Border Guard Troops of the National Security Service of "
            "Armenia and of the Inspection Body for Food Safety also took part.",
            {"National Security Service of Armenia", "Inspection Body for Food Safety"},
        ),
        (
            "The programme will fund a study visit to the Port of Antwerp-Bruges and to "
            "Belgium's General Administration of Customs and Excise in October 2026.",
            {"Port of Antwerp-Bruges", "General Administration of Customs and Excise"},
        ),
        (
            "On 13th November, the delegations met representatives of the Sierra Leone Chamber "
            "of Commerce, Industry and Agriculture and of the Sierra Leone Ports Authority.",
            {
                "Sierra Leone Chamber of Commerce, Industry and Agriculture",
                "Sierra Leone Ports Authority",
            },
        ),
        (
            "Officials of the Philippine Consulate General in Manado and of the Governorship of "
            "Boquerón attended.",
            {"Philippine Consulate General in Manado", "Governorship of Boquerón"},
        ),
        (
            "Mr. Faissoil Ahmed Djoumoi, Head of the Risk Analysis Unit of the Comorian customs, "
            "spoke.",
            {"Risk Analysis Unit"},
        ),
        (
            "The project is run with the Customs of the Republic of Lithuania, which will "
            "provide experts.",
            {"Customs of the Republic of Lithuania"},
        ),
    ],
)
def test_bodies_joined_by_and_of_and_to_listed_chambers_consulates_and_customs_of(text, names):
    assert names <= set(by_name(found(text, "organization")))


def test_customs_of_a_region_is_not_a_body():
    text = "The Customs of the North of Senegal seized 200 kg of cannabis."
    assert not [n for n in by_name(found(text, "organization")) if n.startswith("Customs of")]


@pytest.mark.parametrize(
    "text, spelling",
    [
        (
            "Thanks to the Agreement between the European Community and the Swiss Confederation, "
            "trade grew.",
            "European Community",
        ),
        ("The EEAS and the Delegation published the call.", "EEAS"),
        ("The ministers of BIMP-EAGA met in Bandar Seri Begawan.", "BIMP-EAGA"),
        (
            "The crossing is financed by the Development Bank of Latin America and the Caribbean.",
            "Development Bank of Latin America and the Caribbean",
        ),
    ],
)
def test_regional_bodies_and_banks_of_the_gazetteer(text, spelling):
    (body,) = found(text, "organization")
    assert spelling in [body.name, *body.aliases]


def test_a_listed_name_takes_the_acronym_read_at_its_end():
    text = (
        "The Federal Authority for Identity, Citizenship, Customs and Port Security (ICP) and "
        "the customs met."
    )
    (body,) = found(text, "organization")
    assert body.name == "Federal Authority for Identity, Citizenship, Customs and Port Security"
    assert "ICP" in body.aliases


def test_a_list_of_bodies_is_not_one_listed_name():
    text = (
        "(Contact) Office of International Cooperation, Customs and Tariff Bureau, Ministry of "
        "Finance"
    )
    names = set(by_name(found(text, "organization")))
    assert {"Office of International Cooperation", "Customs and Tariff Bureau"} <= names


@pytest.mark.parametrize(
    "text, name, alias",
    [
        (
            "Officers of the Administración Aduanera de Honduras (Aduanas Honduras) attended.",
            "Administración Aduanera de Honduras",
            "Aduanas Honduras",
        ),
        (
            "The General Directorate of Customs of the Mozambique Tax Authority (Autoridade "
            "Tributária de Moçambique, AT) hosted it.",
            "Mozambique Tax Authority",
            "Autoridade Tributária de Moçambique",
        ),
    ],
)
def test_a_bodys_own_language_name_in_brackets_is_its_alias(text, name, alias):
    organizations = by_name(found(text, "organization"))
    assert alias in organizations[name].aliases
    assert alias not in organizations


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "They toured Pasir Panjang Terminal, operated by PSA Singapore, on Monday.",
            "PSA Singapore",
        ),
        ("The Port of Nacala, operated by Portos do Norte, handles containers.", "Portos do Norte"),
        ("Officials of the rail operator SITARAIL attended.", "SITARAIL"),
        (
            "Cornelder de Moçambique, which operates the Port of Beira, took part.",
            "Cornelder de Moçambique",
        ),
        (
            "It sails through a joint venture with KTZ Express, the logistics subsidiary of "
            "Kazakhstan Temir Zholy.",
            "Kazakhstan Temir Zholy",
        ),
        (
            "This was a big change for the postal operator Pošta Slovenije and for the express "
            "carriers.",
            "Pošta Slovenije",
        ),
    ],
)
def test_companies_that_operate_ports_railways_and_mail(text, name):
    assert name in by_name(found(text, "organization"))


def test_an_operators_short_name_in_brackets_is_its_alias():
    text = "Officials of state port operator PT Pelabuhan Indonesia (Pelindo) attended."
    (company,) = found(text, "organization")
    assert (company.name, company.aliases) == ("PT Pelabuhan Indonesia", ["Pelindo"])


def test_a_person_is_not_an_operator():
    text = "The terminal operator Ms. Anna Berg showed the guests the terminal."
    assert found(text, "organization") == []


def test_a_bodys_owner_named_with_a_possessive_is_a_body_too():
    text = (
        "It was funded by the U.S. Department of State's Bureau of International Narcotics and "
        "Law Enforcement Affairs."
    )
    assert {
        "U.S. Department of State",
        "Bureau of International Narcotics and Law Enforcement Affairs",
    } <= set(by_name(found(text, "organization")))
    text = "The Government of the People's Republic of China signed it."
    assert "Government of the People" not in by_name(found(text, "organization"))


def test_a_weekday_after_a_name_is_not_part_of_it():
    text = "The delegation also visited the Tuas Port on Monday."
    assert [o.name for o in found(text, "organization")] == ["Tuas Port"]


def test_the_press_unit_that_issues_a_release_is_a_body():
    text = (
        "Customs meet\n\nGaborone, 3 March 2026\n\nThe two services met on Monday.\n\n"
        "Issued by: Corporate Communications, Botswana Unified Revenue Service\n"
        "Contact: Enabel Communication, Brussels\n"
        "Contact: Jane Smith, Communications Officer"
    )
    names = set(by_name(found(text, "organization")))
    assert {"Corporate Communications", "Botswana Unified Revenue Service"} <= names
    assert "Enabel Communication" in names
    assert not names & {"Brussels", "Communications Officer", "Jane Smith"}


@pytest.mark.parametrize(
    "text, name, acronym",
    [
        (
            "The French customs service, the Direction générale des douanes et droits indirects "
            "(DGDDI), has had a directorate in Noumea.",
            "Direction générale des douanes et droits indirects",
            "DGDDI",
        ),
        (
            "The Organisation pour la mise en valeur du fleuve Sénégal (OMVS), which manages "
            "navigation, took part.",
            "Organisation pour la mise en valeur du fleuve Sénégal",
            "OMVS",
        ),
    ],
)
def test_romance_names_in_lower_case_after_the_head_end_at_their_acronym(text, name, acronym):
    organizations = by_name(found(text, "organization"))
    assert acronym in organizations[name].aliases


def test_a_romance_acronym_names_the_nearest_body_it_spells():
    text = (
        "The Servicio Nacional de Aduanas of Costa Rica and the Autoridad Nacional de Aduanas "
        "(ANA) of Panama took part."
    )
    organizations = by_name(found(text, "organization"))
    assert "ANA" in organizations["Autoridad Nacional de Aduanas"].aliases
    assert "Servicio Nacional de Aduanas" in organizations


def test_a_school_named_in_spanish_is_a_body():
    text = "The DIAN's Escuela de Impuestos y Aduanas will train 40 officers."
    assert "Escuela de Impuestos y Aduanas" in by_name(found(text, "organization"))


def test_a_head_of_cooperation_leaves_the_delegation_its_whole_name():
    text = (
        "The Head of Cooperation of the Delegation of the European Union to Montenegro, "
        "Katarina Lindqvist, spoke."
    )
    delegation = by_name(found(text, "organization"))[
        "Delegation of the European Union to Montenegro"
    ]
    assert delegation.country == "ME"
    assert "Katarina Lindqvist" in by_name(found(text, "person"))


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Finnish delegation was led by Director General Minna Saarinen.", "Minna Saarinen"),
        (
            "It was received in Stockholm by Director General Anna Lindqvist Berg.",
            "Anna Lindqvist Berg",
        ),
        (
            "His Albanian counterpart, Director General Ilir Dervishi, said that profiles were "
            "ready.",
            "Ilir Dervishi",
        ),
        (
            "The meeting was opened by WCO Deputy Secretary General Ricardo Menezes, who "
            "recalled the rules.",
            "Ricardo Menezes",
        ),
        (
            '"It stays in the pockets of our producers," said SIECA Secretary General Raúl '
            "Eduardo Pineda Castañeda.",
            "Raúl Eduardo Pineda Castañeda",
        ),
        ('"We see the same trucks," said Minna Saarinen.', "Minna Saarinen"),
    ],
)
def test_general_after_a_title_is_the_titles_and_a_quotes_speaker_is_a_person(text, name):
    people = by_name(found(text, "person"))
    assert name in people
    assert people[name].details["rank"] == ""


def test_a_body_that_says_something_is_not_a_person():
    assert found('"It is ready," said Swedish Customs.', "person") == []


def test_a_programme_a_funder_finances_from_one_year_to_another_has_those_years():
    text = (
        "The workshop was part of the Regional Programme for Port and Maritime Security "
        "(PROSEPORT), which the European Union finances from 2024 to 2028."
    )
    (programme,) = found(text, "programme")
    assert (programme.start.isoformat(), programme.end.isoformat()) == ("2024", "2028")


@pytest.mark.parametrize(
    "text, label, start",
    [
        (
            "The cell is expected to become operational in January 2027.",
            "Launch",
            "2027-01",
        ),
        (
            "North Macedonia has applied it since its accession to the common transit "
            "procedure on 1 July 2015.",
            "Accession",
            "2015-07-01",
        ),
    ],
)
def test_becoming_operational_and_accession_are_dated_steps(text, label, start):
    (event,) = found(text, "event")
    assert event.name.startswith(label)
    assert event.start.isoformat() == start


def test_an_agreements_subject_ends_before_the_word_signed():
    text = (
        "They reviewed the Agreement on Customs Cooperation and Mutual Administrative Assistance "
        "signed between the two countries in Cairo on March 24, 2013."
    )
    (agreement,) = found(text, "agreement")
    assert agreement.name == "Agreement on Customs Cooperation and Mutual Administrative Assistance"


def test_a_second_title_after_and_is_not_part_of_the_body():
    text = (
        "His counterpart, Ms. Anahit Hovsepyan, Head of the Customs Policy Department of the "
        "SRC and Beneficiary Project Leader, said the twinning worked."
    )
    names = set(by_name(found(text, "organization")))
    assert "Customs Policy Department" in names
    assert not [n for n in names if "Leader" in n]


def test_a_title_joined_to_a_second_word_is_not_part_of_the_name():
    text = (
        "The Brazilian delegation was led by Auditor-Fiscal Renata Cavalcanti Moura, "
        "Coordinator of the Receita Federal's International Customs Relations Division."
    )
    assert set(by_name(found(text, "person"))) == {"Renata Cavalcanti Moura"}
    assert {"Receita Federal", "International Customs Relations Division"} <= set(
        by_name(found(text, "organization"))
    )


def test_a_country_owning_a_ministry_is_not_split_off_as_a_body():
    text = "The Department of Customs under Vietnam's Ministry of Finance hosted the meeting."
    assert "Department of Customs under Vietnam" not in by_name(found(text, "organization"))


def test_a_unit_under_a_countrys_ministry_and_the_ministry_are_two_bodies_of_that_country():
    text = (
        "The meeting was co-chaired by Mr. Phouvong Sayavong, Director General of the Customs "
        "Department of the Ministry of Finance of the Lao PDR, and Mr. Le Minh Khoa, Deputy "
        "Director of the Department of Customs under Vietnam's Ministry of Finance."
    )
    organizations = found(text, "organization")
    assert {(o.name, o.country) for o in organizations} >= {
        ("Ministry of Finance of the Lao PDR", "LA"),
        ("Ministry of Finance", "VN"),
    }
    assert "Department of Customs" in by_name(organizations)
