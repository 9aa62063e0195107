"""Reading a rules file: the YAML thresholds a service applies, which a state may replace with its own."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from careerclusters.base.errors import CareerClustersError

M = TypeVar("M", bound=BaseModel)
#: libyaml's safe loader where PyYAML was built with it (the same documents, read several times faster: the
#: framework's files are read at every start), else PyYAML's own.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> object:
    """The data of a YAML document, read safely (no Python objects), with libyaml where available."""
    return yaml.load(text, Loader=SAFE_LOADER)


def read_rules(model: type[M], default: Traversable, path: Path | None = None) -> M:
    """The rules from ``path``, or the package's ``default`` file; a bad file is one clear error naming it."""
    name = str(path) if path else "/".join(Path(str(default)).parts[-2:])  # e.g. pos/rules.yaml
    try:
        text = path.read_text(encoding="utf-8") if path else default.read_text(encoding="utf-8")
        return model.model_validate(load_yaml(text))
    except (OSError, yaml.YAMLError) as exc:
        raise CareerClustersError(f"{name}: cannot read the rules ({exc})") from exc
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise CareerClustersError(f"{name}: {problems}") from None
