"""Signature block: authority lines (TM., KT., TL., TUQ., Q.), title, name.

The block sits beside or under ``Nơi nhận:``. Its lines are read as column
segments (a reader may print ``Nơi nhận:`` and ``KT. GIÁM ĐỐC`` on one line),
classified as authority, title, name or stamp noise, and assembled in order:
the authority lines, the first title under them, the first name under that.
"""

from __future__ import annotations

import regex

from vanban.pipeline.document import TextDocument
from vanban.pipeline.normalize import fold_diacritics
from vanban.record import Signer

from . import gazetteer as gz
from . import knowledge

_DATA = knowledge.table("signature")

# Column gaps inside one printed line (3+ spaces, tab, table bar).
_COLUMN_GAP = regex.compile(r"\s{3,}|\t|\s*\|\s*")

_PREFIXES = "|".join(regex.escape(p.rstrip(".")) for p in _DATA["authority_prefixes"])
_SLASHED = "|".join(regex.escape(p) for p in sorted(_DATA["authority_prefixes_slashed"], key=len, reverse=True))
# An authority line: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "KT.CỤC TRƯỞNG", "TL. CHỦ TỊCH", "Q. GIÁM ĐỐC",
# and the Party's "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ"
_AUTHORITY = regex.compile(rf"""(?x)^
    (?: (?:{_PREFIXES})\s*\.\s*   # "TM. ", "KT."
      | (?:{_SLASHED})\s+ )        # "T/M "
    (?=\p{{Lu}})[\p{{Lu}}\s,.&\-()\d]+$""")

_TITLES = "|".join(regex.escape(t) for t in sorted(_DATA["titles"], key=len, reverse=True))
# A title line: "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ CHÁNH VĂN PHÒNG", "GIÁM ĐỐC SỞ NỘI VỤ"
_TITLE = regex.compile(rf"(?x)^(?:PHÓ\s+|QUYỀN\s+)?(?:{_TITLES})\b[\p{{Lu}}\s,.&\-()\d]*$")

_CONTINUATIONS = "|".join(regex.escape(c) for c in sorted(_DATA["title_continuations"], key=len, reverse=True))
# The second line of a title printed over two lines: the body the position belongs to.
# "CHỦ TỊCH" / "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BỘ TRƯỞNG" / "BỘ TÀI CHÍNH"
_TITLE_CONTINUATION = regex.compile(rf"(?x)^(?:{_CONTINUATIONS})\b[\p{{Lu}}\s,.&\-()\d]*$")

_RANKS = "|".join(regex.escape(r) for r in sorted(_DATA["ranks"], key=len, reverse=True))
# A person's name, rank or degree before it dropped: "Đương Xuân Huyền", "Thiếu tướng Nguyễn Văn A", "TS. Lê B"
_NAME = regex.compile(rf"""(?x)^
    (?:(?:{_RANKS})\s*)*
    (?P<name>\p{{Lu}}\p{{Ll}}*(?:\s+\p{{Lu}}\p{{Ll}}*){{1,5}})
    \s*$""")

_MILITARY = "|".join(regex.escape(r) for r in _DATA["ranks"] if regex.search(r"(?:tướng|tá|úy)$", r))
# A scan's name line: an officer's rank whose first letters were lost ("'ạng tướng" for "Trung tướng"),
# stray single marks between the words ("Nguyễn Z Văn Š Long"), "1" read for a leading "T" ("1rương").
_SCAN_RANK = regex.compile(r"(?x)^\W*\w*\s*(?:tướng|tá|úy)\s+(?=\p{Lu}|1\p{Ll})")
_STRAY_MARK = regex.compile(r"(?x)(?<=\s)\S(?=\s)")
_ONE_FOR_T = regex.compile(r"(?x)(?<![\w\d])1(?=\p{Ll})")
# An officer's rank opening a name line: the line is the signer's name even without a title above it.
_RANKED_NAME = regex.compile(rf"(?x)^(?:{_MILITARY})\s+\p{{Lu}}")

_NOISE = regex.compile(
    r"(?i)^(?:" + "|".join(regex.escape(n) for n in _DATA["stamp_noise"]) + r")\b|@|\d{4}[.-]\d\d[.-]\d\d"
)

# "Nơi nhận:" opening the recipients list that sits beside the signature.
_RECIPIENTS_LABEL = regex.compile(r"(?i)^\W{0,3}nơi\s+nhận\s*:?")
# Where a recipient item begins: "- Bộ Nội vụ;", "+ …", "Nơi nhận:".
_ITEM_START = regex.compile(r"(?i)^(?:[-+•]|\W{0,3}nơi\s+nhận)")
# A recipient item with a signature segment run on after it: "- Như trên; PHÓ GIÁM ĐỐC"
_RUN_ON = regex.compile(r"""(?x)^(?P<left>.*?(?:[;:.,)]|nhận))\s+(?P<right>
    (?:(?:TM|KT|TL|TUQ|Q)\s*\.\s*)?\p{Lu}[\p{Lu}\s,.&\-]{2,}
  | \p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}
)\s*$""")


