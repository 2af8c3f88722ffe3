"""Step 1 of the staged plan: one question per written score, and what code reads itself (no model)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from extractor.cleaning import clean
from extractor.grounding import Grounder
from schemas.match_report import PLAN, listed_results, parse_line, score_questions, summary_results


def questions(text: str) -> list[tuple[str, str]]:
    return [(q["score"], q["passage"]) for q in score_questions(Grounder(clean(text)))]


def test_each_written_score_is_asked_once_per_sentence_with_its_passage() -> None:
    text = (
        "Atalanta won 2-0 at Anfield on Tuesday. Liverpool had led 2-0 in the table before.\n"
        "Ajax beat Midtjylland 3-1, and it was 3-1 at half-time too.\n"
    )
    asked = questions(text)
    assert [score for score, _ in asked] == ["2-0", "2-0", "3-1"]
    # a score early in its sentence comes with the sentence before (who hosted, who played)
    assert asked[2][1] == (
        "Liverpool had led 2-0 in the table before. Ajax beat Midtjylland 3-1, and it was 3-1 at half-time too."
    )
    assert "Atalanta won 2-0 at Anfield" in asked[0][1]


def test_code_settles_first_legs_half_times_running_scores_and_scorers_lines() -> None:
    text = (
        "Na de 0-5 pandoering in de heenwedstrijd won Atalanta nu met 0-2.\n"
        "Bayern setzte sich mit 3:2 (2:2) durch. Goretzkas Treffer zum 1:0 war ein Eigentor.\n"
        "Tore: 1:0 Goretzka (1., Eigentor), 1:1 Coman (17.)\n"
        "Köln - Union Berlin 1:2\n"
    )
    assert [score for score, _ in questions(text)] == ["0-2", "3-2"]


def test_headline_results_in_capitals_or_with_a_slash_are_read_by_code() -> None:
    text = (
        "JUVENTUS- INTER 3-2:\nla sblocca Ronaldo.\nSPAL-SPEZIA 1-2 (0-1)\nLo Spezia vince.\n"
        "Bastia/Nice : 2–1\nNapoli-Inter 4-1 TABELLINO\n"
    )
    assert [(s.home_team, s.home_score, s.away_score, s.away_team) for s in listed_results(text)] == [
        ("Juventus", 3, 2, "Inter"), ("SPAL", 1, 2, "Spezia"), ("Bastia", 2, 1, "Nice"), ("Napoli", 4, 1, "Inter"),
    ]  # fmt: skip
    assert questions(text) == []
    # a headline's result before a colon and its text ("Brighton 1-0 Manchester United: ... scores ...")
    headline = "Brighton 1-0 Manchester United: Alexis Mac Allister scores 99th-minute penalty to win it\n"
    assert [(s.home_team, s.home_score, s.away_score, s.away_team) for s in listed_results(headline)] == [
        ("Brighton", 1, 0, "Manchester United")
    ]


def test_a_scoreboard_stacked_on_three_lines_is_a_results_line() -> None:
    text = "9ème journée de Ligue 1\n|\nLENS |\n2 - 0 |\nREIMS |\nDeuxième match à domicile à huis-clos.\n"
    assert [(s.home_team, s.home_score, s.away_score, s.away_team) for s in listed_results(text)] == [
        ("LENS", 2, 0, "Reims")
    ]


def test_a_results_line_may_open_with_its_competitions_label() -> None:
    text = "VL Nordbaden: ASV Durlach 02 – SpVgg Oberhausen 1:2 (0:2)\n\nHeute sollte endlich wieder der Ball rollen.\n"
    assert [(s.home_team, s.home_score, s.away_score, s.away_team) for s in listed_results(text)] == [
        ("ASV Durlach 02", 1, 2, "SpVgg Oberhausen")
    ]


def test_a_score_whose_sentence_names_no_team_takes_the_winner_told_before_it() -> None:
    text = (
        "Titelkandidaat De Graafschap heeft punten gepakt door te winnen van en bij Helmond Sport. Het duel, dat"
        " eerder werd uitgesteld vanwege coronabesmettingen bij beide ploegen, eindigde in 1-2.\n"
    )
    # the model made the visitors the hosts and gave them the fewer goals
    assert one_answer(text, home_team="De Graafschap", away_team="Helmond Sport", home_score=1, away_score=2) == [
        ("Helmond Sport", 1, 2, "De Graafschap")
    ]


def test_a_score_before_a_colon_is_asked_and_one_a_side_was_fresh_from_is_not() -> None:
    text = (
        "La Fiorentina vince battendo il Rakow con il punteggio di 2-1: i viola giocheranno in Polonia.\n\n"
        "Brighton, fresh from the 6-0 thrashing of Wolves, played with verve.\n"
    )
    assert [score for score, _ in questions(text)] == ["2-1"]


def test_a_sentence_of_prose_that_names_nobody_comes_with_the_two_before_it() -> None:
    text = (
        "In dezelfde groep D ontdeed Ajax zich dan weer moeiteloos van FC Midtjylland, dat nog geen punt heeft."
        " De Amsterdammers waren een paar klassen sterker dan de Denen van Brian Priske. 3-1 was het logische verdict."
        " Liverpool blijft koploper.\nUitslag\nResultat: 1-2\n"
    )
    (verdict, box) = questions(text)
    assert verdict[1].startswith("In dezelfde groep D ontdeed Ajax") and verdict[1].endswith("logische verdict")
    assert box == ("1-2", "Uitslag Resultat: 1-2")  # a box's short line keeps the usual passage


def test_a_score_that_begins_a_compound_word_is_a_score_and_the_word_says_which_kind() -> None:
    text = (
        "Het afstandsschot van Van de Donk verdween in doel, meteen goed voor de 3-2-eindcijfers.\n\n"
        "Et kæmpe drop af målmanden førte til Danmarks 3-0-mål. Werder drückt den Ball zur 2:0-Führung über die Linie."
        "\n\nDie 1:3-Pleite in Mainz war die dritte in Folge.\n"
    )
    assert [score for score, _ in questions(text)] == ["3-2", "1-3"]


def test_a_range_of_weeks_is_not_a_score() -> None:
    text = "Sansone del Lecce salta l'Atalanta: una lesione che si recupera in circa 1-2 settimane. Il Lecce perse 1-2."
    assert [score for score, _ in questions(text)] == ["1-2"]
    assert "perse 1-2" in questions(text)[0][1]


def test_a_goalless_draw_or_an_only_goal_in_words_is_a_score_to_ask_about() -> None:
    text = "Atlético en Lokomotiv speelden een scoreloos gelijkspel. Foden scoorde het enige doelpunt van de avond."
    asked = score_questions(Grounder(clean(text)))
    assert [(q["score"], q["first"], q["second"]) for q in asked] == [("scoreloos", 0, 0), ("enige doelpunt", 1, 0)]
    # ... but not a part of a match without goals
    parts = "Una primera parte sin goles en Vigo. Sin goles en el tiempo extra, todo se decidió en los penaltis."
    assert score_questions(Grounder(clean(parts))) == []


def test_a_score_of_earlier_the_same_evening_is_a_result_and_its_first_leg_is_not() -> None:
    text = (
        "Real Madrid nestelt zich in het spoor van groepsleider Borussia Mönchengladbach, dat eerder op de avond"
        " Sjachtar Donetsk na de afstraffing in de heenwedstrijd (0-6) andermaal een pandoering had verkocht (4-0).\n"
        "Eerder dit seizoen won Ajax met 2-1 van PSV.\n"
    )
    assert [score for score, _ in questions(text)] == ["4-0"]


def test_an_only_goal_whose_answer_names_a_team_not_in_its_passage_is_asked_again_with_more_text() -> None:
    text = (
        "Bayern won. In groep C ontdeed Manchester City zich gemakkelijk van Olympiakos. De Grieken konden geen"
        " enkel schot op doel geven. Dan deed Phil Foden het beter, want hij scoorde het enige doelpunt van de"
        " wedstrijd, waardoor de Citizens door zijn."
    )
    grounder = Grounder(clean(text))
    (only,) = score_questions(grounder)
    assert only["score"] == "enige doelpunt" and only["passage"].startswith("De Grieken")
    first = answer(only, result="final", home_team="Citizens", away_team="Inter", home_score=1, away_score=0)
    answers: dict[str, Any] = {"results": [first], "details": []}
    assert PLAN.assemble(answers, grounder)["matches"] == []  # "Inter" is not in the passage
    (again,) = PLAN.step("results_wider").contexts(answers, grounder)
    assert again["passage"].startswith("In groep C ontdeed Manchester City") and again["score"] == "enige doelpunt"
    answers["results_wider"] = [
        answer(again, result="final", home_team="Manchester City", away_team="Olympiakos", home_score=1, away_score=0)
    ]
    matches = PLAN.assemble(answers, grounder)["matches"]
    assert [(m["home_team"], m["home_score"], m["away_score"], m["away_team"]) for m in matches] == [
        ("Manchester City", 1, 0, "Olympiakos")
    ]
    # an answer whose teams its passage names is not asked again
    named = answer(only, result="final", home_team="Grieken", away_team="Citizens", home_score=0, away_score=1)
    assert PLAN.step("results_wider").contexts({"results": [named]}, grounder) == []


def test_a_final_whose_answer_names_a_team_not_in_its_passage_is_asked_again_with_its_own_sentence() -> None:
    text = (
        "In groep B deelde Real Madrid een mokerslag uit aan het Inter van Romelu Lukaku (0-2). Op die manier"
        " volgt de Koninklijke groepsleider Borussia Mönchengladbach, dat eerder op de avond Sjachtar Donetsk"
        " een pandoering had verkocht (4-0).\n"
    )
    grounder = Grounder(clean(text))
    _, late = score_questions(grounder)
    assert late["score"] == "4-0" and late["passage"].startswith("In groep B deelde Real Madrid")
    confused = answer(late, result="final", home_team="Real Madrid", away_team="Internazionale", home_score=4,
                      away_score=0)
    (again,) = PLAN.step("results_wider").contexts({"results": [confused]}, grounder)
    assert again["passage"].startswith("Op die manier volgt") and again["passage"].endswith("verkocht (4-0).")
    # a running score is not asked again, nor a final whose own sentence names its teams
    running = answer(late, result="running", home_team="Real Madrid", away_team="Internazionale", home_score=4,
                     away_score=0)
    fine = answer(late, result="final", home_team="Borussia Mönchengladbach", away_team="Sjachtar Donetsk",
                  home_score=4, away_score=0)
    assert PLAN.step("results_wider").contexts({"results": [running, fine]}, grounder) == []
    # both teams in the passage, but only in the sentence before the score's: asked again with its own sentence
    before = answer(late, result="final", home_team="Real Madrid", away_team="Inter", home_score=0, away_score=4)
    (again,) = PLAN.step("results_wider").contexts({"results": [before]}, grounder)
    assert again["passage"].startswith("Op die manier volgt")


def test_the_answer_to_a_score_asked_again_replaces_its_first_answer() -> None:
    text = (
        "Ramos a donné au Paris-Saint-Germain un match nul 1-1 à domicile contre Rennes dimanche. Brest est deuxième"
        " de Ligue 1 après avoir battu Strasbourg 3-0 samedi. Lille a perdu 3-1 à Toulouse et est cinquième.\n"
    )
    grounder = Grounder(clean(text))
    drawn, brest, lille = score_questions(grounder)
    first = answer(brest, result="final", home_team="Paris-Saint-Germain", away_team="Rennes", home_score=3,
                   away_score=0)  # fmt: skip
    (own,) = PLAN.step("results_wider").contexts({"results": [first]}, grounder)
    answers: dict[str, Any] = {
        "results": [
            answer(drawn, result="final", home_team="Paris-Saint-Germain", away_team="Rennes", home_score=1,
                   away_score=1),
            first,
            # a loss told in the sentence stands, whatever numbers the model gave
            answer(lille, result="final", home_team="Lille", away_team="Toulouse", home_score=3, away_score=3),
        ],
        "results_wider": [answer(own, result="final", home_team="Brest", away_team="Strasbourg", home_score=3,
                                 away_score=0)],
        "details": [],
    }  # fmt: skip
    found = {(m["home_team"], m["home_score"], m["away_score"], m["away_team"])
             for m in PLAN.assemble(answers, grounder)["matches"]}  # fmt: skip
    assert found == {
        ("Paris-Saint-Germain", 1, 1, "Rennes"), ("Brest", 3, 0, "Strasbourg"), ("Toulouse", 3, 1, "Lille"),
    }  # fmt: skip


def test_a_final_written_low_high_puts_the_home_team_first_unless_told_from_the_losers_side() -> None:
    won = "In groep B deelde Real Madrid een mokerslag uit aan het Inter van Romelu Lukaku (0-2). Dat was het."
    assert one_answer(won, home_team="Real Madrid", away_team="Inter", home_score=2, away_score=0) == [
        ("Inter", 0, 2, "Real Madrid")
    ]
    lost = "Atalanta kæmper med Ajax, der tirsdag aften tabte 0-1 til Liverpool på Anfield. Sejren var stor."
    assert one_answer(lost, home_team="Liverpool", away_team="Ajax", home_score=1, away_score=0) == [
        ("Liverpool", 1, 0, "Ajax")
    ]
    # a score written high-low says nothing of who hosted: the model's answer stands
    high_low = "Atalanta won 2-0 against Liverpool on Tuesday night. It was deserved."
    assert one_answer(high_low, home_team="Atalanta", away_team="Liverpool", home_score=2, away_score=0) == [
        ("Atalanta", 2, 0, "Liverpool")
    ]


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        # the model kept the written order of names and numbers: Liverpool would have won
        ("Atalanta Bergamo won op Anfield. Dankzij de 0-2 overwinning tegen Liverpool staat Atalanta tweede.",
         ("Atalanta Bergamo", "Liverpool", 0, 2), ("Liverpool", 0, 2, "Atalanta Bergamo")),
        ("Leeds United lost 1-3 to Chelsea at Elland Road on Sunday. It was a long afternoon.",
         ("Leeds United", "Chelsea", 3, 1), ("Leeds United", 1, 3, "Chelsea")),
        ("Ajax speelde tegen PSV gelijk, 2-2, na een overwinning tegen Twente vorige week. Zo ging het.",
         ("Ajax", "PSV", 2, 2), ("Ajax", 2, 2, "PSV")),
        # Dutch idioms for a win: "zich ontdoen van" (with words between), "een mokerslag uitdelen aan"
        ("In groep D ontdeed Ajax zich dan weer moeiteloos van FC Midtjylland, 3-1. Zo ging het.",
         ("Ajax", "FC Midtjylland", 1, 3), ("Ajax", 3, 1, "FC Midtjylland")),
        ("In groep B deelde Real Madrid een mokerslag uit aan het Inter van Romelu Lukaku (0-2). Dat was het.",
         ("Real Madrid", "Inter", 0, 2), ("Inter", 0, 2, "Real Madrid")),
        # an only goal in words is told after the sentence of the win
        ("In groep C ontdeed Manchester City zich gemakkelijk van Olympiakos. Foden scoorde het enige doelpunt.",
         ("Manchester City", "Olympiakos", 0, 1), ("Manchester City", 1, 0, "Olympiakos")),
    ],
)  # fmt: skip
def test_the_team_the_sentence_says_was_beaten_gets_the_fewer_goals(
    text: str, model: tuple[str, str, int, int], expected: tuple[str, int, int, str]
) -> None:
    home, away, home_score, away_score = model
    assert one_answer(text, home_team=home, away_team=away, home_score=home_score, away_score=away_score) == [
        expected
    ]


def test_the_answer_grammar_allows_only_the_two_written_numbers() -> None:
    model = PLAN.step("results").model({"score": "0-2", "first": 0, "second": 2, "passage": "..."})
    fine = model(result="final", home_team="Liverpool", away_team="Atalanta", home_score=0, away_score=2)
    assert fine.model_dump()["away_score"] == 2
    with pytest.raises(ValidationError):
        model(result="final", home_team="Liverpool", away_team="Atalanta", home_score=1, away_score=2)
    with pytest.raises(ValidationError):
        model(result="won", home_team="Liverpool", away_team="Atalanta", home_score=0, away_score=2)
    schema = model.model_json_schema()
    assert schema["properties"]["home_score"]["enum"] == [0, 2]


def answer(context: dict[str, Any], **fields: Any) -> tuple[dict[str, Any], Any]:
    return context, PLAN.step("results").model(context)(**fields)


def one_answer(text: str, **fields: Any) -> list[tuple[str, int, int, str]]:
    """The matches assembled from one answer to the text's only score question."""
    grounder = Grounder(clean(text))
    (final,) = score_questions(grounder)
    answers: dict[str, Any] = {"results": [answer(final, result="final", **fields)], "details": []}
    return [(m["home_team"], m["home_score"], m["away_score"], m["away_team"])
            for m in PLAN.assemble(answers, grounder)["matches"]]  # fmt: skip


