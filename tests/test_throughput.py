"""The per-request work `extractor.llm.call` saves (issue 11), pinned so a library upgrade cannot undo it.

instructor 1.17 wraps the response model in a new class per call, so pydantic rebuilt the
JSON schema for every request; `response_model_for` builds the wrapper once per model. The
openai client's per-request TypedDict walk is skipped by posting the body directly;
instructor's async-validator walk runs once per response model, not six times per request;
requests go through openai's aiohttp transport with the default transport's error types.
These tests count the schema builds and the walks and check, against the fake server, that
what goes on the wire, the re-asks, the usage accounting, the retries and the transport
errors are what they were.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import instructor
import pytest
from instructor.v2.core import patch as instructor_patch
from instructor.v2.validation import async_validators
from pydantic import BaseModel, Field
from pydantic.json_schema import GenerateJsonSchema

from extractor import output
from extractor.api import Session
from extractor.llm import call
from extractor.llm.backend import Endpoint
from extractor.llm.call import _post_completion, make_client, response_model_for
from extractor.llm.transport import AiohttpTransport, default_transport
from extractor.output import JsonlSink
from extractor.records import Record
from tests.fakeserver import FakeServer
from tests.test_reliability import API_KEY, article, assert_accounting, only_match, settings_for

pytestmark = pytest.mark.usefixtures("clean_env")


@pytest.fixture
def schema_builds(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many JSON schemas pydantic generated, by title; the wrapper cache emptied first."""
    call.response_model_for.cache_clear()
    counts: dict[str, int] = {}
    original = GenerateJsonSchema.generate

    def counting(self: GenerateJsonSchema, *args: Any, **kwargs: Any) -> Any:
        schema = original(self, *args, **kwargs)
        title = str(schema.get("title"))
        counts[title] = counts.get(title, 0) + 1
        return schema

    monkeypatch.setattr(GenerateJsonSchema, "generate", counting)
    return counts


@pytest.mark.parametrize("mode", ["tools", "json"])
async def test_100_requests_build_the_response_models_schema_once(
    fake_server: FakeServer, schema_builds: dict[str, int], mode: str
) -> None:
    async with Session(settings_for(fake_server, mode=mode, strategy="single")) as session:
        records = [await session.extract_text(article(f"n{i}", home=f"Home{i}")) for i in range(100)]
    assert all(r.ok for r in records), [r.error for r in records if not r.ok][:1]
    assert len(fake_server.exchanges) == 100
    assert schema_builds == {"MatchReport": 1}
    assert [only_match(r)["home_team"] for r in records[:3]] == ["Home0", "Home1", "Home2"]


def test_the_memoised_wrapper_is_instructors_wrapper_with_the_same_schema() -> None:
    class Score(BaseModel):
        """A score line."""

        home: int = Field(ge=0)
        away: int = Field(ge=0)

    wrapped = response_model_for(Score)
    assert response_model_for(Score) is wrapped
    assert issubclass(wrapped, Score) and issubclass(wrapped, instructor.ResponseSchema)
    assert (wrapped.__name__, wrapped.__doc__) == ("Score", "A score line.")
    assert wrapped.model_json_schema() == instructor.response_schema(Score).model_json_schema()
    wrapped.model_json_schema()["properties"].clear()  # a caller mutating its copy changes nothing
    assert set(wrapped.model_json_schema()["properties"]) == {"home", "away"}
    assert wrapped.model_json_schema(mode="serialization")["title"] == "Score"
    assert wrapped.openai_schema["name"] == "Score"


async def test_tools_mode_reask_retries_and_usage_are_counted(fake_server: FakeServer) -> None:
    """The request path that skips the SDK's body walk still retries, re-asks and bills every request."""
    settings = settings_for(fake_server, mode="tools", strategy="single")
    async with Session(settings) as session:
        record = await session.extract_text(article("tools", fault="503x1, schema x1, drop x1"))
    seen = fake_server.exchanges
    assert [e.kind for e in seen] == ["503", "schema", "drop", "ok"]
    assert record.status == "ok", record.error
    assert record.attempts == 4
    assert_accounting(record, seen)
    assert all(e.body["tools"][0]["function"]["name"] == "MatchReport" for e in seen)
    assert all(e.body["tool_choice"] == {"type": "function", "function": {"name": "MatchReport"}} for e in seen)
    assert "greater than or equal to 0" in seen[-1].text()  # instructor's re-ask reached the server
    assert all(e.authorization == f"Bearer {API_KEY}" for e in seen)
    assert only_match(record)["home_score"] == 2


async def test_the_server_gets_the_body_create_would_send(fake_server: FakeServer) -> None:
    settings = settings_for(fake_server)
    endpoint = Endpoint(base_url=fake_server.url, api_key=API_KEY, model="fake-model")
    client = make_client(endpoint, settings)
    tools = [{"type": "function", "function": response_model_for(only_schema()).openai_schema}]
    kwargs: dict[str, Any] = {
        "model": "fake-model", "messages": [{"role": "user", "content": "RESULT: A 1-0 B"}], "tools": tools,
        "tool_choice": {"type": "function", "function": {"name": "Score"}}, "temperature": 0.0, "max_tokens": 64,
        "seed": 7, "extra_body": {"repeat_penalty": 1.0},
    }
    direct = await client.chat.completions.create(**kwargs)
    posted = await _post_completion(client, dict(kwargs))
    await client.close()
    sent_by_create, sent_by_post = fake_server.exchanges
    assert sent_by_post.body == sent_by_create.body
    assert sent_by_post.authorization == sent_by_create.authorization == f"Bearer {API_KEY}"
    assert type(posted) is type(direct)
    assert posted.choices[0].message.tool_calls == direct.choices[0].message.tool_calls


