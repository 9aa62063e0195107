"""``TitleModel``: a text classifier built for many classes (about a thousand occupations) and short texts.

Three experts vote. Two are multinomial naive Bayes models, one over word stems and word pairs and one
over character 3–5-grams (for typos and word parts); each class's counts come from its example texts
(titles) plus a little weight from its longer descriptions, so a word no title uses but the class's tasks
mention still counts, and a class whose examples share the query's head noun gets a bonus. The third is a
discriminative model (multinomial logistic regression, ``SoftmaxRegression``) over words, word pairs, the
last word and character 4-grams, which learns which words separate similar occupations. The experts'
log-probabilities are mixed.

The final probabilities come from a softmax whose temperature, and then an isotonic map to "probability
the top answer is right", are fitted on real titles held out from training — whole titles, every example
of a chosen title, as a user's title is unseen: that is what makes the confidence mean something. Then
every expert learns the held-out titles too: the naive Bayes experts are recounted (cheap), the
discriminative one trains two more epochs over everything.

Naive Bayes scoring is sparse: log P(f|c) = log α − log Z_c + log1p(C_cf / α), so only the counts that
exist are stored, and a batch is two sparse products.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.isotonic import IsotonicRegression

from careerclusters.classifier import text as tx
from careerclusters.classifier import vectors
from careerclusters.classifier.softmax import SoftmaxRegression, softmax


def _word_features(normalised: str) -> list[str]:
    ws = normalised.split()
    return ws + [f"{a}_{b}" for a, b in zip(ws, ws[1:], strict=False)]


def _char_grams(normalised: str, sizes: tuple[int, ...]) -> list[str]:
    grams = []
    for word in normalised.split():
        padded = f" {word} "
        for n in sizes:
            grams += [padded[i:i + n] for i in range(max(1, len(padded) - n + 1))]
    return grams


def _char_features(normalised: str) -> list[str]:
    return _char_grams(normalised, (3, 4, 5))


@dataclass
class _Expert:
    """One naive Bayes expert over one kind of feature."""

    vectorizer: CountVectorizer
    log_ratio: sp.csr_matrix  # features × classes (stored transposed for fast products): log1p(C / alpha)
    log_norm: np.ndarray  # per class: log alpha − log Z_c
    known: np.ndarray  # per feature: 1 if any training example or document has it, else 0

    @classmethod
    def fit(cls, vectorizer: CountVectorizer, examples: sp.csr_matrix, y: sp.csr_matrix, doc_counts: sp.csr_matrix,
            alpha: float) -> _Expert:
        """``examples`` are the vectorised training texts (one row each, ``y`` maps them to classes);
        ``doc_counts`` the already weighted feature counts per class from the documents."""
        counts = (y @ examples + doc_counts).tocsr()
        known = (np.asarray(counts.sum(axis=0)).ravel() > 0).astype(np.float32)
        totals = np.asarray(counts.sum(axis=1)).ravel() + alpha * known.sum()
        log_ratio = counts.copy()
        log_ratio.data = np.log1p(log_ratio.data / alpha).astype(np.float32)
        return cls(vectorizer, log_ratio.T.tocsr(), (np.log(alpha) - np.log(totals)).astype(np.float32), known)

    def scores(self, normalised: list[str]) -> np.ndarray:
        x = vectors.counts(self.vectorizer, normalised)
        present = (x @ self.known).astype(np.float32)[:, None]
        return (x @ self.log_ratio).toarray() + present * self.log_norm


@dataclass
class _Vectorised:
    """One kind of naive Bayes feature, counted once per build for all examples and documents, so the
    experts can be fitted on the training part and then refitted on everything without counting again."""

    vectorizer: CountVectorizer
    examples: sp.csr_matrix
    doc_counts: sp.csr_matrix

    @classmethod
    def count(cls, analyzer, normalised: list[str], docs: list[str], y_docs: sp.csr_matrix,
              doc_weight: float) -> _Vectorised:
        vectorizer = CountVectorizer(analyzer=analyzer, binary=True, dtype=np.float32)
        matrix = vectorizer.fit_transform(normalised + docs).tocsr()
        return cls(vectorizer, matrix[: len(normalised)], (doc_weight * (y_docs @ matrix[len(normalised):])).tocsr())


def _linear_features(normalised: str) -> list[str]:
    """Words, word pairs, the last word, and character 4-grams (which let it weigh word parts and typos)."""
    words = normalised.split()
    return _word_features(normalised) + [f"head:{w}" for w in words[-1:]] + _char_grams(normalised, (4,))


def _log_softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


class TitleModel:
    """Text → class scores, probabilities and a calibrated top-1 confidence (scikit-learn style API)."""

    def __init__(self, alpha: float = 0.03, doc_weight: float = 0.1, word_share: float = 0.8,
                 head_bonus: float = 2.0, linear_share: float = 0.4, nb_temperature: float = 8.0,
                 linear_temperature: float = 0.5, linear_epochs: int = 6, linear_update_epochs: int = 2,
                 holdout: float = 0.1, random_state: int = 0):
        self.alpha, self.doc_weight, self.word_share = alpha, doc_weight, word_share
        self.head_bonus, self.linear_share = head_bonus, linear_share
        self.nb_temperature, self.linear_temperature = nb_temperature, linear_temperature
        self.linear_epochs, self.linear_update_epochs = linear_epochs, linear_update_epochs
        self.holdout, self.random_state = holdout, random_state

    # -- fitting ---------------------------------------------------------------------------------------
    def fit(self, texts: Sequence[str], labels: Sequence[str], docs: Sequence[str] = (),
            doc_labels: Sequence[str] = (), calibrate: Sequence[bool] | None = None) -> TitleModel:
        """Learn from example texts with their labels and, optionally, longer documents per label.
        ``calibrate`` marks the examples that may be held out to fit the confidence (real titles rather
        than official occupation names); by default all may."""
        texts, labels = list(texts), list(labels)
        self.classes_ = np.array(sorted(set(labels) | set(doc_labels)))
        # Normalise every example (and find its head noun) once: all three experts and the refresh use them.
        normalised = [tx.normalise(t) for t in texts]
        heads = [tx.head(t) for t in texts]
        # Documents are long: their words count, without the cleaning and length limit meant for titles.
        normalised_docs = [" ".join(tx.words(d)) for d in docs]
        held = self._held_out(texts, calibrate)
        train = ~held
        y_docs = self._onehot(list(doc_labels))
        features = (_Vectorised.count(_word_features, normalised, normalised_docs, y_docs, self.doc_weight),
                    _Vectorised.count(_char_features, normalised, normalised_docs, y_docs, 2 * self.doc_weight))
        self._fit_naive_bayes(features, train, heads, labels)
        self._fit_linear([n for n, t in zip(normalised, train, strict=True) if t],
                         [lab for lab, t in zip(labels, train, strict=True) if t])
        self.temperature_, self.isotonic_ = 1.0, None
        self.holdout_scores_: dict[str, float] | None = None
        if held.any():
            answers: dict[str, set[str]] = {}  # held-out title (ignoring case) → all its labels
            spelling: dict[str, str] = {}  # … and the first way it is written
            for text, label, h in zip(texts, labels, held, strict=True):
                if h:
                    answers.setdefault(text.lower(), set()).add(label)
                    spelling.setdefault(text.lower(), text)
            self._calibrate([spelling[key] for key in answers], list(answers.values()))
            self._fit_naive_bayes(features, np.ones(len(texts), bool), heads, labels)
            if self.linear_ is not None:
                vectorizer, model = self.linear_
                model.update(vectorizer.transform(normalised), np.searchsorted(self.classes_, labels),
                             self.linear_update_epochs)
        return self

    def _held_out(self, texts: list[str], calibrate: Sequence[bool] | None) -> np.ndarray:
        """Which examples to hold out for calibration: a random share of the distinct titles (ignoring
        case), every example of a chosen title together, so that a held-out title is as unseen as a
        user's would be (the way the evaluation sets are made)."""
        eligible = np.ones(len(texts), bool) if calibrate is None else np.asarray(calibrate, bool)
        keys = sorted({t.lower() for t, e in zip(texts, eligible, strict=True) if e})
        draws = np.random.default_rng(self.random_state).random(len(keys))
        chosen = {key for key, draw in zip(keys, draws, strict=True) if draw < self.holdout}
        return np.array([e and t.lower() in chosen for t, e in zip(texts, eligible, strict=True)], bool)

    def _onehot(self, labels: Sequence[str]) -> sp.csr_matrix:
        """Classes × examples indicator matrix."""
        rows = np.searchsorted(self.classes_, labels)
        return sp.csr_matrix((np.ones(len(rows), np.float32), (rows, np.arange(len(rows)))),
                             shape=(len(self.classes_), len(rows)))

    def _fit_naive_bayes(self, features: tuple[_Vectorised, _Vectorised], rows: np.ndarray,
                         heads: list[str | None], labels: list[str]) -> None:
        """Fit both naive Bayes experts (word and character ``features``) and the head-noun counts on the
        examples selected by ``rows``."""
        y = self._onehot([lab for lab, r in zip(labels, rows, strict=True) if r])
        self.word_, self.char_ = (_Expert.fit(f.vectorizer, f.examples[rows], y, f.doc_counts, self.alpha)
                                  for f in features)
        index = {c: i for i, c in enumerate(self.classes_)}
        counts: dict[str, dict[int, float]] = {}
        for found, label, r in zip(heads, labels, rows, strict=True):
            if found and r:
                row = counts.setdefault(found, {})
                row[index[label]] = row.get(index[label], 0.0) + 1.0
        self.heads_ = {h: (np.fromiter(r.keys(), np.int32), np.log1p(np.fromiter(r.values(), np.float32)))
                       for h, r in counts.items()}

    def _fit_linear(self, normalised: list[str], labels: list[str]) -> None:
        self.linear_ = None
        if self.linear_share <= 0 or len(set(labels)) < 2:
            return
        vectorizer = TfidfVectorizer(analyzer=_linear_features, sublinear_tf=True, dtype=np.float32)
        matrix = vectorizer.fit_transform(normalised)
        model = SoftmaxRegression(epochs=self.linear_epochs, random_state=self.random_state).fit(
            matrix, np.searchsorted(self.classes_, labels), len(self.classes_))
        self.linear_ = (vectorizer, model)

    def _calibrate(self, texts: list[str], answers: list[set[str]]) -> None:
        """Fit the softmax temperature (likelihood of the right answers) and the isotonic map from top
        probability to "top answer is right" on held-out titles; a title may have several right answers."""
        scores = self.decision_function(texts)
        right = np.zeros(scores.shape, bool)
        for row, labels in enumerate(answers):
            right[row, np.searchsorted(self.classes_, sorted(labels))] = True
        best_t, best_nll = 1.0, np.inf
        for temperature in (0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0):
            probs = softmax(scores / temperature)
            nll = -np.mean(np.log((probs * right).sum(axis=1) + 1e-12))
            if nll < best_nll:
                best_t, best_nll = temperature, nll
        self.temperature_ = best_t
        probs = softmax(scores / best_t)
        correct = right[np.arange(len(right)), probs.argmax(axis=1)].astype(float)
        self.isotonic_ = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(probs.max(axis=1),
                                                                                             correct)
        top5 = np.argpartition(-scores, min(5, scores.shape[1]) - 1, axis=1)[:, :5]
        #: How the model did on these titles before it learnt them: an estimate, from every build, of its
        #: accuracy on titles nobody has tuned it to.
        self.holdout_scores_ = {"titles": len(texts), "top1": float(correct.mean()),
                                "top5": float(np.take_along_axis(right, top5, axis=1).any(axis=1).mean())}

    # -- predicting ------------------------------------------------------------------------------------
    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        """Mixed log-probabilities of the experts, one row per text and one column per class."""
        normalised = [tx.normalise(t) for t in texts]
        bayes = self.word_share * self.word_.scores(normalised) + (1 - self.word_share) * self.char_.scores(normalised)
        for row, text in enumerate(texts):
            found = tx.head(text)
            if found in self.heads_:
                columns, bonus = self.heads_[found]
                bayes[row, columns] += self.head_bonus * bonus
        scores = _log_softmax(bayes / self.nb_temperature)
        if self.linear_ is not None:
            vectorizer, model = self.linear_
            linear = model.decision_function(vectors.tfidf(vectorizer, normalised))
            scores = (1 - self.linear_share) * scores + self.linear_share * _log_softmax(
                linear / self.linear_temperature)
        empty = np.array([not n for n in normalised])
        scores[empty] = 0.0  # nothing to go on: a flat row, so every class is equally (un)likely
        return scores

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        return softmax(self.decision_function(texts) / self.temperature_)

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return self.classes_[self.decision_function(texts).argmax(axis=1)]

    def predict_top_k(self, texts: Sequence[str], k: int = 5) -> tuple[np.ndarray, np.ndarray]:
        """The k best classes per text (best first) and their probabilities."""
        probs = self.predict_proba(texts)
        k = min(k, probs.shape[1])
        top = np.argpartition(-probs, k - 1, axis=1)[:, :k]
        order = np.take_along_axis(probs, top, axis=1).argsort(axis=1)[:, ::-1]
        top = np.take_along_axis(top, order, axis=1)
        return self.classes_[top], np.take_along_axis(probs, top, axis=1)

    def confidence(self, top_probability: np.ndarray) -> np.ndarray:
        """The chance the top answer is right, given its probability (isotonic map fitted on held-out titles)."""
        if self.isotonic_ is None:
            return top_probability
        # the fitted map is piecewise linear through its thresholds and clipped at both ends: interpolating
        # directly is ``isotonic_.predict`` without its per-call checks
        iso = self.isotonic_
        return np.interp(top_probability, iso.X_thresholds_, iso.y_thresholds_).astype(top_probability.dtype)
