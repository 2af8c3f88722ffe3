"""The plan's short questions about one passage: what a written score is (step 1), who scored a goal (step 3)."""

from __future__ import annotations

import bisect
import re
from typing import Any, Literal

from extractor.grounding import Grounder, fold_text
from extractor.names import same_club as same_team
from extractor.plan import Answers

from .checks import _PERSON_SHAPE
from .hosts import _BETWEEN
from .lines import _BRACKET_LIST, _CARDS_HEAD, _GOALS_HEAD, _MINUTE_IN_LIST, _line_body_end
from .minutes import parse_minute
from .models import MatchStub
from .prose import _own_goal_told, _penalty_told
from .results import _COLON_SCORES, _HEADER_SCORES, _LINE_RESULT, _LISTED, _SPLIT_SCORE, _result_line_tails
from .stubs import _stubs
from .words import (
    _DRAW_BETWEEN_WORDED,
    _EARLIER_WORDS,
    _GOAL_WORDS,
    _GOALLESS,
    _LINE_WORDED,
    _NULLISH,
    _ONLY_GOAL,
    _POR_WORDED,
    _PROSE_WORDED,
    _RUNNING,
    _SET_OFF_WORDED,
    _WORDED_SCORE,
    _bare_name,
    _in_passage,
    _mentions_of_team,
    _sentence_end,
    _sentence_start,
    _surname,
    _whole_words,
    _word_starts,
    _words,
    number_worded,
)

#: ... unless it dates the score to the same day: "dat eerder op de avond ... had verkocht (4-0)".
#: The last meeting of two clubs, told in the score's sentence or the one before: "In 2002 stonden Fortuna en
#: PSV voor het laatst tegenover elkaar. PSV won met 0-1".
_LAST_MEETING = _word_starts(
    "voor het laatst", "for the last time", "the last time", "last time the", "last meeting", "zum letzten mal",
    "das letzte mal", "letzte duell", "letzte aufeinandertreffen", "la derniere fois", "derniere confrontation",
    "l'ultima volta", "per l'ultima volta", "ultimo precedente", "sidste gang", "sidste opgor", "la ultima vez",
    "ultimo enfrentamiento",
)  # fmt: skip
_SAME_DAY = _word_starts(
    "eerder op de avond", "eerder op de dag", "eerder die avond", "earlier in the evening", "earlier in the day",
    "earlier on", "früher am abend", "plus tôt dans la soirée", "plus tôt dans la journée",
)  # fmt: skip
#: Words right before a running score: "Goretzkas Treffer zum 1:0", "to make it 2-0", "per il 2-0".
_RUNNING_MARK = re.compile(
    r"\b(?:zum|zur|to make it|made it|making it|(?:stretched|extended|pulled|reduced|brought) it(?: back)? to"
    r"|pour le|pour la|per il|para el|voor de"
    r"|foran|in fuhrung|op voorsprong|in vantaggio(?: per)?|en tete|en ventaja)\s*$"  # "bringe Brøndby foran 1-0"
)


