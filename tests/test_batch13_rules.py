"""Rules written from the thirteenth and fourteenth fresh batches' failures: Italian scores in words, a sheet's
statistics, a club with a year in its name, English and Spanish round-up idioms, a scorers line that turns its
order, an Italian notes line, a Danish club word, a side's label before its name, a visit told by its verb, the
words that say which side won, an Argentine results list in a sentence.

Texts written for the tests (in the batch's forms, not copied from it); the model's answers are
built by hand to put the code around it to work.
"""

from __future__ import annotations

from schemas.match_report import MatchStub, line_facts
from schemas.match_report.lines import _card_lines, parse_line
from schemas.match_report.minutes import parse_minute
from schemas.match_report.results import idiom_results
from tests.test_batch11_rules import _asked, _assembled_from, _final, _refined
from tests.test_fresh_batch_rules import _match


def _scores(text: str) -> list[str]:
    return [q["score"] for q in _asked(text)]


def test_an_italian_score_in_words_after_a_verb_or_before_between_is_asked() -> None:
    text = (
        "Nell'anticipo del sabato il Montecorvo ha battuto 1 a 0 il Rocca Alta con rete di Bruno Lella. "
        "Finisce 2 a 2 tra San Vito e Lentella. Il Sarno resta fermo da 3 a 4 settimane.\n"
    )
    assert _scores(text) == ["1-0", "2-2"]


def test_a_sheets_statistics_written_like_scores_are_not_asked() -> None:
    text = (
        "JUNIORES\nMONTE ALTO – VALLE BASSA 2-1\n"
        "NOTE Ammoniti Rossi, Bianchi Fuorigioco 3 -5 Angoli 4 -6 Rec. 0’, 4’\n"
        "Il Monte Alto vince la prima gara della categoria.\n"
    )
    assert "3-5" not in _scores(text) and "4-6" not in _scores(text)


def test_a_year_in_a_clubs_name_does_not_make_its_score_a_past_seasons() -> None:
    text = "Salgono al terzo posto i Lupi di Mare dopo la vittoria (3-2) sulla Robur 1989.\n"
    assert _scores(text) == ["3-2"]
    assert _scores("Im Juli 2011 gewann Kiel das Duell mit 3:2.\n") == []  # a month's year is a past one


def test_english_and_spanish_round_up_idioms_tell_the_host() -> None:
    text = (
        "The result saw the Reds knocked off top spot by Seaton Vale who were 3-2 winners at Harbour & Dene. "
        "Menos fortuna tuvo la Real Vega, que cayó por 2-0 en su visita al Berganza. "
        "El UD Monte también sufrió una derrota dolorosa en casa ante el Fabrilense (0-1).\n"
    )
    assert [(s.home_team, s.home_score, s.away_score, s.away_team) for s in idiom_results(text)] == [
        ("Harbour & Dene", 2, 3, "Seaton Vale"), ("Berganza", 2, 0, "Real Vega"), ("UD Monte", 0, 1, "Fabrilense"),
    ]  # fmt: skip


def test_a_scorers_line_that_turns_to_minute_first_keeps_each_minute_with_its_name() -> None:
    entries = parse_line("Catani 32’ pt (E), Zanelli 37’ pt (E), 50’ st Casali (P), 52’ st Tedesco (E)")
    assert [(e.player, e.minute, e.ref) for e in entries] == [
        ("Catani", 32, "E"), ("Zanelli", 37, "E"), ("Casali", 95, "P"), ("Tedesco", 97, "E"),
    ]  # fmt: skip
    assert [(e.player, e.minute) for e in parse_line("Alvarez (C) 17', Haaland (C) 90'")] == [
        ("Alvarez", 17), ("Haaland", 90),
    ]  # fmt: skip  (a name-first line keeps its order)
    assert parse_minute("50’ st") == 95 and parse_minute("4' st") == 49


def test_an_italian_notes_line_run_together_gives_each_kind_its_players() -> None:
    text = (
        "MONTE ALTO – VALLE BASSA 2-1\n"
        "NOTE Espulso Caputo al 7’ st Ammoniti Serra, Colli, Lombi Fuorigioco 3 -5 Angoli 4 -6\n"
    )
    assert [(kind, body) for _, kind, body in _card_lines(text)] == [
        ("espulso", "Caputo al 7’ st"), ("ammoniti", "Serra, Colli, Lombi"),
    ]  # fmt: skip
    stub = MatchStub(home_team="Monte Alto", away_team="Valle Bassa", home_score=2, away_score=1)
    _, cards = line_facts(stub, [stub], text)
    assert cards is not None
    assert {(card["player"], card["card"]) for card in cards} == {
        ("Caputo", "red"), ("Serra", "yellow"), ("Colli", "yellow"), ("Lombi", "yellow"),
    }  # fmt: skip


