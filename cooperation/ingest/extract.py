"""Proposals from an article's text: the organizations, people, countries,
events, agreements and programmes it names, each with the sentence it came from.

Rules, not a statistical model: customs news is written in a small, regular
register ("Major General Gulu Novruzov, Head of the Academy", "the Central Asian
Regional Information and Coordination Centre (CARICC)", "From October 4-6,
2023, ... the exchange visit"), the rules say why they fire, and everything runs
offline. Known records are matched by ``KnownRecords``; dates are read by
``dates``, countries by ``places``.

Nothing here writes to the database: ``extract`` returns ``Finding`` objects,
which ``services.source_ingest`` stores as proposals for an editor to review.
"""

import functools
from dataclasses import dataclass, field
from pathlib import Path

import regex
import yaml

from cooperation.ingest.dates import find_dates
from cooperation.ingest.known import KnownRecords
from cooperation.ingest.places import (
    country_of,
    country_of_city,
    find_countries,
    fold,
    is_demonym,
)
from cooperation.partial_dates import PartialDate, display_range

KINDS = ["organization", "person", "country", "event", "agreement", "programme", "partnership"]


@dataclass
class Finding:
    """One proposal, before it is stored: the shape of ``ingest --format json``."""

    kind: str
    name: str
    passage: str
    aliases: list = field(default_factory=list)
    country: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    match: str | None = None
    details: dict = field(default_factory=dict)

    def as_json(self):
        return {
            "kind": self.kind,
            "name": self.name,
            "aliases": list(self.aliases),
            "country": self.country or None,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "match": self.match,
            "passage": self.passage,
            "details": self.details,
        }


# ---------------------------------------------------------------------------
# Vocabulary of the domain

ORG_HEADS = {
    "Organization", "Organisation", "Committee", "Service", "Administration", "Institute",
    "Academy", "Centre", "Center", "Office", "Agency", "Department", "Directorate", "Ministry",
    "Secretariat", "Commission", "Council", "Bank", "Mission", "Bureau", "University",
    "College", "School", "Police", "Authority", "Unit", "Division", "Team", "Board",
    "Inspectorate", "Government", "Union", "Association", "Chamber", "Court", "Guard",
    "Coalition", "Forum", "Group", "Port", "House", "Delegation", "Embassy",
    # Parliaments, which ratify customs agreements.
    "Parliament", "Khural", "Majlis", "Mazhilis", "Rada", "Sejm", "Seimas", "Saeima", "Duma",
    "Command", "Branch", "Checkpoint", "Alliance", "Undersecretariat", "Commissariat",
    "Section", "Sector", "Laboratory", "Force", "Intendancy", "Subcommittee", "Sub-Committee",
    "Directorate-General", "Headquarters", "Station", "Cabinet", "Subgroup", "Sub-Group",
    "Gendarmerie", "Troops", "Intendency",
    # Companies: "Kestrel Trade Systems Ltd.", "Azerbaijan Railways CJSC".
    "Ltd", "Limited", "Inc", "LLC", "GmbH", "PLC", "Corporation", "Company", "JSC", "CJSC",
    "OJSC", "PJSC", "LLP", "N.V.", "B.V.", "S.A.",
    "Representation", "Cell", "Wing", "Consulate", "Consulate-General",
    "Body", "Navy", "Governorship", "Governorate", "Prefecture", "Municipality",
}  # fmt: skip
PROGRAMME_HEADS = {
    "Programme": "programme", "Program": "programme", "Project": "project",
    "Initiative": "initiative", "Fund": "fund", "Network": "network", "Segment": "programme",
    "Framework": "programme",
}  # fmt: skip
EVENT_HEADS = {
    "Session": "session", "Conference": "conference", "Workshop": "workshop",
    "Seminar": "seminar", "Summit": "conference", "Congress": "conference",
    "Meeting": "meeting",
}  # fmt: skip
# Plural heads name a kind of body ("Port Control Units"), not one organization.
PLURAL_HEADS = {
    "Units", "Authorities", "Services", "Administrations", "Posts", "Centres", "Centers",
    "Offices", "Departments", "Agencies", "Committees", "Members",
}  # fmt: skip
# Head words that open a name in Spanish, Portuguese and French.
ROMANCE_HEADS = {
    "Agenzia", "Autorità", "Direzione", "Ufficio", "Ministero", "Comando",
    "Administración", "Servicio", "Dirección", "Superintendencia", "Aduana", "Aduanas",
    "Ministerio", "Secretaría", "Instituto", "Agencia", "Autoridad", "Unidad", "Departamento",
    "Autoridade", "Direção", "Direção-Geral", "Serviço", "Ministério", "Secretaria",
    "Alfândegas", "Receita", "Direction", "Ministère", "Agence", "Douanes", "Guardia",
    "Policía", "Polícia", "Fondation", "Fundación", "Fundação", "Gendarmería", "Gendarmaria",
    "Intendencia", "Escuela", "Escola", "École", "Scuola", "Organización", "Organização",
}  # fmt: skip
TITLE_WORDS = {
    "Head", "Director", "Chairman", "Chairperson", "Chair", "Chairwoman", "Commissioner",
    "Officer", "Coordinator", "Minister", "Secretary", "President", "Deputy", "Chief",
    "Manager", "Specialist", "Expert", "Adviser", "Advisor", "Ambassador", "Rector", "Dean",
    "Representative", "Attaché", "Counsellor", "Counselor", "Consultant", "Inspector",
    "Vice-Chairman", "Vice-President", "Lecturer", "Professor",
    "Comptroller", "Controller", "Commander", "Commandant", "Superintendent", "Leader",
    "Consul", "Governor", "Envoy", "Plenipotentiary", "Auditor", "Principal", "Undersecretary",
    "Administrator", "Intendant", "Collector",
}  # fmt: skip
TITLE_MODIFIERS = {
    "First", "Acting", "Deputy", "Executive", "Technical", "Senior", "Chief", "Vice", "General",
    "Regional", "Programme", "Program", "Project", "Assistant", "Principal",
}  # fmt: skip
# Honorifics before a name, also those of the Pacific (Hon., Ratu), Malaysia and
# Brunei (Datuk Seri, Tan Sri, Dato Seri Setia, Yang Mulia, Awang, Haji), the Gulf
# (Sheikh), West Africa (Alhaji), Bhutan (Dasho, Aum) and Latin America (Lic.,
# Licda., Ing., Abg., Dr.ª).
HONORIFICS = (
    r"(?:Mr|Mrs|Ms|Miss|Mme|Dr|Eng|Engr|Atty|Prof|Professor|Sir|Dame|Madam|H\.E|Hon|Ratu|Shri|Smt"
    r"|Honou?rable|Lic|Licda|Lcda|Lcdo|Ing|Inga|Abog|Abg|Mtro|Mtra|Dasho|Aum|Cllr|Dra|Dr\.ª"
    # Uruguay's "Cr." (Contador), and the Czech and Slovak degrees "Mgr.", "Bc.", "JUDr."
    r"|Cr|Cra|Mgr|Bc|JUDr|PhDr|RNDr"
    r"|(?:His|Her)\s+Excellency"
    # "dr Nenad Pavlović": Serbian and Dutch write it in lower case.
    r"|dr"
    r"|(?:Datuk|Dato[’']?)(?:\s+(?:Seri|Sri|Paduka|Setia|Laila|Jasa)){0,3}|Tan\s+Sri"
    r"|Yang\s+(?:Amat\s+)?(?:Mulia|Berhormat)"
    # Also first names ("Haji Hajiyev"): honorifics only before a name of two words.
    r"|(?:Awang|Dayang|Pengiran|Haji|Hajah)(?=\s+\p{Lu}\p{L}+\s+\p{Lu})"
    r"|Alhaji|Alhaja|Hajia|Sheikh)\.?"
)
RANK = (
    r"(?:(?:lieutenant|major|brigadier|colonel)[- ]general|lieutenant[- ]colonel|"
    r"colonel[- ]major|colonel|"
    r"general|major|captain|lieutenant|"
    # "Sub-Oficial (R) Ramón Darío Cáceres": a retired non-commissioned officer.
    r"sub-?oficial(?:\s+\(R\))?)"
    r"(?:\s+of\s+(?:the\s+)?customs(?:\s+service)?)?"
)
# Capitalized words that open a sentence without being part of a name.
FUNCTION_WORDS = {
    "The", "A", "An", "In", "On", "At", "During", "After", "Before", "From", "To", "For",
    "With", "By", "As", "It", "This", "These", "That", "Both", "Following", "Under", "Within",
    "Since", "Today", "Currently", "Note", "Also", "Representing", "Speaking", "Among",
    "Through", "Upon", "Participants", "Representatives", "Delegates", "Its", "Their", "His",
    "Her", "Two", "Three", "Several", "Information", "Furthermore", "Moreover", "However",
    "Then", "Back", "Time", "Further", "Twenty", "Officials", "Officers",
}  # fmt: skip
MONTH_WORDS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
}  # fmt: skip
# The alternations the patterns below are built from.
MONTHS = "|".join(sorted(MONTH_WORDS))
TITLES = "|".join(sorted(TITLE_WORDS))
# Acronyms that are not organizations, however they are used.
NOT_ORGANIZATIONS = {"COVID", "ICT", "IT", "HS", "MA", "UTC", "PHOTO", "USD", "EUR", "GDP", "AEO"}


@functools.cache
def international_bodies():
    """{spelling: acronym} for the bodies of ``international_bodies.yaml``:
    every name and alias, each acronym."""
    entries = yaml.safe_load(
        Path(__file__).with_name("international_bodies.yaml").read_text(encoding="utf-8")
    )
    spellings = {}
    for entry in entries:
        for spelling in [entry["name"], *entry.get("aliases", [])]:
            spellings[spelling] = entry.get("acronym") or ""
        if entry.get("acronym"):
            spellings[entry["acronym"]] = entry["acronym"]
    return spellings


@functools.cache
def _international_pattern():
    spellings = sorted(international_bodies(), key=len, reverse=True)
    names = "|".join(regex.escape(s) for s in spellings if not _is_acronym(s))
    acronyms = "|".join(regex.escape(s) for s in spellings if _is_acronym(s))
    # A name, not inside a longer name: "the European Union Border Assistance
    # Mission" names the mission, not the Union; "the ASEAN Member States" and
    # "the ASEAN Chair" name the body itself. An acronym before a name says
    # whose it is ("the ECOWAS Trade Liberalisation Scheme", "the ASEAN Single
    # Window"), unless it names a body of its own ("the CAREC Institute").
    return regex.compile(
        r"(?<![\p{L}\d])(?:(" + acronyms + r")|(" + names + r")(?![\p{L}\d])"
        r"(?!\s+(?!(?:Member|Members|Chair|Chairmanship|Presidency|Partner)\b)[\p{Lu}][\p{Ll}]))"
        r"(?![\p{L}\d])"
    )


FACT_WORDS = (
    r"operations?|launch(?:ed|es)?|opened|opening|pilot(?:ed|s)?|took place|"
    r"(?:was|were|will be|is|are|to be) held|carried out|ran|(?:will\s+)?run|"
    r"started|began|begins?|starts?|established|set up|introduc(?:e|ed|es)|"
    r"seizures?|seized|phases?|"
    r"International\s+(?:\w+\s+){1,3}Day"
)
# A step a text dates by when it starts or ends, not an event by name: "joint
# verification ... starting 1st July 2026", "in force since 1 July 2022", "the
# terminal, where works will be completed in December 2026".
STEP_PREFIX = (
    r"(?:from|since|starting(?:\s+(?:on|in|from))?|beginning(?:\s+(?:on|in))?|as\s+of|"
    r"with\s+effect\s+from|effective(?:\s+from)?)\s+(?:the\s+)?"
)
# "a joint study to be completed by December 2026", "by the end of 2027"
BY_DEADLINE = r"by\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?(?:" + MONTHS + r"|\d{4}\b)"
STARTING_FROM = (
    STEP_PREFIX + r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:" + MONTHS + r")"
)
MILESTONE_WORDS = (
    STARTING_FROM + r"|(?:since|from)\s+(?:19|20)\d\d\b(?!\s*(?:to\b|and\b|[-–/]))|"
    r"(?:in|into)\s+(?:force|effect)|(?:planned|scheduled)\s+for|"
    r"(?:take|takes|took|taken)\s+effect|became\s+effective|"
    r"(?:go|goes|went|gone)\s+live|completed|completion|installed|"
    r"(?:became|become|becomes)\s+operational|accession|"
    r"created|founded|formed|adopted|approved|endorsed|joined|acceded|connected|" + BY_DEADLINE
)
EVENT_WORDS = [
    (r"exchange visits?", "exchange-visit"),
    (r"study visits?|study tours?", "study-visit"),
    (r"working visits?|official visits?|visits?|visited|will\s+(?:go|travel)\s+to", "visit"),
    (r"workshops?", "workshop"),
    (r"seminars?|webinars?", "seminar"),
    (r"training courses?|trainings?|courses?|(?:were|was|been|be)\s+trained", "training"),
    (r"conferences?|forums?|summits?", "conference"),
    (r"sessions?", "session"),
    (
        r"meetings?|talks|will meet|met\b|received\s+(?:a|the)\s+(?:\w+\s+)?delegation|"
        r"rounds?\s+of\s+(?:the\s+)?(?:\w+\s+)?negotiations",
        "meeting",
    ),
    (r"missions?", "mission"),
    (r"ceremony|ceremonies|inaugurat\w+|commissioning|commissioned", "ceremony"),
    (r"elected", "election"),
    # Any other fact a sentence dates: an operation, a launch, an opening.
    (FACT_WORDS, "other"),
    (MILESTONE_WORDS, "other"),
]
AGREEMENT_WORDS = [
    (r"memorandum of understanding|memorandum|MoU", "mou"),
    (r"protocol", "protocol"),
    (
        r"action plan|road ?map|work ?plan|plan of (?:joint )?(?:actions?|activities)|"
        r"joint plan",
        "action-plan",
    ),
    (r"agreement|treaty", "agreement"),
    (
        r"arrangement|record of discussions|joint statement|joint declaration|letters? of intent",
        "other",
    ),
]
# A list of what was signed, as annual reports give it: "• 14 May 2024, Trebinje –
# Memorandum of Understanding with the Customs Administration of Montenegro ...".
LISTED_AGREEMENT = regex.compile(
    r"^\W{0,3}(?P<when>[^–—]{6,40}?)\s+[–—-]\s+(?:[\p{Lu}][\p{L}]+\s+){0,2}?"
    r"(?:Memorandum|MoU|Protocol|Agreement|Joint\s+Statement|Joint\s+Declaration|Letter\s+of\s+Intent|Action\s+Plan|"
    r"Road\s?map|Arrangement)\b"
)
AGREEMENT_CUES = regex.compile(
    r"\b(?:sign(?:ed|ing|s)?|conclu(?:ded|sion)|ratifi|entered into force|implement(?:ation|ing)"
    r" of|under the|introduced|adopted)",
    regex.I,
)

