"""PDF documents to normalized Markdown-ish text, with PDFium (pypdfium2, pinned exactly).

The text layer is read character by character with its position, lines are rebuilt from
PDFium's own line breaks, and lines become paragraphs by layout:

* a paragraph ends where the vertical gap to the next line is larger than ordinary leading,
  where text jumps up (a new column), where the font size changes, where a line ended short
  with sentence punctuation, or where the next line starts with a list marker or clause number;
* a heading set in the body's type ("3. Fees", "Refund Window": short, no final punctuation,
  on its own line above a sentence) is a paragraph of its own, not the start of its first sentence;
* a page break is a paragraph break, unless a sentence runs on from one page to the next;
* running headers and footers (the same edge line on many pages, digits ignored) and page
  numbers ("7", "Page 7 of 12", "- 7 -") at the top or bottom of a page are dropped;
* lines in a clearly larger font than the body become ``#`` headings; bullets become ``- ``.

Same bytes, same text: nothing here depends on anything but the PDF and the PDFium version,
which is why pypdfium2 is pinned exactly (bump it together with EXTRACTOR_VERSION).
Scanned PDFs (no text layer) are refused with a clear error; there is no OCR.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tracker.errors import ExtractError

PDF_MAGIC = b"%PDF-"

# Fractions of a line's height (loose box: the font's full ascent + descent).
_PARAGRAPH_GAP = 0.5  # a gap above ordinary leading this large starts a paragraph
_SAME_LINE = 0.5  # a "line" this much overlapping the previous one vertically is its continuation
_SIZE_CHANGE = 1.15  # font size ratio that separates a heading from body text
_SHORT_LINE = 0.7  # a line narrower than this share of the page's text width can end a paragraph
_EDGE_LINES = 2  # lines at each of the top and bottom of a page that may be headers/footers
_EDGE_ZONE = 0.15  # ... if they lie in the top or bottom 15% of the page
_RUNNING_MAX = 100  # characters: running headers and footers are short

_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|página|pagina)\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?"
    r"(?:\s*(?:of|/|de|von|sur|di)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_LIST_START = re.compile(r"^(?:[•▪◦●‣∙·*-]\s|\(?[a-z]\)\s|\(?[ivx]{1,5}\)\s|\d{1,3}(?:\.\d{1,3})*[.)]?\s)", re.I)
_BULLET = re.compile(r"^[•▪◦●‣∙·]\s*")
_SENTENCE_END = re.compile(r"[.:;!?][\"')\]]*$")
_DIGITS = re.compile(r"\d+")
_SOFT_HYPHENS = ("\x02", "\u00ad")


@dataclass
class _Line:
    text: str
    left: float
    bottom: float
    right: float
    top: float
    size: float  # font size of its characters (the most common one)

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 0.1)


def is_pdf(raw: bytes) -> bool:
    """True if the bytes start like a PDF (the spec tolerates junk in the first 1 KB)."""
    return PDF_MAGIC in raw[:1024]


def pdf_to_text(raw: bytes) -> str:
    """The text of a PDF as paragraphs separated by blank lines (not yet normalized).

    Raises ExtractError for a broken, encrypted or text-less PDF, or when pypdfium2 is missing.
    """
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a declared dependency
        raise ExtractError("reading PDF documents needs pypdfium2: pip install -e .") from None
    try:
        document = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == 4:  # FPDF_ERR_PASSWORD
            raise ExtractError("the PDF is encrypted with a password; its text cannot be read") from None
        reason = re.search(r"PDFium: ([^)]+)", str(exc))
        detail = reason.group(1) if reason else str(exc).rstrip(".")
        raise ExtractError(f"not a readable PDF, damaged or not a PDF at all (PDFium: {detail})") from None
    try:
        if len(document) == 0:
            raise ExtractError("the PDF has no pages")
        pages: list[tuple[list[_Line], float]] = []
        for number in range(len(document)):
            try:
                page = document[number]
            except pdfium.PdfiumError as exc:
                raise ExtractError(f"cannot read PDF page {number + 1}: {exc}") from None
            try:
                pages.append((_page_lines(page), page.get_height()))
            except pdfium.PdfiumError as exc:
                raise ExtractError(f"cannot read the text of PDF page {number + 1}: {exc}") from None
            finally:
                page.close()
    finally:
        document.close()
    if not any(lines for lines, _ in pages):
        raise ExtractError("the PDF has no text layer (scanned pages?); OCR is not supported")
    return _layout([lines for lines, _ in pages], [height for _, height in pages])


# --------------------------------------------------------------------------- lines


def _page_lines(page) -> list[_Line]:
    """The page's text lines in PDFium's reading order, with their boxes and font size.

    Characters come one by one (PDFium's char index); positions are read for a few characters
    per line only (the loose box spans the font's full height, so any character gives the
    line's top and bottom): first, middle and last, which keeps a long PDF well under a second.
    """
    import pypdfium2.raw as c

    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        rect = c.FS_RECTF()
        lines: list[_Line] = []
        chars: list[str] = []
        visible: list[int] = []  # char indexes of the current line that are drawn glyphs

        def end_line() -> None:
            text = "".join(chars).strip()
            if text and visible:
                boxes = []
                for index in sorted({visible[0], visible[len(visible) // 2], visible[-1]}):
                    if c.FPDFText_GetLooseCharBox(raw, index, rect):
                        boxes.append((rect.left, rect.bottom, rect.right, rect.top))
                sizes = Counter(round(c.FPDFText_GetFontSize(raw, i), 1) for i in (visible[0], visible[-1]))
                if boxes:
                    lines.append(_Line(text, min(b[0] for b in boxes), min(b[1] for b in boxes),
                                       max(b[2] for b in boxes), max(b[3] for b in boxes),
                                       max(sizes, key=lambda size: (sizes[size], size))))
            chars.clear()
            visible.clear()

        for index in range(c.FPDFText_CountChars(raw)):
            code = c.FPDFText_GetUnicode(raw, index)
            if code == 0x0A:
                end_line()
                continue
            if code == 0x0D or not 0 < code < 0x110000:
                continue
            char = chr(code)
            chars.append(char)
            if not char.isspace() and c.FPDFText_IsGenerated(raw, index) != 1:
                visible.append(index)
        end_line()
        return _merge_same_line(lines)
    finally:
        textpage.close()


def _merge_same_line(lines: list[_Line]) -> list[_Line]:
    """PDFium sometimes breaks one visual line in two (a bold word, a kerning jump): rejoin them."""
    out: list[_Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and line.left >= prev.right - 1:
            overlap = min(prev.top, line.top) - max(prev.bottom, line.bottom)
            if overlap > _SAME_LINE * min(prev.height, line.height):
                prev.text = f"{prev.text} {line.text}"
                prev.right, prev.top = line.right, max(prev.top, line.top)
                prev.bottom = min(prev.bottom, line.bottom)
                continue
        out.append(line)
    return out


# --------------------------------------------------------------------------- layout


def _layout(pages: list[list[_Line]], heights: list[float]) -> str:
    pages = _drop_running_lines(pages, heights)
    body_size = _body_size(pages)
    heading_levels = _heading_levels(pages, body_size)
    paragraphs: list[str] = []
    carry = False  # the last paragraph of the previous page runs on
    for lines in pages:
        if not lines:
            continue
        width = max(line.right for line in lines) - min(line.left for line in lines)
        current: list[_Line] = []
        for line in lines:
            if current and (_breaks(current[-1], line, width)
                            or (len(current) == 1 and _heads(current[0], line, width))):
                paragraphs.append(_paragraph(current, heading_levels, body_size))
                current = []
                carry = False
            if not current and carry and paragraphs and _runs_on(paragraphs[-1], line):
                paragraphs[-1] = _join(paragraphs[-1], line.text)
                continue
            carry = False
            current.append(line)
        if current:
            paragraphs.append(_paragraph(current, heading_levels, body_size))
        carry = True
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def _breaks(prev: _Line, line: _Line, width: float) -> bool:
    """Does ``line`` start a new paragraph after ``prev``?"""
    height = min(prev.height, line.height)
    if line.top > prev.top + 0.5 * height:  # moved up: a new column or out-of-order text
        return True
    if prev.bottom - line.top > _PARAGRAPH_GAP * height:
        return True
    ratio = max(prev.size, line.size) / max(min(prev.size, line.size), 0.1)
    if ratio >= _SIZE_CHANGE:
        return True
    if _LIST_START.match(line.text):
        return True
    return prev.right - prev.left < _SHORT_LINE * width and bool(_SENTENCE_END.search(prev.text))


# A section heading set in the body's type: a numbered title ("3. Fees", "4.2 Refund window") or
# a Title Case or capitals one ("Refund Window", "FEES"), short and without final punctuation.
_NUMBERED_TITLE = re.compile(r"^(?:\d{1,3}\.(?:\d{1,3}\.?)*|\d{1,3}(?:\.\d{1,3})+)[ \t]+(\S.*)$")
_HEADING_WORDS = 8
_MINOR_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())


def _heads(first: _Line, line: _Line, width: float) -> bool:
    """Is ``first``, the only line so far of a paragraph, a heading set in the body's type, with
    ``line`` its first sentence? A short line without final punctuation that reads as a title
    (see ``_NUMBERED_TITLE``), before a line that starts a sentence (a capital, then the full
    width or a sentence's end). Such a heading ran into its first sentence ("3. Fees The plan
    costs ..."), and the section was then named after what stood above it. An address or a
    list of names in short lines stays one paragraph: its next line is short too."""
    if first.right - first.left >= _SHORT_LINE * width or _SENTENCE_END.search(first.text) \
            or first.text.endswith(","):
        return False
    if not line.text[:1].isupper() or len(line.text.split()) < 3 \
            or (line.right - line.left < _SHORT_LINE * width and not _SENTENCE_END.search(line.text)):
        return False
    numbered = _NUMBERED_TITLE.match(first.text)
    title = numbered.group(1) if numbered else first.text
    words = title.split()
    if not words or len(words) > _HEADING_WORDS or not title[:1].isalpha() or words[-1].lower() in _MINOR_WORDS:
        return False  # (a title does not end with "of" or "the": such a line runs on)
    if numbered:
        return title[:1].isupper()
    # unnumbered: every word capitalised, short joining words aside ("Limitation of Liability")
    return all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words if w[:1].isalpha()) \
        and title[:1].isupper()


def _runs_on(paragraph: str, line: _Line) -> bool:
    """A sentence cut by a page break: no final punctuation before it, lowercase after it."""
    if paragraph.startswith("#") or _SENTENCE_END.search(paragraph):
        return False
    return line.text[:1].islower()


def _join(text: str, more: str) -> str:
    if text.endswith(_SOFT_HYPHENS):
        return text[:-1] + more
    if text.endswith("-") and text[-2:-1].isalpha() and more[:1].islower():
        return text + more  # "non-" + "refundable"
    return f"{text} {more}"


def _paragraph(lines: list[_Line], heading_levels: dict[float, int], body_size: float) -> str:
    text = lines[0].text
    for line in lines[1:]:
        text = _join(text, line.text)
    text = text.replace("\x02", "-").replace("\u00ad", "")
    level = heading_levels.get(lines[0].size)
    if level and len(lines) <= 2 and len(text) <= 150:
        return f"{'#' * level} {text}"
    return _BULLET.sub("- ", text)


def _body_size(pages: list[list[_Line]]) -> float:
    """The font size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _heading_levels(pages: list[list[_Line]], body_size: float) -> dict[float, int]:
    """Font sizes clearly larger than the body's, largest first, as heading levels 1-3."""
    if body_size <= 0:
        return {}
    bigger = sorted({line.size for lines in pages for line in lines if line.size >= body_size * _SIZE_CHANGE},
                    reverse=True)
    return {size: min(level, 3) for level, size in enumerate(bigger, start=1)}


def _drop_running_lines(pages: list[list[_Line]], heights: list[float]) -> list[list[_Line]]:
    """Without page numbers and headers/footers repeated on many pages.

    Only the top and bottom lines of a page, inside its top or bottom margin zone, are
    candidates; a short one repeated at the same height on at least half the pages (two at
    least) is a running header or footer, digits ignored ("Page 3 of 9" repeats "Page 4 of 9").
    """

    def edges(lines: list[_Line], height: float) -> set[int]:
        by_top = sorted(range(len(lines)), key=lambda i: lines[i].top)
        low = {i for i in by_top[:_EDGE_LINES] if lines[i].bottom < _EDGE_ZONE * height}
        high = {i for i in by_top[-_EDGE_LINES:] if lines[i].top > (1 - _EDGE_ZONE) * height}
        return low | high

    def shape(line: _Line) -> tuple[str, int]:
        """What repeats: the text without its digits, at the same height on the page."""
        return _DIGITS.sub("#", line.text.casefold()), round(line.top / 6)

    repeated: set[tuple[str, int]] = set()
    if len(pages) >= 2:
        seen: Counter[tuple[str, int]] = Counter()
        for lines, height in zip(pages, heights):
            seen.update({shape(lines[i]) for i in edges(lines, height) if len(lines[i].text) <= _RUNNING_MAX})
        needed = max(2, (len(pages) + 1) // 2)
        repeated = {key for key, count in seen.items() if count >= needed}
    out: list[list[_Line]] = []
    for lines, height in zip(pages, heights):
        drop = {i for i in edges(lines, height)
                if _PAGE_NUMBER.match(lines[i].text) or shape(lines[i]) in repeated}
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out
