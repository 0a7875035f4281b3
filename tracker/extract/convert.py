"""Turn fetched bytes into normalized Markdown, so that only wording changes show up as changes.

Everything here is deterministic: the same bytes always give the same text. Anything that may
change the output for the same input (converter options, normalization rules, the pinned
html-to-markdown version) must bump EXTRACTOR_VERSION, so stored text can be re-extracted.
"""

from __future__ import annotations

import codecs
import dataclasses
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlsplit

import html_to_markdown as h2m
import html_to_markdown._html_to_markdown as h2m_native
import html_to_markdown.api as h2m_api
from selectolax.lexbor import LexborHTMLParser, LexborNode

from tracker.errors import ExtractError
from tracker.extract.links import canonicalize_links
from tracker.sources.config import Range, Selector
from tracker.sources.selectors import check_selector

# 2: pages parsed with scripting on (``<noscript>`` is text, as in a browser), canonical link
#    targets (links.py), nested stray lists, whitespace at block edges dropped.
# 3: blocks hidden by their own markup (inline display:none, the hidden attribute) that no control
#    reveals and that are no terms are dropped (``_drop_hidden``); declarative shadow roots are
#    read where a browser renders them (``_open_shadow_roots``), not dropped as templates.
# 4: a page read without ``select`` loses its chrome (``_drop_chrome``): site navigation, the
#    page's own header and footer, and cookie-consent banners, each short, outside the main
#    content and holding no section of it (newuser12: nav, footer and cookie text read as clauses).
# 5: a PDF's section heading set in the body's type ("3. Fees", "Refund Window") on its own line
#    above its first sentence is a paragraph of its own (``pdf._heads``), not glued to the sentence.
EXTRACTOR_VERSION = "5"

# Never text a reader sees as terms; dropped before `remove`/`select` run.
ALWAYS_DROP = ("script", "style", "noscript", "template", "svg", "iframe")
# Also dropped: carry per-request tokens (CSRF) and render as nothing, so the text is the same
# with or without them, but a region fingerprint (``Region.digest``) would change on every fetch.
DROP_UNSEEN = ('input[type="hidden"]',)

# Elements whose whitespace is significant; everything else is collapsed like a browser does.
_PRE_TAGS = "pre, textarea"

_OPTIONS = h2m.ConversionOptions(
    heading_style="atx",
    bullets="-",
    list_indent_width=2,
    strong_em_symbol="*",
    # Escaping would add backslashes that depend on the converter's guesses, not on the wording.
    escape_asterisks=False,
    escape_underscores=False,
    escape_misc=False,
    escape_ascii=False,
    autolinks=True,
    compact_tables=True,
    extract_metadata=False,
    wrap=False,
    # "spaces" would put the break in trailing spaces, which normalize_markdown strips.
    newline_style="backslash",
    code_block_style="backticks",
    # Collapsed sections ("show more") are still part of the terms.
    hidden_content="all",
    # Images carry no wording, and their URLs (CDN hashes, data: URIs) change all the time.
    skip_images=True,
    # The library's heuristic clean-up (drop nav, forms) is off: what is kept is decided by the
    # source's select/remove only, so an unrelated heuristic can never hide a clause.
    preprocessing=h2m.PreprocessingOptions(enabled=False),
)


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels browsers treat as another encoding (WHATWG Encoding Standard): pages declaring
# latin-1/ascii really use windows-1252 (curly quotes in 0x80-0x9F).
_CODEC_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030"}

_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_META_PRESCAN_BYTES = 4096


def decode(raw: bytes, content_type: str | None = None) -> str:
    """Bytes to text: BOM, then the header charset, then <meta charset>, then utf-8; bytes that do
    not decode in the declared (or default) encoding are decoded in the one they are really in.

    Never raises, and never writes a U+FFFD the page did not contain (``decode_report`` says
    which encoding was used and why).
    """
    return decode_report(raw, content_type)[0]


def decode_report(raw: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(text, note): ``note`` is "" when the page decoded as it declared (or as UTF-8 when it
    declared nothing), else the encoding used and why, e.g. "windows-1252 (declared utf-8 does
    not decode)", to be recorded with the version.

    A declared charset is trusted as browsers do as long as the bytes decode in it; when they
    do not (Windows-1252 bytes served as ``charset=utf-8``), the real encoding is detected
    (charset-normalizer, Windows-1252 preferred among Latin code pages as on the web). Bytes
    that decode in nothing are kept as Windows-1252/Latin-1 characters, never as U+FFFD.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(codec, errors=_KEEP_BYTES), ""
    declared = _charset_from_header(content_type)
    meta = _charset_from_meta(raw) if _may_be_html(content_type) else None
    if declared is None:
        declared = meta
    codec = declared or "utf-8"
    if declared is not None and _label(declared) != "utf-8" and _is_utf8_text(raw, meta is not None and
                                                                            _label(meta) == "utf-8"):
        # UTF-8 bytes under another label (a server's default `charset=iso-8859-1`): every byte
        # decodes in a single-byte code page, so the label alone would give mojibake ("cafÃ©"),
        # and a version of it each time the label changes. Text in another encoding is almost
        # never valid UTF-8 with multi-byte characters in it.
        return raw.decode("utf-8"), f"utf-8 (declared {_label(declared)}, but the bytes are UTF-8)"
    try:
        return raw.decode(codec), ""
    except UnicodeDecodeError:
        pass
    if meta is not None and _label(meta) != _label(codec):
        # The header and the page's <meta> disagree and the header's charset does not decode the
        # bytes: the page's own label is the one its author saved it in.
        try:
            return raw.decode(meta), f"{_label(meta)} (declared {_label(codec)} does not decode; the page's <meta> says {_label(meta)})"
        except UnicodeDecodeError:
            pass
    said = f"declared {_label(declared)} does not decode" if declared else "no charset declared, not UTF-8"
    if _label(codec) == "utf-8" and _has_utf8_sequences(raw):
        # Mostly UTF-8 with a few stray Windows-1252 bytes (a template pasted from Word): reading
        # it all as one code page would garble the UTF-8 part.
        return raw.decode(codec, errors=_KEEP_BYTES), f"utf-8 with stray bytes read as windows-1252 ({said})"
    detected = _detect(raw)
    if detected is not None:
        try:
            return raw.decode(detected), f"{_label(detected)} ({said})"
        except UnicodeDecodeError:
            pass
    return (raw.decode(codec, errors=_KEEP_BYTES),
            f"{_label(codec)} with undecodable bytes read as windows-1252 ({said})")


