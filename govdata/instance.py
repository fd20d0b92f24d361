"""Finding an instance (walk up to govdata.yaml) and listing the files that belong to it.

Light to import (the models and the loader are imported by ``open_instance``): ``validate``
finds the instance and starts git's listing of it before it imports the engine.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from govdata.errors import ConfigError
from govdata.i18n import Text
from govdata.io.atomic import is_temporary, stray_temporaries, walk_folders
from govdata.io.transaction import CACHE_FOLDER
from govdata.validation.blobs import IndexListing

if TYPE_CHECKING:
    from govdata.model.config import InstanceConfig

CONFIG_NAME = "govdata.yaml"
ENV_CONFIG = "GOVDATA_CONFIG"
# Folders whose YAML files are instance files; anything else in the repository is ignored.
INSTANCE_FOLDERS = ("registry", "catalogs", "grants", "responsibility", "cases", "projects", "security", "audit")


@dataclass(frozen=True)
class Instance:
    root: Path
    config_path: Path
    config: InstanceConfig

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()


def find_config(start: Path, explicit: Path | None = None) -> Path:
    """``--config``, then ``$GOVDATA_CONFIG``, then govdata.yaml in ``start`` or above."""
    chosen = explicit or (Path(os.environ[ENV_CONFIG]) if os.environ.get(ENV_CONFIG) else None)
    if chosen is not None:
        if not chosen.is_file():
            raise ConfigError(Text(f"找不到配置文件 {chosen}", f"config file {chosen} not found"))
        return chosen.resolve()
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    raise ConfigError(
        Text(
            f"在 {start} 及其上级目录中找不到 {CONFIG_NAME}；请在实例目录中运行，或用 govdata init 新建实例",
            f"no {CONFIG_NAME} in {start} or above; run inside an instance or create one with govdata init",
        )
    )


def open_instance(start: Path, explicit: Path | None = None) -> Instance:
    """Locate and load the instance configuration; any problem in it stops the run (exit 2)."""
    from govdata.model.config import InstanceConfig
    from govdata.model.kinds import CONFIG
    from govdata.validation.loading import load_file

    config_path = find_config(start, explicit)
    try:
        data = config_path.read_bytes()
    except OSError as error:
        raise ConfigError(Text(f"无法读取 {config_path}：{error}", f"cannot read {config_path}: {error}")) from error
    outcome = load_file(config_path.name, CONFIG, data)
    if outcome.document is None:
        lines = [f"{d.location}: {d.message.zh} / {d.message.en}" for d in outcome.diagnostics]
        raise ConfigError(Text("配置文件有误：\n" + "\n".join(lines), "invalid configuration:\n" + "\n".join(lines)))
    config = outcome.document.model
    assert isinstance(config, InstanceConfig)
    try:
        re.compile(config.resource_code.pattern)
    except re.error as error:
        raise ConfigError(
            Text(
                f"{config_path.name}: resource_code.pattern 不是有效的正则表达式：{error}",
                f"{config_path.name}: resource_code.pattern is not a valid regular expression: {error}",
            )
        ) from error
    return Instance(config_path.parent, config_path, config)


class InstanceFiles(NamedTuple):
    """What one walk of an instance's folders finds."""

    files: list[str]  # ``discover``'s answer
    temporaries: list[str]  # left by interrupted writes (``io.atomic.stray_temporaries``), sorted


def within(path: str, scopes: Iterable[str] | None) -> bool:
    """Whether the instance path ``path`` lies in one of ``scopes`` (files, folders, or the root:
    "." or ""); None is the whole instance."""
    if scopes is None:
        return True
    return any(scope in ("", ".") or path == scope or path.startswith(scope.rstrip("/") + "/") for scope in scopes)


def discover(root: Path) -> list[str]:
    """Instance-relative POSIX paths of the YAML files that belong to the instance, sorted.

    The extension is matched without regard to case: ``X.YAML`` is listed (and reported by
    GD003 as misnamed), never silently skipped. Hidden files and folders are not listed.
    """
    return scan(root).files


def scan(root: Path) -> InstanceFiles:
    """The instance's files and its leftover temporary files, in one walk (``validate`` needs
    both: walking 100,000 files twice cost 0.05 s of a pull request's re-check)."""
    files: list[str] = []
    if (root / CONFIG_NAME).is_file():
        files.append(CONFIG_NAME)
    temporaries = [path.name for path in stray_temporaries(root, ())]  # at the root itself
    # Plain strings, not Path objects: an instance can hold 100,000 files.
    for prefix, names, hidden in walk_folders(root, INSTANCE_FOLDERS):
        for name in names:
            if name.startswith("."):
                if is_temporary(name):
                    temporaries.append(prefix + name)
            elif not hidden and name.lower().endswith((".yaml", ".yml")):
                files.append(prefix + name)
    return InstanceFiles(sorted(files), sorted(temporaries))


# What ``scan`` lists: a YAML file (the extension in any case) in an instance folder, no part of
# its path hidden.
_INSTANCE_FILE = re.compile(
    "(?:" + "|".join(map(re.escape, INSTANCE_FOLDERS)) + r")/(?:[^/.][^/]*/)*[^/.][^/]*\.(?i:ya?ml)"
)


# What git is asked to list: the instance's files, and a validation cache committed by mistake.
LISTED = (CONFIG_NAME, *INSTANCE_FOLDERS, CACHE_FOLDER)


def start_listing(root: Path) -> IndexListing:
    """git's listing of the instance's files, started now in the background; ``sort_listing`` reads it."""
    return IndexListing(root, LISTED)


def sort_listing(root: Path, listed: list[str]) -> InstanceFiles:
    """What ``scan`` finds, from a list of every file under the instance folders (git's, see
    ``validation.blobs``) instead of a walk; the files are the listing's own strings."""
    files = list(filter(_INSTANCE_FILE.fullmatch, listed))  # one C loop over 100,000 paths
    if (root / CONFIG_NAME).is_file():
        files.append(CONFIG_NAME)
    temporaries = [path.name for path in stray_temporaries(root, ())]  # at the root itself
    temporaries += [
        path
        for path in listed
        if "/." in path and path.partition("/")[0] in INSTANCE_FOLDERS and is_temporary(path.rpartition("/")[2])
    ]
    return InstanceFiles(sorted(files), sorted(temporaries))
