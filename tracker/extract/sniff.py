"""Is it text at all? Binary content told from the bytes, whatever the Content-Type says.

Follows the WHATWG MIME Sniffing Standard (https://mimesniff.spec.whatwg.org/): the byte
patterns of images, audio and video, fonts and archives (section 6), and its "binary data
byte" set (0x00-0x08, 0x0B, 0x0E-0x1A, 0x1C-0x1F) for everything else. A UTF-16/UTF-8 byte
order mark means text; a PDF is a document (``%PDF-``). One stray control byte in a real page
does not make it binary: more than ``BINARY_RATIO`` of the first ``RESOURCE_HEADER`` bytes must be.
"""

from __future__ import annotations

import re

RESOURCE_HEADER = 1445  # bytes the WHATWG algorithm looks at
BINARY_RATIO = 0.01  # fraction of binary data bytes from which a body is binary

# (pattern, mask or None, what it is); a mask byte 0x00 means "any byte here".
_PATTERNS: tuple[tuple[bytes, bytes | None, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", None, "a PNG image"),
    (b"GIF87a", None, "a GIF image"),
    (b"GIF89a", None, "a GIF image"),
    (b"\xff\xd8\xff", None, "a JPEG image"),
    (b"RIFF\0\0\0\0WEBPVP", b"\xff\xff\xff\xff\0\0\0\0\xff\xff\xff\xff\xff\xff", "a WebP image"),
    (b"BM", None, "a BMP image"),
    (b"\0\0\1\0", None, "an icon"),
    (b"\0\0\2\0", None, "a cursor image"),
    (b"\0\0\0\0ftyp", b"\0\0\0\0\xff\xff\xff\xff", "an MP4 video or audio file"),
    (b"\x1a\x45\xdf\xa3", None, "a WebM / Matroska video"),
    (b"ID3", None, "an MP3 file"),
    (b"OggS\0", None, "an Ogg file"),
    (b"RIFF\0\0\0\0WAVE", b"\xff\xff\xff\xff\0\0\0\0\xff\xff\xff\xff", "a WAVE file"),
    (b"RIFF\0\0\0\0AVI ", b"\xff\xff\xff\xff\0\0\0\0\xff\xff\xff\xff", "an AVI video"),
    (b"FORM\0\0\0\0AIFF", b"\xff\xff\xff\xff\0\0\0\0\xff\xff\xff\xff", "an AIFF file"),
    (b"MThd\0\0\0\6", None, "a MIDI file"),
    (b"wOFF", None, "a WOFF font"),
    (b"wOF2", None, "a WOFF2 font"),
    (b"OTTO", None, "an OpenType font"),
    (b"ttcf", None, "a TrueType font collection"),
    (b"\0\1\0\0", None, "a TrueType font"),
    (b"\x1f\x8b\x08", None, "a gzip archive"),
    (b"PK\3\4", None, "a ZIP archive (or an office document)"),
    (b"Rar!\x1a\x07", None, "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", None, "a 7-Zip archive"),
    (b"BZh", None, "a bzip2 archive"),
    (b"\xfd7zXZ\0", None, "an xz archive"),
    (b"\x7fELF", None, "an executable"),
    (b"MZ", None, "a Windows executable"),
    (b"\0asm", None, "a WebAssembly module"),
    (b"SQLite format 3\0", None, "an SQLite database"),
    (b"%!PS-Adobe-", None, "a PostScript file"),
)
_BOMS = (b"\xfe\xff", b"\xff\xfe", b"\xef\xbb\xbf")
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_UTF16_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*utf-?(16|32)", re.IGNORECASE)


def _matches(data: bytes, pattern: bytes, mask: bytes | None) -> bool:
    if len(data) < len(pattern):
        return False
    if mask is None:
        return data.startswith(pattern)
    return all((data[i] & mask[i]) == (pattern[i] & mask[i]) for i in range(len(pattern)))


def sniff_binary(body: bytes, content_type: str | None = None) -> str | None:
    """What binary content ``body`` is ("a PNG image", "binary data"), or None for text, HTML,
    PDF or an empty body. ``content_type`` only matters for a declared UTF-16/32 charset, whose
    text is full of zero bytes."""
    if not body or body.startswith(_BOMS):
        return None
    if body.lstrip()[:5] == b"%PDF-":
        return None
    # Binary signatures sit at the very start; HTML may begin with whitespace, binaries do not.
    for pattern, mask, what in _PATTERNS:
        if _matches(body, pattern, mask):
            # "BM", "MZ", "ID3", "BZh" are also how a short text may start: need binary bytes too.
            if len(pattern) <= 3 and not _binary_bytes(body[:RESOURCE_HEADER]):
                continue
            return what
    if content_type and _UTF16_CHARSET.search(content_type):
        return None
    head = body[:RESOURCE_HEADER]
    if _binary_bytes(head) > max(1, len(head) * BINARY_RATIO):
        return "binary data"
    return None


def _binary_bytes(data: bytes) -> int:
    return len(_BINARY_BYTES.findall(data))