UTF8_EVIDENCE = 2  # multi-byte UTF-8 characters that make valid UTF-8 bytes UTF-8 whatever their label


def _is_utf8_text(raw: bytes, said_utf8: bool = False) -> bool:
    """True if ``raw`` is valid UTF-8 holding at least ``UTF8_EVIDENCE`` multi-byte characters,
    or one that no single-byte text forms by chance: a character of U+0080-U+00FF (its bytes read
    in Windows-1252 are "Â" or "Ã" then a symbol: "Â©", "Ã©", the classic mojibake), one of three
    or four bytes (an accented small letter then two symbols: "â€™"), or any one when the page's
    ``<meta>`` says UTF-8 (``said_utf8``) where the header says otherwise. A page with a single
    "©" in its footer is UTF-8 as much as one full of accents."""
    if raw.isascii():
        return False
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    wide = [c for c in text if ord(c) > 0x7F]
    return (len(wide) >= UTF8_EVIDENCE or said_utf8
            or any(ord(c) <= 0xFF or ord(c) >= 0x800 for c in wide))


def _has_utf8_sequences(raw: bytes) -> bool:
    """True if ``raw`` holds well-formed multi-byte UTF-8 sequences (its undecodable bytes are
    then strays in a UTF-8 page, not the sign of another encoding): at least as many well-formed
    non-ASCII characters as undecodable bytes (Shift-JIS or GBK text only forms a few by chance)."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return sum(1 for c in text if ord(c) > 0x7F) - bad >= bad


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def repair_mojibake(text: str) -> str:
    """``text`` with each run of non-ASCII characters that is UTF-8 bytes read as Windows-1252
    or Latin-1 ("Ã©" for "é", "â€™" for "’", "Â©" for "©") read back as UTF-8; other runs are
    kept. Used to compare texts, never to rewrite a stored one: a page decoded under a wrong
    label says the same as the page decoded right."""

    def back(match: re.Match[str]) -> str:
        run = match.group(0)
        try:
            raw = bytes(_cp1252_byte(c) for c in run)
            return raw.decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return run

    return _NON_ASCII_RUN.sub(back, text) if not text.isascii() else text


def _cp1252_byte(char: str) -> int:
    """The byte Windows-1252 (or Latin-1, for the five bytes it leaves undefined) writes ``char``
    as; ValueError when neither has it."""
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        if ord(char) < 0x100:
            return ord(char)
        raise ValueError(char) from None


def _label(codec: str) -> str:
    """The WHATWG-style name of a Python codec: "cp1252" -> "windows-1252"."""
    name = codecs.lookup(codec).name
    return {"cp1252": "windows-1252", "cp932": "shift_jis", "iso8859-1": "iso-8859-1"}.get(name, name)


def _detect(raw: bytes) -> str | None:
    """The encoding ``raw`` is most likely in (charset-normalizer), or None."""
    from charset_normalizer import from_bytes
    from charset_normalizer.utils import is_multi_byte_encoding

    if len(raw) < _DETECT_MIN_BYTES // 10:  # a handful of bytes: nothing to tell from
        return "cp1252"
    # UTF-16/32 without a byte order mark: any even-length bytes "decode"; browsers never guess it.
    matches = [m for m in from_bytes(raw) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        return None
    best = matches[0]
    # Western pages that are not UTF-8 are overwhelmingly Windows-1252: when the best guess reads
    # as Latin script (cp1250, iso8859_15... tie with it on short texts), prefer it.
    # A few bytes are too little to tell one code page from another: Windows-1252 then, unless
    # the guess is a multi-byte encoding (Shift-JIS, GB18030...), which short texts do show.
    letters = [c for c in str(best) if c.isalpha() and ord(c) > 0x7F]
    short = len(raw) < _DETECT_MIN_BYTES and not is_multi_byte_encoding(best.encoding)
    if short or all(ord(c) <= 0x24F for c in letters):
        try:
            raw.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best.encoding)


def _keep_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: an undecodable byte becomes its Windows-1252 character (Latin-1 for
    the five bytes Windows-1252 leaves undefined), not U+FFFD."""
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start:error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in chunk), error.end


_KEEP_BYTES = "tracker-keep-bytes"
_DETECT_MIN_BYTES = 200  # below this, a single-byte guess other than Latin is not trusted
codecs.register_error(_KEEP_BYTES, _keep_bytes)


def _codec(label: str) -> str | None:
    """Python codec name for a charset label, or None if unknown or not a text encoding."""
    try:
        info = codecs.lookup(label.strip().lower())
    except LookupError:
        return None
    # Rejects bytes-to-bytes codecs such as "base64" or "hex" that Python also knows.
    if not getattr(info, "_is_text_encoding", True):
        return None
    return _CODEC_ALIASES.get(info.name, info.name)


def _charset_from_header(content_type: str | None) -> str | None:
    match = _CHARSET_PARAM.search(content_type or "")
    return _codec(match.group(1)) if match else None


def _charset_from_meta(raw: bytes) -> str | None:
    """<meta charset=...> or <meta http-equiv content="...; charset=..."> in the first 4 KB."""
    match = _META_CHARSET.search(raw[:_META_PRESCAN_BYTES])
    if not match:
        return None
    codec = _codec(match.group(1).decode("ascii", errors="replace"))
    # A page readable enough to find its <meta> is not UTF-16 (WHATWG: treat as utf-8).
    if codec is not None and codec.startswith("utf-16"):
        return "utf-8"
    return codec


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _may_be_html(content_type: str | None) -> bool:
    return _media_type(content_type) not in ("text/plain", "text/markdown", "text/x-markdown")


# --------------------------------------------------------------------------- kind detection

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_TEXT_SUFFIXES = (".md", ".markdown", ".txt")
_HTML_START = re.compile(r"<(!doctype|html|head|body|\?xml)\b", re.IGNORECASE)
_HTML_DOCUMENT = re.compile(r"\ufeff?\s*<(!doctype\s+html\b|html[\s>])", re.IGNORECASE)
_TAG_AT_START = re.compile(
    r"\s*<(meta|title|link|div|p|h[1-6]|article|main|section|table|ul|ol|span|a)\b", re.IGNORECASE
)
_BLOCK_TAG = re.compile(
    r"</(p|div|li|h[1-6]|table|td|section|article|main|span|a|ul|ol)\s*>", re.IGNORECASE
)