# "Ethiopia–Djibouti Joint Ministerial Commission": names joined by a dash are one word.
WORD = (
    # "St. Vincent and the Grenadines Customs and Excise Department"
    r"(?:(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s\p{Lu}\p{Ll})|St\.(?=\s\p{Lu}\p{Ll})"
    r"|[\p{Lu}\p{Lt}][\p{L}\p{M}\p{N}'’+\-]*(?:–[\p{Lu}][\p{L}\p{M}\-]*)?"
    r"|\d+(?:st|nd|rd|th)"
    # "Côte d'Ivoire", "Direction Générale des Douanes de Côte d'Ivoire"
    r"|(?<=\s)d['’][\p{Lu}][\p{L}\p{M}\-]*)"
)
# Lowercase words inside names of bodies in French, Spanish, Portuguese and Italian.
ROMANCE_JOINERS = r"de|du|des|del|della|delle|dei|degli|di|da|das|do|dos|y|e|et"
CONNECTOR = r"(?:of|the|for|and|on|to|under|" + ROMANCE_JOINERS + r"|la|le|les|el|&)"
CAPSEQ = regex.compile(WORD + r"(?:(?:\s+" + CONNECTOR + r")*\s+" + WORD + r")*")
ACRONYM = (
    r"[\p{Lu}][\p{Lu}\d&/+\-]*[\p{Lu}\d](?:/[\p{Lu}][\p{L}]+)?"
    r"(?:\s[\p{Lu}][\p{Ll}]+|\s[\p{Lu}]{2,4}(?=\)))?"
)
DEFINED = regex.compile(r"\((" + ACRONYM + r")\)")
ACRONYM_TOKEN = regex.compile(r"(?<![\p{L}\d#/])([\p{Lu}][\p{Lu}\d]{1,9})(s?)(?![\p{L}\d])")
# "O'Rourke", "Lachance-Tremblay", "ÇENGEL".
NAME_TOKEN = (
    r"(?:[\p{Lu}](?:[’'][\p{Lu}])?[\p{Ll}\p{M}]+(?:-[\p{Lu}]?[\p{Ll}\p{M}]+)?"
    r"|[\p{Lu}]{2,}(?:-[\p{Lu}]+)?)"
)
# "Marieke de Vries", "Ahmad bin Salem", "Zainal Abidin bin Haji Othman",
# "Desmond St. Clair Joseph": particles inside a name.
PARTICLE = (
    r"(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|ter|le|la|bin\s+Haji|binti\s+Hajah"
    r"|bin|binti|ibn|al|el|St\.)"
)
# "H.M.P. Kumarasinghe", "Md. Mahbubur Rahman": initials before a name.
INITIALS = r"(?:(?:\p{Lu}\.){1,4}|Md\.|Mohd\.|Muhd\.)\s?(?=\p{Lu}\p{Ll})"
# "Ramon D. Villareal": a middle initial.
MIDDLE_INITIAL = r"(?:\s+\p{Lu}\.)?"
# The next word of a name, past a middle initial or particles.
NEXT_NAME_WORD = MIDDLE_INITIAL + r"\s+(?:" + PARTICLE + r"\s+)*" + NAME_TOKEN
PERSON_NAME = r"(?:" + INITIALS + r")?" + NAME_TOKEN + r"(?:" + NEXT_NAME_WORD + r"){0,3}"
WITH_HONORIFIC = regex.compile(
    r"(?P<rank>\b(?i:"
    + RANK
    + r")\s+)?(?P<hon>\b(?:"
    + HONORIFICS
    + r"\s+)+)(?P<name>"
    + PERSON_NAME
    + ")"
)
WITH_RANK = regex.compile(
    r"(?P<rank>\b(?i:"
    + RANK
    + r"))\s+(?P<hon>"
    + HONORIFICS
    + r"\s+)?(?P<name>"
    + PERSON_NAME
    + ")"
)
# News wires write titles in lower case: "Bakhtiyor Rakhimov, chairman of the ...".
LOWER_TITLE_WORDS = {w.lower() for w in TITLE_WORDS}
TITLES_ANY_CASE = "|".join(sorted(TITLE_WORDS | LOWER_TITLE_WORDS))
NAME_THEN_TITLE = regex.compile(
    r"(?<![\p{L}\-])(?P<name>"
    + NAME_TOKEN
    + r"(?:"
    + MIDDLE_INITIAL
    + r"\s+"
    + NAME_TOKEN
    + r"){1,3}),\s+"
    r"(?:the\s+|my\s+|our\s+|his\s+|her\s+|its\s+|their\s+|[\p{Lu}][\p{L}]+['’]s\s+)?"
    r"(?:first\s+|former\s+|new\s+)?"
    # "team leader": up to two lowercase words before a title word, none a verb of saying.
    r"(?P<title>(?:(?!(?:said|says|told|and|who|which|was|is|a|an|the)\b)\p{Ll}+\s+){0,2}"
    r"(?:(?:[\p{Lu}][\p{L}\-]*|and|of|&|"
    + "|".join(sorted(w.lower() for w in TITLE_MODIFIERS))
    + r")\s+){0,6}(?:"
    + TITLES_ANY_CASE
    + r")\b)"
)
# "Rajinder Singh Bains was the Director.", "Anna Kask is the new Head of ...".
NAME_WAS_TITLE = regex.compile(
    r"(?<![\p{L}\-])(?P<name>" + NAME_TOKEN + r"(?:\s+" + NAME_TOKEN + r"){1,3})\s+"
    r"(?:is|was|has\s+been|became|becomes)\s+(?:the\s+)?(?:new\s+)?"
    r"(?P<title>(?:[\p{Lu}][\p{L}\-]*\s+){0,3}(?:" + TITLES + r")\b)"
)
TITLE_THEN_NAME = regex.compile(
    r"(?P<title>(?:[\p{Lu}][\p{L}\-]*\s+){0,4}?(?:"
    + TITLES
    # "Auditor-Fiscal Luciana Prado Figueiredo": a title with a second word joined on;
    # "Director General Minna Saarinen", "Secretary General Raúl Eduardo Pineda
    # Castañeda": "General" after a title is the title's, not a rank.
    + r")(?:-[\p{Lu}][\p{Ll}]+)?(?:\s+General)?)(?P<rest>(?:"
    + MIDDLE_INITIAL
    + r"\s+"
    + NAME_TOKEN
    + r"){2,4})"
)
# Titles written in lower case before a name: "RILO ECE analyst Jakub Nowicki, who".
LOWER_TITLES_BEFORE = LOWER_TITLE_WORDS | {
    "analyst", "spokesman", "spokeswoman", "spokesperson", "investigator", "official",
    "successor", "predecessor", "counterpart", "colleague",
}  # fmt: skip
NAME_AFTER_LOWER_TITLE = regex.compile(
    r"(?P<title>(?:[\p{Lu}][\p{L}\-]*\s+){0,4}(?:"
    + "|".join(sorted(LOWER_TITLES_BEFORE))
    + r"))(?:,\s+|\s+)(?P<name>"
    + NAME_TOKEN
    + r"(?:\s+"
    + NAME_TOKEN
    + r"){1,2})(?=\s*[,;.]|\s+(?:said|says|told|who|was|is|noted|added|explained|stressed|led|"
    r"presented|visited|opened|has|will|took|joined|became|heads|chaired)\b)"
)
# '... producers," said Anna Lindqvist Berg.': the speaker of a quote.
SAID_NAME = regex.compile(
    r"[,\"”]\s*(?:said|says|added|noted|stressed|explained|underlined|concluded|remarked)\s+"
    r"(?P<name>" + PERSON_NAME + r")(?=\s*[.;]|\s*$)"
)
# "said Tomasz Wrobel, a spokesman for the ...", "Nana Boateng, a senior revenue
# officer of ...": a name, then what the person is, with "a" or "an".
NAME_THEN_ROLE = regex.compile(
    r"(?<![\p{L}\-])(?P<name>" + NAME_TOKEN + r"(?:\s+" + NAME_TOKEN + r"){1,3}),\s+an?\s+"
    r"(?P<title>(?:[\p{L}\-]+\s+){0,4}?(?:"
    + "|".join(sorted(LOWER_TITLES_BEFORE | {"spokesman", "spokeswoman"}))
    + r")\b(?:\s+(?:of|for|at|with)\s+(?:the\s+)?[\p{Lu}][\p{L}\-’']*"
    r"(?:\s+(?:of|the|for|and|[\p{Lu}][\p{L}\-’']*))*)?)"
)
# "the Director General of the ANA, Eduardo Quintero, and ...": a title and its
# body, then the name between commas.
# Lowercase words inside a body's name, in English and the Romance languages.
NAME_JOINERS = r"of|the|for|and|in|to|under|" + ROMANCE_JOINERS
TITLE_THEN_COMMA_NAME = regex.compile(
    r"(?P<title>\b(?:[\p{Lu}][\p{L}\-]*\s+){0,3}(?:"
    + TITLES_ANY_CASE
    + r")(?:[\s\-]+General)?(?:\s+(?:of|at|for|in|to)\s+(?:the\s+)?[\p{Lu}][\p{L}\-’']*"
    r"(?:\s+(?:" + NAME_JOINERS + r"|[\p{Lu}][\p{L}\-’']*))*)?"
    # "the Regional Director of the Regional Revenue and Customs Office (RRCO)
    # Phuentsholing, Dechen Choden": the office's acronym, then its town.
    r"(?:\s*\([\p{Lu}][\p{Lu}\d]+\)\s+[\p{Lu}][\p{L}\-]+(?=,))?)"
    # "Vice Minister of the General Administration of Customs (GACC) Lü Wenbo held
    # talks": after the body's acronym, the name needs no comma.
    r"(?:,\s+|\s*\([\p{Lu}][\p{Lu}\d]+\),?\s+)(?P<name>"
    + NAME_TOKEN
    + r"(?:"
    + NEXT_NAME_WORD
    + r"){1,3})(?=[,;]|\.(?:\s|$)|\s+(?:said|and|who|held|met|noted|stressed|visited|received|"
    r"signed|opened)\b)"
)


def _body_run(connectors):
    """A body's name after a person's: capitalized words and the lowercase
    ``connectors`` between them ("Ministry of Finance")."""
    return WORD + r"(?:(?:\s+(?:" + connectors + r"))*\s+" + WORD + r")*"


# "two WCO accredited experts, Kerstin Lindqvist of Swedish Customs and Murat
# Demirtaş of the Turkish Ministry of Trade": a name, then the body one works for.
NAME_OF_BODY = regex.compile(
    r"(?:^|,\s+|\band\s+|\bby\s+|\bwith\s+|\bto\s+)(?P<name>"
    + NAME_TOKEN
    + r"(?:\s+"
    + NAME_TOKEN
    + r"){1,2})\s+(?:of|from)\s+(?:the\s+)?(?P<body>"
    + _body_run("of|the|for|on|to|under")
    + ")"
)
# "State Secretary Ole Martin Sandvik of the Ministry of Finance", "Chief of Police
# Trine Haugen of the Østfold Police District": a title, the name, then the body.
TITLE_NAME_OF_BODY = regex.compile(
    r"(?P<title>\b(?:[\p{Lu}][\p{L}\-]*\s+){0,3}(?:"
    + TITLES
    + r")(?:\s+of\s+[\p{Lu}][\p{L}\-]+)?)\s+(?P<name>"
    + NAME_TOKEN
    + r"(?:"
    + NEXT_NAME_WORD
    + r"){1,3})\s+of\s+(?:the\s+)?(?P<body>"
    + _body_run("of|the|for|and|on|to|under")
    + ")"
)
ABBREVIATED_NAME = regex.compile(r"\b(\p{Lu})\.\s?(" + NAME_TOKEN + r")")
SENTENCE_END = regex.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\p{Lu}“\"(\d#])")
ABBREVIATIONS = {
    "mr", "mrs", "ms", "mme", "dr", "eng", "engr", "atty", "prof", "hon", "md", "mohd", "smt",
    "st", "no", "gen", "col", "lt", "jr", "sr", "vs", "lic", "licda", "lcda", "lcdo", "ing",
    "inga", "abog", "abg", "dra", "cllr", "mtro", "mtra", "cr", "cra", "mgr", "bc", "judr",
    "phdr", "rndr", "plk",
}  # fmt: skip


# ---------------------------------------------------------------------------
# Sentences


@dataclass
class Sentence:
    text: str
    begin: int

    @property
    def end(self):
        return self.begin + len(self.text)


def split_sentences(text):
    """The text cut into sentences, each exactly as it stands in the text."""
    sentences = []
    offset = 0
    for paragraph in text.split("\n"):
        start = 0
        for match in SENTENCE_END.finditer(paragraph):
            before = paragraph[start : match.start()].rstrip('"”’)')
            last_word = regex.split(r"[\s(]", before)[-1].rstrip(".").casefold()
            if last_word in ABBREVIATIONS or regex.fullmatch(r"(?:\p{L}\.)*\p{L}", last_word):
                continue
            _add_sentence(sentences, paragraph, start, match.start(), offset)
            start = match.end()
        _add_sentence(sentences, paragraph, start, len(paragraph), offset)
        offset += len(paragraph) + 1
    return sentences


def _add_sentence(sentences, paragraph, start, stop, offset):
    piece = paragraph[start:stop]
    stripped = piece.strip()
    if len(stripped) < 3:
        return
    lead = len(piece) - len(piece.lstrip())
    sentences.append(Sentence(stripped, offset + start + lead))


# ---------------------------------------------------------------------------
# Entities found in the article


@dataclass(eq=False)
class Entity:
    kind: str  # organization, person, programme
    name: str
    sentence: Sentence
    acronym: str = ""
    aliases: list = field(default_factory=list)
    country: str | None = None
    details: dict = field(default_factory=dict)
    start: PartialDate | None = None
    end: PartialDate | None = None
    match: str | None = None
    proposed: bool = True

    def names(self):
        return [n for n in [self.name, self.acronym, *self.aliases] if n]

    def add_alias(self, alias):
        alias = alias.strip()
        if alias and alias not in self.names():
            self.aliases.append(alias)


class Article:
    """What extraction knows about one article while it reads it."""

    def __init__(self, text, *, published, known):
        self.text = text
        self.published = published
        self.known = known
        self.sentences = split_sentences(text)
        self.entities = []
        self.mentions = []  # (entity, sentence index)
        self.author = None  # the person a byline names

    # -- registry --------------------------------------------------------
    def find(self, kind, name):
        key = fold(name)
        for entity in self.entities:
            if entity.kind == kind and key in {fold(n) for n in entity.names()}:
                return entity
        return None

    def find_same(self, kind, name, acronym=""):
        """The entity a new name refers to: the same name or acronym; an acronym
        and a name whose initials it is ("WCO", "World Customs Organization");
        the same body with the acronym of its parent in front ("WCO Political
        Commission", "Political Commission"); or one country's customs under
        its several names ("Azerbaijan Customs", "Azerbaijan Customs Service")."""
        found = self.find(kind, name) or (acronym and self.find(kind, acronym))
        if found or kind != "organization":
            return found
        if regex.fullmatch(r"(?:State\s+)?Customs\s+(?:Committee|Service|Administration)", name):
            # "the State Customs Committee" with no country: the one national
            # customs administration the article names, if there is only one.
            national = [e for e in self.entities if e.kind == kind and _national_customs(e.name)]
            if len(national) == 1:
                return national[0]
        country = country_of(name) if kind == "organization" else None
        for entity in self.entities:
            if entity.kind != kind:
                continue
            if acronym and entity.acronym and fold(acronym) != fold(entity.acronym):
                continue  # "Zimbabwe Revenue Authority (ZIMRA)" is not the ZRA
            if country and entity.country and country != entity.country:
                continue  # "Customs Department of Thailand" is not the Lao one
            for mine in filter(None, [name, acronym]):
                for theirs in filter(None, [entity.name, entity.acronym]):
                    if _is_acronym(mine) and initials(theirs) == mine:
                        return entity
                    if _is_acronym(theirs) and initials(mine) == theirs:
                        return entity
                    if _without_acronym(mine) == theirs or _without_acronym(theirs) == mine:
                        return entity
                    if any(
                        mine.startswith(f"{theirs} {word} ") or theirs.startswith(f"{mine} {word} ")
                        for word in ("of", "under")
                    ):
                        return entity
            national = _national_customs(name)
            if national and national == _national_customs(entity.name):
                return entity
            if _same_words_but_one(name, entity.name):
                return entity
        return None

    def add(self, kind, name, sentence, *, acronym="", **kwargs):
        existing = self.find_same(kind, name, acronym)
        country = kwargs.get("country")
        if existing and existing.country and country and existing.country != country:
            # "the Direction Générale des Douanes of Burkina Faso, the Direction
            # Générale des Douanes of Mali": one name, two bodies.
            existing = None
        if existing:
            if kind == "organization" and name.startswith(existing.name + " "):
                # The fuller name names it best ("Azerbaijan Customs Administration").
                existing.add_alias(existing.name)
                existing.aliases.remove(name) if name in existing.aliases else None
                existing.name = name
            if acronym and not existing.acronym:
                existing.acronym = acronym
                existing.sentence = sentence  # the passage that defines it
                if fold(existing.name) == fold(acronym):
                    existing.name = name
            if fold(name) != fold(existing.name):
                existing.add_alias(name)
            for key, value in kwargs.items():
                if value and not getattr(existing, key, None):
                    setattr(existing, key, value)
            return existing
        entity = Entity(kind, name, sentence, acronym=acronym, **kwargs)
        self.entities.append(entity)
        return entity

    def mention(self, entity, index):
        if (entity, index) not in self.mentions:
            self.mentions.append((entity, index))

    def mentioned_in(self, index, kind=None):
        return [e for e, i in self.mentions if i == index and (kind is None or e.kind == kind)]

    def forget(self, entity, into=None):
        """Drop ``entity``; its mentions become ``into``'s, or are dropped too."""
        self.entities.remove(entity)
        self.mentions = [
            (into if found is entity else found, index)
            for found, index in self.mentions
            if found is not entity or into is not None
        ]


# ---------------------------------------------------------------------------
# Organizations and programmes


def _is_acronym(text):
    return bool(regex.fullmatch(r"[\p{Lu}][\p{Lu}\d]{1,9}", text))


def initials(name):
    """ "WCO" for "World Customs Organization", "UNODC" for "United Nations
    Office on Drugs and Crime"."""
    return "".join(w[0] for w in regex.split(r"[\s\-]+", name) if w[:1].isupper())


def _without_acronym(name):
    words = name.split()
    if len(words) > 2 and _is_acronym(words[0]):
        return " ".join(words[1:])
    return None


def _national_customs(name):
    """The country of "Azerbaijan Customs", "Azerbaijan Customs Service",
    "Customs service of Azerbaijan"...: one customs administration per country,
    whatever an article calls it."""
    match = regex.fullmatch(r"(\S+(?:\s\S+)?)\s+Customs(?:\s+(?:Service|Administration))?", name)
    if match:
        return country_of(match.group(1))
    match = regex.fullmatch(
        r"Customs(?:\s+(?:[Ss]ervices?|[Aa]dministrations?|[Aa]uthorit(?:y|ies)))?\s+of\s+"
        r"(?:the\s+)?(.+)",
        name,
    )
    if match and country_of(match.group(1)):
        return country_of(match.group(1))
    if "Customs" in name.split() and _head(name) in {"Committee", "Service", "Administration"}:
        whole = name.split(" of the ", 1)
        if len(whole) == 2 and _national_customs(whole[1]):
            return None  # "Press Service of the State Customs Committee of ...": a unit of it
        return country_of(name)
    return None


def _same_words_but_one(name, other):
    """ "Alyat Sea Port" and "Alyat International Sea Port": the same place."""
    a, b = name.split(), other.split()
    if len(a) > len(b):
        a, b = b, a
    return (
        len(a) >= 3
        and len(b) == len(a) + 1
        and a[0] == b[0]
        and a[-1] == b[-1]
        and all(word in b for word in a)
    )


CUSTOMS_OF = regex.compile(
    # Not "General Directorate of Customs of Albania": that is one name.
    r"(?<!\bof\s)\b[Cc]ustoms(?:\s+(?P<noun>services?|administrations?|authorities|authority))?\s+of\s+"
    r"(?P<countries>(?:the\s+)?[\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+)*"
    r"(?:,\s*(?:and\s+)?[\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+)*)*"
    r"(?:,?\s+and\s+[\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+)*)?)"
)
CUSTOMS_POSTS = regex.compile(
    r"\b(?P<a>[\p{Lu}][\p{L}\-]+)(?:\s+and\s+(?P<b>[\p{Lu}][\p{L}\-]+))?\s+"
    r"(?P<customs>[Cc]ustoms)\s+(?P<post>posts?|checkpoints?|offices?|houses?|stations?)\b"
)


CAPITALIZED_WORDS = r"[\p{Lu}][\p{L}\-]*(?:\s+[\p{Lu}][\p{L}\-]*)*"
LISTED_NAME = regex.compile(
    r"\b(?:[\p{Lu}][\p{L}\-]*\s+){0,3}?(?:Ministry|Administration|Department|Agency|Directorate|Office|Commission|Chamber|"
    r"Council|Institute|Authority)"
    r"\s+(?:of|for)\s+(?:the\s+)?" + CAPITALIZED_WORDS + r"(?:,\s+" + CAPITALIZED_WORDS + r")+"
    r",?\s+and\s+" + CAPITALIZED_WORDS + r"(?:\s+of\s+(?:the\s+)?" + CAPITALIZED_WORDS + r")?"
)

# A body whose own name is quoted after its kind: 'International Association
# "Trans-Caspian International Transport Route"', 'JSC "Uzbekistan Railways"'.
QUOTED_NAME = regex.compile(
    r"\b(?:[\p{Lu}][\p{L}\-]*\s+){0,3}?(?:Association|Company|Corporation|Society|Union|"
    r"Enterprise|Foundation|Consortium|Alliance|Centre|Center|JSC|LLC|CJSC)"
    r"\s+[\"“«„][\p{Lu}][^\"“”«»„]{1,80}?[\"”»“]"
)