def test_a_final_result_needs_both_teams_in_its_passage_and_a_pair_keeps_its_largest_score() -> None:
    text = (
        "Bayern lagen nach dem 1:0 zurück. Dennoch gewann der FC Bayern München am Ende gegen Augsburg mit 3:2.\n"
        "Der Rückstand auf Borussia Dortmund ist klein.\n"
    )
    grounder = Grounder(clean(text))
    asked = score_questions(grounder)
    assert [q["score"] for q in asked] == ["1-0", "3-2"]
    running, final = asked
    answers: dict[str, Any] = {
        "results": [
            answer(running, result="final", home_team="Augsburg", away_team="Bayern", home_score=1, away_score=0),
            answer(final, result="final", home_team="Augsburg", away_team="FC Bayern München", home_score=2,
                   away_score=3),
            answer(final, result="final", home_team="Borussia Dortmund", away_team="FC Bayern München",
                   home_score=2, away_score=3),
        ],
        "details": [],
    }  # fmt: skip
    matches = PLAN.assemble(answers, grounder)["matches"]
    assert [(m["home_team"], m["home_score"], m["away_score"], m["away_team"]) for m in matches] == [
        ("Augsburg", 2, 3, "FC Bayern München"),
    ]  # Dortmund is not in the 3:2 passage; the 1:0 of the same pair is not the largest score


