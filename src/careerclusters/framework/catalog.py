"""The ``Framework``: both editions loaded once, with navigation and lookup.

Lookups accept what people actually type: an id (``physical-health``), a code (``040200``), an exact
name or an alias, ignoring case, accents and punctuation, in English or, when no English name matches, in a
language the framework is translated into ("Salud física"). A miss or a tie raises an error that says what was
meant or which candidates tied, rather than guessing.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from careerclusters.framework.loader import DATA_DIR, load_edition, load_practices
from careerclusters.framework.model import (
    AmbiguousLookupError,
    Edition,
    FrameworkDataError,
    Level,
    Node,
    NotFoundError,
    PracticeList,
)
from careerclusters.framework.names import closest, name_key
from careerclusters.framework.translations import Label, Translation, available
from careerclusters.framework.translations import load as load_translation


class Framework:
    """Both editions of the National Career Clusters Framework and the Career Ready Practices."""

    def __init__(self, nodes: Iterable[Node], practices: Iterable[PracticeList]):
        self._nodes: dict[str, Node] = {}
        for node in nodes:
            if node.id in self._nodes:
                raise FrameworkDataError(f"id {node.id!r} is used in both editions")
            self._nodes[node.id] = node
        self.practices: tuple[PracticeList, ...] = tuple(practices)
        self._translations: dict[str, Translation] = {}
        self._by_translated_key: dict[str, list[Node]] | None = None
        self._by_code: dict[str, list[Node]] = {}
        self._by_key: dict[str, list[Node]] = {}
        for node in self._nodes.values():
            if node.code:
                self._by_code.setdefault(node.code, []).append(node)
            for key in {name_key(label) for label in (node.name, *node.aliases)}:
                self._by_key.setdefault(key, []).append(node)

    @classmethod
    def from_files(cls, modern: Path, original: Path, practices: Path) -> Framework:
        """Build a framework from data files (the embedded ones, or a test's deliberately broken copy)."""
        return cls([*load_edition(modern), *load_edition(original)], load_practices(practices))

    # -- listing ---------------------------------------------------------------------------------------
    def nodes(self, edition: Edition | None = None, level: Level | None = None) -> list[Node]:
        """Every node, in data-file order, optionally limited to one edition and level."""
        return [n for n in self._nodes.values()
                if (edition is None or n.edition is edition) and (level is None or n.level is level)]

    def groupings(self) -> list[Node]:
        return self.nodes(Edition.MODERN, Level.GROUPING)

    def clusters(self, edition: Edition = Edition.MODERN) -> list[Node]:
        return self.nodes(edition, Level.CLUSTER)

    def subclusters(self) -> list[Node]:
        return self.nodes(Edition.MODERN, Level.SUBCLUSTER)

    def pathways(self) -> list[Node]:
        return self.nodes(Edition.ORIGINAL, Level.PATHWAY)

    def roots(self, edition: Edition) -> list[Node]:
        """The top level of an edition: groupings (modern) or clusters (original)."""
        return [n for n in self.nodes(edition) if n.parent_id is None]

    def counts(self, edition: Edition) -> dict[str, int]:
        counts: dict[str, int] = {}
        for node in self.nodes(edition):
            counts[f"{node.level}s"] = counts.get(f"{node.level}s", 0) + 1
        if edition is Edition.MODERN:
            counts["cross_cutting_clusters"] = sum(n.cross_cutting for n in self.clusters())
        return counts

    # -- navigation ------------------------------------------------------------------------------------
    def node(self, node_id: str) -> Node:
        """The node with exactly this id."""
        try:
            return self._nodes[node_id]
        except KeyError:
            raise NotFoundError(node_id, closest(node_id, list(self._nodes))) from None

    def parent(self, node: Node) -> Node | None:
        return self._nodes[node.parent_id] if node.parent_id else None

    def children(self, node: Node) -> list[Node]:
        return [self._nodes[i] for i in node.children_ids]

    def ancestors(self, node: Node) -> list[Node]:
        """Parents of ``node``, broadest first (a sub-cluster gives [grouping, cluster])."""
        chain: list[Node] = []
        current = self.parent(node)
        while current is not None:
            chain.insert(0, current)
            current = self.parent(current)
        return chain

    def descendants(self, node: Node) -> list[Node]:
        """Every node below ``node``, depth first."""
        found: list[Node] = []
        for child in self.children(node):
            found += [child, *self.descendants(child)]
        return found

    # -- other languages -------------------------------------------------------------------------------
    def translation(self, lang: str) -> Translation:
        """The framework's words in ``lang`` (checked, and read once); English is the framework's own."""
        if lang not in self._translations:
            self._translations[lang] = load_translation(lang, list(self._nodes.values()), self.practices)
        return self._translations[lang]

    def label(self, node: Node, lang: str) -> Label:
        """A node's name, definition and other names in ``lang``: ``fw.label(node, "es").name``."""
        return self.translation(lang).label(node)

    # -- lookup ----------------------------------------------------------------------------------------
    def find(self, query: str, edition: Edition | None = None, level: Level | None = None) -> list[Node]:
        """Every node whose id, code, name or alias matches ``query`` exactly (after folding)."""
        text = query.strip()

        def keep(candidates: Iterable[Node]) -> list[Node]:
            return [n for n in candidates
                    if (edition is None or n.edition is edition) and (level is None or n.level is level)]

        if text in self._nodes and keep([self._nodes[text]]):
            return keep([self._nodes[text]])
        key = name_key(text)
        return (keep(self._by_code.get(text, [])) or keep(self._by_key.get(key, []))
                or keep(self._translated_keys().get(key, [])))

    def _translated_keys(self) -> dict[str, list[Node]]:
        """Every node by the folded names and other names of its translations (built when first needed). A
        framework built from other files (a test's) is looked up in English only: the translations are of the
        embedded one."""
        if self._by_translated_key is None:
            found: dict[str, list[Node]] = {}
            for lang in available()[1:]:
                try:
                    words = self.translation(lang)
                except FrameworkDataError:
                    continue
                for node in self._nodes.values():
                    label = words.label(node)
                    for key in {name_key(x) for x in (label.name, *label.aliases)}:
                        if node not in found.setdefault(key, []):
                            found[key].append(node)
            self._by_translated_key = found
        return self._by_translated_key

    def get(self, query: str, edition: Edition | None = None, level: Level | None = None) -> Node:
        """The one node matching ``query``; raises ``NotFoundError`` with suggestions, or
        ``AmbiguousLookupError`` when names tie across editions (narrow with ``edition`` or use the id)."""
        matches = self.find(query, edition, level)
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise AmbiguousLookupError(query, matches)
        labels = [label for n in self.nodes(edition, level) for label in (n.name, *n.aliases)]
        raise NotFoundError(query, closest(query, labels))


@cache
def load_framework() -> Framework:
    """The embedded framework, loaded and validated once per process."""
    return Framework.from_files(DATA_DIR / "modern.yaml", DATA_DIR / "original.yaml",
                                DATA_DIR / "practices.yaml")
