"""What the clerk reads: the watcher's lines and failure notes in Vietnamese, printable whatever a file is named.

Readers give their reasons in English (``encrypted PDF: a password is needed to
open it``); the errors table and the log keep that English for support, and the
clerk reads it in Vietnamese (``PDF có mật khẩu: cần mật khẩu để mở``). The
table below maps each reason, by its opening words, to a Vietnamese template;
a reason it does not know is shown as ``không đọc được tệp này`` with the
English after it.

A file name can hold a newline or a control character (``x\\n2026-11-22 ingested
…`` would forge a line of the log) or bytes that are not UTF-8: :func:`printable`
shows those as escapes.
"""

from __future__ import annotations

import regex

# Kinds of watcher line, in the clerk's words (the English, in the comments, is how the code names them).
KINDS = {
    "watching": "theo dõi",
    "ingested": "đã lưu",
    "duplicate": "trùng",
    "archived": "lưu trữ",  # stored before a restart, moved now
    "failed": "lỗi",
    "held": "tạm giữ",  # cannot be moved out of the inbox now (a full disk): tried again later
    "refused": "từ chối",  # not a regular file: never read
    "vanished": "biến mất",
    "error": "sự cố",
    "stopped": "dừng",
}
KIND_WIDTH = max(len(kind) for kind in KINDS.values()) + 1

UNKNOWN = "không đọc được tệp này"