def find_listed_names(article):
    """Names that list what a ministry deals with: "Ministry of Industry, Commerce
    and Employment", "Administration for Food Safety, Veterinary and
    Phytosanitary Affairs", read whole where the capitalized run stopped at the
    first comma; names quoted after the body's kind, read whole where it stopped
    at the quote."""
    for index, sentence in enumerate(article.sentences):
        for match in QUOTED_NAME.finditer(sentence.text):
            _name_whole(article, index, sentence, _without_function_words(match.group(0)))
        for match in LISTED_NAME.finditer(sentence.text):
            name = _without_function_words(match.group(0))
            tail = name.split(",", 1)[1].strip()
            if tail.split()[-1] in ORG_HEADS:
                continue  # "Office of International Cooperation, Customs and Tariff Bureau"
            if country_of(tail) or any(
                code and start == 0 for code, start, *_ in find_countries(tail)
            ):
                continue  # "the Ministry of Finance, Trinidad and Tobago": its country
            _name_whole(article, index, sentence, name)


def _without_function_words(name):
    """``name`` without the words that open a sentence before it ("The")."""
    words = name.split(" ")
    while len(words) > 1 and words[0] in FUNCTION_WORDS:
        words.pop(0)
    return " ".join(words)


def _name_whole(article, index, sentence, name):
    """The body ``name``, read whole: the body found in the sentence under the
    first words of its name takes the whole, or the body is added; a body found
    under its last words ("Customs and Port Security (ICP)") is the same body."""
    mentioned = article.mentioned_in(index, "organization")
    cut = [e for e in mentioned if name.startswith(e.name) and e.name != name]
    if cut:
        whole = cut[0]
        whole.name = name
    else:
        whole = article.find("organization", name)
        if whole is None:
            whole = article.add("organization", name, sentence)
            article.mention(whole, index)
    for end in mentioned:
        if end is not whole and end in article.entities and name.endswith(" " + end.name):
            if end.acronym and not whole.acronym:
                whole.acronym = end.acronym
            article.forget(end, into=whole)


# "the Mozambique Tax Authority (Autoridade Tributária de Moçambique, AT)", "the
# Administración Aduanera de Honduras (Aduanas Honduras)": the body's name in its
# own language, or its short name, in brackets after it.
NAME_IN_BRACKETS = regex.compile(
    r"\((?P<alias>[\p{Lu}][\p{L}\p{M}\-’']*(?:\s+(?:"
    + ROMANCE_JOINERS
    + r"|[\p{Lu}][\p{L}\p{M}\-’']*))+)(?:,\s*(?P<acronym>"
    + ACRONYM
    + r"))?\)"
)


def find_names_in_brackets(article):
    """A body's other name in brackets after it is an alias, not another body."""
    for index, sentence in enumerate(article.sentences):
        for match in NAME_IN_BRACKETS.finditer(sentence.text):
            alias = match.group("alias")
            if not set(alias.split()) & ROMANCE_HEADS:
                continue
            before = sentence.text[: match.start()].rstrip()
            mentioned = article.mentioned_in(index, "organization")
            # The nearest body: "... of the Mozambique Tax Authority (...)" names the authority.
            body = min(
                (
                    e
                    for e in article.entities
                    if e.kind == "organization" and before.endswith(e.name)
                ),
                key=lambda e: len(e.name),
                default=None,
            )
            if body is None or alias in body.names():
                continue
            for other in mentioned:
                if other is not body and alias in other.names() and other in article.entities:
                    article.forget(other, into=body)
            body.add_alias(alias)
            if match.group("acronym") and not body.acronym:
                body.acronym = match.group("acronym")


def find_lowercase_bodies(article):
    """Bodies written with a lowercase head: "Customs services of Turkmenistan and
    Uzbekistan" (one per country), "Alyat and Astara Customs posts"."""
    for index, sentence in enumerate(article.sentences):
        text = sentence.text
        for match in CUSTOMS_OF.finditer(text):
            noun = (match.group("noun") or "service").lower()
            singular = regex.sub(r"(?:ies|s)$", lambda m: "y" if m.group(0) == "ies" else "", noun)
            found = find_countries(match.group("countries"))
            rest = match.group("countries")
            for _, _, _, spelling in found:
                rest = rest.replace(spelling, "")
            if regex.sub(r"\b(?:the|and)\b|[\s,]", "", rest):
                continue  # "Directorate General of Customs of the Royal Oman Police"
            for code, _, _, spelling in found:
                name = f"Customs {singular} of {spelling}"
                entity = article.add("organization", name, sentence, country=code)
                article.mention(entity, index)
        for match in CUSTOMS_POSTS.finditer(text):
            post = regex.sub(r"s$", "", match.group("post"))
            for place in filter(None, [match.group("a"), match.group("b")]):
                if place in FUNCTION_WORDS or place in ORG_HEADS or country_of(place) == place:
                    continue
                if find_countries(place) or place in NOT_NAME_WORDS | MONTH_WORDS:
                    continue  # "the Bulgarian customs office": a country's, not a town's
                name = f"{place} {match.group('customs')} {post}"
                entity = article.add("organization", name, sentence)
                article.mention(entity, index)


def _words(phrase):
    return phrase.split()


def _head(phrase):
    """The word that says what a capitalized phrase names: the last word before
    its first "of", "for", "under", "on" or "to" ("Directorate" in "Directorate
    General of Customs", where "General" follows its noun)."""
    words = _words(phrase)
    head = words[-1] if words else ""
    for i, word in enumerate(words):
        if word in {"of", "for", "under", "to", "on", "at", "in"} and i:
            head = words[i - 1]
            if head == "General" and i > 1 and words[i - 2] in ORG_HEADS:
                head = words[i - 2]  # "Directorate General of Customs"
            break
    return head


def _strip_phrase(phrase):
    """Drop what opens a sentence or a possessive ("During the", "Azerbaijan’s")."""
    words = _words(phrase)
    country = None
    while words and (words[0] in FUNCTION_WORDS or words[0] in {"the", "of", "and", "for"}):
        words = words[1:]
    if words and regex.search(r"['’]s$", words[0]):
        country = country_of(words[0][:-2])
        words = words[1:]
    owner = next(
        (
            i
            for i, w in enumerate(words[:4])
            if regex.search(r"\p{L}['’]s$", w) and not regex.match(r"People['’]s$", w)
        ),
        None,
    )
    if owner is not None and owner + 1 < len(words):
        # "European Commission's Directorate-General for ...": the unit, named
        # after its owner.
        words = words[owner + 1 :]
    while words and words[-1] in {"the", "of", "and", "for", "on", "to", "under", "&"}:
        words = words[:-1]
    return " ".join(words), country


def _strip_leading(phrase):
    words = _words(phrase)
    while words and (words[0] in FUNCTION_WORDS or words[0] in {"the", "of", "and", "for"}):
        words = words[1:]
    return " ".join(words)


def _strip_title(phrase):
    """("Head", "Human Resources Development Department") from "Head of the Human
    Resources Development Department"; (None, phrase) when there is no title."""
    match = regex.match(
        r"^((?:\S+\s+){0,5}?(?:[\p{Lu}]\p{Ll}+-)?(?:" + TITLES + r")(?:\s+General)?"
        # "Head of Cooperation of the Delegation ...": what the post heads, then the body.
        r"(?:\s+of\s+(?:Cooperation|Operations|Section|Mission|Unit|Sector|Delegation)"
        r"(?=\s+(?:of|at|to)\s))?)"
        r"\s+(?:of|at|for|to)\s+(?:the\s+)?(.+)$",
        phrase,
    )
    if match and all(w[:1].isupper() or w in ("and", "of") for w in _words(match.group(1))):
        return match.group(1), match.group(2)
    return None, phrase


RANK_WORDS = {"Lieutenant", "Major", "Brigadier", "Colonel", "General", "Captain"}
# Capitalized words that end the names of places and bodies, never a person's.
NOT_NAME_WORDS = {
    "Republic", "Kingdom", "Federation", "Region", "Europe", "Asia", "Africa", "America",
    "Union", "States", "Nations", "Pacific", "Customs", "Trade", "Finance",
    "Province", "Oblast", "District", "County", "Prefecture", "Municipality", "Municipal",
    "Area", "Territory", "City",
    # What units are named after, never a person: "Division of International Cooperation".
    "Cooperation", "Affairs", "Relations", "Development", "Policy", "Planning", "Management",
    "Enforcement", "Security", "Revenue", "Tax", "Taxation", "Excise", "Border", "Operations",
    "Investigation", "Investigations", "Intelligence", "Inspection", "Compliance", "Facilitation",
    "Capacity", "Building", "Training", "Audit", "Control", "Controls", "Analysis", "Risk",
    "Integration", "Taxes", "Indirect", "Duties",
}  # fmt: skip


def _is_capitals_surname(name, i):
    """ "Dragana PETKOVIĆ": a surname in capitals ends a name whose other words are not."""
    return (
        i == len(name) - 1
        and len(name[i]) >= 4
        and i > 0
        and not any(_is_acronym(w) for w in name[:i])
    )


def _split_trailing_name(phrase, *, sure=False):
    """("State Revenue Committee of the Republic of Armenia", "Armen Petrosyan")
    from the body of a title that runs into its holder's name without an
    honorific ("Deputy Chairman of the State Revenue Committee of the Republic of
    Armenia Armen Petrosyan received ..."); (phrase, "") when no name ends it.
    The name is the two or three words after the body's last head word, country
    or acronym, past any rank."""
    words = _words(phrase)

    def is_name(name):
        return all(
            (
                regex.fullmatch(NAME_TOKEN, w)
                or 0 < i < len(name) - 1
                and regex.fullmatch(r"\p{Lu}\.", w)
            )
            and (not _is_acronym(w) or _is_capitals_surname(name, i))
            and w not in ORG_HEADS | PROGRAMME_HEADS.keys() | TITLE_WORDS | RANK_WORDS
            and w not in FUNCTION_WORDS | MONTH_WORDS | NOT_NAME_WORDS
            for i, w in enumerate(name)
        ) and not (country_of(" ".join(name)) or country_of_city(" ".join(name)))

    fallback = None
    for size in (2, 3):
        if len(words) <= size:
            break
        name = words[-size:]
        body = words[:-size]
        while len(body) > 1 and body[-1] in RANK_WORDS:
            body = body[:-1]
        last = body[-1]
        if not is_name(name):
            continue
        if size == 3 and body[-1] in LOCAL_OFFICE_HEADS and fallback:
            # "Director of the Customs Office Michalovce Zuzana Baranová": the
            # office's town, then two name words.
            return fallback
        if last in ORG_HEADS | NOT_NAME_WORDS or _is_acronym(last) or country_of(last):
            return " ".join(body), " ".join(name)
        # "Head of ROCB Europe Leyla Mammadova": the body ends in a word that is
        # no head; two name words are the likelier reading.
        fallback = fallback or (" ".join(body), " ".join(name))
    return (not sure and fallback) or (phrase, "")


CUSTOMS_HOUSE_KINDS = {"Main", "Airport", "Port", "Seaport", "Border", "Land", "Railway", "Rail"}


def _classify(phrase):
    """'organization', a programme kind, 'event:<kind>' or None for a capitalized phrase."""
    words = _words(phrase)
    head = _head(phrase)
    if phrase in international_bodies():
        return "organization"
    if len(words) < 2 or head in PLURAL_HEADS:
        return None
    if head in PROGRAMME_HEADS:
        return PROGRAMME_HEADS[head]
    if head in EVENT_HEADS:
        return "event:" + EVENT_HEADS[head]
    if head in ORG_HEADS:
        return "organization"
    if head == "Post" and len(words) >= 3 and words[-2] == "Customs":
        return "organization"  # "Keles Customs Post"
    if words[0] in ROMANCE_HEADS:
        # "Dirección General de Aduanas", "Servicio Nacional de Aduanas": the head
        # word comes first in Spanish, Portuguese and French names.
        return "organization"
    town = next(
        (
            size
            for size in (1, 2)
            if len(words) >= size + 2
            and words[-size - 1] in LOCAL_OFFICE_HEADS
            and all(
                regex.fullmatch(r"\p{Lu}[\p{Ll}\p{M}]+", w)
                and w not in ORG_HEADS | NOT_NAME_WORDS | FUNCTION_WORDS | MONTH_WORDS
                for w in words[-size:]
            )
        ),
        None,
    )
    if (
        len(words) >= 3
        and (country_of_city(words[-1]) or town)
        and _classify(" ".join(words[: -(town or 1)]))
    ):
        # "Customs House Kumanovo", "Customs Office Subotica": an office and its town.
        return "organization"
    if head == "Post" and country_of(" ".join(words[:-1])):
        return "organization"  # "Oman Post", "Australia Post"
    if head == "Customs" and len(words) >= 2:
        # "Swedish Customs", "Osaka Customs", "Sri Lanka Customs", "Incheon Airport
        # Customs": a country's or a city's customs.
        if (
            country_of(words[-2])
            or country_of(" ".join(words[:-1]))
            or (country_of_city(words[0]) and len(words) <= 4)
            or (len(words) <= 4 and country_of_city(" ".join(words[:-1])))
            or (
                len(words) == 2
                and regex.fullmatch(r"[\p{Lu}][\p{Ll}\-]+", words[0])
                and words[0] not in FUNCTION_WORDS | TITLE_WORDS | ORG_HEADS | MONTH_WORDS
            )
            or (
                # "Incheon Main Customs", "Sokhna Port Customs", "King Khalid
                # International Airport Customs": a town's or a port's customs house.
                3 <= len(words) <= 5
                and words[-2] in CUSTOMS_HOUSE_KINDS
                and all(regex.fullmatch(r"[\p{Lu}][\p{Ll}\-]+", w) for w in words[:-1])
                and words[0] not in FUNCTION_WORDS | TITLE_WORDS | ORG_HEADS | MONTH_WORDS
            )
        ):
            return "organization"
    customs_of = regex.fullmatch(
        r"Customs\s+of\s+(?:the\s+)?(?:Republic\s+of\s+(?:the\s+)?)?(?P<country>.+)", phrase
    )
    if customs_of and any(
        spelling == customs_of.group("country")
        for *_, spelling in find_countries(customs_of.group("country"))
    ):
        return "organization"  # "the Customs of the Republic of Lithuania", not "of the North"
    return None


def _trim_to_head(phrase):
    """ "European Union Erasmus+" ends in a word that is not a head; the longest
    start of it that ends in one ("European Union") names the body."""
    words = _words(phrase)
    for end in range(len(words) - 1, 1, -1):
        candidate = " ".join(words[:end])
        if words[end - 1] in ORG_HEADS and _classify(candidate) == "organization":
            return candidate
    return None


def _parents(phrase):
    """The body a name says its body is part of: "State Revenue Committee of
    the Ministry of Finance of ..." gives "Ministry of Finance of ...";
    "Policy Commission of World Customs Organization" gives the WCO."""
    _, parent = _split_parent(phrase)
    if parent:
        return parent
    # "... for the World Customs Organization Europe Region": the body it serves.
    for match in regex.finditer(r"\sfor\s+the\s+", phrase):
        trimmed = _trim_to_head(phrase[match.end() :])
        if trimmed and " of " not in trimmed:
            return trimmed
    return None


def _split_parent(phrase):
    """("State Revenue Committee", "Ministry of Finance of ...") for "State
    Revenue Committee of the Ministry of Finance of ..."; (phrase, None) when
    the name does not say what it is part of."""
    for match in regex.finditer(r"\s(?:of|under)\s+(the\s+)?", phrase):
        rest = phrase[match.end() :]
        if _is_acronym(rest) and rest not in NOT_ORGANIZATIONS:
            return phrase[: match.start()], rest  # "International Training Division of CHRDI"
        if len(rest.split()) < 2:
            continue
        if (
            rest.startswith("Customs ")
            and rest.split()[1] not in ORG_HEADS
            and not (regex.search(r"\s(?:of|under)\s", rest) is None and _classify(rest))
        ):
            continue  # "Directorate General of Customs of ...": one name
        if not match.group(1) and " of " in rest:
            continue  # "Department of State Bureau of ...": one name, not two bodies
        if not match.group(1) and regex.fullmatch(r"General\s+\w+", phrase[: match.start()]):
            continue  # "General Department of Vietnam Customs": one name
        if _classify(rest) in ("organization", *PROGRAMME_HEADS.values()):
            # "Delegation of the European Union to Tajikistan": the Union's.
            to = rest.split(" to ")[0]
            if to != rest and _classify(to) == "organization":
                rest = to
            return phrase[: match.start()], rest
    return phrase, None


# A unit is named by its own name, the body it is part of apart: "the Risk
# Management Department of the Revenue Service" is the Risk Management Department.
UNIT_HEADS = {"Department", "Division", "Unit", "Section", "Sector"}


def _names_a_body(part):
    return bool(
        _classify(part) == "organization"
        or regex.fullmatch(ACRONYM, part)
        or regex.fullmatch(r"[\p{Lu}]{2,}(?:\s\p{Lu}\p{Ll}+)?", part)
    )


REGION_WITH_AND = regex.compile(
    r"\b(?:Asia and the Pacific|East and Southern Africa|West and Central Africa|"
    r"North Africa and the Middle East|Near and Middle East|Europe and Central Asia)\b"
)


