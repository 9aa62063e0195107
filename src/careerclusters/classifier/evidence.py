"""The example titles that explain an answer: those of the class that share the most words with the text.

Kept as arrays, like the model (``arrays``): every example title's UTF-8 bytes in one array with offsets, the
examples of each class together, and each example's distinct normalised words as numbers into a vocabulary
of words. A loaded classifier reads them where they lie in the mapped cache file; tens of thousands of
Python strings and tuples would be rebuilt in every process, and walked by its garbage collector.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from careerclusters.classifier import text as tx
from careerclusters.classifier.arrays import Vocabulary


@dataclass(frozen=True)
class Examples:
    """Each class's example titles (classes numbered as the model's ``classes_``) and their words."""

    starts: np.ndarray  # class i's examples are numbers starts[i] to starts[i + 1]
    text: np.ndarray  # every example's UTF-8 bytes, one after another …
    text_ends: np.ndarray  # … example j ending at text_ends[j] (so starting at text_ends[j - 1], or 0)
    word_ends: np.ndarray  # example j's distinct words are words[word_ends[j - 1]:word_ends[j]] …
    words: np.ndarray  # … as numbers in ``vocabulary``
    vocabulary: Vocabulary

    @classmethod
    def of(cls, classes: np.ndarray, examples: dict[str, list[str]]) -> Examples:
        """From each class code's example titles, in the order given (which breaks ties in ``best``)."""
        listed = [(c, examples.get(str(c), [])) for c in classes]
        titles = [t for _, ts in listed for t in ts]
        words = [sorted(set(tx.normalise(t).split())) for t in titles]
        known = sorted({w for ws in words for w in ws})
        number = {w: i for i, w in enumerate(known)}
        encoded = [t.encode() for t in titles]
        return cls(starts=np.cumsum([0] + [len(ts) for _, ts in listed], dtype=np.int64),
                   text=np.frombuffer(b"".join(encoded), np.uint8),
                   text_ends=np.cumsum([len(e) for e in encoded], dtype=np.int64),
                   word_ends=np.cumsum([len(ws) for ws in words], dtype=np.int64),
                   words=np.fromiter((number[w] for ws in words for w in ws), np.int32),
                   vocabulary=Vocabulary.of(known))

    def titles(self) -> list[str]:
        """Every example title, of every class (what the model learnt besides its rows' own words)."""
        return [self._title(example) for example in range(len(self.text_ends))]

    def _title(self, example: int) -> str:
        start = self.text_ends[example - 1] if example else 0
        return bytes(self.text[start:self.text_ends[example]]).decode()

    def best(self, class_index: int, query: set[str], limit: int = 3) -> list[str]:
        """The class's example titles sharing the most of the query's words, as a share of each title's own
        words; the first listed wins a tie."""
        wanted = self.vocabulary.find(sorted(query))
        wanted = wanted[wanted >= 0]
        first, last = int(self.starts[class_index]), int(self.starts[class_index + 1])
        if not len(wanted) or first == last:
            return []
        ends = self.word_ends[first:last]
        begin = int(self.word_ends[first - 1]) if first else 0
        lengths = np.diff(ends, prepend=begin)
        owner = np.repeat(np.arange(last - first), lengths)
        asked = np.zeros(len(self.vocabulary), bool)  # a lookup table: np.isin would sort both sides on every call
        asked[wanted] = True
        shared = np.bincount(owner, asked[self.words[begin:int(ends[-1])]], minlength=last - first)
        hits = np.flatnonzero(shared)
        score = shared[hits] / lengths[hits]
        return [self._title(first + int(hits[i])) for i in np.argsort(-score, kind="stable")[:limit]]

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return self.vocabulary.arrays(f"{prefix}.vocabulary") | {
            f"{prefix}.{name}": getattr(self, name) for name in ("starts", "text", "text_ends", "word_ends", "words")}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> Examples:
        return cls(**{name: arrays[f"{prefix}.{name}"] for name in ("starts", "text", "text_ends", "word_ends",
                                                                      "words")},
                   vocabulary=Vocabulary.from_arrays(arrays, f"{prefix}.vocabulary"))