def test_a_danish_boldklub_is_a_club_not_a_person() -> None:
    text = (
        "Lyngby Boldklub vandt 1-0 over Hvidovre Boldklub. Kim Holm scorede kampens eneste mål. "
        "Hvidovre Boldklub fik to advarsler.\n"
    )
    match = _match("Lyngby Boldklub", "Hvidovre Boldklub", 1, 0, [("Kim Holm", "Lyngby Boldklub")])
    card = {"player": "Hvidovre Boldklub", "team": "Hvidovre Boldklub", "minute": None, "card": "yellow"}
    kept = _refined(text, {**match, "cards": [card]})
    assert [(m["home_team"], m["away_team"]) for m in kept] == [("Lyngby Boldklub", "Hvidovre Boldklub")]


def test_a_sides_label_before_its_name_makes_it_the_home_team() -> None:
    text = (
        "Det var topholdet Holte Boldklub, der klarede sig dårligst, mens hjemmeholdet, Brøndby Strand, "
        "klarede det bedst. Brøndby Strand og Holte Boldklub spillede 1-1.\n"
    )
    kept = _refined(text, _match("Holte Boldklub", "Brøndby Strand", 1, 1, []))
    assert [(m["home_team"], m["away_team"]) for m in kept] == [("Brøndby Strand", "Holte Boldklub")]


def test_the_team_a_danish_side_visited_is_the_home_team() -> None:
    text = "Det var Vig IF, der løb med sejren, da holdet lørdag gæstede Nykøbing IF. Kampen endte 2-2.\n"
    kept = _refined(text, _match("Vig IF", "Nykøbing IF", 2, 2, []))
    assert [(m["home_team"], m["away_team"]) for m in kept] == [("Nykøbing IF", "Vig IF")]


def test_an_italian_club_of_two_words_with_its_article_is_no_nickname() -> None:
    text = "I Lupi di Mare\nSalgono al terzo posto i Lupi Marini dopo la vittoria (3-2) sulla Robur.\n"
    kept = _refined(text, _match("Lupi Marini", "Robur", 3, 2, []))
    assert [(m["home_team"], m["away_team"]) for m in kept] == [("Lupi Marini", "Robur")]
    nickname = "Vittoria dei viola. I Grigi cadono 3-2 contro la Robur: i Grigi restano ultimi.\n"
    assert _refined(nickname, _match("Grigi", "Robur", 2, 3, [])) == []  # one word after "i": a nickname


def test_of_two_results_sharing_a_club_the_one_its_sentences_name_stays() -> None:
    text = (
        "Il Monteverde\n"
        "Nella quinta giornata il Liscia, tra le mura amiche, è caduto contro il Tornello. 0-4 il finale con due "
        "autoreti. Nell'anticipo del sabato il Monteverde ha battuto 1 a 0 il Virtus Valle con rete di Lella.\n"
    )
    questions = {q["score"]: q for q in _asked(text)}
    said = [
        (questions["0-4"], _final("Monteverde", "Liscia", 0, 4)),
        (questions["1-0"], _final("Monteverde", "Virtus Valle", 1, 0)),
    ]
    assert ("Monteverde", 1, 0, "Virtus Valle") in _assembled_from(text, said)
    assert ("Monteverde", 0, 4, "Liscia") not in _assembled_from(text, said)


def test_the_host_the_scores_sentence_names_replaces_the_club_of_the_sentence_before() -> None:
    text = (
        "De amateurs van Zwart en Geel speelden gelijk. Het duel tussen Vitesse Oost en Zwart eindigde in Ede: 0-0. "
        "Geel speelde uit bij DOVA met 1-1 gelijk.\n"
    )
    questions = {q["score"]: q for q in _asked(text)}
    said = [(questions["1-1"], _final("Geel", "Vitesse Oost", 1, 1))]
    assert _assembled_from(text, said) == [("DOVA", 1, 1, "Geel")]


def test_a_loss_with_words_between_the_verb_and_its_opponent_gives_the_loser_the_fewer_goals() -> None:
    text = "AFC Noord is slecht begonnen. De koploper verloor de topper tegen nummer twee Vogelzang thuis met 3-2.\n"
    questions = {q["score"]: q for q in _asked(text)}
    said = [(questions["3-2"], _final("AFC Noord", "Vogelzang", 3, 2))]
    assert _assembled_from(text, said) == [("AFC Noord", 2, 3, "Vogelzang")]


