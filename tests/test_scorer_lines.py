"""Scorer and card lines read by code (schemas/match_report/lines.py): formats of several languages."""

from __future__ import annotations

import pytest

from extractor.cleaning import clean
from extractor.grounding import Grounder
from schemas.match_report import MatchStub, article_stage, coaches, line_facts, parse_line, sheet_results
from schemas.match_report.assemble import _listed_scorers_stay
from schemas.match_report.checks import _text_kind


def _goals(body: str) -> list[tuple[str, int | None, bool, bool, str | None]]:
    return [(e.player, e.minute, e.penalty, e.own_goal, e.ref) for e in parse_line(body)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # German: running score first, minute and flag in brackets
        ("1:0 Musterfrau (12./Foulelfmeter), 1:1 Beispiel (80.)", [("Musterfrau", 12, True, False, None),
                                                                   ("Beispiel", 80, False, False, None)]),
        # Spanish: minute first, tag after each team's group, flags after the name
        ("10’ Ana Ruiz, de penal, 20’ Luis Gil (RV); 30’ Pepe Sol, en contra (B)",
         [("Ana Ruiz", 10, True, False, "RV"), ("Luis Gil", 20, False, False, "RV"),
          ("Pepe Sol", 30, False, True, "B")]),
        # French: minutes after the name, "pour X" names the team, several minutes for one scorer
        ("Durand (16e sp et 71e) et Petit (59e) pour Rennes // Martin (35e) pour le LOSC",
         [("Durand", 16, True, False, "Rennes"), ("Durand", 71, False, False, "Rennes"),
          ("Petit", 59, False, False, "Rennes"), ("Martin", 35, False, False, "LOSC")]),
        # Italian: minute first with pt/st (st = second half), flags before the name
        ("5′ pt Rossi (A), 10′ st rig. Bianchi (B), 45’+2 e 88′ su rig. Verdi (A)",
         [("Rossi", 5, False, False, "A"), ("Bianchi", 55, True, False, "B"), ("Verdi", 47, False, False, "A"),
          ("Verdi", 88, True, False, "A")]),
        # English: a flag before its minute, sides split by '|'
        ("Smith 17′, Jones pen 90+5′ | Brown 28′", [("Smith", 17, False, False, None), ("Jones", 95, True, False, None),
                                                   ("Brown", 28, False, False, None)]),
        # Italian sheet: dotted p.t./s.t., a team tag, "su rig." after the name
        ("32′ p.t. Rossi (Spe); 5′ s.t. Bianchi (Spa) su rig. , 34′ s.t. Verdi (Spe) su rig. .",
         [("Rossi", 32, False, False, "Spe"), ("Bianchi", 50, True, False, "Spa"), ("Verdi", 79, True, False, "Spe")]),
        # a short reason between entries does not end the list; a sentence's full stop is not part of a name
        ("al 48′ p.t. Neri (Spa) per gioco violento; al 33′ s.t. Gialli (Spa) per fallo da ultimo uomo e al 37′ s.t."
         " Blu (Spa) per proteste. Allontanato l'allenatore",
         [("Neri", 48, False, False, "Spa"), ("Gialli", 78, False, False, "Spa"), ("Blu", 82, False, False, "Spa")]),
        # Spanish sheet: running score, "min." and "de penalti"
        ("1-0, min. 31: Ruiz, de penalti. 2-2, min. 71: Gil.", [("Ruiz", 31, True, False, None),
                                                               ("Gil", 71, False, False, None)]),
        # prose after the list ends it; the capitalised word before the prose is not a scorer
        ("G. Dupont (26e) // Carlos Lima (18e) Dans un match fou", [("G. Dupont", 26, False, False, None),
                                                                   ("Carlos Lima", 18, False, False, None)]),
    ],
)  # fmt: skip
def test_lines_of_each_language(body: str, expected: list[tuple[str, int | None, bool, bool, str | None]]) -> None:
    assert _goals(body) == expected


def test_a_spaced_dash_splits_the_two_sides_of_a_line_and_a_running_score_keeps_its_dash() -> None:
    sides = [(e.player, e.side) for e in parse_line("Baby (5′) – Gragnic (20′), Couturier (67′ csc), Kovacevic (93′)")]
    assert sides == [("Baby", 0), ("Gragnic", 1), ("Couturier", 1), ("Kovacevic", 1)]
    assert [e.side for e in parse_line("Saint-Maximin (12′) - Jean-Pierre (30′)")] == [0, 1]  # not a name's hyphen
    running = parse_line("1 - 0 Ruiz (31′), 1 - 1 Gil (71′)")
    assert [(e.player, e.score, e.side) for e in running] == [("Ruiz", (1, 0), 0), ("Gil", (1, 1), 0)]


