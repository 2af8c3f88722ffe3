"""Facts code reads from the article's sentences: cards, the stage, coaches, scorers named with their club.

Also the penalty and own-goal words right next to a scorer's name.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from extractor.grounding import Grounder, fold_text
from extractor.names import club_key as team_key
from extractor.names import same_club as same_team

from .facts import _match_of_line, _named_in
from .minutes import _MINUTE_EXPR, _SPAN_BEFORE, parse_minute
from .models import MatchStub
from .words import (
    _ARTICLE,
    _COACH_NEAR,
    _COACH_WORDS,
    _EARLIER_WORDS,
    _PENALTY_WORDS,
    _SECOND_YELLOW_WORDS,
    _TEAM_NAME,
    _in_passage,
    _mentions,
    _near,
    _sentence_end,
    _sentence_start,
    _surname,
    _word_starts,
    _words,
)

_PENALTY_NEAR = 40
_NOT_SCORED = _words(
    "missed", "saved", "won a", "conceded", "verschoss", "hielt", "fallito", "sbagliato", "parato", "falló", "fallado",
    "detuvo", "paró", "raté", "manqué", "arrêté", "brændte", "reddede", "miste", "gestopt", "tegengehouden",
)  # fmt: skip


_OWN_GOAL_NEAR = 20


#: Prose words for an own goal (not a list's "(a)" or "csc", which mark the entry next to them only).
_OWN_GOAL_PROSE = _word_starts(
    "own goal", "own-goal", "own net", "selvmål", "eigentor", "eigen doel", "eigen goal", "autogol", "autogoal",
    "autorete", "propia puerta", "propia meta", "contre son camp", "son propre but",
)  # fmt: skip


def _own_goal_told(grounder: Grounder, player: str) -> bool:
    """An own-goal word right next to the scorer's name ("een eigen goal van Stije Resink", "Thiaw's own goal")."""
    return _near(grounder, player, _OWN_GOAL_PROSE, _OWN_GOAL_NEAR)


def _penalty_told(grounder: Grounder, player: str) -> bool:
    """A penalty word right next to the scorer's name, and no word saying it was missed or saved."""
    text = grounder.folded_text
    for start, end in _mentions(grounder, player):
        window = text[max(0, start - _PENALTY_NEAR) : end + _PENALTY_NEAR]
        if _PENALTY_WORDS.search(window) and not _NOT_SCORED.search(window):
            return True
    return False


# ---------------------------------------------------------------------------------------
# Cards told in prose ("Rot für Bittencourt", "Ross Flitney was then sent off", "blev BK Skjolds
# Frederik Levinsen udvist"): read by code from the words of each language, where the article
# has no cards lines. A small model lists few of them and gives most to the first team of its enum.

