"""Agency names: recognise them, clean them, split a list into its members, and name them canonically.

One module for every part of vanban that handles an agency's name: the duty extractor (is this the
name of an agency or a clause? where does it end?), the store (which agencies does a duty's agency
list name, so that ``Sở Nội vụ`` finds ``Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ``) and the
citation resolver (body and locality of an issuer).

- :func:`looks_like_agency`, :func:`is_generic`, :func:`clean`, :func:`split_list` — names in running text;
- :func:`members` — the member agencies of a list, head titles folded to their body;
- :func:`expand`, :func:`locality_parts`, :func:`locality_as_printed`, :func:`is_local_body` — abbreviations
  and localities (``UBND TP. Hà Nội`` → ``Ủy ban nhân dân thành phố Hà Nội``, place ``Hà Nội``);
- :func:`document_locality`, :func:`canonical` — an agency with the locality its document implies;
- :func:`is_issuer`, :func:`is_superior`, :func:`speaker` — who speaks and to whom.

The words are data: extractors/data/duty_agencies.json (heads, titles, generic groups) and the
abbreviations of issuers.json.
"""

from __future__ import annotations

import regex

from vanban.record import DocumentInfo

from . import knowledge
from .deadlines import RECURRENCES
from .gazetteer import ABBREVIATIONS, find_provinces, province_named

_DATA = knowledge.table("duty_agencies")
_LEX = knowledge.table("duty_lexicon")

PREFIXES = frozenset(_DATA["agency_prefixes"])
HEADS = frozenset(_DATA["agency_heads"])
BARE_HEADS = frozenset(_DATA["bare_heads"])  # alone, no agency: "Ban" + "tổ chức tỉnh uỷ: BTCTU"
_GENERIC = frozenset(_DATA["generic_groups"])
_SUPERIORS = frozenset(_DATA["superiors"])
LOCAL_BODIES = tuple(_DATA["local_bodies"])


def alternation(phrases) -> str:
    """A regex alternation of ``phrases``, longest first, spaces as ``\\s+``."""
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


def norm(name: str) -> str:
    """Lower case, single spaces, no edge punctuation: the form names are compared in."""
    return regex.sub(r"\s+", " ", name).strip(" \t\n,;:.-–").lower()


# --- abbreviations and localities -------------------------------------------------------------

_ABBREVIATION_BY_KEY = {k.casefold(): v for k, v in ABBREVIATIONS.items()}

# A word as printed, with a trailing dot kept so "TP." is seen whole: "UBND", "TP.", "KH&CN".
_WORD_AS_PRINTED = regex.compile(r"(?<![\w&])(?P<word>\w+(?:&\w+)*\.?)")


def expand(name: str) -> str:
    """Abbreviations written in capitals spelled out (issuers.json ``words``): ``"UBND tỉnh"`` →
    ``"Ủy ban nhân dân tỉnh"``, ``"UBND TP. Hà Nội"`` → ``"Ủy ban nhân dân thành phố Hà Nội"``. A word in
    lower case is a word ("ca", "vụ"), not an abbreviation."""

    def spelled(m: regex.Match) -> str:
        word = m["word"]
        bare = word[:-1] if word.endswith(".") else word
        if not bare.isupper() and word.casefold() not in {"tp.", "tx."}:
            return word
        full = _ABBREVIATION_BY_KEY.get(word.casefold())
        if full is None and word.endswith("."):
            full = _ABBREVIATION_BY_KEY.get(bare.casefold())
            return full + "." if full else word
        return full or word

    return _WORD_AS_PRINTED.sub(spelled, name)


# An issuer or agency split at its locality, on a lower-case expanded name:
# "ủy ban nhân dân tỉnh lạng sơn" → body "ủy ban nhân dân", unit "tỉnh", name "lạng sơn"; "ủy ban nhân dân tỉnh" → no name.
_LOCALITY_PARTS = regex.compile(
    r"""(?x)
    ^(?P<body>.*?)\s*
    \b(?P<unit>tỉnh|thành\ phố|thị\ xã|huyện|quận|phường|đặc\ khu|xã(?!\ hội))
    (?:\s+(?P<name>\S.*?))?\s*$
    """
)

