"""What people call a country besides its name: demonyms ("Uzbek", "Azerbaijani")
and other names in common use ("Korea", "Turkey").

Country names themselves come from django-countries; no library we can use
carries demonyms in the forms articles use ("Uzbek", not only "Uzbekistani"),
so they are listed here, for the countries customs cooperation articles name
most: the WCO Europe region, Central Asia, the Caucasus, East Asia and the
largest donors. Add a country when an article needs it.
"""

from django_countries import countries

DEMONYMS = {
    "AF": ["Afghan"],
    "AL": ["Albanian"],
    "AM": ["Armenian"],
    "AT": ["Austrian"],
    "AZ": ["Azerbaijani", "Azeri", "Azerbaijan Republic"],
    "BA": ["Bosnian"],
    "BE": ["Belgian"],
    "BG": ["Bulgarian"],
    "BY": ["Belarusian"],
    "CA": ["Canadian"],
    "CH": ["Swiss"],
    "CN": ["Chinese"],
    "CY": ["Cypriot"],
    "CZ": ["Czech"],
    "DE": ["German"],
    "DK": ["Danish"],
    "EE": ["Estonian"],
    "ES": ["Spanish"],
    "FI": ["Finnish"],
    "FR": ["French"],
    "GB": ["British", "UK", "Britain", "Great Britain"],
    "GE": ["Georgian"],
    "GR": ["Greek"],
    "HR": ["Croatian"],
    "HU": ["Hungarian"],
    "IE": ["Irish"],
    "IL": ["Israeli"],
    "IN": ["Indian"],
    "IR": ["Iranian", "Iran"],
    "IS": ["Icelandic"],
    "IT": ["Italian"],
    "JP": ["Japanese"],
    "KG": ["Kyrgyz", "Kyrgyzstani", "Kirghiz"],
    "KR": ["Korean", "South Korean", "Korea", "Republic of Korea"],
    "KZ": ["Kazakh", "Kazakhstani"],
    "LT": ["Lithuanian"],
    "LU": ["Luxembourgish"],
    "LV": ["Latvian"],
    "MD": ["Moldovan", "Moldova"],
    "ME": ["Montenegrin"],
    "MK": ["Macedonian", "North Macedonian", "Macedonia"],
    "MN": ["Mongolian"],
    "MT": ["Maltese"],
    "NL": ["Dutch", "Netherlands", "Holland"],
    "NO": ["Norwegian"],
    "PK": ["Pakistani"],
    "PL": ["Polish"],
    "PT": ["Portuguese"],
    "RO": ["Romanian"],
    "RS": ["Serbian"],
    "RU": ["Russian", "Russian Federation"],
    "SE": ["Swedish"],
    "SI": ["Slovenian", "Slovene"],
    "SK": ["Slovak"],
    "TJ": ["Tajik", "Tajikistani"],
    "TM": ["Turkmen", "Turkmenistani"],
    "TR": ["Turkish", "Turkey"],
    "UA": ["Ukrainian"],
    "US": ["American", "USA", "United States of America", "US"],
    "UZ": ["Uzbek", "Uzbekistani"],
}


def country_names(code):
    """The country's name and its demonyms, for the search text of what is in it."""
    return [countries.name(code), *DEMONYMS.get(code, [])]