_PERSON = (
    r"(?P<name>[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ ](?:(?:de|da|di|do|dos|del|della|van|von|der|den|ter|ten|le|la)[ ])*"
    r"[A-ZÀ-ÞØÆÅ][\w'’-]+){0,3})"
)
_FEW = r"(?:\S+[ ]){0,%d}?"  # a few words between the verb and the card ("sieht zudem nach einer Notbremse Rot")
_THE = r"(?:(?:den|dem|der|die|the|le|la|l['’]|el|il|lo|het|de)\s*)?"
_TELLS = (  # the card's words, then the player
    r"(?i:(?:glatt\s+)?(?:gelb-?rot(?:e\s+karte)?|rot|rote\s+karte|gelb|gelbe\s+karte|platzverweis)\s+für)",
    r"(?i:(?:(?:a|the|his|a\s+straight|a\s+second)\s+)?"
    r"(?:red\s+card|yellow\s+card|booking|sending[\s-]off|dismissal)\s+(?:for|to|of))",
    r"(?i:(?:rode|gele)\s+kaart\s+(?:voor|van)|(?:rood|geel)\s+voor)",
    r"(?i:(?:rødt|gult|direkte\s+rødt)(?:\s+kort)?\s+til|udvisning\s+af)",
    r"(?i:(?:carton\s+(?:rouge|jaune)|exclusion|expulsion|avertissement)\s+(?:\w+\s+)?(?:pour|à|de|d['’]))",
    r"(?i:(?:tarjeta\s+(?:roja|amarilla)|roja\s+directa|expulsión|amonestación)\s+(?:\w+\s+)?(?:para|a|al|de|del))"
    r"(?:\s+[a-záéíóúñ]+){0,2}",  # "la correcta expulsión del senegalés Pathe Ciss"
    r"(?i:(?:cartellino\s+(?:rosso|giallo)|rosso\s+diretto|espulsione|ammonizione)\s+(?:per|a|di|al|del)"
    r"|espulso|ammonito)",
)
_TOLD = (  # the player, then the card's words
    r"(?i:\s+(?:was|is|has\s+been|had\s+been|got|gets)\s+(?:\w+\s+)?(?:sent\s+off|dismissed|booked|cautioned"
    r"|red[\s-]carded|shown\s+(?:a|the|his)\s+(?:\w+\s+)?(?:red|yellow)))",
    r"(?i:\s+(?:\w+\s+)?(?:received|receives|picked\s+up|saw|sees|earned|collected)\s+(?:a|an|the|his|their)?\s*"
    r"(?:\w+\s+)?(?:red|yellow|booking|caution))",
    r"(?i:\s+(?:sieht|sah)\s+" + _FEW % 4
    + r"(?:gelb-?rot|glatt\s+rot|rot|gelb|die\s+(?:gelb-)?rote\s+karte|die\s+gelbe\s+karte)\b"
    r"|\s+(?:flog|fliegt|musste)\s+" + _FEW % 3 + r"vom\s+platz)",
    r"(?i:\s+(?:krijgt|kreeg|ontving|ontvangt|ziet|zag|pakt|pakte)\s+" + _FEW % 5
    + r"(?:rood|geel|(?:de|een)\s+(?:rode|gele)\s+kaart|(?:directe\s+)?(?:rode|gele)\s+(?:kaart|prent))\b"
    r"|\s+(?:de|een)\s+(?:rode|gele)\s+kaart\s+(?:toont|toonde|geeft|gaf)"
    r"|\s+werd\s+(?:\w+\s+)?(?:uit\s+het\s+veld\s+gestuurd|weggestuurd))",
    r"(?i:\s+(?:blev|bliver)\s+" + _FEW % 2 + r"udvist"
    r"|\s+(?:fik|får|modtog|modtager)\s+" + _FEW % 3 + r"(?:rødt|gult|det\s+røde|det\s+gule))",
    r"(?i:\s+(?:a\s+été|est|fut|sera|s['’]est\s+fait)\s+" + _FEW % 2 + r"(?:expulsé|exclu|averti)"
    r"|\s+(?:écope|reçoit|a\s+reçu|prend|voit)\s+" + _FEW % 3 + r"(?:carton|rouge|jaune))",
    r"(?i:\s+(?:fue|resultó|es|era)\s+(?:expulsado|amonestado)"
    r"|\s+(?:vio|ve|recibió|recibe)\s+" + _FEW % 3 + r"(?:roja|amarilla|tarjeta))",
    r"(?i:\s+(?:è\s+stato|viene|venne|fu)\s+(?:\w+\s+)?(?:espulso|ammonito)"
    r"|\s+(?:rimedia|riceve|prende)\s+" + _FEW % 3 + r"(?:rosso|giallo|cartellino))",
)
_INVERTED = (  # the verb, the player, the card: German, Danish and Dutch word order after an adverb
    (r"(?i:sieht|sah)", r"(?i:gelb-?rot|glatt\s+rot|rot|gelb|die\s+(?:gelb-)?rote\s+karte|die\s+gelbe\s+karte)\b"),
    (r"(?i:blev|bliver)", r"(?i:udvist)"),
    (r"(?i:fik|får|modtog)", r"(?i:(?:et\s+)?(?:direkte\s+)?(?:rødt|gult|det\s+røde|det\s+gule))"),
    (r"(?i:krijgt|kreeg|ontving|ziet|zag)", r"(?i:(?:de\s+|een\s+)?(?:rood|geel|rode\s+kaart|gele\s+kaart))\b"),
)


def _person(group: str) -> str:
    return _PERSON.replace("?P<name>", f"?P<{group}>")