# A title a scan misread by one letter: the folded letters of each known title (PHÓ before it
# allowed), for :func:`near_title`. "PHÓ CHỦ TỊC" (the H under the signature) is "PHÓ CHỦ TỊCH".
_TITLE_LETTERS = [
    (regex.sub(r"\s+", "", fold_diacritics(f"{prefix}{title}")), f"{prefix}{title}")
    for title in _DATA["titles"]
    for prefix in ("", "PHÓ ")
]
NEAR_TITLE_MIN_LETTERS = 7  # shorter titles are too close to other words to be taken with a slip
# Family names by their folded letters; letters shared by two names ("ha": Hà, Hạ) restore nothing.
_FAMILIES: dict[str, list[str]] = {}
for _family in _DATA["family_names"]:
    _FAMILIES.setdefault(fold_diacritics(_family).casefold(), []).append(_family)
_FAMILY_BY_LETTERS = {letters: names[0] for letters, names in _FAMILIES.items() if len(set(names)) == 1}

# The file copy closing the Nơi nhận list: "- Lưu: VT, NC.", "Lưu VT".
_FILE_COPY = regex.compile(r"(?i)^\W{0,3}lưu\b")

# An appendix begins: the block is over. "PHỤ LỤC 01", "Phụ lục I"
_APPENDIX = regex.compile(r"^\s*(?:PHỤ LỤC|Phụ lục)\b")
_NAME_REACH = 8  # non-empty lines between the title and the name (stamp text, recipients beside it)


def segments(line: str, fold: bool = True) -> list[str]:
    """A printed line's column segments, a run-on signature part split from a recipient item."""
    out: list[str] = []
    for seg in _COLUMN_GAP.split(line):
        seg = gz.clean(seg, fold=fold)
        if not seg:
            continue
        m = _RUN_ON.match(seg)
        if (
            m
            and _ITEM_START.match(seg)
            and (_AUTHORITY.match(m.group("right")) or _TITLE.match(m.group("right")) or _NAME.match(m.group("right")))
        ):
            out += [m.group("left"), m.group("right")]
        else:
            out.append(seg)
    return out


def is_block_line(text: str) -> bool:
    """Whether ``text`` is an authority or title line of a signature block (``KT. CHỦ TỊCH``, ``CỤC TRƯỞNG``)."""
    text = gz.clean(text)
    return _AUTHORITY.match(text) is not None or _TITLE.match(text) is not None


def is_title_line(text: str) -> bool:
    """Whether ``text`` is a signer's position as printed: ``"BỘ TRƯỞNG BỘ TÀI CHÍNH"``, ``"CHỦ TỊCH"``."""
    return _TITLE.match(gz.clean(text)) is not None


_ABBREVIATION_CASE = {a.casefold(): a for a in gz.ABBREVIATIONS if a.isupper() and len(a) > 2}


def title_case(title: str) -> str:
    """``"PHÓ CHÁNH VĂN PHÒNG"`` → ``"Phó Chánh Văn phòng"``; ``"BỘ TRƯỞNG"`` → ``"Bộ trưởng"``."""
    text = gz.sentence_case(title)
    # Abbreviations keep their capitals: "PHÓ CHỦ TỊCH UBND TỈNH" → "Phó Chủ tịch UBND tỉnh"
    text = regex.sub(
        r"(?<![\w&])\w+(?:&\w+)*(?![\w&])", lambda m: _ABBREVIATION_CASE.get(m.group(0).casefold(), m.group(0)), text
    )
    m = regex.match(r"^(Phó|Quyền)\s+(\w)", text)
    if m:
        text = text[: m.start(2)] + m.group(2).upper() + text[m.end(2) :]
    return text


def scan_name(seg: str) -> str:
    """A name line as a scan read it, with the known slips undone:
    ``"'ạng tướng Nguyễn Z Văn Š Long"`` → ``"Nguyễn Văn Long"``, ``"Thiếu tướng 1rương Minh Đương"`` →
    ``"Thiếu tướng Trương Minh Đương"``. Other lines come back unchanged."""
    if _NAME.match(seg):
        return seg
    fixed = _ONE_FOR_T.sub("T", seg)
    fixed = _STRAY_MARK.sub("", fixed)
    fixed = regex.sub(r"\s+", " ", fixed).strip()
    if _NAME.match(fixed):
        return fixed
    m = _SCAN_RANK.match(fixed)
    if m and _NAME.match(fixed[m.end() :]):
        return fixed[m.end() :]
    return seg


