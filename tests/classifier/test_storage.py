"""``classifier.storage``: named arrays written to one file and read back memory-mapped, unchanged; a file that is
cut short, altered, foreign or of another format is refused, never trusted."""

from __future__ import annotations

import mmap
from pathlib import Path

import numpy as np
import pytest

from careerclusters.classifier import storage
from careerclusters.classifier.storage import DamagedFile


def _arrays() -> dict[str, np.ndarray]:
    return {"classes": np.array(["11-1011.00", "29-1141.00", "51-4121.06"]),
            "keys": np.array([3, 2**64 - 1, 7], "<u8"), "indptr": np.arange(5, dtype=np.int32),
            "scores": np.linspace(-1, 1, 12, dtype=np.float32).reshape(3, 4), "empty": np.zeros(0, np.int64),
            "text": np.frombuffer("Técnico de enfermería".encode(), np.uint8), "flag": np.array([True, False])}


def test_round_trip_is_memory_mapped_and_read_only(tmp_path: Path) -> None:
    path = tmp_path / "model.arrays"
    storage.write(path, _arrays(), {"kind": "occupation", "scores": [0.5, None]})
    arrays, meta = storage.read(path)
    assert meta == {"kind": "occupation", "scores": [0.5, None]}
    assert list(arrays) == list(_arrays())
    for name, expected in _arrays().items():
        assert arrays[name].dtype == expected.dtype and np.array_equal(arrays[name], expected), name
        assert not arrays[name].flags.writeable
    base = arrays["scores"]
    while isinstance(base, np.ndarray):  # a view of the mapped file, not a copy
        base = base.base
    assert isinstance(base.obj if isinstance(base, memoryview) else base, mmap.mmap)
    assert [p.name for p in tmp_path.iterdir()] == ["model.arrays"]  # no temporary file left behind


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncated":
        data = data[: len(data) - 10]
    elif how == "data byte":
        data[-5] ^= 0x40
    elif how == "header byte":
        data[len(storage.MAGIC) + 20] ^= 0x01
    elif how == "longer":
        data += b"\0" * 64
    elif how == "foreign":
        data = bytearray(b"\x80\x04\x95 a pickle, say" + bytes(200))
    elif how == "empty":
        data = bytearray()
    elif how == "other format":
        data = data.replace(b'"format": 1', b'"format": 9')
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "data byte", "header byte", "longer", "foreign", "empty",
                                 "other format"])
def test_a_damaged_file_is_refused(tmp_path: Path, how: str) -> None:
    path = tmp_path / "model.arrays"
    storage.write(path, _arrays(), {"kind": "occupation"})
    _damage(path, how)
    with pytest.raises(DamagedFile, match="model.arrays"):
        storage.read(path)


def test_objects_cannot_be_stored(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="objects"):
        storage.write(tmp_path / "x.arrays", {"mixed": np.array([1, "a"], dtype=object)}, {})