def test_a_result_whose_passage_names_one_team_takes_the_other_from_the_lede() -> None:
    text = (
        "Hanstholm IF spillede ude mod Højslev Station IF lørdag i Serie 2.\n"
        "Hanstholm IF var foran efter seks minutter. Højslev Station IF udlignede før pausen.\n"
        "Hanstholm IF pressede på, men der blev ikke scoret flere mål, og kampen endte 2-1.\n"
        "Det var sjovt, sagde de sevillanos. Og de sevillanos sang.\n"
    )

    def matches(home: str, away: str) -> list[tuple[str, int, int, str]]:
        return one_answer(text, home_team=home, away_team=away, home_score=2, away_score=1)

    assert matches("Højslev Station IF", "Hanstholm IF") == [("Højslev Station IF", 2, 1, "Hanstholm IF")]
    # a name the article writes only in lower case is not a club
    assert matches("Sevillanos", "Hanstholm IF") == []


def test_a_sentence_naming_the_match_between_two_teams_overrules_a_team_from_the_sentence_before() -> None:
    text = "FC Fredericia ligger på tredjepladsen. Kampen mellem Skive og FC Roskilde sluttede 1-1.\n"
    matches = one_answer(text, home_team="FC Fredericia", away_team="Skive", home_score=1, away_score=1)
    assert matches == [("Skive", 1, 1, "FC Roskilde")]


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        # Danish word order: the verb, the winner, the score, "ude over" the loser, who hosted
        ("Holstebro tabte i sidste uge. Lørdag vandt Skovbakken med 2-0 ude over Ribe i Serie 1.",
         ("Holstebro", "Skovbakken", 2, 0), ("Ribe", 0, 2, "Skovbakken")),
        # "hjemme over": the winner hosted; rivals named with two words before the club
        ("Mens Ribe skuffede, vandt rivalerne fra Skovbakken 3-1 hjemme over Holstebro.",
         ("Ribe", "Skovbakken", 3, 1), ("Skovbakken", 3, 1, "Holstebro")),
        # English: "won ... at" the loser, who hosted
        ("After Alpha stumbled on Friday, Beta won 2-1 at Gamma on Saturday.",
         ("Alpha", "Beta", 2, 1), ("Gamma", 1, 2, "Beta")),
        # German: "gewinnt 2:0 in" the loser's town
        ("Leverkusen gewinnt 2:0 in Köln. Danach wird es wild.", ("Leverkusen", "Köln", 2, 0),
         ("Köln", 0, 2, "Leverkusen")),
        # a headline without a full stop runs into the lede: the answer's name, not "Jahres Leverkusen"
        ("Die wildeste Nachspielzeit des Jahres\n\nLeverkusen gewinnt 2:0 in Köln. Danach wird es wild.",
         ("Köln", "Leverkusen", 0, 2), ("Köln", 0, 2, "Leverkusen")),
        # the loser first: "s'incline à" the winner, who hosted; "lost to" names no host (the loser, first, home)
        ("Nantes gagne. Metz s'incline à Rennes (1-0) et dit adieu à la L1.", ("Nantes", "Metz", 1, 0),
         ("Rennes", 1, 0, "Metz")),
        ("Leeds lost to Chelsea 0-1 on Sunday. It was a long afternoon.", ("Chelsea", "Leeds", 1, 0),
         ("Leeds", 0, 1, "Chelsea")),
        # the loser, a relative pronoun, the verb and the score, then the host: a club named for the table too
        ("Atalanta moved into second spot, one point above Ajax, which lost 1-0 at Liverpool.",
         ("Midtjylland", "Atalanta", 1, 0), ("Liverpool", 1, 0, "Ajax")),
        ("Atalanta kæmper med Ajax, der tirsdag aften tabte 0-1 til Liverpool på Anfield.",
         ("Atalanta", "Liverpool", 0, 1), ("Ajax", 0, 1, "Liverpool")),
        # a draw "à domicile avec" a club: the club named before it in the sentence hosted
        ("Le PSG joue à Lyon. Marseille, invaincu, a perdu des points lors d'un match nul 1-1 à domicile avec Rennes.",
         ("Paris", "Lyon", 1, 1), ("Marseille", 1, 1, "Rennes")),
        # the host, then the score in brackets: it reads from the host's side (the model kept the written order)
        ("De verdediger van Heracles Almelo tikte terug in de Overijsselse derby bij FC Twente (5-0), maar miste.",
         ("Heracles Almelo", "FC Twente", 5, 0), ("FC Twente", 5, 0, "Heracles Almelo")),
        # no place word: the winner, named first, is home (the convention where no host is told)
        ("Atalanta won 2-0 against Liverpool on Tuesday night. It was deserved.", ("Liverpool", "Atalanta", 0, 2),
         ("Atalanta", 2, 0, "Liverpool")),
        # Dutch: the winner "deals" the loser a defeat; the model named the sentence before's clubs
        ("Real Madrid won van Inter. Op die manier volgen zij Borussia Mönchengladbach dat eerder op de avond "
         "Sjachtar Donetsk na de afstraffing in de heenwedstrijd (0-6) andermaal een pandoering had verkocht (4-0).",
         ("Real Madrid", "Inter", 4, 0), ("Borussia Mönchengladbach", 4, 0, "Sjachtar Donetsk")),
        ("PSV bezorgde Ajax een zware nederlaag (3-0). Zo ging het.", ("Ajax", "PSV", 0, 3), ("PSV", 3, 0, "Ajax")),
    ],
)  # fmt: skip
def test_a_sentence_saying_who_beat_whom_and_where_decides_the_pair_and_the_host(
    text: str, model: tuple[str, str, int, int], expected: tuple[str, int, int, str]
) -> None:
    home, away, home_score, away_score = model
    assert one_answer(text, home_team=home, away_team=away, home_score=home_score, away_score=away_score) == [
        expected
    ]


