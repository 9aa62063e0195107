"""Turning texts into feature rows with fitted scikit-learn vectorizers, without their per-call checks.

``CountVectorizer.transform`` and ``TfidfVectorizer.transform`` validate their parameters and inputs on every
call (parameter constraints, dataframe detection, finiteness): for one job title that is about half the time
of classifying it, and a server classifies one title per search. The vectorizers are still what fits the
vocabulary and the IDF weights; these functions only apply them, with the same arithmetic (binary counts;
sub-linear TF × IDF in float32, rows scaled to unit length with a double-precision sum), and a text gets the
same row whether it is coded alone or in a batch of a million. ``tests/classifier/test_vectors.py`` compares them with
scikit-learn's own ``transform``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer


def _rows(vectorizer: CountVectorizer, texts: Sequence[str]) -> tuple[sp.csr_matrix, np.ndarray]:
    """The texts' feature counts (rows with sorted column numbers; features the vocabulary lacks dropped)."""
    vocabulary, analyzer = vectorizer.vocabulary_, vectorizer.analyzer
    indptr, indices, counts = [0], [], []
    for text in texts:
        found = Counter(j for feature in analyzer(text) if (j := vocabulary.get(feature)) is not None)
        for j in sorted(found):
            indices.append(j)
            counts.append(found[j])
        indptr.append(len(indices))
    data = np.array(counts, np.float32)
    shape = (len(texts), len(vocabulary))
    return sp.csr_matrix((data, np.array(indices, np.int32), np.array(indptr, np.int32)), shape=shape), data


def counts(vectorizer: CountVectorizer, texts: Sequence[str]) -> sp.csr_matrix:
    """``vectorizer.transform(texts)`` for a vectorizer with a callable analyzer."""
    matrix, data = _rows(vectorizer, texts)
    if vectorizer.binary:
        data[:] = 1.0
    return matrix


def tfidf(vectorizer: TfidfVectorizer, texts: Sequence[str]) -> sp.csr_matrix:
    """``vectorizer.transform(texts)`` for a TF-IDF vectorizer with a callable analyzer, sub-linear TF and
    unit-length (L2) rows: the combination the title model uses."""
    if not (vectorizer.sublinear_tf and vectorizer.use_idf and vectorizer.norm == "l2" and not vectorizer.binary):
        raise ValueError("only sub-linear TF-IDF with L2-normalised rows is supported")
    matrix, data = _rows(vectorizer, texts)
    np.log(data, out=data)
    data += 1.0
    data *= vectorizer.idf_[matrix.indices]
    lengths = np.diff(matrix.indptr)
    filled = lengths > 0  # a text with no known feature keeps an empty row
    if filled.any():
        # each filled row's segment runs to the next filled row's start, so empty rows between are skipped
        norms = np.sqrt(np.add.reduceat((data * data).astype(np.float64), matrix.indptr[:-1][filled]))
        data /= np.repeat(norms, lengths[filled])
    return matrix
