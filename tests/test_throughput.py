"""The per-request work `extractor.llm.call` saves (issue 11), pinned so a library upgrade cannot undo it.

instructor 1.17 wraps the response model in a new class per call, so pydantic rebuilt the
JSON schema for every request; `response_model_for` builds the wrapper once per model. The
openai client's per-request TypedDict walk is skipped by posting the body directly. These
tests count the schema builds and check, against the fake server, that what goes on the
wire, the re-asks, the usage accounting and the retries are what they were.
"""

from __future__ import annotations

from typing import Any

import instructor
import pytest
from pydantic import BaseModel, Field
from pydantic.json_schema import GenerateJsonSchema

from extractor.api import Session
from extractor.llm import call
from extractor.llm.backend import Endpoint
from extractor.llm.call import _post_completion, make_client, response_model_for
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