def _split_and(phrase):
    """ "ROCB Europe and CARICC" names two bodies; "Central Asian Regional
    Information and Coordination Centre" one. Names do not go on with "and
    the": "the Federal Customs Service and the Federal Tax Service of Russia"
    names two bodies, "the Revenue Service of Georgia and the Turkish customs
    administration" one and then a phrase that is not a name."""
    if (
        " and the " in phrase
        and not any(" and the " in spelling for *_, spelling in find_countries(phrase))
        and not REGION_WITH_AND.search(phrase)
    ):
        left, right = phrase.split(" and the ", 1)
        if _names_a_body(left) or _names_a_body(right) or _parents(left):
            return [*_split_and(left), *_split_and(right)]
    if " and " not in phrase:
        return [phrase]
    left, right = phrase.split(" and ", 1)
    if left.split()[-1:] == ["Customs"] and right.split()[:1] in (["Excise"], ["Border"]):
        # "Royal Customs and Excise Department of Brunei Darussalam": one body.
        return [phrase]
    if any(
        " and " in spelling for *_, spelling in find_countries(phrase)
    ) or REGION_WITH_AND.search(phrase):
        # "St. Vincent and the Grenadines Customs and Excise Department": the
        # country's name has an "and" of its own.
        return [phrase]
    # "the Namibian Police Force and of the Ministry of Home Affairs", "the Port
    # of Antwerp-Bruges and to Belgium's General Administration of Customs"
    right = right.removeprefix("of ").removeprefix("to ").removeprefix("the ")
    if TITLE_THEN_NAME.fullmatch(left) and _names_a_body(_trim_to_head(right) or right):
        # "Customs Commissioner Ramon D. Villareal and JICA Philippines Office ...":
        # a titled person, then a body.
        return _split_and(right)
    if right.split()[-1] in TITLE_WORDS and _names_a_body(_strip_title(left)[1]):
        # "Customs Policy Department of the SRC and Beneficiary Project Leader": a
        # body, then the person's second title.
        return [left]
    title, rest = _strip_title(right)
    if title and _names_a_body(_strip_title(left)[1]):
        # "Anti-Fraud Directorate of the ... Authority and Chair of the ... Task Force":
        # a body, then someone's title and the body it is in.
        return [left, *_split_and(rest)]
    possessive = regex.match(r"(\p{Lu}[\p{L}\s]*?)['’]s\s+", right)
    if possessive and country_of(possessive.group(1)) and _names_a_body(left):
        # "the Servicio Nacional de Aduanas and Peru's Superintendencia ...": two bodies.
        return [left, *_split_and(right[possessive.end() :])]
    if (
        possessive
        and _names_a_body(possessive.group(1))
        and _names_a_body(right[possessive.end() :])
    ):
        # "the Port of Felixstowe and Border Force's National Border Targeting
        # Centre": a place, the owner, and the owner's unit.
        return [
            *([left] if _names_a_body(left) else []),
            possessive.group(1),
            *_split_and(right[possessive.end() :]),
        ]
    if " of " in left and _parents(left) and _parents(right) and _is_named_of(left, right):
        # "Kerstin Lindqvist of Swedish Customs and Murat Demirtaş of the Turkish
        # Ministry of Trade": two people, each with the body they work for.
        return [left, *_split_and(right)]
    if (
        _names_a_body(left)
        and _head(left) not in ORG_HEADS
        and len(right.split()) == 2
        and right.split()[1] in ORG_HEADS
    ):
        # "Podlaskie Customs and Tax Office": one body.
        return [phrase]
    dangling = regex.search(r"\s(?:of|for)\s+(?:the\s+)?(\S+)$", left)
    if dangling and not (
        dangling.group(1) in ORG_HEADS
        or _is_acronym(dangling.group(1))
        or country_of(dangling.group(1))
    ):
        # "National Targeting Centre of the Intelligence and Enforcement Branch":
        # the "and" goes on with what the centre is part of.
        return [phrase]
    if _names_a_body(left) and _names_a_body(right):
        return [left, *_split_and(right)]
    return [phrase]


def _cut_at_subject(phrase):
    """ "Government of the Republic of Korea on Cooperation and Mutual Assistance
    in Customs Matters": a body's name ends with its country; what follows "on"
    is the subject of the agreement it signed."""
    for match in regex.finditer(r"\s+on\s+", phrase):
        left = phrase[: match.start()]
        if _classify(left) == "organization" and any(
            left.endswith(spelling) for *_, spelling in find_countries(left)
        ):
            return left
    return phrase


def _is_named_of(*parts):
    """Whether each part opens with a person's name before its "of" (two words
    or more, none a title or a head): not "Director of the Department of Fiscal
    Policy and Planning of the Ministry of Finance"."""
    for part in parts:
        before = part.split(" of ")[0].split()
        if len(before) < 2 or any(w in ORG_HEADS or w in TITLE_WORDS for w in before):
            return False
    return True


def _org_country(name):
    return country_of(name)


def _a_name_follows(text, phrase):
    """Whether ``phrase`` is followed by ", Name Surname" in ``text``: then its own
    last words are not a name but the end of a body's ("the Customs Office
    Slavonski Brod, Tomislav Kovačević")."""
    return bool(
        regex.search(
            regex.escape(phrase) + r",\s+(?:" + HONORIFICS + r"\s+)?" + NAME_TOKEN + NEXT_NAME_WORD,
            text,
        )
    )


# What a name with an acronym can be without being a body: a system, a status, an
# arrangement, an instrument. Not "Agreement": "the Central European Free Trade
# Agreement (CEFTA)" has a secretariat and acts as a body.
NOT_BODY_HEADS = {
    "System", "Zones", "Report", "Strategy", "Operator", "Operators", "Arrangement",
    "Understanding", "Convention", "Declaration", "Instrument", "Window",
    "Platform", "Nomenclature", "Tariff", "Act", "Code",
}  # fmt: skip


def _add_capitalized(article, phrase, index, *, acronym="", force_org=False):
    """Register what a capitalized phrase names; return the entity or None."""
    sentence = article.sentences[index]
    phrase, possessive_country = _strip_phrase(phrase)
    # "Jebel Ali Port on 17th February", "Tuas Port on Monday": a date, not more
    # of the name.
    phrase = regex.sub(
        r"\s+(?:(?:on|in|from)\s+\d{1,2}(?:st|nd|rd|th)\s+(?:" + MONTHS + r")|on\s+"
        r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b.*$",
        "",
        phrase,
    )
    # "the Risk Analysis Unit of the Comorian customs": the people's word for the
    # country, then a lowercase body, are not part of the name.
    demonym = regex.search(r"\s+of\s+the\s+(\p{Lu}\p{L}+)$", phrase)
    if demonym and is_demonym(demonym.group(1)):
        phrase = phrase[: demonym.start()]
    # "the SAARC Secretariat for the Twenty-First Meeting of ...": the body, then
    # the meeting it serves.
    phrase = regex.sub(
        r"\s+(?:for|at|of|during|to)\s+the\s+(?:\d+|[\p{Lu}][\p{L}\-]*)(?:st|nd|rd|th)\s+"
        r"(?:Meeting|Session|Conference|Round|Summit|Forum|Assembly|Congress)\b.*$",
        "",
        phrase,
    )
    under = regex.search(r"\s+under\s+(?:the\s+)?(?P<rest>\S.*)$", phrase)
    if under and _is_acronym(under.group("rest").split()[0]) and _classify(phrase[: under.start()]):
        # "the Delegation of the European Union to Montenegro under IPA III": what
        # funds it, not part of its name.
        phrase = phrase[: under.start()]
    if not phrase:
        return None
    title, rest = _strip_title(phrase)
    if title:
        phrase = rest if _a_name_follows(sentence.text, rest) else _split_trailing_name(rest)[0]
    if acronym and regex.fullmatch(r"[\p{Lu}\d]{2,}", phrase):
        return None
    words = _words(phrase)
    # "WCO Secretariat", "WCO Members": the WCO at work, not another body.
    if len(words) == 2 and _is_acronym(words[0]) and words[1] == "Members":
        entity = article.add("organization", words[0], sentence, acronym=words[0])
        article.mention(entity, index)
        return entity
    kind = _classify(phrase)
    if kind is None and not acronym and not force_org:
        trimmed = _trim_to_head(phrase)
        if trimmed:
            phrase, kind = trimmed, "organization"
    if kind is None and (acronym or force_org):
        head = _head(phrase)
        if head in PLURAL_HEADS or head in NOT_BODY_HEADS:
            return None  # "Authorized Economic Operator (AEO)": a status, not a body
        if len(words) == 1 and not force_org:
            return None
        kind = "organization"
    if kind is None or kind.startswith("event:"):
        # "Phase I of the Columbus Programme", "82nd Session of the Policy
        # Commission of ...": what it is part of may still be a body or a programme.
        parent = _parents(phrase)
        return _add_capitalized(article, parent, index) if parent else None
    if kind == "organization":
        country = _org_country(phrase) or possessive_country
        romance = regex.fullmatch(r"(?P<name>.+?)\s+of\s+(?:the\s+)?(?P<country>[^,]+)", phrase)
        if words[0] in ROMANCE_HEADS and romance and country_of(romance.group("country")):
            # "the Servicio Nacional de Aduanas of Costa Rica": the name is the
            # Spanish one; the English "of" gives its country.
            phrase = romance.group("name")
        if (
            words[0] in ROMANCE_HEADS
            and len(_words(phrase)) == 2
            and _words(phrase)[1] in {"General", "Générale", "Geral"}
        ):
            return None  # "Direction Générale" cut short of what it directs
        own, parent = _split_parent(phrase)
        # A unit of its parent, but not "General Department of Vietnam Customs":
        # a general department is the whole administration, named after its country.
        is_unit = (
            parent
            and _head(phrase) in UNIT_HEADS
            and len(own.split()) >= 2
            and not regex.fullmatch(r"General\s+\w+", own)
        )
        entity = article.add(
            "organization", own if is_unit else phrase, sentence, acronym=acronym, country=country
        )
        if parent and len(own.split()) >= 2 and _classify(own) == "organization":
            # Later sentences name it without its parent: "the State Revenue Committee".
            entity.add_alias(phrase if is_unit else own)
        of_country = regex.fullmatch(r"(?P<name>.+)\s+of\s+(?:the\s+)?(?P<country>[^,]+)", phrase)
        in_town = regex.fullmatch(r"(?P<name>.+?)\s+in\s+(?P<town>[\p{Lu}][\p{L}\-]+)", phrase)
        if in_town and _classify(in_town.group("name")) == "organization":
            # "the Central Customs Laboratory in Sofia": also "the Central Customs
            # Laboratory".
            entity.add_alias(in_town.group("name"))
        if (
            of_country
            and country_of(of_country.group("country"))
            and not set(_words(of_country.group("country"))) & (ORG_HEADS | {"Customs"})
            and _classify(of_country.group("name")) == "organization"
            and fold(of_country.group("name")) != fold(entity.name)
        ):
            # "the Immigration and Nationality Department of Belize": later, or
            # in other texts, "the Immigration and Nationality Department".
            entity.add_alias(of_country.group("name"))
        article.mention(entity, index)
        parent = parent or _parents(phrase)
        if parent:
            parent_entity = article.add(
                "organization", parent, sentence, country=_org_country(parent)
            )
            entity.details.setdefault("parent", parent_entity.name)
            grandparent = _parents(parent)
            if grandparent:
                article.add("organization", grandparent, sentence)
        return entity
    entity = article.add("programme", phrase, sentence, acronym=acronym)
    entity.details.setdefault("kind", kind)
    article.mention(entity, index)
    return entity


def find_organizations_and_programmes(article):
    defined = {}
    for index, sentence in enumerate(article.sentences):
        text = sentence.text
        # "Name (ACRONYM)": the acronym defines the name.
        for match in DEFINED.finditer(text):
            acronym = match.group(1)
            before = text[: match.start()].rstrip()
            after = text[match.end() :]
            phrase = _romance_name_before(before, acronym) or _phrase_before(before, acronym)
            if phrase is None:
                continue
            tail = regex.match(r"\s+(Programme|Program|Project|Initiative|Fund)\b", after)
            if tail:
                phrase = f"{phrase} {tail.group(1)}"
            entity = _add_capitalized(article, phrase, index, acronym=acronym)
            if entity is not None:
                defined[acronym] = entity
            whole = _phrase_before(before)
            unit = whole and regex.fullmatch(
                r"(?P<unit>.+?)\s+of\s+(?:the\s+)?" + regex.escape(phrase), _strip_leading(whole)
            )
            if entity is not None and unit and _classify(unit.group("unit")) == "organization":
                # "the Customs Department of the Mauritius Revenue Authority (MRA)":
                # the acronym spells the owner; its unit is a body too.
                _add_capitalized(article, unit.group(0), index)
            if whole and whole != phrase and whole.endswith(" and the " + phrase):
                # "the General Department of Vietnam Customs and the General
                # Department of Customs and Excise of Cambodia (GDCE)": the first too.
                for part in _split_and(_strip_leading(whole[: -len(" and the " + phrase)])):
                    _add_capitalized(article, part, index)
        # Every other capitalized phrase with a head word.
        for match in CAPSEQ.finditer(text):
            if regex.match(r"\s?" + DEFINED.pattern, text[match.end() :]):
                continue  # defined above, with its acronym
            if regex.match(r"\s+(?:posts?|checkpoints?)\b", text[match.end() :]):
                continue  # "Alyat and Astara Customs posts": see find_lowercase_bodies
            longer = _longer_over_in(text, match)
            defined_after = DEFINED.match(text, match.start() + len(longer or "") + 1)
            if (
                longer
                and defined_after
                and initials(_strip_leading(longer)) == defined_after.group(1)
            ):
                continue  # defined above, with its acronym
            phrase = _cut_at_subject(_strip_leading(longer or match.group(0)))
            if (
                phrase
                and phrase.split()[0] in PROGRAMME_HEADS
                and text[: match.start()].rstrip().endswith(")")
            ):
                # "... Security (EXBS) Program of the U.S. Department of State": the
                # programme was named with its acronym; what follows "of" is its owner.
                phrase = _parents(phrase) or ""
            owner = phrase and regex.match(r"(?P<owner>\S.*?)['’]s\s+(?P<rest>\p{Lu}.*)", phrase)
            # "Coordinator of the Receita Federal's ... Division": past the title.
            owner_name = owner and _strip_title(owner.group("owner"))[1]
            if (
                owner
                and " " in owner_name
                and " and " not in owner_name  # see _split_and
                and not owner_name.endswith("People")  # "People's Republic"
                and not country_of(owner_name.split()[-1])  # "... under Vietnam's Ministry"
                and _classify(owner_name) == "organization"
            ):
                # "the U.S. Department of State's Bureau of International Narcotics
                # and Law Enforcement Affairs": the owner is a body too.
                _add_capitalized(article, owner_name, index)
                phrase = owner.group("rest")
            under = owner and regex.fullmatch(
                r"(?P<unit>.+)\s+(?:under|of|in)\s+(?:the\s+)?(?P<country>[^’']+)", owner_name
            )
            if (
                under
                and country_of(under.group("country")) == country_of(owner_name.split()[-1])
                and _classify(under.group("unit")) == "organization"
                and _classify(owner.group("rest")) == "organization"
            ):
                # "the Department of Customs under Vietnam's Ministry of Finance": the
                # unit, and the country's ministry it is under.
                _add_capitalized(article, under.group("unit"), index)
                phrase = under.group("country") + "'s " + owner.group("rest")
            for part in _split_and(phrase) if phrase else []:
                _add_capitalized(article, part, index)
        # "funded by Eurocustoms", "organized by the PCBT": whatever does that is a body.
        for match in regex.finditer(
            r"\b(?:funded|supported|organi[sz]ed|hosted|facilitated|financed|sponsored)\s+by\s+"
            r"(?:the\s+)?(" + WORD + r"(?:\s+" + WORD + r")*)",
            text,
        ):
            name = match.group(1)
            if name.split()[0] in FUNCTION_WORDS or country_of(name) == name:
                continue
            if not article.find("organization", name) and not article.find("programme", name):
                if regex.fullmatch(r"\p{Lu}[\p{Ll}\-]+", name) or regex.fullmatch(
                    r"[\p{Lu}\d]{2,10}", name
                ):
                    entity = article.add("organization", name, article.sentences[index])
                    article.mention(entity, index)
        _find_operators(article, index)
    _find_acronyms(article)


# Companies that run ports, terminals, railways and mail, named without a head
# word: "operated by Portos do Norte", "the rail operator SITARAIL", "Cornelder de
# Moçambique, which operates the Port of Beira", "a subsidiary of Kazakhstan
# Temir Zholy".
COMPANY_NAME = WORD + r"(?:\s+(?:(?:de|do|da|du|des|del)\s+)?" + WORD + r"){0,4}"
OPERATOR_BEFORE = regex.compile(
    r"\b(?:operated\s+by|operator|subsidiary\s+of|joint\s+venture\s+with)\s+(?:the\s+)?"
    r"(?P<name>" + COMPANY_NAME + r")(?:\s*\((?P<short>[\p{Lu}][\p{L}\d]+)\))?"
)
OPERATOR_AFTER = regex.compile(
    r"(?P<name>" + COMPANY_NAME + r")(?:\s*\((?P<short>[\p{Lu}][\p{L}\d]+)\))?,?\s+which\s+"
    r"operates\b"
)


def _find_operators(article, index):
    sentence = article.sentences[index]
    for pattern in (OPERATOR_BEFORE, OPERATOR_AFTER):
        for match in pattern.finditer(sentence.text):
            name = _without_function_words(match.group("name"))
            words = name.split()
            if (
                words[0] in FUNCTION_WORDS | MONTH_WORDS | TITLE_WORDS
                or regex.fullmatch(HONORIFICS, words[0])
                or country_of(name) == name
                or country_of_city(name)
                or article.find("person", name)
                or article.find("programme", name)
            ):
                continue
            entity = article.find("organization", name)
            if entity is None:
                entity = article.add("organization", name, sentence)
            short = match.group("short")
            if short and short != entity.acronym:
                entity.add_alias(short)
            article.mention(entity, index)


def fold_secretariats(article):
    """ "WCO Secretariat", "EAC Secretariat": the organization at work, named
    with its acronym elsewhere in the article, not a body of its own, unless the
    knowledge base holds the secretariat as a record."""
    for entity in list(article.entities):
        words = entity.name.split()
        if entity.kind != "organization" or len(words) != 2 or words[1] != "Secretariat":
            continue
        if entity.match or article.known.exact("organization", entity.name):
            continue  # the knowledge base keeps the secretariat as a record
        body = next(
            (
                other
                for other in article.entities
                if other is not entity
                and other.kind == "organization"
                and words[0] in (other.acronym, other.name)
            ),
            None,
        )
        if body is None:
            continue
        _merge_into(article, entity, body)


def fold_acronyms(article):
    """A body found by its acronym alone ("AfDB") before the name that acronym
    belongs to was read ("African Development Bank"): one body."""
    for entity in list(article.entities):
        if entity.kind != "organization" or entity.acronym or " " in entity.name:
            continue
        body = next(
            (
                other
                for other in article.entities
                if other is not entity
                and other.kind == "organization"
                and other.acronym == entity.name
            ),
            None,
        )
        if body is not None:
            _merge_into(article, entity, body)


def _merge_into(article, entity, body):
    """Fold ``entity`` into ``body``: its name becomes an alias, its mentions body's."""
    if entity.name != body.acronym:
        body.add_alias(entity.name)
    article.forget(entity, into=body)
    for other in article.entities:
        if other.details.get("organization") == entity.name:
            other.details["organization"] = body.name