# English reason (its opening) → Vietnamese; {name} takes the named group of the same name.
REASONS = [
    # "encrypted PDF: a password is needed to open it"
    (r"(?x) ^ encrypted \s PDF", "PDF có mật khẩu: cần mật khẩu để mở"),
    # "PDF has no pages"
    (r"(?x) ^ PDF \s has \s no \s pages", "PDF không có trang nào"),
    # "PDF has no text (blank pages)"
    (r"(?x) ^ PDF \s has \s no \s text", "PDF chỉ có trang trắng, không có chữ"),
    # "damaged or truncated PDF (pdfium: data format error)"
    (r"(?x) ^ damaged \s or \s truncated \s PDF", "PDF bị hỏng hoặc bị cắt cụt (tải về hay sao chép chưa xong)"),
    # "damaged PDF: pdfium cannot load it (…)", "cannot open PDF for OCR: …"
    (r"(?x) ^ (?: damaged \s PDF | cannot \s open \s PDF )", "PDF bị hỏng, không mở được"),
    # "no text layer (scanned PDF); OCR needs tesseract-ocr-vie: …"
    (r"(?x) ^ no \s text \s layer", "PDF là bản quét; máy chưa cài Tesseract tiếng Việt để nhận dạng chữ"),
    # "OCR needs tesseract-ocr-vie: apt-get install …", "tesseract failed: …", "tesseract took longer …"
    (r"(?x) ^ (?: OCR \s needs | tesseract \s )", "công cụ nhận dạng chữ (Tesseract) không chạy được"),
    # "page of 14400×14400 pt is too large to OCR (3,600 million pixels at 300 dpi; …)"
    (
        r"(?x) ^ page \s of \s (?P<size> \d+ × \d+ ) \s pt \s is \s too \s large",
        "trang khổ {size} pt quá lớn để nhận dạng chữ",
    ),
    # "page 2 of 30000×40000 pixels is too large to OCR" (a scanned image)
    (
        r"(?x) ^ page \s (?P<page> \d+ ) \s of \s (?P<size> \d+ × \d+ ) \s pixels \s is \s too \s large",
        "trang {page} ảnh khổ {size} điểm ảnh quá lớn để nhận dạng chữ",
    ),
    # "more than 500 pages in one image file"
    (r"(?x) ^ more \s than \s (?P<count> \d+ ) \s pages", "tệp ảnh có hơn {count} trang"),
    # "not a JPEG, PNG or TIFF image: …", "not a readable image: …", "damaged image: …", "the image has no pages"
    (
        r"(?x) ^ (?: not \s a \s JPEG | not \s a \s readable \s image | damaged \s image | the \s image \s has \s no )",
        "tệp ảnh bị hỏng hoặc đặt sai đuôi",
    ),
    # "empty file (0 bytes)"
    (r"(?x) ^ empty \s file", "tệp rỗng (0 byte)"),
    # "unsupported file type '.xyz'; vanban reads .pdf, .docx, .doc, .html, .txt and scanned images (…)"
    (
        r"(?x) ^ unsupported \s file \s type \s '? (?P<type> [^';]* ) '?",
        "không đọc được loại tệp {type}; vanban đọc .pdf, .docx, .doc, .html, .txt và ảnh quét (.jpg, .png, .tif)",
    ),
    # "not a PDF (no %PDF- header): the file is damaged or misnamed"
    (r"(?x) ^ not \s a \s PDF", "không phải PDF: tệp bị hỏng hoặc đặt sai đuôi"),
    # "a Word 97-2003 (.doc) file named .docx; rename it to .doc"
    (
        r"(?x) ^ a \s Word \s 97-2003 \s \(\.doc\) \s file",
        "tệp Word 97-2003 (.doc) mang đuôi .docx: hãy đổi đuôi thành .doc",
    ),
    # "a Word .docx file named .doc; rename it to .docx"
    (r"(?x) ^ a \s Word \s \.docx \s file", "tệp Word .docx mang đuôi .doc: hãy đổi đuôi thành .docx"),
    # "not a DOCX (not a ZIP package): …", "not a Word 97-2003 document: …", "not a readable Word document (…)"
    (r"(?x) ^ not \s a \s (?: DOCX | Word | readable \s Word )", "tệp Word bị hỏng hoặc đặt sai đuôi"),
    # "DOCX part word/document.xml expands to 3,300 MB, more than the 64 MB limit (a zip bomb?)"
    (
        r"(?x) ^ DOCX \s (?: part \s \S+ \s )? expands \s to \s (?P<size> [\d,]+ \s MB )",
        "tệp DOCX giải nén ra tới {size}, vượt giới hạn (nghi là “bom zip”)",
    ),
    # "cannot read .doc: LibreOffice (soffice) is not installed …"
    (r"(?x) ^ cannot \s read \s \.doc: \s LibreOffice", "máy chưa cài LibreOffice để đọc tệp .doc"),
    # "LibreOffice did not convert the .doc within 120 s", "LibreOffice could not convert this .doc (damaged?): …"
    (r"(?x) ^ LibreOffice", "LibreOffice không chuyển đổi được tệp .doc (tệp hỏng?)"),
    # "damaged UTF-16 text (truncated data)"
    (r"(?x) ^ damaged \s (?P<encoding> \S+ ) \s text", "tệp văn bản {encoding} bị hỏng"),
    # "binary file, not text"
    (r"(?x) ^ binary \s file", "tệp nhị phân, không phải văn bản"),
    # "not UTF-8 text; detected cp1250. Save it as UTF-8 and try again"
    (
        r"(?x) ^ not \s UTF-8 \s text; \s detected \s (?P<encoding> [^.\s]+ )",
        "văn bản không ở bảng mã UTF-8 (có vẻ là {encoding}): hãy lưu lại dạng UTF-8 rồi thả vào lại",
    ),
    # "text file of 65 MB is larger than the 20 MB limit", "web page of 50 MB is larger than the 20 MB limit"
    (
        r"(?x) ^ (?: text \s file | web \s page ) \s of \s (?P<size> [\d,]+ \s MB ) .*? (?P<limit> [\d,]+ \s MB ) \s limit",
        "tệp {size}, vượt giới hạn {limit} của tệp văn bản và trang web",
    ),
    # "HTML in an unknown text encoding", "not readable as HTML (…)", "HTML page with no text"
    (r"(?x) ^ (?: HTML \s in | not \s readable \s as \s HTML )", "không đọc được trang HTML"),
    (r"(?x) ^ HTML \s page \s with \s no \s text", "trang HTML không có chữ"),
    # "no such file", "is a directory"
    (r"(?x) ^ no \s such \s file", "không tìm thấy tệp"),
    (r"(?x) ^ is \s a \s directory", "là thư mục, không phải tệp"),
    # "took longer than 300 s (the --timeout limit)"
    (r"(?x) ^ took \s longer \s than \s (?P<seconds> [\d.]+ ) \s s", "đọc quá {seconds} giây (giới hạn --timeout)"),
    # "needed more than 2,048 MB of memory (the --max-memory limit)", "ran out of memory reading it"
    (
        r"(?x) ^ needed \s more \s than \s (?P<size> [\d,]+ \s MB )",
        "cần hơn {size} bộ nhớ để đọc (giới hạn --max-memory)",
    ),
    (r"(?x) ^ ran \s out \s of \s memory", "hết bộ nhớ khi đọc tệp"),
    # "too deeply nested to read (RecursionError)"
    (r"(?x) ^ too \s deeply \s nested", "cấu trúc tệp lồng quá sâu, không đọc được"),
    # "the reader crashed on this file (signal SIGSEGV)", "a reader process could not start (exit status 1)"
    (r"(?x) ^ the \s reader \s crashed", "chương trình đọc tệp bị dừng đột ngột với tệp này"),
    (r"(?x) ^ a \s reader \s process \s could \s not \s start", "không khởi động được chương trình đọc tệp"),
    # "a symbolic link: not followed …", "a symbolic link to a file that does not exist"
    (r"(?x) ^ a \s symbolic \s link", "là liên kết tượng trưng (symlink): không đọc tệp mà nó trỏ tới"),
    # "not a regular file (a named pipe (FIFO)): not read"
    (r"(?x) ^ not \s a \s regular \s file \s \( a \s named \s pipe", "là ống dẫn (FIFO), không phải tệp: không đọc"),
    (r"(?x) ^ not \s a \s regular \s file", "không phải tệp thường (socket, thiết bị …): không đọc"),
    # "the file name is not valid UTF-8 text (…): rename it"
    (
        r"(?x) ^ the \s file \s name \s is \s not \s valid",
        "tên tệp chứa ký tự không hợp lệ (không phải UTF-8): hãy đặt lại tên rồi thả vào lại",
    ),
    # "no space left on the disk of failed/: the file stays in the inbox (…)"
    (
        r"(?x) ^ no \s space \s left \s on \s the \s disk \s of \s (?P<folder> \S+ ):",
        "ổ đĩa chứa {folder} đã đầy: tệp được giữ lại trong thư mục nhận",
    ),
    # "cannot move it to archive/: Permission denied; the file stays in the inbox"
    (
        r"(?x) ^ cannot \s move \s it \s to \s (?P<folder> \S+ ):",
        "không chuyển được tệp sang {folder}: tệp được giữ lại trong thư mục nhận",
    ),
    # "cannot open: Permission denied", "cannot read: Input/output error"
    (r"(?x) ^ cannot \s (?: open | read ):", "không mở được tệp"),
    # "cannot read PDF: ValueError: …", "extraction failed: KeyError: …", "internal error: …"
    (r"(?x) ^ cannot \s read \s (?P<format> \w+ ):", "không đọc được tệp {format} (tệp hỏng?)"),
    (
        r"(?x) ^ (?: extraction \s failed | internal \s error )",
        "lỗi của chương trình khi trích xuất (báo bộ phận hỗ trợ)",
    ),
]
_REASONS = [(regex.compile(pattern), template) for pattern, template in REASONS]

