"""What else a clean change needs before CI accepts it: ``responsibility build`` or ``fmt``.

CI runs ``responsibility build --check`` and ``fmt --check``; a clerk who only ran ``validate``
would learn of them from a red pipeline. ``validate`` asks the same questions after a run
without errors and says which command to run.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from govdata.i18n import Text
from govdata.instance import Instance, discover, within
from govdata.validation.engine import RunResult

# Formatting goes through the slow round-trip writer: files not known to be canonical beyond
# this many are left to ``fmt --check`` rather than slowing every validate down.
MAX_FORMAT_CHECKS = 30
# The lists are built from whole resource models, which a large run does not keep: beyond this
# many resources, reading them all again is left to ``responsibility build --check`` in CI.
MAX_RELOADED_MODELS = 2_000


def _responsibility(instance: Instance, result: RunResult) -> Text | None:
    from govdata.cli.generated import stale_files
    from govdata.generate.responsibility import FOLDER, responsibility_lists
    from govdata.workdays import calendar_for

    folder = instance.root / FOLDER
    if not folder.is_dir():
        return None
    catalog = result.catalog
    if len(catalog.resource_facts) > MAX_RELOADED_MODELS and not catalog.models_kept:
        return None
    files = responsibility_lists(catalog.with_models(), calendar_for(instance.config))
    stale = stale_files(folder, files, exhaustive=True)
    if not stale:
        return None
    return Text(
        f"采集责任清单与目录不一致（{'、'.join(sorted(stale))}）：请运行 govdata responsibility build",
        f"the responsibility lists differ from the catalog ({', '.join(sorted(stale))}): run govdata responsibility build",
    )


def _formatting(root: Path, scopes: list[str] | None, ids: Mapping[str, str]) -> Text | None:
    from govdata.fmt.run import FormatCache, format_many

    cache = FormatCache(root)
    paths = [p for p in (ids or discover(root)) if within(p, scopes)]
    # Content the run knew by its blob id is not read again unless the format cache lacks it.
    paths = [p for p in paths if p not in ids or not cache.canonical_id(p, ids[p])]
    if ids and len(paths) > MAX_FORMAT_CHECKS:
        return None  # not known to be canonical: too many to read here, fmt --check will say
    unknown = [(p, (root / p).read_bytes()) for p in paths]
    unknown = [(p, data) for p, data in unknown if not cache.canonical(p, data)]
    if len(unknown) > MAX_FORMAT_CHECKS:
        return None
    # format_many proves a tidy file canonical from libyaml's events before any ruamel round trip.
    formatted = format_many(unknown)
    untidy = [
        p for (p, data), text in zip(unknown, formatted, strict=True) if isinstance(text, str) and text.encode() != data
    ]
    if not untidy:
        return None
    shown = " ".join(untidy[:5]) + (" …" if len(untidy) > 5 else "")
    return Text(
        f"{len(untidy)} 个文件不是统一格式：请运行 govdata fmt {shown}",
        f"{len(untidy)} file{'s' if len(untidy) != 1 else ''} not in the canonical format: run govdata fmt {shown}",
    )


def follow_ups(instance: Instance, result: RunResult, scopes: list[str] | None) -> list[Text]:
    """The commands the change still needs; nothing when the run found errors (fix those first)."""
    if any(d.severity.value == "error" for d in result.diagnostics):
        return []
    found = [_responsibility(instance, result), _formatting(instance.root, scopes, result.content_ids)]
    return [text for text in found if text is not None]
