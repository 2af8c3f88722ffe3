"""`extractor serve` for real: uvicorn in a subprocess on a free loopback port, the fake model behind it."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

from extractor.output import read_records
from extractor.records import Record
from tests.fakeserver import FakeServer
from tests.service_helpers import SERVICE_KEY, Service, article, wait_for_job

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" * 4


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeServer]:
    with FakeServer() as server:
        yield server
        assert not server.errors, server.errors


@pytest.fixture(scope="module")
def service(fake: FakeServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    with Service(fake, tmp_path_factory.mktemp("svc") / "store", "--max-body-bytes", "300000") as running:
        yield running


def _lines(response: httpx2.Response) -> list[dict[str, Any]]:
    return [json.loads(line) for line in response.text.splitlines() if line.strip()]


def test_health_schema_prompts_and_openapi(service: Service) -> None:
    with service.client() as client:
        health = client.get("/healthz").json()
        assert health["ready"] is True and health["backend"] == "openai" and health["concurrency"] == 4
        schema = client.get("/v1/schema").json()
        assert schema["title"] == "MatchReport"
        prompts = client.get("/v1/prompts").json()
        assert {p["language"] for p in prompts} >= {"en", "da", "nl", "default"}
        assert all(len(p["sha256"]) == 64 for p in prompts)
        paths = client.get("/openapi.json").json()["paths"]
        assert {"/v1/extract", "/v1/jobs", "/v1/jobs/{job_id}", "/v1/jobs/{job_id}/records", "/v1/schema",
                "/v1/prompts", "/healthz"} <= set(paths)
        assert "multipart/form-data" in paths["/v1/jobs"]["post"]["requestBody"]["content"]
        assert client.get("/docs").status_code == 200


def test_extract_one_article_returns_its_record(service: Service) -> None:
    text = "Late drama.\nRESULT: Alpha 2-1 Beta\n"
    with service.client() as client:
        response = client.post("/v1/extract", json={"text": text, "language": "en", "source": "wire/a.txt"})
    assert response.status_code == 200, response.text
    record = Record.model_validate(response.json())
    assert record.status == "ok" and record.source == "wire/a.txt" and record.language == "en"
    assert record.result is not None and record.result["matches"][0]["home_team"] == "Alpha"
    span = next(g for g in record.grounding if g.path == "matches[0].evidence")
    assert span.start is not None and text[span.start : span.end] == "Alpha 2-1 Beta"


@pytest.mark.parametrize(
    "body",
    [
        {"text": "RESULT: A 1-0 B", "colour": "red"},  # unknown field
        {"text": "RESULT: A 1-0 B", "language": "xx"},  # not a language
        {"language": "en"},  # no text
    ],
)
def test_bad_extract_requests_get_422(service: Service, body: dict[str, Any]) -> None:
    with service.client() as client:
        assert client.post("/v1/extract", json=body).status_code == 422
        assert client.post("/v1/jobs", json={"documents": [body]}).status_code == 422
        assert client.post("/v1/jobs", json={"documents": [], "extra": 1}).status_code == 422


def test_a_200_document_job_completes_with_exactly_200_records(service: Service, fake: FakeServer) -> None:
    fake.reset()
    # A fifth of the model calls fail (429, 5xx, dropped connections), at most twice per document.
    fake.randomize(rate=0.2, kinds=("429", "500", "503", "drop"), seed=11, max_per_doc=2)
    documents = [{"text": article(i), "language": "en"} for i in range(200)]
    try:
        _run_200(service, documents)
    finally:
        faults = sum(n for kind, n in fake.counts.items() if kind != "ok")
        ok_calls = fake.counts["ok"]
        most_in_flight = fake.max_in_flight
        fake.reset()
    assert faults >= 20, f"only {faults} faults were injected"
    assert ok_calls == 200  # one answered model call per document: retried, never extracted twice
    assert most_in_flight <= 4  # --concurrency bounds the model calls; the rest queued


def _run_200(service: Service, documents: list[dict[str, Any]]) -> None:
    with service.client() as client:
        created = client.post("/v1/jobs", json={"documents": documents})
        assert created.status_code == 202, created.text
        job = created.json()
        assert job["total"] == 200 and job["state"] in ("queued", "running")
        status = wait_for_job(client, job["id"])
        assert status["state"] == "done" and status["done"] == 200 and status["ok"] == 200 and status["failed"] == 0
        assert status["prompt_tokens"] > 0 and status["elapsed_seconds"] > 0
        records = _lines(client.get(f"/v1/jobs/{job['id']}/records"))
        assert len(records) == 200
        assert sorted(r["source"] for r in records) == [f"doc-{i:05d}" for i in range(1, 201)]
        assert _lines(client.get(f"/v1/jobs/{job['id']}/records", params={"status": "error"})) == []
        assert len(_lines(client.get(f"/v1/jobs/{job['id']}/records", params={"status": "ok"}))) == 200
        assert client.get(f"/v1/jobs/{job['id']}/records", params={"status": "bogus"}).status_code == 422
        assert client.delete(f"/v1/jobs/{job['id']}").status_code == 409  # already done
        assert job["id"] in {j["id"] for j in client.get("/v1/jobs").json()["jobs"]}


def test_multipart_upload_gives_a_non_text_file_its_own_input_error(service: Service) -> None:
    files = [("files", ("../../etc/match.txt", article(7).encode(), "text/plain")),
             ("files", ("photo.png", PNG, "image/png")),
             ("files", ("latin1.txt", "Kampen på Parken.\nRESULT: Brøndby 1-0 Silkeborg\n".encode("latin-1"),
                        "text/plain"))]
    with service.client() as client:
        created = client.post("/v1/jobs", files=files, data={"language": "da"})
        assert created.status_code == 202, created.text
        status = wait_for_job(client, created.json()["id"])
        records = {r["source"]: r for r in _lines(client.get(status["records_url"]))}
        assert client.post("/v1/jobs", files=files, data={"colour": "red"}).status_code == 422
    assert set(records) == {"match.txt", "photo.png", "latin1.txt"}  # only base names: labels, not paths
    assert records["match.txt"]["status"] == "ok"
    assert records["photo.png"]["status"] == "error" and records["photo.png"]["error"]["type"] == "input_error"
    assert "binary" in records["photo.png"]["error"]["message"]
    assert records["latin1.txt"]["status"] == "ok"
    assert records["latin1.txt"]["result"]["matches"][0]["home_team"] == "Brøndby"
    assert status["ok"] == 2 and status["failed"] == 1
    for record in records.values():
        assert str(service.store) not in json.dumps(record)  # no server path leaks into a record


@pytest.mark.parametrize("job_id", ["../../../etc/passwd", "..%2F..%2Fjob.json", "0" * 31 + "g", "a" * 32])
def test_unknown_or_hostile_job_ids_are_404(service: Service, job_id: str) -> None:
    with service.client() as client:
        for path in (f"/v1/jobs/{job_id}", f"/v1/jobs/{job_id}/records"):
            assert client.get(path).status_code == 404
        assert client.delete(f"/v1/jobs/{job_id}").status_code == 404
        assert client.get("/", params={"job": job_id}).status_code == 404


def test_oversize_bodies_get_413(service: Service) -> None:
    big = {"text": "x" * 400_000}
    with service.client() as client:
        assert client.post("/v1/extract", json=big).status_code == 413
        assert client.post("/v1/jobs", json={"documents": [big]}).status_code == 413

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is counted as the body streams
            yield b'{"documents": [{"text": "'
            for _ in range(40):
                yield b"y" * 10_000
            yield b'"}]}'

        streamed = client.post("/v1/jobs", content=chunks(), headers={"Content-Type": "application/json"})
        assert streamed.status_code == 413
        assert client.post("/v1/extract", json={"text": "RESULT: A 1-0 B"}).status_code == 200  # still serving


def test_cancel_stops_a_running_job_and_keeps_its_records(service: Service, fake: FakeServer) -> None:
    fake.delay = 0.2
    try:
        with service.client() as client:
            job = client.post("/v1/jobs", json={"documents": [{"text": article(i, "Cx", f"Cy{i}")}
                                                              for i in range(60)]}).json()
            wait_for_job(client, job["id"], until=2)
            cancelled = client.delete(f"/v1/jobs/{job['id']}")
            assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
            count = len(_lines(client.get(f"/v1/jobs/{job['id']}/records")))
            assert 2 <= count < 60
            assert client.get(f"/v1/jobs/{job['id']}").json()["state"] == "cancelled"
    finally:
        fake.delay = 0.0


def test_without_the_key_every_request_is_401(fake: FakeServer, tmp_path: Path) -> None:
    with Service(fake, tmp_path / "store", api_key=SERVICE_KEY) as running:
        for path in ("/healthz", "/v1/schema", "/v1/jobs", "/", "/openapi.json"):
            assert httpx2.get(running.url + path).status_code == 401
            assert httpx2.get(running.url + path, headers={"Authorization": "Bearer wrong"}).status_code == 401
            assert httpx2.get(running.url + path, headers={"Authorization": SERVICE_KEY}).status_code == 401
        response = httpx2.post(running.url + "/v1/extract", json={"text": "x" * 30_000_000})
        assert response.status_code == 401  # refused before the body is read
        assert response.headers["www-authenticate"] == "Bearer"
        with running.client() as client:
            assert client.get("/healthz").status_code == 200
            assert client.post("/v1/extract", json={"text": "RESULT: A 1-0 B"}).status_code == 200


def test_kill_9_mid_job_then_restart_loses_nothing_and_repeats_nothing(fake: FakeServer, tmp_path: Path) -> None:
    fake.reset()
    fake.delay = 0.05
    store = tmp_path / "store"
    documents = [{"text": article(i, "Kx", f"Ky{i}"), "language": "en"} for i in range(200)]
    try:
        first = Service(fake, store).start()
        with first.client() as client:
            job_id = client.post("/v1/jobs", json={"documents": documents}).json()["id"]
            wait_for_job(client, job_id, until=30)
        first.kill9()
        records_file = store / "jobs" / job_id / "records.jsonl"
        before = {r["source"] for r in read_records(records_file)}
        assert 30 <= len(before) < 200, "the kill must land mid-job"
        with Service(fake, store) as second, second.client() as client:
            status = client.get(f"/v1/jobs/{job_id}").json()  # answers after the restart
            assert status["total"] == 200 and status["done"] >= len(before)
            status = wait_for_job(client, job_id)
            records = [json.loads(line) for line in client.get(f"/v1/jobs/{job_id}/records").text.splitlines()]
    finally:
        fake.delay = 0.0
    assert status["state"] == "done" and status["done"] == 200 and status["ok"] == 200
    sources = Counter(r["source"] for r in records)
    assert len(records) == 200 and len(sources) == 200  # lost nothing, repeated nothing
    for index in range(200):
        calls = len(fake.for_doc(f"DOC: {index:05d}"))
        if f"doc-{index + 1:05d}" in before:
            assert calls == 1, f"document {index} was finished before the kill but extracted {calls} times"
        else:
            assert 1 <= calls <= 2  # in flight at the kill (no record written), or not started


def test_without_the_service_extra_serve_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, clean_env: None
) -> None:
    import importlib.util
    import sys

    from typer.testing import CliRunner

    from extractor.cli import app

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "fastapi" else real_find_spec(name, *a))
    monkeypatch.delitem(sys.modules, "extractor.service.app", raising=False)
    result = CliRunner().invoke(app, ["serve", "--backend", "openai", "--base-url", "http://127.0.0.1:9/v1",
                                      "--store", str(tmp_path / "store")])
    assert result.exit_code == 2
    assert "install with: pip install 'extractor[service]'" in " ".join(result.output.split())


@pytest.mark.parametrize("command", [["serve"], ["report"]])
def test_serve_and_report_help_have_an_example(command: list[str]) -> None:
    from typer.testing import CliRunner

    from extractor.cli import app

    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "Example" in result.stdout


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--gold", "no-such-folder"], "gold folder not found"),
        (["--eval", "not-a-report.json"], "not a report of `extractor eval --json`"),
        (["--eval", "missing.json"], "cannot read it"),
    ],
)
def test_report_gold_flags_say_what_is_wrong(
    flags: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from extractor.cli import app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "out.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "not-a-report.json").write_text('{"overall": "high"}', encoding="utf-8")
    result = CliRunner().invoke(app, ["report", "out.jsonl", "--html", "r.html", *flags])
    assert result.exit_code == 2 and message in " ".join(result.output.split())
    assert not (tmp_path / "r.html").exists()