def test_a_goals_line_after_an_article_with_minute_first_entries_and_running_scores_is_read_whole() -> None:
    text = (
        "Schalke – Leverkusen 0:3\nAuch gegen Leverkusen gibts für die Knappen nichts zu holen.\n"
        "Die Tore: 10. Thiaw (Eigentor) 0:1, 67. Baumgartlinger 0:2, 78. Schick 0:3.\n"
        "Bayern München – Leipzig 3:3\nEin wildes Spiel.\n"
    )
    schalke = MatchStub(home_team="Schalke", away_team="Leverkusen", home_score=0, away_score=3)
    bayern = MatchStub(home_team="Bayern München", away_team="Leipzig", home_score=3, away_score=3)
    goals, _ = line_facts(schalke, [schalke, bayern], text, {})
    assert [(g["player"], g["team"], g["minute"], g["own_goal"]) for g in goals or []] == [
        ("Thiaw", "Leverkusen", 10, True), ("Baumgartlinger", "Leverkusen", 67, False),
        ("Schick", "Leverkusen", 78, False),
    ]  # fmt: skip
    assert line_facts(bayern, [schalke, bayern], text, {})[0] is None
    # a section label in capitals before the head: "1. DIVISION Mål: 1-0 Hallur Hansson (7.)"
    labelled = "Vendsyssel – Fredericia 1-1\n1. DIVISION Mål: 1-0 Hallur Hansson (7.), 1-1 Admir Catovic (80.)\n"
    home = MatchStub(home_team="Vendsyssel", away_team="Fredericia", home_score=1, away_score=1)
    assert [(g["player"], g["team"]) for g in line_facts(home, [home], labelled, {})[0] or []] == [
        ("Hallur Hansson", "Vendsyssel"), ("Admir Catovic", "Fredericia")
    ]
    # the model's copy of those scorers into the other match goes; the line's own stay
    matches = [{"goals": [dict(g) for g in goals or []]},
               {"goals": [{"player": "Schick", "team": "Leipzig"}, {"player": "Kane", "team": "Bayern München"}]}]
    kept = _listed_scorers_stay(matches, {0: {"thiaw", "baumgartlinger", "schick"}})
    assert [[g["player"] for g in m["goals"]] for m in kept] == [["Thiaw", "Baumgartlinger", "Schick"], ["Kane"]]


def test_a_team_after_the_minute_in_brackets_and_one_letter_tags_of_two_clubs_of_one_city() -> None:
    assert _goals("Bandholt (62./TSV), Mousa (90./Inter)") == [
        ("Bandholt", 62, False, False, "TSV"), ("Mousa", 90, False, False, "Inter")
    ]
    assert _goals("Andersson (43./Elfmeter)") == [("Andersson", 43, True, False, None)]  # a flag, not a team
    derby = MatchStub(home_team="Manchester United", away_team="Manchester City", home_score=2, away_score=2)
    text = "Manchester United – Manchester City 2-2\nYellow cards: 90+1′ Janine Beckie (C), 12′ Ona Batlle (U)\n"
    _, cards = line_facts(derby, [derby], text, {})
    assert [(c["player"], c["team"]) for c in cards or []] == [
        ("Janine Beckie", "Manchester City"), ("Ona Batlle", "Manchester United")
    ]


def test_every_player_of_a_cards_piece_gets_its_card() -> None:
    text = (
        "SPAL-SPEZIA 1-2 (0-1)\nAMMONITI: Grasselli (Spe), Busatto (Spa) e Pignatti (Spa).\n"
        "ESPULSI: al 33′ s.t. Tonozzi (Spa) per fallo da ultimo uomo e al 37′ s.t. Casalnuovo (Spa) per proteste.\n"
    )
    stub = MatchStub(home_team="SPAL", away_team="Spezia", home_score=1, away_score=2)
    _, cards = line_facts(stub, [stub], text, {})
    assert [(c["player"], c["team"], c["minute"], c["card"]) for c in cards or []] == [
        ("Grasselli", "Spezia", None, "yellow"), ("Busatto", "SPAL", None, "yellow"),
        ("Pignatti", "SPAL", None, "yellow"), ("Tonozzi", "SPAL", 78, "red"), ("Casalnuovo", "SPAL", 82, "red"),
    ]  # fmt: skip