def only_schema() -> type[BaseModel]:
    class Score(BaseModel):
        home: int
        away: int

    return Score


@pytest.fixture
def walked_nodes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Nodes instructor's async-validator walk visited, from any call site (wrappers rebuilt first).

    The walk calls `get_origin` once per node, looked up in its module's globals, so this counts
    every walk however instructor reaches it, even from a call site the vetting does not cover.
    """
    visits = [0]
    original = async_validators.get_origin

    def counting(annotation: Any) -> Any:
        visits[0] += 1
        return original(annotation)

    monkeypatch.setattr(async_validators, "get_origin", counting)
    call.response_model_for.cache_clear()
    return visits


@pytest.mark.parametrize("mode", ["tools", "json"])
async def test_100_requests_walk_the_model_for_async_validators_once(
    fake_server: FakeServer, walked_nodes: list[int], mode: str
) -> None:
    async with Session(settings_for(fake_server, mode=mode, strategy="single")) as session:
        records = [await session.extract_text(article(f"w{i}", fault="schema x1" if i == 7 else ""))
                   for i in range(100)]
        model = session.task.root_model
    assert all(r.ok for r in records), [r.error for r in records if not r.ok][:1]
    assert records[7].attempts == 2  # a re-ask takes the same path
    during_run = walked_nodes[0]
    walked_nodes[0] = 0
    assert call._instructor_check is not None
    call._instructor_check(response_model_for(model))  # one walk of the wrapper, by instructor's own check
    assert during_run == walked_nodes[0] > 10  # instructor 1.17 unpatched: about 600 walks
    # instructor looks the check up in two modules; both hold the vetting wrapper
    assert instructor_patch.reject_async_validators is async_validators.reject_async_validators


def test_a_model_with_an_async_validator_is_still_refused() -> None:
    class Checked(BaseModel):
        name: str

        async def check(cls, value: str) -> str:
            return value

        setattr(check, async_validators.ASYNC_VALIDATOR_KEY, (("name",), check, False))  # what the decorator marks

    with pytest.raises(ValueError, match="async validators are not supported"):
        response_model_for(Checked)
    with pytest.raises(ValueError, match="async validators are not supported"):  # any other caller's model too
        async_validators.reject_async_validators(Checked)


# -- the aiohttp transport ----------------------------------------------------------------------------


@pytest.fixture
def aio_client() -> Iterator[httpx2.AsyncClient]:
    yield httpx2.AsyncClient(transport=default_transport(4), timeout=httpx2.Timeout(0.3))


def chat_body(fault: str) -> dict[str, Any]:
    return {"model": "fake-model", "messages": [{"role": "user", "content": article("t", fault=fault)}]}


async def test_sessions_send_through_the_aiohttp_transport(fake_server: FakeServer) -> None:
    async with Session(settings_for(fake_server)) as session:
        assert isinstance(session._http, httpx2.AsyncClient)
        assert isinstance(session._http._transport, AiohttpTransport)
        record = await session.extract_text(article("aio"))
    assert record.ok and only_match(record)["home_team"] == "Ajax"
    assert fake_server.exchanges[0].authorization == f"Bearer {API_KEY}"


@pytest.mark.parametrize(
    ("fault", "error"),
    [("drop x*", httpx2.RemoteProtocolError), ("short_body x*", httpx2.RemoteProtocolError),
     ("slow x*", httpx2.ReadTimeout)],
)
async def test_transport_failures_keep_httpx2s_types(
    fake_server: FakeServer, aio_client: httpx2.AsyncClient, fault: str, error: type[Exception]
) -> None:
    """A drop is not reported as a timeout (openai's own map makes every connection error one)."""
    fake_server.slow_seconds = 1.0
    with pytest.raises(error):
        response = await aio_client.post(fake_server.url + "/chat/completions", json=chat_body(fault))
        await response.aread()
    await aio_client.aclose()


async def test_a_refused_connection_is_a_connect_error_with_the_sockets_reason(
    aio_client: httpx2.AsyncClient, unused_tcp_port: int
) -> None:
    with pytest.raises(httpx2.ConnectError, match="Connect call failed"):
        await aio_client.post(f"http://127.0.0.1:{unused_tcp_port}/v1/chat/completions", json=chat_body(""))
    await aio_client.aclose()


# -- the output file --------------------------------------------------------------------------------


def test_the_sink_flushes_every_record_and_syncs_at_most_every_interval(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync per record blocked the event loop; a kill still loses nothing (each line is flushed)."""
    syncs: list[int] = []
    monkeypatch.setattr(output.os, "fsync", lambda fd: syncs.append(fd))
    path = tmp_path / "o.jsonl"
    sink = JsonlSink(path, append=False)
    for i in range(50):
        sink.write(Record(doc_id=f"{i:016d}", source=f"s{i}", status="ok", task="t", backend="openai"))
        assert len(path.read_bytes().splitlines()) == i + 1  # in the OS's hands at once
    assert len(syncs) <= 1  # 50 quick writes: within one interval
    sink.close()
    assert len(syncs) >= 1 and len(list(output.read_records(path))) == 50  # synced at close

    monkeypatch.setattr(output, "SYNC_INTERVAL", 0.0)
    syncs.clear()
    with JsonlSink(path, append=True) as sink:
        for i in range(3):
            sink.write(Record(doc_id=f"{i:016d}", source=f"t{i}", status="ok", task="t", backend="openai"))
    assert len(syncs) == 4  # one per record when the interval has passed, and the close