def _kind(text: str, content_type: str | None, url: str) -> str:
    """'html' or 'text', from the Content-Type, else the URL suffix, else the content itself."""
    media = _media_type(content_type)
    if media in _HTML_TYPES:
        return "html"
    if media in _TEXT_TYPES:
        # An HTML document served as text/plain (a misconfigured server or CDN): its source is
        # not the terms. Only a whole document counts (doctype or <html> first), so a text or
        # Markdown file that quotes HTML further down stays text.
        return "html" if media == "text/plain" and _HTML_DOCUMENT.match(text) else "text"
    if media.startswith(("image/", "audio/", "video/", "font/")):
        raise ExtractError(f"the page is {media}, not HTML or text; only HTML/Markdown/text/PDF is supported")
    path = urlsplit(url).path.lower()
    if path.endswith(_HTML_SUFFIXES):
        return "html"
    if path.endswith(_TEXT_SUFFIXES):
        return "text"
    return "html" if _looks_like_html(text) else "text"


def _looks_like_html(text: str) -> bool:
    """A doctype/<html> near the top, a common tag first, or several closing block tags."""
    head = text[:8192]
    if _HTML_START.search(head[:1024]) or _TAG_AT_START.match(head):
        return True
    return len(_BLOCK_TAG.findall(head)) >= 3


# --------------------------------------------------------------------------- public entry point


def extract(
    raw: bytes,
    content_type: str | None = None,
    *,
    url: str = "",
    select: Sequence[Selector] = (),
    remove: Sequence[Selector] = (),
) -> str:
    """Fetched bytes to normalized Markdown; raises ExtractError if no text is left.

    PDFs (by Content-Type, ``%PDF-`` magic bytes or a ``.pdf`` URL) go to ``tracker.extract.pdf``;
    ``select``/``remove`` do not apply to them. The same as ``to_text(region(...))``.
    """
    return to_text(region(raw, content_type, url=url, select=select, remove=remove))


@dataclasses.dataclass(eq=False)
class Region:
    """The part of a fetched page its text is made from, before conversion to Markdown.

    ``digest`` (32 hex digits) fingerprints it: for HTML, the selected part of the tree after
    ``select``, ``remove`` and the noise (scripts, comments, hidden form fields...) are applied,
    plus the URL links are resolved against; for text and PDF, what is converted. Equal digests
    give equal texts (``to_text``) under the same EXTRACTOR_VERSION, so a caller that remembers
    the digest of the latest text can skip the conversion, the bulk of the extraction's cost.
    """

    kind: str  # "html", "text" or "pdf"
    digest: str
    url: str
    roots: list[LexborNode] = dataclasses.field(default_factory=list)  # html: the kept parts
    tree: LexborHTMLParser | None = None  # html: keeps the roots' tree alive until conversion
    text: str = ""  # text: the decoded page
    raw: bytes = b""  # pdf: the file
    content_type: str | None = None  # pdf: as served (named in errors)
    selected: str = ""  # html: the `select` items, named when the region they found has no text


