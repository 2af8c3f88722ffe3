"""What a JSON answer's schema fixes next (`extractor.backends.drafts`), and the server feeding it ahead.

The first tests read text against schemas of the shape the staged plan asks. One checks the
guesses against every answer the real model wrote in the recorded exchanges. The last starts
the real batched server on the embedded model twice, with guesses and without, and compares.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from extractor.backends import drafts

SCORE = {
    "type": "object", "additionalProperties": False,
    "properties": {
        "result": {"enum": ["final", "half-time", "running", "earlier", "shoot-out", "other"], "type": "string"},
        "home_team": {"anyOf": [{"type": "string", "maxLength": 60}, {"type": "null"}]},
        "away_team": {"anyOf": [{"type": "string", "maxLength": 60}, {"type": "null"}]},
        "home_score": {"enum": [3, 1], "type": "integer"},
        "away_score": {"enum": [3, 1], "type": "integer"},
    },
    "required": ["result", "home_team", "away_team", "home_score", "away_score"],
}  # fmt: skip
TEAM = {"enum": ["Borussia Moenchengladbach", "FC Schalke 04"], "type": "string"}
DETAILS = {
    "$defs": {
        "Goal": {"type": "object", "properties": {"player": {"type": "string"}, "team": TEAM,
                                                  "minute": {"anyOf": [{"type": "string"}, {"type": "null"}]}},
                 "required": ["player", "team", "minute"]},
        "Card": {"type": "object", "properties": {"player": {"type": "string"}, "team": TEAM,
                                                  "card": {"enum": ["yellow", "red", "second_yellow"]}},
                 "required": ["player", "team", "card"]},
    },
    "type": "object",
    "properties": {"venue": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                   "goals": {"type": "array", "items": {"$ref": "#/$defs/Goal"}},
                   "cards": {"type": "array", "items": {"$ref": "#/$defs/Card"}},
                   "note": {"type": "string"}},
    "required": ["venue", "goals", "cards"],
}  # fmt: skip


def test_after_the_opening_brace_comes_the_first_key_and_the_quote_of_its_enum() -> None:
    assert drafts.continuation(SCORE, "{") == ' "result": "'
    assert drafts.continuation(SCORE, "{ ") == '"result": "'  # the space already written is not guessed again


def test_the_rest_of_an_enum_value_is_fixed_once_its_first_letters_tell_it_apart() -> None:
    assert drafts.continuation(SCORE, '{ "result": "fi') == 'nal", "home_team":'
    assert drafts.continuation(SCORE, '{ "result": "') == ""  # six values still fit
    assert drafts.continuation(DETAILS, '{ "venue": null, "goals": [ { "player": "Stindl", "team": "FC') == (
        ' Schalke 04", "minute":'
    )


def test_a_free_value_a_number_and_a_nullable_value_are_left_to_the_model() -> None:
    assert drafts.continuation(SCORE, '{ "result": "final", "home_team": "AD') == ""
    assert drafts.continuation(SCORE, '{ "result": "final", "home_team":') == ""  # a string or null
    numbers = '{ "result": "final", "home_team": null, "away_team": null, "home_score": 3'
    assert drafts.continuation(SCORE, numbers) == ""  # 3 or 31: the number goes on until the model ends it


def test_after_a_value_the_next_required_key_follows_in_the_layout_the_answer_uses() -> None:
    spaced = '{ "result": "final", "home_team": "ADO Den Haag"'
    assert drafts.continuation(SCORE, spaced) == ', "away_team":'
    assert drafts.continuation(SCORE, spaced + ",") == ' "away_team":'
    compact = '{"result":"final","home_team":"ADO Den Haag"'
    assert drafts.continuation(SCORE, compact) == ',"away_team":'


def test_lists_optional_keys_and_the_closing_brace_are_not_guessed() -> None:
    assert drafts.continuation(DETAILS, '{ "venue": null, "goals": [') == ""  # an item or the end of the list
    assert drafts.continuation(DETAILS, '{ "venue": null, "goals": [ {') == ' "player": "'  # a $ref item
    assert drafts.continuation(DETAILS, '{ "venue": null, "goals": [], "cards": []') == ""  # "note" is optional
    last = '{ "venue": null, "goals": [], "cards": [ { "player": "Kabak", "team": "FC Schalke 04", "card": "ye'
    assert drafts.continuation(DETAILS, last) == "llow"  # its quote merges with what follows ('"}')


def test_a_quote_escaped_inside_a_string_does_not_end_it_and_broken_text_gets_no_guess() -> None:
    assert drafts.continuation(SCORE, '{ "result": "final", "home_team": "Say \\"hi') == ""
    assert drafts.continuation(SCORE, '{ "result": "final", "home_team": "Say \\"hi\\""') == ', "away_team":'
    assert drafts.continuation(SCORE, "{ result") == ""
    assert drafts.continuation(SCORE, "not json") == ""


def test_an_answer_is_complete_when_its_root_value_closes() -> None:
    whole = '{ "result": "final", "home_team": null, "away_team": "B", "home_score": 3, "away_score": 1}'
    assert drafts.complete(SCORE, whole)
    assert not drafts.complete(SCORE, whole[:-1])
    assert drafts.complete(DETAILS, '{ "venue": "X", "goals": [ { "player": "A", "team": "FC Schalke 04", '
                                    '"minute": "3" } ], "cards": [] }')  # fmt: skip
    assert not drafts.complete(DETAILS, '{ "venue": "X", "goals": [ { "player": "A"} ], "cards": [] }}')


RECORDINGS = Path(__file__).parent / "fixtures" / "recordings"


def _grammar_order(schema: Any) -> Any:
    """Properties required-first, as the grammar orders them (the recordings store keys sorted)."""
    if isinstance(schema, dict):
        out = {key: _grammar_order(value) for key, value in schema.items()}
        if isinstance(out.get("properties"), dict) and isinstance(out.get("required"), list):
            props, required = out["properties"], out["required"]
            out["properties"] = {k: props[k] for k in [*required, *(k for k in props if k not in required)]}
        return out
    return [_grammar_order(item) for item in schema] if isinstance(schema, list) else schema


def test_every_guess_agrees_with_what_the_real_model_wrote_in_the_recorded_answers() -> None:
    guessed = agreed = 0
    for path in sorted(RECORDINGS.glob("*.json")):
        exchange = json.loads(path.read_text(encoding="utf-8"))
        body = exchange["response"]["body"]
        if "choices" not in body:
            continue
        schema = _grammar_order(exchange["request"]["body"]["response_format"]["schema"])
        answer = body["choices"][0]["message"]["content"]
        for cut in range(1, len(answer)):
            guess = drafts.continuation(schema, answer[:cut])
            if not guess:
                continue
            guessed += 1
            rest = answer[cut:]
            if re.sub(r"\s", "", rest).startswith(re.sub(r"\s", "", guess)):
                agreed += 1
            else:  # only a layout the model changed mid-answer may differ: never a key, an order or a value
                assert re.sub(r"[\s,:\"]", "", rest).startswith(re.sub(r"[\s,:\"]", "", guess)), (path.name, cut)
    assert guessed > 10_000
    assert agreed / guessed > 0.99


# -- the batched server on the real model, with guesses and without ------------------------

MATCH = (
    "Borussia Moenchengladbach beat FC Schalke 04 2-1 in the Bundesliga at Borussia-Park on Saturday. "
    "Lars Stindl opened the scoring in the 24th minute, Marc Kabak was booked for a late tackle and "
    "Jannik Vestergaard headed the second goal after 62 minutes before Schalke pulled one back late on."
)


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from extractor.backends.embedded import resolve_model_path
    from extractor.backends.llama_server import LlamaServer, ServerConfig
    from extractor.settings import Settings

    path, folder = resolve_model_path(Settings(backend="embedded")), tmp_path_factory.mktemp("guesses")
    started = []
    try:
        for guess in ("16", "0"):
            config = ServerConfig(model_path=path, alias="qwen", log_path=folder / f"guess-{guess}.log",
                                  n_ctx=2048, parallel=2, extra_args=("--guess-tokens", guess))  # fmt: skip
            server = LlamaServer(config)
            server.start()
            started.append(server)
        yield started
    finally:
        for server in started:
            server.stop()


@pytest.mark.embedded
def test_the_server_answers_the_same_with_guesses_fed_ahead_in_fewer_steps(servers: list[Any]) -> None:
    from tests.test_parallel_questions import _ask

    body = {"model": "qwen", "temperature": 0, "max_tokens": 200,
            "messages": [{"role": "system", "content": "Answer in JSON about the article."},
                         {"role": "user", "content": f"Article:\n{MATCH}\n\nQuestion: the venue, goals and cards."}],
            "response_format": {"type": "json_object", "schema": DETAILS}}  # fmt: skip
    (status, guessing), (status_plain, plain) = (_ask(server.base_url, body) for server in servers)
    assert status == status_plain == 200
    answers = [json.loads(reply["choices"][0]["message"]["content"]) for reply in (guessing, plain)]
    # The same greedy choices, each checked by the model; batches of other sizes may sum a near tie the
    # other way (as sequences decoded together already do), so the facts are compared, not the bytes.
    for answer in answers:
        assert set(answer) == {"venue", "goals", "cards"} and answer["goals"]
        assert {goal["team"] for goal in answer["goals"]} <= set(TEAM["enum"])
    assert [g["player"] for g in answers[0]["goals"]][:2] == [g["player"] for g in answers[1]["goals"]][:2]
    logs = [Path(server.config.log_path).read_text(encoding="utf-8") for server in servers]
    line = re.compile(r"(\d+) generated;.* (\d+) steps, guessed (\d+), kept (\d+)")
    (generated, steps, guessed, kept), plain_counts = ([int(n) for n in line.findall(log)[-1]] for log in logs)
    assert generated == guessing["usage"]["completion_tokens"]
    assert 10 <= kept <= guessed  # keys and the rest of each "team" value: fed ahead and confirmed
    assert steps + kept == generated  # a step gave one token, the kept guesses the rest; no step for the end
    assert plain_counts[2] == 0 and plain_counts[1] == plain_counts[0] + 1  # a step a token, one more to end
