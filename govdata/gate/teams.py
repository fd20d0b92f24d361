"""Who is a maintainer of which department: handles from the BASE registry, teams expanded.

A registry may list team handles (``@jiyuan-gongan/catalog``). Reviews come from people, so a
team is only useful to the gate once expanded into its members, which needs a token that may
read the organisation (GitHub ``read:org``, GitLab ``read_api``, Gitea ``read:organization``). A team the gate could not
expand counts for nobody; the report says how to fix it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from govdata.gate.approvals import normal
from govdata.i18n import Text

if TYPE_CHECKING:  # the model (pydantic) is not needed to parse `govdata gate --help`
    from govdata.model.catalog import Catalog

# Expands a team handle to its members' handles; None when it cannot (no token, no right).
Expander = Callable[[str], list[str] | None]

TEAM_HINT = Text(
    "无法展开团队账号 {teams}：请给闸门一个能读取组织成员的令牌（GitHub：具有 read:org 权限的令牌，存为 GOVDATA_TEAMS_TOKEN；"
    "GitLab：具有 read_api 权限的项目或群组令牌，存为 GOVDATA_GITLAB_TOKEN；Gitea：具有 read:organization 权限的令牌，"
    "存为 GOVDATA_TEAMS_TOKEN），或在部门名录 maintainers 中列出个人账号",
    "team handles {teams} could not be expanded: give the gate a token that can read the organisation "
    "(GitHub: a token with read:org, as GOVDATA_TEAMS_TOKEN; GitLab: a project or group token with read_api, "
    "as GOVDATA_GITLAB_TOKEN; Gitea: a token with read:organization, as GOVDATA_TEAMS_TOKEN), "
    "or list personal handles in the registry's maintainers",
)


def is_team(handle: str) -> bool:
    return "/" in handle


def no_expansion(team: str) -> list[str] | None:
    return None


@dataclass
class Directory:
    """Department code → the personal handles (lower-case, with @) that may approve for it."""

    members: dict[str, set[str]] = field(default_factory=dict)
    unexpanded: dict[str, list[str]] = field(default_factory=dict)  # department code → teams not expanded

    @classmethod
    def build(cls, catalog: Catalog, expand: Expander = no_expansion, literal: Iterable[str] = ()) -> Directory:
        """From the registry; ``literal`` handles (given on the command line) match team entries as written."""
        spelled = {normal(h) for h in literal}
        cache: dict[str, list[str] | None] = {}
        directory = cls()
        for department in catalog.departments:
            people = directory.members.setdefault(department.code, set())
            for entry in department.maintainers:
                handle = normal(entry)
                people.add(handle)  # a person, or a team approving as written (--approved-by @org/team)
                if not is_team(handle) or handle in spelled:
                    continue
                if handle not in cache:
                    cache[handle] = expand(handle)
                expanded = cache[handle]
                if expanded is None:
                    directory.unexpanded.setdefault(department.code, []).append(entry)
                else:
                    people.update(normal(member) for member in expanded)
        return directory

    def of(self, handle: str) -> set[str]:
        """Codes of the departments ``handle`` may approve for."""
        wanted = normal(handle)
        return {code for code, people in self.members.items() if wanted in people}