def test_a_second_yellow_told_as_2nd_yellow_or_a_second_bookable_offence() -> None:
    text = "Brighton – Tottenham 2-1\nRed cards: 76′ Rachel Williams (T) 2nd yellow\n"
    stub = MatchStub(home_team="Brighton", away_team="Tottenham", home_score=2, away_score=1)
    _, cards = line_facts(stub, [stub], text, {})
    assert [(c["player"], c["card"]) for c in cards or []] == [("Rachel Williams", "second_yellow")]
    prose = "Three minutes later Jennison Myrie-Williams was sent off for a second bookable offence."
    assert _text_kind(Grounder(clean(prose)), "Jennison Myrie-Williams") == "second_yellow"


def test_a_match_sheet_gives_its_line_ups_and_the_last_running_score() -> None:
    sheet = (
        "Amanecer: Roberto, Miralles, Willy, Rodrigo, Liberal, Sergio, Lolo, David, Javi, Juanma y Ramiro.\n\n"
        "Cerro de Reyes: Poli, Loren, Madrugón, Jaime, Oncins, Sevi, Arévalo, Moraga, Antonio, Negri y Diego.\n\n"
        "Goles: 1-0, min. 31: David, de penalti. 2-1, min. 69: Diego. 2-2, min. 71: Diego.\n\n"
        "Arbitro: Aparicio Calvo. Amarilla a los locales David y Lolo.\n"
    )
    assert sheet_results(sheet) == [
        MatchStub(home_team="Amanecer", away_team="Cerro de Reyes", home_score=2, away_score=2)
    ]
    assert sheet_results(sheet.replace("Goles: 1-0, min. 31:", "Goles: min. 31:").replace("2-1, min. 69:", "")
                         .replace("2-2, min. 71:", "")) == []  # fmt: skip
    # one line-up is no sheet
    assert sheet_results(sheet.split("\n\n", 1)[1]) == []


def test_sides_labelled_by_their_team_and_scorers_after_a_results_line_are_read() -> None:
    sheet = (
        "Fiche Technique : 2-2\n"
        "USJA Carquefou : Joinel – Martot, Thomas, Guillon, David – Ngosso, Jouan, Zebidi, Delanoë – Bekamenga, Mayu\n"
        "Red Star FC : Allain – Gibaud, Allegro, Queudrue, Cerielo – Lafon, Meliani, Dieye, Sall – Durbant, Sabin\n"
        "Buts : USJA Carquefou : Delanoë (27'), J-M.David (88') / Red Star FC : Sabin (37', 53')\n"
        "Cartons jaunes : USJA Carquefou : Ahamada (90') / Red Star FC : Sabin (34')\n"
    )
    stub = MatchStub(home_team="USJA Carquefou", away_team="Red Star FC", home_score=2, away_score=2)
    goals, cards = line_facts(stub, [stub], sheet)
    assert [(g["player"], g["team"], g["minute"]) for g in goals or []] == [
        ("Delanoë", "USJA Carquefou", 27), ("J-M.David", "USJA Carquefou", 88),
        ("Sabin", "Red Star FC", 37), ("Sabin", "Red Star FC", 53),
    ]  # fmt: skip
    assert [(c["player"], c["team"]) for c in cards or []] == [("Ahamada", "USJA Carquefou"), ("Sabin", "Red Star FC")]
    results = "Catania-Feralpisalò  2-0  (and.1-1)  59′ Barišič, 71′ Russotto\n"
    stub = MatchStub(home_team="Catania", away_team="Feralpisalò", home_score=2, away_score=0)
    goals, _ = line_facts(stub, [stub], results)
    assert [(g["player"], g["team"], g["minute"]) for g in goals or []] == [
        ("Barišič", "Catania", 59), ("Russotto", "Catania", 71),
    ]  # fmt: skip


