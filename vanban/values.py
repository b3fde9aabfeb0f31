"""Values the store keeps in one spelling, so filters and facets count each thing once.

- :func:`agency_locality`: the province (or smaller unit) an agency belongs to,
  one spelling per place (``tỉnh Lâm Đồng`` = ``Lâm Đồng``, from the
  knowledge base's provinces), and none for a nationwide body (``Các tỉnh``,
  ``Ủy ban nhân dân cấp tỉnh`` named by a ministry are not in Hà Nội because
  the ministry is).
- :func:`recurrence`: ``Định kỳ``/``định kỳ``, ``hàng năm``/``hằng năm``,
  ``06 tháng``/``6 tháng`` written one way. The record keeps what is printed
  (CONTRACT.md); only the database column is normalised.
"""

from __future__ import annotations

import regex

from vanban.extractors.knowledge import table
from vanban.pipeline.normalize import fold_diacritics
from vanban.record import DocumentInfo
from vanban.resolve import parse_issuer

# A body named for every province or every level, nationwide: "Các tỉnh", "Ủy ban nhân dân cấp tỉnh",
# "Ủy ban nhân dân các tỉnh, thành phố", "Các bộ, cơ quan trung ương".
_NATIONWIDE = regex.compile(
    r"""(?xi)
    \b(?: các \s+ tỉnh | cấp \s+ tỉnh | tỉnh \s* , \s* thành \s+ phố | các \s+ bộ | trung \s+ ương )\b
    """
)
# A local unit and its name at the end of an agency name: "… phường Bắc Cam Ranh", "… xã Bảo Lâm 2"
_UNIT_NAME = regex.compile(
    r"""(?x)
    \b(?i: tỉnh | thành \s+ phố | tp\. | thị \s+ xã | huyện | quận | phường | đặc \s+ khu | xã (?!\s+hội) )
    \s+ (?P<name> [\p{Lu}\d][\p{L}\d]* (?: \s+ [\p{Lu}\d][\p{L}\d]* ){0,3} ) \s* $
    """
)


def _province_spellings() -> dict[str, str]:
    """Folded spelling → the province's name, for every province before and since 2025 and every alias."""
    data = table("provinces")
    names = {p["name"]: p["name"] for p in data["since_2025"] + data["before_2025"]}
    names.update(data["aliases"])
    return {" ".join(fold_diacritics(k).lower().split()): v for k, v in names.items()}


_PROVINCES = _province_spellings()
# A province's name, folded, as a whole name: "lam dong" in "so noi vu tinh lam dong"; longest spellings first
_PROVINCE = regex.compile(
    r"(?x) \b (?: "
    + " | ".join(regex.escape(s).replace("\\ ", "\\s") for s in sorted(_PROVINCES, key=len, reverse=True))
    + r" ) \b"
)


def province(text: str | None) -> str | None:
    """The last province named in ``text``, spelled as the knowledge base does: ``tỉnh Lâm Đồng`` → ``Lâm Đồng``."""
    if not text:
        return None
    found = _PROVINCE.findall(" ".join(fold_diacritics(text).lower().split()))
    return _PROVINCES[found[-1]] if found else None


def place_name(text: str | None) -> str | None:
    """A place as a locality: its province when one is named, else a ward's or commune's own name, else None."""
    found = province(text)
    if found:
        return found
    match = _UNIT_NAME.search(text or "")
    return match.group("name") if match else None


def agency_locality(canonical_name: str, info: DocumentInfo) -> str | None:
    """Where an agency belongs: the place its own name gives; a local body named without one takes the
    document's place, unless the document comes from a central body; a nationwide body has none."""
    if _NATIONWIDE.search(canonical_name):
        return None
    own = place_name(canonical_name)
    if own:
        return own
    parsed = parse_issuer(canonical_name)
    if not (parsed and parsed.needs_locality):
        return None
    issuer = parse_issuer(info.issuer)
    if issuer is not None and issuer.locality is None and not issuer.needs_locality:
        return None  # a ministry's "Sở Nội vụ" is every province's: its place line (Hà Nội) is not theirs
    return place_name(info.issuer) or place_name(info.parent_issuer) or place_name(info.place)


# ---------------------------------------------------------------- recurrence

# One spelling for the words of a recurrence: "hàng năm" → "hằng năm" (both are printed; Nghị định 30 writes
# "hằng"), a zero-padded count → the count ("06 tháng" → "6 tháng", "01 lần/năm" → "1 lần/năm").
_HANG = regex.compile(r"(?i)\bhàng(?=\s+(?:năm|tháng|tuần|quý|ngày)\b)")
_PADDED = regex.compile(r"\b0+(?=[1-9])")


def recurrence(printed: str | None) -> str | None:
    """A recurrence as the database keeps it: lower case, one spelling (``Định kỳ 06 tháng`` → ``định kỳ 6 tháng``)."""
    if not printed:
        return printed
    text = " ".join(printed.split()).lower()
    return _PADDED.sub("", _HANG.sub("hằng", text))
