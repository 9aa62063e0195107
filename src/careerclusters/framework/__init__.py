"""The framework layer: the model of both editions and the data embedded in the package.

Nothing here reads the official source files or the store; every other layer builds on this one.
"""

from careerclusters.framework.catalog import Framework, load_framework
from careerclusters.framework.model import (
    AmbiguousLookupError,
    Edition,
    FrameworkDataError,
    Level,
    Node,
    NotFoundError,
    Practice,
    PracticeList,
)

__all__ = [
    "AmbiguousLookupError",
    "Edition",
    "Framework",
    "FrameworkDataError",
    "Level",
    "Node",
    "NotFoundError",
    "Practice",
    "PracticeList",
    "load_framework",
]