# The place in a name as printed: "Sở Nội vụ tỉnh Lạng Sơn" → "Lạng Sơn", "UBND TP. Hà Nội" → "Hà Nội".
_LOCALITY_AS_PRINTED = regex.compile(
    r"""(?xi)
    \b(?:tỉnh|thành\ phố|tp\.|thị\ xã|huyện|quận|phường|đặc\ khu|xã(?!\ hội))
    \s+(?P<name>\S.*?)\s*$
    """
)


def locality_parts(name: str) -> tuple[str, str | None, str | None]:
    """``(body, unit, place)`` of a name, lower case with abbreviations spelled out:
    ``"UBND TỈNH LẠNG SƠN"`` → ``("ủy ban nhân dân", "tỉnh", "lạng sơn")``, ``"Sở Nội vụ"`` → ``("sở nội vụ", None, None)``."""
    text = " ".join(expand(name).lower().split()).replace("uỷ", "ủy")
    m = _LOCALITY_PARTS.match(text)
    if m and m["body"]:
        return m["body"], m["unit"], m["name"]
    return text, None, None


def locality_as_printed(name: str | None) -> str | None:
    """The place name in an issuer or agency name, as printed (``"UBND tỉnh Lạng Sơn"`` → ``"Lạng Sơn"``)."""
    m = _LOCALITY_AS_PRINTED.search(name or "")
    return m["name"] if m else None


def is_local_body(body: str) -> bool:
    """A body that always belongs to a locality (``sở …``, ``ủy ban nhân dân``): named without one, it is
    the document's own."""
    return any(body == p or body.startswith(p + " ") for p in LOCAL_BODIES)


# The province ending an issuer's name: "Ủy ban nhân dân tỉnh Lâm Đồng" → "tỉnh Lâm Đồng". Only the
# unit word ignores case: the name must be capitalised ("Tỉnh ủy Tuyên Quang" is no "tỉnh ủy …").
_PROVINCE_AT_END = regex.compile(r"\b(?P<loc>(?i:tỉnh|thành\s+phố)\s+\p{Lu}[\p{L} ]+?)\s*$")


def document_locality(info: DocumentInfo) -> str | None:
    """The issuing province, written "tỉnh X" / "thành phố X": from the issuer's name, else the
    province the issuer or its parent names ("Tỉnh ủy Tuyên Quang" → "tỉnh Tuyên Quang")."""
    sources = [s.strip() for s in (info.issuer, info.parent_issuer) if s]
    for source in sources:
        if m := _PROVINCE_AT_END.search(source):
            return regex.sub(r"\s+", " ", m["loc"])
    for source in sources:
        if found := find_provinces(source):
            province = province_named(found[-1].name)
            return province.full_name if province else None
    return None


# A name that gives its own place, wherever: "Đoàn Luật sư tỉnh Bình Thuận (cũ)".
_OWN_PLACE = regex.compile(r"(?<!\w)(?i:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|phường|xã)\s+\p{Lu}")

# A body named for a level, not one place: "Ủy ban nhân dân cấp tỉnh", "UBND các xã".
_EVERY_LEVEL = regex.compile(r"(?i)(?<!\w)(?:cấp|các)\s+(?:tỉnh|huyện|xã)(?!\w)")


def canonical(agency: str, locality: str | None) -> str:
    """The agency with its locality ("Sở Nội vụ" → "Sở Nội vụ tỉnh Lâm Đồng"); groups stay as written."""
    name = expand(agency)
    name = name[0].upper() + name[1:] if name else name
    low = name.lower()
    if not locality or low.split(" ")[0] in PREFIXES or "," in name or ";" in name:
        return name
    place = locality.split(" ", 1)[1].lower() if " " in locality else locality.lower()
    if (
        place in low
        or low.startswith(("bộ ", "chính phủ", "thủ tướng", "quốc hội"))
        or _EVERY_LEVEL.search(low)
        or _OWN_PLACE.search(name)
    ):
        return name
    if low.endswith(" tỉnh"):
        return name[: -len(" tỉnh")] + " " + locality
    return name + " " + locality