def find_international_bodies(article):
    """Bodies of ``international_bodies.yaml`` the article names, by name
    ("Europol") or acronym ("OSCE"), as the text writes them."""
    for index, sentence in enumerate(article.sentences):
        for match in _international_pattern().finditer(sentence.text):
            spelling = match.group(0)
            # The body's acronym, also when the text names it in full first.
            acronym = international_bodies()[spelling]
            following = regex.match(r"\s+(" + CAPSEQ.pattern + r")", sentence.text[match.end() :])
            if (
                spelling == acronym
                and following
                and set(_words(following.group(1))) & (ORG_HEADS - {"Secretariat"})
                and not article.find("organization", spelling)
            ):
                # "the CAREC Institute", "the JICA Philippines Office": bodies of their own
                continue
            entity = article.find("organization", spelling)
            if entity is None and acronym:
                entity = article.find("organization", acronym)
            if spelling != acronym:
                # "the Foreign, Commonwealth & Development Office (FCDO)", read in
                # pieces at its comma: the pieces are the one body.
                pieces = [
                    e
                    for e in article.mentioned_in(index, "organization")
                    if e is not entity and fold(e.name) in fold(spelling) and e.name != spelling
                ]
                if entity is None and pieces:
                    entity, pieces = pieces[0], pieces[1:]
                if (
                    entity is not None
                    and entity.name != spelling
                    and fold(entity.name) in fold(spelling)
                ):
                    entity.name = spelling
                    entity.aliases = [a for a in entity.aliases if fold(a) != fold(spelling)]
                for piece in pieces:
                    article.forget(piece)
            if entity is None:
                entity = article.add("organization", spelling, sentence, acronym=acronym)
            elif acronym and not entity.acronym:
                entity.acronym = acronym  # "African Development Bank (AfDB)": "AfDB" is it
            article.mention(entity, index)


# Function words inside names written in French, Spanish, Portuguese and Italian.
ROMANCE_SMALL_WORDS = ROMANCE_JOINERS.split("|") + [
    "la", "le", "les", "el", "lo", "los", "las", "pour", "para", "por", "per", "en", "sur",
    "au", "aux", "à",
]  # fmt: skip


def _romance_name_before(before, acronym):
    """A name in French, Spanish, Portuguese or Italian, lowercase after its head,
    that ends where ``before`` ends and whose acronym follows: "the Direction
    générale des douanes et droits indirects (DGDDI)", "the Organisation pour la
    mise en valeur du fleuve Sénégal (OMVS)". Its words' initials hold the
    acronym's letters in order, from the first word to the last."""
    words = before.split()[-14:]
    for start in reversed(range(len(words))):
        word = words[start]
        # Also French heads spelled as in English: "Office", "Service", "Organisation".
        heads = ROMANCE_HEADS | {"Office", "Service", "Organisation", "Commissariat"}
        if word not in heads or word[0] != acronym[0] or len(acronym) < 3:
            continue
        name = words[start:]
        if any(
            not regex.fullmatch(r"[\p{L}\p{M}'’\-]+", w) or w in ENGLISH_SMALL_WORDS for w in name
        ):
            continue
        letters = "".join(w[0].upper() for w in name if w.lower() not in ROMANCE_SMALL_WORDS)
        if letters[-1] != acronym[-1] or not _in_order(acronym, letters):
            continue
        if any(w[0].islower() for w in name if w.lower() not in ROMANCE_SMALL_WORDS):
            return " ".join(name)
    return None


ENGLISH_SMALL_WORDS = {"of", "and", "the", "for", "to", "in", "on", "at", "with", "by"}


def _in_order(letters, within):
    found = iter(within)
    return all(letter in found for letter in letters)


def _phrase_before(before, acronym=""):
    """The capitalized phrase that ends where ``before`` ends, allowing one
    lowercase word between it and the parenthesis ("... Units countries (IREN)"),
    and "in" or "at" inside it where the acronym says so ("Organization for
    Security and Co-operation in Europe (OSCE)")."""
    match = regex.search(r"(" + CAPSEQ.pattern + r")(\s+\p{Ll}+)?$", before)
    if not match:
        return None
    longer = regex.search(
        r"(" + CAPSEQ.pattern + r"(?:\s+(?:in|at)\s+" + CAPSEQ.pattern + r")+)$", before
    )
    if longer and acronym:
        for tail in _tails(longer.group(1)):
            if initials(tail) == acronym:
                return tail
    if acronym and initials(match.group(1)) != acronym.replace(" ", ""):
        # "the General Department of Vietnam Customs and the General Department of
        # Customs and Excise of Cambodia (GDCE)", "WCO Regional Office for ... East
        # and Southern Africa (ROCB ESA)": the end of the phrase the acronym spells.
        for tail in _tails(match.group(1)) + regex.split(r"\s+and\s+the\s+", match.group(1))[1:]:
            # The country a name ends with is often left out of its acronym.
            without_country = regex.sub(
                r"\s+of\s+(?:the\s+)?\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)*$", "", tail
            )
            if acronym.replace(" ", "") in (initials(tail), initials(without_country)):
                return tail
        if " and the " in match.group(1):
            # "the Seaport Police and the Fiscal Information and Investigation Service
            # (FIOD)": an acronym that spells neither names the nearer body.
            return match.group(1).rsplit(" and the ", 1)[1]
    return match.group(1)


def _tails(phrase):
    """A phrase and what follows each "of" in it: the names it may end with."""
    phrase = _strip_leading(phrase)
    tails = [phrase]
    for found in regex.finditer(r"\s(?:of|under)\s+(?:the\s+)?", phrase):
        tails.append(phrase[found.end() :])
    return tails


DIPLOMATIC_HEADS = {"Embassy", "Delegation", "Consulate"}
# Local offices named with their town: "Customs Office Slavonski Brod",
# "Regional Centre Banja Luka"; with "in" only branches, chambers and consulates
# ("Customs Branch in Dorohusk", "Consulate General in Manado"), not a training
# centre in the capital.
LOCAL_OFFICE_HEADS = {"Office", "House", "Branch", "Chamber", "Centre", "Center", "Station"}
TOWN_AFTER_IN_HEADS = {"Branch", "Chamber", "Consulate"}
# "in" and "at" join the words of a name only where the name ends in a head
# word or its acronym follows: "Regional Office in Europe Academy", not
# "the Customs Service in Baku".
INSIDE_A_NAME = regex.compile(
    r"\s+(?P<preposition>in|at|to)\s+(?:(?P<the>the)\s+)?(?P<place>"
    + CAPSEQ.pattern
    + r")(?P<acronym>\s*\((?:"
    + ACRONYM
    + r")\))?"
)


def _longer_over_in(text, match):
    """The capitalized phrase of ``match`` run on over "in"/"at", or None."""
    further = INSIDE_A_NAME.match(text, match.end())
    if not further:
        return None
    longer = text[match.start() : further.end("place")]
    if further.group("acronym"):
        acronym = further.group("acronym").strip(" ()")
        return longer if any(initials(t) == acronym for t in _tails(longer)) else None
    if match.group(0).split()[-1] in DIPLOMATIC_HEADS and country_of_city(further.group("place")):
        return longer  # "Armenian Embassy in Tehran"
    heads = set(match.group(0).split())
    if heads & (
        DIPLOMATIC_HEADS | TOWN_AFTER_IN_HEADS | {"Office", "House"}
    ) or "High Commission" in match.group(0):
        # "Embassy of the Kingdom of the Netherlands in Bogotá", "High Commission of
        # India in Dhaka on Monday", "Embassy of Japan in the Philippines",
        # "Delegation of the European Union to Senegal", "Customs Branch in Dorohusk"
        words = further.group("place").split()
        for size in (1, 2):
            place = " ".join(words[:size])
            known = country_of_city(place) or country_of(place)
            town = (
                heads & TOWN_AFTER_IN_HEADS
                and size == 1
                and regex.fullmatch(r"\p{Lu}\p{Ll}+", place)
                and place not in ORG_HEADS | NOT_NAME_WORDS | MONTH_WORDS | FUNCTION_WORDS
                and not further.group("the")
            )
            if further.group("preposition") == "to" and not (
                heads & DIPLOMATIC_HEADS and country_of(place)
            ):
                continue
            if len(words) >= size and (known or town):
                return text[match.start() : further.start("place") + len(place)]
    if further.group("preposition") == "to" or further.group("the"):
        return None  # "... Integration in the Office of the Director": another body
    return longer if _head(further.group("place")) in ORG_HEADS else None


ORG_CONTEXT = regex.compile(
    r"(?:(?P<a>{acr})-funded|funded\s+by\s+(?:the\s+)?(?P<b>{acr})\b"
    r"|\b(?P<c>{acr})\s+(?:organi[sz]ed|hosted|funded|signed|implemented|invited|facilitated"
    r"|Commissioner|Director|Chairman|Secretariat|representatives|delegation|experts)\b"
    r"|(?:delegation|representatives|experts)\s+(?:from|of)\s+(?:the\s+)?(?P<d>{acr})\b"
    r"|\b(?P<e>{acr})-(?P<f>{acr})\s+\p{{Lu}})".format(acr=r"[\p{Lu}][\p{Lu}\d]{1,9}")
)


def _part_of_an_acronym(article, text, at):
    """Whether the acronym at ``at`` ends a two-word acronym the article defined."""
    return any(
        " " in entity.acronym
        and text.find(entity.acronym, max(0, at - len(entity.acronym)), at + len(entity.acronym))
        >= 0
        for entity in article.entities
    )


def _find_acronyms(article):
    """Acronyms: mentions of bodies the article or the knowledge base defines,
    and new bodies where the sentence shows one ("KOICA-funded", "the PCBT
    organized")."""
    for index, sentence in enumerate(article.sentences):
        text = sentence.text
        for match in ORG_CONTEXT.finditer(text):
            for key, acronym in match.groupdict().items():
                if not acronym or acronym in NOT_ORGANIZATIONS or country_of(acronym):
                    continue
                if _part_of_an_acronym(article, text, match.start(key)):
                    continue  # "ROCB ESA Director": the ESA of "ROCB ESA"
                if not article.find("organization", acronym) and not article.find(
                    "programme", acronym
                ):
                    known = article.known.exact("organization", acronym)
                    entity = article.add(
                        "organization", known.name if known else acronym, sentence, acronym=acronym
                    )
                    article.mention(entity, index)
        for match in ACRONYM_TOKEN.finditer(text):
            acronym = match.group(1)
            entity = article.find("organization", acronym) or article.find("programme", acronym)
            if entity:
                article.mention(entity, index)
        # Acronyms with a word ("ROCB Europe") and names defined earlier, by name.
        for entity in list(article.entities):
            if entity.kind in ("organization", "programme") and entity.acronym:
                if " " in entity.acronym and entity.acronym in text:
                    article.mention(entity, index)


def find_known(article):
    """Records of the knowledge base the article names by name, acronym or alias."""
    folded_sentences = [fold(s.text) for s in article.sentences]
    for record in article.known.records:
        if record.kind not in ("organization", "programme", "person"):
            continue
        for spelling in record.spellings:
            if len(spelling) < 3:
                continue
            is_acronym = spelling == record.acronym or regex.fullmatch(r"[\p{Lu}\d]{2,}", spelling)
            for index, sentence in enumerate(article.sentences):
                if is_acronym:
                    found = regex.search(
                        r"(?<![\p{L}\d])" + regex.escape(spelling) + r"(?![\p{L}\d])", sentence.text
                    )
                else:
                    found = regex.search(
                        r"(?<![\p{L}\d])" + regex.escape(fold(spelling)) + r"(?![\p{L}\d])",
                        folded_sentences[index],
                    )
                if not found:
                    continue
                if record.country and not is_acronym:
                    # "the Ministry of Finance of Georgia" names Georgia's, not the
                    # knowledge base's "Ministry of Finance" of Azerbaijan.
                    written = regex.search(regex.escape(spelling), sentence.text, regex.I)
                    of = written and regex.match(
                        r"\s+of\s+(?:the\s+)?([^,.;()]+)", sentence.text[written.end() :]
                    )
                    named = of and find_countries(of.group(1))
                    if named and named[0][1] == 0 and named[0][0] != record.country:
                        continue
                entity = article.find(record.kind, record.name) or article.find(
                    record.kind, spelling
                )
                if entity is None:
                    entity = article.add(
                        record.kind,
                        record.name,
                        sentence,
                        acronym=record.acronym if record.kind != "person" else "",
                        country=record.country or None,
                    )
                entity.match = record.slug
                article.mention(entity, index)
                break


# ---------------------------------------------------------------------------
# People


def _tidy_name(name):
    """ "Eser ÇENGEL" as a reader writes it: "Eser Çengel"."""
    return " ".join(
        "-".join(
            part.capitalize() if part.isupper() and len(part) > 1 and "." not in part else part
            for part in w.split("-")
        )
        for w in name.split()
    )


def _clean_name(name):
    """Cut a matched name where it runs into words that are not a name."""
    words = []
    for word in name.split():
        if word in TITLE_WORDS or word in ORG_HEADS or word in MONTH_WORDS:
            break
        if word in FUNCTION_WORDS and words:
            break
        words.append(word)
    return " ".join(words)


def _clean_name_before(name):
    """The end of a matched name that is a name, read back from its last word."""
    words = []
    for word in reversed(name.split()):
        if word in ORG_HEADS or word in MONTH_WORDS or word.split("-")[0] in TITLE_WORDS:
            break  # "Auditor-Fiscal Renata Cavalcanti Moura, Coordinator ...": a title
        if word in FUNCTION_WORDS or word in NOT_NAME_WORDS or word in RANK_WORDS:
            break
        if _is_acronym(word) and len(words) >= 2:
            break  # "... of DJBC Rizal Fahmi Siregar": the body's acronym, then the name
        words.insert(0, word)
    return " ".join(words) if len(words) >= 2 else ""


def _is_not_a_name(article, name):
    words = name.split()
    if not words or any(w in ORG_HEADS or w in PROGRAMME_HEADS for w in words):
        return True
    if find_countries(name) or country_of_city(name):
        return True
    if article.find("organization", name) or article.find("programme", name):
        return True
    if len(words) == 1 and regex.fullmatch(r"[\p{Lu}\d]{2,}", name):
        return True
    return any(w in FUNCTION_WORDS or w in MONTH_WORDS for w in words)


def _title_after(text, end):
    match = regex.match(
        r",\s+(?!(?:and|but|while|whereas)\b)(?:the\s+)?((?:[\p{L}\-’']+\s+){0,12}?[\p{L}\-’']+)\s*(?=,\s*(?:who|which|and)\b|[,;.]|\s+(?:who|and|was|were|said|noted|led|welcomed|stressed)\b|$)",
        text[end:],
    )
    if not match:
        return None
    title = match.group(1)
    if not any(w in TITLE_WORDS | LOWER_TITLE_WORDS for w in regex.split(r"[\s\-]", title)):
        return None
    return title


def _title_before(text, begin):
    before = text[:begin].rstrip().rstrip(",").rstrip()
    match = regex.search(
        r"(?:^|[,;]\s+|\b(?:by|the|of|with|from)\s+)"
        r"((?=[\p{Lu}])(?:(?:[\p{Lu}][\p{L}\-’'&]*|of|the|for|and|at)\s+){0,12}?(?:"
        + TITLES
        + r")(?:\s+(?:of|at|for)\s+(?:the\s+)?[\p{Lu}][\p{L}\-’']*"
        r"(?:\s+(?:of|the|for|and|[\p{Lu}][\p{L}\-’']*))*)?)$",
        before,
    )
    if not match:
        return None
    title = match.group(1)
    if not title[:1].isupper():
        return None
    return title


def _organization_of_title(article, title, index):
    """The body a title names ("Head of the Academy"), among those the article names."""
    if not title:
        return None
    _, rest = _strip_title(title)
    candidates = [rest] if rest != title else []
    candidates += [w for w in title.split() if regex.fullmatch(r"[\p{Lu}]{2,}", w)]
    for candidate in candidates:
        candidate = candidate.removeprefix("the ")
        entity = article.find("organization", candidate)
        if entity:
            return entity
        # "the Academy", "the Committee": the body of that kind named before.
        for other in article.entities:
            if other.kind == "organization" and candidate and _head(other.name) == candidate:
                return other
        for other in article.mentioned_in(index, "organization"):
            if candidate and (candidate in other.name or candidate == other.acronym):
                return other
    return None


