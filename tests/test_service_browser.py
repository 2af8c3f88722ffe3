"""The review page in a real browser: Debian's chromium driven by Playwright (never `playwright install`).

`make test` installs /usr/bin/chromium where it can (the `browser` target); this test never skips.
"""

from __future__ import annotations

import copy
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
from extractor.documents import document_from_text
from extractor.output import read_records
from extractor.tasks import load_task
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
    shown: list[str] = page.eval_on_selector_all("#docs section.doc .source", "nodes => nodes.map(n => n.textContent)")
    return shown


def _write_gold(folder: Path, doc_id: str, source: str, language: str, result: dict[str, Any]) -> None:
    """A gold file as `evals/<task>/gold/<doc_id>.json` holds one (the result checked against the task's model)."""
    checked = load_task("match_report").root_model.model_validate(result).model_dump(mode="json")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{doc_id}.json").write_text(json.dumps({"doc_id": doc_id, "source": source, "language": language,
                                                       "result": checked}), encoding="utf-8")


def _mismatch_rows(page: Page, card: str) -> list[list[str]]:
    """Each mismatch row of a document: field, kind, the gold cell's text, the predicted cell's text."""
    rows: list[list[str]] = page.eval_on_selector_all(
        f"{card} .gold-panel tr.mm",
        """rows => rows.map(r => [r.dataset.field, r.dataset.kind, r.querySelector(".gold-value").textContent,
                                  r.querySelector(".predicted-value").textContent])""",
    )
    return rows


def _page_docs(html_file: Path) -> dict[str, Any]:
    """The documents a review page embeds, by source."""
    html = html_file.read_text(encoding="utf-8")
    payload = html.split('<script id="review-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    return {doc["source"]: doc for doc in json.loads(payload)["docs"]}


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
    assert "source file not found" in (page.text_content('section.doc[data-source="in/d_gone.txt"] .note') or "")
    assert "empty" in (page.text_content('section.doc[data-source="in/c_empty.txt"] .error-box') or "")
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


def test_report_against_gold_shows_each_mismatch_gold_beside_predicted(
    fake: FakeServer, browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _articles(tmp_path)
    assert _run(fake, tmp_path, "in", "--out", "out.jsonl") == 1
    records = {r["source"]: r for r in read_records(tmp_path / "out.jsonl")}
    english, danish = records["in/a_en.txt"], records["in/b_da.txt"]
    expected = copy.deepcopy(english["result"])
    match = expected["matches"][0]
    match["home_score"], match["venue"] = 3, "the Riverside"
    match["goals"][1]["minute"] = 75  # a goal the model placed in the 61st: one missing, one extra
    gold = tmp_path / "home" / "evals" / "match_report" / "gold"
    _write_gold(gold, english["doc_id"], "in/a_en.txt", "en", expected)
    _write_gold(gold, danish["doc_id"], "in/b_da.txt", "da", danish["result"])  # exactly what was extracted
    made = runner.invoke(app, ["report", "out.jsonl", "--html", "gold.html", "--gold", str(gold)])
    assert made.exit_code == 0, made.output
    said = " ".join(made.output.split())
    assert "2 document(s) scored" in said and "1 with mismatches" in said and "2 of the 4 record(s)" in said

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((tmp_path / "gold.html").as_uri())
    assert "2 document(s) scored" in (page.text_content("#gold-summary") or "")
    card = 'section.doc[data-source="in/a_en.txt"]'
    rows = _mismatch_rows(page, card)
    assert ["matches.home_score", "wrong", "3", "2"] in rows
    assert ["matches.venue", "missing", "the Riverside", "\u2014"] in rows
    goals = [row for row in rows if row[0] == "matches.goals[]"]
    assert sorted(row[1] for row in goals) == ["extra", "missing"] and len(rows) == 4
    missing = next(row for row in goals if row[1] == "missing")
    assert "Peter Ankersen" in missing[2] and "minute 75" in missing[2] and missing[3] == "\u2014"
    extra = next(row for row in goals if row[1] == "extra")
    assert extra[2] == "\u2014" and "Peter Ankersen" in extra[3] and "minute 61" in extra[3]
    assert page.text_content(f"{card} .badge.mm") == "4 mismatch(es)"
    page.click(f'{card} tr.mm[data-kind="extra"]')  # the predicted goal -> its scorer's span in the text
    assert page.eval_on_selector(f"{card} mark.flash", "m => m.textContent") == "Peter Ankersen"
    danish_card = 'section.doc[data-source="in/b_da.txt"]'
    assert page.text_content(f"{danish_card} .badge.gold-ok") == "= gold"
    assert page.eval_on_selector_all(f"{danish_card} tr.mm", "rows => rows.length") == 0
    page.screenshot(path=str(tmp_path / "review-gold.png"), full_page=True)

    page.select_option("#gold-filter", "mismatch")
    assert _shown(page) == ["in/a_en.txt"] and page.text_content("#shown") == "1 of 4 documents"
    page.select_option("#gold-filter", "match")
    assert _shown(page) == ["in/b_da.txt"]
    page.select_option("#gold-filter", "none")
    assert set(_shown(page)) == {"in/c_empty.txt", "in/d_gone.txt"}
    page.select_option("#gold-filter", "mismatch")
    page.screenshot(path=str(tmp_path / "review-gold-mismatches.png"))
    assert errors == []
    page.close()

    # The same comparison from a report `extractor eval --json` wrote (a task home with this gold).
    home = tmp_path / "home"
    for name in ("schemas", "prompts"):
        (home / name).symlink_to(REPO / name)
    scored = runner.invoke(app, ["eval", "--pred", "out.jsonl", "--split", "all", "--home", str(home),
                                 "--json", "eval.json"])
    assert scored.exit_code == 0, scored.output
    assert runner.invoke(app, ["report", "out.jsonl", "--html", "eval.html", "--eval", "eval.json"]).exit_code == 0
    from_gold, from_eval = _page_docs(tmp_path / "gold.html"), _page_docs(tmp_path / "eval.html")
    assert from_eval["in/a_en.txt"]["gold"] == from_gold["in/a_en.txt"]["gold"]
    assert len(from_eval["in/a_en.txt"]["gold"]["mismatches"]) == 4
    assert from_eval["in/b_da.txt"]["gold"]["mismatches"] == [] and from_eval["in/c_empty.txt"]["gold"] is None
    both = runner.invoke(app, ["report", "out.jsonl", "--html", "x.html", "--eval", "eval.json", "--gold", str(gold)])
    assert both.exit_code == 2 and "pass one of them" in both.output


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
    expected = _with_goals(ENGLISH)
    expected["matches"][0]["home_score"] = 3
    gold = tmp_path / "gold"
    _write_gold(gold, document_from_text(ENGLISH).doc_id, "wire/alpha.txt", "en", expected)
    with Service(fake, tmp_path / "store", "--gold", str(gold), api_key="browser-key") as service, \
            service.client() as client:
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
        alpha = 'section.doc[data-source="wire/alpha.txt"]'
        assert ["matches.home_score", "wrong", "3", "2"] in _mismatch_rows(page, alpha)
        page.select_option("#gold-filter", "none")  # the Danish article has no gold file
        assert _shown(page) == ["bt/brondby.txt"]
        page.select_option("#gold-filter", "")
        page.select_option("#lang-filter", "da")
        assert _shown(page) == ["bt/brondby.txt"]
        page.screenshot(path=str(tmp_path / "service-review.png"), full_page=True)
        context.close()