# --- recognising a name -----------------------------------------------------------------------

_QUANTIFIER_RE = regex.compile(r"(?i)^(?:(?:các|những|mỗi|tất\s+cả|toàn\s+thể)\s+)+")  # not a head's title
_GENERIC_HEAD_RE = regex.compile(r"(?i)^(?:" + alternation(_DATA["generic_heads"]) + r")(?!\w)")
_VAGUE_QUALIFIER_RE = regex.compile(r"(?i)^(?:" + alternation(_DATA["vague_qualifiers"]) + r")(?!\w)")
PREFIX_RE = regex.compile(r"(?i)^(?:(?:" + alternation(PREFIXES) + r")\s+)+")
HEAD_RE = regex.compile(r"(?i)^(?:" + alternation(HEADS) + r")(?!\w)")
_NOT_HEAD_RE = regex.compile(r"(?i)^(?:" + alternation(_DATA["not_heads"]) + r")(?!\w)")
_TRIGGERS = _LEX["triggers"]
# A clause word inside a would-be subject; a trigger after a paper's name or "có" is a noun
# ("người nộp đơn đề nghị kiểm tra …", "hàng hóa … có yêu cầu bảo hộ …") and breaks nothing.
_BREAKER_RE = regex.compile(
    r"(?<!\w)(?<!(?:" + alternation(_LEX["papers"] + ["có"]) + r")\s(?=" + alternation(_TRIGGERS) + r"))"
    r"(?:" + alternation(_LEX["subject_breakers"]) + r")(?!\w)"
)
# A word holding a breaker as a syllable of its own: "Ban bầu cử", "Ủy ban bầu cử Phường" ("cử" there ends nothing).
_BREAKER_COMPOUND = regex.compile(r"(?i)(?<!\w)(?:" + alternation(_LEX["subject_breaker_compounds"]) + r")(?!\w)")
# The title of a body's head before its name: "Giám đốc Sở Nội vụ", "Chánh Văn phòng UBND tỉnh".
_HEAD_TITLE = regex.compile(r"(?i)^(?:" + alternation(_DATA["head_titles"]) + r")\s+")
_TRAILING_WORDS = frozenset({"của", "với", "và", "các", "cho", "tại", "theo", "về"})

# "Sở A, Sở B và các phòng" → pieces; a piece not starting with an agency word is glued back
# ("Sở Văn hóa, Thể thao và Du lịch").
LIST_SPLIT = regex.compile(r"\s*[,;]\s*|\s+và\s+")


def is_generic(agency: str) -> bool:
    """A generic group: listed (``các tổ chức, cá nhân``), or lower case, made only of generic heads and
    qualified vaguely ("các cơ quan, đơn vị có liên quan", "các cơ quan, đơn vị quan tâm"): any body at all.
    The document's own addressees stay a group that is given duties ("Các cơ quan, đơn vị, địa phương"),
    and so does one with a named head ("Các bộ, cơ quan, địa phương") or a defining clause ("các cơ quan,
    đơn vị trực tiếp sử dụng ngân sách nhà nước")."""
    name = norm(agency)
    if name in _GENERIC:
        return True
    if regex.search(r"\p{Lu}", agency.strip()[1:]):
        return False
    strip = (
        PREFIX_RE if regex.search(r"(?<!\w)liên\s+quan$", name) else _QUANTIFIER_RE
    )  # "trưởng các đơn vị có liên quan"
    pieces = [strip.sub("", p) for p in LIST_SPLIT.split(name) if p]
    tails = [_generic_tail(p) for p in pieces]
    if not pieces or any(t is None for t in tails):
        return False
    return any(tails) or not _QUANTIFIER_RE.match(name)  # "đơn vị", "Cơ quan": no one in particular


