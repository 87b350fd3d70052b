"""Read a page as a user sees it: its text, its links, its form's options.

A small parser on the standard library's HTMLParser, so tests assert on what
is shown rather than on template source.
"""

import re
from html.parser import HTMLParser

INLINE = {"a", "abbr", "b", "code", "em", "i", "mark", "small", "span", "strong", "time"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Page(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.links = []  # (href, text)
        self.ids = {}  # id -> tag
        self.tags = []  # (tag, attributes), in the order they open
        self.options = {}  # select name -> [(value, text)]
        self.errors = []  # texts of elements with class "error"
        self.stack = []  # open tags, to check nesting
        self.unbalanced = []
        self._text, self._link, self._select, self._option, self._error = [], None, None, None, 0
        self.feed(html)
        self.text = " ".join("".join(self._text).split())

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag not in INLINE:
            self._text.append(" ")
        if tag not in VOID:
            self.stack.append(tag)
        if "id" in attrs:
            self.ids[attrs["id"]] = tag
        if tag == "a" and "href" in attrs:
            self._link = [attrs["href"], []]
        if tag == "select":
            self._select = attrs.get("name")
            self.options[self._select] = []
        if tag == "option" and self._select:
            self._option = [attrs.get("value", ""), []]
        if "error" in (attrs.get("class") or "").split() or self._error:
            self._error += 1 if tag not in VOID else 0
            if self._error == 1:
                self._error_text = []

    def handle_endtag(self, tag):
        if tag not in INLINE:
            self._text.append(" ")
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.unbalanced.append(tag)
        else:
            self.stack.pop()
        if tag == "a" and self._link:
            self.links.append((self._link[0], " ".join("".join(self._link[1]).split())))
            self._link = None
        if tag == "option" and self._option:
            self.options[self._select].append((self._option[0], "".join(self._option[1]).strip()))
            self._option = None
        if tag == "select":
            self._select = None
        if self._error:
            self._error -= 1
            if not self._error:
                self.errors.append(" ".join("".join(self._error_text).split()))

    def handle_data(self, data):
        self._text.append(data)
        if self._link:
            self._link[1].append(data)
        if self._option:
            self._option[1].append(data)
        if self._error:
            self._error_text.append(data)

    def hrefs(self):
        return [href for href, _ in self.links]

    def link_texts(self):
        return [text for _, text in self.links]

    def attrs(self, element_id):
        """The attributes of the element with this id."""
        return next(attrs for _, attrs in self.tags if attrs.get("id") == element_id)


def page(response):
    return Page(response.content.decode())


def squash(text):
    return re.sub(r"\s+", " ", text).strip()