_PROSE_CARD = re.compile(
    "|".join([
        *(rf"(?P<tell{i}>{tell})\s+{_THE}{_person(f'after{i}')}" for i, tell in enumerate(_TELLS)),
        *(rf"(?<!\w){verb}\s+{_person(f'inside{i}')}\s+{_FEW % 3}(?P<card{i}>{kind})"
          for i, (verb, kind) in enumerate(_INVERTED)),
        # "Joao Cancelo and Nelson Semedo both received straight reds": two players
        *(rf"(?:{_person(f'also{i}')}[ ](?:and|und|en|og|et|y|e)[ ])?{_person(f'before{i}')}(?P<told{i}>{told})"
          for i, told in enumerate(_TOLD)),
    ])
)  # fmt: skip

_SENTENCE_STOP = re.compile(r"(?<!\d)[.!?](?=\s+[A-ZÀ-ÞØÆÅ\"“„«])|\n")
_GENITIVE = re.compile(r"(?:['’]s|['’]|s)$")
_NOT_A_PLAYER = re.compile(r"['’]s$")  # "for Richard Hill's side"
_NOT_A_NAME = frozenset(
    "dann da so nun auch aber doch und zudem später spater then but and also later so now here there og men så sa"
    " her der nu senere derefter en maar toen nu dan ook daarna later et mais puis alors ensuite y pero luego"
    " después despues e ma poi quindi poco il la le lo el de het die der das the".split()
)  # a sentence's first word, capitalised like a name: "Dann sieht Robin Krauße Gelb-Rot"
_SECOND_YELLOW_PHRASE = re.compile(r"(?i)gelb-?rot|tweede gele|twee keer geel")
_RED_PHRASE = re.compile(
    r"rot\b|rote|rood|rode|rodt|roja|rosso|rouge|red|vom platz|udvis|expuls|exclu|espuls|sent off|sending|dismiss"
    r"|uit het veld|weggestuurd"
)
_OF_CLUB = ("van", "von", "de", "di", "da", "del")  # "Daan Blij van Excelsior Maassluis"


def _sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): from the stop before it to the stop after it."""
    stops = _SENTENCE_STOP.finditer(text, max(0, start - 400), start + 8)  # the look-ahead sees past `start`
    left = max((hit.end() for hit in stops if hit.end() <= start), default=max(0, start - 400))
    after = _SENTENCE_STOP.search(text, end)
    return text[left : after.start() if after else len(text)]


def _prose_kind(phrase: str, sentence: str) -> str:
    """second_yellow when the sentence says so; else red or yellow by the phrase's own words."""
    if _SECOND_YELLOW_WORDS.search(fold_text(sentence)) or _SECOND_YELLOW_PHRASE.search(phrase):
        return "second_yellow"
    return "red" if _RED_PHRASE.search(fold_text(phrase)) else "yellow"


def _team_prefix(words: list[str], teams: tuple[str, str]) -> tuple[str | None, list[str]]:
    """The club written with the player, and the player's own words.

    "Kölns Bittencourt", "BK Skjolds Frederik Levinsen", "SVN’69-middenvelder Niels Keizer",
    "Daan Blij van Excelsior Maassluis".
    """
    for cut, word in enumerate(words[1:-1], 1):
        club = " ".join(words[cut + 1 :])
        if word in _OF_CLUB and any(same_team(club, team) for team in teams):
            return next(team for team in teams if same_team(club, team)), words[:cut]
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        head = words[:size]
        last = head[-1].split("-")[0] if "-" in head[-1] and head[-1].split("-", 1)[1].islower() else head[-1]
        for team in teams:
            key = team_key(team)
            for written in (" ".join([*head[:-1], last]), " ".join([*head[:-1], _GENITIVE.sub("", last)])):
                folded = team_key(written)
                if folded and (folded == key or (len(folded) >= 4 and folded in key.split())):
                    return team, words[size:]
    return None, words


def _prose_card_team(
    card: dict[str, Any], stub: MatchStub, goals: list[dict[str, Any]], model: list[dict[str, Any]], sentence: str,
    text: str,
) -> str | None:
    """The card's team, or None (the card is then not kept).

    Written with the player, else his goal's team in this match, else the model's when all its
    cards for him agree, else the one of the two teams the card's sentence names, else the club
    the article writes right before him elsewhere ("Kölns Bittencourt"). (The team named nearer
    to him anywhere in the article was measured too: it gave wrong teams.)
    """
    if card["team"]:
        return str(card["team"])
    surname = _surname(card["player"])
    scored = {goal["team"] for goal in goals if _surname(goal["player"]) == surname and not goal.get("own_goal")}
    if len(scored) == 1:
        return str(next(iter(scored)))
    given = {item["team"] for item in model if _surname(item["player"]) == surname}
    if len(given) == 1 and given <= {stub.home_team, stub.away_team}:
        return str(next(iter(given)))
    named = [team for team in (stub.home_team, stub.away_team) if _named_in(fold_text(sentence), team)]
    if len(named) == 1:
        return named[0]
    return _club_before_player(card["player"], stub, text)