def test_a_pair_its_sentence_tells_outranks_a_pair_with_more_goals_that_shares_a_team() -> None:
    text = "Monaco s'impose (3-1) et reste en tête, tandis que Metz s'incline à Rennes (1-0) ce soir.\n"
    grounder = Grounder(clean(text))
    first, second = score_questions(grounder)
    answers: dict[str, Any] = {
        "results": [
            answer(first, result="final", home_team="Monaco", away_team="Metz", home_score=3, away_score=1),
            answer(second, result="final", home_team="Metz", away_team="Rennes", home_score=1, away_score=0),
        ],
        "details": [],
    }  # fmt: skip
    matches = PLAN.assemble(answers, grounder)["matches"]
    assert [(m["home_team"], m["home_score"], m["away_score"], m["away_team"]) for m in matches] == [
        ("Rennes", 1, 0, "Metz"),
    ]  # Metz plays one match of the round: the one its own sentence tells


def test_the_score_of_the_clubs_last_meeting_is_not_asked() -> None:
    text = (
        "Fortuna - PSV (zaterdag, 20.45 uur)\nIn 2002 stonden Fortuna en PSV voor het laatst tegenover elkaar op het"
        " hoogste niveau. PSV won met 0-1 dankzij een doelpunt van Jan de Vries.\n"
    )
    assert questions(text) == []


