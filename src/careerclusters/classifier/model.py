"""``TitleModel``: a text classifier built for many classes (about a thousand occupations) and short texts.

Three experts vote. Two are multinomial naive Bayes models, one over word stems and word pairs and one
over character 3–5-grams (for typos and word parts); each class's counts come from its example texts
(titles) plus a little weight from its longer descriptions, so a word no title uses but the class's tasks
mention still counts, and a class whose examples share the query's head noun gets a bonus. The third is a
discriminative model (multinomial logistic regression, ``SoftmaxRegression``) over words, word pairs, the
last word and character 4-grams, which learns which words separate similar occupations. The experts'
log-probabilities are mixed.

The final probabilities come from a softmax whose temperature, and then an isotonic map to "probability
the top answer is right", are fitted on real titles held out from training (see ``training``).

Naive Bayes scoring is sparse: log P(f|c) = log α − log Z_c + log1p(C_cf / α), so only the counts that
exist are stored, and a batch is two sparse products.

Fitting uses scikit-learn and scipy (``training``, imported by ``fit``); a fitted model is nothing but
NumPy arrays (``arrays``), which is how it is stored and loaded (``arrays()``, ``from_arrays``): loading a
model costs no parse and no copy, and classifying needs neither library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from careerclusters.classifier import text as tx
from careerclusters.classifier.arrays import Sparse, Vocabulary, count_rows, product, tfidf_rows


def word_features(normalised: str) -> list[str]:
    ws = normalised.split()
    return ws + [f"{a}_{b}" for a, b in zip(ws, ws[1:], strict=False)]


def _char_grams(normalised: str, sizes: tuple[int, ...]) -> list[str]:
    grams = []
    for word in normalised.split():
        padded = f" {word} "
        for n in sizes:
            grams += [padded[i:i + n] for i in range(max(1, len(padded) - n + 1))]
    return grams


def char_features(normalised: str) -> list[str]:
    return _char_grams(normalised, (3, 4, 5))


def linear_features(normalised: str) -> list[str]:
    """Words, word pairs, the last word, and character 4-grams (which let it weigh word parts and typos)."""
    words = normalised.split()
    return word_features(normalised) + [f"head:{w}" for w in words[-1:]] + _char_grams(normalised, (4,))


def softmax(scores: np.ndarray) -> np.ndarray:
    """Row-wise softmax (a new array; the input is left as it is)."""
    scores = scores - scores.max(axis=1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=1, keepdims=True)
    return scores


def _log_softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


@dataclass(frozen=True)
class NaiveBayes:
    """One fitted naive Bayes expert over one kind of feature (binary counts)."""

    vocabulary: Vocabulary
    log_ratio: Sparse  # features × classes: log1p(C / alpha)
    log_norm: np.ndarray  # per class: log alpha − log Z_c
    known: np.ndarray  # per feature: 1 if any training example or document has it, else 0

    def scores(self, analyzer: Any, normalised: list[str]) -> np.ndarray:
        x = count_rows(self.vocabulary, analyzer, normalised)
        x.data[:] = 1.0
        rows = np.repeat(np.arange(len(normalised)), np.diff(x.indptr))
        # how many of its features the expert knows: a whole number, exact whichever way it is summed
        present = np.bincount(rows, self.known[x.indices], minlength=len(normalised)).astype(np.float32)[:, None]
        return product(x, self.log_ratio) + present * self.log_norm

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return (self.vocabulary.arrays(f"{prefix}.vocabulary") | self.log_ratio.arrays(f"{prefix}.log_ratio")
                | {f"{prefix}.log_norm": self.log_norm, f"{prefix}.known": self.known})

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> NaiveBayes:
        return cls(Vocabulary.from_arrays(arrays, f"{prefix}.vocabulary"),
                   Sparse.from_arrays(arrays, f"{prefix}.log_ratio"), arrays[f"{prefix}.log_norm"],
                   arrays[f"{prefix}.known"])


@dataclass(frozen=True)
class Linear:
    """The fitted discriminative expert: TF-IDF rows (sub-linear TF, unit length) times sparse weights."""

    vocabulary: Vocabulary
    idf: np.ndarray
    coef: Sparse  # features × classes
    intercept: np.ndarray

    def scores(self, normalised: list[str]) -> np.ndarray:
        x = tfidf_rows(count_rows(self.vocabulary, linear_features, normalised), self.idf)
        return product(x, self.coef) + self.intercept

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return (self.vocabulary.arrays(f"{prefix}.vocabulary") | self.coef.arrays(f"{prefix}.coef")
                | {f"{prefix}.idf": self.idf, f"{prefix}.intercept": self.intercept})

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> Linear:
        return cls(Vocabulary.from_arrays(arrays, f"{prefix}.vocabulary"), arrays[f"{prefix}.idf"],
                   Sparse.from_arrays(arrays, f"{prefix}.coef"), arrays[f"{prefix}.intercept"])


@dataclass(frozen=True)
class Heads:
    """Head nouns → the classes whose examples have them, and log1p of how many do (the head-noun bonus)."""

    vocabulary: Vocabulary
    indptr: np.ndarray
    columns: np.ndarray
    bonus: np.ndarray

    @classmethod
    def of(cls, counts: dict[str, dict[int, float]]) -> Heads:
        heads = list(counts)
        lengths = [len(counts[h]) for h in heads]
        indptr = np.zeros(len(heads) + 1, np.int64)
        np.cumsum(lengths, out=indptr[1:])
        columns = np.fromiter((c for h in heads for c in counts[h]), np.int32, int(indptr[-1]))
        bonus = np.log1p(np.fromiter((n for h in heads for n in counts[h].values()), np.float32, int(indptr[-1])))
        return cls(Vocabulary.of(heads), indptr, columns, bonus)

    def add(self, scores: np.ndarray, heads: list[str | None], weight: float) -> None:
        """Add each text's head-noun bonus to its row of ``scores``."""
        found = self.vocabulary.find([h or "" for h in heads])
        for row, (head, at) in enumerate(zip(heads, found.tolist(), strict=True)):
            if head and at >= 0:
                cells = slice(self.indptr[at], self.indptr[at + 1])
                scores[row, self.columns[cells]] += weight * self.bonus[cells]

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return self.vocabulary.arrays(f"{prefix}.vocabulary") | {
            f"{prefix}.indptr": self.indptr, f"{prefix}.columns": self.columns, f"{prefix}.bonus": self.bonus}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> Heads:
        return cls(Vocabulary.from_arrays(arrays, f"{prefix}.vocabulary"), arrays[f"{prefix}.indptr"],
                   arrays[f"{prefix}.columns"], arrays[f"{prefix}.bonus"])


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
        # the fitted model (set by ``fit`` or ``from_arrays``)
        self.classes_: np.ndarray
        self.word_: NaiveBayes
        self.char_: NaiveBayes
        self.heads_: Heads
        self.linear_: Linear | None = None
        self.temperature_ = 1.0
        #: The isotonic map from top probability to "top answer is right": its thresholds (x, y), or None.
        self.isotonic_: tuple[np.ndarray, np.ndarray] | None = None
        #: How the model did on the titles held out to calibrate it, before it learnt them (see ``training``).
        self.holdout_scores_: dict[str, float] | None = None

    def get_params(self) -> dict[str, float | int]:
        return {name: getattr(self, name) for name in (
            "alpha", "doc_weight", "word_share", "head_bonus", "linear_share", "nb_temperature", "linear_temperature",
            "linear_epochs", "linear_update_epochs", "holdout", "random_state")}

    # -- fitting ---------------------------------------------------------------------------------------
    def fit(self, texts: Sequence[str], labels: Sequence[str], docs: Sequence[str] = (),
            doc_labels: Sequence[str] = (), calibrate: Sequence[bool] | None = None) -> TitleModel:
        """Learn from example texts with their labels and, optionally, longer documents per label.
        ``calibrate`` marks the examples that may be held out to fit the confidence (real titles rather
        than official occupation names); by default all may."""
        from careerclusters.classifier import training

        training.fit(self, list(texts), list(labels), list(docs), list(doc_labels), calibrate)
        return self

    # -- predicting ------------------------------------------------------------------------------------
    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        """Mixed log-probabilities of the experts, one row per text and one column per class."""
        readings = [tx.reading(t) for t in texts]
        normalised = [n for n, _ in readings]
        bayes = (self.word_share * self.word_.scores(word_features, normalised)
                 + (1 - self.word_share) * self.char_.scores(char_features, normalised))
        self.heads_.add(bayes, [h for _, h in readings], self.head_bonus)
        scores = _log_softmax(bayes / self.nb_temperature)
        if self.linear_ is not None:
            scores = (1 - self.linear_share) * scores + self.linear_share * _log_softmax(
                self.linear_.scores(normalised) / self.linear_temperature)
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
        """The chance the top answer is right, given its probability: the isotonic map fitted on held-out
        titles, piecewise linear through its thresholds and clipped at both ends."""
        if self.isotonic_ is None:
            return top_probability
        x, y = self.isotonic_
        return np.interp(top_probability, x, y).astype(top_probability.dtype)

    # -- storing ---------------------------------------------------------------------------------------
    def arrays(self) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        """The fitted model as named arrays and a small description (for ``storage.write``)."""
        arrays = {"classes": self.classes_, **self.word_.arrays("word"), **self.char_.arrays("char"),
                  **self.heads_.arrays("heads")}
        if self.linear_ is not None:
            arrays |= self.linear_.arrays("linear")
        if self.isotonic_ is not None:
            arrays |= {"isotonic.x": self.isotonic_[0], "isotonic.y": self.isotonic_[1]}
        meta = {"params": self.get_params(), "temperature": self.temperature_, "holdout_scores": self.holdout_scores_,
                "linear": self.linear_ is not None, "isotonic": self.isotonic_ is not None}
        return arrays, meta

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> TitleModel:
        """The model ``arrays()`` described, over those same arrays (memory-mapped ones stay so)."""
        model = cls(**meta["params"])
        model.classes_ = arrays["classes"]
        model.word_ = NaiveBayes.from_arrays(arrays, "word")
        model.char_ = NaiveBayes.from_arrays(arrays, "char")
        model.heads_ = Heads.from_arrays(arrays, "heads")
        model.linear_ = Linear.from_arrays(arrays, "linear") if meta["linear"] else None
        model.isotonic_ = (arrays["isotonic.x"], arrays["isotonic.y"]) if meta["isotonic"] else None
        model.temperature_ = meta["temperature"]
        model.holdout_scores_ = meta["holdout_scores"]
        return model