def _generic_tail(piece: str) -> str | None:
    """What follows the generic head a piece opens with ("" for a bare head: "đơn vị"), when it is at most
    a vague qualifier ("quan tâm", "trên địa bàn", another generic head); None when the piece names more."""
    head = _GENERIC_HEAD_RE.match(piece)
    if not head:
        return None
    tail = piece[head.end() :].strip()
    if not tail or _VAGUE_QUALIFIER_RE.match(tail):
        return tail
    return _generic_tail(tail)  # "cơ quan đơn vị liên quan": another head, then what follows it


def is_generic_head(word: str) -> bool:
    """``word`` is a generic head ("cơ quan", "tổ chức", "đơn vị")."""
    return bool(_GENERIC_HEAD_RE.fullmatch(word.strip()))


def looks_like_agency(name: str, max_words: int = 70) -> bool:
    """A named agency or group: title/quantifier words, then an agency word; no clause words, no bracket left
    open."""
    name = regex.sub(r"\s+", " ", name).strip(" ,;:")
    if not name or len(name.split()) > max_words or name.count("(") != name.count(")") or is_generic(name):
        return False  # "… Sở Tài chính (phụ trách về công tác" is cut inside a bracket
    prefix = PREFIX_RE.match(name)
    rest = name[prefix.end() :] if prefix else name
    head, not_head = HEAD_RE.match(rest), _NOT_HEAD_RE.match(rest)
    if not head or not_head and not_head.end() >= head.end():  # "tổ chức chính trị - xã hội" is a head, "tổ chức" no
        return False
    if _BREAKER_RE.search(_BREAKER_COMPOUND.sub("_", name)):
        return False
    return name.split()[-1].lower() not in _TRAILING_WORDS


def starts_with_head(name: str) -> bool:
    """The name, past its titles and quantifiers, opens with an agency head ("các Sở Nội vụ" → "Sở")."""
    return bool(HEAD_RE.match(PREFIX_RE.sub("", name)))


# --- cleaning a name --------------------------------------------------------------------------

# A generic group that ends a list of agencies: "… và Thủ trưởng các cơ quan có liên quan".
_GENERIC_TAIL = regex.compile(r"(?i)(?:\s*[,;]\s*|\s+và\s+)(?:" + _DATA["generic_tail"] + r")\s*")

# A limit of scope between the subject and its verb belongs to neither: "Kiểm toán nhà nước, trong phạm vi
# nhiệm vụ, quyền hạn của mình, phối hợp …".
_OWN_SCOPE = regex.compile(r"(?i)\s*,?\s*trong\s+phạm\s+vi\s+[^.;]{0,80}?\s+của\s+mình\s*,?$")

# The role an agency plays, set off by a dash after its name, is no part of it: "Phòng 5, Cục Cảnh sát điều tra
# tội phạm về ma túy, Bộ Công an - đơn vị thường trực Tổ Công tác liên ngành trung ương".
_APPOSITIVE_ROLE = regex.compile(
    r"(?xi) \s+[-–]\s+(?:là\s+)?(?:đơn\s+vị|cơ\s+quan)\s+(?:thường\s+trực|đầu\s+mối|chủ\s+trì|tham\s+mưu)\b.*$"
)

# A courtesy before the verb asks and names no one: "Ủy ban nhân dân tỉnh, thành phố quan tâm thực hiện …",
# "Công an tỉnh kính báo cáo …".
_COURTESY = regex.compile(r"(?i)\s+(?:quan\s+tâm|kính)$")

# An adverb between the subject and its verb: "Công an tỉnh Lâm Đồng trực tiếp quản lý và chỉ đạo …".
_TRAILING_ADVERB = regex.compile(r"(?i)\s+(?:" + alternation(_DATA["agency_tail_adverbs"]) + r")$")

# A recurrence between the subject and its verb belongs to the task: "… địa phương định kỳ hằng tuần tổ chức …".
_TRAILING_RECURRENCE = regex.compile(r"(?i)\s+(?:" + alternation(RECURRENCES) + r")$")