def test_a_spanish_card_sentence_of_a_match_sheet_gives_each_side_its_cards_and_no_staff_card() -> None:
    stub = MatchStub(home_team="Amanecer", away_team="Cerro de Reyes", home_score=2, away_score=2)
    sheet = (
        "Arbitro: Aparicio Calvo (0). Amarilla a los locales David, Ramón y Tomás y al técnico, Fran Nacarino, y a los"
        " visitantes Negri, Madrugón y Arévalo. Roja directa para Juan.\n"
        "Y luego otra expulsión, esta vez por segunda tarjeta amarilla a Domingo, por protestar.\n"
    )
    _, cards = line_facts(stub, [stub], sheet)
    assert [(c["player"], c["team"], c["card"]) for c in cards or []] == [
        ("David", "Amanecer", "yellow"), ("Ramón", "Amanecer", "yellow"), ("Tomás", "Amanecer", "yellow"),
        ("Negri", "Cerro de Reyes", "yellow"), ("Madrugón", "Cerro de Reyes", "yellow"),
        ("Arévalo", "Cerro de Reyes", "yellow"), ("Juan", None, "red"),
    ]  # fmt: skip  (a list without sides names no team; prose mid-sentence is no sheet: Domingo is the model's)


def test_line_gives_each_goal_its_team_and_moves_an_own_goal_the_score_cannot_hold() -> None:
    stub = MatchStub(home_team="Juventus", away_team="Inter", home_score=2, away_score=2)
    text = "Juventus-Inter 2-2\nReti: 10′ Rossi (J), 20′ rig. Neri (I), 30′ Verdi (J), 85′ aut. Bruni (J)\n"
    goals, cards = line_facts(stub, [stub], text)
    assert cards is None
    assert goals is not None
    assert [(g["player"], g["team"], g["minute"], g["own_goal"]) for g in goals] == [
        ("Rossi", "Juventus", 10, False), ("Neri", "Inter", 20, False), ("Verdi", "Juventus", 30, False),
        ("Bruni", "Inter", 85, True),
    ]  # fmt: skip


def test_line_belongs_to_the_result_above_it() -> None:
    first = MatchStub(home_team="Dijon FCO", away_team="Toulouse FC", home_score=2, away_score=1)
    second = MatchStub(home_team="Amiens SC", away_team="EA Guingamp", home_score=1, away_score=0)
    text = (
        "Dijon FCO 2-1 Toulouse FC\nButs : Sliti (58e) et Tavares (62e) pour Dijon // Diakité (33e) pour le Téfécé\n"
        "Amiens SC 1-0 EA Guingamp\nBut : Guirassy (14e) pour Amiens\n"
    )
    goals, _ = line_facts(first, [first, second], text)
    assert goals is not None
    assert [(g["player"], g["team"]) for g in goals] == [
        ("Sliti", "Dijon FCO"), ("Tavares", "Dijon FCO"), ("Diakité", "Toulouse FC"),
    ]  # fmt: skip
    goals, _ = line_facts(second, [first, second], text)
    assert [(g["player"], g["team"]) for g in goals or []] == [("Guirassy", "Amiens SC")]


def test_a_line_that_breaks_the_score_is_not_used() -> None:
    stub = MatchStub(home_team="Alpha", away_team="Beta", home_score=1, away_score=0)
    goals, _ = line_facts(stub, [stub], "Alpha 1-0 Beta\nGoals: Smith 10' (A), Jones 20' (A)\n")
    assert goals is None


def test_cards_line_colours_and_second_yellow() -> None:
    stub = MatchStub(home_team="Juventus", away_team="Inter", home_score=1, away_score=0)
    text = (
        "Juventus-Inter 1-0\nAmmoniti: Rossi (J), Neri (I), Bruni (J)\n"
        "Espulsi: Bruni (J) al 55′ per doppia ammonizione; Verdi (I) al 90’+2\n"
    )
    _, cards = line_facts(stub, [stub], text)
    assert cards == [
        {"player": "Rossi", "team": "Juventus", "minute": None, "card": "yellow"},
        {"player": "Neri", "team": "Inter", "minute": None, "card": "yellow"},
        {"player": "Bruni", "team": "Juventus", "minute": 55, "card": "second_yellow"},
        {"player": "Verdi", "team": "Inter", "minute": 92, "card": "red"},
    ]


