"""What the rules read the article with: word lists, its sentences, mentions of people and teams, scores.

The word patterns are folded like the article's text (`fold_text`) and hold every language of the task.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from extractor.grounding import Grounder, fold_text
from extractor.names import CLUB_AFFIXES as _CLUB_AFFIXES
from extractor.names import club_key as team_key


def _word_starts(*words: str) -> re.Pattern[str]:
    """Like `_words`, each stem only at the start of a word ("tor" is "Tore", not "visitors")."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold_text(word)) for word in words) + ")")


def _words(*words: str) -> re.Pattern[str]:
    """A pattern of words (stems) in any of the task's languages, folded like the article."""
    return re.compile("|".join(re.escape(fold_text(word)) for word in words))


def _whole_words(*words: str) -> re.Pattern[str]:
    """Like `_words`, but only whole words ("tab" is not the start of "table")."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold_text(word)) for word in words) + r")(?!\w)")


_CARD_WORDS = re.compile(
    _words(
        "yellow", "red card", "booked", "booking", "sent off", "dismissed", "sending-off", "caution", "red for",
        "rødt kort", "røde kort", "udvist", "advarsel", "karantæne",
        "rote karte", "platzverweis", "verwarnung", "vom platz",
        "rode kaart", "gekaart", "uit het veld",
        "amarill", "expuls", "tarjeta", "amonest",
        "expulsé", "avertissement", "carton",
        "ammonit", "espuls", "cartellin", "exp:",
    ).pattern
    # a colour alone, not inside a club's colours ("le Giallorosse", "i rossoneri", "de geelzwarten")
    + "|" + _whole_words(
        "gult", "gule", "rødt", "røde", "gelb", "gelbe", "gelb-rot", "gelb-rote", "rot", "rote", "geel", "gele",
        "rood", "roja", "rojas", "roja directa", "jaune", "jaunes", "rouge", "rouges", "giallo", "gialla", "gialli",
        "rosso", "rossa",
    ).pattern
)  # fmt: skip
_OWN_GOAL_WORDS = _word_starts(
    "own goal", "own-goal", "own net", "selvmål", "eigentor", "eigen doel", "eigen goal", "autogol", "autogoal",
    "autorete", "propia puerta", "propia meta", "en contra", "contre son camp", "csc", "(a)",
)  # fmt: skip
_PENALTY_WORDS = _words(
    "penalty", "penalties", "spot", "straffe", "elfmeter", "strafstoß", "strafstoss", "strafschop", "penalti",
    "penal", "rigore", "(rig", "(sp)", "pen.", "(p)", "once metros", "onze mètres", "11-meter", "11 meter",
)  # fmt: skip
_COACH_WORDS = _words(
    "coach", "manager", "boss", "trainer", "træner", "cheftræner", "coache", "entrenador", "técnico", "míster",
    "entraîneur", "allenatore", "tecnico", "mister", "bondscoach", "übungsleiter", "troepen van", "ploeg van",
    "'s side", "'s men", "la squadra di", "l'équipe de", "el equipo de", "manden bag", "holdleder",
)  # fmt: skip


#: Words that tell of a goal, in the task's languages (stems, so "scor" is "scored", "scores").
_GOAL_WORDS = _word_starts(
    "goal", "scor", "netted", "header", "headed", "equalis", "equaliz", "winner", "strike", "struck", "fired", "finish",
    "tap", "volley", "penalty", "spot", "brace", "hat-trick", "level", "doubled", "lead", "led", "ahead",
    "tor", "traf", "treffer", "trifft", "köpf", "erzielt", "ausgleich", "elfmeter", "schieß", "schoss", "verwandel",
    "netz", "führung", "doppelpack", "anschluss",
    "mål", "udlign", "straffe", "sparke", "hovedstød", "reducer", "føring", "bragte",
    "doelpunt", "scoor", "kopt", "gelijkmaker", "treffer", "strafschop", "benut", "winnende", "maakte", "voorsprong",
    "binnen", "rondde",  # "schoot Van Beek binnen", "Hij rondde keurig af"
    "gol", "marc", "anot", "tanto", "penal", "empat", "remat", "cabez", "golazo", "adelant", "igual",
    "but", "marqu", "égalis", "frapp", "tête", "inscri", "ouvr", "doubl", "égalis", "réduit",
    "rete", "reti", "segn", "rigore", "pareggi", "raddopp", "testa", "sblocc", "realizz", "insacc", "firma",
)  # fmt: skip


_SECOND_YELLOW_WORDS = _words(
    "second yellow", "second booking", "second bookable", "2nd yellow", "two yellow", "two bookings", "gelb-rot",
    "gelb-rote", "gelbrot", "ampelkarte", "zweite gelbe", "twee keer geel",
    "andet gule", "andet gult", "to gule", "tweede gele", "twee gele", "doble amarilla", "segunda amarilla",
    "deuxième avertissement", "second avertissement", "second carton jaune", "deuxième carton jaune",
    "doppia ammonizione", "secondo giallo", "seconda ammonizione",
)  # fmt: skip
_RED_WORDS = _words(
    "red card", "straight red", "sent off", "sending-off", "sending off", "dismissed", "rote karte", "glatt rot",
    "platzverweis", "vom platz", "rødt kort", "udvist", "rode kaart", "rood", "uit het veld", "tarjeta roja",
    "roja directa", "expulsado", "expulsión", "carton rouge", "expulsé", "cartellino rosso", "rosso diretto",
    "espulso", "espulsione", "red for",
)  # fmt: skip
_YELLOW_WORDS = _words(
    "yellow", "booked", "booking", "caution", "gelbe karte", "verwarnung", "gult kort", "gule kort", "advarsel",
    "gele kaart", "tarjeta amarilla", "amonestado", "carton jaune", "avertissement", "ammonito", "giallo",
)  # fmt: skip


#: Words that make a score background, just before it in its sentence ("na een 0-5 in de heenwedstrijd").
_EARLIER_WORDS = _word_starts(
    "first leg", "1st leg", "heenwedstrijd", "heenduel", "hinspiel", "andata", "partido de ida", "match aller",
    "første kamp", "første opgør", "last season", "vorig seizoen", "letzte saison", "la temporada pasada",
    "la saison dernière", "lo scorso", "sidste sæson", "last week", "vorige week", "letzte woche",
    "la semaine dernière", "la semana pasada", "la settimana scorsa", "sidste uge", "laatste bezoek", "eerder",
    "earlier this season", "en la ida", "fresh from", "on the back of", "coming off",
    "letzten runde", "vorigen runde", "vergangenen runde", "vorrunde", "last round", "previous round",
    "last time out", "vorige ronde", "vorige speelronde", "la journée précédente", "la giornata precedente",
    "la scorsa giornata", "la jornada anterior", "la pasada jornada", "sidste runde", "forrige runde",
)  # fmt: skip


#: Words for a match that a small model copies as a club ("Kampen i Aarhus endte 1-1"), folded.
_MATCH_WORDS = frozenset(fold_text(word) for word in (
    "Kampen", "Kamp", "Opgøret", "Das Spiel", "Spiel", "Partie", "Die Partie", "The match", "Match", "The game", "Game",
    "De wedstrijd", "Wedstrijd", "La partita", "Partita", "El partido", "Partido", "Le match", "La rencontre",
    "Rencontre", "Encuentro", "Incontro", "Derby", "Duel", "Duell",
    "Minute", "Minuten", "Spielminute", "Minuto", "Minut", "Minuut", "Halbzeit", "Pause",  # "45.+2 Minute- X 2 :1"
))  # fmt: skip


_ARTICLE = r"(?:(?:the|het|de|le|la|les|el|los|il|lo|i|der|die|das|dem|den)\s+|l['’])?"
_TEAM_NAME = r"[A-ZÀ-ÞØÆÅ][\w.'’&-]*(?:\s(?:[A-ZÀ-ÞØÆÅ0-9][\w.'’&-]*|de|del|van|von)){0,3}"

_WINDOW = 220

_NEAR = 90
_COACH_NEAR = 40  # "Atalanta coach Gian Piero Gasperini", "Trainer Thomas Tuchel"
_CARD_NEAR = 90  # a card word within a few words of the name (a sentence away is another player's card)


#: A full stop that ends a sentence, in folded text: not the one of "78. min." ("I det 78. min. blev").
_STOP = re.compile(r"(?<!\bmin)\.(?= )(?!(?<=\d\.) min)")


def _stop_before(text: str, position: int) -> int:
    """The last sentence stop before `position` (-1: none)."""
    stop = text.rfind(". ", 0, position)
    while stop >= 0 and not _STOP.match(text, stop):
        stop = text.rfind(". ", 0, stop)
    return stop


def _stop_after(text: str, position: int) -> int:
    """The first sentence stop at or after `position` (-1: none)."""
    hit = _STOP.search(text, position)
    return hit.start() if hit else -1


def _sentence_start(text: str, position: int, stop_before: Callable[[str, int], int] | None = None) -> int:
    """Where the sentence going on at `position` starts (after its ". " or line break).

    The questions' passages split at every ". " (their recorded answers depend on it); the
    checks pass `_stop_before`, which reads "I det 78. min. blev" as one sentence.
    """
    if position <= 0:
        return 0
    stop = stop_before(text, position) if stop_before else text.rfind(". ", 0, position)
    return max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, position) + 1)


def _sentence_end(text: str, position: int) -> int:
    """Where the sentence going on at `position` stops: its ". ", the line's end, or the text's end."""
    stops = [i for i in (text.find(". ", position), text.find("\n", position)) if i >= 0]
    return min(stops, default=len(text))


def _mentions(grounder: Grounder, name: str) -> Iterator[tuple[int, int]]:
    """Where the article names a person: the whole name, then the surname alone (3+ letters)."""
    for word in dict.fromkeys([name, *name.split()[-1:]]):
        if len(word) >= 3:
            yield from grounder.find_all(word)


def _near(grounder: Grounder, name: str, pattern: re.Pattern[str], window: int) -> bool:
    """Whether `pattern` occurs within `window` characters of a mention of `name` (or its surname)."""
    text = grounder.folded_text
    for start, end in _mentions(grounder, name):
        if pattern.search(text[max(0, start - window) : end + window]):
            return True
    return False


def _gap(grounder: Grounder, name: str, team: str) -> int:
    """Characters between a mention of the person (or surname) and the nearest mention of the team."""
    teams = grounder.find_all(team) if team else []
    return min(
        (max(0, start - t_end, t_start - end) for start, end in _mentions(grounder, name) for t_start, t_end in teams),
        default=10**9,
    )


def _full_name(grounder: Grounder, name: str) -> str:
    """The longest way the article writes a person named `name` ("Alexander Scholz" for "Scholz")."""
    original = grounder.cleaned.original
    found = re.findall(rf"(?:[A-ZÀ-ÞØÆÅ][\w'’-]+\s)?{re.escape(name)}(?![\w'’])", original)
    return max(found, key=len, default=name)


def _surname(name: str) -> str:
    words = re.findall(r"\w+", fold_text(name))
    return words[-1] if words else ""


_NULLISH = {"", "null", "none", "n/a", "unknown", "-"}


#: Words that start a sentence, copied with the name after them ("After Henderson was dismissed ...").
_SENTENCE_OPENERS = frozenset(
    "after when but then before while once nach als dann aber doch toen maar nadat après quand mais puis dopo"
    " quando poi tras cuando pero luego efter men".split()
)


def _bare_name(player: str) -> str:
    """The player's name without a sentence's first word the model copied with it: "After Henderson" -> "Henderson"."""
    words = player.split()
    if len(words) >= 2 and fold_text(words[0]) in _SENTENCE_OPENERS:
        return " ".join(words[1:])
    return player


#: Words of a club name that do not tell it apart ("FC", "United"): not counted as a mention.
_PLAIN_NAME_WORDS = frozenset(
    {"united", "city", "real", "club", "sporting", "athletic", "olympique", "borussia", "calcio", "town", "county"}
) | _CLUB_AFFIXES


def _mentions_of_team(grounder: Grounder, team: str) -> list[tuple[int, int]]:
    """Where the article names a team: its whole name, or a telling word of it, also inflected.

    "Kölns Bittencourt" names Köln; "Phoenix coach" names Wellington Phoenix.
    """
    words = [w for w in re.findall(r"\w+", fold_text(team)) if len(w) >= 4 and w not in _PLAIN_NAME_WORDS]
    spans = set(grounder.find_all(team))
    for word in words or [fold_text(team).strip()]:
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?:s|es|'s|’s|'|’)?(?!\w)")
        spans.update((hit.start(), hit.end()) for hit in pattern.finditer(grounder.folded_text))
    return sorted(spans)


def _in_passage(team: str, passage: str) -> bool:
    """The passage names the team: its whole name or a telling word of it ("Atalanta" of "Atalanta Bergamo")."""
    folded = fold_text(passage)
    words = [w for w in re.findall(r"\w+", fold_text(team)) if len(w) >= 4 and w not in _PLAIN_NAME_WORDS]
    # a long word may be glued to the one before it by the page's markup ("DivisieExcelsior")
    return any(
        re.search(rf"(?<!\w){re.escape(word)}" if len(word) < 6 else re.escape(word), folded)
        for word in [fold_text(team).strip(), *words] if word
    )  # fmt: skip


def _pair(home: str, away: str) -> frozenset[str]:
    return frozenset((team_key(home), team_key(away)))


_SEP = r"\s*[-:]\s*"  # matched on folded text, where every dash is '-'


def score_pattern(home: int, away: int) -> re.Pattern[str]:
    """The score in either orientation ("2-1", "1:2", "2 – 1"), not inside a longer number."""
    pair = f"{home}{_SEP}{away}|{away}{_SEP}{home}"
    return re.compile(rf"(?<![\d.,/])(?:{pair})(?!\d|[.,:/]\d)")


_GOALLESS = _words(
    "goalless", "scoreless", "nil-nil", "scoreloos", "doelpuntloos", "torlos", "torlosen", "nullnummer", "målløs",
    "sin goles", "empate a cero", "a reti inviolate", "reti bianche", "sans but", "nul a nul", "vierge",
)  # fmt: skip
_ONLY_GOAL = _words(
    "only goal", "lone goal", "solitary goal", "all that separated", "enige doelpunt", "einzige tor",
    "einzigen treffer", "goldene tor", "único gol",
    "unico gol", "seul but", "eneste mål", "enige treffer",
)  # fmt: skip


#: A French score written with "à" after a word for winning or losing: "en battant Tours (L2) 5 à 3" (folded).
_WORDED_SCORE = re.compile(
    r"\b(?:battant|battu|battue|bat|battent|s'impose|s'imposent|l'emporte|l'emportent|victoire|defaite|s'incline"
    r"|s'inclinent|gagne|perdu|vainqueur|vaincu"
    # Italian: "il Torrebruna ha battuto 1 a 0 il Virtus Tre Ville", "pareggio per 2 a 2", "0 a 0 tra San Buono e ..."
    r"|battuto|battuta|batte|vinto|vince|superato|supera|sconfitto|sconfitta|perso|perde|pareggio|pareggiato"
    r"|pareggia|vittoria|successo|espugnato|regolato|piegato|travolto)\b[^.\n]{0,40}?(?<![\d,.])"
    r"(?P<first>\d{1,2}) a (?P<second>\d{1,2})"
    r"(?![\d,.]|\s*(?:minutes?|semaines?|jours?|mois|ans|minuti|settimane|giorni|mesi|anni|punti|gol|reti)\b)"
)
#: ... or an Italian draw named by its clubs: "0 a 0 tra San Buono e Lentella" (folded).
_DRAW_BETWEEN_WORDED = re.compile(r"(?<![\d,.])(?P<first>\d{1,2}) a (?P<second>\d{1,2}) (?=tra |fra )")


#: A score in words set off by a bracket, a comma or a colon: "le but égalisateur (2 à 2)", "..., 3 à 3."
#: (folded: "à" is "a"); in running prose "3 a 1" may be anything, so it is not read there.
_SET_OFF_WORDED = re.compile(r"(?:\(|,\s|:\s)(?P<first>\d{1,2}) a (?P<second>\d{1,2})(?=\)|\.(?!\d)|,|;)")
#: ... or a Spanish score after "por": "Dura derrota de la Peña en casa del Navega por 2 a 1" (folded).
_POR_WORDED = re.compile(
    r"\bpor (?P<first>\d{1,2}) a (?P<second>\d{1,2})"
    r"(?!\d|[.,]\d|\s*(?:minutos?|min\b|semanas?|dias|meses|anos|puntos|goles|partidos|jornadas|horas)\b)"
)
#: Any score written with "a" in prose ("La Torres segna anche il 3 a 0", "Il 3 a 3 finale accontenta ...",
#: folded "à" too), not a count of minutes, days or points: asked only where no other written score gave a
#: final result (`questions._prose_worded_questions`).
_PROSE_WORDED = re.compile(
    r"(?<![\d,.])(?P<first>\d{1,2}) a (?P<second>\d{1,2})(?!\d|[.,]\d|\s*(?:minut|min\b|giorn|settiman|mes[ei]\b"
    r"|ann[io]\b|anos\b|ans?\b|punt|point|gol|ret[ei]\b|buts?\b|partit|jornad|seman|dias?\b|or[ea]\b|hora|heure|jour"
    r"|mois|semaine|sur\b|su\b|de\b|di\b))"
)
#: Numbers in words, folded, for a score written so ("sur le score de deux buts à un", "por dos goles a cero").
NUMBER_WORDS = {
    **dict.fromkeys(("zero", "nil", "cero", "null", "nul"), 0),
    **dict.fromkeys(("one", "un", "une", "uno", "una", "eins", "een", "et"), 1),
    **dict.fromkeys(("two", "deux", "dos", "due", "zwei", "twee", "to"), 2),
    **dict.fromkeys(("three", "trois", "tres", "tre", "drei", "drie"), 3),
    **dict.fromkeys(("four", "quatre", "cuatro", "quattro", "vier", "fire"), 4),
    **dict.fromkeys(("five", "cinq", "cinco", "cinque", "funf", "vijf", "fem"), 5),
    **dict.fromkeys(("six", "seis", "sei", "sechs", "zes", "seks"), 6),
    **dict.fromkeys(("seven", "sept", "siete", "sette", "sieben", "zeven", "syv"), 7),
}
_NUMBER = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
#: ... with a word for goals between ("deux buts à un", "two goals to nil"), or after "the score of" and the like.
_NUMBER_WORDED = re.compile(
    rf"(?<!\w)(?:(?P<first>{_NUMBER})\s+(?:buts?|goles?|goals?|reti|gol|tore|toren|doelpunten|mal)\s+"
    rf"(?:a|to|contre|zu|tegen|mod)\s+(?P<second>{_NUMBER})"
    rf"|(?:score de|punteggio di|risultato di|marcador de|resultado de)\s+(?P<first2>{_NUMBER})\s+(?:a|to)\s+"
    rf"(?P<second2>{_NUMBER}))(?!\w)"
)


def number_worded(text: str) -> list[tuple[int, int, int, int]]:
    """Scores written in number words in the folded `text`, as (start, end, first, second)."""
    found = []
    for hit in _NUMBER_WORDED.finditer(text):
        first, second = hit["first"] or hit["first2"], hit["second"] or hit["second2"]
        found.append((hit.start(), hit.end(), NUMBER_WORDS[first], NUMBER_WORDS[second]))
    return found


#: ... or a line's first words, after the two clubs: "Questembert et Malansac 2 à 2. M-temps 1 à 0." (folded).
_LINE_WORDED = re.compile(
    r"(?m)^[ \t]*(?:[^\W\d][\w'’./-]*[ \t]){1,6}(?:et|-|–)[ \t](?:[^\W\d][\w'’./-]*[ \t]){1,6}"
    r"(?P<first>\d{1,2}) a (?P<second>\d{1,2})(?=\.(?!\d)|,|;|[ \t]*$)"
)


def score_stated(text: str, home: int, away: int, teams: tuple[str, str] | None = None) -> bool:
    """Whether the folded `text` states this score, in digits or words.

    Digits: "2-1", or split by the teams ("Forest 2 - Brentford 1"); words: a goalless draw,
    or the only goal of a 1-0.
    """
    if score_pattern(home, away).search(text):
        return True
    if any({int(hit["first"]), int(hit["second"])} == {home, away} and int(hit["first"]) + int(hit["second"])
           == home + away for hit in [*_WORDED_SCORE.finditer(text), *_SET_OFF_WORDED.finditer(text),
                                      *_LINE_WORDED.finditer(text), *_POR_WORDED.finditer(text),
                                      *_PROSE_WORDED.finditer(text)]):  # fmt: skip
        return True
    if any({first, second} == {home, away} and first + second == home + away
           for _, _, first, second in number_worded(text)):  # fmt: skip
        return True
    if teams is not None and _split_by_teams(text, home, away, teams):
        return True
    if home == away == 0:
        return _GOALLESS.search(text) is not None
    if sorted((home, away)) == [0, 1]:
        return _ONLY_GOAL.search(text) is not None
    return False


#: The stored page's date before its headline, on the first line: " date 2020-10-16 Coleraine 0 Ballymena Utd 1".
_PAGE_DATE = r"(?:date[ \t]+\d{4}(?:-\d{2}){0,2}[ \t]+)?"


def _split_by_teams(text: str, home: int, away: int, teams: tuple[str, str]) -> bool:
    """Whether the folded `text` writes the score with each team's goals beside its name."""
    first, second = (re.escape(fold_text(team)) for team in teams)
    for a, x, b, y in ((first, home, second, away), (second, away, first, home)):
        if re.search(rf"{a}\s+{x}(?:\s*\([^()\n]{{1,120}}\))?\s?[-–]\s?{b}\s+{y}(?!\d)", text):
            return True  # also with its scorers: "penarol de san juan 2 (javier martinez y raul zelaya)-sportivo ... 2"
        if re.search(rf"{a}\s?:\s?{x}\s+(?:[-–,;]\s?)?{b}\s?:\s?{y}(?!\d)", text):
            return True  # "brest : 2 ac ajaccio : 1"
        if re.search(rf"(?:^|\n)[ \t]*{_PAGE_DATE}{a}[ \t]+{x}[ \t]+{b}[ \t]+{y}[ \t]*(?:\n|$|:\s)", text):
            return True  # a header line "llanrhaeadr ym mochnant 2 dolgellau 3", "dereham 1 maldon & tiptree 2: ...",
            # also after the stored page's date: " date 2020-10-16 coleraine 0 ballymena utd 1"
        if re.search(rf"(?:^|\n)[ \t]*{_PAGE_DATE}{a}[ \t]+{x}[ \t]*\n[ \t]*{b}[ \t]+{y}[ \t]*(?:\n|$)", text):
            return True  # a header of two lines, each a club and its goals: "trento 4" / "pro vercelli 1"
        if re.search(rf"{a}\s*\n\s*{x}\s*\n\s*{b}\s*\n\s*{y}\s*(?:\n|$)", text):
            return True  # a score block, a line each: "sant'agostino" / "1" / "del duca grama" / "1"
    sides = ((first, home), (second, away))
    if all(re.search(rf"{team}\s\(\d{{1,2}}\)\s{goals}(?!\d)", text) for team, goals in sides):
        return True  # a wire summary's sides: "crystal palace (0) 1 ... brentford (0) 1"
    if all(re.search(rf"(?:^|\n)[ \t]*(?:\({goals}\)|{goals}[ \t]*[-–])[ \t]*{team}[ \t]*:", text)
           for team, goals in sides):  # fmt: skip
        return True  # line-ups led by each club's goals: "3 – portonovo sd: maria, ..." / "(1) atletico: ..."
    return False


