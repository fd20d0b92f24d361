"""Fixtures for the publish tests: the reference instance, a small instance with every opening
case, their publications, and the official DCAT-AP shapes read from outside the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from govdata.instance import discover, open_instance
from govdata.model.catalog import Catalog
from govdata.publish import Publication, PublishOptions, publish
from govdata.validation.engine import load_catalog
from tests.conftest import REPO_ROOT, build_instance

PUBLISH_INSTANCE = Path(__file__).parent / "instance"
REPOSITORY = "https://github.com/example/catalog"
BASE = "https://data.example.org/open/"
ENV_SHAPES = "GOVDATA_DCAT_AP_SHAPES"


def load(root: Path) -> Catalog:
    instance = open_instance(root)
    catalog, diagnostics = load_catalog(instance.config, discover(root), lambda p: (root / p).read_bytes())
    assert not diagnostics, diagnostics
    return catalog


def dcat_ap_folder() -> Path:
    """The official DCAT-AP 3.0.1 shapes: ``$GOVDATA_DCAT_AP_SHAPES``, else ``shared/dcat-ap-3.0.1``
    beside the clone or one of its parents (CI checks out shared/ next to the repository)."""
    candidates = [Path(os.environ[ENV_SHAPES])] if os.environ.get(ENV_SHAPES) else []
    candidates += [folder / "shared" / "dcat-ap-3.0.1" for folder in REPO_ROOT.parents]
    for candidate in candidates:
        if (candidate / "shapes.ttl").is_file():
            return candidate
    raise AssertionError(f"DCAT-AP 3.0.1 shapes not found; set {ENV_SHAPES} or place shared/ beside the clone")


@pytest.fixture(scope="session")
def reference_catalog() -> Catalog:
    return load(REPO_ROOT)


@pytest.fixture(scope="session")
def reference_publication(reference_catalog: Catalog) -> Publication:
    return publish(reference_catalog, PublishOptions(base_url=BASE, repository_url=REPOSITORY, site=True))


@pytest.fixture(scope="session")
def small_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal test instance with three resources: unconditional, conditional, closed."""
    return build_instance(tmp_path_factory.mktemp("small") / "instance", PUBLISH_INSTANCE)


@pytest.fixture(scope="session")
def small_publication(small_root: Path) -> Publication:
    return publish(load(small_root), PublishOptions(base_url=BASE, repository_url=REPOSITORY, site=True))
