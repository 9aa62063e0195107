"""Fitting a ``TitleModel``: scikit-learn's vectorizers count the features and fit the vocabularies and IDF
weights, scipy's sparse matrices hold the counts, an isotonic regression maps probabilities to confidence;
each fitted part is then turned into the plain arrays the model classifies with (``model``, ``arrays``).
Only building a classifier imports this module.

Calibration: the softmax temperature and the isotonic map are fitted on real titles held out from training,
whole titles (every example of a chosen title), as a user's title is unseen: that is what makes the
confidence mean something. Then every expert learns the held-out titles too: the naive Bayes experts are
recounted (cheap), the discriminative one trains two more epochs over everything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.isotonic import IsotonicRegression

from careerclusters.classifier import text as tx
from careerclusters.classifier.arrays import Sparse, Vocabulary
from careerclusters.classifier.model import (
    Heads,
    Linear,
    NaiveBayes,
    TitleModel,
    char_features,
    linear_features,
    softmax,
    word_features,
)
from careerclusters.classifier.softmax import SoftmaxRegression

#: The softmax temperatures tried when calibrating.
TEMPERATURES = (0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0)


def vocabulary_of(vectorizer: CountVectorizer) -> Vocabulary:
    """A fitted vectorizer's vocabulary as a ``Vocabulary`` (the same column for every feature)."""
    features = [""] * len(vectorizer.vocabulary_)
    for feature, column in vectorizer.vocabulary_.items():
        features[column] = feature
    return Vocabulary.of(features)


@dataclass
class _Vectorised:
    """One kind of naive Bayes feature, counted once per build for all examples and documents, so the
    experts can be fitted on the training part and then refitted on everything without counting again."""

    vocabulary: Vocabulary
    examples: sp.csr_matrix
    doc_counts: sp.csr_matrix

    @classmethod
    def count(cls, analyzer: Callable[[str], list[str]], normalised: list[str], docs: list[str],
              y_docs: sp.csr_matrix, doc_weight: float) -> _Vectorised:
        vectorizer = CountVectorizer(analyzer=analyzer, binary=True, dtype=np.float32)
        matrix = vectorizer.fit_transform(normalised + docs).tocsr()
        return cls(vocabulary_of(vectorizer), matrix[: len(normalised)],
                   (doc_weight * (y_docs @ matrix[len(normalised):])).tocsr())

    def expert(self, y: sp.csr_matrix, rows: np.ndarray, alpha: float) -> NaiveBayes:
        """The expert fitted on the examples selected by ``rows`` (``y`` maps them to classes) and the
        documents' already weighted counts."""
        counts = (y @ self.examples[rows] + self.doc_counts).tocsr()
        known = (np.asarray(counts.sum(axis=0)).ravel() > 0).astype(np.float32)
        totals = np.asarray(counts.sum(axis=1)).ravel() + alpha * known.sum()
        log_ratio = counts.copy()
        log_ratio.data = np.log1p(log_ratio.data / alpha).astype(np.float32)
        return NaiveBayes(self.vocabulary, Sparse.of(log_ratio.T), (np.log(alpha) - np.log(totals)).astype(np.float32),
                          known)


def fit(model: TitleModel, texts: list[str], labels: list[str], docs: list[str], doc_labels: list[str],
        calibrate: Sequence[bool] | None) -> None:
    """Fit ``model`` (see ``TitleModel.fit``)."""
    model.classes_ = np.array(sorted(set(labels) | set(doc_labels)))
    # Normalise every example (and find its head noun) once: all three experts and the refresh use them.
    normalised = [tx.normalise(t) for t in texts]
    heads = [tx.head(t) for t in texts]
    # Documents are long: their words count, without the cleaning and length limit meant for titles.
    normalised_docs = [" ".join(tx.words(d)) for d in docs]
    held = held_out(texts, calibrate, model.holdout, model.random_state)
    train = ~held
    y_docs = _onehot(model.classes_, doc_labels)
    features = (_Vectorised.count(word_features, normalised, normalised_docs, y_docs, model.doc_weight),
                _Vectorised.count(char_features, normalised, normalised_docs, y_docs, 2 * model.doc_weight))
    _fit_naive_bayes(model, features, train, heads, labels)
    linear = _fit_linear(model, [n for n, t in zip(normalised, train, strict=True) if t],
                         [lab for lab, t in zip(labels, train, strict=True) if t])
    model.temperature_, model.isotonic_, model.holdout_scores_ = 1.0, None, None
    if held.any():
        answers: dict[str, set[str]] = {}  # held-out title (ignoring case) → all its labels
        spelling: dict[str, str] = {}  # … and the first way it is written
        for text, label, h in zip(texts, labels, held, strict=True):
            if h:
                answers.setdefault(text.lower(), set()).add(label)
                spelling.setdefault(text.lower(), text)
        _calibrate(model, [spelling[key] for key in answers], list(answers.values()))
        _fit_naive_bayes(model, features, np.ones(len(texts), bool), heads, labels)
        if linear is not None:
            vectorizer, regression = linear
            regression.update(vectorizer.transform(normalised), np.searchsorted(model.classes_, labels),
                              model.linear_update_epochs)
            model.linear_ = _linear(vectorizer, regression)


