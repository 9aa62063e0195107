"""``classifier.vectors``: the feature rows the classifiers score are the ones scikit-learn's own ``transform``
gives, for the real classifiers' vectorizers and O*NET's reported titles, alone or in a batch; and the
confidence map is the fitted isotonic regression's."""

from __future__ import annotations

from contextlib import closing

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from careerclusters.classifier import text as tx
from careerclusters.classifier import vectors
from careerclusters.store import connect


@pytest.fixture(scope="module")
def titles(imported_db) -> list[str]:
    with closing(connect(imported_db, readonly=True)) as conn:
        found = [row[0] for row in conn.execute("SELECT title FROM onet_reported_title ORDER BY title LIMIT 3000")]
    # junk and titles with no known feature give empty rows, at the start, in the middle and at the end
    return ["", *found[:1500], "zzqx", "!!!", *found[1500:], "qqqq", ""]


def _same(ours: sp.csr_matrix, theirs: sp.spmatrix) -> None:
    theirs = sp.csr_matrix(theirs)
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
    assert (ours.indptr == theirs.indptr).all() and (ours.indices == theirs.indices).all()
    np.testing.assert_allclose(ours.data, theirs.data, rtol=1e-6)


def test_counts_are_scikit_learns(occupations, programs, titles) -> None:
    normalised = [tx.normalise(t) for t in titles]
    for classifier in (occupations, programs):
        for expert in (classifier.model.word_, classifier.model.char_):
            _same(vectors.counts(expert.vectorizer, normalised), expert.vectorizer.transform(normalised))


def test_tfidf_is_scikit_learns(occupations, titles) -> None:
    normalised = [tx.normalise(t) for t in titles]
    vectorizer, _ = occupations.model.linear_
    _same(vectors.tfidf(vectorizer, normalised), vectorizer.transform(normalised))
    # a text's row does not depend on the batch it is coded in
    alone = sp.vstack([vectors.tfidf(vectorizer, [text]) for text in normalised[1495:1510]])
    assert (alone != vectors.tfidf(vectorizer, normalised[1495:1510])).nnz == 0


def test_tfidf_refuses_a_setting_it_does_not_apply() -> None:
    vectorizer = TfidfVectorizer(analyzer=str.split).fit(["line cook", "pipe welder"])  # no sub-linear TF
    with pytest.raises(ValueError, match="sub-linear"):
        vectors.tfidf(vectorizer, ["line cook"])


def test_confidence_is_the_isotonic_map(occupations) -> None:
    model = occupations.model
    top = np.random.default_rng(0).random(5000).astype(np.float32)
    top[:3] = (0.0, 1.0, model.isotonic_.X_thresholds_[0] / 2)  # the ends, and below the first threshold
    np.testing.assert_allclose(model.confidence(top), model.isotonic_.predict(top), atol=1e-6)
    assert model.confidence(top).dtype == np.float32