def test_a_club_named_for_the_table_is_no_opponent() -> None:
    text = (
        "Augsburg empfängt Bayern zu einem wilden Spiel.\n"
        + "Das Spiel begann ruhig und blieb lange ohne Chancen.\n" * 14
        + "Bayern gewann und konnte so den Rückstand in der Tabelle auf Borussia Dortmund verkürzen. Bayern setzte"
        " sich mit 3:2 durch.\n"
    )  # the lede does not name Dortmund, and the score's passage names it only for the table
    assert one_answer(text, home_team="Bayern", away_team="Borussia Dortmund", home_score=3, away_score=2) == []
    played = "Bayern schlug Borussia Dortmund mit 3:2 und liegt nun zwei Punkte hinter Leipzig.\n"
    assert one_answer(played, home_team="Bayern", away_team="Borussia Dortmund", home_score=3, away_score=2) == [
        ("Bayern", 3, 2, "Borussia Dortmund")
    ]


def test_a_draw_two_clubs_played_out_is_written_home_first() -> None:
    text = "FC Goa and SC East Bengal played out a 1-1 draw in the Indian Super League on Wednesday.\n"
    matches = one_answer(text, home_team="SC East Bengal", away_team="FC Goa", home_score=1, away_score=1)
    assert matches == [("FC Goa", 1, 1, "SC East Bengal")]