#: A penalty shoot-out's tally, by the words next to it ("8-7 tab", "tanda de penaltis (1-3)", "4:3 i.E.").
_SHOOTOUT_WORDS = _whole_words(
    "tab", "t.a.b", "tirs au but", "penaltis", "penales", "on penalties", "on pens", "shoot-out", "shootout",
    "i.e.", "n.e.", "elfmeterschiessen", "ai rigori", "dcr", "d.c.r", "strafschoppen", "straffespark",
)  # fmt: skip
#: A score that is not this round's result: a dated line (a head-to-head list), a prediction, a past year.
_BACKGROUND_LINE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:prediction|pronostic\w*|voorspelling|tipp|prono)\b")
#: A line that starts with a minute lists one goal of a match: "45. Darren Maatsen 1-1".
_MINUTE_FIRST = re.compile(r"\s*\d{1,3}\s*(?:[.'’′]|e\b|min)")
_HALF_TIME_WORDS = _whole_words(
    "half-time", "half time", "halftime", "ht", "pause", "pausestilling", "halbzeit", "zur pause", "mi-temps",
    "descanso", "intervallo", "pauze", "ruststand", "a riposo", "al riposo",
)  # fmt: skip
#: The score at the break, told after it in its sentence: "1-1 blev dermed cifrene ved pausen".
_AT_THE_BREAK = _whole_words(
    "ved pausen", "til pausen", "i pausen", "bij rust", "bij de rust", "in der pause", "al descanso",
    "all'intervallo", "alla pausa", "à la pause",
)  # fmt: skip
#: A minute right after a score makes it a running score: "0:1 (39.)", "(1-1, 74e)".
_MINUTE_NEXT = re.compile(r"\s*[(,]\s*\d{1,3}\s*(?:[.'’′]|e\b|min)")
#: Dutch running scores: "kwam Volendam verdiend op 1-0", "stond het alweer 1-1" (the score at that moment).
_STOOD_AT = re.compile(
    r"\b(?:kwam|kwamen|komt|komen|bracht|brengt|zette)\b[^.\d\n]{0,30}?\bop\s*$|\bstond het(?: \w+)?\s*$"
)
_FINAL_NEXT = re.compile(r"\s*(?:definitivo|definitiva|final|finale|definitif|definitief|endstand|eindstand)\b")
_UNTIL = re.compile(r"\b(?:until|till|bis|tot(?: aan)?|fino a|fino al|hasta que|hasta|jusqu'a|jusqu'au|indtil|til)\b")
#: A score named for how a match stood: "op een 0-1 achterstand", "a 2-0 lead", "den 0:1-Rückstand" (folded).
_STANDING_NEXT = re.compile(
    r"[ -]?(?:achterstand|voorsprong|ruckstand|fuhrung|lead|deficit|advantage|ventaja|desventaja|vantaggio"
    r"|svantaggio|avance|retard|føring|foring|underskud|down|up|behind|stand)\b"  # "bij een 0-0 stand gestaakt"
)
_PUT_AT_NEXT = re.compile(r"\s+(?:zette|zetten|bracht|brachten|zet|brengt)\b")  # Dutch: "op 1-2 zette"
#: The end of the first half after a score, in its sentence: "Con el 0-0 se llegó al final de una primera parte".
_END_OF_HALF = re.compile(
    r"\b(?:final|fin|end|ende|einde|slutningen|termine|fine)\s+(?:de|of|der|van|af|del|della|di)?\s*"
    r"(?:la|una|the|ersten|de|den|il|primo|prima|le|la)?\s*(?:primera parte|primer tiempo|first half|halbzeit"
    r"|eerste helft|første halvleg|forste halvleg|primo tempo|prima frazione|premiere periode|premiere mi-temps"
    r"|mi-temps|(?:los |the |i )?(?:primeros|first|ersten|eerste|primi|forste|første) 45 (?:minutos|minutes|minuten"
    r"|minuti|minutter)|45 premieres minutes)"
)
#: A score called partial: "anotó el 2-1 parcial", "il momentaneo 1-0" comes before it.
_PARTIAL_NEXT = re.compile(r"\s*(?:parcial|provisional|provisorio|provisoire|momentaneo|temporaneo)\b")
#: A goal's own verb and article before the score: "valió el 1-1", "selló el 2-2", "schoot de 2-2 binnen",
#: "markierte das 2:0", "siglò il 2-1" (folded, so without accents): the score that goal made.
_GOAL_VERB_SCORE = re.compile(
    r"\b(?:valio|sello|sentenciar|anoto|marco|firmo|decreto|establecio|tuvo|markierte|erzielte|besorgte|segno"
    r"|realizzo|siglo|insacco|scoorde|schoot|kopte|tikte|zette|inscrit|marqua|signa|momentaneo|parziale)\b"
    r"[^.\d\n]{0,40}?\b(?:el|das|den|il|l'|lo|de|het|le)\s*$"
)
_YEAR = re.compile(r"(?<![\w-])(?:19|20)\d\d(?![\w-])")  # "im Juli 2011", not a dateline's "2021-01-07"
#: A year that is part of a club's name: "dopo la vittoria (3-2) sulla Robur 1989" (a capitalised word before
#: it, not a month's or a season's: "im Juli 2011", "Saison 2019" are years).
_CLUB_YEAR = re.compile(r"(?<![\w-])(?P<word>[A-ZÀ-ÞØÆÅ][\w'’-]+) (?:19|20)\d\d(?![\w/-])")
_YEAR_WORDS = frozenset(
    "January February March April May June July August September October November December Januar Februar März"
    " Maerz Mai Juni Juli Oktober Dezember Jänner Season Saison Spielzeit Sommer Winter Herbst Frühjahr Jahr"
    " Summer Autumn Spring WM EM Euro Cup Copa Coppa Coupe Pokal Mundial Olympics In Im Seit Since Nel Dal En"
    " Desde Depuis Sinds Sind Vanaf Dalla Fra Siden Anno Year".split()
)
#: Statistics a match sheet writes like a score: "Fuorigioco 3 -5 Angoli 4 -6", "Ecken: 7:2", "Corners 5-3".
_STAT_BEFORE = re.compile(
    r"(?:fuorigioco|angoli|calci d'angolo|corner|corners|tiri(?: in porta)?|possesso|ecken|abseits|torschusse"
    r"|schusse|shots(?: on target)?|offsides?|fouls?|corneres|saques de esquina|fueras de juego|tiros(?: a puerta)?"
    r"|hoekschoppen|buitenspel|schoten|hjornespark|hjørnespark|skud|tirs(?: cadres)?|hors-jeu|possession)"
    r"\s*:?\s*$"
)
#: "1-2 settimane", "2-3 Wochen": a range of some unit, not a score
_UNIT_NEXT = re.compile(
    r"\s*(?:days?|weeks?|months?|years?|tage[n]?|wochen|monate[n]?|jahre[n]?|giorni|settimane|mesi|anni|jours"
    r"|semaines|mois|ans|días|dias|semanas|meses|años|dagen|weken|maanden|jaar|dage|uger|måneder|år)\b",
    re.IGNORECASE,
)
#: A part of a match, right after a goalless draw or an only goal in words.
_PERIOD_WORDS = _words(
    "first half", "second half", "extra time", "extra-time", "opening period", "opening 45", "first 45",
    "første halvleg", "anden halvleg", "forlænget", "halbzeit", "hälfte", "verlängerung", "eerste helft",
    "tweede helft", "verlenging", "primera parte", "segunda parte", "primera mitad", "segunda mitad",
    "tiempo extra", "prórroga", "primo tempo", "secondo tempo", "supplementari", "première période",
    "seconde période", "première mi-temps", "prolongation",
)  # fmt: skip
_PERIOD_REACH = 24
_HALF_TIME_MARK = re.compile(r"\d\s?[-:]\s?\d\s*\($")  # "3:2 (2:2)": the second is the half-time score
_PASSAGE_BEFORE = 260
_PROSE_LINE = 80
_CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÀ-ÞØÆÅ][\w'’-]+")
_PASSAGE_AFTER = 160
_MAX_SCORE_QUESTIONS = 14


#: Words of a result that did not happen, matched in the original text (Dutch "waren" is no "wären").
_COUNTERFACTUAL = re.compile(
    r"\b(?:wäre|wären|hätte|hätten|würde|würden|would|could have|might have|should have|ville have|kunne have"
    r"|ville være|ville vaere|zou|zouden|aurait|auraient|serait|seraient|sarebbe|sarebbero|avrebbe|avrebbero"
    r"|habría|habrían|hubiera|hubieran|heading for|headed for|on course for|on track for|looked set for"
    r"|op weg naar|auf kurs|in rotta verso|rumbo a)\b",
    re.IGNORECASE,
)


def _counterfactual(grounder: Grounder, start: int, end: int) -> bool:
    """Whether the sentence of the score at folded [start, end) says it would have been, up to the score."""
    text = grounder.folded_text
    a, b = grounder.to_original(_sentence_start(text, start), end)
    return _COUNTERFACTUAL.search(grounder.cleaned.original, a, b) is not None


def _worded_results(text: str) -> list[tuple[int, int, int, int, str]]:
    """A goalless draw or an only goal written in words, as (start, end, home, away, written) in folded `text`."""
    hits = []
    for pattern, score in ((_GOALLESS, (0, 0)), (_ONLY_GOAL, (1, 0))):
        for hit in pattern.finditer(text):
            if _PERIOD_WORDS.search(text, max(0, hit.start() - _PERIOD_REACH), hit.end() + _PERIOD_REACH):
                continue  # "a goalless first half", "sin goles en el tiempo extra": one part of a match
            if _UNTIL.search(text, hit.end(), _sentence_end(text, hit.end())):
                continue  # "Allison's goal was all that separated the sides until Mackay's leveller": for a while
            if _END_OF_HALF.search(text, hit.end(), _sentence_end(text, hit.end())):
                continue  # "Con el empate a cero se llegó al final de los primeros 45 minutos": the half-time
            hits.append((hit.start(), hit.end(), *score, hit.group(0)))
    return hits


def score_questions(grounder: Grounder) -> list[dict[str, Any]]:
    """Step 1's questions: each score the article writes, once per sentence, with its passage.

    Code answers what it can without the model: results lines, scorers lines (running scores),
    half-time scores in brackets after the result, scores of a first leg or a past season.
    A goalless draw or an only goal written in words is a score too.
    """
    text = grounder.folded_text
    covered = _covered_spans(grounder)
    hits: list[tuple[int, int, int, int, str]] = []
    scores = list(_RUNNING.finditer(text))
    starts = [hit.start() for hit in scores]  # in text order, for finding a line's scores by bisection
    years = _club_years(grounder.cleaned.original)
    for number, hit in enumerate(scores):
        first, second = int(hit.group(1)), int(hit.group(2))
        at = grounder.to_original(hit.start(), hit.end())[0]
        if max(first, second) > 20 or any(a <= at < b for a, b in covered):
            continue
        if len(hit.group(2)) == 2 and hit.group(2).startswith("0"):
            continue  # "previsto per le ore 15:00": a clock time
        if _counterfactual(grounder, hit.start(), hit.end()):
            continue  # "Es wäre ein typisches 0:0-Spiel geworden": a result that did not happen
        if _not_a_result(text, scores, starts, number, years):
            continue
        hits.append((hit.start(), hit.end(), first, second, f"{first}-{second}"))
    worded = [*_WORDED_SCORE.finditer(text), *_SET_OFF_WORDED.finditer(text), *_LINE_WORDED.finditer(text),
              *_POR_WORDED.finditer(text), *_DRAW_BETWEEN_WORDED.finditer(text)]  # fmt: skip
    for hit in worded:  # "en battant Tours (L2) 5 à 3", "Questembert et Malansac 2 à 2.", "por 2 a 1"
        first, second = int(hit["first"]), int(hit["second"])
        after = hit.end() + 20 if hit.re is _POR_WORDED else hit.start()  # "ganaba por 1 a 0 al descanso"
        if hit.re in (_SET_OFF_WORDED, _POR_WORDED) and _HALF_TIME_WORDS.search(text, max(0, hit.start() - 30), after):
            continue  # "Score à la mi-temps : 0 à 1"
        hits.append((hit.start("first"), hit.end("second"), first, second, f"{first}-{second}"))
    hits += _worded_results(text)
    hits += [(start, end, first, second, f"{first}-{second}") for start, end, first, second in number_worded(text)
             if not _HALF_TIME_WORDS.search(text, max(0, start - 40), start)]  # "deux buts à un"  # fmt: skip
    questions: list[dict[str, Any]] = []
    seen: set[tuple[int, tuple[int, int]]] = set()
    for start, end, first, second, written in sorted(hits):
        sentence = _sentence_start(text, start)
        key = (sentence, (min(first, second), max(first, second)))
        if key in seen:
            continue
        seen.add(key)
        passage = _passage(grounder, start, end)
        question = {"score": written, "first": first, "second": second, "passage": passage, "at": start}
        if _draw_after_shootout(text, start):
            question["settled"] = "final"  # "3-2 (1-1 dopo i tempi regolamentari)" after "i calci di rigore"
        questions.append(question)
    return questions[:_MAX_SCORE_QUESTIONS]


def _wider_questions(answers: Answers, grounder: Grounder) -> list[dict[str, Any]]:
    """Step 1 again for a final result whose answer names a team its passage does not.

    A score in words: "Phil Foden scoorde het enige doelpunt" names the scorer, and the teams
    stand two sentences before: asked with those too. A score in digits whose own sentence names
    somebody: asked with that sentence alone, where the sentence before confused the model
    ("... Inter (0-2). ... Mönchengladbach ... Sjachtar Donetsk ... (4-0)"). Where nothing is asked
    again, the scores written only in prose words come last (`_prose_worded_questions`).
    """
    text, original = grounder.folded_text, grounder.cleaned.original
    again = []
    for context, answer in answers.get("results", []):
        if answer is None or answer.result not in ("final", "other"):  # type: ignore[attr-defined]
            continue
        teams = (answer.home_team, answer.away_team)  # type: ignore[attr-defined]
        start, score = context["at"], context["score"]
        end = start + len(score)
        if all(team and _in_passage(team, context["passage"]) for team in teams):
            own = _passage(grounder, start, end, "own")
            if not score[0].isdigit() or own == context["passage"] or any(_in_passage(t, own) for t in teams if t):
                continue  # "Brest ... après avoir battu Strasbourg 3-0": the answer named the sentence before's
                # two clubs; asked again with its own sentence below
        if score[0].isdigit():
            said_from, said_to = grounder.to_original(_sentence_start(text, start), end)
            if answer.result != "final" or not _CAPITALISED.search(original, said_from + 1, said_to):  # type: ignore[attr-defined]
                continue
            passage = _passage(grounder, start, end, "own")
        else:
            passage = _passage(grounder, start, end, "wide")
        if passage != context["passage"]:
            again.append({**context, "passage": passage})
    return again or _prose_worded_questions(answers, grounder)


_MAX_PROSE_WORDED = 4


def _prose_worded_questions(answers: Answers, grounder: Grounder) -> list[dict[str, Any]]:
    """The last resort of an article that writes its result only in prose words: "Il 3 a 3 finale".

    Asked only where no results or scorers line is read by code, and only a score with more goals than
    every final step 1 found: "3 a 1" in running prose may be anything, and a final has the most goals of
    its match ("Sotto 0-2 ... La Torres segna anche il 3 a 0": the 0-2, taken for the final, was not).
    """
    if _covered_spans(grounder):
        return []
    finals = [answer.home_score + answer.away_score for _, answer in answers.get("results", [])  # type: ignore[attr-defined]
              if answer is not None and answer.result == "final"]  # type: ignore[attr-defined]  # fmt: skip
    text = grounder.folded_text
    asked = {context["at"] for context, _ in answers.get("results", [])}
    hits = [hit for hit in _PROSE_WORDED.finditer(text) if hit.start() not in asked
            and not _HALF_TIME_WORDS.search(text, max(0, hit.start() - 40), hit.end() + 20)]  # fmt: skip
    questions = []
    for hit in hits[-_MAX_PROSE_WORDED:]:
        first, second = int(hit["first"]), int(hit["second"])
        if max(first, second) > 20 or first + second <= max(finals, default=-1):
            continue
        passage = _passage(grounder, hit.start(), hit.end())
        questions.append({"score": f"{first}-{second}", "first": first, "second": second, "passage": passage,
                          "at": hit.start()})  # fmt: skip
    return questions


def _passage(grounder: Grounder, start: int, end: int, span: Literal["usual", "wide", "own"] = "usual") -> str:
    """The sentence around folded [start, end) and the one before it, at most a few lines of text.

    A sentence of prose that names nobody ("3-1 was het logische verdict.") comes with the two
    before it. A re-ask (`_wider_questions`) asks for the "wide" passage (the two before it for
    any score of prose) or the score's "own" sentence alone.
    """
    text = grounder.folded_text
    sentence = _sentence_start(text, start)
    begin = _sentence_start(text, max(0, sentence - 2)) if span != "own" else sentence
    reach = _PASSAGE_BEFORE
    said_from, said_to = grounder.to_original(sentence, end)
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    prose = (line_end if line_end >= 0 else len(text)) - line_start > _PROSE_LINE  # not a box's "Resultat: 1-2"
    unnamed = text[start].isdigit() and not _CAPITALISED.search(grounder.cleaned.original, said_from + 1, said_to)
    if prose and (span == "wide" or (span == "usual" and unnamed)):
        begin, reach = _sentence_start(text, max(0, begin - 2)), 2 * _PASSAGE_BEFORE
    begin = max(begin, start - (2 * _PASSAGE_BEFORE if span == "own" else reach))
    finish = min(_sentence_end(text, end), end + _PASSAGE_AFTER)
    a, b = grounder.to_original(begin, finish)
    return " ".join(grounder.cleaned.original[a:b].split())


#: A score joined to a word for one goal ("Danmarks 3-0-mål", "zur 2:0-Führung") ...
_RUNNING_COMPOUND = re.compile(
    r"-(?:mål|mal(?:et)?\b|goal|tor\b|treffer|führung|fuhrung|ausgleich|anschluss|føring|foring|voorsprong"
    r"|gelijkmaker)"
)
#: ... or for the final ("3-2-eindcijfers", "3:2-Endstand", "2-1-slutresultatet").
_FINAL_COMPOUND = re.compile(
    r"-(?:eindcijfer|eindstand|eindscore|eindresultaat|endstand|endergebnis|slutresultat|slutcifre)"
)


#: Words that give a bracketed draw as the score after regular time: "3-2 (1-1 dopo i tempi regolamentari)".
_REGULAR_TIME = _word_starts(
    "after 90 minutes", "after normal time", "after regular time", "after regulation", "in normal time",
    "at full time", "at full-time", "nach 90 minuten", "nach regulärer spielzeit", "nach der regulären spielzeit",
    "nach ablauf der regulären", "après 90 minutes", "temps réglementaire", "tras los 90 minutos",
    "tiempo reglamentario", "tiempo regular", "na 90 minuten", "na de reguliere speeltijd", "reguliere speeltijd",
    "efter 90 minutter", "ordinær spilletid", "ordinær tid", "tempi regolamentari", "dopo i 90",
    "reguläre spielzeit", "regulären spielzeit", "regular time", "normal time",
)  # fmt: skip
#: A shoot-out anywhere in the sentence: "sono stati i calci di rigore a condannare i rosanero, ... 3-2".
_SHOOTOUT_TOLD = _word_starts(
    "calci di rigore", "ai rigori", "dal dischetto", "penalties", "on pens", "shoot-out", "shootout",
    "tirs au but", "penaltis", "penales", "elfmeterschie", "strafschoppen", "straffesparkskonkurrence",
    "straffespark", "tanda de penal",
)  # fmt: skip
_BRACKETED_AFTER = re.compile(r"[ \t]*\((\d{1,2})[ ]?[-–:][ ]?(\d{1,2})\b")


def _after_regular_time(text: str, hit: re.Match[str]) -> bool:
    """A bracketed score the words in its bracket give as the score after regular time."""
    if not text.endswith("(", 0, hit.start()):
        return False
    close = text.find(")", hit.end(), hit.end() + 60)
    return close >= 0 and bool(_REGULAR_TIME.search(text, hit.end(), close))


def _shootout_tally(text: str, hit: re.Match[str]) -> bool:
    """A score followed by the draw after regular time, in a sentence telling of a shoot-out: its tally."""
    after = _BRACKETED_AFTER.match(text, hit.end())
    if after is None or after[1] != after[2]:
        return False
    close = text.find(")", after.end(), after.end() + 60)
    if close < 0:
        return False
    if not _REGULAR_TIME.search(text, after.end(), close):  # "ins Elfmeterschießen ...: 6:8 (4:4, 1:1) hieß es"
        return bool(_SHOOTOUT_NAMED.search(text, _sentence_start(text, hit.start()), hit.start()))
    return bool(_SHOOTOUT_TOLD.search(text, _sentence_start(text, hit.start()), close))


#: A shoot-out named as such (not "a penalty"), before a score and its bracketed draw in one sentence.
_SHOOTOUT_NAMED = _word_starts(
    "elfmeterschie", "tirs au but", "calci di rigore", "ai rigori", "shoot-out", "shootout", "strafschoppen",
    "straffesparkskonkurrence", "tanda de penal",
)  # fmt: skip


def _draw_after_shootout(text: str, start: int) -> bool:
    """The bracketed draw after regular time that follows a shoot-out's tally: the match's result."""
    before = _SCORE_BEFORE_BRACKET.search(text, max(0, start - 12), start)
    outer = _RUNNING.match(text, before.start()) if before else None
    return outer is not None and _shootout_tally(text, outer)


_SCORE_BEFORE_BRACKET = re.compile(r"(?<![\d.,/])\d{1,2}[ ]?[-–:][ ]?\d{1,2}[ \t]*\($")


def _club_years(original: str) -> tuple[str, ...]:
    """The club names with a year the article writes ("robur 1989", folded), longest first."""
    found = {fold_text(hit.group(0)) for hit in _CLUB_YEAR.finditer(original) if hit["word"] not in _YEAR_WORDS}
    return tuple(sorted(found, key=len, reverse=True))


def _without(text: str, names: tuple[str, ...]) -> str:
    for name in names:
        text = text.replace(name, " ")
    return text


def _not_a_result(
    text: str, scores: list[re.Match[str]], starts: list[int], number: int, club_years: tuple[str, ...] = ()
) -> bool:
    """Whether the words around a written score make it something other than this round's result."""
    hit = scores[number]
    sentence = _sentence_start(text, hit.start())
    line_start = text.rfind("\n", 0, hit.start()) + 1
    line_end = text.find("\n", hit.end())
    stops = [i for i in (text.find(". ", hit.end()), line_end) if i >= 0]
    rest = text[hit.end() : min([*stops, hit.end() + 80])]  # the rest of the sentence
    clause = text[max(sentence, hit.start() - 60) : hit.start()]
    if _after_regular_time(text, hit):
        return False  # "(1-1 dopo i tempi regolamentari)": the match's result; the score before it is not
    if _draw_after_shootout(text, hit.start()):
        return False  # "6:8 (4:4, 1:1)" after "ins Elfmeterschießen": the bracket's draw is the result
    if _shootout_tally(text, hit):
        return True  # "escono sconfitti per 3-2 (1-1 dopo i tempi regolamentari)" after "i calci di rigore"
    if hit[1] == hit[2] and _REGULAR_TIME.search(text, max(line_start, sentence, hit.start() - 30), hit.start()):
        return False  # "Halbzeit: 1-1, reguläre Spielzeit: 1-1": the draw a shoot-out followed is the result
    if hit[1] != hit[2] and _SHOOTOUT_TOLD.search(rest):
        return True  # "Ergebnis: 5-2 nach 90 Minuten und Elfmeterschießen", "won 4-3 on penalties": no match's score
    if _FINAL_COMPOUND.match(text, hit.end()):
        return False  # "goed voor de 3-2-eindcijfers", "die 3:2-Endstand": the final, whatever the words before it
    if _RUNNING_COMPOUND.match(text, hit.end()):
        return True  # "Danmarks 3-0-mål", "zur 2:0-Führung": one goal of the match
    return bool(
        _HALF_TIME_MARK.search(text, max(0, hit.start() - 12), hit.start())  # "3:2 (2:2)"
        or _RUNNING_MARK.search(text, max(sentence, hit.start() - 20), hit.start())  # "zum 1:0"
        or _YEAR.search(_without(f"{clause} {rest}", club_years))  # "im DFB-Pokal im Juli 2011"
        or _STAT_BEFORE.search(text, max(0, hit.start() - 24), hit.start())  # "Angoli 4 -6"
        or _BACKGROUND_LINE.search(text, line_start, hit.start())  # a head-to-head list, a prediction
        or _MINUTE_NEXT.match(text, hit.end())  # "0:1 (39.)"
        or _PARTIAL_NEXT.match(text, hit.end())  # "el 2-1 parcial"
        or _STANDING_NEXT.match(text, hit.end())  # "op een 0-1 achterstand", "a 2-0 lead"
        or (text.endswith("op ", 0, hit.start()) and _PUT_AT_NEXT.match(text, hit.end()))  # "hem op 1-2 zette"
        or _END_OF_HALF.search(text, hit.end(), min([*stops, hit.end() + 80]))  # "0-0 ... final de una primera parte"
        or _STOOD_AT.search(text, max(sentence, hit.start() - 50), hit.start())  # "kwam Eindhoven op 1-2"
        or (_GOAL_VERB_SCORE.search(text, max(sentence, hit.start() - 50), hit.start())  # "selló el 2-2"
            and not _FINAL_NEXT.match(text, hit.end()))  # "estableció el 2-0 definitivo" is the final
        or _UNIT_NEXT.match(text, hit.end())  # "in circa 1-2 settimane"
        or _MINUTE_FIRST.match(text, line_start, hit.start())  # "45. Darren Maatsen 1-1"
        or _word_next_to(text, scores, starts, number, _EARLIER_WORDS, 60, 40, _SAME_DAY)  # "in de heenwedstrijd"
        or _LAST_MEETING.search(text, _sentence_start(text, max(0, sentence - 2)), hit.start())  # "voor het laatst"
        or _word_next_to(text, scores, starts, number, _SHOOTOUT_WORDS, 22, 14)  # "8-7 tab", "Elfmeterschießen: 4-1"
        or _word_next_to(text, scores, starts, number, _HALF_TIME_WORDS, 20, 20)  # "Pausestilling: 1-1"
        or _word_next_to(text, scores, starts, number, _AT_THE_BREAK, 0, 32)  # "1-1 blev ... cifrene ved pausen"
    )


def _word_next_to(
    text: str, scores: list[re.Match[str]], starts: list[int], number: int, words: re.Pattern[str], before: int,
    after: int, unless: re.Pattern[str] | None = None,
) -> bool:
    """A word of `words` within reach of the score, on its line and in its sentence.

    The word must be nearer to it than to any other score of the line: "(eerder 2-3 bij FC Den
    Bosch)" dates the 2-3, not the 3-1 before it. A word where `unless` matches does not count.
    """
    hit = scores[number]
    start = max(_sentence_start(text, hit.start()), text.rfind("\n", 0, hit.start()) + 1, hit.start() - before)
    line_end = text.find("\n", hit.end())
    end = min(hit.end() + after, line_end if line_end >= 0 else len(text))
    line_start = text.rfind("\n", 0, hit.start()) + 1
    same_line = range(bisect.bisect_left(starts, line_start), bisect.bisect_right(starts, end))
    for word in words.finditer(text, start, end):
        if unless is not None and unless.match(text, word.start()):
            continue
        # the nearest by the characters between; a tie goes to the score after the word, as a label's
        # does ("Spielzeit: 1-1, Elfmeterschießen: 4-1")
        nearest = min(same_line, key=lambda i: (_gap(word, scores[i]), scores[i].start() < word.start()))
        if nearest == number:
            return True
    return False


def _gap(word: re.Match[str], score: re.Match[str]) -> int:
    """The characters between a word and a score, either side of it."""
    return score.start() - word.end() if score.start() >= word.end() else max(0, word.start() - score.end())


def _covered_spans(grounder: Grounder) -> list[tuple[int, int]]:
    """Where code reads the scores itself (results lines, scorers or cards lines), in original offsets."""
    text, original = grounder.cleaned.text, grounder.cleaned.to_original
    patterns = (_LISTED, _SPLIT_SCORE, _LINE_RESULT, _COLON_SCORES, _HEADER_SCORES)
    spans = [(hit.start(), _after_half_time(text, hit.end())) for pattern in patterns for hit in pattern.finditer(text)]
    for head in (_GOALS_HEAD, _CARDS_HEAD):
        for hit in head.finditer(text):
            spans.append((hit.start(), _line_body_end(text, hit.end())[1]))
    return [(original(start), original(max(start, end - 1)) + 1) for start, end in spans]


_BRACKETED_SCORE = re.compile(r"[ \t]*\(\d{1,2}[ ]?[-:–][ ]?\d{1,2}\)")


def _after_half_time(text: str, end: int) -> int:
    """The end of a results line's bracketed half-time score, if one follows it ("... : 1 (1-0)")."""
    hit = _BRACKETED_SCORE.match(text, end)
    return hit.end() if hit else end


# ---------------------------------------------------------------------------------------
# One question per goal a match's prose marks with a running score ("erst in der 80. Minute glich
# Marcelo Diaz zum 2:2 aus", "Martijn Kaars benutte vervolgens de strafschop: 1-2"), about a passage
# short enough for a small model; its answer counts only where the score's own sentence names the
# scorer (`_asked_goals`).

_MAX_GOAL_QUESTIONS = 12


def _goal_questions(answers: Answers, grounder: Grounder) -> list[dict[str, Any]]:
    """Step 3's questions: each running score in the prose of a match asked about in step 2.

    In a round-up a running score belongs to the match whose club the text named last before
    it, within a paragraph's reach; it is asked about only where it can be a moment of that match.
    """
    stubs = _stubs(answers, grounder)
    contexts = [ctx for ctx, _ in answers.get("details", []) if ctx["home_score"] + ctx["away_score"]]
    if not contexts:
        return []
    single = len(contexts) == 1 and len(stubs) == 1
    mentions = sorted((start, n) for n, ctx in enumerate(contexts) for team in (ctx["home_team"], ctx["away_team"])
                      for start, _ in _mentions_of_team(grounder, team))  # fmt: skip
    text = grounder.folded_text
    covered = _covered_spans(grounder) + _scorer_list_spans(grounder)  # code reads a scorers list itself
    scores = list(_RUNNING.finditer(text))
    starts = [hit.start() for hit in scores]
    questions: list[dict[str, Any]] = []
    seen: set[tuple[int, tuple[int, int]]] = set()
    for number, hit in enumerate(scores):
        first, second = int(hit.group(1)), int(hit.group(2))
        at = grounder.to_original(hit.start(), hit.end())[0]
        if any(a <= at < b for a, b in covered):
            continue
        owner = 0 if single else _owner(mentions, hit.start())
        if owner is None:
            continue
        context = contexts[owner]
        home, away = context["home_score"], context["away_score"]
        if not _running_of(first, second, home, away):
            continue
        sentence = _sentence_start(text, hit.start())
        said = grounder.to_original(sentence, _sentence_end(text, hit.end()))
        if not single and _names_another_pair(grounder.cleaned.original[said[0] : said[1]], context):
            continue  # "I kampen mellem Skive og Brabrand ... 1-1": a match of its own, not a moment of this one
        if (first, second) in ((home, away), (away, home)) and not _told_as_goal(grounder, hit, sentence):
            continue  # the result itself, unless written as the goal that made it ("i mål til 1-0", "1-2 (88.)")
        if _LIST_ENTRY.match(text, hit.end()):
            continue  # "0-1 Mathias Ross (55), 1-1 Magnus Warming (63)": a scorers list, read by code
        if _LEAD_WORDS.search(text, max(sentence, hit.start() - 24), hit.start()):
            continue  # "Kolding førte 2-0 efter 87 minutter": how it stood, not one goal
        if _not_a_goal(text, scores, starts, number) or (sentence, (first, second)) in seen:
            continue
        seen.add((sentence, (first, second)))
        passage = _passage(grounder, hit.start(), hit.end())
        questions.append({**context, "score": f"{first}-{second}", "passage": passage, "at": hit.start()})
    return questions[:_MAX_GOAL_QUESTIONS]


#: A name and a minute in brackets right after a running score: an entry of a scorers list.
_LIST_ENTRY = re.compile(r"[ \t]+[^\W\d][\w'’.-]*(?:[ \t]+[^\W\d][\w'’.-]*){0,3}[ \t]*\(\d{1,3}")
#: Words right before a score that make it the goal that made it: "zum 1:0", "headede bolden i mål til 1-0".
_GOAL_MARK = re.compile(
    r"\b(?:zum|zur|to make it|made it|making it|pour le|pour la|per il|para el|voor de|til|naar)\s*$"
)
#: Words right before a score that tell how a match stood: "førte 2-0", "led 2-0", "führte 2:0".
_LEAD_WORDS = re.compile(
    r"\b(?:førte|forte|førende|led|leading|were leading|was leading|lead|led by|fuhrte|fuhrten"
    r"|leidde|leidden|stond|stand|stood|menait|menaient|conduceva|conducevano|ganaba|iban|vencia"
    r"|in vantaggio|in vantaggio per|al riposo|en tete|devant|foran|voorsprong|in fuhrung)"  # folded text
    r"(?:\s+\S+){0,2}?\s*(?:med|mit|met|by|par|per|por)?\s*$"
)
#: How far back a round-up's running score looks for the club it belongs to: a paragraph.
_OWNER_REACH = 600


def _owner(mentions: list[tuple[int, int]], position: int) -> int | None:
    """The match whose club the text names last before `position`, if near enough."""
    at = bisect.bisect_left(mentions, (position, -1)) - 1
    if at < 0 or position - mentions[at][0] > _OWNER_REACH:
        return None
    return mentions[at][1]


#: Words that tell the result of a match, not one goal of it ("won 1-0", "vandt 2-1", "remporte 1-0").
_RESULT_WORDS = _word_starts(
    "won", "win", "beat", "victor", "drew", "draw", "lost", "lose", "defeat", "vandt", "vinder", "sejr", "slog",
    "tabte", "uafgjort", "gewann", "gewinnt", "sieg", "verlor", "niederlage", "unentschieden", "remis",
    "wint", "overwinning", "versloeg", "verloor", "nederlaag", "gelijkspel", "gano", "gana", "victoria", "vencio",
    "derrota", "empate", "gagne", "victoire", "s'impose", "battu", "defaite", "nul", "vince", "vittoria", "batte",
    "sconfitta", "pareggi", "perso", "eindig", "endte", "sluttede", "endete", "finish", "finisce", "termin",
)  # fmt: skip


def _names_another_pair(sentence: str, context: dict[str, Any]) -> bool:
    """Whether the sentence says "between A and B" of two clubs that are not the match's."""
    hit = _BETWEEN.search(sentence)
    teams = (context["home_team"], context["away_team"])
    return hit is not None and not all(any(_in_passage(team, hit[side]) for team in teams) for side in ("a", "b"))


def _told_as_goal(grounder: Grounder, hit: re.Match[str], start: int) -> bool:
    """Whether a score equal to the result is written as the goal that made it.

    "headede bolden i mål til 1-0", "1-2 (88.)", "Bram Schmidt maakte vanaf elf meter geen fout, 0-1"
    (a person named before it, a word for a goal, and no word for the match's result).
    """
    text = grounder.folded_text
    if _GOAL_MARK.search(text, max(start, hit.start() - 16), hit.start()) or _MINUTE_NEXT.match(text, hit.end()):
        return True
    end = _sentence_end(text, hit.end())
    if not _GOAL_WORDS.search(text, start, end) or _RESULT_WORDS.search(text, start, end):
        return False
    a, b = grounder.to_original(start, hit.start())
    return _PERSON_SHAPE.search(grounder.cleaned.original, a, b) is not None


def _scorer_list_spans(grounder: Grounder) -> list[tuple[int, int]]:
    """Where, in original offsets, scorers follow a result on its line or stand in brackets with minutes."""
    text, original = grounder.cleaned.text, grounder.cleaned.to_original
    spans = [(start, start + len(body)) for start, body in _result_line_tails(text)]
    spans += [(hit.start("body"), hit.end("body")) for hit in _BRACKET_LIST.finditer(text)
              if _MINUTE_IN_LIST.search(hit["body"])]  # fmt: skip
    return [(original(start), original(max(start, end - 1)) + 1) for start, end in spans]


def _running_of(first: int, second: int, home: int, away: int) -> bool:
    """A score some moment of a home-away match can have, written either way round."""
    return 0 < first + second and ((first <= home and second <= away) or (first <= away and second <= home))


def _not_a_goal(text: str, scores: list[re.Match[str]], starts: list[int], number: int) -> bool:
    """A score the words around it give to another time: half-time, a shoot-out, a past meeting, a year."""
    hit = scores[number]
    sentence = _sentence_start(text, hit.start())
    line_start = text.rfind("\n", 0, hit.start()) + 1
    clause = text[max(sentence, hit.start() - 60) : min(hit.end() + 40, _sentence_end(text, hit.end()))]
    return bool(
        _HALF_TIME_MARK.search(text, max(0, hit.start() - 12), hit.start())
        or _YEAR.search(clause)
        or _BACKGROUND_LINE.search(text, line_start, hit.start())
        or _UNIT_NEXT.match(text, hit.end())
        or _word_next_to(text, scores, starts, number, _EARLIER_WORDS, 60, 40, _SAME_DAY)
        or _word_next_to(text, scores, starts, number, _SHOOTOUT_WORDS, 22, 14)
        or _word_next_to(text, scores, starts, number, _HALF_TIME_WORDS, 20, 20)
    )


def _answered_clubs(answers: Answers, stubs: list[MatchStub]) -> list[str]:
    """Every club of the article's results: the matches', and any step 1 answer named."""
    said = [answer for step in ("results", "results_wider") for _, answer in answers.get(step, []) if answer]
    return [team for stub in stubs for team in (stub.home_team, stub.away_team)] + [
        str(team) for answer in said
        for team in (getattr(answer, "home_team", None), getattr(answer, "away_team", None)) if team
    ]  # fmt: skip


def _asked_goals(answers: Answers, stub: MatchStub, grounder: Grounder, clubs: list[str]) -> list[dict[str, Any]]:
    """Step 3's goals whose scorer the words at the score name, once each, in the order written.

    The scorer must stand in the score's own sentence with no other person between them; no club
    of the article's results (`clubs`) is a scorer; a minute the passage does not write is none.
    """
    out: list[dict[str, Any]] = []
    for context, found in answers.get("goals_at", []):
        if found is None or (context["home_team"], context["away_team"]) != (stub.home_team, stub.away_team):
            continue
        answer: Any = found
        scorer = _bare_name((answer.scorer or "").strip())
        if not scorer or fold_text(scorer) in _NULLISH or any(same_team(scorer, club) for club in clubs):
            continue
        if not _names_scorer(grounder, context["at"], scorer, clubs):
            continue
        if any(_surname(goal["player"]) == _surname(scorer) for goal in out):
            continue  # one answer per scorer: a later passage that names him again tells of someone else's goal
        out.append({"player": scorer, "team": answer.team, "minute": _minute_in(answer.minute, context["passage"]),
                    "penalty": _penalty_told(grounder, scorer), "own_goal": _own_goal_told(grounder, scorer),
                    "assist": None})  # fmt: skip
    return out


def _names_scorer(grounder: Grounder, at: int, scorer: str, clubs: list[str]) -> bool:
    """Whether the sentence of the score at folded `at` names `scorer` with no other person between them.

    "Joselu Moreno adelantó ..., pero al minuto 17, Iñaki Williams llegó ... para el empate 1-1":
    the 1-1 is Williams's, whatever the answer says. A scorer told of by a pronoun ("Der Mexikaner
    trifft") is not taken: measured, the model then names whoever the sentence before names.
    """
    text, original = grounder.folded_text, grounder.cleaned.original
    start, end = _sentence_start(text, at), _sentence_end(text, at)
    score_at = grounder.to_original(at, at + 1)[0]
    surname = _surname(scorer)
    word = re.compile(rf"(?<!\w){re.escape(surname)}(?!\w)")
    mentions = [grounder.to_original(hit.start(), hit.end())[0] for hit in word.finditer(text, start, end)]
    for mention in mentions:
        low, high = sorted((mention, score_at))
        between = [hit.group() for hit in _PERSON_SHAPE.finditer(original, low, high)]
        if not any(_surname(name) != surname and not any(same_team(name, club) for club in clubs) for name in between):
            return True
    return False


_CLOCK = re.compile(r"\d{1,2}\s*[h:]\s*\d{2}\b")  # "22h17", "16:58": the time of a live feed's entry


def _minute_in(written: str | None, passage: str) -> int | None:
    """The answer's minute where the passage writes its number (not a clock time), else None."""
    if not written or _CLOCK.search(written):
        return None
    minute = parse_minute(written)
    digits = re.findall(r"\d+", written)
    if minute is None or not digits or not all(re.search(rf"(?<!\d){d}(?!\d)", passage) for d in digits):
        return None
    return minute


def _with_asked_goals(
    goals: list[dict[str, Any]], asked: list[dict[str, Any]], stub: MatchStub
) -> list[dict[str, Any]]:
    """The goals asked one at a time (while the score has room), then the details answer's others.

    A goal asked alone comes from the words that mark it; the details answer lists a whole
    match's goals at once, and it is the one that takes a carded or a named-nearby player.
    A details goal of an asked scorer gives its minute where the asked one had none; at another
    minute it is his second goal. The details goals are not cut to the score here: the scorers
    lines and the checks after this may still move them to the other side.
    """
    room = {stub.home_team: stub.home_score, stub.away_team: stub.away_score}
    out: list[dict[str, Any]] = []
    for goal in asked:
        if room.get(goal["team"], 0) > 0 and not any(
            _surname(g["player"]) == _surname(goal["player"]) and g["minute"] == goal["minute"] for g in out
        ):
            room[goal["team"]] -= 1
            out.append(dict(goal))
    taken = list(out)
    for goal in goals:
        same = [g for g in taken if _surname(g["player"]) == _surname(goal["player"])]
        if same:
            untimed = next((g for g in same if g["minute"] is None), None)
            if any(g["minute"] == goal["minute"] for g in same) or goal["minute"] is None:
                continue
            if untimed is not None:
                untimed["minute"] = goal["minute"]
                continue
        out.append(dict(goal))  # beyond the score, the validators drop the last listed: these, not the asked
    return out
