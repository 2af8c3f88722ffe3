"""Cards told in sentences, read by code (schemas/match_report/prose.py `prose_cards`), and the minutes of cards.

The texts are written for the tests (no article's words): each states a card the way the
articles of one language do, and the card must come out with its player, team, minute and kind,
or not at all when the text does not say whose it is.
"""

from __future__ import annotations

from typing import Any

import pytest

from extractor.cleaning import clean
from extractor.grounding import Grounder
from extractor.salvage import refine
from schemas.match_report import CHECKS, MatchReport, MatchStub, line_facts, prose_cards


def _cards(text: str, home: str, away: str, model: list[dict[str, Any]] | None = None,
           goals: list[dict[str, Any]] | None = None) -> list[tuple[str, str, int | None, str]]:  # fmt: skip
    stub = MatchStub(home_team=home, away_team=away, home_score=1, away_score=1)
    found = prose_cards(stub, [stub], Grounder(clean(text)), goals or [], model or [])
    return [(card["player"], card["team"], card["minute"], card["card"]) for card in found]


@pytest.mark.parametrize(
    ("text", "home", "away", "expected"),
    [
        # German: the card, "für", the player with his club's genitive
        ("Köln - Leverkusen 1:1\nDann wird es laut. Schiedsrichter Brandt entscheidet: Rot für Kölns Hansen.",
         "Köln", "Leverkusen", [("Hansen", "Köln", None, "red")]),
        # German word order after an adverb: the verb, the player, the card; its minute in brackets
        ("Kurz danach sieht Leverkusens Tobias Brenner nach einer Notbremse Gelb-Rot (71.).",
         "Köln", "Leverkusen", [("Tobias Brenner", "Leverkusen", 71, "second_yellow")]),
        # English: the player, then the verb; a club's possessive before him
        ("Alpha 1-1 Beta\nBeta's Ross Fielding was then sent off for a second bookable offence.",
         "Alpha", "Beta", [("Ross Fielding", "Beta", None, "second_yellow")]),
        # Danish: "blev" before the player, the minute written "78. min." in the same sentence
        ("Skjold - Greve 1-1\nI det 78. min. blev Skjolds Frederik Lund udvist.",
         "Skjold", "Greve", [("Frederik Lund", "Skjold", 78, "red")]),
        # Dutch: "de rode kaart van" the player with his club's compound; the sentence after tells the second yellow
        ("De rode kaart van Quick-middenvelder Niels Kaas op slag van rust was terecht: hij kreeg zijn tweede gele.",
         "Excelsior", "Quick", [("Niels Kaas", "Quick", None, "second_yellow")]),
        # Dutch: a few words between the verb and the card
        ("Jan Smit van Jong PSV ontving als invaller de snelste directe rode kaart ooit.", "Jong PSV", "Jong AZ",
         [("Jan Smit", "Jong PSV", None, "red")]),
        # Dutch: a second yellow, the club after "van"
        ("Even later krijgt Jan Bakker van Excelsior nog zijn tweede gele kaart.",
         "Excelsior", "Quick Boys", [("Jan Bakker", "Excelsior", None, "second_yellow")]),
        # Spanish: a noun of the card, an adjective, the player; the sentence names his team only
        ("Todo cambió con la expulsión del central Pedro Gómez, que dejó al Rayo con diez.",
         "Rayo", "Getafe", [("Pedro Gómez", "Rayo", None, "red")]),
        # French and Italian: the card's noun, then the player with his club in the sentence
        ("L'exclusion de Paul Martin a pesé lourd pour Lille.", "Lille", "Nantes",
         [("Paul Martin", "Lille", None, "red")]),
        ("Nel finale espulso Bianchi, e il Genoa resta in dieci.", "Genoa", "Empoli",
         [("Bianchi", "Genoa", None, "red")]),
    ],
)  # fmt: skip
def test_a_card_told_in_a_sentence_comes_out_with_its_player_team_minute_and_kind(
    text: str, home: str, away: str, expected: list[tuple[str, str, int | None, str]]
) -> None:
    assert _cards(text, home, away) == expected


def test_two_players_of_one_sentence_each_get_the_card() -> None:
    text = "Alpha 2-1 Beta\nTom Hale and Sam Price both received straight reds for Beta in the first half."
    assert _cards(text, "Alpha", "Beta") == [("Sam Price", "Beta", None, "red"), ("Tom Hale", "Beta", None, "red")]


def test_a_card_whose_team_the_text_does_not_tell_is_left_out_unless_the_model_or_a_goal_gives_it() -> None:
    text = "Alpha 1-1 Beta\nLater on, Tom Hale was sent off after a heated exchange."
    assert _cards(text, "Alpha", "Beta") == []
    model = [{"player": "Hale", "team": "Alpha", "minute": 80, "card": "yellow"}]
    assert _cards(text, "Alpha", "Beta", model=model) == [("Tom Hale", "Alpha", None, "red")]
    goals = [{"player": "Tom Hale", "team": "Beta", "minute": 12, "own_goal": False}]
    assert _cards(text, "Alpha", "Beta", goals=goals) == [("Tom Hale", "Beta", None, "red")]