def find_people(article):
    for index, sentence in enumerate(article.sentences):
        text = sentence.text
        spans = []
        for pattern in (WITH_HONORIFIC, WITH_RANK, NAME_THEN_TITLE, NAME_WAS_TITLE):
            for match in pattern.finditer(text):
                name = _clean_name(match.group("name"))
                begin = match.start("name")
                if pattern in (NAME_THEN_TITLE, NAME_WAS_TITLE):
                    # The name is what stands before the comma: "Lieutenant General of
                    # Customs Service Almaz Sadyrbaev, Chairman" is Almaz Sadyrbaev.
                    name = _clean_name_before(match.group("name"))
                    begin = match.end("name") - len(name)
                end = begin + len(name)
                if any(begin < e and b < end for b, e in spans):
                    continue
                if pattern in (NAME_THEN_TITLE, NAME_WAS_TITLE) and _is_not_a_name(article, name):
                    continue
                if pattern is WITH_RANK and any(
                    w in ORG_HEADS for w in match.group("name").split()
                ):
                    continue  # "the General Customs Administration": no one named
                if pattern is WITH_RANK and regex.search(
                    r"\b(?:" + TITLES + r")\s+$", text[: match.start()]
                ):
                    continue  # "Director General of Customs Enforcement ...": a title, no rank
                if pattern not in (NAME_THEN_TITLE, NAME_WAS_TITLE) and (
                    not name or _is_not_a_name(article, name) and len(name.split()) > 1
                ):
                    continue
                if name in NOT_NAME_WORDS:
                    continue  # "Hon. Municipal Chief Executive": a title, no one named
                if not name or any(w in FUNCTION_WORDS for w in name.split()):
                    continue
                if all(w in RANK_WORDS for w in name.split()):
                    continue  # "Deputy Director General of the Customs ...": no one named
                groups = match.groupdict()
                rank = (groups.get("rank") or "").strip()
                honorific = (groups.get("hon") or "").strip()
                title = (
                    groups.get("title") and _title_after(text, end) or _title_after(text, end)
                ) or _title_before(text, match.start())
                _add_person(article, index, name, rank=rank, honorific=honorific, title=title)
                spans.append((begin, end))
        # "Head of the Customs Academy Farid Aliyev said": a title, then the name
        # without an honorific.
        for match in CAPSEQ.finditer(text):
            pieces = []
            if " and " in match.group(0):
                # "signed by ITA Director Zoran MARKOVIĆ and Director of the Customs
                # Administration of Serbia Dragana PETKOVIĆ": two titles, two names;
                # not "Director General of Customs and Excise Bambang Setyo Nugroho".
                at = match.start()
                for piece in AND_BEFORE_A_TITLE.split(match.group(0)):
                    at = text.find(piece, at) + len(piece)
                    pieces.append((piece, at))
            # Each title with its own name first; then the whole run, where it
            # was not split.
            for piece, stop in pieces if len(pieces) > 1 else []:
                _title_then_name(article, index, piece, stop, spans, sure=True)
            _title_then_name(article, index, match.group(0), match.end(), spans)
        for match in SAID_NAME.finditer(text):
            # '"We see the same trucks," said Minna Saarinen.': a quote's speaker.
            name, begin, end = match.group("name"), match.start("name"), match.end("name")
            if any(begin < e and b < end for b, e in spans) or not _is_a_bare_name(article, name):
                continue
            if article.find("person", name) is None and not any(
                w in RANK_WORDS | NOT_NAME_WORDS | ORG_HEADS for w in name.split()
            ):
                _add_person(article, index, name, rank="", honorific="", title="")
            spans.append((begin, end))
        for match in NAME_AFTER_LOWER_TITLE.finditer(text):
            name, begin, end = match.group("name"), match.start("name"), match.end("name")
            if any(begin < e and b < end for b, e in spans) or _is_not_a_name(article, name):
                continue
            if any(w in TITLE_WORDS or w in RANK_WORDS for w in name.split()):
                continue
            title = _strip_leading(match.group("title"))
            _add_person(article, index, name, rank="", honorific="", title=title)
            spans.append((begin, end))
        for match in TITLE_THEN_COMMA_NAME.finditer(text):
            name, begin, end = match.group("name"), match.start("name"), match.end("name")
            rank = regex.match(r"[\p{Lu}]{2,4}\s+(?=\S+\s+\S)", name)
            if rank and not country_of(rank.group(0).strip()):
                # "DCG Aminu Garba Bello": a rank's initials before the name.
                name, begin = name[rank.end() :], begin + rank.end()
            if any(begin < e and b < end for b, e in spans) or _is_not_a_name(article, name):
                continue
            if any(
                w in TITLE_WORDS | RANK_WORDS | ORG_HEADS | NOT_NAME_WORDS for w in name.split()
            ):
                continue
            title = _strip_leading(match.group("title"))
            _add_person(article, index, name, rank="", honorific="", title=title)
            spans.append((begin, end))
        for match in TITLE_NAME_OF_BODY.finditer(text):
            name, begin, end = match.group("name"), match.start("name"), match.end("name")
            if any(begin < e and b < end for b, e in spans) or _is_not_a_name(article, name):
                continue
            if any(
                w in TITLE_WORDS | RANK_WORDS | ORG_HEADS | NOT_NAME_WORDS for w in name.split()
            ):
                continue
            body = _strip_phrase(match.group("body"))[0]
            if not (
                article.find("organization", body)
                or _classify(body) == "organization"
                or set(_words(body)) & ORG_HEADS  # "the Østfold Police District"
            ):
                continue
            title = _strip_leading(match.group("title")) + text[end : match.end("body")]
            _add_person(article, index, name, rank="", honorific="", title=title)
            spans.append((begin, end))
        for match in NAME_THEN_ROLE.finditer(text):
            name = _clean_name_before(match.group("name"))
            begin = match.end("name") - len(name)
            end = match.end("name")
            if any(begin < e and b < end for b, e in spans) or _is_not_a_name(article, name):
                continue
            if any(w in TITLE_WORDS | RANK_WORDS | ORG_HEADS for w in name.split()):
                continue
            _add_person(article, index, name, rank="", honorific="", title=match.group("title"))
            spans.append((begin, end))
        for match in NAME_OF_BODY.finditer(text):
            name, begin, end = match.group("name"), match.start("name"), match.end("name")
            if any(begin < e and b < end for b, e in spans) or _is_not_a_name(article, name):
                continue
            if any(
                w in TITLE_WORDS | RANK_WORDS | NOT_NAME_WORDS | PROGRAMME_HEADS.keys()
                for w in name.split()
            ):
                continue
            body = _strip_phrase(match.group("body"))[0]
            if not (article.find("organization", body) or _classify(body) == "organization"):
                continue
            inside = regex.search(r"(" + CAPSEQ.pattern + r")\s+and\s+$", text[:begin])
            if inside and any(
                w in ORG_HEADS or w in PROGRAMME_HEADS for w in inside.group(1).split()
            ):
                continue  # "Programme for Combating Wildlife and Forest Crime of the ...": one name
            if regex.match(r"\s+and\s+\p{Lu}", text[match.end("body") :]):
                pass  # "Office on Drugs and Crime": the body's name runs on; it is found whole
            elif not article.find("organization", body):
                # "Tserenpuntsag Altan of the Customs General Administration of
                # Mongolia": the body, read as part of one capitalized run, is new.
                _add_capitalized(article, body, index)
            _add_person(article, index, name, rank="", honorific="", title="")
            spans.append((begin, end))
        # "G.Novruzov": someone already named, by initial and surname.
        for match in ABBREVIATED_NAME.finditer(text):
            for entity in article.entities:
                if entity.kind == "person" and fold(entity.name).split()[-1:] == [
                    fold(match.group(2))
                ]:
                    entity.add_alias(match.group(0))
                    article.mention(entity, index)


# Words that name a publication, not its author, in a byline.
PUBLICATION_WORDS = {
    "Daily", "Times", "News", "Post", "Review", "Gazette", "Herald", "Journal", "Tribune",
    "Newsletter", "Bulletin", "Magazine", "Weekly", "Online", "Press", "Wire", "Blog",
}  # fmt: skip
BYLINE_PIECE = regex.compile(r"(?:[Bb]y\s+)?(?P<name>" + PERSON_NAME + r")")


def _is_a_bare_name(article, name):
    """Whether words standing alone, without a title or honorific to vouch for
    them, are a person's name: two to four words besides particles, none a head
    word, a title or a publication's ("Marieke de Vries", not "Straits Business
    Daily"). Heads of bodies and programmes are ruled out by ``_is_not_a_name``."""
    words = [w for w in name.split() if not regex.fullmatch(PARTICLE, w)]
    return (
        2 <= len(words) <= 4
        and not _is_not_a_name(article, name)
        and not any(w in TITLE_WORDS | NOT_NAME_WORDS | PUBLICATION_WORDS for w in words)
    )


def find_byline(article):
    """The author a byline names at the top of the article: "Customs Beyond
    Borders (blog) | Marieke de Vries | posted 12 November 2025", "By Anna Kowalska"."""
    for index, sentence in enumerate(article.sentences[:4]):
        pieces = [p.strip() for p in regex.split(r"\s*[|·•]\s*", sentence.text)]
        if len(pieces) < 2 and regex.fullmatch(r"[\p{Lu}]{2,8}(?:/[^/]+)+", sentence.text.strip()):
            # A wire's byline: "WAM/Hatem Mohamed/Nour Al Hashimi".
            pieces = sentence.text.strip().split("/")[1:]
        elif len(pieces) < 2 and not sentence.text.startswith("By "):
            continue
        for piece in pieces:
            match = BYLINE_PIECE.fullmatch(piece)
            if not match or not _is_a_bare_name(article, match.group("name")):
                continue
            name = match.group("name")
            _add_person(article, index, name, rank="", honorific="", title="")
            article.author = article.find("person", _tidy_name(name)) or article.author


# A news agency's credit line, on a line of its own: "Reporter: Karel Alexander
# Polii", "Editor: Rahmad Hidayat", "Edited by: Mustafa Kareem".
CREDIT_LINE = regex.compile(
    r"(?P<role>Reporters?|Editors?|Edited\s+by|Written\s+by|Writers?|Compiled\s+by|"
    r"Translated\s+by|Translators?|Photos?\s+by|Photographers?)\s*:?\s+(?P<names>.+?)\.?"
)
CREDIT_TITLES = {"reporter": "Reporter", "editor": "Editor", "writer": "Writer",
                 "translator": "Translator", "photographer": "Photographer"}  # fmt: skip


# Who issues a release: "Issued by: Corporate Communications, Botswana Unified
# Revenue Service", "Contact: Enabel Communication, Brussels".
ISSUED_BY_LINE = regex.compile(
    r"(?:Issued\s+by|(?:Media\s+|Press\s+)?[Cc]ontacts?)\s*:\s*(?P<pieces>[^@]+?)\.?"
)
PRESS_UNIT_WORDS = regex.compile(r"\b(?:Communications?|Relations|Media|Press|Information)\b")


def find_credits(article):
    """The people an agency's credit lines name, each with the line's role as title,
    and the press units that issue a release."""
    for index, sentence in enumerate(article.sentences):
        issued = ISSUED_BY_LINE.fullmatch(sentence.text.strip())
        for piece in regex.split(r"\s*,\s*", issued.group("pieces")) if issued else []:
            if (
                regex.fullmatch(
                    r"\p{Lu}[\p{L}\-’']*(?:\s+(?:and|of|the|&)?\s*\p{Lu}[\p{L}\-’']*)*", piece
                )
                and (_classify(piece) == "organization" or PRESS_UNIT_WORDS.search(piece))
                and not country_of_city(piece)
                and piece.split()[-1] not in TITLE_WORDS  # "Communications Officer"
            ):
                entity = article.find("organization", piece) or article.add(
                    "organization", piece, sentence
                )
                article.mention(entity, index)
        match = CREDIT_LINE.fullmatch(sentence.text.strip())
        if not match:
            continue
        role = match.group("role").lower().rstrip("s")
        for piece in regex.split(r"\s*(?:,|/|&|\band\b)\s*", match.group("names")):
            if regex.fullmatch(PERSON_NAME, piece) and _is_a_bare_name(article, piece):
                _add_person(
                    article, index, piece, rank="", honorific="", title=CREDIT_TITLES.get(role, "")
                )


def find_signatures(article):
    """A name on a line of its own with a title on the next, as press contacts
    and signatures close an item: "Syed Mahmud Hossain / Second Secretary ...".
    The title is the next line's."""
    sentences = article.sentences
    for index, sentence in enumerate(sentences[3:-1], start=3):
        name = sentence.text.strip()
        if not regex.fullmatch(PERSON_NAME, name) or not _is_a_bare_name(article, name):
            continue
        following = sentences[index + 1].text
        if not any(w.strip(",:;()") in TITLE_WORDS for w in following.split()) and not any(
            w.lower().strip(",:;()") in LOWER_TITLES_BEFORE for w in following.split()
        ):
            continue
        _add_person(article, index, name, rank="", honorific="", title=following.strip()[:200])


# When someone held a post: "was appointed Director in March 2019", "Between 2015
# and 2018 I was posted as customs liaison officer at the Embassy ...".
POSITION_CUE = regex.compile(
    r"\b(?:(?:was|were|been|be|is)\s+(?:appointed|posted|elected|named)|served\s+as|serving\s+as|"
    r"worked\s+(?:as|at|for)|(?:has|have)\s+(?:headed|led|chaired)|took\s+office|"
    r"assumed\s+(?:the\s+)?(?:post|office|position|duties)|(?:his|her|my)\s+term)\b",
    regex.I,
)
POSTED_AS = regex.compile(
    r"\b(?:posted|appointed|served|worked)\s+as\s+(?:the\s+|a\s+|an\s+)?(?P<title>[\p{L}\s\-]{3,80}?)"
    r"\s+(?:at|of|in|with)\s+the\s+(?P<body>[\p{Lu}][^,.;]*)"
)


def date_positions(article):
    """The period of a post a sentence gives its one person (or, in the first
    person, the byline's author): a person proposal's start and end are those of
    the position it proposes."""
    for sentence in article.sentences:
        text = sentence.text
        cue = POSITION_CUE.search(text)
        if not cue:
            continue
        people = [
            e
            for e in article.entities
            if e.kind == "person"
            and any(regex.search(r"\b" + regex.escape(n) + r"\b", text) for n in e.names())
        ]
        if not people:
            # "Kalsakau, who was appointed Director in February 2023": named by
            # surname once the text has given the whole name.
            people = [
                e
                for e in article.entities
                if e.kind == "person"
                and len(e.name.split()) > 1
                and regex.search(r"\b" + regex.escape(e.name.split()[-1]) + r"\b", text)
            ]
        if len(people) == 1:
            person = people[0]
        elif not people and article.author and regex.search(r"\b(?:I|my)\b", text):
            person = article.author
        else:
            continue
        period = None
        for mention in _fact_dates(article, text):
            before = text[: mention.begin]
            if SINCE.search(before) or mention.is_range:
                period = (mention.start, mention.end)
                break
            if period is None and abs(mention.begin - cue.end()) < 80:
                period = (mention.start, None)
        if period is None or person.start:
            continue
        person.start, person.end = period
        person.details["period_passage"] = text
        posted = POSTED_AS.search(text)
        if posted and not person.details.get("title"):
            person.details["title"] = posted.group("title").strip()
            body = article.find("organization", _strip_phrase(posted.group("body"))[0])
            if body:
                person.details["organization"] = body.name


AND_BEFORE_A_TITLE = regex.compile(
    # "... and JICA Philippines Office Chief Representative Takeshi Yamaguchi"
    # "... Mykola Hrytsak and the Director of the Department ... Olena Shevchuk"
    r"\s+and\s+(?:the\s+)?(?=(?:[\p{Lu}][\p{L}\-]*\s+){0,4}?(?:" + TITLES + r")\b)"
)


def _title_then_name(article, index, phrase, stop, spans, *, sure=False):
    """A person named after a title, without an honorific, in a capitalized
    phrase ending at ``stop``: "Head of the Customs Academy Farid Aliyev". With
    ``sure``, only where the body before the name ends in a head word, an
    acronym or a country."""
    phrase = _strip_leading(phrase)
    title, rest = _strip_title(phrase)
    if not title:
        # "Programme Officer Giorgi Kapanadze": a title, the name at once.
        direct = TITLE_THEN_NAME.fullmatch(phrase)
        if not direct:
            return
        title, rest = direct.group("title"), direct.group("rest")
        name = rest.strip()
        while len(name.split()) > 2 and name.split()[0] in TITLE_WORDS | {"General"}:
            # "Chief Representative Takeshi Yamaguchi", "Deputy Secretary General
            # Ricardo Menezes": the title goes on.
            title, name = f"{title} {name.split()[0]}", name.split(" ", 1)[1]
        if any(
            w in NOT_NAME_WORDS | TITLE_WORDS | ORG_HEADS | RANK_WORDS
            or regex.fullmatch(HONORIFICS, w)
            for w in name.split()
        ):
            return
    elif _a_name_follows(article.sentences[index].text, rest):
        return  # "the Head of the Customs Office Slavonski Brod, Tomislav Kovačević"
    else:
        _, name = _split_trailing_name(rest, sure=sure)
    begin = stop - len(name)
    if not name or any(begin < e and b < stop for b, e in spans):
        return
    if _is_not_a_name(article, name):
        return
    title_words, rank = _words(phrase[: -len(name)]), []
    while title_words[-1] in RANK_WORDS and not (
        # "Director General": a title, not a rank
        title_words[-1] == "General" and len(title_words) > 1 and title_words[-2] in TITLE_WORDS
    ):
        rank.insert(0, title_words.pop())
    _add_person(
        article, index, name, rank=" ".join(rank), honorific="", title=" ".join(title_words)
    )
    spans.append((begin, stop))


def _add_person(article, index, name, *, rank, honorific, title):
    sentence = article.sentences[index]
    tidy = _tidy_name(name)
    existing = article.find("person", tidy) or article.find("person", name)
    if existing is None:
        for entity in article.entities:
            if entity.kind == "person" and (
                set(fold(tidy).split()) <= set(fold(entity.name).split())
                or set(fold(entity.name).split()) <= set(fold(tidy).split())
            ):
                existing = entity
                break
    known = article.known.match_person([tidy, name])
    entity = existing or article.add("person", known.name if known else tidy, sentence)
    if known:
        entity.match = known.slug
    if name != entity.name:
        entity.add_alias(name)
    if tidy != entity.name and tidy != name:
        entity.add_alias(tidy)
    details = entity.details
    if rank and not details.get("rank"):
        details["rank"] = rank
    if honorific and not details.get("honorific"):
        details["honorific"] = honorific
    if title and not details.get("title"):
        details["title"] = title
        organization = _organization_of_title(article, title, index)
        if organization:
            details["organization"] = organization.name
            if organization.match:
                details["organization_match"] = organization.match
    article.mention(entity, index)


# ---------------------------------------------------------------------------
# Countries


def find_country_mentions(article):
    """Every country named, by name or demonym, once, with its first sentence."""
    seen = {}
    for index, sentence in enumerate(article.sentences):
        for code, _, _, _ in find_countries(sentence.text):
            seen.setdefault(code, index)
    return seen


# ---------------------------------------------------------------------------
# Events, agreements, programmes


def _event_kind(text):
    for pattern, kind in EVENT_WORDS:
        if regex.search(r"\b(?:" + pattern + r")\b", text, regex.I):
            return kind
    return None


PLACE = regex.compile(
    r"\b(?:in|to|at|visited|visit)\s+(?:the\s+)?(?P<place>[\p{Lu}][^,.;()]{1,60}?)"
    r"(?=\s+(?:on|in|from|to|for|at|and|with|during)\b|[,.;()]|$)(?:,\s*(?P<country>[^,.;()]{3,40}))?"
)


def _place(article, text):
    """(city, country) an event sentence gives: "in Almaty, Kazakhstan", "visited
    Baku", "to the Republic of Azerbaijan"."""
    for match in PLACE.finditer(text):
        place = match.group("place").strip()
        first = place.split()[0]
        if first in FUNCTION_WORDS or first in MONTH_WORDS or regex.match(r"\d", place):
            continue
        if any(w in NOT_NAME_WORDS - {"City"} for w in place.split()):
            continue  # "Assistance in Customs Matters": no place
        found = find_countries(place)
        if found and found[0][1] == 0 and found[0][2] == len(place):
            return "", found[0][0]
        if len(place.split()) > 3 or not regex.fullmatch(r"[\p{Lu}][\p{L}\-–’' ]+", place):
            continue
        if article.find("organization", place) or _is_acronym(first):
            continue
        if _classify(place) or place.split()[-1] in ORG_HEADS | PROGRAMME_HEADS.keys():
            continue
        country_text = match.group("country") or ""
        code = country_of(country_text) if country_text else None
        return place, code or country_of_city(place)
    return "", None


def _country_spellings(code):
    from cooperation.ingest.places import country_names

    return [name for name, c in country_names().items() if c == code]


