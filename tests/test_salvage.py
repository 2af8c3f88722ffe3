"""Keep what is valid: grounding, task checks and salvage on real article text (no model)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from extractor.cleaning import clean
from extractor.grounding import Grounder
from extractor.salvage import NothingValid, refine, spans, validate_salvaging
from schemas.match_report import CHECKS, PLAN, MatchReport, MatchStub, parse_minute

ROOT = Path(__file__).resolve().parents[1]
SEED_AP = (ROOT / "seeds" / "000_3123577258f80585.txt").read_text(encoding="utf-8")


def match(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "competition": None, "stage": None, "date": None, "venue": None,
        "home_team": "Atalanta", "away_team": "Midtjylland", "home_score": 1, "away_score": 1,
        "home_coach": None, "away_coach": None, "goals": [], "cards": [], "evidence": None,
    }  # fmt: skip
    base.update(fields)
    return base


def goal(player: str, team: str, minute: int | None) -> dict[str, Any]:
    return {"player": player, "team": team, "minute": minute, "penalty": False, "own_goal": False, "assist": None}


def refined(data: dict[str, Any], text: str = SEED_AP) -> tuple[dict[str, Any], list[Any]]:
    value, warnings = refine(MatchReport, data, Grounder(clean(text)), CHECKS)
    return value.model_dump(mode="json"), warnings


def test_salvage_keeps_the_valid_match_and_lists_each_dropped_goal() -> None:
    data = {
        "matches": [
            match(goals=[goal("Alexander Scholz", "Midtjylland", 13), goal("Cristian Romero", "Atalanta", 79),
                         goal("Hans Hateboer", "Atalanta", 60)]),
        ]
    }  # fmt: skip
    result, warnings = refined(data)
    assert [m["home_team"] for m in result["matches"]] == ["Atalanta"]
    kept = [g["player"] for g in result["matches"][0]["goals"]]
    assert kept == ["Alexander Scholz", "Cristian Romero"]
    dropped = [w for w in warnings if w.path == "matches[0].goals[2]"]
    assert len(dropped) == 1 and dropped[0].dropped["player"] == "Hans Hateboer"
    assert "score is 1" in dropped[0].message


def test_a_goal_for_a_third_team_is_dropped_not_the_document() -> None:
    data = {"matches": [match(goals=[goal("Alexander Scholz", "Ajax", 13)])]}
    result, warnings = refined(data)
    assert result["matches"][0]["goals"] == []
    assert any("neither" in w.message for w in warnings)


def test_invented_match_and_ungrounded_date_are_dropped_with_warnings() -> None:
    data = {
        "matches": [
            match(date="2023-03-04"),
            match(home_team="Chelsea", away_team="Manchester City", home_score=0, away_score=0),
        ]
    }
    result, warnings = refined(data)
    assert len(result["matches"]) == 1
    assert result["matches"][0]["date"] is None
    rules = {(w.path, w.rule) for w in warnings}
    assert ("matches[0].date", "date_not_in_text") in rules
    assert ("matches[1]", "not_in_text") in rules


def test_a_match_between_two_players_is_a_running_score_and_is_dropped() -> None:
    text = (
        "Med hjælp fra to australske selvmål besejrede Danmark Australien med 3-2 i en testkamp.\n\n"
        "Mary Fowler bankede bolden i mål til 1-3 i 87. minut, og kort inde i tillægstiden blev det så 2-3 ved "
        "Clare Polkinghorne.\n"
    )
    people = match(home_team="Mary Fowler", away_team="Clare Polkinghorne", home_score=2, away_score=3,
                   goals=[goal("Mary Fowler", "Mary Fowler", 87)])  # fmt: skip
    real = match(home_team="Danmark", away_team="Australien", home_score=3, away_score=2)
    result, warnings = refined({"matches": [real, people]}, text)
    assert [(m["home_team"], m["away_team"]) for m in result["matches"]] == [("Danmark", "Australien")]
    assert any(w.rule == "teams_are_people" and w.path == "matches[1]" for w in warnings)
    # clubs are not people, even when the model lists one as a scorer
    clubs = match(home_team="Borussia Mönchengladbach", away_team="Sjachtar Donetsk", home_score=4, away_score=0,
                  goals=[goal("Borussia Mönchengladbach", "Borussia Mönchengladbach", None)])  # fmt: skip
    text = "Borussia Mönchengladbach had Sjachtar Donetsk andermaal een pandoering verkocht (4-0)."
    result, warnings = refined({"matches": [clubs]}, text)
    assert [m["home_team"] for m in result["matches"]] == ["Borussia Mönchengladbach"]


def test_a_scorer_takes_the_team_whose_line_up_lists_him() -> None:
    text = (
        "El Teruel pierde dos puntos en Badalona en el último minuto: 2-2.\n\nFicha técnica\n\n"
        "2 - CF Badalona: Marcos, Vazquez, Pelegri, Xabi Muñoz, Ferrón, Manga, Joaquín, Gallegos, Alex Garcia, "
        "Manolo Bueno y Rober.\n\n2 - CD Teruel: Bodo, Pablo, Monforte, César, Gerardo, Valleros, Victor Salas, "
        "Bruno, Souto, Negral y Aimar.\n\nSouto marcó de cabeza en el 26 y Manga empató en el 30.\n"
    )
    goals = [goal("Souto", "Badalona", 26), goal("Manga", "Teruel", 30)]
    data = {"matches": [match(home_team="Badalona", away_team="Teruel", home_score=2, away_score=2, goals=goals)]}
    result, warnings = refined(data, text)
    assert [(g["player"], g["team"]) for g in result["matches"][0]["goals"]] == [
        ("Souto", "Teruel"), ("Manga", "Badalona")
    ]
    assert {w.rule for w in warnings} >= {"team_from_lineup"}


def test_a_score_absent_from_the_text_drops_the_match() -> None:
    result, warnings = refined({"matches": [match(home_score=3, away_score=0)]})
    assert result["matches"] == []
    assert warnings[0].rule == "score_not_in_text"


def test_a_card_with_no_card_word_nearby_is_dropped() -> None:
    card = {"player": "Cristian Romero", "team": "Atalanta", "minute": None, "card": "yellow"}
    result, warnings = refined({"matches": [match(cards=[card])]})
    assert result["matches"][0]["cards"] == []
    assert warnings[0].rule == "no_card_in_text"


def test_grounded_spans_slice_back_to_the_original_text() -> None:
    result, _ = refined({"matches": [match(goals=[goal("Alexander Scholz", "Midtjylland", 13)], venue=None)]})
    found = spans(MatchReport, result, Grounder(clean(SEED_AP)))
    assert found, "no grounded values"
    for span in found:
        assert span.start is not None and span.end is not None
        assert SEED_AP[span.start : span.end].casefold() == span.quote.casefold() or span.partial


def test_spans_in_a_non_latin_script_and_with_accents() -> None:
    text = "Матч закончился: «Зенит» — «Спартак» 2:1.\nGol de Müller e di Nicolò Barella al 90'+2."
    grounder = Grounder(clean(text))
    for value in ("Спартак", "зенит", "Muller", "NICOLO BARELLA"):
        span = grounder.locate(value)
        assert span is not None, value
        assert grounder.original(span).casefold().replace("ü", "u").replace("ò", "o") == value.casefold()
    assert grounder.locate("Inter") is None  # word edges: not inside "Internazionale" or similar
    assert Grounder(clean("Internazionale won")).locate("Inter") is None


def test_nothing_valid_raises() -> None:
    with pytest.raises(NothingValid):
        validate_salvaging(MatchStub, {"home_team": 3})


def test_the_per_match_schema_admits_only_its_two_teams() -> None:
    details = PLAN.step("details").model({"home_team": "Atalanta", "away_team": "Midtjylland", "home_score": 1,
                                   "away_score": 1, "index": 0})  # fmt: skip
    schema = json.dumps(details.model_json_schema())
    assert '"enum": ["Atalanta", "Midtjylland"]' in schema
    assert '"maxItems": 2' in schema
    answer = {"competition": None, "venue": None, "cards": []}
    good = {"player": "Scholz", "team": "Midtjylland", "minute": "13"}
    details.model_validate({**answer, "goals": [good]})
    with pytest.raises(ValidationError):
        details.model_validate({**answer, "goals": [{**good, "team": "Ajax"}]})
    with pytest.raises(ValidationError):
        details.model_validate({**answer, "goals": [good, good, good]})


@pytest.mark.parametrize(
    ("written", "minute"),
    [("13", 13), ("13'", 13), ("in the 13th minute", 13), ("90+2", 92), ("90.+3", 93), ("90e+1", 91),
     ("4' st", 49), ("12' pt", 12), ("11 minutes from time", 79), ("with 20 minutes remaining", 70),
     ("within 11 minutes of a first ever victory", 79),
     ("fem minutter inde i anden halvleg", 50), ("seven minutes from time", 83), ("(38.)", 38),
     ("in the eighth minute", 8), ("a fourth-minute header", 4), ("huitième minute", 8), ("in der achten Minute", 8),
     ("in de achtste minuut", 8), ("en el minuto ocho", 8), ("i det ottende minut", 8),
     ("twenty minutes from time", 70), ("second half", None), ("in the first minute of added time", 91),
     ("third minute of first-half stoppage time", 48), ("2 minutes into stoppage time", 92),
     ("late", None), (None, None), ("200", None)],
)  # fmt: skip
def test_minutes_as_written_become_match_minutes(written: str | None, minute: int | None) -> None:
    assert parse_minute(written) == minute


def test_results_lines_are_read_by_code_home_first() -> None:
    text = "Superligaen 24. runde Fredag OB-Vejle 0-1 Søndag Randers FC-FC Nordsjælland 3-4 Mandag Lyngby-AaB 2-2\n"
    from schemas.match_report import listed_results

    found = [(s.home_team, s.home_score, s.away_score, s.away_team) for s in listed_results(text)]
    assert found == [("OB", 0, 1, "Vejle"), ("Randers FC", 3, 4, "FC Nordsjælland"), ("Lyngby", 2, 2, "AaB")]
    assert listed_results("Der Treffer von Bayern-Profi Leon Goretzka zum 1:0 fiel spät.") == []


def test_a_minute_written_against_the_name_wins() -> None:
    from schemas.match_report.minutes import _attached_minutes

    grounder = Grounder(clean("Die Tore: 27. Awoniyi 0:1, 36. Skhiri 1:1. Barella 12' st e Lautaro (45+2)."))
    assert _attached_minutes(grounder, "Awoniyi") == {27}
    assert _attached_minutes(grounder, "Skhiri") == {36}
    assert _attached_minutes(grounder, "Nicolò Barella") == {57}
    assert _attached_minutes(grounder, "Lautaro") == {47}


@pytest.mark.parametrize(
    ("text", "date", "stated"),
    [("Updated Dec. 1, 2020 6:20 p.m.", "2020-12-01", True), ("on Tuesday (Dec 1)", "2020-12-01", True),
     ("am 24. April", "2021-04-24", True), ("le 3 mars 2022", "2022-03-03", True), ("21.11.2020", "2020-11-21", True),
     (" date 2019-09 and 10 shots in 2019", "2019-09-10", False), ("Porto beat Braga", "2023-03-04", False)],
)  # fmt: skip
def test_a_date_needs_its_day_and_month_in_the_text(text: str, date: str, stated: bool) -> None:
    from extractor.grounding import fold_text
    from schemas.match_report import date_stated

    assert date_stated(fold_text(text), date) is stated


def test_three_copies_of_one_goal_cost_the_copies_not_the_match() -> None:
    copies = [goal("Alexander Scholz", "Midtjylland", None) for _ in range(3)]
    data = {"matches": [match(home_score=1, away_score=3, goals=copies)]}
    value, warnings = validate_salvaging(MatchReport, data)
    kept = value.model_dump()["matches"]
    assert len(kept) == 1 and len(kept[0]["goals"]) == 1
    assert [w.rule for w in warnings] == ["value_error", "value_error"]


def test_seven_copies_of_one_goal_cost_the_copies_not_the_match() -> None:
    # a model looping on "una doppietta di Veronesi": one copy removed at a time, each with its warning
    copies = [goal("Veronesi", "Mirandolese", None) for _ in range(7)]
    data = {"matches": [match(home_team="Polisportiva Saliceta", away_team="Mirandolese", home_score=4,
                              away_score=2, goals=copies)]}  # fmt: skip
    value, warnings = validate_salvaging(MatchReport, data)
    kept = value.model_dump()["matches"]
    assert [(m["home_team"], len(m["goals"])) for m in kept] == [("Polisportiva Saliceta", 1)]
    assert len(warnings) == 6 and all(w.path.startswith("matches[0].goals[") for w in warnings)
    assert "7 times" in warnings[0].message and "2 times" in warnings[-1].message


def test_a_scorer_listed_for_both_teams_keeps_the_side_the_text_gives() -> None:
    text = "Lyngby - AaB 2-2\n0-1 Mathias Ross (55), 1-1 Magnus Warming (63)\nRoss stangede et hjørnespark i nettet."
    data = {"matches": [match(home_team="Lyngby", away_team="AaB", home_score=2, away_score=2,
                              goals=[goal("Mathias Ross", "Lyngby", 55),
                                     goal("Mathias Ross", "AaB", 55)])]}  # fmt: skip
    result, warnings = refined(data, text)
    assert [(g["player"], g["team"]) for g in result["matches"][0]["goals"]] == [("Mathias Ross", "AaB")]
    assert any(w.path == "matches[0].goals[1]" and w.dropped for w in warnings)


def test_a_scorer_for_both_teams_with_nothing_to_decide_is_dropped_twice() -> None:
    text = "Lyngby - AaB 2-2 (Ross, Warming). Ross scorede."
    data = {"matches": [match(home_team="Lyngby", away_team="AaB", home_score=2, away_score=2,
                              goals=[goal("Ross", "Lyngby", None), goal("Ross", "AaB", None)])]}  # fmt: skip
    result, warnings = refined(data, text)
    assert result["matches"][0]["goals"] == []
    assert sum(w.rule == "scorer_for_both_teams" for w in warnings) == 2



@pytest.mark.parametrize(
    "text",
    [
        "Monaco a grimpé dimanche : Minamino leur a offert une victoire 3-2 au dernier souffle à Lens.",
        "Il Monaco vince 3-2 a Lens nel recupero.",
        "Monaco won met 3-2 bij Lens in de slotfase.",
    ],
)
def test_a_win_at_a_club_in_french_italian_or_dutch_makes_it_home(text: str) -> None:
    data = {"matches": [match(home_team="Monaco", away_team="Lens", home_score=3, away_score=2)]}
    result, _ = refined(data, text)
    got = result["matches"][0]
    assert (got["home_team"], got["home_score"], got["away_score"], got["away_team"]) == ("Lens", 2, 3, "Monaco")


def test_the_team_the_article_says_was_visited_is_home() -> None:
    text = "Leverkusen gewinnt 2:0 in Köln. Brandt trifft zum 0:1 (39.). Dann geht es erst richtig los."
    data = {"matches": [match(home_team="Leverkusen", away_team="Köln", home_score=2, away_score=0,
                              goals=[goal("Brandt", "Leverkusen", 39)])]}  # fmt: skip
    result, warnings = refined(data, text)
    got = result["matches"][0]
    assert (got["home_team"], got["home_score"], got["away_score"], got["away_team"]) == ("Köln", 0, 2, "Leverkusen")
    assert got["goals"][0]["team"] == "Leverkusen"
    assert {w.rule for w in warnings} >= {"home_from_text"}


def test_an_italian_set_up_gives_the_goal_to_the_player_served_and_a_passive_one_does_not() -> None:
    text = (
        "Al 60′ passano i polacchi: Makuch chiude il triangolo servendo in area Brunes, che trafigge il portiere."
        " Al 62′ Ndour viene servito da Mandragora e mette la palla nel sette. La Fiorentina vince 2-1 sul Rakow."
    )
    data = {"matches": [match(home_team="Fiorentina", away_team="Rakow", home_score=2, away_score=1,
                              goals=[goal("Makuch", "Rakow", 60), goal("Ndour", "Fiorentina", 62)])]}  # fmt: skip
    result, _ = refined(data, text)
    assert [g["player"] for g in result["matches"][0]["goals"]] == ["Brunes", "Ndour"]


def test_a_scorer_the_article_says_set_the_goal_up_gives_it_to_the_player_he_set_up() -> None:
    text = (
        "Defender Alexander Scholz put Midtjylland ahead. Midtjylland took the lead on 13 minutes when striker"
        " Sory Kaba chested the ball into the path of Scholz and the centre back thrashed it into the top corner."
        " Atalanta lost 0-1 at home (a 0-2 had looked likely)."
    )
    data = {"matches": [match(home_team="Atalanta", away_team="Midtjylland", home_score=0, away_score=1,
                              goals=[goal("Sory Kaba", "Midtjylland", 13)])]}  # fmt: skip
    result, warnings = refined(data, text)
    assert [g["player"] for g in result["matches"][0]["goals"]] == ["Alexander Scholz"]
    assert {w.rule for w in warnings} >= {"assister_not_scorer"}
    # the player set up is already a scorer of the match: nothing changes
    goals = [goal("Sory Kaba", "Midtjylland", 13), goal("Scholz", "Midtjylland", 50)]
    both = {"matches": [match(home_team="Atalanta", away_team="Midtjylland", home_score=0, away_score=2, goals=goals)]}
    assert [g["player"] for g in refined(both, text)[0]["matches"][0]["goals"]] == ["Sory Kaba", "Scholz"]
    # "X's cross was converted by Y": the possessive and the passive
    passive = ("Millwall beat London Bees 1-0. The only goal came in the twelfth minute, when Amy Gale's cross"
               " was converted by Megan Wynn.")  # fmt: skip
    data = {"matches": [match(home_team="Millwall", away_team="London Bees", home_score=1, away_score=0,
                              goals=[goal("Amy Gale", "Millwall", 12)])]}  # fmt: skip
    assert [g["player"] for g in refined(data, passive)[0]["matches"][0]["goals"]] == ["Megan Wynn"]


def test_a_goal_credited_to_a_coach_or_a_goalkeeper_is_dropped() -> None:
    text = (
        "Hoffenheim-Trainer Julian Nagelsmann jubelte, als Kramaric zum 1:0 traf. Dann hielt Torwart Baumann"
        " einen Elfmeter, und Hoffenheim siegte 1:0 gegen Gladbach."
    )
    goals = [goal("Julian Nagelsmann", "Hoffenheim", None), goal("Kramaric", "Hoffenheim", None),
             goal("Baumann", "Hoffenheim", None)]  # fmt: skip
    data = {"matches": [match(home_team="Hoffenheim", away_team="Gladbach", home_score=1, away_score=0, goals=goals)]}
    result, warnings = refined(data, text)
    assert [g["player"] for g in result["matches"][0]["goals"]] == ["Kramaric"]
    assert sum(w.rule == "scorer_is_coach_or_keeper" for w in warnings) == 2


def test_the_team_set_against_the_visitors_in_its_sentence_is_home() -> None:
    text = (
        "Atalanta missed the chance to go second as AS Roma fought back to earn a 1-1 draw against the 10-man"
        " visitors at the Stadio Olimpico. The match swung in the hosts' favour late on."
    )
    data = {"matches": [match(home_team="Atalanta", away_team="AS Roma", home_score=1, away_score=1)]}
    result, warnings = refined(data, text)
    assert (result["matches"][0]["home_team"], result["matches"][0]["away_team"]) == ("AS Roma", "Atalanta")
    assert {w.rule for w in warnings} >= {"home_from_text"}
    hosts = "Leeds United held on against the hosts for an hour, and Everton won 2-1 in the end."
    data = {"matches": [match(home_team="Leeds United", away_team="Everton", home_score=1, away_score=2)]}
    assert refined(data, hosts)[0]["matches"][0]["home_team"] == "Everton"


def test_the_team_a_sentence_says_received_the_other_is_home() -> None:
    text = "Der var drama, da Aarhus fredag aften tog imod Vejle i 1. division. Aarhus vandt til sidst 1-0."
    data = {"matches": [match(home_team="Vejle", away_team="Aarhus", home_score=1, away_score=0)]}
    result, warnings = refined(data, text)
    assert (result["matches"][0]["home_team"], result["matches"][0]["away_score"]) == ("Aarhus", 1)
    said = next(w.message for w in warnings if w.rule == "home_from_text")
    assert said.endswith("received 'Vejle': it is the home team")
    # the verb must stand between the two teams: "hosted" with no opponent after it says nothing
    alone = "Vejle played well. Aarhus hosted a charity dinner on Friday, and Vejle won 1-0."
    data = {"matches": [match(home_team="Vejle", away_team="Aarhus", home_score=1, away_score=0)]}
    assert refined(data, alone)[0]["matches"][0]["home_team"] == "Vejle"


def test_a_results_line_keeps_its_order_and_no_cue_changes_nothing() -> None:
    listed = "Köln - Leverkusen 0:2\nLeverkusen gewinnt in Köln."
    data = {"matches": [match(home_team="Köln", away_team="Leverkusen", home_score=0, away_score=2)]}
    assert refined(data, listed)[0]["matches"][0]["home_team"] == "Köln"
    plain = "Leverkusen schlägt Köln 2:0."
    data = {"matches": [match(home_team="Leverkusen", away_team="Köln", home_score=2, away_score=0)]}
    result, warnings = refined(data, plain)
    assert result["matches"][0]["home_team"] == "Leverkusen" and not [w for w in warnings if w.rule == "home_from_text"]


def test_an_away_game_against_a_team_makes_it_home() -> None:
    text = "Det kunne være blevet til tre point for Midtjylland i den svære udekamp mod Atalanta. Det endte 1-1."
    data = {"matches": [match(home_team="Midtjylland", away_team="Atalanta")]}
    assert refined(data, text)[0]["matches"][0]["home_team"] == "Atalanta"


def test_a_scorer_with_no_goal_near_his_name_is_dropped() -> None:
    text = (
        "Atalanta 1-2 Midtjylland. Romero headed the equaliser late on.\n"
        "Midtjylland had gone ahead through Scholz in the first half.\n"
        "It was a long trip for the visitors, who flew in on Monday. After the match the Danish club's"
        " captain Pierre Lundquist thanked the travelling fans for their support through a long season.\n"
    )
    data = {"matches": [match(away_score=2, goals=[goal("Romero", "Atalanta", None),
                                                   goal("Pierre Lundquist", "Midtjylland", None),
                                     goal("Scholz", "Midtjylland", None)])]}  # fmt: skip
    result, warnings = refined(data, text)
    assert [g["player"] for g in result["matches"][0]["goals"]] == ["Romero", "Scholz"]
    assert [w.rule for w in warnings if "goals" in w.path] == ["no_goal_in_text"]


def test_penalty_is_read_from_the_words_next_to_the_scorer() -> None:
    from schemas.match_report.prose import _penalty_told

    grounder = Grounder(clean("Kane scored from the penalty spot. Later Son missed a penalty. Rice scored a header."))
    assert _penalty_told(grounder, "Kane")
    assert not _penalty_told(grounder, "Son")
    assert not _penalty_told(grounder, "Rice")


def test_a_club_named_by_one_word_or_a_demonym_gets_its_name_from_the_text() -> None:
    from schemas.match_report.stubs import _club_name

    grounder = Grounder(clean("Dortmund schlägt Inter Mailand 3:2. Die Dortmunder drehten das Spiel gegen Mailand."))
    assert _club_name("Dortmunder", grounder) == "Dortmund"
    assert _club_name("Mailand", grounder) == "Inter Mailand"
    assert _club_name("Inter", grounder) == "Inter"  # already a club's name
    assert _club_name("Leicester", grounder) == "Leicester"


def test_a_pair_naming_one_club_twice_takes_the_opponent_from_the_result_sentence() -> None:
    from schemas.match_report.stubs import _with_opponent

    text = (
        "Atalanta missed the chance to go second on Thursday as AS Roma fought back to earn a 1-1 draw against"
        " the visitors.\nAtalanta led through Malinovskyi. Atalanta then lost Gosens to a red card.\n"
    )
    stub = MatchStub(home_team="Roma", away_team="AS Roma", home_score=1, away_score=1)
    assert _with_opponent(stub, Grounder(clean(text))).away_team == "Atalanta"
    lonely = "AS Roma fought back to earn a 1-1 draw on Thursday.\n"
    assert _with_opponent(stub, Grounder(clean(lonely))) == stub


def test_goals_credited_all_to_the_wrong_sides_are_swapped_only_when_the_swap_fits_the_score() -> None:
    from schemas.match_report.assemble import _sides_that_fit

    stub = MatchStub(home_team="Dortmund", away_team="Inter", home_score=3, away_score=2)
    crossed = [goal("Martinez", "Dortmund", 5), goal("Vecino", "Dortmund", 40), goal("Hakimi", "Inter", 51),
               goal("Brandt", "Inter", 64), goal("Hakimi", "Inter", 77)]  # fmt: skip
    assert [g["team"] for g in _sides_that_fit(crossed, stub)] == ["Inter", "Inter", "Dortmund", "Dortmund", "Dortmund"]
    short = crossed[:4]  # fits as given: nothing to repair
    assert _sides_that_fit(short, stub) == short
    over = [goal("Hakimi", "Inter", 51), goal("Brandt", "Inter", 64), goal("Sancho", "Inter", 80)]
    assert _sides_that_fit(over, stub) == over  # the swap would not fit exactly either


def test_a_card_given_twice_is_kept_once_with_the_nearer_team() -> None:
    from schemas.match_report.assemble import _once_each

    text = "Union Berlin 2-0 Ingolstadt. Ingolstadt's Cohen was booked, and Ingolstadt lost Krauße to a second yellow."
    cards = [
        {"player": "Cohen", "team": "Union Berlin", "minute": None, "card": "yellow"},
        {"player": "Cohen", "team": "Ingolstadt", "minute": None, "card": "yellow"},
        {"player": "Krauße", "team": "Ingolstadt", "minute": None, "card": "second_yellow"},
        {"player": "Krauße", "team": "Ingolstadt", "minute": None, "card": "second_yellow"},
    ]
    kept = _once_each(cards, Grounder(clean(text)))
    assert [(c["player"], c["team"]) for c in kept] == [("Cohen", "Ingolstadt"), ("Krauße", "Ingolstadt")]


def test_an_article_that_lists_its_cards_in_lines_gives_no_card_to_a_match_without_one() -> None:
    text = (
        "* Betis 1-Athletic Bilbao 2. Goles: 60’ Marc Bartra, en contra, 85’ Aitor Paredes (AB); 90+7’ Cedric"
        " Bakambu (B). Exp: 90+10’ Alex Padilla (AB). Ast: 65.222.\n"
        "* Real Madrid 2-Mallorca 1. Goles: 18’ Vedat Muriqi (M); 37’ Arda Güler, 38’ Vinícius Júnior (RM).\n"
    )
    grounder = Grounder(clean(text))
    first = MatchStub(home_team="Betis", away_team="Athletic Bilbao", home_score=1, away_score=2)
    second = MatchStub(home_team="Real Madrid", away_team="Mallorca", home_score=2, away_score=1)
    answers: dict[str, Any] = {"results": [], "details": []}  # both results lines are read by code
    for index, stub in enumerate([first, second]):
        context = {"index": index, **stub.model_dump(), "cards_mentioned": True}
        model = PLAN.step("details").model(context)
        invented = [{"player": "Vedat Muriqi", "team": stub.away_team, "minute": "18", "card": "yellow"}]
        answers["details"].append((context, model(competition=None, venue=None, goals=[], cards=invented)))
    result = PLAN.assemble(answers, grounder)
    betis, madrid = result["matches"]
    assert [(c["player"], c["team"], c["minute"], c["card"]) for c in betis["cards"]] == [
        ("Alex Padilla", "Athletic Bilbao", 100, "red"),
    ]  # fmt: skip
    assert madrid["cards"] == []
    assert [(g["player"], g["team"], g["own_goal"]) for g in madrid["goals"]] == [
        ("Vedat Muriqi", "Mallorca", False), ("Arda Güler", "Real Madrid", False),
        ("Vinícius Júnior", "Real Madrid", False),
    ]  # fmt: skip


def test_a_venue_that_names_the_teams_or_a_derby_and_a_competition_that_is_a_derby_are_nulled() -> None:
    text = "OB-AGF 2-1: a Brabantse derby of the Flensburger Stadtderby kind. OB beat AGF 2-1 and Vejle won 1-0."
    base = {"home_team": "OB", "away_team": "AGF", "home_score": 2, "away_score": 1}
    for venue, competition in (("OB-AGF", None), ("Brabantse derby", "Flensburger Stadtderby")):
        result, warnings = refined({"matches": [match(**base, venue=venue, competition=competition)]}, text)
        assert (result["matches"][0]["venue"], result["matches"][0]["competition"]) == (None, None)
        assert {w.rule for w in warnings} & {"venue_is_a_team", "venue_is_a_derby"}


def test_a_round_ups_matches_without_a_competition_take_the_one_the_others_name() -> None:
    from schemas.match_report.assemble import _one_competition

    matches = [{"competition": "Superligaen"}, {"competition": None}, {"competition": "superligaen"}]
    assert [m["competition"] for m in _one_competition(matches)] == ["Superligaen", "Superligaen", "superligaen"]
    two = [{"competition": "Serie A"}, {"competition": None}, {"competition": "Coppa Italia"}]
    assert _one_competition(two) == two
    once = [{"competition": "Serie A"}, {"competition": None}]
    assert _one_competition(once) == once


def test_a_carded_player_is_no_scorer_unless_a_sentence_without_a_card_tells_of_his_goal() -> None:
    text = "Alpha beat Beta 2-1. Tom Hale was sent off in the 73rd minute.\nSam Price scored twice for Alpha."
    card = {"player": "Tom Hale", "team": "Beta", "minute": 73, "card": "red"}
    data = {"matches": [match(home_team="Alpha", away_team="Beta", home_score=2, away_score=1, cards=[card],
                              goals=[goal("Tom Hale", "Beta", 73), goal("Sam Price", "Alpha", None)])]}  # fmt: skip
    result, warnings = refined(data, text)
    assert [g["player"] for g in result["matches"][0]["goals"]] == ["Sam Price"]
    assert "carded_not_scorer" in {w.rule for w in warnings}
    scored = text + " Tom Hale had headed Beta level before that."
    result, _ = refined(data, scored)
    assert [g["player"] for g in result["matches"][0]["goals"]] == ["Tom Hale", "Sam Price"]


def test_the_derby_at_a_club_makes_it_home() -> None:
    text = "Een eigen goal van Jan Mol in de Overijsselse derby bij FC Twente (5-0). Heracles verloor."
    data = {"matches": [match(home_team="Heracles", away_team="FC Twente", home_score=0, away_score=5)]}
    result, warnings = refined(data, text)
    assert (result["matches"][0]["home_team"], result["matches"][0]["home_score"]) == ("FC Twente", 5)
    assert "home_from_text" in {w.rule for w in warnings}


def test_a_round_up_scorer_stays_with_the_match_whose_clubs_the_article_names_by_a_word_near_him() -> None:
    text = (
        "Hannover 96 - Borussia Dortmund 4:2. " + "Der Aufsteiger spielt stark und kontert schnell. " * 6
        + "Die Tore von Zagorski (27.) reichen für Dortmund nicht.\n"
        "Bayer Leverkusen - 1. FC Köln 2:1. Bailey (54.) trifft für Leverkusen.\n"
    )  # "Borussia Dortmund" is written far from Zagorski, "Bayer Leverkusen" near him, "Dortmund" next to him
    first = match(home_team="Hannover 96", away_team="Borussia Dortmund", home_score=4, away_score=2,
                  goals=[goal("Zagorski", "Borussia Dortmund", 27)])  # fmt: skip
    second = match(home_team="Bayer Leverkusen", away_team="1. FC Köln", home_score=2, away_score=1,
                   goals=[goal("Bailey", "Bayer Leverkusen", 54)])  # fmt: skip
    result, _ = refined({"matches": [first, second]}, text)
    assert [[g["player"] for g in m["goals"]] for m in result["matches"]] == [["Zagorski"], ["Bailey"]]


def test_the_goalkeeper_a_line_up_names_first_is_no_scorer() -> None:
    text = (
        "Ponferradina 1-1 Espanyol. Yuri marcó de penalti.\n"
        "PONFERRADINA (1) [1]: Sergi Pons; Iván Ruiz, Copete, Pascual, Paris; Erik Moran, Zalazar, Yuri.\n"
    )
    goals = [goal("Sergi Pons", "Ponferradina", 1), goal("Yuri", "Ponferradina", 88)]
    data = {"matches": [match(home_team="Ponferradina", away_team="Espanyol", home_score=1, away_score=1, goals=goals)]}
    result, warnings = refined(data, text)
    assert [g["player"] for g in result["matches"][0]["goals"]] == ["Yuri"]
    assert "scorer_is_keeper" in {w.rule for w in warnings}
