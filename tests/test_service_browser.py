"""The review page in a real browser: Debian's chromium driven by Playwright (never `playwright install`).

`make test` installs /usr/bin/chromium where it can (the `browser` target); this test never skips.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from typer.testing import CliRunner

from extractor.cli import app
from extractor.output import read_records
from tests import fakeserver
from tests.fakeserver import FakeServer
from tests.service_helpers import REPO, Service, wait_for_job

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
runner = CliRunner()
_GOAL = re.compile(r"(?P<player>[A-Z]\w+ [A-Z]\w+) scored for (?P<team>\w+) in the (?P<minute>\d+)")
_real_match_report = fakeserver.match_report

ENGLISH = ("Alpha beat Beta 2-1 at the Riverside on Sunday. Alexander Scholz scored for Alpha in the 23rd "
           "minute and Peter Ankersen scored for Alpha in the 61st, before Beta pulled one back late.\n"
           "RESULT: Alpha 2-1 Beta\n")
DANISH = ("Brøndby vandt 1-0 over Silkeborg på Brøndby Stadion søndag. Mikkel Jensen scored for Brøndby in the "
          "55 minut efter en flot aflevering.\nRESULT: Brøndby 1-0 Silkeborg\n")


def _with_goals(article: str | None, kind: str = "ok") -> dict[str, Any]:
    """The fake model, also naming the scorers the article's prose names."""
    report = _real_match_report(article, kind)
    if kind == "ok" and report["matches"]:
        report["matches"][0]["goals"] = [{"player": m["player"], "team": m["team"], "minute": int(m["minute"])}
                                         for m in _GOAL.finditer(article or "")]
    return report


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServer]:
    monkeypatch.setattr(fakeserver, "match_report", _with_goals)
    with FakeServer() as server:
        yield server
        assert not server.errors, server.errors


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make browser` (apt-get install -y chromium)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


def _run(fake: FakeServer, cwd: Path, *args: str) -> int:
    """`extractor run` in a subprocess (Playwright's sync API owns this thread's event loop)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
    env.update(OPENAI_API_KEY="test-key-not-secret", PYTHONPATH=str(REPO))
    command = [sys.executable, "-m", "extractor.cli", "run", *args, "--backend", "openai", "--base-url", fake.url,
               "--mode", "json", "--model", "fake-model"]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, timeout=300, check=False).returncode


def _articles(root: Path) -> Path:
    folder = root / "in"
    folder.mkdir()
    (folder / "a_en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "b_da.txt").write_text(DANISH, encoding="utf-8")
    (folder / "c_empty.txt").write_text("", encoding="utf-8")
    (folder / "d_gone.txt").write_text("A goalless draw in the rain, and nobody was happy with it.\n"
                                       "RESULT: Gamma 0-0 Delta\n", encoding="utf-8")
    return folder


def _mark_text_and_offset(page: Page, card: str, path: str) -> tuple[str, int]:
    """The highlighted words for `path` and where they start in the article pane's text (code points)."""
    result = page.evaluate(
        """([card, path]) => {
            const pane = document.querySelector(card + " .text");
            const marks = [...pane.querySelectorAll("mark")].filter(m => m.dataset.paths.split(" ").includes(path));
            if (!marks.length) return null;
            const range = document.createRange();
            range.setStart(pane, 0);
            range.setEndBefore(marks[0]);
            return [marks.map(m => m.textContent).join(""), Array.from(range.toString()).length];
        }""",
        [card, path],
    )
    assert result is not None, f"no highlight for {path} in {card}"
    return str(result[0]), int(result[1])


def _shown(page: Page) -> list[str]:
    return page.eval_on_selector_all("#docs section.doc .source", "nodes => nodes.map(n => n.textContent)")


def test_report_highlights_goals_on_the_scorer_and_filters(
    fake: FakeServer, browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _articles(tmp_path)
    assert _run(fake, tmp_path, "in", "--out", "out.jsonl") == 1  # c_empty.txt fails
    (tmp_path / "in" / "d_gone.txt").unlink()  # its record now names a missing source
    made = runner.invoke(app, ["report", "out.jsonl", "--html", "report/review.html"])
    assert made.exit_code == 0, made.output
    assert "2 without their source text" in " ".join(made.output.split())  # the empty one, the gone one
    html = (tmp_path / "report" / "review.html").read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html  # self-contained

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: errors.append(f"network: {request.url}")
            if not request.url.startswith(("file:", "data:")) else None)
    page.goto((tmp_path / "report" / "review.html").as_uri())
    assert page.text_content("#shown") == "4 of 4 documents"

    english = 'section.doc[data-source=\"in/a_en.txt\"]'
    for index, name in enumerate(["Alexander Scholz", "Peter Ankersen"]):
        words, offset = _mark_text_and_offset(page, english, f"matches[0].goals[{index}].player")
        assert words == name and offset == ENGLISH.index(name)
        assert "k-goal" in page.eval_on_selector(
            f'{english} mark[data-paths~="matches[0].goals[{index}].player"]', "m => m.className")
    assert page.text_content(f"{english} .text") == ENGLISH  # the whole article, unaltered around the marks
    words, offset = _mark_text_and_offset(page, 'section.doc[data-source=\"in/b_da.txt\"]',
                                          "matches[0].goals[0].player")
    assert words == "Mikkel Jensen" and offset == DANISH.index("Mikkel Jensen")
    page.click(f'{english} li[data-path="matches[0].goals[1].player"]')  # a fact beside the text -> its span
    assert page.eval_on_selector(f'{english} mark.flash', "m => m.textContent") == "Peter Ankersen"
    assert "source file not found" in page.text_content('section.doc[data-source=\"in/d_gone.txt\"] .note')
    assert "empty" in page.text_content('section.doc[data-source=\"in/c_empty.txt\"] .error-box')
    page.screenshot(path=str(tmp_path / "review.png"), full_page=True)

    page.select_option("#status-filter", "error")
    assert _shown(page) == ["in/c_empty.txt"] and page.text_content("#shown") == "1 of 4 documents"
    page.select_option("#status-filter", "")
    page.select_option("#lang-filter", "da")
    assert _shown(page) == ["in/b_da.txt"]
    page.select_option("#lang-filter", "en")
    assert set(_shown(page)) == {"in/a_en.txt", "in/d_gone.txt"}
    page.select_option("#lang-filter", "")
    page.fill("#search", "ankersen")
    assert _shown(page) == ["in/a_en.txt"]
    page.screenshot(path=str(tmp_path / "review-filtered.png"))
    assert errors == []
    page.close()


def test_a_1000_record_report_renders_lazily(fake: FakeServer, browser: Browser, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _articles(tmp_path)
    assert _run(fake, tmp_path, "in/a_en.txt", "--out", "one.jsonl") == 0
    (record,) = list(read_records(tmp_path / "one.jsonl"))
    with (tmp_path / "many.jsonl").open("w", encoding="utf-8") as out:  # one real record, 1,000 times
        for index in range(1000):
            out.write(json.dumps({**record, "status": "ok" if index % 3 else "error",
                                  "language": ["en", "da", "nl"][index % 3]}) + "\n")
    assert runner.invoke(app, ["report", "many.jsonl", "--html", "many.html"]).exit_code == 0
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    started = time.monotonic()
    page.goto((tmp_path / "many.html").as_uri())
    assert page.text_content("#shown") == "1000 of 1000 documents"
    opened = time.monotonic() - started
    rendered = page.eval_on_selector_all("section.doc", "nodes => nodes.length")
    assert 0 < rendered <= 200, "documents must be rendered in batches, not all at once"
    for _ in range(5):
        page.mouse.wheel(0, 200_000)
        page.wait_for_timeout(300)
    assert page.eval_on_selector_all("section.doc", "nodes => nodes.length") > rendered  # scrolling renders more
    page.select_option("#lang-filter", "da")
    assert page.text_content("#shown") == "333 of 1000 documents"
    assert opened < 20, f"opening took {opened:.1f} s"
    page.close()


def test_the_service_review_page_shows_a_jobs_documents(fake: FakeServer, browser: Browser, tmp_path: Path) -> None:
    with Service(fake, tmp_path / "store", api_key="browser-key") as service, service.client() as client:
        job = client.post("/v1/jobs", json={"documents": [
            {"text": ENGLISH, "source": "wire/alpha.txt"}, {"text": DANISH, "source": "bt/brondby.txt"}]}).json()
        wait_for_job(client, job["id"])
        context = browser.new_context(extra_http_headers=service.headers(), viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.goto(f"{service.url}/?job={job['id']}")
        assert page.text_content("#shown") == "2 of 2 documents"
        words, offset = _mark_text_and_offset(page, 'section.doc[data-source=\"wire/alpha.txt\"]',
                                              "matches[0].goals[0].player")
        assert words == "Alexander Scholz" and offset == ENGLISH.index("Alexander Scholz")
        page.select_option("#lang-filter", "da")
        assert _shown(page) == ["bt/brondby.txt"]
        page.screenshot(path=str(tmp_path / "service-review.png"), full_page=True)
        context.close()
