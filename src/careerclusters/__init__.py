"""careerclusters: the National Career Clusters Framework as data, with the occupations, programs,
industries, wages and outlook that give it meaning.

The small Python API mirrors a reference dataset such as pycountry::

    >>> from careerclusters import load_framework
    >>> fw = load_framework()
    >>> fw.get("Arts, Entertainment & Design").code
    '020100'
"""

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