def _club_before_player(player: str, stub: MatchStub, text: str) -> str | None:
    """The one club the article writes right before the player anywhere ("Kölns Bittencourt springt")."""
    surname = player.split()[-1] if player.split() else player
    clubs = set()
    for hit in re.finditer(rf"((?:\S+[ ]){{1,3}}){re.escape(surname)}(?!\w)", text):
        words = hit.group(1).split()
        for size in range(len(words), 0, -1):
            team, rest = _team_prefix([*words[-size:], surname], (stub.home_team, stub.away_team))
            if team is not None and rest == [surname]:
                clubs.add(team)
                break
    return next(iter(clubs)) if len(clubs) == 1 else None


def _paragraph_match(text: str, position: int, stubs: list[MatchStub]) -> MatchStub | None:
    """The one match whose team the card's paragraph names (a prose round-up), else None."""
    start, end = text.rfind("\n", 0, position) + 1, text.find("\n", position)
    folded = fold_text(text[start : end if end >= 0 else len(text)])
    named = [stub for stub in stubs if any(_named_in(folded, team) for team in (stub.home_team, stub.away_team))]
    return named[0] if len(named) == 1 else None


def _prose_names(hit: re.Match[str]) -> tuple[str, list[str]]:
    """The card's words and the one or two players a prose hit names."""
    which = next(key for key, value in hit.groupdict().items() if value is not None and key[:4] in _PHRASE_GROUPS)
    index = which[4:]
    if which.startswith("tell"):
        return hit[which], [hit[f"after{index}"]]
    if which.startswith("card"):
        return hit[which], [hit[f"inside{index}"]]
    return hit[which], [name for name in (hit[f"before{index}"], hit[f"also{index}"]) if name]


_PHRASE_GROUPS = ("tell", "told", "card")


def prose_cards(
    stub: MatchStub, stubs: list[MatchStub], grounder: Grounder,
    goals: list[dict[str, Any]], model: list[dict[str, Any]],
) -> list[dict[str, Any]]:  # fmt: skip
    """The cards the article's sentences tell for one match, each with its team (or left out).

    A minute is kept only when the card's sentence states exactly one.
    """
    text = grounder.cleaned.text
    teams = (stub.home_team, stub.away_team)
    found: list[dict[str, Any]] = []
    position = 0
    while hit := _PROSE_CARD.search(text, position):
        position = hit.end()
        phrase, names = _prose_names(hit)
        first = names[0].split()[0]
        if fold_text(first) in _NOT_A_NAME and len(names[0].split()) == 1:
            position = hit.start() + len(first)  # "Dann sieht Robin Krauße Gelb-Rot": read on from "sieht"
            continue
        if (_match_of_line(text, hit.start(), stubs) or _paragraph_match(text, hit.start(), stubs)) is not stub:
            continue
        sentence = _sentence_of(text, hit.start(), hit.end())
        folded_sentence = fold_text(sentence)
        minutes = {
            parse_minute(m.group()) for m in _MINUTE_EXPR.finditer(folded_sentence)
            if not _SPAN_BEFORE.search(folded_sentence[max(0, m.start() - 16) : m.start()])
        } - {None}  # fmt: skip
        for name in names:
            team, words = _team_prefix(name.split(), teams)
            while words and fold_text(words[0]) in _NOT_A_NAME:
                words = words[1:]
            player = " ".join(words)
            if not player or _NOT_A_PLAYER.search(player) or any(same_team(player, side) for side in teams):
                continue
            said = sentence.find(player)
            if _COACH_WORDS.search(fold_text(sentence[max(0, said - _COACH_NEAR) : max(0, said)] + " " + name)):
                continue  # a coach's card is no player's ("Union-Trainer Hans Weber sieht Rot")
            card = {"player": player, "team": team, "minute": next(iter(minutes)) if len(minutes) == 1 else None,
                    "card": _prose_kind(phrase, sentence)}  # fmt: skip
            card["team"] = _prose_card_team(card, stub, goals, model, sentence, text)
            if card["team"] is not None:
                found.append(card)
    return found


