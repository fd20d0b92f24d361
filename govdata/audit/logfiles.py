"""Which log files an audit reads: files and folders named on the command line (folders are
searched for the supported formats, as a day-partitioned export lays them out), or, for
Spark, any Hadoop-compatible location (``hdfs://``, ``s3a://``, ``abfs://`` …) taken as is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govdata.errors import UsageError
from govdata.i18n import Text

FORMATS = {".parquet": "parquet", ".jsonl": "json", ".ndjson": "json", ".csv": "csv"}


@dataclass(frozen=True)
class LogFiles:
    format: str  # parquet, json or csv
    paths: list[str]  # absolute local paths, or remote locations as given
    remote: bool = False


def _format_of(path: Path) -> str | None:
    return FORMATS.get(path.suffix.lower())


def find_logs(arguments: list[str]) -> LogFiles:
    """The log files behind ``arguments``; a usage error when there are none or formats mix."""
    remote = [a for a in arguments if "://" in a and not a.startswith("file://")]
    if remote:
        if len(remote) != len(arguments):
            raise UsageError(Text("不能混用本地路径和远程路径", "local and remote log locations cannot be mixed"))
        return LogFiles("parquet", remote, remote=True)
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument.removeprefix("file://"))
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and _format_of(p) and not p.name.startswith("."))
        elif path.is_file():
            if _format_of(path) is None:
                raise UsageError(
                    Text(
                        f"{argument}: 不支持的日志格式；支持 {', '.join(FORMATS)}",
                        f"{argument}: unsupported log format; supported: {', '.join(FORMATS)}",
                    )
                )
            found.append(path)
        else:
            raise UsageError(Text(f"路径不存在：{argument}", f"no such path: {argument}"))
    if not found:
        raise UsageError(
            Text(
                f"在 {' '.join(arguments)} 中找不到日志文件（{', '.join(FORMATS)}）",
                f"no log files ({', '.join(FORMATS)}) in {' '.join(arguments)}",
            )
        )
    formats = sorted({_format_of(p) or "" for p in found})
    if len(formats) > 1:
        raise UsageError(
            Text(
                f"一次审计只能读取一种日志格式，而这里有：{'、'.join(formats)}",
                f"one audit reads one log format; found {', '.join(formats)}",
            )
        )
    return LogFiles(formats[0], [str(p.resolve()) for p in dict.fromkeys(found)])


__all__ = ["FORMATS", "LogFiles", "find_logs"]
