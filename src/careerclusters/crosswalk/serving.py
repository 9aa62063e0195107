"""What a server keeps of the crosswalk answers: the relations and the transition map (built once), and the
answers pages ask for again and again (kept per data version). See ``base.shared``."""

from __future__ import annotations

from careerclusters.base.shared import Shared, warm_up
from careerclusters.crosswalk import answers
from careerclusters.crosswalk.relations import Crosswalk
from careerclusters.crosswalk.transition import TransitionMap
from careerclusters.framework import Level
from careerclusters.store import StoreError
from careerclusters.store.crosswalk import available_kinds


@warm_up("transition map")
def transition(shared: Shared) -> TransitionMap:
    return shared.once("transition map", lambda: TransitionMap(shared.conn))


def transition_or_none(shared: Shared) -> TransitionMap | None:
    """The transition map, or None on a store that cannot build it (pages then leave the moves out)."""
    try:
        return transition(shared)
    except StoreError:
        return None


@warm_up("crosswalk relations")
def relations(shared: Shared) -> Crosswalk:
    return shared.once("crosswalk relations", lambda: Crosswalk(shared.conn))


def contents(shared: Shared, node_id: str, level: Level, sort: answers.SortKey) -> answers.NodeContents:
    return shared.cached(("contents", node_id, level.value, sort),
                         lambda: answers.contents(shared.conn, node_id, level, sort))


def occupation(shared: Shared, code: str) -> answers.Occupation:
    return shared.cached(("occupation", code), lambda: answers.occupation(shared.conn, code))


def program(shared: Shared, code: str) -> answers.ProgramProfile:
    return shared.cached(("program", code), lambda: answers.program(shared.conn, code))


def available(shared: Shared) -> set[str]:
    """The kinds of data answers can use (``store.crosswalk.available_kinds``), per data version."""
    return shared.cached(("available kinds",), lambda: available_kinds(shared.conn))


def national(shared: Shared) -> answers.National:
    return shared.cached(("national",), lambda: answers.national(shared.conn))