#: A written score, also the first part of a compound ("3-2-eindcijfers", "1:0-Sieg", "3-0-sejren") or
#: before a colon ("con il punteggio di 2-1: i viola ...").
_RUNNING = re.compile(r"(?<![\w.,:/-])(\d{1,2})\s?[-:]\s?(\d{1,2})(?![\d/]|:(?!\s)|-(?![^\W\d_]{3})|[.,]\d)")


def _running_side(grounder: Grounder, player: str) -> str | None:
    """'home' or 'away' from a running score written against the player ("0-1 Ross (55)", "27. Awoniyi 0:1").

    The side whose count goes up from the previous running score on the same line scored.
    """
    text = grounder.folded_text
    sides = set()
    for start, end in grounder.find_all(player) or grounder.find_all(player.split()[-1] if player.split() else player):
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        scores = list(_RUNNING.finditer(text, line_start, line_end))
        near = [
            (distance, index)
            for index, hit in enumerate(scores)
            for distance, gap in (
                (start - hit.end(), text[hit.end() : start]),
                (hit.start() - end, text[end : hit.start()]),
            )
            if 0 <= distance <= 8 and ". " not in gap  # "1-0. 35', Lukaku pareggia": that score was the goal before
        ]
        if not near:
            continue
        index = min(near)[1]  # the running score written closest to the name
        home, away = int(scores[index].group(1)), int(scores[index].group(2))
        previous = (int(scores[index - 1].group(1)), int(scores[index - 1].group(2))) if index else (0, 0)
        if (home, away) == (previous[0] + 1, previous[1]):
            sides.add("home")
        elif (home, away) == (previous[0], previous[1] + 1):
            sides.add("away")
    return sides.pop() if len(sides) == 1 else None
