#!/usr/bin/env python3
"""Look at the running Dagster UI in a real headless Chromium, as an operator would.

    .venv/bin/python scripts/ui_check.py [--url http://127.0.0.1:3000] [--out DIR]

Needs Debian's `chromium` and `chromium-driver` (apt-get install chromium chromium-driver) and
`selenium` (dev extras). Opens the asset graph (every group expanded), the `articles` asset page
and its checks, waits for what an operator must see (the graph's assets; the row count and the
column descriptions; a failed check, if one failed), and saves a screenshot of each page in
--out (asset_graph.png, asset_page.png, asset_checks.png). Prints what it saw; exits 1 if the
graph or the asset page did not show. Used by tests/test_operator_view.py.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from akhbar.tables.dictionary import column_description

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1600,1000",
]
WAIT_S = 60.0
GROUPS = ["raw", "clean", "extract", "warehouse"]


class BrowserUnavailable(RuntimeError):
    """No Chromium, chromedriver or selenium on this machine."""


def _driver(profile: str):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as exc:
        raise BrowserUnavailable(f"selenium is not installed ({exc})") from exc
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not browser or not driver:
        raise BrowserUnavailable("install Debian's chromium and chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def _wait_for(browser, texts: list[str], timeout: float = WAIT_S) -> bool:
    """Wait until every text is on the page (rendered text, not the HTML source)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = browser.execute_script("return document.body ? document.body.innerText : ''") or ""
        if all(t in body for t in texts):
            return True
        time.sleep(0.5)
    return False


def _dismiss_welcome(browser) -> None:
    """Close the first-visit "Join the Dagster community" dialog, if it shows."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        clicked = browser.execute_script(
            "const b = [...document.querySelectorAll('button')].find(b => b.innerText.trim() === 'Skip');"
            "if (b) { b.click(); return true; } return false;"
        )
        if clicked:
            return
        time.sleep(0.5)


def check_ui(url: str, out: Path, expect_failed_check: bool = True) -> dict[str, bool]:
    """Open the pages, wait for what they must show, save screenshots; return what was seen."""
    out.mkdir(parents=True, exist_ok=True)
    seen: dict[str, bool] = {}
    with tempfile.TemporaryDirectory(prefix="akhbar-chromium-") as profile:
        browser = _driver(profile)
        try:
            expanded = "%2C".join(f"global@global:{group}" for group in GROUPS)  # the UI's group ids
            browser.get(f"{url}/asset-groups?expanded={expanded}")
            # the graph's groups in the sidebar and its toolbar: the graph itself is zoomed to fit, so which
            # asset names are readable depends on how many models there are
            seen["graph"] = _wait_for(browser, [*GROUPS, "Global asset lineage", "Materialize all"])
            _dismiss_welcome(browser)
            time.sleep(2)  # let the layout settle before the picture
            browser.save_screenshot(str(out / "asset_graph.png"))

            browser.get(f"{url}/assets/articles")
            # the latest materialization's row count, and the column schema with its descriptions
            description = column_description("articles", "article_id") or ""  # from the data dictionary
            seen["asset_page"] = _wait_for(browser, ["Row count", "text_clean", description])
            browser.save_screenshot(str(out / "asset_page.png"))

            browser.get(f"{url}/assets/articles?view=checks")
            seen["failed_check"] = _wait_for(
                browser, ["article_id_unique_not_null", "Failed"], WAIT_S if expect_failed_check else 5
            )
            browser.save_screenshot(str(out / "asset_checks.png"))
        finally:
            browser.quit()
    return seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:3000")
    parser.add_argument("--out", default="ui-check", help="folder for the screenshots")
    parser.add_argument("--no-failed-check", action="store_true", help="do not wait for a failed check")
    args = parser.parse_args(argv)
    try:
        seen = check_ui(args.url, Path(args.out), expect_failed_check=not args.no_failed_check)
    except BrowserUnavailable as exc:
        print(f"ui_check: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(seen))
    return 0 if seen["graph"] and seen["asset_page"] else 1


if __name__ == "__main__":
    sys.exit(main())