def test_the_words_that_say_which_side_won_turn_a_score_the_host_check_carried_round() -> None:
    text = (
        "Det var Vig IF, der løb med sejren, da holdet lørdag gæstede Nykøbing IF.\n"
        "Kampen endte med et svidende 0-4 nederlag til hjemmeholdet.\n"
    )
    kept = _refined(text, _match("Vig IF", "Nykøbing IF", 0, 4, []))  # the model kept the written order
    assert [(m["home_team"], m["home_score"], m["away_score"], m["away_team"]) for m in kept] == [
        ("Nykøbing IF", 0, 4, "Vig IF"),
    ]  # fmt: skip
    away_win = "Borgo Alto e Vis Valle: 2-1, vittoria esterna della Vis Valle sul campo di casa del Borgo Alto.\n"
    kept = _refined(away_win, _match("Borgo Alto", "Vis Valle", 2, 1, []))
    assert [(m["home_score"], m["away_score"]) for m in kept] == [(1, 2)]


def test_a_clubs_own_hyphen_beside_a_spaced_dash_is_no_fixture() -> None:
    text = (
        "SG Rand – SG Sommer 2:0 (1:0).\nTore: 1:0 Jens Roth (32.), 2:0 Karl Mai (72.).\n"
        "SG Altbrunn-Neustockheim – Dettenbach und Ortsteile 3:7 (1:4).\n"
        "Rabenschwarzer Nachmittag für die gastgebende SG im Lokalderby.\n"
    )
    questions = {q["score"]: q for q in _asked(text)}
    said = [(questions["3-7"], _final("SG Altbrunn-Neustockheim", "Dettenbach und Ortsteile", 3, 7))]
    assert ("SG Altbrunn-Neustockheim", 3, 7, "Dettenbach und Ortsteile") in _assembled_from(text, said)


def test_the_only_goal_told_for_the_hosts_gives_the_home_side_the_win() -> None:
    text = (
        "Topholdet Holte Boldklub klarede sig dårligst, mens hjemmeholdet, Brøndby Strand, klarede det bedst.\n"
        "Kort før tid scorede Kim Holm kampens eneste mål for værterne på Strandvejen.\n"
        "Holtes kvinder vandt 2-0 ude over Ishøj.\n"
    )
    kept = _refined(text, _match("Holte Boldklub", "Brøndby Strand", 1, 0, []))
    assert [(m["home_team"], m["home_score"], m["away_score"], m["away_team"]) for m in kept] == [
        ("Brøndby Strand", 1, 0, "Holte Boldklub"),
    ]  # fmt: skip


# -- from the fourteenth batch ------------------------------------------------------------------


def test_a_sentences_list_of_results_with_long_names_and_scorers_in_brackets_is_read() -> None:
    from schemas.match_report.results import listed_results

    text = (
        "En partidos disputados hoy, Ferro de General Pico 0-Deportivo Camioneros 0; Juventud Unida Universitario "
        "de San Luis 1 (Juan Gobetto)-Sportivo Estudiantes de San Luis 1 (Santiago Briñone).\n"
        "Los marcadores fueron los siguientes: Gimnasia y Tiro de Salta 0-Sarmiento de Resistencia 1 (Gonzalo "
        "Cañete); San Martín de Formosa 0-Central Norte de Salta 0\n"
    )
    assert [(s.home_team, s.home_score, s.away_score, s.away_team) for s in listed_results(text)] == [
        ("Ferro de General Pico", 0, 0, "Deportivo Camioneros"),
        ("Juventud Unida Universitario de San Luis", 1, 1, "Sportivo Estudiantes de San Luis"),
        ("Gimnasia y Tiro de Salta", 0, 1, "Sarmiento de Resistencia"),
        ("San Martín de Formosa", 0, 0, "Central Norte de Salta"),
    ]  # fmt: skip


def test_a_german_win_at_a_club_and_a_spanish_win_as_the_visitor_make_the_other_the_host() -> None:
    text = "Landesliga: Mit dem 3:0 (2:0)-Erfolg beim TSV Linden II hat sich der SC Weststadt entfernt.\n"
    kept = _refined(text, _match("SC Weststadt", "TSV Linden II", 3, 0, []))
    assert [(m["home_team"], m["home_score"], m["away_score"], m["away_team"]) for m in kept] == [
        ("TSV Linden II", 0, 3, "SC Weststadt"),
    ]  # fmt: skip
    text = "Villa Norte superó como visitante a Sansón de General Cerri, por 2-1, con los tantos de Peralta.\n"
    kept = _refined(text, _match("Villa Norte", "Sansón de General Cerri", 2, 1, []))
    assert [(m["home_team"], m["home_score"], m["away_score"]) for m in kept] == [("Sansón de General Cerri", 1, 2)]
