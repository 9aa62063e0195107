"""The command a person types to run this program, for every hint the program prints ("run `careerclusters data
fetch`"), so that a hint works when pasted into the shell that started the program.

From a clone, ``scripts/careerclusters`` starts the program and passes the way it was typed in
``CAREERCLUSTERS_COMMAND`` (``scripts/careerclusters``); installed with pip, the command is ``careerclusters``.
"""

from __future__ import annotations

import os
import shlex

ENV_VAR = "CAREERCLUSTERS_COMMAND"
INSTALLED = "careerclusters"


def command(arguments: str = "") -> str:
    """The command line that runs ``arguments`` (``"data fetch"``) the way this program was started."""
    launcher = os.environ.get(ENV_VAR, "").strip()
    name = shlex.quote(launcher) if launcher else INSTALLED
    return f"{name} {arguments}".strip()
