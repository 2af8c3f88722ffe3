"""General rules of the session of 2026-12-06, each for a failure seen on fresh texts that is not one site's form:
a score written only as "3 a 3" in prose, a loss told with such a score, the town a team lost in, a results line's
order over the line-ups', and a youth team's label that is no score ("JO14-1").

Texts written for the tests (in those forms, not copied from the fresh texts); the model's answers are
built by hand to put the code around it to work.
"""

from __future__ import annotations

from typing import Any

from extractor.cleaning import clean
from extractor.grounding import Grounder
from schemas.match_report import PLAN, MatchStub, score_stated
from schemas.match_report.facts import _lineup_team
from schemas.match_report.hosts import _host_by_place, _winner_told
from schemas.match_report.questions import _wider_questions
from schemas.match_report.stubs import _stubs
from tests.test_batch11_rules import _asked, _assembled_from, _final, _refined
from tests.test_fresh_batch_rules import _match

PROSE_ONLY = (
    "Sei gol e tanto spettacolo nella sfida tra Montecalvo e Valbruna, gara della quarta giornata.\n\n"
    "Il Valbruna passa al 10’ con Ferri, poi sullo 0 a 0 annullato un gol al Montecalvo. Le squadre vanno a riposo "
    "sul punteggio di 2 a 1 per i padroni di casa. Nella ripresa Neri pareggia al 13’. Il 3 a 3 finale "
    "accontenta tutti, con la squadra in campo per 90 minuti.\n"
)


def _wider(text: str, results: list[tuple[dict[str, Any], Any]]) -> list[dict[str, Any]]:
    return _wider_questions({"results": results}, Grounder(clean(text)))


def test_a_score_written_only_as_n_a_n_in_prose_is_asked_when_nothing_else_is_final() -> None:
    assert _asked(PROSE_ONLY) == []  # step 1 does not read "3 a 1" in running prose
    asked = _wider(PROSE_ONLY, [])
    assert [q["score"] for q in asked] == ["0-0", "3-3"]  # not the half-time's "a riposo ... 2 a 1", nor "90 minuti"
    assert score_stated(Grounder(clean(PROSE_ONLY)).folded_text, 3, 3)


def test_a_score_in_prose_words_is_asked_only_with_more_goals_than_every_final_found() -> None:
    model = PLAN.step("results").model
    for told, home, away, more in (("Il Valbruna era sotto 0-2. ", 0, 2, ["3-3"]), ("Finisce 3-3. ", 3, 3, [])):
        text = told + PROSE_ONLY
        answered = [(q, model(q)(**_final("Montecalvo", "Valbruna", home, away))) for q in _asked(text)]
        assert answered and [q["score"] for q in _wider(text, answered)] == more


def test_a_score_in_prose_words_is_not_asked_beside_a_results_line() -> None:
    text = "Montecalvo - Valbruna 3-3\n\n" + PROSE_ONLY
    assert _wider(text, []) == []


def test_a_loss_told_with_a_score_in_words_gives_the_loser_the_fewer_goals() -> None:
    passage = "Santa Rita cayó en Córdoba. El equipo perdió 3 a 1 con Atlético Norte en la quinta fecha."
    context = {"first": 3, "second": 1, "score": "3-1", "passage": passage}
    assert _winner_told(context, "Santa Rita", "Atlético Norte", (3, 1)) == (1, 3)


def test_the_town_a_team_lost_in_makes_the_other_team_the_host() -> None:
    text = (
        "Santa Rita cayó en Córdoba\n"
        "El equipo perdió 3 a 1 con Atlético Norte en la quinta fecha del torneo.\n"
    )
    grounder = Grounder(clean(text))
    assert _host_by_place(grounder, "Santa Rita", "Atlético Norte") == "Atlético Norte"
    match = _match("Santa Rita", "Atlético Norte", 1, 3, [])
    refined = _refined(text, match)[0]
    assert (refined["home_team"], refined["home_score"], refined["away_score"], refined["away_team"]) == (
        "Atlético Norte", 3, 1, "Santa Rita",
    )  # fmt: skip
    # a month, a competition or one of the clubs after "in" is no town of its own
    assert _host_by_place(Grounder(clean("Northam lost in March to Eastford, 2-1.\n")), "Northam", "Eastford") is None
    italian = "Il Borgo Alto ha perso in Coppa contro il Valtorta per 2-1.\n"
    assert _host_by_place(Grounder(clean(italian)), "Borgo Alto", "Valtorta") is None
    danish = "Nordby tabte i Superligaen til Sydby med 1-2.\n"  # a league, not a town, whatever its ending
    assert _host_by_place(Grounder(clean(danish)), "Nordby", "Sydby") is None


