"""The fitted classifier's parts as plain NumPy arrays: what serving reads, memory-mapped from the cache file
(``storage``), with nothing to parse or copy and no scikit-learn.

- A **vocabulary** (feature text → column) is the sorted 64-bit BLAKE2b hashes of its features and each one's
  column. A batch's distinct features are hashed once and found with one ``np.searchsorted``; a Python dict of
  300,000 strings would have to be rebuilt (or unpickled) by every process that loads the model. Two features
  sharing a hash would be caught when the vocabulary is made; a query's unknown feature meets a known hash by
  chance about once in 10¹⁴ lookups.
- A **sparse matrix** is its CSR parts (``Sparse``), and ``product`` multiplies a batch's feature rows by one,
  bit for bit as scipy does (float32 sums, each text's features in column order), so a text gets the same
  scores alone or in a batch of a million, and the same as the scikit-learn objects it was fitted with.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

#: Up to this many texts are multiplied here with NumPy, one text at a time; more go to scipy's compiled product,
#: which is faster on a batch but costs 0.2 s to import (more than coding a title) and 5 MB in every server, so that
#: one title never loads it.
SMALL_BATCH = 8


def hashes(features: Sequence[str]) -> np.ndarray:
    """Each feature's 64-bit BLAKE2b digest of its UTF-8 text, as unsigned integers."""
    blake2b = hashlib.blake2b
    return np.frombuffer(b"".join(blake2b(f.encode(), digest_size=8).digest() for f in features), dtype="<u8")


@dataclass(frozen=True)
class Vocabulary:
    """Feature texts → column numbers, as sorted hashes (``keys``) and the column of each (``columns``)."""

    keys: np.ndarray
    columns: np.ndarray

    @classmethod
    def of(cls, features: Sequence[str]) -> Vocabulary:
        """The vocabulary in which ``features[i]`` is column ``i``."""
        keys = hashes(features)
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        if len(keys) > 1 and not (keys[1:] > keys[:-1]).all():
            raise ValueError("two features share a 64-bit hash: the vocabulary cannot be stored this way")
        return cls(keys, order.astype(np.int32))

    def __len__(self) -> int:
        return len(self.keys)

    def find(self, features: Sequence[str]) -> np.ndarray:
        """The column of each feature, -1 for one the vocabulary lacks."""
        wanted = hashes(features)
        if not len(self.keys):
            return np.full(len(wanted), -1, np.int64)
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        return np.where(self.keys[at] == wanted, self.columns[at], -1).astype(np.int64)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}.keys": self.keys, f"{prefix}.columns": self.columns}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> Vocabulary:
        return cls(arrays[f"{prefix}.keys"], arrays[f"{prefix}.columns"])


@dataclass(frozen=True)
class Sparse:
    """A sparse matrix as its CSR parts: row ``i`` holds ``data[indptr[i]:indptr[i + 1]]`` in the columns
    ``indices[…]``, sorted. Index arrays are int32, as scipy keeps them, so scipy can use them uncopied."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    shape: tuple[int, int]

    @classmethod
    def of(cls, matrix: object) -> Sparse:
        """From a scipy CSR matrix (at fitting time)."""
        m = matrix.tocsr()  # type: ignore[attr-defined]
        m.sort_indices()
        return cls(m.indptr.astype(np.int32), m.indices.astype(np.int32), m.data, tuple(m.shape))

    def scipy(self) -> object:
        """The same matrix for scipy, sharing these arrays."""
        import scipy.sparse as sp

        return sp.csr_matrix((self.data, self.indices, self.indptr), shape=self.shape, copy=False)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}.indptr": self.indptr, f"{prefix}.indices": self.indices, f"{prefix}.data": self.data,
                f"{prefix}.shape": np.array(self.shape, np.int64)}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> Sparse:
        rows, columns = (int(n) for n in arrays[f"{prefix}.shape"])
        return cls(arrays[f"{prefix}.indptr"], arrays[f"{prefix}.indices"], arrays[f"{prefix}.data"], (rows, columns))


def count_rows(vocabulary: Vocabulary, analyzer: Callable[[str], list[str]], texts: Sequence[str]) -> Sparse:
    """Each text's feature counts over the vocabulary (features it lacks dropped): what a fitted
    ``CountVectorizer`` with this analyzer gives, without it."""
    found = [analyzer(text) for text in texts]
    flat = list(chain.from_iterable(found))
    distinct = list(dict.fromkeys(flat))
    column = dict(zip(distinct, vocabulary.find(distinct).tolist(), strict=True))
    columns = np.fromiter(map(column.__getitem__, flat), np.int64, len(flat))
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), [len(f) for f in found])
    width = len(vocabulary)
    cells, counts = np.unique(rows[columns >= 0] * width + columns[columns >= 0], return_counts=True)
    indptr = np.zeros(len(texts) + 1, np.int32)
    np.cumsum(np.bincount(cells // width, minlength=len(texts)), out=indptr[1:])
    return Sparse(indptr, (cells % width).astype(np.int32), counts.astype(np.float32), (len(texts), width))


def tfidf_rows(counts: Sparse, idf: np.ndarray) -> Sparse:
    """Sub-linear TF × IDF with rows scaled to unit length (double-precision sums): a fitted
    ``TfidfVectorizer(sublinear_tf=True)``'s arithmetic on counted rows. The counts' data is replaced."""
    data = counts.data
    np.log(data, out=data)
    data += 1.0
    data *= idf[counts.indices]
    lengths = np.diff(counts.indptr)
    filled = lengths > 0  # a text with no known feature keeps an empty row
    if filled.any():
        # each filled row's segment runs to the next filled row's start, so empty rows between are skipped
        norms = np.sqrt(np.add.reduceat((data * data).astype(np.float64), counts.indptr[:-1][filled]))
        data /= np.repeat(norms, lengths[filled])
    return counts


def product(x: Sparse, w: Sparse) -> np.ndarray:
    """``x @ w`` as a dense float32 array, the same bits as scipy's CSR product: each output cell sums its
    products in float32, over the text's features in column order (``np.add.at`` adds unbuffered, in the order
    given, and each text's products are given feature by feature)."""
    if x.shape[0] > SMALL_BATCH:
        return (x.scipy() @ w.scipy()).toarray()  # type: ignore[operator]
    out = np.zeros((x.shape[0], w.shape[1]), np.float32)
    for row in range(x.shape[0]):
        features = slice(x.indptr[row], x.indptr[row + 1])
        starts = w.indptr[x.indices[features]]
        lengths = w.indptr[x.indices[features] + 1] - starts
        total = int(lengths.sum())
        if not total:
            continue
        # where each of the row's products sits in ``w``: every feature's run of stored cells, one after another
        positions = np.arange(total, dtype=np.intp) + np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        products = np.repeat(x.data[features], lengths) * w.data[positions]
        np.add.at(out[row], w.indices[positions].astype(np.intp), products)
    return out