def test_a_results_line_with_the_score_split_by_the_teams_owns_its_scorers() -> None:
    first = MatchStub(home_team="Rayo Vallecano", away_team="Barcelona", home_score=1, away_score=1)
    second = MatchStub(home_team="Girona", away_team="Sevilla", home_score=0, away_score=2)
    text = (
        "* Rayo Vallecano 1-Barcelona 1. Goles: 40’ Lamine Yamal, de penal (B); 67’ Fran Pérez (RV). Ast: 14.438.\n"
        "* Girona 0-Sevilla 2. Goles: 30’ Alfonso Gonzales, 55’ Isaac Romero (S). Ast: 11.305.\n"
    )
    goals, _ = line_facts(first, [first, second], text)
    assert [(g["player"], g["team"], g["minute"], g["penalty"]) for g in goals or []] == [
        ("Lamine Yamal", "Barcelona", 40, True), ("Fran Pérez", "Rayo Vallecano", 67, False),
    ]  # fmt: skip
    goals, _ = line_facts(second, [first, second], text)
    scorers = [(g["player"], g["team"]) for g in goals or []]
    assert scorers == [("Alfonso Gonzales", "Sevilla"), ("Isaac Romero", "Sevilla")]


def test_scorers_in_brackets_after_a_result_take_the_team_the_score_leaves_them() -> None:
    stub = MatchStub(home_team="Sporting", away_team="PSG", home_score=2, away_score=1)
    other = MatchStub(home_team="Tottenham", away_team="Dortmund", home_score=1, away_score=0)
    text = "Sporting – PSG 2–1 (74′, 90′ Suarez; 79′ Kvaratskhelia)\nTottenham – Dortmund 1–0 (14′ Romero)\n"
    goals, _ = line_facts(stub, [stub, other], text)
    # Suarez scores twice, so he must be Sporting's; the one goal left is PSG's
    assert [(g["player"], g["team"], g["minute"]) for g in goals or []] == [
        ("Suarez", "Sporting", 74), ("Suarez", "Sporting", 90), ("Kvaratskhelia", "PSG", 79),
    ]  # fmt: skip
    goals, _ = line_facts(other, [stub, other], text)
    assert [(g["player"], g["team"]) for g in goals or []] == [("Romero", "Tottenham")]


def test_a_scorer_the_score_cannot_place_is_left_out_unless_the_model_names_his_team() -> None:
    stub = MatchStub(home_team="Inter", away_team="Arsenal", home_score=1, away_score=2)
    text = "Inter – Arsenal 1–2 (10′ Jesus; 18′ Sucic; 84′ Gyokeres)\n"
    goals, _ = line_facts(stub, [stub], text)
    assert goals == []
    goals, _ = line_facts(stub, [stub], text, {"sucic": "Inter"})
    assert [(g["player"], g["team"]) for g in goals or []] == [
        ("Jesus", "Arsenal"), ("Sucic", "Inter"), ("Gyokeres", "Arsenal"),
    ]  # fmt: skip


def test_a_scorers_line_after_the_report_belongs_to_the_result_above_it() -> None:
    first = MatchStub(home_team="Feyenoord", away_team="Vitesse", home_score=0, away_score=1)
    second = MatchStub(home_team="FC Utrecht", away_team="FC Emmen", home_score=3, away_score=2)
    text = (
        "Feyenoord-Vitesse 0-1\n\nFeyenoord had the better chances early on.\n\nVitesse held on after the break.\n\n"
        "Scoreverloop: 0-1 (43′) M. van Ginkel\n\nFC Utrecht-FC Emmen 3-2\n\nA spectacle in the Galgenwaard.\n"
    )
    goals, _ = line_facts(first, [first, second], text)
    assert [(g["player"], g["team"], g["minute"]) for g in goals or []] == [("M. van Ginkel", "Vitesse", 43)]
    assert line_facts(second, [first, second], text) == (None, None)


def test_a_head_alone_on_its_line_takes_the_entry_lines_under_it() -> None:
    first = MatchStub(home_team="FC Eindhoven", away_team="RKC Waalwijk", home_score=1, away_score=3)
    second = MatchStub(home_team="TOP Oss", away_team="Helmond Sport", home_score=1, away_score=1)
    text = (
        "FC Eindhoven - RKC Waalwijk 1-3\n\nRKC won in Eindhoven.\n\nScoreverloop:\n\n"
        "41. Branco van den Boomen (pen.) 1-0\n\n45. Darren Maatsen 1-1\n\n65. Darren Maatsen 1-2\n\n"
        "82. Emil Hansson 1-3\n\n\nTOP Oss - Helmond Sport 1-1\n\nNa vier zeges op rij bleef TOP Oss steken.\n"
    )
    goals, _ = line_facts(first, [first, second], text)
    assert [(g["player"], g["team"], g["minute"], g["penalty"]) for g in goals or []] == [
        ("Branco van den Boomen", "FC Eindhoven", 41, True),
        ("Darren Maatsen", "RKC Waalwijk", 45, False),
        ("Darren Maatsen", "RKC Waalwijk", 65, False),
        ("Emil Hansson", "RKC Waalwijk", 82, False),
    ]
    assert line_facts(second, [first, second], text)[0] is None  # the next result's line is no entry


