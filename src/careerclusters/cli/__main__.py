"""``python -m careerclusters.cli``: the same command as ``careerclusters``."""

import sys

from careerclusters.cli import main

sys.exit(main())
