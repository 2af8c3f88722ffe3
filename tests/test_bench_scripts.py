"""The benchmark scripts' argument handling (bench/grammar.py, bench/memory.py); they are run by hand.

bench/grammar.py needs a running llama.cpp server, so only what it would send is checked here:
no model is started and nothing is sent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import grammar, memory  # noqa: E402

URL = "http://127.0.0.1:8765/v1"


def recording(tmp_path: Path, name: str, body: dict, completion_tokens: int = 10) -> Path:  # type: ignore[type-arg]
    path = tmp_path / f"{name}.json"
    entry = {"request": {"path": "/v1/chat/completions", "body": body},
             "response": {"status": 200, "body": {"usage": {"completion_tokens": completion_tokens}}}}
    path.write_text(json.dumps(entry), encoding="utf-8")
    return path


SCHEMA_BODY = {"messages": [{"role": "user", "content": "Article"}], "max_tokens": 1536, "temperature": 0.0,
               "response_format": {"type": "json_object", "schema": {"type": "object", "properties": {}}}}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "--url"),
        (["--url", "localhost:8765"], "not an http(s) URL"),
        (["--url", URL, "--requests", "0"], "--requests"),
        (["--url", URL, "--rounds", "0"], "--rounds"),
        (["--url", URL, "--max-tokens", "-1"], "--max-tokens"),
        (["--url", URL, "--modes", "none", "json"], "'grammar'"),
        (["--url", URL, "--modes", "grammar"], "'grammar'"),
        (["--url", URL, "--recording", "/nonexistent/recording.json"], "not a recorded chat completion"),
    ],
)
def test_grammar_refuses_bad_arguments(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        grammar.parse_args(argv)
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


def test_grammar_refuses_a_recording_without_a_grammar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = recording(tmp_path, "plain", {"messages": [{"role": "user", "content": "x"}]})
    with pytest.raises(SystemExit):
        grammar.parse_args(["--url", URL, "--recording", str(plain)])
    assert "no response_format schema" in capsys.readouterr().err


def test_grammar_takes_the_recordings_with_the_longest_answers_by_default() -> None:
    args = grammar.parse_args(["--url", URL, "--requests", "2"])
    assert len(args.bodies) == 2
    entries = [json.loads(p.read_text()) for p in grammar.RECORDINGS.glob("*.json")]
    with_grammar = [e for e in entries if (e["request"]["body"].get("response_format") or {}).get("schema")]
    longest = sorted((grammar._completion_tokens(e) for e in with_grammar), reverse=True)[:2]
    assert sorted(grammar._completion_tokens(e) for e in with_grammar
                  if e["key"][:12] in args.bodies) == sorted(longest)


def test_grammar_sends_the_same_request_with_and_without_the_grammar(tmp_path: Path) -> None:
    args = grammar.parse_args(["--url", URL, "--recording", str(recording(tmp_path, "r1", SCHEMA_BODY)),
                               "--modes", "grammar", "none", "json", "--max-tokens", "100"])
    (body,) = args.bodies.values()
    sent = {mode: grammar.variant(body, mode, args.max_tokens) for mode in args.modes}
    assert sent["grammar"]["response_format"] == SCHEMA_BODY["response_format"]
    assert "response_format" not in sent["none"]
    assert sent["json"]["response_format"] == {"type": "json_object"}
    for mode, request in sent.items():
        assert request["stream"] is True and request["max_tokens"] == 100, mode
        assert {k: v for k, v in request.items() if k not in ("response_format", "stream", "max_tokens")} == {
            k: v for k, v in SCHEMA_BODY.items() if k not in ("response_format", "max_tokens")}
    assert grammar.variant(body, "grammar", 0)["max_tokens"] == 1536  # 0: the recording's own
    assert body == SCHEMA_BODY  # the recorded body itself is not changed


def test_grammar_dry_run_sends_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = recording(tmp_path, "r2", SCHEMA_BODY)
    assert grammar.main(["--url", "http://127.0.0.1:9/v1", "--recording", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "r2 grammar:" in out and "r2 none:" in out and "response_format null" in out


def test_grammar_report_gives_the_cost_against_no_grammar() -> None:
    samples = [grammar.Sample("r", "grammar", 101, 1.0, 10.0), grammar.Sample("r", "none", 101, 1.0, 8.0)]
    text = grammar.report(samples, ["grammar", "none"])
    assert "10.00" in text and "12.50" in text
    assert "grammar's cost against 'none': 20.0 %" in text


@pytest.mark.parametrize(
    "argv", [["--sizes", "2000"], ["--sizes", "0", "10"], ["--per-folder", "-1"], ["-j", "0"], ["--delay", "-1"]]
)
def test_memory_refuses_bad_arguments(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        memory.parse_args(argv)
    assert stopped.value.code == 2


def test_memory_builds_trees_of_unique_tiny_articles_and_checks_one_record_each(tmp_path: Path) -> None:
    memory.build_tree(tmp_path / "in", 25, per_folder=10)
    files = sorted((tmp_path / "in").rglob("*.txt"))
    assert len(files) == 25 and len({f.read_bytes() for f in files}) == 25
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["part0000", "part0001", "part0002"]
    out = tmp_path / "out.jsonl"
    out.write_text("".join(json.dumps({"doc_id": f"d{i}", "status": "ok"}) + "\n" for i in range(25)))
    assert memory.check_records(out, 25) == (25, 25)
    with pytest.raises(RuntimeError, match="24 records for 25 documents"):
        out.write_text("".join(json.dumps({"doc_id": f"d{i}", "status": "ok"}) + "\n" for i in range(24)))
        memory.check_records(out, 25)