# What an event of kind "other" is, by the words its sentence dates it with.
OTHER_EVENT_LABELS = [
    (
        r"(?:in|into)\s+(?:force|effect)|(?:take|takes|took|taken)\s+effect|became\s+effective",
        "Entry into force",
    ),
    (r"completed|completion|installed", "Completion"),
    (
        r"launch\w*|go(?:es)?\s+live|went\s+live|gone\s+live|(?:became|become|becomes)\s+"
        r"operational",
        "Launch",
    ),
    (r"open(?:ed|ing)", "Opening"),
    (r"pilot\w*", "Pilot"),
    (r"operations?", "Operation"),
    (r"seiz\w+", "Seizure"),
    (r"established|set up|created|founded|formed", "Establishment"),
    (r"adopted|approved|endorsed", "Adoption"),
    (r"joined|acceded|accession|connected", "Accession"),
    (BY_DEADLINE, "Deadline"),
    (r"introduc\w+", "Introduction"),
    (
        r"started|began|begins?|starts?|(?:since|from)\s+(?:19|20)\d\d(?!\s*(?:to\b|and\b|[-–/]))|"
        + STARTING_FROM,
        "Start",
    ),
    (r"(?:planned|scheduled)\s+for", "Planned"),
]


def _event_label(kind, text=""):
    """ "Meeting", "Study visit"; for an event of kind other, what the sentence
    says happened ("Entry into force", "Launch"), else "Event"."""
    if kind != "other":
        return dict(EVENT_KIND_LABELS).get(kind, kind)
    # The first the sentence names: "the joint operation, which began ... and was
    # opened by the director" is an operation.
    found = [
        (match.start(), label)
        for pattern, label in OTHER_EVENT_LABELS
        if (match := regex.search(r"\b(?:" + pattern + r")\b", text, regex.I))
    ]
    return min(found)[1] if found else "Event"


def _event_title(kind, organizations, city, start, end, named, text=""):

    if named:
        return named
    label = _event_label(kind, text) if kind in dict(EVENT_KIND_LABELS) or kind == "other" else kind
    parts = [label]
    if organizations:
        parts.append(" – ".join(o.acronym or o.name for o in organizations[:3]))
    if city:
        parts.append(f"in {city}")
    when = display_range(start, end)
    return " ".join(parts) + (f", {when}" if when else "")


EVENT_KIND_LABELS = [
    ("exchange-visit", "Exchange visit"),
    ("study-visit", "Study visit"),
    ("visit", "Visit"),
    ("meeting", "Meeting"),
    ("workshop", "Workshop"),
    ("seminar", "Seminar"),
    ("training", "Training"),
    ("conference", "Conference"),
    ("session", "Session"),
    ("mission", "Mission"),
    ("ceremony", "Ceremony"),
    ("election", "Election"),
]


def _named_event(text):
    for match in CAPSEQ.finditer(text):
        phrase, _ = _strip_phrase(match.group(0))
        if phrase and (_classify(phrase) or "").startswith("event:"):
            return phrase, _classify(phrase).split(":")[1]
    return None, None


def _dateline(article):
    """A line giving a place and a period at the top of the article ("Baku,
    Azerbaijan, 14-18 November 2011"): the dates and place of the event it reports."""
    for index, sentence in enumerate(article.sentences[:8]):
        dates = find_dates(sentence.text, reference=article.published)
        if len(dates) == 1 and dates[0].is_range and len(sentence.text.split()) <= 8:
            place = sentence.text[: dates[0].begin].strip(" ,")
            parts = [p.strip() for p in place.split(",") if p.strip()]
            city = parts[0] if parts and not country_of(parts[0]) else ""
            country = country_of(place) or (country_of_city(city) if city else None)
            return index, dates[0], city, country
    return None, None, "", None


PLACE_WORDS = r"[\p{Lu}][\p{L}\p{M}\-’' .]*"
DATELINE_PLACE = regex.compile(PLACE_WORDS + r"(?:,\s*" + PLACE_WORDS + r")*,\s*")


def _fact_dates(article, text):
    """The dates a sentence gives, less the dateline that opens a news item
    ("Muscat, October 2, 2024 — Twenty officers ..."): that is when it was
    written, not when what it reports happened."""
    dates = find_dates(text, reference=article.published)
    if (
        dates
        and DATELINE_PLACE.fullmatch(text[: dates[0].begin])
        and regex.match(r"\s*(?:\([^)]{1,40}\)\s*)?[—–-]\s", text[dates[0].stop :])
    ):
        return dates[1:]
    return dates


FOUNDED_IN = regex.compile(
    r"\b(?:established|created|founded|formed|set\s+up|introduced|in\s+operation|operating|"
    r"been\s+(?:operated|applied|running|in\s+use))\s+(?:(?:\w+\s+){0,2}?)(?:in|since)\s+$",
    regex.I,  # "Established in 1966, it is owned by 69 members"
)


def _event_dates(article, text):
    """Dates that can date an event: days and months, or a lone year where the
    sentence introduces an event ("received a diagnostic mission ... in 2007") or
    announces one ("the next meeting ... in 2023")."""
    dates = _fact_dates(article, text)
    precise = [d for d in dates if d.start.precision != "year"]
    years = [d for d in dates if d.start.precision == "year" and not d.is_range]
    if regex.search(r"\b(?:carried out|took place|(?:was|were) held|launched|opened)\b", text):
        # "a diagnostic that the WCO carried out in 2022": what happened that year.
        return sorted(precise + years, key=lambda d: d.begin)
    # "the ROCB, established in 2006": the year something began; "by the end of
    # 2027": the year a step is due.
    founded = [
        d
        for d in years
        if FOUNDED_IN.search(text[: d.begin])
        or regex.search(r"\bby\s+the\s+end\s+of\s+$", text[: d.begin])
        # "Canada has supported the Container Control Programme since 2010"
        or (
            regex.search(r"\bsince\s+$", text[: d.begin])
            and regex.search(r"\b(?:has|have)\s+(?:been\s+)?\w+(?:ed|en|un|wn)\b", text[: d.begin])
        )
    ]
    if founded:
        return sorted(precise + founded, key=lambda d: d.begin)
    if precise:
        return precise
    if regex.search(
        r"\bwill\b|\bnext\b|\b(?:a|an)\s+(?:\w+\s+)?(?:mission|visit|meeting)|"
        r"\b(?:agreed|decided|plan(?:s|ned)?)\s+(?:to|a|an)\b|\b(?:is|are)\s+(?:planned|scheduled|expected)\b|"
        r"\bdue\s+(?:to|by|in)\b",
        text,
    ):
        return [d for d in dates if not d.is_range]
    return []


STEP_BEFORE = regex.compile(r"\b" + STEP_PREFIX + "$", regex.I)


def _kind_of_step(kind, text, date):
    """An event's kind, unless its date is when a step starts ("24 hours a day from
    1 April 2026") or when something was founded ("the ROCB, established in
    2006"), though the sentence also names a meeting or a workshop."""
    if date.is_range:
        return kind
    before = text[: date.begin]
    if STEP_BEFORE.search(before) or (date.start.precision == "year" and FOUNDED_IN.search(before)):
        return "other"
    return kind


def find_events(article):
    events = []
    dateline_index, dateline, dateline_city, dateline_country = _dateline(article)
    for index, sentence in enumerate(article.sentences):
        text = sentence.text
        kind = _event_kind(text)
        named, named_kind = _named_event(text)
        kind = named_kind if named_kind and kind in (None, "meeting") else kind
        if kind is None or index == dateline_index:
            continue
        # Every date the sentence gives is a fact of its own ("started in
        # November 2024 under a contract signed on 14 October 2024"), dated
        # where the other facts of the sentence are not.
        periods = {(p.start, p.end) for p in article.mentioned_in(index, "programme") if p.start}
        dates = [d for d in _event_dates(article, text) if (d.start, d.end) not in periods]
        for number, date in enumerate(dates):
            events.append(
                _make_event(
                    article,
                    index,
                    _kind_of_step(kind, text, date),
                    date.start,
                    date.end,
                    named if not number else None,
                )
            )
    if dateline is not None and not any(e.start == dateline.start for e in events):
        # The event the dateline dates is the first one the text names in the
        # same year, or without a year of its own.
        for index, sentence in enumerate(article.sentences):
            kind = _event_kind(sentence.text)
            years = {d.start.year for d in find_dates(sentence.text)}
            if kind and index != dateline_index and years <= {dateline.start.year}:
                event = _make_event(article, index, kind, dateline.start, dateline.end, None)
                event.details["city"] = event.details["city"] or dateline_city
                event.country = event.country or dateline_country
                event.name = _event_title(
                    kind,
                    [],
                    event.details["city"],
                    dateline.start,
                    dateline.end,
                    None,
                    sentence.text,
                )
                events.append(event)
                break
    if not events:
        # An undated visit ("a delegation from CHRDI visited Baku") is still an event.
        for index, sentence in enumerate(article.sentences):
            if regex.search(
                r"\bdelegation\b.*\bvisited\b|\bpaid (?:a|an) \w* ?visit", sentence.text
            ):
                events.append(_make_event(article, index, "visit", None, None, None))
                break
    events = _merge_events(events)
    _complete_events(article, events)
    for event in events:
        host = article.find("organization", event.details["host"] or "")
        if host and not _named_event(event.passage)[0]:
            label = _event_label(event.details["kind"], event.passage)
            event.name = _event_title(
                f"{label} hosted by {host.acronym or host.name}",
                [],
                event.details["city"],
                event.start,
                event.end,
                None,
            )
    return events


def _roles(article, index, organizations):
    """Host and organizer among the bodies a sentence names."""
    text = article.sentences[index].text
    host = organizer = None
    for organization in organizations:
        names = "|".join(regex.escape(n) for n in organization.names())
        if regex.search(
            r"(?:hosted|welcomed[^.]*delegation)\s+by\s+(?:the\s+)?(?:" + names + ")", text
        ) or regex.search(r"(?:" + names + r")\)?\s+hosted", text):
            host = organization
        if regex.search(r"organi[sz]ed\s+by\s+(?:the\s+)?(?:" + names + ")", text) or regex.search(
            r"(?:" + names + r")\)?\s+organi[sz]ed", text
        ):
            organizer = organization
    return host, organizer


def _make_event(article, index, kind, start, end, named):
    text = article.sentences[index].text
    city, country = _place(article, text)
    organizations = article.mentioned_in(index, "organization")
    people = article.mentioned_in(index, "person")
    host, organizer = _roles(article, index, organizations)
    title = _event_title(kind, organizations, city, start, end, named, text)
    details = {
        "kind": kind,
        "city": city,
        "host": host.name if host else None,
        "organizer": organizer.name if organizer else None,
        "organizations": [o.name for o in organizations],
        "people": [p.name for p in people],
        "sentence_index": index,
    }
    return Finding("event", title, text, country=country, start=start, end=end, details=details)


def _complete_events(article, events):
    """Sentences about "the visit" or "the workshop" without dates of their own
    add the host, place and participants of the event they continue."""
    dated = [e for e in events if e.start]
    for index, sentence in enumerate(article.sentences):
        text = sentence.text
        if _event_dates(article, text):
            continue
        earlier = [e for e in dated if e.details["sentence_index"] <= index]
        if not earlier:
            continue
        event = earlier[-1]
        if not regex.search(
            r"\bthe\s+(?:\w+\s+)?(?:visit|workshop|seminar|meeting|training|course|session|conference|event)\b",
            text,
            regex.I,
        ):
            continue
        organizations = article.mentioned_in(index, "organization")
        host, organizer = _roles(article, index, organizations)
        if host and not event.details["host"]:
            event.details["host"] = host.name
        if organizer and not event.details["organizer"]:
            event.details["organizer"] = organizer.name
        for organization in organizations:
            if organization.name not in event.details["organizations"]:
                event.details["organizations"].append(organization.name)
        if not event.details["city"] and not event.country:
            city, country = _place(article, text)
            event.details["city"], event.country = city, country


def _merge_events(events):
    """One event per period: later sentences about it add place and participants."""
    merged = []
    for event in events:
        same = next(
            (m for m in merged if m.start == event.start and m.end == event.end and m.start),
            None,
        )
        if same is None:
            merged.append(event)
            continue
        for name in event.details["organizations"]:
            if name not in same.details["organizations"]:
                same.details["organizations"].append(name)
        if not same.details["city"] and event.details["city"]:
            same.details["city"] = event.details["city"]
            same.country = same.country or event.country
        same.details["host"] = same.details["host"] or event.details["host"]
    return merged


def _agreement_kind(text):
    for pattern, kind in AGREEMENT_WORDS:
        found = regex.search(r"\b(?:" + pattern + r")s?\b", text, regex.I)
        if found:
            return kind, found
    return None, None


# What stands between a plan's name and the period it covers: more of its name.
PLAN_TITLE = regex.compile(
    r"(?:\s+[\p{L}\-]+){0,14}?"
    r"(?:\s+(?:for\s+)?(?:the\s+)?period(?:\s+from)?)?\s*(?:\(|for\s+|from\s+)?"
)


def find_agreements(article, events):
    agreements = []
    for index, sentence in enumerate(article.sentences):
        text = sentence.text
        kind, keyword = _agreement_kind(text)
        listed = LISTED_AGREEMENT.match(text)
        if listed and not find_dates(listed.group("when"), reference=article.published):
            listed = None
        if kind is None:
            continue
        # A period ("an action plan for 2024-2025", "the Roadmap for the Free
        # Circulation of Goods 2026–2029", "a Joint Action Plan for the period July
        # 2026 to December 2027") is what it covers, not when it was signed: it
        # ends the agreement and names it.
        period = next(
            (
                d
                for d in _fact_dates(article, text)
                if d.is_range
                and d.begin >= keyword.end()
                and PLAN_TITLE.fullmatch(text[keyword.end() : d.begin])
            ),
            None,
        )
        if not (AGREEMENT_CUES.search(text) or listed or period):
            continue
        if keyword.group(0).endswith("s") and not _fact_dates(article, text):
            continue  # "Agreements signed": a heading, not one agreement
        dates = [d for d in _fact_dates(article, text) if not d.is_range]
        start = dates[0].start if dates else None
        if start is None:
            # "At the end of the visit, a protocol was signed": the date of the
            # last dated event before this sentence.
            earlier = [
                e
                for e in events
                if e.details["sentence_index"] <= index
                and (e.end or e.start)
                and e.details["kind"] != "other"
            ]
            if earlier and regex.search(r"\bsign", text, regex.I):
                start = earlier[-1].end or earlier[-1].start
        parties = [o.name for o in article.mentioned_in(index, "organization")]
        countries = []
        between = regex.search(r"\bbetween\s+(.+?)(?:[,.;]|$)", text[keyword.start() :])
        if between:
            countries = sorted({code for code, *_ in find_countries(between.group(1))})
        if not parties and not countries:
            earlier = [e for e in events if e.details["sentence_index"] <= index]
            if earlier:
                parties = list(earlier[-1].details["organizations"])
        subject = regex.search(
            r"\b(?:on|for|reflecting|concerning|regarding)\s+(?:the\s+)?([^,;]+?)"
            r"(?:\s+(?:was|were|is|at|between|by|signed|concluded|adopted|agreed)\b|[,;.]|$)",
            text[keyword.end() :],
        )
        label = dict(AGREEMENT_KIND_LABELS)[kind]
        names = parties or [_country_label(c) for c in countries]
        title = label
        if period:
            title += " " + display_range(period.start, period.end)
        about = subject.group(1) if subject else ""
        if period:
            # The period is in the title already: "for the period July 2026 to ...".
            about = regex.sub(
                r"\s*(?:\b(?:for|from)\s+)?(?:the\s+)?(?:period\b.*|\S*\d{4}.*)$", "", about
            )
        if about:
            title += f" on {about}"
        if names:
            title += " between " + " and ".join(_short(article, n) for n in names[:4])
        agreements.append(
            Finding(
                "agreement",
                title[:300],
                text,
                start=start,
                end=period.end if period else None,
                details={
                    "kind": kind,
                    "parties": parties,
                    "countries": countries,
                    "status": "signed" if regex.search(r"\bsign", text, regex.I) else "unknown",
                },
            )
        )
    # An undated mention (the headline) of a kind the text dates is the same agreement.
    dated_kinds = {a.details["kind"] for a in agreements if a.start}
    agreements = [a for a in agreements if a.start or a.details["kind"] not in dated_kinds]
    return _dedupe(agreements, key=lambda a: (a.details["kind"], a.start))


AGREEMENT_KIND_LABELS = [
    ("mou", "Memorandum of understanding"),
    ("protocol", "Protocol"),
    ("action-plan", "Action plan"),
    ("agreement", "Agreement"),
    ("other", "Arrangement"),
]


def _country_label(code):
    from django_countries import countries

    return countries.name(code)


def _short(article, name):
    entity = article.find("organization", name)
    return entity.acronym if entity and entity.acronym else name


def _dedupe(findings, *, key):
    seen, result = set(), []
    for finding in findings:
        if key(finding) in seen:
            continue
        seen.add(key(finding))
        result.append(finding)
    return result


QUOTED_PROJECT = regex.compile(
    r"(?:(?P<funder>[\p{Lu}][\p{L}\d]+)-funded\s+)?"
    r"(?:(?P<kind1>project|programme|program|initiative)(?:\s+(?:titled|entitled|called)\s+|,\s+|\s+))?"
    r"[“\"](?P<name>[^”\"]{3,150})[”\"]"
    r"(?:\s+(?P<kind2>project|programme|program|initiative))?"
    r"(?:\s*\((?P<years>[^)]*\d{4}[^)]*)\))?",
    regex.I,
)


def find_quoted_programmes(article):
    """“Enhancing ICT Capacity for Customs in Azerbaijan” project (2022–2024);
    a four-year project, “Customs Laboratories for Safe Trade in Central Asia”."""
    for index, sentence in enumerate(article.sentences):
        for match in QUOTED_PROJECT.finditer(sentence.text):
            kind = match.group("kind1") or match.group("kind2")
            if not kind:
                continue
            entity = article.add("programme", match.group("name").strip(), sentence)
            entity.details.setdefault(
                "kind", "project" if kind.lower() == "project" else "programme"
            )
            article.mention(entity, index)
            if match.group("years"):
                dates = find_dates(match.group("years"))
                if dates:
                    entity.start, entity.end = dates[0].start, dates[0].end
            funders = entity.details.setdefault("funders", [])
            if match.group("funder"):
                funder = article.find("organization", match.group("funder"))
                if funder is None:
                    known = article.known.exact("organization", match.group("funder"))
                    funder = article.add(
                        "organization",
                        known.name if known else match.group("funder"),
                        sentence,
                        acronym=match.group("funder") if match.group("funder").isupper() else "",
                    )
                    article.mention(funder, index)
                funders.append(funder.name)
            else:
                before = sentence.text[: match.start()]
                funder_phrase = regex.search(
                    r"(" + CAPSEQ.pattern + r")\s+" + WORD + r"?\s*$", before
                )
                if funder_phrase:
                    funder = article.find("organization", _strip_phrase(funder_phrase.group(1))[0])
                    if funder is None:
                        trimmed = _trim_to_head(_strip_phrase(funder_phrase.group(1))[0] + " x")
                        funder = trimmed and article.find("organization", trimmed)
                    if funder:
                        funders.append(funder.name)


