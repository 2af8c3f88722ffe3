"""The default path, for real: a short article through the whole pipeline and the embedded model.

No recording, no fake: extractor assembles/verifies the model, starts llama.cpp, renders the
prompt, calls it through openai + instructor, validates and grounds the answer, then stops the
server. Slow (~1 min on 2 cores) but it keeps the default path from rotting unnoticed.
"""

import pytest

from extractor import Settings, aextract

ARTICLE = (
    "Brondby beat Randers 2-0 at Brondby Stadium on Sunday in the Superliga.\n"
    "Mikael Uhre scored in the 12th minute and Simon Hedlund added the second goal in the 70th minute.\n"
)


@pytest.mark.embedded
async def test_short_article_end_to_end_with_the_embedded_model():
    record = await aextract(ARTICLE, Settings(backend="embedded"), source="short.txt")
    assert record.status == "ok", record.error
    assert record.backend == "embedded" and record.model == "qwen2.5-coder-1.5b-instruct-q4_k_m"
    assert record.language == "en" and record.prompt is not None and record.prompt.id == "match_report/staged/en"
    assert record.attempts >= 1 and record.usage.prompt_tokens > 0 and record.usage.completion_tokens > 0
    assert record.result is not None
    matches = record.result["matches"]
    assert len(matches) == 1
    match = matches[0]
    assert {match["home_team"], match["away_team"]} == {"Brondby", "Randers"}
    assert sorted([match["home_score"], match["away_score"]]) == [0, 2]
    assert {g["player"].split()[-1] for g in match["goals"]} <= {"Uhre", "Hedlund"}
    assert record.attempts >= 2  # the staged default: the matches, then one question for this match
    for span in record.grounding:  # every grounded fact slices back to its words in the article
        assert span.start is not None and span.end is not None
        assert ARTICLE[span.start : span.end].casefold() == span.quote.casefold() or span.partial
