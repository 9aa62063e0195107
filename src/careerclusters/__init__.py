"""careerclusters: the National Career Clusters Framework as data, with the occupations, programs,
industries, wages and outlook that give it meaning.

The small Python API mirrors a reference dataset such as pycountry::

    >>> from careerclusters import load_framework
    >>> fw = load_framework()
    >>> fw.get("Arts, Entertainment & Design").code
    '020100'

The names below are imported when first used (PEP 562), so that importing a part of the package (the
command line, a capability) does not load the framework and its libraries first.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerclusters.framework import (
        AmbiguousLookupError,
        Edition,
        Framework,
        FrameworkDataError,
        Level,
        Node,
        NotFoundError,
        load_framework,
    )

__all__ = [
    "AmbiguousLookupError",
    "Edition",
    "Framework",
    "FrameworkDataError",
    "Level",
    "Node",
    "NotFoundError",
    "load_framework",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("careerclusters.framework"), name)
    raise AttributeError(f"module 'careerclusters' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
