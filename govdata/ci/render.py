"""``govdata ci render github|gitlab|gitea``: the CI files of an instance, ready to commit.

Every file installs the same pinned release of this tool's distribution
(:data:`govdata.DISTRIBUTION`), from one of three sources:

- ``pypi``: the public index (``pip install "govdata-catalog==X"``);
- ``wheels``: wheels committed to the instance repository (``--no-index --find-links DIR``),
  for a network with no index at all — put the wheels there with
  ``pip download "govdata-catalog==X" -d DIR`` on a connected machine;
- ``index``: an internal mirror (``--index-url URL``).
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from enum import StrEnum
from importlib.resources import files

from govdata import DISTRIBUTION, __version__

PLACEHOLDER = "__GOVDATA_INSTALL__"


class CiHost(StrEnum):
    GITHUB = "github"
    GITLAB = "gitlab"
    GITEA = "gitea"


# Host → {path in the repository: template name}.
CI_FILES: dict[CiHost, dict[str, str]] = {
    CiHost.GITHUB: {
        ".github/workflows/validate.yml": "validate.yml",
        ".github/workflows/review.yml": "github-review.yml",
        ".github/workflows/pages.yml": "github-pages.yml",
    },
    CiHost.GITLAB: {".gitlab-ci.yml": "gitlab-ci.yml", ".gitlab/pages.yml": "gitlab-pages.yml"},
    CiHost.GITEA: {".gitea/workflows/review.yml": "gitea-review.yml"},
}


@dataclass(frozen=True, slots=True)
class InstallSource:
    """Where CI installs govdata from: PyPI (both None), a folder of wheels, or an index URL."""

    wheels: str | None = None  # repository-relative folder
    index_url: str | None = None
    version: str = __version__

    def pip_arguments(self) -> str:
        """What follows ``python -m pip install`` in every CI file."""
        pinned = f'"{DISTRIBUTION}=={self.version}"'
        if self.wheels:
            return f"--no-index --find-links {shlex.quote(self.wheels)} {pinned}"
        if self.index_url:
            return f"--index-url {shlex.quote(self.index_url)} {pinned}"
        return pinned


def template(name: str) -> str:
    return files("govdata.templates").joinpath(name).read_text(encoding="utf-8")


def ci_files(host: CiHost, source: InstallSource = InstallSource()) -> dict[str, str]:
    """``{repository path: content}`` of the CI files for ``host``."""
    arguments = source.pip_arguments()
    return {path: template(name).replace(PLACEHOLDER, arguments) for path, name in CI_FILES[host].items()}
