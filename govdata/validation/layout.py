"""Findings about files themselves: where no file kind belongs, left by an interrupted write,
or a validation cache committed to the repository (GD003)."""

from __future__ import annotations

from pathlib import Path

from govdata.diagnostics import Diagnostic, Location
from govdata.i18n import Text
from govdata.instance import INSTANCE_FOLDERS
from govdata.io.atomic import stray_temporaries
from govdata.io.transaction import JOURNAL_FILE, interrupted_run
from govdata.model.kinds import kind_of
from govdata.rules.builtin import UnexpectedFile
from govdata.validation.cache import FOLDER as CACHE_FOLDER


def unexpected_file(path: str) -> Diagnostic:
    stem, dot, extension = path.rpartition(".")
    if dot and extension.lower() == "yaml" and extension != "yaml" and kind_of(f"{stem}.yaml") is not None:
        message = Text(
            f"扩展名“.{extension}”须为小写“.yaml”，否则此文件不会被读取：{path}",
            f"the extension .{extension} must be lower-case .yaml, or the file is not read: {path}",
        )
        hint = Text(f"将文件改名为 {stem}.yaml（git mv）", f"Rename the file to {stem}.yaml (git mv)")
    else:
        message = Text(f"govdata 不识别此位置的文件：{path}", f"govdata does not know a file kind at {path}")
        hint = Text(
            "信息资源放在 catalogs/<部门>/<代码>.yaml，需求清单为 catalogs/<部门>/demands.yaml，扩展名须为 .yaml",
            "resources go to catalogs/<dept>/<code>.yaml, demand lists to catalogs/<dept>/demands.yaml, "
            "with the extension .yaml",
        )
    return Diagnostic(
        UnexpectedFile.id,
        UnexpectedFile.severity,
        message,
        Location(path, 1, 1),
        hint=hint,
        article=UnexpectedFile.article,
    )


def committed_cache(path: str) -> Diagnostic:
    return Diagnostic(
        UnexpectedFile.id,
        UnexpectedFile.severity,
        Text(
            f"校验缓存不应提交到仓库：{path}；本次不使用缓存，全部重新检查",
            f"the validation cache must not be committed: {path}; this run ignores the cache and checks every file",
        ),
        Location(path, 1, 1),
        hint=Text(
            f"git rm -r --cached {CACHE_FOLDER} 并在 .gitignore 中写入 {CACHE_FOLDER}/",
            f"git rm -r --cached {CACHE_FOLDER}, and list {CACHE_FOLDER}/ in .gitignore",
        ),
        article=UnexpectedFile.article,
    )


def leftover_diagnostics(root: Path, temporaries: list[str] | None = None) -> list[Diagnostic]:
    """Temporary files of interrupted writes (``temporaries``, instance-relative, when a walk
    found them already), and the journal of a multi-file write cut short."""
    if temporaries is None:
        temporaries = [path.relative_to(root).as_posix() for path in stray_temporaries(root, INSTANCE_FOLDERS)]
    found = [
        Diagnostic(
            UnexpectedFile.id,
            UnexpectedFile.severity,
            Text(f"写入中断遗留的临时文件：{path}", f"temporary file left by an interrupted write: {path}"),
            Location(path, 1, 1),
            hint=Text(
                "可直接删除（git 已忽略此类文件）；下一次 govdata 写入命令也会自动清除",
                "Delete it (git ignores such files); the next govdata command that writes removes it too",
            ),
            article=UnexpectedFile.article,
        )
        for path in temporaries
    ]
    journal = interrupted_run(root)
    if journal is not None:
        found.append(
            Diagnostic(
                UnexpectedFile.id,
                UnexpectedFile.severity,
                journal,
                Location(JOURNAL_FILE, 1, 1),
                hint=Text("重新运行该命令以完成写入", "Run that command again to finish the write"),
                article=UnexpectedFile.article,
            )
        )
    return found
