"""Reading an article handed to the site: bytes to text, HTML to its article
text, and the title, publication date and publisher the text gives.

Everything here refuses bad input with an ``IngestError`` that says what is wrong
in words an editor understands; nothing here writes to the database.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import trafilatura

from cooperation.ingest.dates import find_dates, parse_date_line
from cooperation.partial_dates import PartialDate

MAX_BYTES = 2 * 1024 * 1024
MIN_WORDS = 20

# Tried in this order. UTF-16 only with its byte-order mark; Windows-1252 covers
# Latin-1 text as well, and its few undefined bytes make random binary fail.
ENCODINGS = ["utf-8-sig", "utf-16", "cp1252"]


class IngestError(ValueError):
    """An article that cannot be ingested, with the reason for the editor."""


@dataclass
class Article:
    text: str
    title: str
    published: PartialDate | None
    publisher: str = ""
    url: str = ""
    format: str = "text"
    title_guessed: bool = False

    @property
    def content_hash(self):
        return content_hash(self.text)


def content_hash(text):
    """The same article whatever its spacing, case or Unicode normalization."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(folded.encode()).hexdigest()


def decode(data, *, name="the file"):
    """Bytes to text in the first encoding that reads them; refuse what is not text."""
    if not data or not data.strip():
        raise IngestError(f"{name} is empty.")
    if len(data) > MAX_BYTES:
        raise IngestError(
            f"{name} is {len(data) / 1024 / 1024:.1f} MB; articles over "
            f"{MAX_BYTES // 1024 // 1024} MB are refused."
        )
    has_utf16_bom = data[:2] in (b"\xff\xfe", b"\xfe\xff")
    if b"\x00" in data[:8192] and not has_utf16_bom:
        raise IngestError(f"{name} is a binary file, not text or HTML.")
    for encoding in ENCODINGS:
        if encoding == "utf-16" and not has_utf16_bom:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise IngestError(f"{name} is a binary file, not text or HTML.")
        return text.replace("\r\n", "\n").replace("\r", "\n")
    raise IngestError(
        f"{name} is not text in UTF-8, UTF-16 or Windows-1252; save it as UTF-8 and try again."
    )


def _looks_binary(text):
    controls = sum(
        1 for char in text[:8192] if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f"
    )
    return controls > max(2, len(text[:8192]) // 100)


def is_html(text, name=""):
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def read_article(data, *, name="the file"):
    """An ``Article`` from the bytes of a text or HTML file."""
    text = decode(data, name=name)
    if is_html(text, name):
        article = _read_html(text, name=name)
    else:
        article = _read_text(text)
    if len(article.text.split()) < MIN_WORDS:
        raise IngestError(f"{name} has fewer than {MIN_WORDS} words of article text.")
    return article


def _read_html(html, *, name):
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_recall=True, deduplicate=True
    )
    if not text:
        raise IngestError(f"{name}: no article text found in this HTML page.")
    meta = trafilatura.extract_metadata(html)
    published = None
    if meta is not None and meta.date:
        try:
            published = PartialDate.parse(meta.date)
        except ValueError:
            published = None
    from_text = _read_text(text)
    return Article(
        text=text,
        title=(meta.title if meta is not None and meta.title else from_text.title)[:300],
        published=published or from_text.published,
        publisher=(meta.sitename or "") if meta is not None else "",
        url=(meta.url or "") if meta is not None else "",
        format="html",
        title_guessed=not (meta is not None and meta.title) and from_text.title_guessed,
    )


DATE_LABEL = re.compile(r"^\s*(?:date|published(?: on)?|posted(?: on)?|updated)\s*:?\s*", re.I)
SIGNATURE = re.compile(r"/{2,}\s*([^,\n]{3,80}),\s*([^\n]{4,40})$", re.M)


def _read_text(text):
    lines = [line.strip() for line in text.split("\n")]
    title, title_index = _title(lines)
    published = _publication_date(lines, title_index)
    publisher = _piped_publisher(lines, title_index)
    signature = SIGNATURE.search(text)
    if signature:
        publisher = signature.group(1).strip()
        if published is None:
            dates = find_dates(signature.group(2))
            if dates and not dates[0].is_range:
                published = dates[0].start
    title_guessed = False
    if not title:
        title, title_guessed = _first_sentence(text), True
    return Article(
        text=text,
        title=title,
        published=published,
        publisher=publisher,
        title_guessed=title_guessed,
    )


def _piped_publisher(lines, title_index):
    """The publisher a piped dateline names first: "Botswana Unified Revenue
    Service | Media Release | Gaborone, 6 March 2026"."""
    for line in lines[title_index + 1 : title_index + 4]:
        if " | " in line and _date_line(line):
            first = line.split(" | ")[0].strip()
            if 2 <= len(first) <= 120 and not find_dates(first):
                return first
    return ""


def _date_line(line):
    """The publication date if ``line`` is a dateline ("25 November 2011",
    "Chisinau, 16 February 2024", "date 2023-11-08 ..."), else None."""
    label = DATE_LABEL.match(line)
    if label:
        rest = line[label.end() :]
        dates = find_dates(rest[:40])
        if dates and dates[0].begin == 0 and not dates[0].is_range:
            return dates[0].start
    if not line:
        return None
    if " | " in line:
        # "Botswana Unified Revenue Service | Media Release | Gaborone, 6 March
        # 2026": the publisher, the section, then the place and the date.
        for piece in reversed(line.split(" | ")):
            found = _date_line(piece.strip())
            if found:
                return found
        return None
    if len(line.split()) > 12:
        return None
    dates = find_dates(line)
    if len(dates) == 1 and not dates[0].is_range and dates[0].start.precision == "day":
        rest = line[: dates[0].begin] + line[dates[0].stop :]
        if len(re.findall(r"[^\W\d_]{2,}", rest)) <= 6:
            return dates[0].start
    if len(dates) == 0:
        return parse_date_line(DATE_LABEL.sub("", line)) if re.search(r"\d", line) else None
    return None


def _publication_date(lines, title_index):
    """The first dateline after the title (a site may print today's date above
    it), else the first one before it, else a dateline opening the body
    ("Muscat, October 2, 2024 — ...")."""
    head = [(i, line) for i, line in enumerate(lines[:15]) if line]
    after = [d for i, line in head if i > title_index and (d := _date_line(line))]
    if after:
        return after[0]
    before = [d for i, line in head if i <= title_index and (d := _date_line(line))]
    if before:
        return before[0]
    for _, line in head:
        opening = re.match(r"^[^\W\d][^,—–\n]{1,40},\s*(.{6,30}?)\s*[—–-]{1,2}\s", line)
        if opening:
            dates = find_dates(opening.group(1))
            if dates and not dates[0].is_range and dates[0].start.precision == "day":
                return dates[0].start
    return None


def _title(lines):
    """The first line that reads as a headline: several words, no full stop at
    the end, not a date, not the site's navigation ("Home", "News")."""
    for index, line in enumerate(lines[:15]):
        words = line.split()
        if not 4 <= len(words) <= 25 or len(line) > 250:
            continue
        if line.endswith((".", ":")) or DATE_LABEL.match(line) or _date_line(line):
            continue
        return line, index
    return "", -1


def _first_sentence(text):
    body = DATE_LABEL.sub("", text.strip().split("\n")[0])
    body = re.sub(r"^(?:\d{4}-\d\d-\d\d)\s*", "", body)
    sentence = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]
    if len(sentence) > 120:
        sentence = sentence[:120].rsplit(" ", 1)[0] + "…"
    return sentence
