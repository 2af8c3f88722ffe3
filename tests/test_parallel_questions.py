"""A staged step's questions in flight together, and the server that decodes them in one batch.

The first two tests run the real pipeline (openai client, instructor, the task's plan) over an
in-process fake model that only counts how many requests it holds at once. The rest start the
real `extractor.backends.batched` server on the real embedded model.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import httpx2
import pytest

from extractor import Session
from extractor.backends.embedded import parse_perf_log, resolve_model_path
from extractor.backends.llama_server import LlamaServer, ServerConfig
from extractor.settings import Settings
from tests.fakemodel import FakeModel

ROUND_UP = (
    "Saturday's matches in the league.\n"
    "Ajax won 2-1 against PSV in a lively game at the Johan Cruijff Arena.\n"
    "Feyenoord and Twente drew 1-1 in Rotterdam after a late equaliser.\n"
    "AZ lost 0-3 at home to Utrecht, who stay third.\n"
    "Heerenveen beat Go Ahead Eagles 4-2 in Friesland.\n"
    "Vitesse were held 2-2 by Sparta in Arnhem.\n"
)
SCORE = re.compile(r"^Score: (\d+)-(\d+)$", re.MULTILINE)


class CountingModel(FakeModel):
    """Answers every results question "other" (so no match follows); counts requests held at once."""

    def __init__(self) -> None:
        super().__init__(respond=self._answer)
        self.in_flight = 0
        self.most = 0

    @staticmethod
    def _answer(messages: list[dict[str, Any]]) -> dict[str, Any]:
        found = SCORE.search(str(messages[-1]["content"]))
        assert found, "every question of the first step names its score"
        home, away = int(found.group(1)), int(found.group(2))
        return {"result": "other", "home_team": "A", "away_team": "B", "home_score": home, "away_score": away}

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        try:
            await asyncio.sleep(0.02)  # a model takes a while: let the other questions arrive
            return await super().handle_async_request(request)
        finally:
            self.in_flight -= 1


async def _run(parallel: int) -> tuple[CountingModel, Any]:
    model = CountingModel()
    settings = model.settings(strategy="staged", parallel_questions=parallel)
    async with Session(settings, transport=model) as session:
        record = await session.extract_text(ROUND_UP, source="roundup.txt")
    return model, record


async def test_a_steps_questions_are_asked_together_up_to_the_limit() -> None:
    together, record = await _run(4)
    alone, record_alone = await _run(1)
    asked = [SCORE.search(str(body["messages"][-1]["content"])).group(0) for body in together.requests]  # type: ignore[union-attr]
    assert len(asked) == 5  # one question per written score
    assert together.most == 4 and alone.most == 1
    assert sorted(asked) == sorted(SCORE.search(str(b["messages"][-1]["content"])).group(0)  # type: ignore[union-attr]
                                   for b in alone.requests)  # fmt: skip
    assert record.status == record_alone.status == "ok"
    assert record.result == record_alone.result and record.attempts == record_alone.attempts == 5


async def test_a_failed_first_step_question_still_fails_the_document_when_asked_together() -> None:
    model = CountingModel()
    model.enqueue(*(["not json"] * 20))  # every answer broken, re-asks included
    async with Session(model.settings(strategy="staged", parallel_questions=4, validation_retries=0),
                       transport=model) as session:  # fmt: skip
        record = await session.extract_text(ROUND_UP, source="roundup.txt")
    assert record.status == "error" and record.result is None
    assert model.most >= 2


# -- the batched server on the real model -----------------------------------------------

ARTICLE = (
    "Brondby beat Randers 2-0 at Brondby Stadium on Sunday in the Superliga. Mikael Uhre scored in the 12th "
    "minute after a long ball from the keeper, and Simon Hedlund added the second goal in the 70th minute with "
    "a low shot. Randers had chances before the break but their striker hit the post twice. " * 3
)
QUESTIONS = {
    "Which team won?": {"type": "object", "properties": {"winner": {"enum": ["Brondby", "Randers"]}},
                        "required": ["winner"]},
    "Who scored first?": {"type": "object", "properties": {"scorer": {"enum": ["Mikael Uhre", "Simon Hedlund"]}},
                          "required": ["scorer"]},
    "How many goals did Brondby score?": {"type": "object", "properties": {"goals": {"type": "integer"}},
                                          "required": ["goals"]},
    "Where was the match played?": {"type": "object", "properties": {"venue": {"type": "string", "maxLength": 40}},
                                    "required": ["venue"]},
}  # fmt: skip


@pytest.fixture(scope="module")
def batched(tmp_path_factory: pytest.TempPathFactory) -> Any:
    log = tmp_path_factory.mktemp("batched") / "server.log"
    path = resolve_model_path(Settings(backend="embedded"))
    server = LlamaServer(ServerConfig(model_path=path, alias="qwen", log_path=log, n_ctx=2048, parallel=4))
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _ask(base_url: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(f"{base_url}/chat/completions", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _question(question: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"model": "qwen", "temperature": 0, "max_tokens": 24,
            "messages": [{"role": "system", "content": "Answer in JSON."},
                         {"role": "user", "content": f"Article:\n{ARTICLE}"}, {"role": "user", "content": question}],
            "response_format": {"type": "json_object", "schema": schema}}  # fmt: skip


@pytest.mark.embedded
def test_four_questions_about_one_article_share_its_prefix_and_decode_together(batched: LlamaServer) -> None:
    bodies = [_question(q, schema) for q, schema in QUESTIONS.items()]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda body: _ask(batched.base_url, body), bodies))
    assert [status for status, _ in answers] == [200] * 4
    parsed = [json.loads(reply["choices"][0]["message"]["content"]) for _, reply in answers]
    assert [set(answer) for answer in parsed] == [{"winner"}, {"scorer"}, {"goals"}, {"venue"}]
    assert parsed[0]["winner"] in ("Brondby", "Randers") and isinstance(parsed[2]["goals"], int)
    assert parsed[0] == {"winner": "Brondby"} and parsed[1] == {"scorer": "Mikael Uhre"}
    usage = [reply["usage"] for _, reply in answers]
    article_tokens = min(u["prompt_tokens"] for u in usage) - 20
    shared = [u["prompt_tokens_details"]["cached_tokens"] >= article_tokens for u in usage]
    assert sum(shared) >= 3  # the article was read once; the others copied its cells
    timings = parse_perf_log(Path(batched.config.log_path).read_text(encoding="utf-8"))
    assert len(timings) >= 4
    together = [int(n) for n in re.findall(r"together (\d+)", Path(batched.config.log_path).read_text())]
    assert max(together) >= 2  # decoded in the same llama_decode steps, not one after the other

    # asked one at a time, the same questions get the same answers
    alone = [json.loads(_ask(batched.base_url, body)[1]["choices"][0]["message"]["content"]) for body in bodies[:2]]
    assert alone == parsed[:2]


@pytest.mark.embedded
def test_bad_requests_get_a_400_and_the_server_keeps_answering(batched: LlamaServer) -> None:
    status, reply = _ask(batched.base_url, {"model": "qwen", "messages": []})
    assert status == 400 and "messages" in reply["error"]["message"]
    status, reply = _ask(batched.base_url, {**_question("Which team won?", QUESTIONS["Which team won?"]),
                                            "response_format": {"type": "xml"}})  # fmt: skip
    assert status == 400 and "response_format" in reply["error"]["message"]
    long = {"model": "qwen", "messages": [{"role": "user", "content": "goal " * 3000}]}
    status, reply = _ask(batched.base_url, long)
    assert status == 400 and "exceed context window of 2048" in reply["error"]["message"]
    status, reply = _ask(batched.base_url, _question("Which team won?", QUESTIONS["Which team won?"]))
    assert status == 200 and json.loads(reply["choices"][0]["message"]["content"]) == {"winner": "Brondby"}


PROSE = (
    "Ajax beat PSV 2-1 at the Johan Cruijff Arena on Sunday.\n"
    "Steven Bergwijn made it 1-0 in the 10th minute with a low shot. Luuk de Jong levelled at 1-1 before the"
    " break with a header. Davy Klaassen scored the winner to make it 2-1 late on.\n"
)


class StepModel(CountingModel):
    """Answers each kind of staged question; notes which kinds were in flight together."""

    def __init__(self) -> None:
        super().__init__()
        self.respond = self._by_kind
        self.current: list[str] = []
        self.overlaps: set[frozenset[str]] = set()

    @staticmethod
    def _kind(messages: list[dict[str, Any]]) -> str:
        question = str(messages[-1]["content"])
        return "results" if "Is it the final result" in question else "goals_at" if "Who scored" in question \
            else "details"

    def _by_kind(self, messages: list[dict[str, Any]]) -> dict[str, Any]:
        kind = self._kind(messages)
        if kind == "results":
            score = SCORE.search(str(messages[-1]["content"]))
            home, away = int(score.group(1)), int(score.group(2))  # type: ignore[union-attr]
            result = "final" if (home, away) == (2, 1) else "running"
            return {"result": result, "home_team": "Ajax", "away_team": "PSV", "home_score": home, "away_score": away}
        if kind == "details":
            return {"competition": None, "venue": None, "goals": [], "cards": []}
        return {"scorer": None, "team": "Ajax", "minute": None}

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        kind = self._kind(body["messages"]) if "messages" in body else "other"
        self.current.append(kind)
        self.overlaps.add(frozenset(self.current))
        try:
            return await super().handle_async_request(request)
        finally:
            self.current.remove(kind)


async def test_running_score_questions_are_asked_together_with_the_match_question() -> None:
    model = StepModel()
    async with Session(model.settings(strategy="staged", parallel_questions=4), transport=model) as session:
        record = await session.extract_text(PROSE, source="prose.txt")
    assert record.status == "ok"
    kinds = [StepModel._kind(body["messages"]) for body in model.requests]
    assert "details" in kinds and "goals_at" in kinds
    assert frozenset({"details", "goals_at"}) in model.overlaps  # one wave: the goals' questions need no details
    assert all(kinds == {"results"} for kinds in model.overlaps if "results" in kinds)  # the results come first


def test_the_embedded_server_gets_one_slot_per_parallel_question_up_to_its_cap() -> None:
    from extractor.backends.embedded import MAX_SLOTS, server_config

    assert server_config(Settings(backend="embedded")).parallel == 4
    assert server_config(Settings(backend="embedded", parallel_questions=1)).parallel == 1  # llama-cpp-python's
    assert server_config(Settings(backend="embedded", parallel_questions=64)).parallel == MAX_SLOTS == 8
