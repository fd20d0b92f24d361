"""Host adapters: each turns its host's review JSON into :class:`~govdata.gate.approvals.Approval` s.

One small module per host (``github``, ``gitlab``, ``gitea``), each with ``parse`` (the saved
or fetched body → approvals), ``fetch`` (the API, with the token from the environment) and
``expander`` (team handle → members, or None when it cannot).
"""

from __future__ import annotations

from enum import StrEnum
from importlib import import_module
from typing import Any, Protocol, cast

from govdata.gate.approvals import Approval
from govdata.gate.teams import Expander


class Host(StrEnum):
    GITHUB = "github"
    GITLAB = "gitlab"
    GITEA = "gitea"


class Adapter(Protocol):
    def parse(self, body: Any) -> list[Approval]: ...

    def fetch(self, number: str) -> Any: ...

    def expander(self) -> Expander: ...

    def author(self, body: Any) -> str | None: ...


def adapter(host: Host) -> Adapter:
    """The adapter module of ``host``."""
    return cast(Adapter, import_module(f"govdata.gate.hosts.{host.value}"))
