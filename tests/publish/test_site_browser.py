"""The open-data site in a real browser: Debian's chromium driven by selenium, the site served by
a local static server. Chinese search, a facet, a dataset page, phone and desktop screenshots."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from govdata.publish import Publication
from govdata.publish.search import matches
from tests.conftest import REPO_ROOT
from tests.publish.conftest import BASE

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Screenshots are kept for people to look at; CI uploads this folder (it is in .gitignore).
ARTIFACTS = REPO_ROOT / "test-artifacts" / "publish"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, reference_publication: Publication, small_publication: Publication
) -> Iterator[str]:
    """Both sites under one local server on 127.0.0.1: /reference/ and /small/."""
    root = tmp_path_factory.mktemp("sites")
    for name, publication in (("reference", reference_publication), ("small", small_publication)):
        for path, content in publication.files.items():
            if path.startswith("site/"):
                target = root / name / path.removeprefix("site/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    assert CHROMIUM.is_file() and CHROMEDRIVER.is_file(), "install chromium and chromium-driver (.ci/apt-packages)"
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--lang=zh-CN",
    ):
        options.add_argument(argument)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _visible(browser: WebDriver) -> list[str]:
    """Names of the results the browser renders (one script call instead of a round trip per item)."""
    names = browser.execute_script(
        "return Array.from(document.querySelectorAll('#results li[data-doc]'))"
        ".filter(li => li.offsetParent !== null).map(li => li.querySelector('a').textContent)"
    )
    return list(names)


def _search(browser: WebDriver, query: str) -> list[str]:
    box = browser.find_element(By.ID, "q")
    box.clear()
    box.send_keys(query)
    browser.find_element(By.CSS_SELECTOR, "#search button[type=submit]").click()
    return _visible(browser)


def _shot(browser: WebDriver, name: str, width: int) -> Path:
    browser.set_window_size(width, 900)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, min(int(height), 4000))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}-{width}.png"
    assert browser.save_screenshot(str(path)) and path.stat().st_size > 10_000
    return path


def _index(publication: Publication) -> dict[str, list[int]]:
    script = publication.files["site/assets/search-index.js"].decode("utf-8")
    return json.loads(script.removeprefix("window.GOVDATA_SEARCH=").removesuffix(";\n"))


def test_chinese_search_and_facets(browser: WebDriver, server: str, reference_publication: Publication) -> None:
    browser.set_window_size(1280, 900)
    browser.get(f"{server}/reference/index.html")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
    assert browser.find_element(By.CSS_SELECTOR, "label[for=q]").is_displayed()
    total = len(_visible(browser))
    assert total == reference_publication.open_count
    assert _search(browser, "社保") == ["社会保险参保单位信息"]
    assert "找到 1 个数据集" in browser.find_element(By.ID, "result-count").text
    # The browser's matches equal the reference implementation's, query by query.
    index = _index(reference_publication)
    for query in ("医保", "企业", "不动产", "公交", "营业执照", "学校", "307005"):
        assert len(_search(browser, query)) == len(matches(index, query, total)), query
    assert _search(browser, "企业登记")
    # A facet: open "开放类型" and keep only conditional datasets.
    _search(browser, "")
    browser.find_element(By.CSS_SELECTOR, "#facet-open summary").click()
    browser.find_element(By.CSS_SELECTOR, "#facet-open input[value=有条件开放]").click()
    conditional = _visible(browser)
    assert 0 < len(conditional) < total
    assert all(
        "有条件开放" in item.text
        for item in browser.find_elements(By.CSS_SELECTOR, "#results li[data-doc]")
        if item.is_displayed()
    )
    _search(browser, "社保")
    _shot(browser, "search-社保", 1280)
    _shot(browser, "search-社保", 390)


def test_theme_link_opens_its_facet(browser: WebDriver, server: str) -> None:
    browser.get(f"{server}/small/index.html")
    browser.find_element(By.PARTIAL_LINK_TEXT, "法人单位基础信息资源").click()
    assert _visible(browser) == ["市场主体登记基本信息"]
    assert browser.find_element(By.ID, "facet-theme").get_attribute("open") is not None


def test_abbreviation_search_finds_the_full_form(browser: WebDriver, server: str) -> None:
    browser.get(f"{server}/small/index.html?q=医保")
    assert _visible(browser) == ["药品零售企业许可信息"]  # its abstract says 医疗保障
    assert _search(browser, "社保") == []
    assert "找到 0 个数据集" in browser.find_element(By.ID, "result-count").text


def test_dataset_page(browser: WebDriver, server: str) -> None:
    browser.get(f"{server}/small/index.html")
    browser.find_element(By.LINK_TEXT, "药品零售企业许可信息").click()
    assert browser.current_url.endswith("/small/datasets/307003-000001.html")
    assert browser.find_element(By.TAG_NAME, "h1").text == "药品零售企业许可信息"
    obtain = browser.find_element(By.ID, "obtain").text
    assert "10个工作日" in obtain and "第四十一条" in obtain
    rows = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "tbody th")]
    assert rows == ["许可证编号", "统一社会信用代码", "企业名称", "定点药店标识"]
    apply = browser.find_element(By.PARTIAL_LINK_TEXT, "申请开放").get_attribute("href")
    assert (
        apply
        == "https://github.com/example/catalog/issues/new?template=open-application.yml&resource_code=307003%2F000001"
    )
    correct = browser.find_element(By.PARTIAL_LINK_TEXT, "申请更正").get_attribute("href")
    assert correct is not None and "template=correction.yml" in correct
    data = json.loads(
        browser.find_element(By.CSS_SELECTOR, "script[type='application/ld+json']").get_attribute("textContent") or ""
    )
    assert data["@type"] == "Dataset" and data["identifier"] == "307003/000001"
    # No request leaves the page's own server (intranet, no CDN, no tracking).
    origins = browser.execute_script("return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)")
    assert set(origins) <= {server}
    _shot(browser, "dataset", 1280)
    _shot(browser, "dataset", 390)
    # Phone width: the page does not scroll sideways.
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


def test_sitemap_lists_every_page(small_publication: Publication) -> None:
    root = ElementTree.fromstring(small_publication.files["site/sitemap.xml"])
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [element.text for element in root.findall("s:url/s:loc", namespace)]
    pages = sorted(p.removeprefix("site/") for p in small_publication.files if p.endswith(".html"))
    assert sorted(location.removeprefix(BASE) for location in locations if location) == pages
    assert len(pages) == 1 + 2 + 1  # home, two datasets, one department


def test_site_works_from_file(browser: WebDriver, tmp_path: Path, small_publication: Publication) -> None:
    for path, content in small_publication.files.items():
        if path.startswith("site/"):
            target = tmp_path / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    browser.get((tmp_path / "site" / "index.html").as_uri())
    assert _search(browser, "市场主体") == ["市场主体登记基本信息"]
    browser.find_element(By.LINK_TEXT, "测试区市场监督管理局（2）").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "测试区市场监督管理局"
