"""Changing a prompt without re-running the eval breaks the build."""

import json
from pathlib import Path

from extractor.prompts import PromptSet
from extractor.tasks import load_task

ROOT = Path(__file__).resolve().parents[1]
EVALS = ROOT / "evals" / "match_report"


def committed_results() -> list[dict]:
    paths = [EVALS / "baseline.json", *sorted((EVALS / "results").glob("*.json"))]
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths if p.is_file()]


def test_every_prompt_hash_has_a_committed_eval_result():
    measured = {p["sha256"] for result in committed_results() for p in result["meta"]["prompts"]}
    prompts = PromptSet(load_task("match_report", ROOT))
    stale = [f"{p.id} v{p.version} ({p.sha256[:12]}, {p.path.name})" for p in prompts if p.sha256 not in measured]
    assert not stale, (
        "prompt(s) changed without a committed eval result: " + ", ".join(stale)
        + ". Re-run the eval and commit its result: make eval"
    )


def test_baseline_names_what_it_measured():
    baseline = json.loads((EVALS / "baseline.json").read_text(encoding="utf-8"))
    meta = baseline["meta"]
    assert meta["task"] == "match_report"
    assert meta["models"] and meta["backends"]
    staged = {f"match_report/staged/{lang}" for lang in ("en", "da", "nl", "de", "es", "fr", "it")}
    assert {p["id"] for p in meta["prompts"]} >= staged
    assert meta["split"] == "all" and meta["documents"] == len(list((EVALS / "gold").glob("*.json")))
    assert set(baseline["groups"]) >= {"all", "split:dev", "split:test", "split:seeds", "kind:no_result", "noisy"}
    assert baseline["groups"]["all"]["error_records"] == 0


def test_every_gold_file_fits_the_current_schema():
    from extractor.evaluation.gold import load_gold

    task = load_task("match_report", ROOT)
    gold = {k: g for k, g in load_gold(task.gold_dir, task.root_model).items() if g.split == "seeds"}
    assert len(gold) == 5
    assert {g.language for g in gold.values()} == {"en", "da", "nl"}
    assert sum(len(g.result["matches"]) for g in gold.values()) == 14