RUNS_FROM = regex.compile(
    r"^The\s+(?P<noun>project|programme|program|initiative)\b[^;]*?\b(?:will\s+run|runs|ran|is\s+to\s+run|"
    r"(?:to\s+be\s+|will\s+be\s+|is\s+|was\s+)?(?:implemented|executed)|(?:will\s+)?last)"
    r"\s+(?:from\s+)?(?P<period>[^.;]+)"
)


# A project's life as donors report it: "became effective on 2 October 2023",
# "The closing date is 31 December 2028".
EFFECTIVE = regex.compile(
    r"\b(?P<noun>project|programme|program|grant|credit|loan)\b[^.;]*?\b(?:became|becomes|"
    r"will\s+become)\s+effective\s+(?:on|in|from)\s+(?P<date>[^.;,]+)",
    regex.I,
)
CLOSES = regex.compile(
    r"\b(?:(?P<noun>project|programme|program)\s+(?:will\s+close|closes|is\s+to\s+close)|"
    r"closing\s+date\s+(?:is|was|will\s+be|has\s+been\s+extended\s+to))\s+(?:on\s+|in\s+)?"
    r"(?P<date>[^.;,]+)",
    regex.I,
)


def _programme_referred_to(article, index, noun):
    """The programme "the project" or "the programme" refers to: of that kind if
    one is named up to this sentence, the latest named otherwise."""
    earlier = [
        (e.details.get("kind") == noun, i, order, e)
        for order, (e, i) in enumerate(article.mentions)
        if e.kind == "programme" and i <= index
    ]
    return max(earlier, key=lambda found: found[:3])[3] if earlier else None


FICHE_FIELD = regex.compile(
    r"^(?P<field>(?:Project\s+)?Title|Name|(?:Implementation\s+)?(?:Duration|Period))\s*:\s*(?P<value>.+)$",
    regex.I,
)


def find_project_fiche(article):
    """A project's fact box, as donors and EU delegations print it: "Title:
    Strengthening Risk Management ..." names the project, "Duration: 24 months,
    November 2023 – October 2025" gives its period."""
    project = None
    for index, sentence in enumerate(article.sentences[:20]):
        field = FICHE_FIELD.match(sentence.text)
        if not field:
            continue
        name, value = field.group("field").lower(), field.group("value").strip()
        if name.endswith(("title", "name")):
            earlier = " ".join(s.text for s in article.sentences[max(0, index - 3) : index])
            if regex.search(r"\b(?:project|programme|program|twinning)\b", earlier, regex.I):
                project = article.add("programme", value.rstrip("."), sentence)
                project.details.setdefault("kind", "project")
                article.mention(project, index)
        elif project is not None and not project.start:
            periods = [d for d in find_dates(value, reference=article.published) if d.is_range]
            if periods:
                project.start, project.end = periods[0].start, periods[0].end


def complete_programmes(article):
    """Years, funders and parents that sentences give about named programmes."""
    for index, sentence in enumerate(article.sentences):
        text = sentence.text
        for pattern, end in ((EFFECTIVE, False), (CLOSES, True)):
            said = pattern.search(text)
            dates = said and find_dates(said.group("date"), reference=article.published)
            if not dates or dates[0].is_range:
                continue
            noun = (said.group("noun") or "project").lower()
            programme = _programme_referred_to(article, index, noun)
            if programme is None:
                continue
            if (
                end
                and not programme.end
                and (not programme.start or programme.start <= dates[0].start)
            ):
                programme.end = dates[0].start
            elif (
                not end
                and not programme.start
                and (not programme.end or dates[0].start <= programme.end)
            ):
                programme.start = dates[0].start
        # "The project ... will run from February 2025 to January 2029": the
        # period of the programme last named.
        runs = RUNS_FROM.search(text)
        programme = runs and _programme_referred_to(article, index, runs.group("noun").lower())
        if programme:
            periods = [d for d in find_dates(runs.group("period")) if d.is_range]
            if periods and not programme.start:
                programme.start, programme.end = periods[0].start, periods[0].end
        named = article.mentioned_in(index, "programme")
        if len(named) == 1 and not named[0].start and _event_kind(text) in (None, "other"):
            # One programme and one period in its sentence: its years ("The
            # Project for ... will run from October 2024 to September 2027"),
            # unless the sentence is about a gathering the programme supports.
            periods = [d for d in _fact_dates(article, text) if d.is_range]
            if len(periods) == 1:
                named[0].start, named[0].end = periods[0].start, periods[0].end
        for entity in named:
            names = "|".join(regex.escape(n) for n in entity.names())
            established = regex.search(
                r"(?:" + names + r")\)?\s+(?:was|were|has been)\s+(?:established|launched|"
                r"founded|set up|created|started)\s+in\s+((?:19|20)\d\d)",
                text,
            )
            if established and not entity.start:
                entity.start = PartialDate(int(established.group(1)))
            period = regex.search(
                r"(?:"
                + names
                + r")\)?(?:\s+\w+){0,3}?\s+(?:for|in)\s+((?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d)",
                text,
            ) or regex.search(
                # "the Support Project, which runs from 2024 to 2027", "the Project for
                # ..., implemented from 2024 to 2027", "(PROSEPORT), which the European
                # Union finances from 2024 to 2028"
                r"(?:"
                + names
                + r")\)?(?:\s+(?:in|at|of)\s+[\p{Lu}][\p{L}\-]*)?,?\s+(?:which\s+|that\s+)?"
                r"(?:the\s+[\p{Lu}][\p{L}\-]*(?:\s+[\p{Lu}][\p{L}\-]*){0,3}\s+)?"
                r"(?:(?:is|was|will|be|being|to)\s+)*(?:runs?|ran|implemented|executed|finances|"
                r"funds|financed|funded)\s+(?:from\s+)?([^,;.]{4,40}(?:19|20)\d\d)\b",
                text,
            )
            if period and not entity.start:
                dates = find_dates(period.group(1))
                if dates:
                    entity.start, entity.end = dates[0].start, dates[0].end
            funded = regex.search(
                r"(?:" + names + r")\)?\s+(?:is|was|are|were)\s+funded\s+by\s+(.+)", text
            )
            if funded:
                funders = entity.details.setdefault("funders", [])
                for other in article.mentioned_in(index, "organization") + article.mentioned_in(
                    index, "programme"
                ):
                    if other is not entity and any(n in funded.group(1) for n in other.names()):
                        if other.name not in funders:
                            funders.append(other.name)
            within = regex.search(
                r"(?:" + names + r")\)?[^.]*?\b(?:under|within|part of)\s+the\s+(.+)", text
            )
            if within:
                for other in article.mentioned_in(index, "programme"):
                    if other is not entity and any(n in within.group(1) for n in other.names()):
                        entity.details.setdefault("parent", other.name)


# ---------------------------------------------------------------------------
# Partnerships: "has worked with the X since 2009"

PARTNERSHIP_CUES = regex.compile(
    r"\b(?:co-?operat\w*|partner\w*|twinn\w*|relations?|ties|"
    r"work(?:s|ed|ing)?\s+(?:together|closely|jointly|with)|support(?:s|ed|ing)?|assist\w*)\b",
    regex.I,
)
SINCE = regex.compile(
    r"\b(?:since|ever since)\s+(?:the\s+)?(?:(?:early|late|mid|end\s+of)\W+)?$", regex.I
)
TRAINING_CUES = regex.compile(r"\b(?:train\w*|course\w*|academ\w*|school|educat\w*)\b", regex.I)


CLAUSE_OPENING = regex.compile(r"(?:;|,\s+(?:which|who|and|while)\b|\s+and\s+(?=has|have|had)\b)")


def _clause(text, at):
    """The clause a date at ``at`` belongs to: from the last clause opening
    before it, or, for a sentence that opens with the date ("Since 2016 we ..."),
    to the next comma. Also says whether it opens with "which" or "who", whose
    antecedent is named just before."""
    openings = [m for m in CLAUSE_OPENING.finditer(text, 0, at)]
    if openings:
        opening = openings[-1]
        relative = regex.match(r",\s+(?:which|who)\b", opening.group(0)) is not None
        return opening.start(), at, relative
    if not text[:at].strip(" ,").split() or len(text[:at].split()) <= 2:
        stop = text.find(",", at)
        return 0, stop if stop >= 0 else len(text), False
    return 0, at, False


def _entities_within(article, index, text, begin, stop):
    """The organizations and programmes a span of the sentence names, in order."""
    found = []
    for entity in article.mentioned_in(index):
        if entity.kind not in ("organization", "programme"):
            continue
        for name in entity.names():
            at = text.find(name, begin, stop)
            if at >= 0:
                found.append((at, entity))
                break
    return [e for _, e in sorted(found, key=lambda pair: pair[0])]


def _antecedent(article, index, text, before):
    """The organization or programme named just before ", which" at ``before``."""
    named = _entities_within(article, index, text, 0, before)
    for entity in reversed(named):
        if any(regex.search(regex.escape(n) + r"\)?\s*$", text[:before]) for n in entity.names()):
            return entity
    return None


def _nested(a, b):
    """One names a part of the other ("Regional Training Centre of the WCO", "WCO")."""
    return any(
        regex.search(r"\b" + regex.escape(n) + r"$", m)
        for part, whole in ((a, b), (b, a))
        for n in part.names()
        for m in whole.names()
    )


# "the two administrations have been working together since 1988": the two
# bodies the article is about.
THE_TWO = regex.compile(
    r"\b(?:the\s+two|both(?:\s+the)?)\s+(?:customs\s+|revenue\s+|tax\s+)?"
    r"(?:administrations|services|authorities|agencies|departments|institutions|customs)\b",
    regex.I,
)


def _principal_pair(article):
    """The two organizations the article names in the most sentences, of two
    countries where it gives them, neither part of the other."""
    sentences = {}
    for entity, index in article.mentions:
        if entity.kind == "organization":
            sentences.setdefault(id(entity), (entity, set()))[1].add(index)
    ranked = sorted(sentences.values(), key=lambda pair: (-len(pair[1]), min(pair[1])))
    for position, (first, _) in enumerate(ranked):
        for second, _ in ranked[position + 1 :]:
            if first.country and first.country == second.country:
                continue
            if not _nested(first, second):
                return [first, second]
        break
    return []


def find_partnerships(article):
    """Partnerships a sentence dates: two organizations a clause names, and since
    when ("has worked with the X since 2009") or from when to when ("five years of
    partnership between A and B, from 2020 to 2024") they have worked together.
    A "since" said of one programme ("KOICA, which has financed the Project ...
    since 2022") is the programme's start, where it has none yet."""
    partnerships = []
    for index, sentence in enumerate(article.sentences):
        text = sentence.text
        for mention in _fact_dates(article, text):
            since = SINCE.search(text[: mention.begin])
            if since and regex.search(r"\b(?:in\s+force|effective)\s+$", text[: since.start()]):
                continue  # "in force since 1 June 2015": the agreement's, not a partnership
            if since:
                period = (mention.start, None)
                begin, stop, relative = _clause(text, since.start())
                named = _entities_within(article, index, text, begin, max(stop, mention.stop))
                if relative:
                    antecedent = _antecedent(article, index, text, begin)
                    named = ([antecedent] if antecedent else []) + named
            elif mention.is_range and mention.start.precision == "year":
                if not PARTNERSHIP_CUES.search(text):
                    continue
                period = (mention.start, mention.end)
                named = _entities_within(article, index, text, 0, len(text))
                if any(e.kind == "programme" and (e.start, e.end) == period for e in named):
                    continue  # the years of a programme it names: "project (2023-2025)"
            else:
                continue
            # Not a framework something is done under: "recognised under the WCO
            # PICARD Programme since 2016" dates the recognition, not PICARD.
            programmes = [
                e
                for e in named
                if e.kind == "programme"
                and not any(
                    regex.search(
                        r"\b(?:under|within|in)\s+(?:the\s+)?(?:\w+\s+)?$", text[: text.find(n)]
                    )
                    for n in e.names()
                    if text.find(n) >= 0
                )
            ]
            organizations = [e for e in named if e.kind == "organization"]
            if (
                since
                and len(organizations) < 2
                and THE_TWO.search(text, begin, mention.begin)
                and PARTNERSHIP_CUES.search(text)
            ):
                organizations = _principal_pair(article)
            if since and programmes:
                if not programmes[-1].start:
                    programmes[-1].start = period[0]
                continue
            if len(organizations) < 2 or _nested(*organizations[:2]):
                continue
            if not since and not PARTNERSHIP_CUES.search(text):
                continue
            a, b = organizations[:2]
            kind = "training" if TRAINING_CUES.search(text) else "institutional"
            partnerships.append(
                Finding(
                    "partnership",
                    f"{_short(article, a.name)} – {_short(article, b.name)}",
                    text,
                    start=period[0],
                    end=period[1],
                    details={"organizations": [a.name, b.name], "kind": kind},
                )
            )
    return _dedupe(
        partnerships,
        key=lambda p: (frozenset(p.details["organizations"]), p.start, p.end),
    )


# ---------------------------------------------------------------------------
# Putting it together


def extract(text, *, published=None, known=None):
    """The proposals an article gives, as ``Finding`` objects, in the order
    organizations, people, countries, programmes, events, agreements.

    ``published`` (a PartialDate) gives the year of dates written without one;
    ``known`` (a ``KnownRecords``) the records to match; without it nothing is
    matched, as in an empty knowledge base.
    """
    known = known or KnownRecords.empty()
    article = Article(text, published=published, known=known)
    find_known(article)
    find_organizations_and_programmes(article)
    find_international_bodies(article)
    find_listed_names(article)
    find_names_in_brackets(article)
    find_lowercase_bodies(article)
    find_quoted_programmes(article)
    find_project_fiche(article)
    find_people(article)
    find_byline(article)
    find_signatures(article)
    find_credits(article)
    fold_secretariats(article)
    fold_acronyms(article)
    date_positions(article)
    complete_programmes(article)
    partnerships = find_partnerships(article)
    events = find_events(article)
    agreements = find_agreements(article, events)
    # "signed on 6 December 2020 and in force since 1 July 2022": the signing is
    # the agreement's date, not a step of its own.
    signed = {(a.passage, a.start) for a in agreements if a.start} | {
        (p.passage, p.start) for p in partnerships if p.start
    }
    events = [
        e for e in events if e.details["kind"] != "other" or (e.passage, e.start) not in signed
    ]

    findings = []
    for entity in article.entities:
        if entity.kind == "organization":
            findings.append(_organization_finding(article, entity))
    for entity in article.entities:
        if entity.kind == "person":
            details = {
                k: entity.details.get(k, "") for k in ("honorific", "rank", "title", "organization")
            }
            if entity.details.get("period_passage"):
                details["period_passage"] = entity.details["period_passage"]
            if entity.details.get("organization_match"):
                details["organization_match"] = entity.details["organization_match"]
            findings.append(
                Finding(
                    "person",
                    entity.name,
                    entity.sentence.text,
                    aliases=entity.aliases,
                    start=entity.start,
                    end=entity.end,
                    match=entity.match,
                    details=details,
                )
            )
    for code, index in find_country_mentions(article).items():
        findings.append(
            Finding("country", _country_label(code), article.sentences[index].text, country=code)
        )
    for entity in article.entities:
        if entity.kind == "programme":
            match = entity.match or getattr(
                article.known.match_programme(entity.names()), "slug", None
            )
            findings.append(
                Finding(
                    "programme",
                    entity.name,
                    entity.sentence.text,
                    aliases=[a for a in [entity.acronym, *entity.aliases] if a],
                    start=entity.start,
                    end=entity.end,
                    match=match,
                    details={
                        "kind": entity.details.get("kind", "programme"),
                        "acronym": entity.acronym,
                        "funders": entity.details.get("funders", []),
                        "parent": entity.details.get("parent"),
                    },
                )
            )
    slugs = {e.name: e.match for e in article.entities if e.match}
    for event in events:
        event.details.pop("sentence_index", None)
        record = known.match_event(
            start=event.start.isoformat() if event.start else "",
            organizations=[slugs[n] for n in event.details["organizations"] if n in slugs],
        )
        event.match = record.slug if record else None
        findings.append(event)
    for agreement in agreements:
        record = known.match_agreement(
            kind=agreement.details["kind"],
            date=agreement.start.isoformat() if agreement.start else "",
        )
        agreement.match = record.slug if record else None
        findings.append(agreement)
    findings.extend(partnerships)
    return findings


def _organization_finding(article, entity):
    match = entity.match
    if match is None:
        record = article.known.match_organization(entity.names())
        if record and record.country and entity.country and record.country != entity.country:
            record = None  # "Ministry of Finance of Georgia" is not Azerbaijan's
        match = record.slug if record else None
    return Finding(
        "organization",
        entity.name,
        entity.sentence.text,
        aliases=[a for a in [entity.acronym, *entity.aliases] if a],
        country=entity.country,
        match=match,
        details={
            "acronym": entity.acronym,
            "kind": _organization_kind(entity.name),
            "parent": entity.details.get("parent"),
        },
    )


ORGANIZATION_KINDS = [
    (r"\bWorld Customs Organi[sz]ation$", "international"),
    (r"\b(?:Academy|Institute|Training|College|School)\b", "training"),
    (r"\bUniversity\b", "university"),
    (r"\bRegional Office\b", "regional-office"),
    (r"^[^,]*\b(?:Department|Division|Unit)$", "unit"),
    (
        r"\b(?:Customs|Revenue)\b.*\b(?:Service|Committee|Administration|Directorate|Agency)\b",
        "customs",
    ),
    (
        r"\b(?:Directorate|Department|Division|Unit|Centre|Center)\b.*\bCustoms\b|\bCustoms\b",
        "customs",
    ),
    (r"\b(?:Cooperation Agency|Development|Bank)\b", "donor"),
    (r"\b(?:Police|Drug|Narcotics|Coordination Centre|Information)\b", "law-enforcement"),
    (r"\b(?:Ministry|Government|Department of State)\b", "government"),
    (r"\b(?:Organization|Organisation|Union|Mission|Office)\b", "international"),
]


def _organization_kind(name):
    for pattern, kind in ORGANIZATION_KINDS:
        if regex.search(pattern, name):
            return kind
    return "other"
