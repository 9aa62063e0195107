"""One file of named NumPy arrays and a small JSON description, read by memory-mapping it.

Reading costs no parse and no copy: each array is a view of the mapped file, so its pages are read from disk
only when used, and every process that maps the file (a server's workers, successive commands) shares one
copy of it through the operating system's page cache. That is why it is not ``.npz`` (NumPy maps only
single ``.npy`` files, and not inside a zip) nor a pickle (which every process would rebuild object by object).

Layout: ``MAGIC``, the header's length (8 bytes, little-endian), the header (UTF-8 JSON: the format
version, the caller's description, each array's dtype, shape and offset, the data's CRC-32 and the file's
size), then the arrays, each starting at a multiple of 64 bytes. A file that is short, foreign, of another
format or whose data does not match its checksum is refused (``DamagedFile``), so a damaged cache is rebuilt,
never trusted; checking 60 MB costs about 15 ms.
"""

from __future__ import annotations

import json
import mmap
import os
import tempfile
import zlib
from pathlib import Path
from typing import Any

import numpy as np

MAGIC = b"careerclusters arrays\n"
FORMAT = 1
ALIGN = 64


class DamagedFile(ValueError):
    """The file is not a whole, intact arrays file of this format."""


def _aligned(offset: int) -> int:
    return -(-offset // ALIGN) * ALIGN


def write(path: Path, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
    """Write ``arrays`` and ``meta`` (JSON-serialisable) to ``path`` atomically: into a temporary file in the
    same folder, then renamed over it, so a reader sees the old file or the new one, never half of one.
    Raises ``OSError`` when the folder cannot be written."""
    layout, pieces, size, crc = [], [], 0, 0
    for name, array in arrays.items():
        if array.dtype.hasobject:
            raise TypeError(f"{name}: arrays of Python objects cannot be stored")
        raw = np.ascontiguousarray(array).reshape(-1).view(np.uint8)
        padding = bytes(_aligned(size) - size)
        layout.append([name, array.dtype.str, list(array.shape), size + len(padding)])
        pieces += [padding, raw]
        size += len(padding) + raw.nbytes
    for piece in pieces:
        crc = zlib.crc32(piece, crc)
    header = json.dumps({"format": FORMAT, "meta": meta, "arrays": layout, "crc32": crc, "size": size}).encode()
    lead = MAGIC + len(header).to_bytes(8, "little") + header
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(lead + bytes(_aligned(len(lead)) - len(lead)))
            for piece in pieces:
                out.write(piece)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def read(path: Path) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """The arrays (read-only views of the mapped file) and the description ``write`` was given. Raises
    ``DamagedFile`` for a file that is not whole and intact, ``OSError`` when it cannot be opened."""
    with path.open("rb") as handle:
        try:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file cannot be mapped
            raise DamagedFile(f"{path}: empty") from None
    try:
        header, start = _header(mapped)
        return _arrays(mapped, header, start), header["meta"]
    except DamagedFile as exc:
        mapped.close()
        raise DamagedFile(f"{path}: {exc}") from None
    except (KeyError, TypeError, ValueError) as exc:
        mapped.close()
        raise DamagedFile(f"{path}: malformed header ({exc!r})") from None


def _header(mapped: mmap.mmap) -> tuple[dict[str, Any], int]:
    """The header and where the data starts."""
    if mapped[:len(MAGIC)] != MAGIC:
        raise DamagedFile("not an arrays file")
    length = int.from_bytes(mapped[len(MAGIC):len(MAGIC) + 8], "little")
    if len(MAGIC) + 8 + length > len(mapped):
        raise DamagedFile("truncated header")
    try:
        header = json.loads(bytes(mapped[len(MAGIC) + 8:len(MAGIC) + 8 + length]))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DamagedFile(f"unreadable header ({exc})") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise DamagedFile("another format of arrays file")
    return header, _aligned(len(MAGIC) + 8 + length)


def _arrays(mapped: mmap.mmap, header: dict[str, Any], start: int) -> dict[str, np.ndarray]:
    size = header["size"]
    if len(mapped) != start + size:
        raise DamagedFile(f"{len(mapped)} bytes, not the {start + size} its header says")
    with memoryview(mapped) as view:
        if zlib.crc32(view[start:]) != header["crc32"]:
            raise DamagedFile("its data does not match its checksum")
    arrays = {}
    for name, dtype, shape, offset in header["arrays"]:
        kind = np.dtype(dtype)
        count = int(np.prod(shape, dtype=np.int64))
        if kind.hasobject or offset < 0 or offset + count * kind.itemsize > size:
            raise DamagedFile(f"array {name} lies outside the file")
        arrays[name] = np.frombuffer(mapped, kind, count, start + offset).reshape(shape)
    return arrays