def test_a_sentences_first_word_is_not_the_player_and_a_coachs_card_is_no_players() -> None:
    text = "Union - Ingolstadt 1:1\nDann sieht Robin Kraus Gelb-Rot, und Union ist in Unterzahl."
    assert _cards(text, "Union", "Ingolstadt") == [("Robin Kraus", "Union", None, "second_yellow")]
    coach = "Union - Ingolstadt 1:1\nAuch Union-Trainer Hans Weber sieht Rot für seine Proteste."
    assert _cards(coach, "Union", "Ingolstadt") == []


def test_a_prose_card_belongs_to_the_match_of_its_paragraph_in_a_round_up() -> None:
    first = MatchStub(home_team="Alpha", away_team="Beta", home_score=2, away_score=0)
    second = MatchStub(home_team="Gamma", away_team="Delta", home_score=0, away_score=1)
    text = (
        "Alpha won 2-0 against Beta on Saturday.\n"
        "Gamma lost 0-1 to Delta. Gamma's Tom Hale was sent off late on.\n"
    )
    grounder = Grounder(clean(text))
    assert prose_cards(first, [first, second], grounder, [], []) == []
    cards = prose_cards(second, [first, second], grounder, [], [])
    assert [(c["player"], c["team"], c["card"]) for c in cards] == [("Tom Hale", "Gamma", "red")]


def test_a_goals_line_with_the_running_score_after_each_scorer_gives_each_goal_its_side() -> None:
    stub = MatchStub(home_team="Bremen", away_team="Stuttgart", home_score=1, away_score=2)
    text = "Bremen – Stuttgart 1:2\nDas Tor: 31. Keller (Foulpenalty) 0:1. 91. Keller 0:2. 93. Berg 1:2.\n"
    goals, _ = line_facts(stub, [stub], text)
    assert [(g["player"], g["team"], g["minute"], g["penalty"]) for g in goals or []] == [
        ("Keller", "Stuttgart", 31, True), ("Keller", "Stuttgart", 91, False), ("Berg", "Bremen", 93, False),
    ]  # fmt: skip


def _card_minute(text: str, player: str, minute: int | None) -> int | None:
    match = {
        "competition": None, "stage": None, "date": None, "venue": None, "home_team": "Hannover",
        "away_team": "Dortmund", "home_score": 4, "away_score": 2, "home_coach": None, "away_coach": None,
        "goals": [], "cards": [{"player": player, "team": "Dortmund", "minute": minute, "card": "red"}],
        "evidence": None,
    }  # fmt: skip
    value, _ = refine(MatchReport, {"matches": [match]}, Grounder(clean(text)), CHECKS)
    return value.model_dump(mode="json")["matches"][0]["cards"][0]["minute"]


def test_a_cards_minute_is_not_taken_from_the_players_goal_and_78_min_is_one_sentence() -> None:
    goal_then_card = (
        "Hannover - Dortmund 4:2\nDie Tore von Zagorski (27.) und Jarmo (52.) reichen für Dortmund nicht. "
        "Zagorski sieht zudem nach einer Notbremse Rot (59.)."
    )
    assert _card_minute(goal_then_card, "Zagorski", 59) == 59
    goals = [{"player": "Zagorski", "team": "Dortmund", "minute": 27, "own_goal": False}]
    assert _cards(goal_then_card, "Hannover", "Dortmund", goals=goals) == [("Zagorski", "Dortmund", 59, "red")]
    danish = "Hannover - Dortmund 4-2\nI det 78. min. blev Dortmunds Frederik Lund udvist."
    assert _card_minute(danish, "Frederik Lund", 78) == 78


def test_a_club_written_before_the_player_elsewhere_gives_his_team_and_each_card_keeps_its_own_kind() -> None:
    text = (
        "Leverkusen gewinnt 2:0 in Köln.\n"
        "In der Nachspielzeit tritt Kölns Hansen seinen Gegenspieler um.\n"
        "Schiedsrichter Brandt entscheidet: Rot für Hansen. Gelb-Rot für Wendel.\n"
        "Leverkusens Trainer Hans Berger: „Wendel muss sich im Griff haben.“\n"
    )
    goals = [{"player": "Wendel", "team": "Leverkusen", "minute": None, "own_goal": False}]
    assert _cards(text, "Köln", "Leverkusen", goals=goals) == [
        ("Hansen", "Köln", None, "red"), ("Wendel", "Leverkusen", None, "second_yellow"),
    ]  # fmt: skip  (Wendel is quoted next to a coach's title: still a player)
    value, _ = refine(MatchReport, {"matches": [{
        "competition": None, "stage": None, "date": None, "venue": None, "home_team": "Köln",
        "away_team": "Leverkusen", "home_score": 0, "away_score": 2, "home_coach": None, "away_coach": None,
        "goals": [], "cards": [{"player": "Hansen", "team": "Köln", "minute": None, "card": "red"}], "evidence": None,
    }]}, Grounder(clean(text)), CHECKS)  # fmt: skip
    assert value.model_dump()["matches"][0]["cards"][0]["card"] == "red"  # the next sentence's Gelb-Rot is Wendel's


