"""GET a JSON body from a host's API with urllib: no client library, one clear error on failure."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from govdata.errors import GovdataError
from govdata.i18n import Text

TIMEOUT = 30  # seconds; a hung API must not hang the merge gate


class HostError(GovdataError):
    """The host's API could not be read: the gate cannot decide (exit 2)."""


class Forbidden(HostError):
    """401, 403 or 404: the token may not read this (e.g. a team without read:org)."""


def get_json(url: str, headers: dict[str, str]) -> tuple[Any, dict[str, str]]:
    """The decoded body and the response headers of ``GET url``."""
    request = urllib.request.Request(url, headers={"Accept": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (https URLs from config)
            body = response.read()
            found = {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as error:
        kind = Forbidden if error.code in (401, 403, 404) else HostError
        raise kind(Text(f"读取 {url} 失败：HTTP {error.code}", f"reading {url} failed: HTTP {error.code}")) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise HostError(Text(f"无法连接 {url}：{error}", f"cannot reach {url}: {error}")) from None
    try:
        return json.loads(body), found
    except ValueError:
        raise HostError(Text(f"{url} 返回的不是 JSON", f"{url} did not return JSON")) from None


def get_pages(url: str, headers: dict[str, str], limit: int = 50, size: str = "per_page") -> list[Any]:
    """Every element of a paginated list (``page=`` until a short page), capped at ``limit`` pages.

    ``size`` is the host's page-size parameter (GitHub and GitLab ``per_page``, Gitea ``limit``).
    """
    items: list[Any] = []
    separator = "&" if "?" in url else "?"
    for page in range(1, limit + 1):
        body, _ = get_json(f"{url}{separator}{size}=100&page={page}", headers)
        if not isinstance(body, list):
            raise HostError(Text(f"{url} 返回的不是列表", f"{url} did not return a list"))
        items.extend(body)
        if len(body) < 100:
            return items
    raise HostError(Text(f"{url} 的结果超过 {limit} 页", f"{url} has more than {limit} pages"))


def require(value: str | None, name: str) -> str:
    if not value:
        raise HostError(Text(f"缺少 {name}（环境变量或命令行选项）", f"{name} is missing (environment or option)"))
    return value


def members_or_none(read: Callable[[], list[Any]], key: str) -> list[str] | None:
    """The handles (``key`` of each member) a team listing gives, or None when the token may not read it."""
    try:
        members = read()
    except Forbidden:
        return None
    return [str(member[key]) for member in members if member.get(key)]
