"""Boilerplate removal and the offset map back to the original text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractor.cleaning import CleanText, clean
from extractor.documents import read_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return read_document(path, 1_000_000).text


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def _is_sentence(line: str) -> bool:
    return len(line.split()) >= 8 and bool(re.search(r"[.!?][\"'”’]?\s*$", line))


# ---------------------------------------------------------------- seeds


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_article_sentence_survives(seed: Path) -> None:
    text = read_document(seed, 1_000_000).text
    cleaned = clean(text)
    kept = set(_lines(cleaned.text))
    for line in _lines(text):
        if _is_sentence(line):
            assert line in kept, line


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_clean_character_maps_to_the_same_original_character(seed: Path) -> None:
    cleaned = clean(read_document(seed, 1_000_000).text)
    for offset, char in enumerate(cleaned.text):
        assert cleaned.original[cleaned.to_original(offset)] == char


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_quotes_from_clean_text_locate_to_the_same_original_substring(seed: Path) -> None:
    cleaned = clean(read_document(seed, 1_000_000).text)
    quotes = [line.strip() for line in _lines(cleaned.text)]  # a span never includes outer whitespace
    quotes += [cleaned.text[i : i + 45].strip() for i in range(0, len(cleaned.text) - 45, 97)]
    for quote in quotes:
        if "\n" in quote or not quote:
            continue
        span = cleaned.locate(quote)
        assert span is not None, quote
        start, end = span
        assert cleaned.original[start:end] == quote


def test_seed_000_drops_ads_links_and_share() -> None:
    text = _seed("000")
    cleaned = clean(text)
    assert set(cleaned.removed) == {
        "ADVERTISEMENT",
        "___",
        "More AP soccer: https://apnews.com/Soccer and https://twitter.com/AP_Sports",
        "share",
    }
    assert cleaned.text.startswith("Atalanta rescues 1-1 draw against Midtjylland")
    assert cleaned.text.rstrip().endswith('maybe I should play him up front."')
    assert "\n\n\n" not in cleaned.text


@pytest.mark.parametrize("prefix", ["001", "004"])
def test_clean_articles_are_untouched(prefix: str) -> None:
    text = _seed(prefix)
    cleaned = clean(text)
    assert cleaned.removed == ()
    assert cleaned.text == text.strip("\n")


def test_seed_002_trailing_headlines_are_dropped() -> None:
    text = _seed("002")
    cleaned = clean(text)
    lines = text.split("\n")
    article = lines[: lines.index("/ritzau/")]
    kept = _lines(cleaned.text)
    assert kept == [line for line in article if line.strip()]  # every article line, in order
    assert kept[-1] in ("/ritzau/", article[-1])
    for noise in ("TOPNYHED", "EKSKLUSIVT", "DAGENS SPILFORSLAG", "Højlund roser FC Københavns fans"):
        assert noise not in kept
    assert "Ekspert hylder Brøndbys købmandsskab: Det er flot!" in cleaned.removed
    assert len(text) > 5_500
    assert len(cleaned.text) < 3_000


def test_seed_003_round_up_keeps_every_paragraph() -> None:
    text = _seed("003")
    cleaned = clean(text)
    lines = _lines(text)
    last_prose = next(i for i, line in enumerate(lines) if line.startswith("Kijk wat je leuk vindt"))
    kept = set(_lines(cleaned.text))
    assert all(line in kept for line in lines[: last_prose + 1])


# ---------------------------------------------------------------- rules


def test_standalone_boilerplate_anywhere() -> None:
    text = (
        "Roma drew 1-1 with Atalanta at the Stadio Olimpico on Thursday night.\n"
        "ADVERTISEMENT\n"
        "Share\n"
        "* * *\n"
        "https://example.com/live\n"
        "Read more: https://example.com/a and https://example.com/b\n"
        "Bryan Cristante equalised with a long-range strike in the 75th minute.\n"
        "AC MILAN\n"
        "Tickets and the full statement are on the club website https://example.com/statement today.\n"
    )
    cleaned = clean(text)
    assert cleaned.removed == (
        "ADVERTISEMENT",
        "Share",
        "* * *",
        "https://example.com/live",
        "Read more: https://example.com/a and https://example.com/b",
    )
    assert "AC MILAN" in cleaned.text  # two ALL-CAPS words may be a heading: kept
    assert "club website https://example.com/statement today." in cleaned.text


NAV = ["TOPNYHED", "Brøndby præsenterer stor profil", "EKSKLUSIVT", "Ruben Amorim på vej til ny storklub?",
       "MEDIE", "Afsløring: FC København enig med Rosenborg", "Han skal væk fra FC Midtjylland"]  # fmt: skip
ARTICLE = (
    "FC Midtjylland hentede et point mod Atalanta i Bergamo tirsdag aften.\n\n"
    "Alexander Scholz bragte gæsterne foran, men Romero udlignede til 1-1."
)


def test_trailing_navigation_block_is_dropped() -> None:
    cleaned = clean(ARTICLE + "\n\n" + "\n".join(NAV) + "\n")
    assert cleaned.text == ARTICLE
    assert cleaned.removed == tuple(NAV)


def test_a_short_trailing_run_is_kept() -> None:
    text = ARTICLE + "\n" + "\n".join(NAV[1:2] + NAV[3:4] + NAV[5:7])
    assert clean(text).text == text


def test_short_question_ending_the_article_is_kept() -> None:
    text = ARTICLE + "\nHvem kan stoppe dem?\n" + "\n".join(NAV)
    assert clean(text).text == ARTICLE + "\nHvem kan stoppe dem?"


def test_trailing_fact_box_is_not_navigation() -> None:
    box = [
        "Goals: Scholz 13', Romero 79'",
        "Atalanta: Gollini; Toloi, Romero, Djimsiti",
        "Midtjylland: Hansen; Cools, Scholz, Hoegh",
        "Referee: Ovidiu Hategan",
        "Attendance: none",
    ]
    text = ARTICLE + "\n\n" + "\n".join(box)
    cleaned = clean(text)
    assert all(line in cleaned.text for line in box[:3])


def test_unspaced_scripts_are_not_mistaken_for_headlines() -> None:
    paragraphs = [
        "浦和レッズ 2-1 鹿島アントラーズ",
        "浦和レッズは土曜日、埼玉スタジアムで鹿島アントラーズに2対1で勝利した。",
        "前半に先制した浦和は後半に追いつかれたが、終了間際に決勝点を挙げた。",
        "監督は試合後、選手たちの粘り強さを称えた。",
        "鹿島は3試合ぶりの黒星となった。",
        "次節は来週の日曜日に行われる。",
        "浦和は首位との勝ち点差を縮めた",
    ]
    text = "\n\n".join(paragraphs)
    assert clean(text).text == text


def test_text_without_prose_is_left_alone() -> None:
    text = "\n".join(NAV[1::2] + NAV[1::2])
    assert clean(text).text == text


def test_blank_lines_are_tidied() -> None:
    cleaned = clean("\n\nFirst paragraph.\n\nADVERTISEMENT\n\n\nSecond paragraph.\n\n\n")
    assert cleaned.text == "First paragraph.\n\nSecond paragraph."
    assert clean("").text == ""
    assert clean("").to_original(0) == 0


# ---------------------------------------------------------------- offsets


def test_to_original_bounds() -> None:
    cleaned = clean("ADVERTISEMENT\nSome real text here.\n")
    assert cleaned.text == "Some real text here."
    assert cleaned.to_original(0) == len("ADVERTISEMENT\n")
    assert cleaned.to_original(len(cleaned.text)) == len(cleaned.original) - 1
    with pytest.raises(ValueError):
        cleaned.to_original(len(cleaned.text) + 1)
    with pytest.raises(ValueError):
        cleaned.to_original(-1)


def _located(cleaned: CleanText, quote: str) -> str | None:
    span = cleaned.locate(quote)
    return None if span is None else cleaned.original[span[0] : span[1]]


def test_locate_tolerates_quotes_whitespace_dashes_and_case() -> None:
    cleaned = clean(_seed("000"))
    assert _located(cleaned, "Alexander Scholz's first-half opener") == "Alexander Scholz’s first-half opener"
    assert (
        _located(cleaned, "\"It wasn't easy,  we haven't qualified yet") == "“It wasn’t easy, we haven’t qualified yet"
    )
    assert _located(cleaned, "BERGAMO, Italy (AP) - FC Midtjylland") == "BERGAMO, Italy (AP) — FC Midtjylland"
    assert _located(cleaned, "center-back cristian romero scored") == "Center-back Cristian Romero scored"
    assert _located(cleaned, '"scoring just two."') == "scoring just two."
    assert _located(cleaned, "Atalanta won 3-0 at Anfield") is None
    assert cleaned.locate("   ") is None


def test_locate_across_a_paragraph_break_and_a_removed_line() -> None:
    cleaned = clean(_seed("000"))
    span = cleaned.locate("Jesper Hansen said. Atalanta moved into the second spot")
    assert span is not None
    found = cleaned.original[span[0] : span[1]]
    assert found.startswith("Jesper Hansen said.") and found.endswith("Atalanta moved into the second spot")
    assert "ADVERTISEMENT" in found  # the original span covers what was removed in between


def test_locate_falls_back_to_the_original() -> None:
    cleaned = clean(_seed("002"))
    assert _located(cleaned, "Brøndby præsenterer stor profil") == "Brøndby præsenterer stor profil"


def test_a_popular_posts_list_after_the_article_goes_with_its_results() -> None:
    tail = ["Comments", "Popular posts from this blog", "Deal sealed with a new sponsor", "Richard Hill",
            "Eastleigh 3-1 Newport County"]  # fmt: skip
    cleaned = clean(ARTICLE + "\n\n" + "\n".join(tail) + "\n")
    assert cleaned.text == ARTICLE
    # a label with article text after it stays (Bild's "Auch Interessant" widget mid-article)
    middle = ARTICLE + "\nMost read\n" + ARTICLE
    assert clean(middle).text == middle


def test_a_read_also_link_line_is_boilerplate() -> None:
    text = ARTICLE + "\nLees ook: ADO Den Haag wint op zouteloze namiddag\n" + ARTICLE
    assert "Lees ook: ADO Den Haag wint op zouteloze namiddag" in clean(text).removed


def test_markup_goes_and_every_kept_character_still_maps_to_its_original() -> None:
    text = (
        "Kreisliga\n"
        'SPAN class="txt12bb">Güsten - Schwarz-Gelb 2:3 (1:1)\n'
        "A <b>bold</b> word in a sentence of the report.\n"
        "<image>\n</image>\n"
        "The keeper held on, 3<4 and x>2 stay as written."
    )
    cleaned = clean(text)
    assert cleaned.text.splitlines()[1] == "Güsten - Schwarz-Gelb 2:3 (1:1)"
    assert "A bold word in a sentence of the report." in cleaned.text
    assert "<" not in cleaned.text.replace("3<4", "") and "SPAN" not in cleaned.text
    assert "3<4 and x>2" in cleaned.text
    for offset, char in enumerate(cleaned.text):
        assert text[cleaned.to_original(offset)] == char
    assert 'SPAN class="txt12bb">' in cleaned.removed and "<image>" in cleaned.removed
    start, end = cleaned.locate("Güsten - Schwarz-Gelb 2:3") or (0, 0)
    assert text[start:end] == "Güsten - Schwarz-Gelb 2:3"
