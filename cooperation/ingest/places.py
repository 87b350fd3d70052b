"""Countries in running text: names, other spellings, demonyms and capitals.

The names come from django-countries (ISO 3166, as the rest of the site), the
other spellings, demonyms and capitals from countryinfo. Only what neither
library gives is written here, and kept small.
"""

import functools

import regex
from countryinfo import CountryInfo
from django_countries import countries
from unidecode import unidecode

# Demonyms and short forms that articles use and neither library gives
# (countryinfo has "Kirghiz", "Tadzhik", "South Korean").
EXTRA_NAMES = {
    "Korea": "KR",
    "Korean": "KR",
    "Uzbek": "UZ",
    "Kazakh": "KZ",
    "Kyrgyz": "KG",
    "Tajik": "TJ",
    "Turkmen": "TM",
    "Azeri": "AZ",
    "Türkiye": "TR",
    "Turkiye": "TR",
    "Comorian": "KM",
    "Lao PDR": "LA",
    "U.S.": "US",
    "EU": None,
}

# Spellings that are also ordinary English words or people's names: not read as
# countries on their own.
AMBIGUOUS = {"Chad", "Jordan", "Jersey"}


def fold(text):
    """Accent- and case-insensitive form: "ÇENGEL" and "Cengel" fold alike."""
    return unidecode(text).casefold()


@functools.cache
def country_names():
    """{spelling: alpha-2} for every name, other spelling and demonym we know."""
    names = {}
    info = CountryInfo.all()
    by_code = {
        (data.get("ISO") or {}).get("alpha2"): data for data in info.values() if data.get("ISO")
    }
    demonyms = {}
    for code, name in countries:
        names[name] = code
        data = by_code.get(code)
        if not data:
            continue
        names[data["name"]] = code
        if data.get("demonym"):
            demonyms.setdefault(data["demonym"], []).append((data.get("population") or 0, code))
        for spelling in data.get("altSpellings") or []:
            # Codes ("KZ", "KAZ") would match acronyms of organizations.
            if len(spelling) > 3 and spelling.isascii() and not spelling.isupper():
                names[spelling] = code
    # A demonym several territories share ("Norwegian": Norway and Svalbard,
    # "Chinese": China, Hong Kong and Macao) names the most populous of them.
    for demonym, claims in demonyms.items():
        names.setdefault(demonym, max(claims)[1])
    # "St. Kitts and Nevis", "St Lucia": the short form of every "Saint".
    for name, code in list(names.items()):
        if name.startswith("Saint "):
            names.setdefault("St. " + name[6:], code)
            names.setdefault("St " + name[6:], code)
    for name, code in EXTRA_NAMES.items():
        if code:
            names[name] = code
        else:
            names.pop(name, None)
    for name in AMBIGUOUS:
        names.pop(name, None)
    return names


@functools.cache
def capitals():
    """{capital: alpha-2}, folded, to place a city an article does not place."""
    result = {}
    for data in CountryInfo.all().values():
        code = (data.get("ISO") or {}).get("alpha2")
        capital = data.get("capital") or []
        for name in [capital] if isinstance(capital, str) else capital:
            if code:
                result[fold(name)] = code
    result.update({"astana": "KZ", "kyiv": "UA", "chisinau": "MD"})
    return result


@functools.cache
def _pattern():
    spellings = sorted(country_names(), key=len, reverse=True)
    alternatives = "|".join(regex.escape(s) for s in spellings)
    # Case-sensitive: "Chinese" and "Georgian" are names only capitalized.
    return regex.compile(r"(?<![\p{L}\p{N}])(?:the\s+)?(" + alternatives + r")(?![\p{L}\p{N}])")


def find_countries(text):
    """[(alpha-2, begin, end, spelling)] for each country named in ``text``."""
    found = []
    for match in _pattern().finditer(text):
        spelling = match.group(1)
        found.append((country_names()[spelling], match.start(1), match.end(1), spelling))
    return found


def is_demonym(word):
    """Whether ``word`` names a country's people, not the country: "Comorian"."""
    return word in country_names() and word not in _first_words_of_names()


@functools.cache
def _first_words_of_names():
    return {name.split()[0] for _, name in countries}


def country_of(text):
    """The alpha-2 code of the first country ``text`` names, or None."""
    found = find_countries(text)
    return found[0][0] if found else None


def country_of_city(city):
    return capitals().get(fold(city))