def test_a_results_lines_order_stands_against_the_line_ups_order() -> None:
    text = (
        "Trasferta amara: la Valtorta vince 1-0\n\n"
        "VALTORTA WOMEN – BORGO ALTO WOMEN: 1-0\n\n"
        "BORGO ALTO WOMEN: Salvi, Faccioli, Pecchini, Carraro, Pavana, Caliari, Dalla, Tardini, Peretti, Boni.\n\n"
        "VALTORTA WOMEN: Vinci, Gamba, Santoro, Colini, Savini, Duò, Castiello, Giammarino, Pitta, Palombi.\n"
    )
    stubs = _stubs({"results": [], "results_wider": []}, Grounder(clean(text)))
    assert [(s.home_team, s.home_score, s.away_score, s.away_team) for s in stubs] == [
        ("Valtorta Women", 1, 0, "Borgo Alto Women"),
    ]


def test_a_youth_teams_label_is_no_score() -> None:
    text = "Hoogveld JO14-1\n\nAFC Zuidoost JO14-1\n\nDe JO14-1 speelde in Hoogveld. 1-0 Hoogveld. Toen 2-1 Hoogveld.\n"
    assert [q["score"] for q in _asked(text)] == ["1-0", "2-1"]


def test_a_scorer_tagged_with_his_team_in_brackets_scores_for_it() -> None:
    text = (
        "Vallon 3-1 Montaigu\n\n"
        "Stade du Lac, 80 spectateurs. 11’ Da Silva, 50’ Koller, 70’ Zanetti (pour Montaigu), 85’ Brun.\n"
    )
    goals = [("Da Silva", "Vallon"), ("Koller", "Vallon"), ("Zanetti", "Vallon"), ("Brun", "Vallon")]
    refined = _refined(text, _match("Vallon", "Montaigu", 3, 1, goals))[0]
    assert [(g["player"], g["team"]) for g in refined["goals"]] == [
        ("Da Silva", "Vallon"), ("Koller", "Vallon"), ("Zanetti", "Montaigu"), ("Brun", "Vallon"),
    ]  # fmt: skip


def test_a_score_in_number_words_is_asked_and_stated() -> None:
    text = (
        "La sélection de Montaigu s’est imposée face à Vallon sur le score de deux buts à un, au stade du Lac.\n"
        "À la mi-temps, le score était d'un but à zéro.\n"
    )
    assert [q["score"] for q in _asked(text)] == ["2-1"]
    assert score_stated(Grounder(clean(text)).folded_text, 1, 2)
    assert _asked("Los jugadores salieron uno a uno al campo.\n") == []  # "one by one" is no score


def test_a_total_after_a_shoot_out_is_no_score_and_the_draw_before_it_is_the_result() -> None:
    german = (
        "Der SV Talheim erzwang erst die Verlängerung und dann das Elfmeterschießen - und schied doch aus: "
        "6:8 (4:4, 1:1) hieß es aus Sicht der Gastgeber.\n"
    )
    asked = {q["score"]: q for q in _asked(german)}
    assert "6-8" not in asked and asked["4-4"].get("settled") == "final"
    sheet = (
        "- Ergebnis: 5-2 nach 90 Minuten und Elfmeterschießen – Halbzeit: 1-1, reguläre Spielzeit: 1-1, "
        "Elfmeterschießen: 4-1\n"
    )
    assert [q["score"] for q in _asked(sheet)] == ["1-1"]  # neither the total nor the tally after its label


def test_a_header_result_after_the_pages_date_is_read() -> None:
    text = " date 2020-10-16 Northam 0 Eastford Utd 1\n\nTen-man Eastford Utd grabbed a win as Northam faded.\n"
    stubs = _stubs({"results": [], "results_wider": []}, Grounder(clean(text)))
    assert [(s.home_team, s.home_score, s.away_score, s.away_team) for s in stubs] == [
        ("Northam", 0, 1, "Eastford Utd"),
    ]
    assert len(_refined(text, _match("Northam", "Eastford Utd", 0, 1, []))) == 1  # and its score is stated


def test_an_away_match_with_its_host_named_after_met_is_the_hosts() -> None:
    text = "Real Zuid heeft het uitduel met Noordstad gewonnen (0-1). De ploeg won in de slotfase.\n"
    match = _match("Real Zuid", "Noordstad", 1, 0, [])
    refined = _refined(text, match)[0]
    assert (refined["home_team"], refined["home_score"], refined["away_score"], refined["away_team"]) == (
        "Noordstad", 0, 1, "Real Zuid",
    )  # fmt: skip


def test_a_results_list_with_each_sides_scorers_states_its_score() -> None:
    text = "En el anticipo, Unión de San Pedro 2 (Juan Pérez y Raúl Díaz)-Sportivo Norte de Salta 2 (Marcos Gil).\n"
    folded = Grounder(clean(text)).folded_text
    assert score_stated(folded, 2, 2, ("Unión de San Pedro", "Sportivo Norte de Salta"))
    refined = _refined(text, _match("Unión de San Pedro", "Sportivo Norte de Salta", 2, 2, []))
    assert [(m["home_team"], m["away_team"]) for m in refined] == [("Unión de San Pedro", "Sportivo Norte de Salta")]