def held_out(texts: list[str], calibrate: Sequence[bool] | None, share: float, seed: int) -> np.ndarray:
    """Which examples to hold out for calibration: a random ``share`` of the distinct titles (ignoring case),
    every example of a chosen title together, so that a held-out title is as unseen as a user's would be (the
    way the evaluation sets are made)."""
    eligible = np.ones(len(texts), bool) if calibrate is None else np.asarray(calibrate, bool)
    keys = sorted({t.lower() for t, e in zip(texts, eligible, strict=True) if e})
    draws = np.random.default_rng(seed).random(len(keys))
    chosen = {key for key, draw in zip(keys, draws, strict=True) if draw < share}
    return np.array([e and t.lower() in chosen for t, e in zip(texts, eligible, strict=True)], bool)


def _onehot(classes: np.ndarray, labels: Sequence[str]) -> sp.csr_matrix:
    """Classes × examples indicator matrix."""
    rows = np.searchsorted(classes, labels)
    return sp.csr_matrix((np.ones(len(rows), np.float32), (rows, np.arange(len(rows)))),
                         shape=(len(classes), len(rows)))


def _fit_naive_bayes(model: TitleModel, features: tuple[_Vectorised, _Vectorised], rows: np.ndarray,
                     heads: list[str | None], labels: list[str]) -> None:
    """Fit both naive Bayes experts (word and character ``features``) and the head-noun counts on the
    examples selected by ``rows``."""
    y = _onehot(model.classes_, [lab for lab, r in zip(labels, rows, strict=True) if r])
    model.word_, model.char_ = (f.expert(y, rows, model.alpha) for f in features)
    index = {c: i for i, c in enumerate(model.classes_)}
    counts: dict[str, dict[int, float]] = {}
    for found, label, r in zip(heads, labels, rows, strict=True):
        if found and r:
            row = counts.setdefault(found, {})
            row[index[label]] = row.get(index[label], 0.0) + 1.0
    model.heads_ = Heads.of(counts)


def _linear(vectorizer: TfidfVectorizer, regression: SoftmaxRegression) -> Linear:
    return Linear(vocabulary_of(vectorizer), vectorizer.idf_, Sparse.of(regression.coef_),
                  regression.intercept_.copy())


def _fit_linear(model: TitleModel, normalised: list[str], labels: list[str]
                ) -> tuple[TfidfVectorizer, SoftmaxRegression] | None:
    """Fit the discriminative expert (``model.linear_``); its vectorizer and regression, to train further."""
    model.linear_ = None
    if model.linear_share <= 0 or len(set(labels)) < 2:
        return None
    vectorizer = TfidfVectorizer(analyzer=linear_features, sublinear_tf=True, dtype=np.float32)
    matrix = vectorizer.fit_transform(normalised)
    regression = SoftmaxRegression(epochs=model.linear_epochs, random_state=model.random_state).fit(
        matrix, np.searchsorted(model.classes_, labels), len(model.classes_))
    model.linear_ = _linear(vectorizer, regression)
    return vectorizer, regression


def isotonic_map(top_probability: np.ndarray, correct: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The isotonic regression of "top answer right" on its probability, as its thresholds: the fitted map is
    piecewise linear through them and clipped at both ends, so ``np.interp`` over them is its ``predict``."""
    fitted = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(top_probability, correct)
    return fitted.X_thresholds_, fitted.y_thresholds_


def _calibrate(model: TitleModel, texts: list[str], answers: list[set[str]]) -> None:
    """Fit the softmax temperature (likelihood of the right answers) and the isotonic map from top
    probability to "top answer is right" on held-out titles; a title may have several right answers."""
    scores = model.decision_function(texts)
    right = np.zeros(scores.shape, bool)
    for row, labels in enumerate(answers):
        right[row, np.searchsorted(model.classes_, sorted(labels))] = True
    best_t, best_nll = 1.0, np.inf
    for temperature in TEMPERATURES:
        probs = softmax(scores / temperature)
        nll = -np.mean(np.log((probs * right).sum(axis=1) + 1e-12))
        if nll < best_nll:
            best_t, best_nll = temperature, nll
    model.temperature_ = best_t
    probs = softmax(scores / best_t)
    correct = right[np.arange(len(right)), probs.argmax(axis=1)].astype(float)
    model.isotonic_ = isotonic_map(probs.max(axis=1), correct)
    top5 = np.argpartition(-scores, min(5, scores.shape[1]) - 1, axis=1)[:, :5]
    #: How the model did on these titles before it learnt them: an estimate, from every build, of its
    #: accuracy on titles nobody has tuned it to.
    model.holdout_scores_ = {"titles": len(texts), "top1": float(correct.mean()),
                             "top5": float(np.take_along_axis(right, top5, axis=1).any(axis=1).mean())}
