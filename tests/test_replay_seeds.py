"""The seeds through the real request path, replaying recorded embedded-model exchanges.

Recordings in tests/fixtures/recordings come from `make eval` (a real run of the embedded
model); the whole stack above the HTTP transport runs for real: prompt selection and
rendering, the openai client, instructor, schema validation, grounding, scoring.
"""

import json
from pathlib import Path

from typer.testing import CliRunner

from extractor.cli import app
from extractor.output import read_records

ROOT = Path(__file__).resolve().parents[1]
RECORDINGS = ROOT / "tests" / "fixtures" / "recordings"
BASELINE = ROOT / "evals" / "match_report" / "baseline.json"
runner = CliRunner()


def test_run_over_the_seeds_replays_five_records(tmp_path):
    out = tmp_path / "seeds.jsonl"
    result = runner.invoke(app, ["run", str(ROOT / "seeds"), "--out", str(out), "--replay", str(RECORDINGS)])
    records = list(read_records(out))
    assert len(records) == 5, result.output
    assert {r["language"] for r in records} == {"en", "da", "nl"}
    assert {r["prompt"]["id"] for r in records} == {
        "match_report/staged/en", "match_report/staged/da", "match_report/staged/nl",
    }  # fmt: skip
    assert [r["status"] for r in records] == ["ok"] * 5, result.output
    assert result.exit_code == 0
    for record in records:
        assert record["model"] == "qwen2.5-coder-1.5b-instruct-q4_k_m"
        assert record["usage"]["prompt_tokens"] > 0
        assert record["attempts"] >= 1 + len(record["result"]["matches"]) > 1 or not record["result"]["matches"]
        for span in record["grounding"]:  # every kept string fact has its place in the original file
            assert span["start"] is not None and span["end"] > span["start"]


def test_eval_replay_reproduces_the_committed_baseline(tmp_path):
    report = tmp_path / "report.json"
    result = runner.invoke(app, [
        "eval", "--split", "all", "--replay", str(RECORDINGS), "--json", str(report), "--compare", str(BASELINE),
        "--max-drop", "0",
    ], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    current, baseline = json.loads(report.read_text()), json.loads(BASELINE.read_text())
    assert current["overall"] == baseline["overall"]
    assert current["per_language"] == baseline["per_language"]
    def quality(groups: dict) -> dict:  # replayed seconds are not the model's
        return {name: {k: v for k, v in g.items() if not k.startswith("seconds")} for name, g in groups.items()}

    assert quality(current["groups"]) == quality(baseline["groups"])
    assert current["meta"]["prompts"] == baseline["meta"]["prompts"]