def _digest(kind: str, url: str, content: str | bytes) -> str:
    digest = hashlib.sha256(f"{kind}\n{url}\n".encode("utf-8"))
    digest.update(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    return digest.hexdigest()[:32]


def region(
    raw: bytes,
    content_type: str | None = None,
    *,
    url: str = "",
    select: Sequence[Selector] = (),
    remove: Sequence[Selector] = (),
) -> Region:
    """The page's ``Region``: decoded, parsed, selected and cleaned, not converted yet.

    Raises ExtractError for a bad selector, a ``select`` that matches nothing, or a page that is
    an image/audio/video/font.
    """
    if _is_pdf(raw, content_type, url):
        return Region("pdf", _digest("pdf", url, raw), url, raw=raw, content_type=content_type)
    text = decode(raw, content_type)
    if _kind(text, content_type, url) == "html":
        tree, roots = _html_region(text, select=select, remove=remove)
        fragment = "\n".join(root.html or "" for root in roots if root is not None)
        selected = ", ".join(repr(item) if isinstance(item, str) else "a range" for item in select)
        return Region("html", _digest("html", url, fragment), url, roots=roots, tree=tree, selected=selected)
    return Region("text", _digest("text", url, text), url, text=text)


def to_text(found: Region) -> str:
    """The region's normalized Markdown; raises ExtractError if no text is left (or the PDF is
    unreadable). Consumes an HTML region (its tree is modified): call once per region."""
    if found.kind == "pdf":
        from tracker.extract.pdf import pdf_to_text

        try:
            text = pdf_to_text(found.raw)
        except ExtractError as exc:
            served = _media_type(found.content_type) or "no Content-Type"
            raise ExtractError(f"{exc} (served as {served})") from None
        return _nonempty(normalize_markdown(text), found.url)
    if found.kind == "html":
        result = _region_markdown(found.roots, found.url)
    else:
        result = normalize_markdown(found.text)
    return _nonempty(result, found.url, found.selected)


def _nonempty(result: str, url: str, selected: str = "") -> str:
    if not result or result.isspace():  # not result.strip(), without copying the text
        where = f" at {url}" if url else ""
        if selected:  # the selector matched, but what it matched is empty now
            raise ExtractError(f"the selected region ({selected}) of the page{where} has no text after extraction: "
                               "it matched only empty elements (the page layout changed, or scripts write its "
                               "text; check `select` in the sources file)")
        raise ExtractError(f"the page{where} has no text after extraction (empty or only markup)")
    return result


def _is_pdf(raw: bytes, content_type: str | None, url: str) -> bool:
    """application/pdf, or the %PDF- magic bytes first, or (unless served as HTML/text) the
    magic bytes within the first 1 KB or a .pdf URL."""
    from tracker.extract.pdf import PDF_MAGIC, is_pdf

    media = _media_type(content_type)
    if media == "application/pdf" or raw.lstrip()[:5] == PDF_MAGIC:
        return True
    if media in (*_HTML_TYPES, *_TEXT_TYPES):
        return False
    return is_pdf(raw) or urlsplit(url).path.lower().endswith(".pdf")


# --------------------------------------------------------------------------- HTML


def html_to_markdown(
    html: str,
    *,
    select: Sequence[Selector] = (),
    remove: Sequence[Selector] = (),
    base_url: str = "",
) -> str:
    """Keep the selected part of the page, drop noise, convert to Markdown and normalize it.

    ``select`` / ``remove`` items are CSS selectors or ``Range``s. Range boundaries are looked up
    after the noise (scripts, comments...) and the earlier ``remove`` items are gone, as the CSS
    selectors are.
    """
    _tree, roots = _html_region(html, select=select, remove=remove)
    return _region_markdown(roots, base_url)


def _html_region(html: str, *, select: Sequence[Selector], remove: Sequence[Selector]
                 ) -> tuple[LexborHTMLParser, list[LexborNode]]:
    """The parsed page and the roots of what is kept of it (``select``, ``remove``, noise)."""
    _validate_selectors(select, "select")
    _validate_selectors(remove, "remove")
    # scripting=True builds the tree a browser that runs scripts builds (and the one the browser
    # path's page.content() serialises): <noscript> content is raw text, so a
    # <noscript><iframe></noscript> in <head> cannot swallow the page as iframe text.
    tree = LexborHTMLParser(html, scripting=True)
    if _SHADOW_ROOT.search(html):
        _open_shadow_roots(tree)
    _drop_noise(tree)
    _nest_stray_lists(tree)
    if _may_nest_deep(tree):
        _flatten_deep(tree)
    for item in remove:
        if isinstance(item, Range):
            _remove_range(tree, item)
            continue
        for node in tree.css(item):
            node.decompose()
    if any(isinstance(item, Range) for item in select):
        _keep_only(tree, select)
        roots = [tree.root] if tree.root is not None else []
    elif not select:
        _drop_chrome(tree)
        roots = [tree.root] if tree.root is not None else []
    else:
        # Without ranges: exactly the path that made the archive's texts (they must not change).
        roots = list(_selected(tree, [s for s in select if isinstance(s, str)]))
    _drop_hidden(tree, roots)
    return tree, roots


# The Markdown converter drops, without a word, whatever is nested more than about 1,020
# elements deep: a page of unclosed <div>s (one per clause, as some generators write them) lost
# every clause after the thousandth. Browsers cap the depth too (Blink at 512) and show it all.
DEEP = 400  # depth past which generic wrappers are unwrapped
_WRAPPERS = frozenset({"div", "section", "article", "center", "main", "aside", "header", "footer", "nav"})
# Blocks: a wrapper holding only these (and blank text) can be unwrapped without joining lines.
_BLOCKS = _WRAPPERS | {"p", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
                       "hr", "form", "figure", "details", "address", "fieldset"}


def _may_nest_deep(tree: LexborHTMLParser) -> bool:
    """Whether a page may nest elements past ``DEEP``: the path down its last elements is that
    deep (microseconds: elements left unclosed stay open to the page's end, so that is where
    their nesting shows; a deep part closed before the end is not looked for)."""
    node, level = tree.root, 0
    while node is not None and level <= DEEP:
        child = node.last_child
        while child is not None and (child.is_text_node or child.is_comment_node):
            child = child.prev
        node, level = child, level + 1
    return level > DEEP


def _flatten_deep(tree: LexborHTMLParser) -> None:
    """Unwrap generic block wrappers (``div``, ``section``...) deeper than ``DEEP`` elements that
    hold only blocks, keeping their content where it was: the text stays the same and within the
    converter's reach.
    Raises ExtractError when the page still nests deeper than the converter reads (lists or
    tables a thousand levels deep), rather than record a text cut short."""
    if tree.root is None:
        return
    deep = [node for node, level in _depths(tree.root)
            if level > DEEP and node.tag in _WRAPPERS and _only_blocks(node)]
    for node in deep:
        node.unwrap()
    deepest = max((level for _, level in _depths(tree.root)), default=0)
    if deepest > CONVERTER_DEPTH:
        raise ExtractError(f"the page nests its elements {deepest} deep, more than the {CONVERTER_DEPTH} its "
                           "text can be read through: it would be cut short (its HTML leaves its elements "
                           "unclosed)")


def _only_blocks(node: LexborNode) -> bool:
    """Whether ``node`` holds only block elements and blank text (nothing inline that unwrapping
    would run into its neighbours)."""
    child = node.child
    while child is not None:
        if child.is_text_node:
            if (child.text_content or "").strip():
                return False
        elif child.tag not in _BLOCKS and not child.is_comment_node:
            return False
        child = child.next
    return True


CONVERTER_DEPTH = 1000  # elements deep the Markdown converter reads through (it stops near 1,020)


def _depths(root: LexborNode) -> Iterator[tuple[LexborNode, int]]:
    """Each element under ``root`` with its depth (``root`` is 0), in document order."""
    depth: dict[int, int] = {}
    for node in root.traverse():
        parent = node.parent
        level = depth.get(parent.mem_id, 0) + 1 if parent is not None and node is not root else 0
        depth[node.mem_id] = level
        yield node, level


def _region_markdown(roots: list[LexborNode], base_url: str) -> str:
    """The kept roots as normalized Markdown (collapses their whitespace in place first)."""
    for root in roots:
        canonicalize_links(root)  # only the kept part: a page's menus hold most of its links
        _collapse_whitespace(root)
    fragment = "\n".join(root.html or "" for root in roots)
    return normalize_markdown(_convert(fragment, base_url))


def _validate_selectors(selectors: Sequence[Selector], what: str) -> None:
    if isinstance(selectors, str):  # a bare string would be iterated char by char
        raise ExtractError(f"{what} must be a list of CSS selectors, not the string {selectors!r}")
    for item in selectors:
        for selector in (item.start, item.end) if isinstance(item, Range) else (item,):
            problem = check_selector(selector)
            if problem:
                raise ExtractError(f"{what}: {problem}")


_SHADOW_ROOT = re.compile(r"<template\b[^>]*\bshadowroot(?:mode)?\s*=", re.IGNORECASE)
_TEMPLATE_TAGS = re.compile(r"^<template\b[^>]*>|</template>$", re.IGNORECASE)
SHADOW_DEPTH = 8  # shadow roots inside shadow roots opened at most


def _open_shadow_roots(tree: LexborHTMLParser) -> None:
    """Put the content of each declarative shadow root (``<template shadowrootmode="open">``, or
    the older ``shadowroot``) in its host, where a browser renders it, instead of dropping it as a
    template: web components rendered on the server keep their text there. The shadow content
    goes first, the host's own children (what its slots show) after it."""
    _open_shadow_roots_in(tree, SHADOW_DEPTH)


def _open_shadow_roots_in(tree: LexborHTMLParser, depth: int) -> None:
    # (a template's content is no child of it, and inserting a node does not copy a template's
    # content: a shadow root inside a shadow root is opened in its own parse, before it moves)
    for template in tree.css("template[shadowrootmode], template[shadowroot]") if depth > 0 else []:
        inner = LexborHTMLParser(f"<body>{_TEMPLATE_TAGS.sub('', template.html or '')}</body>", scripting=True)
        _open_shadow_roots_in(inner, depth - 1)
        for child in list(inner.body.iter(include_text=True)) if inner.body is not None else []:
            template.insert_before(child)
        template.decompose()


def _drop_noise(tree: LexborHTMLParser) -> None:
    """Remove non-text elements and comments (they change with every deploy)."""
    for node in tree.css(", ".join(ALWAYS_DROP + DROP_UNSEEN)):
        node.decompose()
    if tree.root is None:
        return
    comments = [n for n in tree.root.traverse(include_text=True) if n.is_comment_node]
    for node in comments:
        node.decompose()


# Hidden on the page, whatever the style sheets say: an inline ``display: none`` or ``visibility:
# hidden`` (the last declaration of the property wins, as in the cascade), or the ``hidden``
# attribute (not ``hidden="until-found"``, which find-in-page reveals). ``aria-hidden`` is not
# among them: it hides from screen readers only, the eye still reads it (clause numbers, icons).
_HIDING_STYLE = re.compile(r"(?:^|;)\s*(display|visibility)\s*:\s*([\w-]+)", re.IGNORECASE)
# Class or id words of an element that folds part of the document away until a click shows it.
_FOLDED = re.compile(r"accordion|collaps|expand|toggl|panel|(?<![a-z])tabs?(?![a-z])|faq|answer|reveal|"
                     r"spoiler|drawer|more|detail|fold", re.IGNORECASE)
_TOGGLE_ATTRS = ("aria-controls", "aria-owns", "data-target", "data-bs-target", "data-toggle-target", "href")
_SECTION_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6", "button", "summary", "dt", "label"})
_CONTROL_ATTRS = ("aria-expanded", "data-toggle", "data-bs-toggle", "onclick", "tabindex")
# Hidden blocks holding this share of the text or more are the document (its sections folded
# behind controls no rule names, or the page hidden until its scripts run), not a stray block.
HIDDEN_SHARE = 0.25


def _hidden(node: LexborNode) -> bool:
    """Whether ``node`` is hidden by its own markup (inline style or ``hidden`` attribute)."""
    attrs = node.attributes
    if "hidden" in attrs and str(attrs.get("hidden") or "").strip().lower() != "until-found":
        return True
    style = attrs.get("style") or ""
    last: dict[str, str] = {}
    for prop, value in _HIDING_STYLE.findall(style):
        last[prop.lower()] = value.lower()
    return last.get("display") == "none" or last.get("visibility") in ("hidden", "collapse")


def _folded_part(node: LexborNode, targets: set[str]) -> bool:
    """Whether hidden ``node`` is a part of the document folded away behind a control (an
    accordion's panel, a tab's panel, a "show more"), which a reader opens: its text is terms."""
    attrs = node.attributes
    if attrs.get("id") and attrs.get("id") in targets:  # a control on the page opens it
        return True
    if attrs.get("role") in ("tabpanel", "region") or "aria-labelledby" in attrs:
        return True
    if _FOLDED.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
        return True
    before = node.prev
    while before is not None and (before.is_text_node or before.is_comment_node):
        before = before.prev
    if before is not None and (before.tag in _SECTION_HEADINGS or before.attributes.get("role") == "button"
                               or any(a in before.attributes for a in _CONTROL_ATTRS)):
        return True  # a section heading or a control right before it: the panel it opens
    parent = node.parent
    return parent is not None and (parent.tag == "details" or bool(
        _FOLDED.search(f"{parent.attributes.get('class') or ''} {parent.attributes.get('id') or ''}")))


def _drop_hidden(tree: LexborHTMLParser, roots: Sequence[LexborNode]) -> None:
    """Remove from the kept ``roots`` what their markup hides from every reader and no control
    reveals: a block an A/B test, a modal or a form message keeps out of sight, whose text may
    change on every request and is no part of the terms a reader sees.

    Kept: a folded part of the document (``_folded_part``: an accordion or tab panel, a block a
    control on the page targets, a section heading's body), a hidden block with the vocabulary
    of terms (``guards.legal_vocabulary``: a region's clauses a script shows), a selected root
    itself (the source asked for it), and every hidden block when together they hold
    ``HIDDEN_SHARE`` of the text or more (the document folded, or hidden until scripts run)."""
    candidates = [node for root in roots for node in root.css("[style], [hidden]")
                  if node.mem_id != root.mem_id and _hidden(node)]
    if not candidates:
        return
    from tracker.vocabulary import TERMS_LIKE, legal_vocabulary

    targets: set[str] = set()
    if tree.root is not None:
        for control in tree.root.css(", ".join(f"[{a}]" for a in _TOGGLE_ATTRS if a != "href") + ", a[href^='#']"):
            for name in _TOGGLE_ATTRS:
                for target in (control.attributes.get(name) or "").split():
                    if name != "href" or target.startswith("#"):
                        targets.add(target.lstrip("#"))
    gone: set[int] = set()
    hidden_text = 0
    for node in candidates:
        if _has_ancestor_in(node, gone):
            continue
        text = " ".join((node.text(separator=" ") or "").split())
        if _folded_part(node, targets) or legal_vocabulary(text) >= TERMS_LIKE:
            continue
        gone.add(node.mem_id)
        hidden_text += len(text)
    if not gone or hidden_text >= HIDDEN_SHARE * sum(len(" ".join((root.text(separator=" ") or "").split()))
                                                     for root in roots):
        return  # that much hidden is the document itself, folded or hidden until its scripts run
    for node in candidates:
        if node.mem_id in gone:
            node.decompose()


def _nest_stray_lists(tree: LexborHTMLParser) -> None:
    """Move a list written directly inside a list (``<ul><li>a</li><ul>...</ul></ul>``, invalid
    but common) into the item before it, where browsers show it and where the valid markup puts
    it, so its items keep their parent and fixing the HTML changes nothing."""
    for node in tree.css("ul > ul, ul > ol, ol > ul, ol > ol"):
        item = node.prev
        while item is not None and item.is_text_node and not (item.text_content or "").strip():
            item = item.prev
        if item is None or item.tag != "li":
            continue
        item.insert_child(node)  # inserts a copy
        node.decompose()


def _selected(tree: LexborHTMLParser, select: Sequence[str]) -> list[LexborNode]:
    """Nodes matching any selector, in document order, without nodes inside other matches."""
    found = [node for selector in select for node in tree.css(selector)]
    if len(found) == 1:  # the common case (`main`, `#terms`): nothing to order, nothing nested
        return found
    matched = {node.mem_id for node in found}
    if not matched:
        names = ", ".join(repr(s) for s in select)
        raise ExtractError(f"selector(s) {names} matched nothing on the page")
    if tree.root is None:
        return []
    kept: list[LexborNode] = []
    for node in tree.root.traverse():
        if node.mem_id in matched and not _has_ancestor_in(node, matched):
            kept.append(node)
    return kept


# --------------------------------------------------------------------------- page chrome

# What frames a page rather than states its terms: the site's menus, its own header and footer,
# and the cookie-consent banner (by element, by ARIA role, or by an id or class that names a
# consent banner: never a bare "cookie", which a cookie policy's own tables may be called).
# A sidebar (``aside``) may sum the terms up: it stays. Only for a page read without ``select``:
# a declared region is kept as declared.
_CHROME_TAGS = frozenset({"nav", "header", "footer"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo"})
_CONSENT = re.compile(r"(?:^|[\s_-])(?:(?:cookies?|consent)[-_]?(?:banner|bar|notice|popup|pop-up|modal|dialog|consent|"
                      r"prompt|wall|overlay|manager)|cookiebanner|cookieconsent|gdpr[-_]?\w*|onetrust\w*|didomi\w*|"
                      r"usercentrics\w*|cookiebot\w*|cmp[-_](?:banner|container|wrapper)|"
                      # the banners of other consent libraries, by the classes they give them (Osano's
                      # cookieconsent "cc-window cc-banner", Quantcast, TrustArc, iubenda, Termly,
                      # Klaro, CookieYes, Complianz, Borlabs, Sourcepoint, Google's Funding Choices)
                      r"cc-(?:window|banner|revoke|grower)|osano-cm\w*|qc-cmp2?\w*|truste\w*|trustarc\w*|"
                      r"iubenda-cs\w*|termly-\w*|klaro|cky-consent\w*|cmplz-cookiebanner\w*|borlabs-cookie\w*|"
                      r"sp_message_container\w*|fc-consent-root)(?:$|[\s_-])", re.IGNORECASE)
_CONTENT_TAGS = "main, article, [role=main], h1, h2, h3, h4, h5, h6"
CHROME_WORDS = 150  # a longer block is kept: a footer or aside that says that much may hold terms
_WORD_RE = re.compile(r"\w+")


def _chrome_kind(node: LexborNode) -> bool:
    attrs = node.attributes
    if node.tag in _CHROME_TAGS or str(attrs.get("role") or "").strip().lower() in _CHROME_ROLES:
        return True
    return bool(_CONSENT.search(f"{attrs.get('id') or ''} {attrs.get('class') or ''}"))


def _drop_chrome(tree: LexborHTMLParser) -> None:
    """Drop the page's chrome when no ``select`` says where its terms are: each element that is
    navigation, a header, a footer, a sidebar or a cookie-consent banner (``_chrome_kind``), not
    inside ``main`` (except the page's trailing footer, ``_trailing_footer``) or an ``article``, holding no ``main``, ``article`` or heading of the terms
    (a heading inside one is a section of the text: "Terms of Service" in a page header, a footer
    with "## Imprint") and at most ``CHROME_WORDS`` words. Their changes (a menu item, the
    copyright year, a newsletter pitch, new cookie wording) are no change of the terms. Nothing
    is dropped when the rest of the page would have no words: a page that is all "chrome" is
    read whole."""
    if tree.body is None:
        return
    found: list[LexborNode] = []
    ids: set[int] = set()
    for node in tree.body.traverse():
        if not _chrome_kind(node) or _has_ancestor_in(node, ids):
            continue  # (inside chrome already dropped: counted once)
        parent, inside = node.parent, ""
        while parent is not None:
            if parent.tag in ("main", "article") or str(parent.attributes.get("role") or "").lower() == "main":
                inside = "article" if parent.tag == "article" else "main"
                if inside == "article":
                    break
            parent = parent.parent
        if inside == "article" or node.css_first(_CONTENT_TAGS) is not None:
            continue
        if inside == "main" and not _trailing_footer(node, tree.body):
            continue  # (a page footer swallowed by a main left unclosed is still the page's footer)
        if len(_WORD_RE.findall(node.text(separator=" "))) > CHROME_WORDS:
            continue
        found.append(node)
        ids.add(node.mem_id)
    if not found:
        return
    chrome = sum(len(_WORD_RE.findall(n.text(separator=" "))) for n in found)
    if len(_WORD_RE.findall(tree.body.text(separator=" "))) - chrome < 1:
        return
    for node in found:
        node.decompose()


def _trailing_footer(node: LexborNode, body: LexborNode) -> bool:
    """Whether ``node`` is a footer (the tag or ARIA ``contentinfo``) whose words are the last
    words of ``body``: the page's own footer, even where markup left unclosed (``<main>``, a
    ``<div>``) put it inside the main content. A footer with text after it belongs to a section."""
    if node.tag != "footer" and str(node.attributes.get("role") or "").strip().lower() != "contentinfo":
        return False
    words = _WORD_RE.findall(node.text(separator=" "))
    return bool(words) and _WORD_RE.findall(body.text(separator=" "))[-len(words):] == words


def _has_ancestor_in(node: LexborNode, ids: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


# --------------------------------------------------------------------------- ranges
#
# Ranges are applied on the tree, not by cutting the Markdown between marker strings: the
# converter re-parses the HTML (a marker between table rows would be moved out of the table)
# and a cut could leave half a list item or table. On the tree, a range is a span of the
# document-order (preorder) walk, like a DOM Range between element boundaries.


class _Order:
    """Every node of the tree in document order, with where each node's subtree ends.

    A node at index i has its descendants at i+1 .. last[i]; so a range covering indexes
    [start, end] fully contains the nodes with start <= i and last[i] <= end, and only partly
    contains their ancestors (kept as bare structure, as DOM Range's cloneContents does).
    """

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.nodes: list[LexborNode] = list(tree.root.traverse(include_text=True)) if tree.root else []
        self.index = {node.mem_id: i for i, node in enumerate(self.nodes)}
        self.last = list(range(len(self.nodes)))
        open_: list[int] = []  # indexes of the ancestors of the current node, outermost first
        for i, node in enumerate(self.nodes):
            parent = node.parent
            parent_index = self.index.get(parent.mem_id) if parent is not None else None
            while open_ and open_[-1] != parent_index:
                self.last[open_.pop()] = i - 1
            open_.append(i)
        for i in open_:
            self.last[i] = len(self.nodes) - 1

    def first(self, tree: LexborHTMLParser, selector: str) -> int | None:
        """Index of the first element (in document order) matching ``selector``."""
        found = [self.index[n.mem_id] for n in tree.css(selector) if n.mem_id in self.index]
        return min(found) if found else None

    def span(self, tree: LexborHTMLParser, item: Range) -> tuple[int, int] | str:
        """The indexes [start, end] the range covers, or why it cannot be resolved."""
        start_el = self.first(tree, item.start)
        end_el = self.first(tree, item.end)
        if start_el is None or end_el is None:
            missing = item.start if start_el is None else item.end
            which = "start" if start_el is None else "end"
            return f"its {which} {missing!r} matched nothing on the page"
        start = start_el if item.start_before is not None else self.last[start_el] + 1
        end = self.last[end_el] if item.end_after is not None else end_el - 1
        # start == end + 1 is an empty range (the two boundaries touch): legal, covers nothing.
        if start > end + 1:
            return "its start comes after its end on the page"
        return start, end


def _remove_range(tree: LexborHTMLParser, item: Range) -> None:
    """Drop what the range fully contains (DOM Range deleteContents).

    A range that cannot be resolved removes nothing, like a CSS ``remove`` that matches nothing:
    the page then keeps more text, which shows up as a change rather than hiding one.
    """
    order = _Order(tree)
    span = order.span(tree, item)
    if isinstance(span, str):
        return
    start, end = span
    doomed: list[LexborNode] = []
    i = start
    while i <= end:
        if order.last[i] <= end:  # the whole subtree is inside: drop it, skip its descendants
            doomed.append(order.nodes[i])
            i = order.last[i] + 1
        else:  # an ancestor of the end boundary: keep it, look inside
            i += 1
    for node in doomed:
        node.decompose()


def _keep_only(tree: LexborHTMLParser, select: Sequence[Selector]) -> None:
    """Prune the tree to the union of what the CSS selectors and ranges of ``select`` cover.

    Kept parts stay in place, so the union comes out in document order and an element matched
    twice (by a selector and by a range) comes out once; their ancestors stay as structure (a
    list item keeps its list). A range whose start or end matches nothing, or whose start
    comes after its end, is an error: silently tracking the wrong part would hide changes.
    """
    order = _Order(tree)
    covered = [False] * len(order.nodes)
    for item in select:
        if isinstance(item, Range):
            span = order.span(tree, item)
            if isinstance(span, str):
                raise ExtractError(f"range {item} in select: {span}")
            start, end = span
            for i in range(start, end + 1):
                if order.last[i] <= end:
                    covered[i] = True
        else:
            for node in tree.css(item):
                found = order.index.get(node.mem_id)
                if found is not None:
                    covered[found : order.last[found] + 1] = [True] * (order.last[found] + 1 - found)
    if not any(covered):
        names = ", ".join(str(item) if isinstance(item, Range) else repr(item) for item in select)
        raise ExtractError(f"selector(s) {names} matched nothing on the page")
    # covered_before[i]: how many covered nodes precede index i, to test a subtree in O(1).
    covered_before = [0]
    for flag in covered:
        covered_before.append(covered_before[-1] + flag)
    doomed: list[LexborNode] = []
    i = 0
    while i < len(order.nodes):
        last = order.last[i]
        if covered_before[last + 1] == covered_before[i]:  # nothing kept inside: drop it whole
            doomed.append(order.nodes[i])
            i = last + 1
        else:
            i += 1
    for node in doomed:
        node.decompose()


_HTML_WHITESPACE = " \t\n\r\f"
# A run of HTML whitespace that is not already a single space. Each alternative starts with a
# literal so that `re` scans for its first character in C instead of trying every position;
# the same as replacing every run of [ \t\n\r\f]+ with " ".
_HTML_SPACE = re.compile(r" [ \t\n\r\f]+|\t[ \t\n\r\f]*|\n[ \t\n\r\f]*|\r[ \t\n\r\f]*|\f[ \t\n\r\f]*")


# Elements that start and end a line box: whitespace at their edges is not rendered.
_BLOCKS = frozenset(
    "address article aside blockquote body br caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "main menu nav ol optgroup option p pre search section summary table tbody td tfoot th "
    "thead tr ul".split()
)


def _collapse_whitespace(root: LexborNode) -> None:
    """Collapse source whitespace like a browser does.

    The converter keeps newlines from the HTML source inside paragraphs, so re-wrapping the
    page source would otherwise look like a change. Whitespace next to a block boundary is
    dropped as a browser drops it (a line never starts or ends with a collapsible space), so a
    pretty-printed page and its minified form give the same text: otherwise the space between
    a ``</ul>`` and a ``<span>`` becomes a continuation line of the last list item.
    """
    keep = {n.mem_id for pre in root.css(_PRE_TAGS) for n in pre.traverse(include_text=True)}
    # Collected first, so that the walk never steps on a node that has been replaced.
    texts = [n for n in root.traverse(include_text=True) if n.is_text_node and n.mem_id not in keep]
    for node in texts:
        text = node.text_content or ""
        collapsed = _collapsed(text)
        if collapsed[:1] == " " and _at_block_edge(node.prev, node):
            collapsed = collapsed[1:]
        if collapsed[-1:] == " " and _at_block_edge(node.next, node):
            collapsed = collapsed[:-1]
        if collapsed == text:
            continue
        if collapsed:
            node.replace_with(collapsed)
        else:
            node.decompose()


def _at_block_edge(sibling: LexborNode | None, node: LexborNode) -> bool:
    """Is the side of ``node`` where ``sibling`` is (None: the parent's edge) a block boundary?"""
    if sibling is None:
        parent = node.parent
        return parent is not None and parent.tag in _BLOCKS
    return sibling.is_element_node and sibling.tag in _BLOCKS


def _collapsed(text: str) -> str:
    """Every run of HTML whitespace in `text` as one space (`text` itself if there is none).

    Called for every text node, so the common cases avoid the regex: nothing to collapse
    (minified pages), and whitespace only around the words (indented source).
    """
    if not ("\n" in text or "  " in text or "\t" in text or "\r" in text or "\f" in text):
        return text
    left = text.lstrip(_HTML_WHITESPACE)
    core = left.rstrip(_HTML_WHITESPACE)
    if not core:
        return " "
    lead = " " if len(left) < len(text) else ""
    trail = " " if len(core) < len(left) else ""
    if "\n" in core or "  " in core or "\t" in core or "\r" in core or "\f" in core:
        core = _HTML_SPACE.sub(" ", core)
    return lead + core + trail


def _convert(html: str, base_url: str) -> str:
    try:
        # What h2m.convert(html, options) does, minus rebuilding the native options every call.
        result = h2m_native.convert(html=html, options=_native_options(base_url), visitor=None)
    except h2m.ConversionError as exc:
        raise ExtractError(f"could not convert the HTML to Markdown: {exc}") from exc
    return result.content or ""


def _native_options(base_url: str) -> h2m_native.ConversionOptions:
    """_OPTIONS as the converter's native (Rust) object, with ``base_url``.

    h2m.convert() rebuilds it from the dataclass on every call (a dozen enum look-ups by name in
    Python, 0.25 ms, and every page has its own base URL); here the library's own (private, but
    pinned) conversion runs once, and each page's object is constructed from its fields, with
    only ``base_url`` different (``tests/test_extract.py`` checks they are the same options).
    """
    # Resolve relative links so the same link reads the same wherever the page moves.
    return h2m_native.ConversionOptions(**_native_fields(), base_url=base_url or None)


@functools.lru_cache(maxsize=1)
def _native_fields() -> dict[str, Any]:
    """The native options' fields but ``base_url``, as h2m.convert would build them from _OPTIONS."""
    native = h2m_api._to_rust_conversion_options(_OPTIONS)
    names = [name for name in dir(native) if not name.startswith("_") and not callable(getattr(native, name))]
    return {name: getattr(native, name) for name in names if name != "base_url"}


# --------------------------------------------------------------------------- normalization

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\f\v"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036"
# Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign all
# become "-": CMS typography filters switch between them ("2-3 days" vs "2\u20133 days") and the
# choice carries no meaning in terms. Cost: the stored text loses typographic dashes.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

_TRANSLATE = str.maketrans(
    {
        **{c: " " for c in _SPACES},
        **{c: None for c in _INVISIBLE},
        **{c: "'" for c in _SINGLE_QUOTES},
        **{c: '"' for c in _DOUBLE_QUOTES},
        **{c: "-" for c in _DASHES},
        "\u2026": "...",
        "\u2028": "\n",
        "\u2029": "\n",
    }
)

# Characters _TRANSLATE changes, and what each becomes; str.translate itself is only fast on
# ASCII text (elsewhere it looks up every character), so the others are replaced one by one.
_MAPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in _TRANSLATE) + "]")
_REPLACEMENTS: dict[str, str] = {chr(c): to or "" for c, to in _TRANSLATE.items()}
_ASCII_MAPPED = [c for c in _REPLACEMENTS if c.isascii()]  # \f and \v

# A run of spaces/tabs that is not a single space; each alternative starts with a literal so
# that `re` scans for it in C. The same matches as "[ \t]{2,}|\t".
_INNER_SPACES = re.compile(r" [ \t]+|\t[ \t]*")
_BLANK_RUNS = re.compile(r"\n\n\n+")


def normalize_markdown(text: str) -> str:
    """Make typography and whitespace variants of the same text identical (idempotent).

    Quotes, dashes, ellipses and Unicode spaces become ASCII, invisible characters go, spaces
    collapse (except list indentation at line start), blank-line runs become one blank line.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # NFC before and after the mapping: removing a zero-width char can make a new composable pair.
    text = unicodedata.normalize("NFC", text)
    if text.isascii():  # a flag on the string, so free
        present = [c for c in _ASCII_MAPPED if c in text]
    else:
        present = list(dict.fromkeys(_MAPPED.findall(text)))
    if present:  # else the mapping changes nothing, and NFC of NFC text is the same text
        # One character at a time is the same as str.translate: no replacement holds a mapped one.
        for char in present:
            text = text.replace(char, _REPLACEMENTS[char])
        text = unicodedata.normalize("NFC", text)
    lines = text.split("\n")
    if "  " in text or "\t" in text:
        # A line without a double space or a tab has no run to collapse nor tab to expand, and at
        # most one space of indentation: _normalize_line would only strip its end.
        # (Tested after the end is stripped: a Markdown hard break, two spaces at a line's end,
        # leaves nothing else to do.)
        lines = [_normalize_line(bare) if "  " in (bare := line.rstrip()) or "\t" in bare else bare for line in lines]
    else:  # no indentation to expand nor runs to collapse anywhere: only line ends to strip
        lines = [line.rstrip() for line in lines]
    return _join_blocks(lines)


def _normalize_line(line: str) -> str:
    """Strip trailing spaces and collapse inner runs; leading indentation is Markdown structure."""
    line = line.rstrip()
    body = line.lstrip(" \t")
    indent = line[: len(line) - len(body)]
    if "  " in body or "\t" in body:  # else there is no run to collapse (most lines)
        body = _INNER_SPACES.sub(" ", body)
    # A leading tab is 4 columns of Markdown indentation, not one space.
    return indent.expandtabs(4) + body if indent else body


def _join_blocks(lines: list[str]) -> str:
    """At most one blank line in a row, none at the ends, exactly one final newline."""
    # Lines hold no "\n": blank lines in a row are a run of 3+ newlines, or newlines at an end.
    text = "\n".join(lines).strip("\n")
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text + "\n" if text else ""