def test_a_coachs_side_in_the_answer_is_replaced_by_its_sections_header_club() -> None:
    text = (
        "In der Liga ging es am Freitag heiß her.\n"
        "FC Nordbach gegen SV Talheim/Ros.\n"
        "Vor 400 Zuschauern brachte Max Berger Nordbach in der 8. Minute mit 1:0 in Führung. Kurz nach der Pause "
        "glich Omann für die Gäste aus, doch Nordbach schlug zurück, als Wernisch das 2:1 erzielte. In der 70. Minute "
        "glich Marjanovic zum 2:2 aus, bevor Koller das entscheidende 3:2 für die Gäste markierte. Der dritte Treffer "
        "brachte einen 3:2-Auswärtserfolg für die Berger-Elf.\n"
    )
    three_two = [q for q in _asked(text) if q["score"] == "3-2"]
    for answer in (_final("Berger-Elf", "FC Nordbach", 3, 2), _final("FC Nordbach", "Berger-Elf", 2, 3)):
        said = [(q, answer) for q in three_two]  # the header's order, host first, each club with its goals
        assert three_two and _assembled_from(text, said) == [("FC Nordbach", 2, 3, "SV Talheim/Ros.")]


def test_the_team_a_sentence_says_won_has_the_more_goals() -> None:
    text = "LISSABON - Real Zuid heeft het uitduel met Noordstad in de tussenronde gewonnen (0-1). De return volgt.\n"
    refined = _refined(text, _match("Real Zuid", "Noordstad", 0, 1, []))[0]
    assert (refined["home_team"], refined["home_score"], refined["away_score"], refined["away_team"]) == (
        "Noordstad", 0, 1, "Real Zuid",
    )  # fmt: skip
    german = "Kiel hat das Derby gegen Lübeck mit 2:1 gewonnen.\n"
    refined = _refined(german, _match("Kiel", "Lübeck", 1, 2, []))[0]
    assert (refined["home_score"], refined["away_score"]) == (2, 1)
    refused = "Kiel hat das Derby gegen Lübeck beim 1:2 nicht gewonnen.\n"  # no win told
    refined = _refined(refused, _match("Kiel", "Lübeck", 1, 2, []))[0]
    assert (refined["home_score"], refined["away_score"]) == (1, 2)


def test_a_sentence_led_by_where_its_subject_played_tells_the_host() -> None:
    text = (
        "Le Stade Nord arrache un nul précieux.\n"
        "En déplacement, le Stade Nord a évité la défaite sur le fil contre l’AS Sudville (1-1).\n"
    )
    match = _match("Stade Nord", "AS Sudville", 1, 1, [])
    refined = _refined(text, match)[0]
    assert (refined["home_team"], refined["away_team"]) == ("AS Sudville", "Stade Nord")
    at_home = "In casa, il Borgo Alto ha pareggiato con la Valtorta (2-2).\n"
    refined = _refined(at_home, _match("Valtorta", "Borgo Alto", 2, 2, []))[0]
    assert (refined["home_team"], refined["away_team"]) == ("Borgo Alto", "Valtorta")


def test_a_win_told_with_an_infinitive_gives_the_winner_the_more_goals() -> None:
    passage = "El Deportivo Sur dio un gran paso tras vencer al Club Norte 2-3 en la semifinal de ida."
    context = {"first": 2, "second": 3, "score": "2-3", "passage": passage}
    assert _winner_told(context, "Deportivo Sur", "Club Norte", (2, 3)) == (3, 2)


def test_a_header_of_two_lines_each_a_club_and_its_goals_states_the_score() -> None:
    text = "Montalto 4\nPro Valle 1\nMarcatori: 16’ pt Rossi (M), 9’ st Bianchi (M)\n"
    assert score_stated(Grounder(clean(text)).folded_text, 4, 1, ("Montalto", "Pro Valle"))


def test_a_line_up_headed_by_its_clubs_possessive_or_a_line_up_word_tells_a_players_side() -> None:
    names = "Oliver Holm (20. min. Peter Lund) – Nicolaj Berg, Anton Dahl, Jacob Mikkelsen, Oliver Skov, Jonas Kjær"
    names += ", Bo Ry, Mads Frø, Anders Klynge, Elias Lam"
    text = f"FC Nordby – OB 4-1 (1-0)\n11 min. 1-0 FCN\n\nOB’s holdopstilling:\n{names}\n"
    stub = MatchStub(home_team="FC Nordby", away_team="OB", home_score=4, away_score=1)
    assert _lineup_team("Jonas Kjær", stub, text) == "OB"
    eleven = "Weiner, Johansson, Kirkeskov, Ivezic, Becker, Mühling, Holtby, Porath, Skrzybski, Pichler"
    german = f"Aufstellung Kiel: {eleven}\n"
    stub = MatchStub(home_team="Kiel", away_team="Lübeck", home_score=1, away_score=0)
    assert _lineup_team("Holtby", stub, german) == "Kiel"


def test_a_person_told_as_the_equaliser_is_no_team() -> None:
    text = (
        "Fodbold, Fynsserien, Nordby - Sydby GF 2-3 (2-1)\n"
        "Sydby kom tilbage, da det blev udlignet ved Sune Holmsen, der kom først på en returbold, og så var det 2-2.\n"
    )
    assert _refined(text, _match("Nordby", "Sune Holmsen", 2, 2, [])) == []
