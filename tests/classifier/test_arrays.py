"""``classifier.arrays``: the classifier's parts as plain arrays give what scikit-learn and scipy give. Feature
rows are the fitted vectorizers' own ``transform`` for O*NET's reported titles, alone or in a batch; sparse
products are scipy's to the bit on both paths (one row at a time, and scipy for batches); the confidence map
is the fitted isotonic regression's."""

from __future__ import annotations

from contextlib import closing

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.isotonic import IsotonicRegression

from careerclusters.classifier import arrays
from careerclusters.classifier import text as tx
from careerclusters.classifier.arrays import Sparse, Vocabulary, count_rows, product, tfidf_rows
from careerclusters.classifier.model import char_features, linear_features, word_features
from careerclusters.classifier.training import isotonic_map, vocabulary_of
from careerclusters.store import connect


@pytest.fixture(scope="module")
def titles(imported_db) -> list[str]:
    with closing(connect(imported_db, readonly=True)) as conn:
        found = [row[0] for row in conn.execute("SELECT title FROM onet_reported_title ORDER BY title LIMIT 3000")]
    # junk and titles with no known feature give empty rows, at the start, in the middle and at the end
    return [tx.normalise(t) for t in ["", *found[:1500], "zzqx", "!!!", *found[1500:], "qqqq", ""]]


def _same(ours: Sparse, theirs: sp.spmatrix) -> None:
    theirs = sp.csr_matrix(theirs)
    assert ours.shape == theirs.shape and ours.data.dtype == theirs.dtype
    assert (ours.indptr == theirs.indptr).all() and (ours.indices == theirs.indices).all()
    np.testing.assert_allclose(ours.data, theirs.data, rtol=1e-6)


@pytest.mark.parametrize("analyzer", [word_features, char_features])
def test_counts_are_scikit_learns(titles, analyzer) -> None:
    vectorizer = CountVectorizer(analyzer=analyzer, dtype=np.float32).fit(titles[::2])  # half the titles unseen
    _same(count_rows(vocabulary_of(vectorizer), analyzer, titles), vectorizer.transform(titles))


def test_tfidf_is_scikit_learns(titles) -> None:
    vectorizer = TfidfVectorizer(analyzer=linear_features, sublinear_tf=True, dtype=np.float32).fit(titles[::2])
    vocabulary = vocabulary_of(vectorizer)
    ours = tfidf_rows(count_rows(vocabulary, linear_features, titles), vectorizer.idf_)
    _same(ours, vectorizer.transform(titles))
    # a text's row does not depend on the batch it is coded in
    batch = tfidf_rows(count_rows(vocabulary, linear_features, titles[1495:1510]), vectorizer.idf_)
    for i, text in enumerate(titles[1495:1510]):
        alone = tfidf_rows(count_rows(vocabulary, linear_features, [text]), vectorizer.idf_)
        cells = slice(batch.indptr[i], batch.indptr[i + 1])
        assert (alone.indices == batch.indices[cells]).all() and (alone.data == batch.data[cells]).all()


def test_products_are_scipys_to_the_bit_on_both_paths() -> None:
    rng = np.random.default_rng(0)
    weights = sp.random(5000, 300, density=0.05, format="csr", dtype=np.float32, random_state=1)
    weights.data = rng.normal(size=weights.nnz).astype(np.float32) * 30  # big and small terms: order matters
    rows = sp.random(40, 5000, density=0.03, format="csr", dtype=np.float32, random_state=2)
    rows.sort_indices()
    expected = (rows @ weights).toarray()
    x, w = Sparse.of(rows), Sparse.of(weights)
    assert x.shape[0] > arrays.SMALL_BATCH
    assert np.array_equal(product(x, w), expected)  # scipy's path
    for start in range(0, 40, arrays.SMALL_BATCH):  # a row at a time
        part = Sparse.of(rows[start:start + arrays.SMALL_BATCH])
        assert np.array_equal(product(part, w), expected[start:start + arrays.SMALL_BATCH])
    empty = Sparse(np.zeros(2, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float32), (1, 5000))
    assert not product(empty, w).any()


def test_vocabulary_finds_features_by_hash() -> None:
    vocabulary = Vocabulary.of(["nurse", "welder", "registered_nurse", " nu", "héroe"])
    assert vocabulary.find(["welder", "héroe", "cook", "", "nurse", "nurse"]).tolist() == [1, 4, -1, -1, 0, 0]
    assert Vocabulary.of([]).find(["nurse"]).tolist() == [-1]
    with pytest.raises(ValueError, match="share a 64-bit hash"):
        Vocabulary.of(["nurse", "welder", "nurse"])


def test_confidence_is_the_isotonic_map() -> None:
    rng = np.random.default_rng(0)
    top = rng.random(3000).astype(np.float32)
    correct = (rng.random(3000) < top).astype(float)
    fitted = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(top, correct)
    x, y = isotonic_map(top, correct)
    probe = rng.random(5000).astype(np.float32)
    probe[:3] = (0.0, 1.0, x[0] / 2)  # the ends, and below the first threshold
    np.testing.assert_allclose(np.interp(probe, x, y), fitted.predict(probe), atol=1e-6)
