from pathlib import Path

import pytest

from extractor.errors import PromptError
from extractor.prompts import PromptSet, load_prompt
from extractor.tasks import load_task

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def task():
    return load_task("match_report", ROOT)


def test_every_prompt_loads_and_declares_task_language_version(task):
    prompts = PromptSet(task)
    languages = {p.spec.language for p in prompts}
    assert {"en", "da", "nl", "default"} <= languages
    for prompt in prompts:
        assert prompt.spec.task == "match_report"
        variant = f"{prompt.variant}/" if prompt.variant else ""
        assert prompt.id == f"match_report/{variant}{prompt.spec.language}"
        assert len(prompt.sha256) == 64
    assert {"staged", "naive", ""} <= set(prompts.variants)
    staged = {p.spec.language for p in prompts if p.variant == "staged"}
    assert {"en", "da", "nl", "de", "es", "fr", "it", "default"} <= staged


def test_a_staged_prompt_renders_the_article_before_every_question(task):
    prompt = PromptSet(task).select("de", None, "staged")
    context = {"home_team": "A", "away_team": "B", "home_score": 2, "away_score": 1, "cards_mentioned": False}
    first = prompt.render_step("results", "TEXT", "de", {"score": "2:1", "passage": "A gewann 2:1 gegen B."})
    second = prompt.render_step("details", "TEXT", "de", context)
    assert first[:-1] == second[:-1]  # one shared prefix: system, then the article with its notes
    assert "Eigentor" in first[1]["content"] and "TEXT" in first[1]["content"]
    assert '"A" or "B"' in second[-1]["content"] and "at most 3" in second[-1]["content"]
    assert first[-1]["content"].endswith('Score: 2:1\nPassage: "A gewann 2:1 gegen B."')  # the passage last


def test_selection_by_language_and_fallback(task):
    prompts = PromptSet(task)
    assert prompts.select("da").spec.language == "da"
    assert prompts.select("nl").spec.language == "nl"
    assert prompts.select("fi").spec.language == "default"
    assert prompts.select(None).spec.language == "default"
    assert prompts.select("en", forced="default").spec.language == "default"
    with pytest.raises(PromptError, match="no prompt 'xx'"):
        prompts.select("en", forced="xx")


def test_article_comes_last_and_fixed_prefix_is_shared(task):
    prompts = PromptSet(task)
    en = prompts.select("en")
    a = en.render("Article one text", "en")
    b = en.render("Another article", "en")
    assert a[-1]["role"] == "user" and "Article one text" in a[-1]["content"]
    assert a[:-1] == b[:-1]  # same prefix: the server's KV cache can reuse it
    assert all("Article one text" not in m["content"] for m in a[:-1])
    # ...and across languages: only the last message (language notes + article) differs
    assert prompts.select("da").render("Article one text", "da")[:-1] == a[:-1]
    assert "Danish" in prompts.select("da").render("x", "da")[-1]["content"]


def test_hash_changes_with_content_not_with_article(task, tmp_path):
    en = PromptSet(task).select("en")
    text = en.path.read_text(encoding="utf-8")
    changed = tmp_path / "en.toml"
    changed.write_text(text.replace("You extract football", "You carefully extract football"), encoding="utf-8")
    assert load_prompt(changed, task).sha256 != en.sha256
    same = tmp_path / "same.toml"
    same.write_text(text, encoding="utf-8")
    assert load_prompt(same, task).sha256 == en.sha256


def _write(tmp_path, body: str) -> Path:
    path = tmp_path / "p.toml"
    path.write_text(body, encoding="utf-8")
    return path


BASE = 'task = "match_report"\nlanguage = "en"\nversion = "1.0.0"\nsystem = "s"\nuser = "{{ text }}"\n'


def test_unknown_key_is_an_error(task, tmp_path):
    with pytest.raises(PromptError, match="temperature"):
        load_prompt(_write(tmp_path, BASE + "temperature = 0.5\n"), task)


def test_wrong_task_bad_version_bad_language_are_errors(task, tmp_path):
    with pytest.raises(PromptError, match="declares task"):
        load_prompt(_write(tmp_path, BASE.replace('"match_report"', '"other"')), task)
    with pytest.raises(PromptError, match="version"):
        load_prompt(_write(tmp_path, BASE.replace('"1.0.0"', '"latest"')), task)
    with pytest.raises(PromptError, match="language"):
        load_prompt(_write(tmp_path, BASE.replace('"en"', '"english"')), task)


def test_example_must_fit_the_schema(task, tmp_path):
    bad = BASE + '[[examples]]\ntext = "x"\noutput = \'{"matches": [{"home_team": "A"}]}\'\n'
    with pytest.raises(PromptError, match="example 1 does not fit"):
        load_prompt(_write(tmp_path, bad), task)


def test_template_is_sandboxed_and_strict(task, tmp_path):
    sneaky = BASE.replace('user = "{{ text }}"', 'user = "{{ text.__class__.__mro__ }}"')
    with pytest.raises(PromptError):
        load_prompt(_write(tmp_path, sneaky), task)
    undefined = BASE.replace('user = "{{ text }}"', 'user = "{{ nonexistent }}"')
    with pytest.raises(PromptError, match="nonexistent"):
        load_prompt(_write(tmp_path, undefined), task)


def test_grammar_schema_requires_every_key_but_keeps_nulls(task):
    from extractor.llm.call import grammar_schema

    schema = grammar_schema(task.root_model)
    match = schema["$defs"]["Match"]
    assert match["required"] == list(match["properties"])
    assert {"type": "null"} in match["properties"]["venue"]["anyOf"]
    assert task.root_model.model_json_schema()["$defs"]["Match"]["required"] != match["required"]