def test_a_stretch_of_the_match_is_no_cards_minute() -> None:
    text = (
        "Rouveen - Quick 2:1\nQuick-verdediger Jan Bakker krijgt vervolgens rood, waardoor het de laatste 25 minuten"
        " tien tegen negen is."
    )
    assert _cards(text, "Rouveen", "Quick") == [("Jan Bakker", "Quick", None, "red")]


def test_a_club_joined_to_a_players_role_is_the_club() -> None:
    from schemas.match_report.stubs import _club_name

    grounder = Grounder(clean("Rouveen-aanvaller Daimen Schra gaat naar de grond. VfB-Stürmer Silas Kalu trifft."))
    assert _club_name("Rouveen-aanvaller Daimen Schra", grounder) == "Rouveen"
    assert _club_name("VfB-Stürmer Silas Kalu", grounder) == "VfB"
    assert _club_name("Saint-Étienne", grounder) == "Saint-Étienne"


def test_scorers_a_sentence_lists_for_a_club_join_its_match() -> None:
    from schemas.match_report.prose import _with_told_scorers

    stub = MatchStub(home_team="Wolves", away_team="Brighton", home_score=2, away_score=3)
    text = (
        "Wolves 2 - Brighton 3 Adam Lall, Kaoru Mito, and Pascal Gross scored for Brighton to lift them over 10-man"
        " Wolves. Guedo (20., Foulelfmeter) und Neves (60.) treffen für Wolves."
    )
    model = [{"player": "Pascal Gross", "team": "Wolves", "minute": 83, "penalty": False, "own_goal": False,
              "assist": None}]  # fmt: skip
    goals = _with_told_scorers(model, stub, text)
    assert [(g["player"], g["team"], g["minute"], g["penalty"]) for g in goals] == [
        ("Pascal Gross", "Brighton", 83, False), ("Adam Lall", "Brighton", None, False),
        ("Kaoru Mito", "Brighton", None, False), ("Guedo", "Wolves", 20, True), ("Neves", "Wolves", 60, False),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "FCN-målene blev sat ind af Lærke Tingleff, Cecilie Larsen, Camilla Kur og Kathrine Kühl Møller.",
        "Nordsjælland's goals came from Lærke Tingleff, Cecilie Larsen, Camilla Kur and Kathrine Kühl Møller.",
        "Die Tore für Nordsjælland erzielten Lærke Tingleff, Cecilie Larsen, Camilla Kur und Kathrine Kühl Møller.",
        "Les buts de Nordsjælland ont été inscrits par Lærke Tingleff, Cecilie Larsen, Camilla Kur et Kathrine Kühl "
        "Møller.",
    ],
)
def test_a_clubs_goals_and_then_their_scorers_join_its_match(sentence: str) -> None:
    from schemas.match_report.prose import _with_told_scorers

    stub = MatchStub(home_team="FC Nordsjælland", away_team="AGF", home_score=4, away_score=0)
    text = f"FC Nordsjælland vandt med 4-0 hjemme over AGF.\n\n{sentence}"
    model = [{"player": "AGF", "team": "FC Nordsjælland", "minute": None, "penalty": False, "own_goal": False,
              "assist": None}]  # fmt: skip  (a club is no scorer: it takes no room)
    goals = _with_told_scorers(model, stub, text)
    assert [(g["player"], g["team"]) for g in goals] == [
        ("Lærke Tingleff", "FC Nordsjælland"), ("Cecilie Larsen", "FC Nordsjælland"),
        ("Camilla Kur", "FC Nordsjælland"), ("Kathrine Kühl Møller", "FC Nordsjælland"),
    ]  # fmt: skip
    # goals told for the club that scored none find no room
    assert _with_told_scorers([], stub, "AGF-målene blev sat ind af Lærke Tingleff og Camilla Kur.") == []


def test_a_scorer_who_put_his_club_ahead_joins_its_match() -> None:
    from schemas.match_report.prose import _with_told_scorers

    stub = MatchStub(home_team="Atalanta", away_team="Midtjylland", home_score=1, away_score=1)
    text = "Atalanta 1-1 Midtjylland. Alexander Holm gave Midtjylland the lead, and Cristian Rome levelled late on."
    goals = _with_told_scorers([], stub, text)
    assert [(g["player"], g["team"]) for g in goals] == [("Alexander Holm", "Midtjylland")]