def _with_prose_cards(prose: list[dict[str, Any]], model: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The cards the sentences tell, and the model's cards of other players.

    A prose card whose sentence writes no minute takes the one of the model's card for the same
    player ("med to minutter tilbage": the model answered 88).
    """
    told = {_surname(card["player"]) for card in prose}
    minutes: dict[str, set[int]] = {}
    for card in model:
        if card.get("minute") is not None:
            minutes.setdefault(_surname(card["player"]), set()).add(card["minute"])
    for card in prose:
        given = minutes.get(_surname(card["player"]), set())
        if card["minute"] is None and len(given) == 1:
            card["minute"] = next(iter(given))
    return [*prose, *(card for card in model if _surname(card["player"]) not in told)]


# ---------------------------------------------------------------------------------------
# The stage (round, matchday, group) as the article writes it, read by code: the model was
# wrong on it more often than right, and the forms are few ("10. Spieltag", "Matchday 5", "J34",
# "Gruppe F", "octavos de final"). Kept only where the article names one stage and no other.

_ORDINAL_WORD = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|første|anden|tredje|fjerde|femte|sjette"
    r"|syvende|ottende|niende|tiende|erste[nrs]?|zweite[nrs]?|dritte[nrs]?|vierte[nrs]?|fünfte[nrs]?|eerste|tweede"
    r"|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|primer[ao]?|segund[ao]|tercer[ao]?|cuart[ao]|quint[ao]"
    r"|sext[ao]|séptim[ao]|octav[ao]|noven[ao]|décim[ao]|premi[eè]re|deuxième|troisième|quatrième|cinquième"
    r"|prim[oa]|second[oa]|terz[oa]|quart[oa]|quint[oa]|sest[oa]|settim[oa]|ottav[oa]|non[oa]|decim[oa]"
    r"|ventesim[oa]|trentesim[oa]"
)
_ROUND_NOUN = (
    r"matchday|match\s?week|gameweek|round|spieltag|spielrunde|runde|spillerunde|speelronde|ronde|journée|tour"
    r"|jornada|fecha|ronda|giornata|turno"
)
_KNOCKOUT = (
    r"round of (?:16|32)|last (?:16|32)|quarter-?finals?|semi-?finals?|achtelfinale|viertelfinale|halbfinale"
    r"|(?:achtste|kwart|halve)\s?finale|(?:1/8|1/4|1/2|8es|16es|32es|8e|16e|32e|quarts?|demi)[ -]de[ -]finale"
    r"|(?:octavos|dieciseisavos|cuartos|semifinales?)\s+de\s+final|(?:ottavi|quarti|sedicesimi)\s+di\s+finale"
    r"|semifinale|(?:ottende|kvart|semi)finale(?:n)?"
)
_STAGE = re.compile(
    r"(?<![\w-])(?i:"
    rf"(?:\d{{1,2}}(?:\.|e|è|ème|eme|es|st|nd|rd|th|ª|º|°)?|{_ORDINAL_WORD})\s+(?:{_ROUND_NOUN})"
    rf"|(?:{_ROUND_NOUN})\s+\d{{1,2}}"
    r"|(?:group|gruppe|groep|grupo|girone|groupe|pulje)\s+(?-i:[A-H])"
    rf"|{_KNOCKOUT}"
    r"|(?:league phase|group stage|fase liga|fase de liga|gruppenphase|groepsfase|phase de (?:groupes|ligue)"
    r"|fase de grupos|fase a gironi)"
    r")(?![\w-])"
    r"|(?<![\w-])J\d{1,2}(?![\w-])"  # French: "J34" for the 34th journée
)


_NEXT_STAGE = re.compile(
    r"(?i:\b(?:into|through to|(?:progress|advanc|go|goes|went|move)\w* (?:on )?to|reach\w*"
    r"|qualif\w* (?:for|to|pour|per)|(?:pase|paso|pasa|avanza) a|clasific\w* (?:a|para)"
    r"|accède aux|aux|in die|ins|door naar|naar|agli|approda ai|til)\s+(?:the|de|het|los|las|les|le|la|i|gli)?\s*)$"
)  # "el pase a octavos", "into the Fourth Round": the stage a win leads to, not the one played


#: Time long past, written after what it dates: "two weeks ago", "vor zwei Wochen", "twee weken geleden".
_AGO = re.compile(
    r"\b(?:ago|geleden|siden|(?:settimane|giorni|mesi|anni) fa|il y a|hace (?:dos|tres|unas?|\d+)"
    r"|vor (?:zwei|drei|vier|einer|einem|\d+) (?:wochen|tagen|monaten|woche|monat|jahren?))\b"
)


@functools.lru_cache(maxsize=16)
def article_stage(text: str) -> str | None:
    """The one stage the article names, as written (its first mention), or None.

    A knockout round beside a group or a matchday is the round ahead ("Group D ... the round of
    16"); a round a win leads to ("pase a octavos") or one of an earlier season or meeting
    ("Vorig seizoen ... in de tweede speelronde") is not the match's.
    """
    seen: dict[str, tuple[str, bool]] = {}
    for hit in _STAGE.finditer(text):
        sentence = fold_text(text[_sentence_start(text, hit.start()) : hit.start()])
        rest = fold_text(text[hit.end() : _sentence_end(text, hit.end())])
        if _NEXT_STAGE.search(text[max(0, hit.start() - 24) : hit.start()]) or _EARLIER_WORDS.search(sentence):
            continue
        if _AGO.search(rest):
            continue  # "in the FA Cup semi-final at Wembley less than two weeks ago"
        knockout = re.fullmatch(_KNOCKOUT, hit.group(), re.IGNORECASE) is not None
        seen.setdefault(re.sub(r"\s+", " ", fold_text(hit.group())), (re.sub(r"\s+", " ", hit.group()), knockout))
    rounds = [value for value, knockout in seen.values() if not knockout] or [value for value, _ in seen.values()]
    return rounds[0] if len(rounds) == 1 else None


# ---------------------------------------------------------------------------------------
# Coaches, read by code where the article ties one to a club in so many words ("Leverkusens
# Trainer Roger Schmidt", "Roma coach Paulo Fonseca", "FC Midtjyllands cheftræner, Brian Priske",
# "træner for Hanstholm IF, Per Kristiansen") or a match sheet puts one under a line-up ("All.:
# Carrera"). A coach named without his club ("Andrea Pirlo's men") is left null.

_COACH_TITLE = (
    r"(?:head\s+)?coach|manager|boss|trainer|coach|cheftræner|træner|entrenador|técnico|allenatore|entraîneur"
    r"|oefenmeester|chef-?coach|cheftrainer"
)
_COACH_NAME = (
    r"(?P<coach>[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ ](?:(?:de|da|di|van|von|der|den|ter|le|la|del)[ ])*"
    r"[A-ZÀ-ÞØÆÅ][\w'’-]+){0,3})"
)
_CLUB_WORDS = r"[A-ZÀ-ÞØÆÅ][\w'’&.-]*(?:[ ][A-ZÀ-ÞØÆÅ0-9][\w'’&.-]*){0,2}"
_COACH_OF = re.compile(
    rf"(?P<club>{_CLUB_WORDS})(?:[ ]|-)(?i:{_COACH_TITLE}),?[ ]{_COACH_NAME}"  # "Roma coach Paulo Fonseca"
    rf"|(?i:{_COACH_TITLE})[ ](?i:for|of|van|von|des|de|del|di|du)[ ](?P<club2>{_CLUB_WORDS}),?[ ]"
    rf"{_COACH_NAME.replace('?P<coach>', '?P<coach2>')}"  # "træner for Hanstholm IF, Per Kristiansen"
)
_SHEET_COACH = re.compile(r"(?<![\w.])All\.:?[ ]?(?P<coach>[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ ][A-ZÀ-ÞØÆÅ][\w'’-]+){0,2})")
_SHEET_TEAM = re.compile(
    r"(?:^|(?<=[\s.]))(?P<team>[A-ZÀ-ÞØÆÅ][\w'’&.-]*(?:[ ][A-ZÀ-ÞØÆÅ][\w'’&.-]*){0,2})[ ]?(?:\(\d[\d-]+\))?[ ]?:"
)  # "Lucchese:", "Inter (4-2-3-1):" opens a line-up


def _club_of(written: str, team: str) -> bool:
    """Whether the words before a coach's title name `team` ("Leverkusens", "Bayern", "FC Midtjyllands")."""
    return _team_prefix([*written.split(), "X"], (team, team))[0] is not None or same_team(written, team)


@functools.lru_cache(maxsize=16)
def _coach_mentions(text: str) -> tuple[tuple[str, str], ...]:
    """(club as written, coach) for every coach the article ties to a club."""
    found = []
    for hit in _COACH_OF.finditer(text):
        club, coach = (hit["club"], hit["coach"]) if hit["coach"] else (hit["club2"], hit["coach2"])
        found.append((club, coach))
    for hit in _SHEET_COACH.finditer(text):
        before = [team for team in _SHEET_TEAM.finditer(text, max(0, hit.start() - 600), hit.start())]
        if before:
            found.append((before[-1]["team"], hit["coach"]))
    return tuple(found)


def coaches(stub: MatchStub, text: str) -> tuple[str | None, str | None]:
    """The home and the away coach the article ties to each team, where it names exactly one."""
    out = []
    for team in (stub.home_team, stub.away_team):
        named = {coach for club, coach in _coach_mentions(text) if _club_of(club, team) and not same_team(coach, team)}
        out.append(next(iter(named)) if len(named) == 1 else None)
    return out[0], out[1]


# ---------------------------------------------------------------------------------------
# Scorers a sentence lists with their club: "Morgan Gibbs-White scored for Forest", "Adam Lallana,
# Kaoru Mitoma, and Pascal Groß scored for Brighton", "Jonathas (20., Foulelfmeter) und Klaus (60.)
# treffen für Hannover". The club named decides the team, and in a round-up the match.

_LISTED_NAME = (
    r"[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ ](?:(?:de|da|di|van|von|der|den|ter|le|la|del|dos)[ ])*[A-ZÀ-ÞØÆÅ][\w'’-]+){0,3}"
    r"(?:\s*\([^()\n]{0,40}\))?"
)
#: A brace or a hat-trick told after the scorer's name, before his minutes: "Bebou mit einem Doppelpack (40., 86.)".
_BRACE = (
    r"[ ](?i:mit einem|with a|con una|con un|avec un|met een|med et)[ ](?i:doppelpack|dreierpack|brace"
    r"|hat-trick|hattrick|doppietta|tripletta|doblete|triplete|doublé|triplé)"
)
_BRACED_NAME = _LISTED_NAME.replace(r"(?:\s*\(", rf"(?:{_BRACE})?(?:\s*\(", 1)
_SCORED_FOR = re.compile(
    rf"(?P<names>{_BRACED_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+(?:and|und|en|og|et|e|y)\s+|(?<=\))\s+){_BRACED_NAME}){{0,4}})\s+"
    r"(?:(?:all|both|also|each)\s+)?(?i:scored|netted|were on target|was on target|treffen|trafen|traf|trifft"
    r"|scoorden|scoorde|scorede|scorer|ont marqué|a marqué|marquent|segnano|hanno segnato|ha segnato|marcaron"
    r"|marcó)\s+(?i:for|für|voor|pour|per|para)\s+" + _ARTICLE + rf"(?P<team>{_TEAM_NAME})"
)
#: A scorer who put his club ahead or level: "Mikkel Lund gave Vejle the lead", "Lund brachte Vejle in Führung",
#: "Lund bracht Vejle op voorsprong", "Lund bragte Vejle foran", "Lund portò in vantaggio il Vejle".
_PUT_AHEAD = re.compile(
    rf"(?P<names>{_LISTED_NAME})\s+(?:[a-zæøåäöüéèàí]+\s+){{0,3}}?"
    r"(?i:gave|put|fired|headed|shot|drew|pulled|brought|brachte|schoss|köpfte|bracht|schoot|kopte|bragte|sendte"
    r"|portò in vantaggio|porta in vantaggio|adelantó a|puso por delante a)\s+" + _ARTICLE + rf"(?P<team>{_TEAM_NAME})"
    r"\s+(?i:ahead|in front|level|(?:an? |the )?(?:early |late |deserved |first-half |second-half )?lead|back level"
    r"|in führung|op voorsprong|foran)\b"
)
#: A club's goals, then their scorers: "FCN-målene blev sat ind af A, B, C og D", "Brighton's goals came from A and
#: B", "Die Tore für Hannover erzielten A und B", "Les buts de Lyon ont été inscrits par A et B".
_NAMES = rf"(?P<names>{_LISTED_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+(?:and|und|en|og|et|e|y)\s+){_LISTED_NAME}){{0,4}})"
_GOALS_BY = re.compile(
    r"(?:"
    rf"(?P<team>{_TEAM_NAME})(?:'s|’s|s)?[ -](?i:goals|målene|mål|tore|treffer)"
    rf"|(?i:the goals|målene|die tore|les buts|i gol|le reti|los goles|de doelpunten|de goals)"
    r"\s+(?i:for|of|from|for|für|von|de|du|des|del|della|dei|di|van)\s+" + _ARTICLE + rf"(?P<team2>{_TEAM_NAME})"
    r")\s+(?i:were scored by|came from|were from|were netted by|blev sat ind af|blev scoret af|blev lavet af"
    r"|kom fra|erzielten|schossen|markierten|stammen von|ont été inscrits par|ont été marqués par|sont signés"
    r"|portano la firma di|sono di|sono stati segnati da|sono stati realizzati da|fueron obra de|llevan la firma de"
    rf"|fueron de|kwamen van|werden gemaakt door|kwamen op naam van|waren van)\s+{_NAMES}"
)
_ONE_LISTED = re.compile(
    r"(?P<player>[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ ](?:(?:de|da|di|van|von|der|den|ter|le|la|del|dos)[ ])*"
    r"[A-ZÀ-ÞØÆÅ][\w'’-]+){0,3})(?:\s*\((?P<inner>[^()\n]{0,40})\))?"
)


def _told_scorers(stub: MatchStub, text: str) -> list[dict[str, Any]]:
    """The goals sentences list for one of the match's clubs, with the minutes in brackets after a name."""
    goals = []
    for hit in [*_SCORED_FOR.finditer(text), *_PUT_AHEAD.finditer(text), *_GOALS_BY.finditer(text)]:
        club = (hit["team"] or hit.groupdict().get("team2") or "").rstrip(".,;:")
        team = next((side for side in (stub.home_team, stub.away_team) if same_team(club, side)
                     or _in_passage(side, club)), None)  # fmt: skip
        if team is None:
            continue
        for named in _ONE_LISTED.finditer(re.sub(_BRACE, "", hit["names"])):
            player = named["player"].strip()
            if any(same_team(player, side) for side in (stub.home_team, stub.away_team)):
                continue
            minutes = [parse_minute(m) for m in re.findall(r"\d{1,3}(?:\s*\+\s*\d{1,2})?", named["inner"] or "")]
            penalty = bool(_PENALTY_WORDS.search(fold_text(named["inner"] or "")))
            timed: list[int | None] = [m for m in minutes if m is not None]
            for minute in timed or [None]:
                goals.append({"player": player, "team": team, "minute": minute, "penalty": penalty,
                              "own_goal": False, "assist": None})  # fmt: skip
    return goals


def _with_told_scorers(goals: list[dict[str, Any]], stub: MatchStub, text: str) -> list[dict[str, Any]]:
    """The model's goals, and the listed scorers it missed while the score has room for them.

    A listed scorer the model gave the other club is his listed club's.
    """
    told = _told_scorers(stub, text)
    if not told:
        return goals
    teams_told = {_surname(goal["player"]): goal["team"] for goal in told}
    sides = (stub.home_team, stub.away_team)
    out = [{**goal, "team": teams_told.get(_surname(goal["player"]), goal["team"])} for goal in goals
           if not any(same_team(str(goal.get("player") or ""), side) for side in sides)]  # "AGF" is no scorer
    room = {stub.home_team: stub.home_score, stub.away_team: stub.away_score}
    for goal in out:
        room[goal["team"]] = room.get(goal["team"], 0) - 1
    for goal in told:
        listed = [g for g in out if _surname(g["player"]) == _surname(goal["player"])]
        if listed and (goal["minute"] is None or any(g["minute"] == goal["minute"] for g in listed)):
            continue
        if room.get(goal["team"], 0) > 0:
            room[goal["team"]] -= 1
            out.append(goal)
    return out