def near_title(seg: str) -> str | None:
    """The known title a scanned line reads as with one letter wrong, missing or extra, or None:
    ``"PHÓ CHỦ TỊC"`` → ``"PHÓ CHỦ TỊCH"``, ``"PHO GIAM ĐÓỌC"`` → ``"PHÓ GIÁM ĐỐC"``."""
    letters = regex.sub(r"[^\p{L}]+", "", fold_diacritics(seg)).upper()
    if not letters or not seg.isupper():
        return None
    if len(letters) < NEAR_TITLE_MIN_LETTERS:  # a short title only with its letters all read: "BÍTHƯ"
        found = [title for known, title in _TITLE_LETTERS if letters == known]
    else:
        found = [title for known, title in _TITLE_LETTERS if _within_one_edit(letters, known)]
    if len(found) > 1:
        # Titles with the same letters ("THỨ TRƯỞNG", "THỦ TRƯỞNG"): the marks read decide, when
        # one title is nearer than the others ("THỨ TRƯƠNG" is one mark from THỨ TRƯỞNG).
        marked = regex.sub(r"\s+", "", seg)
        distances = {title: _edits(marked, regex.sub(r"\s+", "", title)) for title in found}
        nearest = min(distances.values())
        found = [title for title, distance in distances.items() if distance == nearest]
    return found[0] if len(found) == 1 else None


def _edits(a: str, b: str) -> int:
    """Levenshtein distance between two short strings."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _within_one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by changing, adding or dropping at most one letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def family_name_line(seg: str) -> str | None:
    """A scanned line that is a person's name and nothing else, opening with a known family name
    (``'"Trân Ngọc Căng'`` → ``"Trân Ngọc Căng"``), or None."""
    text = seg.strip("\"'“”‘’.,:;_ ")
    m = _NAME.fullmatch(text)
    if not m or m.group("name") != text:
        return None
    return text if fold_diacritics(text.split()[0]).casefold() in _FAMILIES else None


def family_name_marked(name: str) -> str:
    """A scanned name whose family name lost or changed its marks, with them back where the letters
    fit exactly one family name (``"Trân Phước Hiền"`` → ``"Trần Phước Hiền"``); otherwise as read."""
    first, _, rest = name.partition(" ")
    known = _FAMILY_BY_LETTERS.get(fold_diacritics(first).casefold())
    return f"{known} {rest}" if known and rest else name


def _block_start(lines: list[str]) -> int | None:
    """Index of the line where the signature block is searched from."""
    for i, line in enumerate(lines):
        if any(_RECIPIENTS_LABEL.match(s) for s in _COLUMN_GAP.split(line.strip()) if s):
            return max(0, i - 3)
    return None


def _read_block(lines: list[str], scanned: bool = False) -> Signer | None:
    authority: list[str] = []
    title = name = None
    lines_after_title = 0
    filed = False  # the Nơi nhận list's last item, "Lưu: …", is behind: the right column follows
    for line in lines:
        if _APPENDIX.match(line):
            break
        filed = filed or _FILE_COPY.match(line) is not None
        if title is not None and line.strip():
            lines_after_title += 1
            if lines_after_title > _NAME_REACH:
                break
        for seg in segments(line):
            if _NOISE.search(seg):
                continue
            if title is None and _AUTHORITY.match(seg):
                authority.append(seg)
            elif title is None and _TITLE.match(seg):
                title = seg
            elif title is None and scanned and (authority or lines_after_title == 0) and near_title(seg):
                title = near_title(seg)
            elif title is not None and lines_after_title == 1 and name is None and _TITLE_CONTINUATION.match(seg):
                title = f"{title} {seg}"
            elif (title is not None or authority) and name is None:
                # The name under the title, or right under an authority line that holds the title
                # itself ("Q. GIÁM ĐỐC" then "Nguyễn Văn Ích").
                m = _NAME.match(scan_name(seg))
                if m and not seg.startswith(("-", "+")):
                    name = m.group("name")
            elif title is None and not authority and name is None and _RANKED_NAME.match(scan_name(seg)):
                # An officer's ranked name whose title the e-signature image carries: "Thiếu tướng Trương Minh Đương"
                name = _NAME.match(scan_name(seg)).group("name")
            elif title is None and not authority and name is None and scanned and filed and family_name_line(seg):
                # A scan whose title a black seal hid: the name under it, a family name first ('"Trân Ngọc Căng')
                name = family_name_line(seg)
        if name:
            break
    if name and scanned:
        name = family_name_marked(name)
    if title is None and not authority:
        return Signer(name=name) if name else None
    # A title ends in a letter: a scan's dot after it is a speck of the signature's stroke ("BỘ TRƯỞNG.").
    title = title and title.rstrip(" .,;:")
    return Signer(name=name, title=title and title_case(title), authority=" ".join(authority) or None)


def extract_signer(doc: TextDocument) -> Signer:
    """The signer of the document: the block beside ``Nơi nhận:``, else the first authority/title block."""
    lines = doc.match_text.split("\n")
    scanned = doc.ocr is not None and not doc.ocr.header_only
    start = _block_start(lines)
    if start is not None:
        found = _read_block(lines[start : start + 40], scanned)
        if found:
            return found
    # No Nơi nhận: the first authority or title line followed by a name within a few lines.
    for i, line in enumerate(lines):
        segs = segments(line)
        if any(_AUTHORITY.match(s) or _TITLE.match(s) for s in segs):
            found = _read_block(lines[i : i + 12], scanned)
            if found and found.name:
                return found
    return Signer()