# Characters that must not reach a log line as they are: controls (newline, tab, escape, C1), the line and
# paragraph separators, bidirectional overrides (which reorder what follows), and the lone surrogates that
# stand for bytes of a name that is not UTF-8 ("bao\udcffcao.pdf").
_UNPRINTABLE = regex.compile(r"(?x) [\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def vietnamese(reason: str) -> str | None:
    """The Vietnamese for an English reason, or None when the table does not know it."""
    for pattern, template in _REASONS:
        match = pattern.match(reason)
        if match:
            return template.format(**{k: v.strip() for k, v in match.groupdict().items() if v is not None})
    return None


def for_clerk(reason: str) -> str:
    """The reason in Vietnamese, the English kept after it for support: ``PDF có mật khẩu … [encrypted PDF: …]``."""
    said = vietnamese(reason) or UNKNOWN
    return f"{said} [{printable(reason)}]"


def printable(text: str) -> str:
    """``text`` with controls, separators, direction overrides and non-UTF-8 bytes shown as escapes."""

    def escape(match: regex.Match) -> str:
        char = match.group()
        if char in _ESCAPES:
            return _ESCAPES[char]
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(escape, text)


def line_kind(kind: str) -> str:
    """The Vietnamese word for a kind of line, padded so the names line up."""
    return KINDS[kind].ljust(KIND_WIDTH)