def clean(name: str) -> str:
    """The agency without what stands between it and its verb (an adverb, a recurrence, a limit of
    scope, an apposed role, a courtesy) and without a trailing generic group."""
    name = regex.sub(r"\s+", " ", name).strip(" ,;:.-–")
    name = _TRAILING_ADVERB.sub("", name)
    name = _TRAILING_RECURRENCE.sub("", name)
    name = _OWN_SCOPE.sub("", name)
    name = _APPOSITIVE_ROLE.sub("", name)
    name = _COURTESY.sub("", name)
    cuts = [m.start() for m in regex.finditer(r"\s*[,;]\s*|\s+và\s+", name)]
    for pos in cuts:  # leftmost separator whose whole tail is one generic group, after a named agency
        tail = name[pos:]
        if len(tail) <= 70 and _GENERIC_TAIL.fullmatch(tail):
            return name if _only_generic_heads(name[:pos]) else name[:pos].strip(" ,;:")
    return name


def _only_generic_heads(name: str) -> bool:
    """Every piece of the list is a bare generic head: "các cơ quan" (of "các cơ quan, đơn vị có liên quan")."""
    pieces = [_QUANTIFIER_RE.sub("", p) for p in LIST_SPLIT.split(norm(name)) if p]
    return bool(pieces) and all(_generic_tail(p) == "" for p in pieces)


def split_list(segment: str) -> list[str]:
    """A list of named agencies, generic groups dropped: "Sở Tài chính, Sở Tư pháp và các cơ quan liên quan"
    → ["Sở Tài chính", "Sở Tư pháp"]; a piece that names no agency is glued back to the one before
    ("Sở Nông nghiệp và Môi trường"); a head shared before a colon is given to each name after it ("các Sở:
    Tài chính, Kế hoạch và Đầu tư" → "Sở Tài chính", "Sở Kế hoạch và Đầu tư")."""
    pieces: list[str] = []
    for part in regex.split(r"\s*;\s*", segment.strip(" ,;:")):
        shared = _SHARED_HEAD.match(part)
        pieces += _shared(shared) if shared else _pieces(part)
    return [p for p in pieces if looks_like_agency(p) and not is_generic(p)]


def _pieces(segment: str) -> list[str]:
    """``segment`` cut at its commas and "và", a piece that names no agency glued back to the one before."""
    segment = segment.strip(" ,;:")
    pieces: list[str] = []
    pos = pieces_end = 0
    for sep in [*LIST_SPLIT.finditer(segment), None]:
        piece = segment[pos : sep.start() if sep else len(segment)]
        glue = segment[pieces_end:pos] if pieces else ""
        if piece and pieces and (not looks_like_agency(piece) or regex.fullmatch(r"\p{Ll}+", piece)):
            pieces[-1] += glue + piece
        elif piece:
            pieces.append(piece)
        if piece:
            pieces_end = sep.start() if sep else len(segment)
        pos = sep.end() if sep else len(segment)
    return pieces


# A head shared before a colon, its names after it: "Giám đốc các Sở, ngành: Nội vụ, Tài chính, Kho bạc nhà nước
# tỉnh", "phối hợp với các Sở: Tài chính, Kế hoạch và Đầu tư, Công ty TNHH MTV …".
_SHARED_HEAD = regex.compile(
    r"(?i)^(?P<before>(?:.*[,;]\s*)?)(?P<title>[^,;]*?)\b(?P<kind>sở|bộ|ban|phòng|cục)\b(?P<also>[^:;]{0,30}):\s*(?P<rest>.+)$"
)


def _shared(shared: regex.Match) -> list[str]:
    """The names after a shared head, each with it; a name that opens with a head of its own stays itself, and
    the comma pieces after it are its own words ("Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ …")."""
    kind = shared["kind"][0].upper() + shared["kind"][1:].lower()
    found = _pieces(shared["before"]) if shared["before"].strip(" ,;") else []
    own = False
    for piece in regex.split(r"\s*,\s*", shared["rest"].strip(" .;")):
        piece = regex.sub(r"(?i)^và\s+", "", piece)
        if not piece:
            continue
        if starts_with_head(piece):
            found.append(clean(piece))
            own = True
        elif own:
            found[-1] = clean(f"{found[-1]}, {piece}")
        else:
            found.append(f"{kind} {piece}")
    return found