def test_a_goals_line_no_result_names_belongs_to_the_one_match_its_running_scores_end_at() -> None:
    first = MatchStub(home_team="Vendsyssel", away_team="FC Fredericia", home_score=3, away_score=2)
    second = MatchStub(home_team="Skive", away_team="FC Roskilde", home_score=1, away_score=1)
    text = (
        "Fredericia led første nederlag\n\n"
        "1. DIVISION Mål: 1-0 Hallur Hansson (7.), 2-0 René Shaki Joensen (57.), 2-1 Nicholas Gotfredsen (61.), "
        "3-1 Nicolas Bøgild (80.), 3-2 Admir Catovic (80.)\n\nTOPKAMP FC Fredericia tabte i aftes til Vendsyssel.\n"
    )
    goals, _ = line_facts(first, [first, second], text)
    assert [(g["player"], g["team"]) for g in goals or []] == [
        ("Hallur Hansson", "Vendsyssel"), ("René Shaki Joensen", "Vendsyssel"),
        ("Nicholas Gotfredsen", "FC Fredericia"), ("Nicolas Bøgild", "Vendsyssel"), ("Admir Catovic", "FC Fredericia"),
    ]  # fmt: skip
    assert line_facts(second, [first, second], text)[0] is None
    # scores that skip a goal are no such line: it is left to the results above it
    gapped = text.replace("2-0 René Shaki Joensen (57.), ", "")
    assert line_facts(first, [first, second], gapped)[0] is None


def test_a_danish_malscore_line_after_the_half_time_score_on_the_results_line_is_read() -> None:
    first = MatchStub(home_team="Fredensborg BI", away_team="Allerød FK", home_score=0, away_score=1)
    second = MatchStub(home_team="Greve", away_team="Vanløse IF", home_score=0, away_score=2)
    text = (
        "Fredensborg BI – Allerød FK 0 – 1 (0-1) Målscore: 19. min. 0 – 1 Oscar Lund.\n"
        "Greve – Vanløse IF 0 – 2 (0-0) Målscorer: 61. min. 0 – 1 Jonas Bak, 90. min. 0 – 2 Rasmus Holm.\n"
    )
    goals, _ = line_facts(first, [first, second], text)
    assert [(g["player"], g["team"], g["minute"]) for g in goals or []] == [("Oscar Lund", "Allerød FK", 19)]
    goals, _ = line_facts(second, [first, second], text)
    assert [(g["player"], g["team"], g["minute"]) for g in goals or []] == [
        ("Jonas Bak", "Vanløse IF", 61), ("Rasmus Holm", "Vanløse IF", 90),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Bayern gewinnt am 10. Spieltag gegen Leipzig.", "10. Spieltag"),
        ("Le PSG s'impose lors de la J34 face à Lens.", "J34"),
        ("Il Napoli vince la ventesima giornata contro l'Inter.", "ventesima giornata"),
        # a knockout round beside the group is the round ahead
        ("Inter top Group D and move closer to the round of 16.", "Group D"),
        # the round a win leads to, and a round of an earlier season, are not the match's
        ("Rangers progressed to the Fourth Round after a Third Round win.", "Third Round"),
        ("Vorig seizoen werd het 4-6 in de tweede speelronde. Nu werd het 4-4.", None),
        ("Brighton won, after their defeat on penalties in the FA Cup semi-final less than two weeks ago.", None),
        # two different rounds: none is chosen
        ("In matchday 5 Alpha won; in matchday 6 Beta lost.", None),
        ("Alpha beat Beta 2-0.", None),
    ],
)  # fmt: skip
def test_the_one_stage_an_article_names_is_read_as_written(text: str, stage: str | None) -> None:
    assert article_stage(text) == stage


