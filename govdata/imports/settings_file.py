"""Reading a small YAML settings file (mapping, defaults) into a model; bad files stop the run."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from govdata.errors import UsageError
from govdata.i18n import Text
from govdata.io.fastyaml import YamlProblem, load_yaml
from govdata.io.source import DecodeProblem, decode

M = TypeVar("M", bound=BaseModel)


def load_settings(path: Path, model: type[M], what: Text) -> M:
    """``path`` read, parsed and validated as ``model``; a located usage error otherwise."""
    where = str(path)
    try:
        text = decode(path.read_bytes())
    except OSError as error:
        raise UsageError(
            Text(f"无法读取{what.zh} {where}：{error.strerror}", f"cannot read the {what.en} {where}: {error.strerror}")
        ) from None
    if isinstance(text, DecodeProblem):
        raise UsageError(Text(f"{where}: ", f"{where}: ") + text.message)
    loaded = load_yaml(text)
    if isinstance(loaded, YamlProblem):
        place = f"{where}:{loaded.line}:{loaded.column}: "
        raise UsageError(Text(place, place) + loaded.message)
    try:
        return model.model_validate(loaded[0] or {})
    except ValidationError as error:
        first = error.errors()[0]
        place = ".".join(str(p) for p in first["loc"])
        raise UsageError(
            Text(f"{where}: {what.zh}的 {place}：{first['msg']}", f"{where}: {what.en} {place}: {first['msg']}")
        ) from None