def test_a_clash_between_two_divisions_names_no_clubs() -> None:
    text = "The clash between the Northern and Southern Division went the way of Tottenham, 2-1 winners over Leeds.\n"
    matches = one_answer(text, home_team="Tottenham", away_team="Leeds", home_score=2, away_score=1)
    assert matches == [("Tottenham", 2, 1, "Leeds")]


def test_a_match_sheet_lists_the_home_team_first() -> None:
    text = (
        "Le Red Star FC rentre de Carquefou avec un nul, 2-2.\n"
        "USJA Carquefou : Joinel – Martot, Thomas, Guillon, David – Ngosso, Jouan, Zebidi, Delanoë – Bekamenga, Mayu\n"
        "Red Star FC : Allain – Gibaud, Allegro, Queudrue, Cerielo – Lafon, Meliani, Dieye, Sall – Durbant, Sabin\n"
    )
    matches = one_answer(text, home_team="Red Star FC", away_team="USJA Carquefou", home_score=2, away_score=2)
    assert [(home, away) for home, _, _, away in matches] == [("USJA Carquefou", "Red Star FC")]


def test_a_wire_summary_gives_each_match_with_its_scorers_and_cards() -> None:
    text = (
        "Summaries for the Premier League on Tuesday Crystal Palace (0) 1 Scorers: W. Zaha 59 Yellow card:"
        " Doucouré 95 Subs used: Édouard 54 (Mateta) Brentford (0) 1 Scorers: Y. Wissa 88 Yellow card: Hickey 71,"
        " Toney 83 Referee: Simon Hooper ......... Fulham (0) 2 Scorers: A. Mitrovi´c 48, L. Dunk 55og"
        " Brighton & Hove Albion (0) 1 Scorers: A. Mac Allister 60pen Yellow card: Estupiñán 55 Attendance: 22,224"
    )
    found = summary_results(text)
    assert [(s.home_team, s.home_score, s.away_score, s.away_team) for s, _, _ in found] == [
        ("Crystal Palace", 1, 1, "Brentford"), ("Fulham", 2, 1, "Brighton & Hove Albion"),
    ]  # fmt: skip
    _, goals, cards = found[1]
    assert [(g["player"], g["team"], g["minute"], g["penalty"], g["own_goal"]) for g in goals] == [
        ("A. Mitrovi´c", "Fulham", 48, False, False), ("L. Dunk", "Fulham", 55, False, True),
        ("A. Mac Allister", "Brighton & Hove Albion", 60, True, False),
    ]  # fmt: skip
    assert [(c["player"], c["team"], c["card"]) for c in found[0][2]] == [
        ("Doucouré", "Crystal Palace", "yellow"), ("Hickey", "Brentford", "yellow"), ("Toney", "Brentford", "yellow"),
    ]  # fmt: skip
    assert cards[0]["player"] == "Estupiñán"
    assert summary_results("Crystal Palace (0) 1 and Brentford (0) 1 in a sentence.") == ()


