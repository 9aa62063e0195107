"""Reading text files as people save them: UTF-8 with or without a byte-order mark, or Windows-1252 from Excel
on Windows; and the checksum that names a file's exact contents (provenance, caches)."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from careerclusters.base.errors import SourceError


def sha256_of(path: Path) -> str:
    """SHA-256 of a file, or of every file in a directory (names and contents, in name order)."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        if path.is_dir():
            digest.update(file.relative_to(path).as_posix().encode())
        with file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def decode_text(raw: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with. Publishers and Excel on Windows write Windows-1252 (cp1252) as
    often as UTF-8 (with or without a byte-order mark); bytes that are not valid UTF-8 are read as cp1252,
    which decodes every byte, so no file is refused for its encoding."""
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def read_csv_text(path: Path) -> tuple[str, str]:
    """A CSV file's text and the encoding it was read with (see ``decode_text``)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(path.name, f"no such file: {path}") from None
    except OSError as exc:
        raise SourceError(path.name, f"cannot read ({exc.strerror or exc})") from exc
    return decode_text(raw)


def fold_accents(text: str) -> str:
    """Text without its accents and other combining marks ("Construcción" → "Construccion", "ñ" → "n")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