def test_a_coach_tied_to_his_club_in_so_many_words_or_under_a_sheets_line_up_is_read() -> None:
    stub = MatchStub(home_team="Köln", away_team="Leverkusen", home_score=0, away_score=2)
    text = "Leverkusen gewinnt 2:0 in Köln.\nLeverkusens Trainer Hans Berger: „Das war stark.“ Andrea Rossi's men lost."
    assert coaches(stub, text) == (None, "Hans Berger")
    danish = MatchStub(home_team="Atalanta", away_team="FC Midtjylland", home_score=1, away_score=1)
    text = "Atalanta-træner Gian Piero Rossi roterede. FC Midtjyllands cheftræner, Bo Lund, var tilfreds."
    assert coaches(danish, text) == ("Gian Piero Rossi", "Bo Lund")
    sheet = MatchStub(home_team="Ascoli", away_team="Lucchese", home_score=2, away_score=0)
    text = "Ascoli (4-3-3): Leali; Bianchi, Neri. All.: Carrera. Lucchese: Palmisani; Rossi, Verdi. All.: Testini."
    assert coaches(sheet, text) == ("Carrera", "Testini")
    # two coaches for one club: none is chosen
    text = "Ascoli coach Marco Bell left. Ascoli coach Luca Prim arrived. Ascoli beat Lucchese 2-0."
    assert coaches(sheet, text) == (None, None)


def test_a_card_takes_the_team_whose_line_up_lists_the_player() -> None:
    from schemas.match_report.facts import _lineup_team

    stub = MatchStub(home_team="Napoli", away_team="Inter", home_score=4, away_score=1)
    text = (
        "Napoli (4-4-2): Meret; Malcuit, Albiol, Koulibaly, Ghoulam; Callejon, Allan, Zielinski, Fabian; Milik,"
        " Mertens. All. Ancelotti Inter (4-2-3-1): Handanovic; D'Ambrosio, Miranda, Skriniar, Asamoah; Gagliardini"
        " (13' st\nVecino), Brozovic; Politano, Nainggolan, Perisic; Lautaro. All. Spalletti\n"
        "Note: ammoniti Koulibaly, Nainggolan."
    )
    assert (_lineup_team("Nainggolan", stub, text), _lineup_team("Koulibaly", stub, text)) == ("Inter", "Napoli")
    assert _lineup_team("Ronaldo", stub, text) is None


def test_a_goal_sequence_head_alone_on_its_line_takes_the_entries_under_it_minutes_in_brackets() -> None:
    text = (
        "TSV Musterdorf II 1 : 1 SV Beispiel II\n(0 : 1)\n\nTorfolge\n\n"
        "0:1 (13')SV Beispiel II\n1:1 (87')Aggelos Kostas\n\nGerechtes Unentschieden im Spitzenspiel\n"
    )
    stub = MatchStub(home_team="TSV Musterdorf II", away_team="SV Beispiel II", home_score=1, away_score=1)
    goals, _ = line_facts(stub, [stub], clean(text).text, {})
    # the first entry names a club, not a scorer; the 0:1 to 1:1 step gives Kostas the home side
    assert goals is not None
    assert [(g["player"], g["team"], g["minute"]) for g in goals if g["player"] == "Aggelos Kostas"] == [
        ("Aggelos Kostas", "TSV Musterdorf II", 87)
    ]


def test_a_line_up_set_off_by_a_dash_and_a_singular_marcatore_head_give_the_scorers_team() -> None:
    text = (
        "Caduta inattesa del Borgo.\nBORGO-MARINA' 0-1\n"
        "BORGO - Rossi, Bianchi (75' Neri), Verdi, Gallo, Conti, Costa, Greco, Marino, Ferri (62’ Sala), Longo,"
        " Testa. All.: Mancini\n"
        "MARINA' - Lombardi, Moretti, Barbieri, Grassi, Bontempi, Rinaldi (63’Caruso), Gentile (86’Riva),\n"
        "Fontana, Leone, Serra, Pace. All.: Vitale\n"
        "Marcatore: 74'' Bontempi (rig.).\n"
    )
    stub = MatchStub(home_team="Borgo", away_team="Marina'", home_score=0, away_score=1)
    goals, _ = line_facts(stub, [stub], clean(text).text, {})
    assert goals is not None
    assert [(g["player"], g["team"], g["minute"], g["penalty"]) for g in goals] == [("Bontempi", "Marina'", 74, True)]
