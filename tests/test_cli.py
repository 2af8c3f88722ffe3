"""The CLI through typer's CliRunner: a thin layer over the API."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.output import read_records
from extractor.records import Record

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_schema_prints_the_task_json_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["title"] == "MatchReport"
    match = schema["$defs"]["Match"]["properties"]
    assert {"home_team", "away_team", "home_score", "away_score", "goals", "cards"} <= set(match)


def test_prompts_list_shows_language_version_hash():
    result = runner.invoke(app, ["prompts", "list"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for language in ("en", "da", "nl", "default"):
        assert f" {language} " in result.stdout
    assert "1.2.0" in result.stdout


@pytest.mark.parametrize("command", [["run"], ["eval"], ["schema"], ["prompts", "list"], ["model", "info"]])
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Home win.\nRESULT: Alpha 2-1 Beta\n", encoding="utf-8")
    (folder / "sub" / "b.md").write_text("Away win.\nRESULT: Gamma 0-3 Delta\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "ignored.csv").write_text("not an article", encoding="utf-8")
    return folder


def _run(fake_server, folder: Path, out: Path, *extra: str):
    return runner.invoke(app, [
        "run", str(folder), "--out", str(out), "--backend", "openai", "--base-url", fake_server.url,
        "--mode", "json", "--model", "fake-model", *extra,
    ], env={"OPENAI_API_KEY": "test-key-not-secret"})


def test_run_writes_one_valid_record_per_document_and_fails_on_bad_ones(fake_server, tmp_path):
    out = tmp_path / "out.jsonl"
    result = _run(fake_server, _folder(tmp_path), out, "-j", "2")
    assert result.exit_code == 1  # one document (empty.txt) failed
    records = [Record.model_validate(r) for r in read_records(out)]
    by_name = {Path(r.source).name: r for r in records}
    assert set(by_name) == {"a.txt", "b.md", "empty.txt"}  # recursive, .csv skipped
    ok = by_name["a.txt"]
    assert ok.status == "ok" and ok.backend == "openai" and ok.model == "fake-model"
    assert ok.prompt is not None and ok.prompt.id.startswith("match_report/") and len(ok.prompt.sha256) == 64
    assert ok.attempts == 1 and ok.usage.prompt_tokens > 0 and ok.seconds > 0
    assert len(ok.result["matches"]) == 1
    assert ok.result["matches"][0]["home_team"] == "Alpha" and ok.result["matches"][0]["away_score"] == 1
    bad = by_name["empty.txt"]
    assert bad.status == "error" and bad.error is not None and "empty" in bad.error.message
    evidence = [g for g in ok.grounding if g.path == "matches[0].evidence"]
    assert evidence and evidence[0].start is not None
    text = (tmp_path / "in" / "a.txt").read_text(encoding="utf-8")
    span = evidence[0]
    assert span.start is not None and text[span.start:span.end] == "Alpha 2-1 Beta"
    assert all(g.start is not None and text[g.start : g.end] == g.quote for g in ok.grounding)
    assert "documents failed" in result.output and "matches found" in result.output


def test_resume_skips_ok_documents_and_retries_failed_ones(fake_server, tmp_path):
    folder, out = _folder(tmp_path), tmp_path / "out.jsonl"
    _run(fake_server, folder, out)
    calls = len(fake_server.exchanges)
    (folder / "c.txt").write_text("New.\nRESULT: Eps 1-1 Zeta\n", encoding="utf-8")
    result = _run(fake_server, folder, out, "--resume")
    assert len(fake_server.exchanges) == calls + 1  # only the new document reached the model
    records = list(read_records(out))
    assert [Path(r["source"]).name for r in records].count("a.txt") == 1
    assert {Path(r["source"]).name for r in records if r["status"] == "ok"} == {"a.txt", "b.md", "c.txt"}
    assert "resume:" in result.output


def test_config_errors_are_one_clear_line_with_status_2(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "o.jsonl"), "--backend", "nope"])
    assert result.exit_code == 2
    assert "unknown backend 'nope'" in result.output
    result = runner.invoke(app, ["run", str(tmp_path / "missing"), "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert "missing" in result.output