def fold_head(name: str) -> str:
    """A head's title folded to the body it heads: "Giám đốc Sở Nội vụ" → "Sở Nội vụ", "Chánh Văn phòng
    UBND tỉnh" → "Văn phòng UBND tỉnh", "Thủ trưởng các cơ quan, đơn vị" → "các cơ quan, đơn vị". A title
    that is itself the body stays ("Thủ tướng Chính phủ", "Chủ tịch nước")."""
    name = name.strip()
    title = _HEAD_TITLE.match(name)
    if title and starts_with_head(name[title.end() :]):
        return name[title.end() :]
    return name


def members(agency: str) -> list[str]:
    """The agencies a duty's agency names, each head title folded to its body:
    "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và Thủ trưởng các cơ quan có liên quan" →
    ["Văn phòng UBND tỉnh", "Sở Nội vụ"]; "Giám đốc các Sở, ngành: Nội vụ, Tài chính" →
    ["Sở Nội vụ", "Sở Tài chính"]. A single agency is its own member."""
    pieces = split_list(clean(agency))
    if not pieces and looks_like_agency(agency):
        pieces = [agency]
    out: list[str] = []
    for piece in pieces:
        body = fold_head(piece.strip())
        if body and body not in out and not _PEOPLE.match(body):
            out.append(body)
    return out


# People named in a list, no body: "các ông, bà có tên tại Điều 1".
_PEOPLE = regex.compile(r"(?i)^(?:các\s+)?(?:ông|bà)(?!\w)")


# --- who speaks -------------------------------------------------------------------------------


def _comparable(name: str) -> str:
    return norm(expand(name))


def is_issuer(agency: str, info: DocumentInfo) -> bool:
    """The issuer speaking of itself ("Sở Tài chính có ý kiến", "UBND tỉnh tổ chức họp"), or its head
    ("Giám đốc Sở Tư pháp đề nghị …" in a document of the Sở Tư pháp)."""
    if not info.issuer:
        return False
    a = _comparable(_HEAD_TITLE.sub("", agency.strip()))
    issuer = _comparable(info.issuer)
    return bool(a) and (issuer.startswith(a) or a.startswith(issuer))


def is_superior(agency: str, info: DocumentInfo) -> bool:
    """A request upward: a Sở asking the provincial People's Committee ("đồng chí Chủ tịch Ủy ban nhân dân tỉnh")."""
    issuer = norm(info.issuer or "")
    return _comparable(_HONORIFIC.sub("", agency)) in _SUPERIORS and not issuer.startswith(
        ("ủy ban nhân dân", "thủ tướng", "chính phủ", "bộ ")
    )


# The honorific before a person's post: "đồng chí Chủ tịch Ủy ban nhân dân tỉnh".
_HONORIFIC = regex.compile(r"(?i)^(?:đồng\s+chí|đ/c)\s+")


def speaker(before: str) -> str | None:
    """The agency right before a trigger, its comma-joined parts kept ("Căn cứ …, Ủy ban nhân dân tỉnh,
    thành phố" → "Ủy ban nhân dân tỉnh, thành phố"), or None when no agency stands there."""
    parts = regex.split(r"[,;]", before)
    tail = regex.findall(r"\w+|[^\w\s]", before)
    if tail and tail[-1] in BARE_HEADS and (len(tail) == 1 or not tail[-2][:1].isupper()):
        return None  # "(ban cán sự đảng, ban chỉ đạo, …)", "trường hợp ban chỉ đạo": a lower-case name, no subject
    for k in range(min(3, len(parts)), 0, -1):
        name = regex.sub(r"(?i)\s+(?:vừa|đã|cũng|tiếp tục)$", "", ",".join(parts[-k:]).strip())
        if name and looks_like_agency(name) and starts_with_head(name):
            return name
    return None


def speaker_is_issuer(before: str, info: DocumentInfo) -> bool:
    """Whoever asks, right before the trigger, is the issuer (or its head), or unnamed."""
    name = speaker(before)
    if not name or not info.issuer:
        return True
    return is_issuer(name, info)
