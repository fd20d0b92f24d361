"""The open-catalog safety property: no name, code or item of a 不予开放 resource, and no closed
item, appears in any file of the open catalog, the DCAT export or the site — on the reference
catalog and on generated catalogs (hypothesis)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

from hypothesis import given, settings
from hypothesis import strategies as st

from govdata.model.catalog import Catalog, Document
from govdata.model.resource import Item, Resource
from govdata.publish import Publication, PublishOptions, publish
from govdata.publish.site import DATA_TYPES
from govdata.publish.tables import ITEM_COLUMNS, OPEN_COLUMNS
from tests.conftest import BASE_INSTANCE, REPO_ROOT
from tests.publish.conftest import BASE, REPOSITORY, load

# Rare characters, so that generated names do not occur by chance in the pages' fixed text.
RARE = "甲乙丙丁戊己庚辛壬癸鼋鼍鳐鲟鳇鲥"


def _texts(publication: Publication) -> dict[str, str]:
    """Every public file as text (workbooks by their XML parts); the share catalog is not public."""
    texts: dict[str, str] = {}
    for name, content in publication.files.items():
        if name.startswith("share/"):
            continue
        if name.endswith(".xlsx"):
            with zipfile.ZipFile(io.BytesIO(content)) as book:
                texts[name] = "\n".join(book.read(part).decode("utf-8") for part in book.namelist())
        else:
            texts[name] = content.decode("utf-8-sig")
    return texts


def _item_open(r: Resource, item: Item) -> bool:
    """The rule restated independently of the code under test (Art. 38; issue 13)."""
    if (item.opening_type or r.opening.type) == "不予开放" or item.secret is not None:
        return False
    return item.personal_info == "无" or r.opening.desensitisation is not None


# The pages' fixed wording (labels such as 发布日期) is no leak of an item that happens to share it.
FIXED_TEXT = [
    path.read_text(encoding="utf-8") for path in (REPO_ROOT / "govdata/publish/templates").iterdir() if path.is_file()
]


def _open_strings(catalog: Catalog) -> list[str]:
    """What the open catalog legitimately shows; a closed name inside one of these is no leak."""
    shown: list[str] = [*FIXED_TEXT, *(header for header, _ in OPEN_COLUMNS), *ITEM_COLUMNS, *DATA_TYPES.values()]
    for document in catalog.resources:
        r = document.model
        if r.opening.type == "不予开放":
            continue
        shown += [r.name, r.code, r.abstract, r.provider.name, *r.keywords, r.classification.group]
        shown += [r.opening.condition or "", r.opening.desensitisation or ""]
        shown += [part for item in r.items if _item_open(r, item) for part in (item.name, item.description or "")]
    return shown


def _secrets(catalog: Catalog) -> set[str]:
    """Names, codes and items of closed resources, and closed items of open resources."""
    closed: set[str] = set()
    for document in catalog.resources:
        r = document.model
        if r.opening.type == "不予开放":
            closed |= {r.name, r.code, r.code.replace("/", "-"), *(i.name for i in r.items)}
        else:
            closed |= {i.name for i in r.items if not _item_open(r, i)}
    shown = _open_strings(catalog)
    return {s for s in closed if not any(s in text for text in shown)}


def assert_no_leak(catalog: Catalog, publication: Publication) -> None:
    secrets = sorted(_secrets(catalog), key=len, reverse=True)
    if not secrets:
        return
    pattern = re.compile("|".join(re.escape(form) for secret in secrets for form in {secret, quote(secret)}))
    for name, text in _texts(publication).items():
        found = pattern.search(text)
        assert found is None, f"{found.group(0)!r} leaks into {name}"


def test_reference_catalog_leaks_nothing(reference_catalog: Catalog, reference_publication: Publication) -> None:
    secrets = _secrets(reference_catalog)
    assert len(secrets) > 100  # the property has something to check
    assert "社会保险参保信息" in secrets and "203005/000001" in secrets
    assert_no_leak(reference_catalog, reference_publication)
    assert any(name.startswith("site/datasets/") for name in reference_publication.files)


def _name(draw: st.DrawFn, used: set[str]) -> str:
    text = draw(st.text(alphabet=RARE, min_size=5, max_size=8).filter(lambda t: t not in used))
    used.add(text)
    return text


@st.composite
def catalogs(draw: st.DrawFn, base: Catalog) -> Catalog:
    template = base.resources[0].model.model_dump(by_alias=True, mode="json")
    used: set[str] = set()
    resources = []
    for number in range(1, draw(st.integers(2, 6)) + 1):
        items = []
        for _ in range(draw(st.integers(1, 4))):
            items.append(
                {
                    "name": _name(draw, used),
                    "data_type": "C",
                    "personal_info": draw(st.sampled_from(["无", "个人信息", "敏感个人信息"])),
                    "secret": draw(st.sampled_from([None, "商业秘密", "国家秘密"])),
                    "opening_type": draw(st.sampled_from([None, "无条件开放", "有条件开放", "不予开放"])),
                }
            )
        opening_type = draw(st.sampled_from(["无条件开放", "有条件开放", "不予开放"]))
        data = {
            **template,
            "code": f"3070{number:02d}/{number:06d}",
            "name": _name(draw, used),
            "abstract": "样例摘要。",
            "keywords": [],
            "items": items,
            "update_cycle": draw(st.sampled_from(["实时", "每日", "每旬", "每年", "不定期"])),
            "format": {"category": draw(st.sampled_from(["数据库", "电子表格", "服务接口"])), "type": "csv"},
            "opening": {
                "type": opening_type,
                "condition": "须申请" if opening_type == "有条件开放" else None,
                "basis": [],
                "desensitisation": draw(st.sampled_from([None, "姓名脱敏"])),
            },
        }
        resources.append(Document(f"catalogs/gongan/{number}.yaml", Resource.model_validate(data, strict=False)))
    return replace(base, resources=resources)


_BASE = load(BASE_INSTANCE)


@settings(max_examples=15)
@given(catalog=catalogs(_BASE))
def test_generated_catalogs_leak_nothing(catalog: Catalog) -> None:
    publication = publish(catalog, PublishOptions(base_url=BASE, repository_url=REPOSITORY, site=True))
    assert_no_leak(catalog, publication)
    published = {r.code for r in (d.model for d in catalog.resources) if r.opening.type != "不予开放"}
    assert publication.open_count == len(published)
    assert all(f"site/datasets/{code.replace('/', '-')}.html" in publication.files for code in published)


@settings(max_examples=2)
@given(seed=st.integers(1, 10_000))
def test_instances_of_the_benchmark_generator_leak_nothing(seed: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "instance"
        command = [sys.executable, str(REPO_ROOT / "benchmarks/generate_instance.py"), str(root), "--departments", "4"]
        subprocess.run([*command, "--resources", "8", "--seed", str(seed)], check=True, capture_output=True)
        catalog = load(root)
    assert any(d.model.opening.type == "不予开放" for d in catalog.resources)
    publication = publish(catalog, PublishOptions(base_url=BASE, repository_url=REPOSITORY, site=True))
    assert_no_leak(catalog, publication)
