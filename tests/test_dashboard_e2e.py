"""End-to-end tests of the dashboard in headless Chromium (Selenium) against a live server on 127.0.0.1.

Skipped on a machine without Chromium; required under CI=true.  Screenshots go to ``artifacts/``
(gitignored); ``FRONTLINES_SCREENSHOT=1`` also refreshes ``docs/dashboard.png``.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import REPO, need_service
from serve.sample_store import MINISTRY_QUOTE, sample_store

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = REPO / "artifacts"
pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, extractor):
    pytest.importorskip("uvicorn")
    import uvicorn

    from frontlines.serve.app import create_app

    app = create_app(sample_store(tmp_path_factory, extractor), token="")
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    yield base
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    have = Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()
    need_service(have, f"Chromium and chromedriver ({CHROMIUM}, {CHROMEDRIVER})")
    selenium = pytest.importorskip("selenium")
    del selenium
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="frontlines-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        f"--user-data-dir={profile}",
    ):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _wait(driver, predicate, timeout=20.0, what="condition"):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(
        lambda d: predicate(d), message=f"timed out waiting for {what}"
    )


def _shot(driver, name):
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def _ready(driver):
    return driver.execute_script("return document.getElementById('view').dataset.ready === '1'")


def _markers(driver, selector="#map"):
    return driver.execute_script(
        f"const m = document.querySelector('{selector}'); return m && !m.dataset.loading ? m.dataset.markers : null"
    )


def _api_count(base, **params):
    items, page = [], 1
    while True:
        body = httpx.get(f"{base}/api/events", params={**params, "page": page, "page_size": 500}).json()
        items += body["items"]
        if page >= body["pages"]:
            break
        page += 1
    return body["total"], sum(1 for e in items if e["latitude"] is not None and e["longitude"] is not None)


def test_map_markers_match_api(server, browser):
    browser.get(f"{server}/#/")
    _wait(browser, _ready, what="the events view")
    _wait(browser, lambda d: _markers(d) is not None, what="markers")
    total, located = _api_count(server)
    assert int(_markers(browser)) == located
    assert int(browser.find_element("css selector", "#map").get_attribute("data-total")) == total
    # Clustered markers and the histogram are drawn.
    assert browser.find_elements("css selector", ".marker-cluster, path.leaflet-interactive")
    assert browser.find_elements("css selector", "#histogram svg rect")
    _shot(browser, "dashboard_all")
    if os.environ.get("FRONTLINES_SCREENSHOT"):
        browser.get(f"{server}/?country=AF#/")
        _wait(browser, _ready, what="the events view")
        _wait(browser, lambda d: _markers(d) is not None, what="markers")
        time.sleep(1)
        (REPO / "docs").mkdir(exist_ok=True)
        browser.save_screenshot(str(REPO / "docs" / "dashboard.png"))


def test_filters_are_in_the_url(server, browser):
    browser.get(f"{server}/?type=Battles&min_sources=2&country=AF#/")
    _wait(browser, _ready, what="the events view")
    _wait(browser, lambda d: _markers(d) is not None, what="markers")
    _, located = _api_count(server, type="Battles", min_sources=2, country="AF")
    assert int(_markers(browser)) == located
    assert browser.find_element("css selector", "select[name=type]").get_attribute("value") == "Battles"
    # Changing a filter in the form rewrites the query string, so the view can be shared.
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("css selector", "select[name=type]")).select_by_value(
        "Strategic developments"
    )
    browser.find_element("css selector", "#filters button[type=submit]").click()
    _wait(browser, lambda d: "type=Strategic" in d.current_url, what="the URL to change")
    _wait(browser, lambda d: _markers(d) is not None, what="markers")
    _, located = _api_count(server, type="Strategic developments", min_sources=2, country="AF")
    _wait(browser, lambda d: int(_markers(d) or -1) == located, what="markers for the new filter")
    _shot(browser, "dashboard_filtered")


def test_control_view_kunduz_changes_hands(server, browser):
    def holder_on(day):
        browser.get(f"{server}/#/control/{day}")
        _wait(browser, _ready, what="the control view")
        row = _wait(
            browser,
            lambda d: d.find_elements("css selector", 'tr.place-row[data-place="Kunduz"] td.holder'),
            what="Kunduz in the control table",
        )
        return row[0].text.strip()

    before = holder_on("2021-08-07")
    _shot(browser, "control_2021-08-07")
    after = holder_on("2021-08-09")
    _shot(browser, "control_2021-08-09")
    assert before != after
    assert after == "Taliban"
    # The date control moves the view: the "next day" button goes to the 10th.
    browser.find_element("css selector", "#control-next").click()
    _wait(browser, lambda d: d.current_url.endswith("#/control/2021-08-10"), what="the next day")
    _wait(browser, _ready, what="the control view")
    assert browser.find_elements("css selector", "#changes li")


def test_event_page_highlights_the_quote(server, browser):
    browser.get(f"{server}/?country=AF#/")
    _wait(browser, _ready, what="the events view")
    # The test report's event (the corpus may hold other Spin Boldak events on the same day, listed in any
    # order): find its uid through the API, then click that row.
    items = httpx.get(f"{server}/api/events", params={"admin1": "Kandahar", "modality": "claimed"}).json()[
        "items"
    ]
    uid = next(e["uid"] for e in items if e["location"] == "Spin Boldak")
    row = _wait(
        browser,
        lambda d: [
            r for r in d.find_elements("css selector", "tr.event-row") if r.get_attribute("data-uid") == uid
        ],
        what="the Spin Boldak event in the list",
    )[0]
    row.click()
    _wait(browser, lambda d: f"#/event/{uid}" in d.current_url and _ready(d), what="the event page")
    marks = _wait(
        browser,
        lambda d: d.find_elements("css selector", ".report mark.hl-claim"),
        what="the highlighted claims",
    )
    assert MINISTRY_QUOTE in [m.text for m in marks]
    pair = browser.find_elements("css selector", ".contradictions .pair")
    assert len(pair) == 1 and len(pair[0].find_elements("css selector", ".side")) == 2
    _shot(browser, "event_page")


def test_script_tags_render_as_text(server, browser):
    uid = httpx.get(f"{server}/api/events", params={"admin1": "Kandahar", "modality": "claimed"}).json()[
        "items"
    ]
    uid = next(e["uid"] for e in uid if e["location"] == "Spin Boldak")
    key = httpx.get(f"{server}/api/events/{uid}").json()["reports"][0]["document_key"]
    browser.get(f"{server}/#/report/{key}")
    _wait(browser, _ready, what="the report page")
    text = browser.find_element("css selector", "#report-text")
    assert "<script>" in text.text and "<img src=x" in text.text
    assert text.find_elements("css selector", "script, img") == []
    assert browser.execute_script("return window.__pwned === undefined")
    assert "pwned" not in browser.title
    assert "<b>crossing</b>" in browser.find_element("css selector", ".report-page h2").text
    kinds = {m.get_attribute("data-kind") for m in text.find_elements("css selector", "mark")}
    assert {"actor", "place", "claim"} <= kinds
    _shot(browser, "report_page")
