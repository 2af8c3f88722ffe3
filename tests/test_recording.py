"""Record/replay at the HTTP boundary, through the real openai client and instructor."""

import json
import re
from pathlib import Path

from extractor import Settings, extract_many
from extractor.llm.recording import request_key

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SECRET = "sk-test-" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4"


def _docs(tmp_path: Path, n: int = 3) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(n):
        (folder / f"d{i}.txt").write_text(
            f"Report {i}. The match ended as stated.\nRESULT: Home{i} {i}-0 Away{i}\n", encoding="utf-8"
        )
    return folder


def _settings(fake_server, **extra):
    return Settings(backend="openai", base_url=fake_server.url, api_key=SECRET, mode="json", model="fake-model",
                    **extra)


def test_record_then_serve_from_store_without_calling_the_model(fake_server, tmp_path):
    folder, store = _docs(tmp_path), tmp_path / "store"
    first = extract_many([folder], _settings(fake_server, record_dir=store))
    assert [r.status for r in first] == ["ok"] * 3
    calls = len(fake_server.exchanges)
    assert calls == 3 and len(list(store.glob("*.json"))) == 3

    again = extract_many([folder], _settings(fake_server, record_dir=store))
    assert len(fake_server.exchanges) == calls  # the store served every request: no model call
    by_id = {r.doc_id: r.result for r in first}
    assert all(by_id[r.doc_id] == r.result for r in again)


def test_replay_serves_only_from_store_and_a_miss_says_how_to_fix(fake_server, tmp_path):
    folder, store = _docs(tmp_path, 2), tmp_path / "store"
    extract_many([folder], _settings(fake_server, record_dir=store))
    fake_server.stop()  # replay must not need any server
    (folder / "new.txt").write_text("A new article.\nRESULT: Fresh 2-2 Other\n", encoding="utf-8")
    records = {Path(r.source).name: r for r in extract_many([folder], _settings(fake_server, replay_dir=store))}
    assert records["d0.txt"].status == "ok" and records["d1.txt"].status == "ok"
    miss = records["new.txt"]
    assert miss.status == "error" and miss.error is not None
    assert miss.error.type == "replay_miss"
    assert miss.doc_id in miss.error.message
    assert miss.prompt is not None and miss.prompt.sha256[:12] in miss.error.message
    assert "extractor run" in miss.error.message and "--record" in miss.error.message
    assert miss.attempts == 1  # a miss is not retried


def test_recordings_hold_no_secret_and_no_headers(fake_server, tmp_path):
    store = tmp_path / "store"
    extract_many([_docs(tmp_path, 1)], _settings(fake_server, record_dir=store))
    assert fake_server.exchanges[0].authorization == f"Bearer {SECRET}"  # the key was sent...
    for path in store.glob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert SECRET not in text  # ...but never stored
        assert "authorization" not in text.lower() and "bearer" not in text.lower()


def test_key_ignores_host_but_not_body():
    body = {"model": "m", "messages": [{"role": "user", "content": "x"}], "temperature": 0}
    assert request_key("/v1/chat/completions", body) == request_key("/proxy/v1/chat/completions", dict(body))
    assert request_key("/v1/chat/completions", body) != request_key("/v1/chat/completions", {**body, "seed": 1})


KEY_LIKE = re.compile(
    r"((?<![\w-])sk-[A-Za-z0-9_-]{16,}|Bearer\s+[A-Za-z0-9._-]{16,}|api[-_]?key\"?\s*[:=]\s*\"[^\"]{8,})", re.I
)


def test_committed_fixtures_and_evals_hold_no_key_like_string():
    scanned = 0
    for folder in (FIXTURES, ROOT / "evals"):
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in {".json", ".jsonl", ".md", ".yaml", ".txt"}:
                scanned += 1
                hits = KEY_LIKE.findall(path.read_text(encoding="utf-8", errors="replace"))
                assert not hits, f"{path} holds a key-like string: {hits[:1]}"
    assert scanned > 0


def test_committed_recordings_are_well_formed():
    recordings = sorted((FIXTURES / "recordings").glob("*.json"))
    assert recordings, "no committed recordings: run `make eval` to record them"
    for path in recordings:
        entry = json.loads(path.read_text(encoding="utf-8"))
        assert path.stem == entry["key"] == request_key(entry["request"]["path"], entry["request"]["body"])
        assert entry["response"]["status"] == 200
        assert entry["response"]["body"]["choices"][0]["message"]["content"]
