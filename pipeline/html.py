"""HTML reader: vbpl.vn document pages and news/article pages, without the site chrome.

A vbpl.vn page holds the official text under the element marked
``data-vbpl-content-root``; its header block is a two-column table, read like the
DOCX header table. Other pages are articles: the text is taken from ``<article>``,
``<main>``, or else the element whose paragraphs hold the most text, after
navigation, menus, footers, forms and scripts are removed. Parsing uses lxml
(already a dependency of python-docx).
"""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

import lxml.html
import regex
from charset_normalizer import from_bytes
from lxml import etree

from vanban.errors import ReadError

from .document import Table, TextDocument
from .layout import header_lines, is_header_table, split_header_table
from .normalize import normalize

# Never text: scripts, styles, embedded objects, form controls.
_DROP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "canvas",
    "button",
    "select",
    "input",
    "textarea",
    "head",
}
# Site chrome around an article.
_CHROME_TAGS = {"nav", "header", "footer", "aside", "form", "menu", "dialog"}
# Class or id words that mark chrome: "main-menu", "breadcrumb", "site-footer", "share-box".
_CHROME_NAME = regex.compile(
    r"""(?xi) (?<![a-z]) (?: nav | navbar | menu | footer | breadcrumbs? | sidebar | share | social
    | comments? | related | banner | advert | ads | cookie | popup | modal | subscribe ) (?![a-z])"""
)
_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "address",
    "hr",
    "center",
    "tr",
    "body",
    "html",
}
_SPACE_RUN = regex.compile(r"[ \t\r\n\f]+")


def _decode(data: bytes, path: Path) -> str:
    """The page as text: UTF-8 (most pages, vbpl.vn), else the declared or detected charset."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = regex.search(rb"""(?i)<meta[^>]+charset=["']?([\w-]+)""", data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is None:
        raise ReadError(str(path), "HTML in an unknown text encoding")
    return str(best)


class _Walker:
    """Block-level text from an element tree: ("p", line) and ("tbl", element) in order."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, object]] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        for line in "".join(self.buffer).split("\n"):
            line = line.strip()
            if line:
                self.blocks.append(("p", line))
        self.buffer.clear()

    def text(self, value: str | None) -> None:
        if value:
            self.buffer.append(_SPACE_RUN.sub(" ", value))

    def walk(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None or tag in _DROP_TAGS:
            return  # comments, processing instructions, scripts: their tail is read by the parent
        if tag == "table":
            self.flush()
            self.blocks.append(("tbl", element))
            return
        if tag == "br":
            self.buffer.append("\n")
            return
        block = tag in _BLOCK_TAGS or tag == "td" or tag == "th"
        if block:
            self.flush()
        self.text(element.text)
        for child in element:
            self.walk(child)
            self.text(child.tail)
        if block:
            self.flush()


def _blocks(element) -> list[tuple[str, object]]:
    walker = _Walker()
    walker.walk(element)
    walker.flush()
    return walker.blocks


def _cell_lines(cell) -> list[str]:
    lines: list[str] = []
    for kind, item in _blocks(cell):
        if kind == "p":
            lines.append(item)
        else:
            lines.extend(line for row in _table_rows(item) for c in row for line in c)
    return lines


def _table_rows(table) -> list[list[list[str]]]:
    rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
    return [[_cell_lines(cell) for cell in row.xpath("./td | ./th")] for row in rows]


def _remove(element) -> None:
    """Drop an element but keep its tail text in the tree."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _is_chrome(element) -> bool:
    if element.tag in _CHROME_TAGS:
        return True
    names = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
    return element.get("role") in ("navigation", "banner", "contentinfo") or bool(_CHROME_NAME.search(names))


def _article_root(root):
    """The element holding the article: <article>, <main>, else the one with most paragraph text."""
    for element in list(root.iter()):
        if isinstance(element.tag, str) and element.tag not in ("html", "body") and _is_chrome(element):
            _remove(element)
    for xpath in ("//article", "//main", "//*[@role='main']"):
        found = root.xpath(xpath)
        if found:
            return max(found, key=lambda e: len(e.text_content()))
    best, best_score = None, 0
    for paragraph in root.iter("p"):
        parent = paragraph.getparent()
        if parent is None or parent.find("p") is not paragraph:
            continue  # each parent is scored once, at its first paragraph (a page of 100,000 <p> stays linear)
        score = sum(len(p.text_content()) for p in parent.iterchildren("p"))
        if score > best_score:
            best, best_score = parent, score
    return best if best is not None else root.find("body") if root.find("body") is not None else root


def read(path: Path) -> TextDocument:
    """Read a saved HTML page: the vbpl.vn document body, or the article without site chrome."""
    data = path.read_bytes()
    try:
        root = lxml.html.document_fromstring(_decode(data, path))
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(str(path), f"not readable as HTML ({exc})") from None
    for element in list(root.iter(*_DROP_TAGS)):
        _remove(element)
    vbpl = root.xpath("//*[@data-vbpl-content-root]")
    content = vbpl[0] if vbpl else _article_root(root)

    parts: list[str] = []
    length = 0
    header_end = 0
    tables: list[tuple[list[list[str]], int, int]] = []

    def add(text: str) -> int:
        nonlocal length
        start = length
        parts.append(text)
        length += len(text)
        return start

    def add_table(rows: list[list[list[str]]]) -> None:
        start = add("".join(line + "\n" for row in rows for cell in row for line in cell))
        tables.append(([["\n".join(cell) for cell in row] for row in rows], start, length))

    seen_content = False
    for kind, item in _blocks(content):
        if kind == "p":
            seen_content = True
            add(item + "\n")
            continue
        rows = [row for row in _table_rows(item) if row]
        if not rows:
            continue
        if not seen_content and is_header_table(rows):
            header_rows, body_rows = split_header_table(rows)
            add("".join(line + "\n" for line in header_lines(header_rows)))
            header_end = length
            if body_rows:
                add_table(body_rows)
        else:
            add_table(rows)
        seen_content = True

    text = "".join(parts)
    if not text.strip():
        raise ReadError(str(path), "HTML page with no text")
    norm = normalize(text)

    def at(offset: int) -> int:
        return bisect_left(norm.offsets, offset)

    return TextDocument(
        text=norm.text,
        format="html",
        page_count=1,
        page_starts=[0],
        header_end=at(header_end),
        tables=[
            Table(rows=[[normalize(cell).text for cell in row] for row in rows], start=at(s), end=at(e))
            for rows, s, e in tables
        ],
        raw_offsets=norm.offsets,
    )