def test_glued_flags_of_wire_copy_are_read() -> None:
    entries = parse_line("A. Mac Allister 60pen, L. Dunk 55og")
    assert [(e.player, e.minute, e.penalty, e.own_goal) for e in entries] == [
        ("A. Mac Allister", 60, True, False), ("L. Dunk", 55, False, True),
    ]  # fmt: skip


def test_a_team_plays_one_match_of_a_round() -> None:
    text = (
        "Excelsior en Almere City speelden 4-4. Eerst was het 3-1 voor ADO Den Haag? Nee: Almere City kwam"
        " terug tegen Excelsior, dat in de slotfase nog 3-4 achter stond.\n"
    )
    grounder = Grounder(clean(text))
    four, three_one, three_four = score_questions(grounder)
    answers: dict[str, Any] = {
        "results": [
            answer(four, result="final", home_team="Excelsior", away_team="Almere City", home_score=4, away_score=4),
            answer(three_one, result="final", home_team="ADO Den Haag", away_team="Almere City", home_score=3,
                   away_score=1),
            answer(three_four, result="final", home_team="Excelsior", away_team="Almere City", home_score=3,
                   away_score=4),
        ],
        "details": [],
    }  # fmt: skip
    matches = PLAN.assemble(answers, grounder)["matches"]
    assert [(m["home_team"], m["home_score"], m["away_score"], m["away_team"]) for m in matches] == [
        ("Excelsior", 4, 4, "Almere City"),
    ]


def test_the_models_built_per_team_pair_are_kept_in_bounded_caches() -> None:
    from extractor.llm.call import grammar_schema, response_model_for
    from schemas.match_report.models import _details_for

    for i in range(700):
        context = {"home_team": f"Home {i}", "away_team": f"Away {i}", "home_score": 1, "away_score": 0}
        model = PLAN.step("details").model(context)
        grammar_schema(response_model_for(model))
    assert _details_for.cache_info().currsize <= 256
    assert response_model_for.cache_info().currsize <= 512 and grammar_schema.cache_info().currsize <= 512
