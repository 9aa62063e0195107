"""``SoftmaxRegression``: it learns, it learns more with ``update``, and it keeps only its largest weights."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from careerclusters.classifier.softmax import SoftmaxRegression, softmax


def _toy() -> tuple[TfidfVectorizer, sp.csr_matrix, np.ndarray]:
    texts = ["line cook", "prep cook", "grill cook", "pipe welder", "tig welder", "arc welder",
             "charge nurse", "school nurse", "er nurse"] * 4
    vectorizer = TfidfVectorizer()
    return vectorizer, vectorizer.fit_transform(texts), np.array([0, 0, 0, 1, 1, 1, 2, 2, 2] * 4)


def test_learns_a_toy_problem() -> None:
    vectorizer, x, y = _toy()
    model = SoftmaxRegression(epochs=20, batch_size=4, learning_rate=1.0, keep=1.0).fit(x, y, 4)
    scores = model.decision_function(vectorizer.transform(["cook", "welder", "nurse"]))
    assert scores.shape == (3, 4) and list(scores.argmax(axis=1)) == [0, 1, 2]
    assert (model.decision_function(x).argmax(axis=1) == y).all()


def test_update_learns_examples_it_had_not_seen() -> None:
    vectorizer, x, y = _toy()
    model = SoftmaxRegression(epochs=20, batch_size=4, learning_rate=1.0, keep=1.0).fit(x, y, 4)
    new = vectorizer.transform(["grill cook"] * 8)  # a known word, now taught as class 3
    before = model.decision_function(new)[0]
    model.update(new, np.full(8, 3), epochs=10)
    after = model.decision_function(new)[0]
    assert after[3] - after[0] > before[3] - before[0]


def test_keeps_only_the_largest_weights() -> None:
    _, x, y = _toy()
    full = SoftmaxRegression(epochs=5, batch_size=4, keep=1.0).fit(x, y, 4)
    pruned = SoftmaxRegression(epochs=5, batch_size=4, keep=0.1).fit(x, y, 4)
    assert pruned.coef_.nnz < 0.2 * full.coef_.nnz
    kept = np.abs(pruned.coef_.data).min()
    dropped = np.abs(full.coef_.toarray())[pruned.coef_.toarray() == 0]
    assert dropped.max() <= kept


def test_softmax_rows_sum_to_one_and_input_is_untouched() -> None:
    scores = np.array([[1000.0, 0.0], [1.0, 1.0]])
    probs = softmax(scores)
    assert np.allclose(probs.sum(axis=1), 1.0) and np.allclose(probs[1], 0.5)
    assert scores[0, 0] == 1000.0
