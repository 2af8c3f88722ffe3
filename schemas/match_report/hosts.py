"""Who hosted and who won: the words that make a team the host, the visitor, the winner or the loser.

The checks' home-team and venue rules, and the ones that order step 1's results (`stubs`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from extractor.grounding import Grounder, fold_text
from extractor.names import club_key as team_key
from extractor.names import same_club as same_team
from extractor.plan import Finding

from .results import listed_results
from .words import (
    _ARTICLE,
    _RUNNING,
    _TEAM_NAME,
    _in_passage,
    _mentions_of_team,
    _pair,
    _sentence_start,
    _word_starts,
    _words,
    score_pattern,
)

#: Words before a team's name that make it the host: "won 2-0 at Napoli", "gewinnt 2:0 in Köln",
#: "su visita al Alcalá", "in casa del Napoli", "chez le PSG", "op bezoek bij Ajax", "udekampen mod Atalanta".
_AT_HOST = (
    r"(?:\b(?:won|win|wins|winning|lost|lose|loses|losing|drew|draw|draws|drawing|beaten|victory|defeat)\b"
    r"[^.\n]{0,40}\bat"
    r"|\baway (?:at|to)|\b(?:visit|trip) to"
    r"|\b(?:gewinnt|gewann|siegt|siegte|verliert|verlor|unterliegt|unterlag|remis|unentschieden|niederlage"
    r"|erfolg|sieg|dreier|punktgewinn|\d{1,2}:\d{1,2})\b"  # "Mit dem 3:0 (2:0)-Erfolg beim TSV Limmer II"
    r"[^.\n]{0,40}\b(?:in|bei|beim)"  # "mit einem 2:2-Unentschieden beim TSV Burgheim zufriedengeben"
    r"|\b(?:visita al?|en casa del?|en el campo del?|feudo del?)"
    r"|\b(?:como|de) visitante (?:a|al|ante|frente a|frente al)"  # "Villa Mitre superó como visitante a Sansinena"
    r"|\b(?:in casa del(?:lo|la)?|sul campo del(?:lo|la)?|sul terreno del(?:lo|la)?|ospite del(?:lo|la)?)"
    r"|\b(?:espugna|espugnano|espugnato|espugnando)(?:\s+(?:per\s+)?\d{1,2}\s*-\s*\d{1,2})?"  # "espugna 1-0 X"
    r"(?:\s+il campo d(?:i|el(?:lo|la)?))?"
    r"|\b(?:chez|sur la pelouse d[eu]|dans l'antre d[eu])"
    r"|\b(?:op bezoek bij|uit bij|in de kuip bij|(?:derby|wedstrijd|duel|uitduel|topper) bij)"
    r"|\b(?:ude mod|ude over|udesejr over|på besøg hos|udekampe?n? mod|på udebane (?:mod|over|hos))"
    r"|\b(?:gæstede|gaestede|besøgte|besogte|visited|gastierte (?:bei|beim|in)|zu gast (?:bei|beim|in))"
    r"|\baway (?:game|match|trip|clash|fixture|tie) (?:against|at|with|to)"
    r"|\bauswärts(?:spiel)? (?:bei|in|gegen|beim)|\b(?:uitwedstrijd|uitduel) (?:bij|tegen|in|met)"
    r"|\btrasferta (?:di|a|contro|sul campo del(?:lo|la)?|in casa del(?:lo|la)?)"
    r"|\bdéplacement (?:à|chez|sur la pelouse d[eu])"
    # "une victoire 3-2 au dernier souffle à Lens", "vince 3-2 a Lens", "won met 3-2 bij Lens"
    r"|\b(?:victoire|succes|gagne|s'impose|l'emporte|defaite|perdu|s'incline)\b[^.\n]{0,40}\ba"
    r"|\b(?:vittoria|successo|vince|vinto|sconfitta|perso|perde)\b[^.\n]{0,40}\b(?:a|in casa del(?:lo|la)?)"
    r"|\b(?:won|wint|winnen|winst|zege|overwinning|verloor|verliest|nederlaag)\b[^.\n]{0,40}\bbij"
    r"|\b(?:victoria|gano|gana|vence|vencio|derrota|perdio|pierde)\b[^.\n]{0,40}\ben (?:el campo del?|casa del?)"
    r")\s+(?:the |le |la |l'|el |il |lo |de |het |die |den |der )?"
)
# the text it searches is folded ("à" -> "a", "déplacement" -> "deplacement"): so are its words
_AT_HOST = "".join(c for c in unicodedata.normalize("NFKD", _AT_HOST) if not unicodedata.combining(c))


#: "their 3-1 win at basement side Bonar Bridge", "winning 4-3 late on at rivals Golspie": a word or two between.
_AT_DESCRIBED = (
    r"\b(?:won|win|wins|winning|lost|losing|drew|drawing|victory|defeat)\b[^.\n]{0,40}\bat\s+"
    r"(?:(?!home\b|the\b|their\b|its\b|his\b|her\b)[a-z-]+\s+){1,2}"
)


def _hosted(grounder: Grounder, team: str) -> bool:
    """Whether the article calls `team` the host in so many words ("won 2-0 at Napoli")."""
    name = re.escape(fold_text(team))
    return re.search(rf"(?:{_AT_HOST}|{_AT_DESCRIBED}){name}(?!\w)", grounder.folded_text) is not None


#: "X ... against the 10-man visitors": the team named before it in its sentence hosted (or, "the hosts", visited).
_EPITHET = re.compile(
    r"\b(?:against|over|with|to|vs\.?|gegen|contro|contre|face aux|contra|ante|tegen|mod)\s+"
    r"(?:the|die|gli|i|les|los|las|de|het)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:(?P<visitors>visitors|visiting side|gäste|ospiti|visiteurs|visitantes|bezoekers|gasten|gæsterne)"
    r"|(?P<hosts>hosts|home side|gastgeber|padroni di casa|hôtes|locales|anfitriones|thuisploeg|værterne))\b"
)


#: "Hobro fredag aften tog imod HB Køge", "Alpha hosted Beta": the team before the verb hosted the one after it.
_RECEIVED = re.compile(
    r"\b(?:tog imod|tager imod|hosted|hosts|welcomed|welcomes|empfing|empfangt|ontving|ontvangt|recibio a|recibe a"
    r"|ha ospitato|ospita|ospitava|recoit|recevait|a recu|accueille|accueillait|a accueilli)\s+"
)


def _host_by_verb(grounder: Grounder, home: str, away: str) -> str | None:
    """The team a sentence says received the other ("X tog imod Y"), or None.

    The host is the team named last before the verb in its sentence, with the other team right
    after the verb. Several such sentences must agree.
    """
    text = grounder.folded_text
    mentions = {team: _mentions_of_team(grounder, team) for team in (home, away)}
    said: set[str] = set()
    for hit in _RECEIVED.finditer(text):
        subject = _named_last_before(text, hit.start(), mentions)
        other = away if subject == home else home
        if subject is not None and any(a - hit.end() <= 12 for a, _ in mentions[other] if a >= hit.end()):
            said.add(subject)
    return next(iter(said)) if len(said) == 1 else None


def _named_last_before(text: str, position: int, mentions: dict[str, list[tuple[int, int]]]) -> str | None:
    """The team of `mentions` named last before `position` in its sentence, or None."""
    sentence = _sentence_start(text, position)
    last = {team: max((a for a, _ in spans if sentence <= a < position), default=-1)
            for team, spans in mentions.items()}  # fmt: skip
    subject = max(last, key=lambda team: last[team])
    return subject if last[subject] >= 0 else None


def _host_by_epithet(grounder: Grounder, home: str, away: str) -> str | None:
    """The home team, when a sentence calls the other team of the two "the visitors" (or "the hosts").

    The team named last before the epithet in its sentence is the one it is set against:
    "AS Roma fought back to earn a 1-1 draw against the 10-man visitors" -> Roma hosted.
    Several such sentences must agree; otherwise None.
    """
    text = grounder.folded_text
    mentions = {team: _mentions_of_team(grounder, team) for team in (home, away)}
    said: set[str] = set()
    for hit in _EPITHET.finditer(text):
        subject = _named_last_before(text, hit.start(), mentions)
        if subject is None:
            continue
        other = away if subject == home else home
        said.add(subject if hit["visitors"] else other)
    return next(iter(said)) if len(said) == 1 else None


#: A side's label set before its name: "mens hjemmeholdet, Kastrup Boldklub, ...", "ai padroni di casa del
#: Pizzoferrato", "the visitors, Leeds, ..." (folded text).
_LABEL_BEFORE = re.compile(
    r"\b(?:(?P<home>hjemmeholdet|værterne|vaerterne|the hosts|the home side|die gastgeber|die hausherren"
    r"|los locales|el local|les locaux|de thuisploeg|de gastheren)\s*,"
    r"|(?P<home_of>padroni di casa|los locales|el equipo local|la squadra di casa)\s+(?:del|della|dello|dell'|de)"
    r"|(?P<away>udeholdet|gæsterne|gaesterne|the visitors|die gäste|die gaste|gli ospiti|los visitantes"
    r"|les visiteurs|de gasten|de bezoekers)\s*,)\s*(?:the |de |der |die |il |la |el |le |les |los |l')?"
)


def _host_by_label(grounder: Grounder, home: str, away: str) -> str | None:
    """The home team, when a side's label stands right before one of the two names (`_LABEL_BEFORE`).

    Several such labels must agree; otherwise None.
    """
    text = grounder.folded_text
    mentions = {team: _mentions_of_team(grounder, team) for team in (home, away)}
    said: set[str] = set()
    for hit in _LABEL_BEFORE.finditer(text):
        named = [team for team in (home, away) if any(0 <= a - hit.end() <= 2 for a, _ in mentions[team])]
        if len(named) == 1:
            other = away if named[0] == home else home
            said.add(other if hit["away"] else named[0])
    return next(iter(said)) if len(said) == 1 else None


#: A team's result verb, then the town it was played in: "Santamarina cayó en Mendoza", "Filecchio Women
#: sconfitto a Sassari dalla quotata Torres", "verloor in Zwolle", "tabte i Haderslev" (folded; the place is
#: checked for a capital in the original). The team named before the verb travelled.
_RESULT_IN_PLACE = re.compile(
    r"\b(?:cayo|perdio|gano|vencio|empato|se impuso|triunfo|golearon|goleo"
    r"|perse|vinse|vince|pareggia|pareggiato|sconfitt[oai]|battut[oai]|espugnato"
    r"|lost|won|drew|were beaten|was beaten"
    r"|verloor|speelde gelijk|wonnen|verloren"
    r"|tabte|vandt|spillede uafgjort"
    r"|s'incline|s'impose|perd|gagne|l'emporte|a perdu|a gagne|s'est incline|s'est impose)"
    r"(?:\s+(?:\d{1,2}(?:\s?[-:]\s?|\s+a\s+)\d{1,2}|por|per|met|med|par|con|ieri|hier|ayer|yesterday|gisteren|igar))*"
    r"\s+(?:en|a|in|at|bij|i)\s+(?P<place>[^\W\d][\w'’-]*)"
)
#: Capitalised words after "in"/"a" that are no town: months, days, competitions, a part of the match (the
#: start of the word: "Superligaen", "Bundesliga", "Pokalfinalen").
_NOT_A_PLACE = _words(
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "europe", "europa",
    "champions", "premier", "serie", "liga", "league", "cup", "coppa", "copa", "coupe", "pokal", "beker", "eredivisie",
    "extra", "overtime", "stoppage", "injury", "casa", "trasferta", "home", "the", "extremis", "zona", "penalties",
    "superliga", "bundesliga", "ligue", "division", "divisie", "kampen", "finale", "final", "round", "runde",
)  # fmt: skip


def _host_by_place(grounder: Grounder, home: str, away: str) -> str | None:
    """The home team, when a sentence says the other lost, won or drew in a town that is neither club's name.

    The town is where the match was played, so the team named last before the verb in its sentence
    travelled. Several such sentences must agree; otherwise None.
    """
    text, original = grounder.folded_text, grounder.cleaned.original
    mentions = {team: _mentions_of_team(grounder, team) for team in (home, away)}
    said: set[str] = set()
    for hit in _RESULT_IN_PLACE.finditer(text):
        place = hit["place"]
        at = grounder.to_original(hit.start("place"), hit.end("place"))[0]
        if not original[at : at + 1].isupper() or _NOT_A_PLACE.match(place):
            continue
        subject = _named_last_before(text, hit.start(), mentions)
        if subject is None or same_team(place, subject):
            continue
        said.add(away if subject == home else home)
    return next(iter(said)) if len(said) == 1 else None


#: A sentence led by where its subject played (folded): "En déplacement, l'US Monastirienne a évité la défaite
#: ... contre l'AS Gabès (1-1)", "In casa, il Borgo ...", "At home, Leeds ...", "Auswärts gewann der TSV ...".
_PLAYED_WHERE_LEAD = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?:(?P<away>en deplacement|a l'exterieur|loin de (?:ses|leurs) bases"
    r"|in trasferta|fuori casa|lontano da casa|auswarts|away from home|on the road|op verplaatsing|uit"
    r"|pa udebane|como visitante|de visitante|lejos de casa)"
    r"|(?P<home>a domicile|devant (?:son|leur) public|in casa|davanti al proprio pubblico|zu hause|daheim"
    r"|vor heimischem publikum|at home|thuis|pa hjemmebane|en casa|como local|ante su (?:gente|publico)))\s*,\s*"
)
_LEAD_REACH = 80  # the subject follows the lead within a few words


def _host_by_lead(grounder: Grounder, home: str, away: str) -> str | None:
    """The home team, when a sentence led by "away from home" (or "at home") names one of the two first.

    The team named first after the lead, in its sentence, is its subject. Several such sentences must
    agree; otherwise None.
    """
    text = grounder.folded_text
    mentions = {team: _mentions_of_team(grounder, team) for team in (home, away)}
    said: set[str] = set()
    for hit in _PLAYED_WHERE_LEAD.finditer(text):
        first = {team: min((a for a, _ in spans if hit.end() <= a < hit.end() + _LEAD_REACH), default=None)
                 for team, spans in mentions.items()}  # fmt: skip
        named = [(a, team) for team, a in first.items() if a is not None]
        if not named:
            continue
        subject = min(named)[1]
        other = away if subject == home else home
        said.add(other if hit["away"] else subject)
    return next(iter(said)) if len(said) == 1 else None


def _host_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """Home is the team the article says was visited, when it says so of exactly one of the two.

    Not for a results line ("Köln - Leverkusen 0:2"): there the order is the convention, read by code.
    """
    listed = {_pair(s.home_team, s.away_team) for s in listed_results(grounder.cleaned.text)}
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        home, away = match.get("home_team") or "", match.get("away_team") or ""
        if not home or not away or _pair(home, away) in listed:
            continue
        if _hosted(grounder, away) and not _hosted(grounder, home):
            message = f"the article says {away!r} was visited: it is the home team"
        elif _host_by_epithet(grounder, home, away) == away:
            message = f"the article calls {home!r} the visitors: {away!r} is the home team"
        elif _host_by_label(grounder, home, away) == away:
            message = f"the article labels {away!r} the home side (or {home!r} the visitors): it is the home team"
        elif _host_by_verb(grounder, home, away) == away:
            message = f"the article says {away!r} received {home!r}: it is the home team"
        elif _host_by_dateline(grounder, home, away) == away:
            message = f"the report under the result opens with {away!r}'s place as its dateline: it is the home team"
        elif _host_by_lead(grounder, home, away) == away and not _hosted(grounder, home):
            message = f"a sentence led by where it played says {away!r} was at home"
        elif _host_by_place(grounder, home, away) == away and not _hosted(grounder, home):
            message = f"the article says {home!r} played its match away, in another town: {away!r} is the home team"
        elif (_fixture_first(grounder, home, away) == away and not _hosted(grounder, home)
              and _host_by_epithet(grounder, home, away) is None and _host_by_verb(grounder, home, away) is None):
            message = f"the article writes the fixture {away!r}-{home!r}, host first"  # "Serie D: Vastese-Cesena, ..."
        else:
            continue
        swapped = {
            "home_team": away, "away_team": home,
            "home_score": match.get("away_score"), "away_score": match.get("home_score"),
            "home_coach": match.get("away_coach"), "away_coach": match.get("home_coach"),
        }  # fmt: skip
        written = _fixture_score(grounder, away, home)
        if written is not None and sorted(written) == sorted((match.get("home_score"), match.get("away_score"))):
            swapped["home_score"], swapped["away_score"] = written  # "A - B 2-3": the model had paired B with 2
        findings += [
            Finding(("matches", m, key), "home_from_text", message, "set", value) for key, value in swapped.items()
        ]
    return findings


#: A result's headline, then its report opening with the place it was played: "Dampierre (D2) bat Bayard (D2)
#: 4-1" / "Bayard. Dampierre est beaucoup mieux ...".
_HEADLINE_THEN_PLACE = re.compile(
    r"^(?P<headline>[^\n]{5,120})\n(?P<place>[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ -][A-ZÀ-ÞØÆÅ][\w'’-]+){0,2})\.[ \t]",
    re.MULTILINE,
)


def _host_by_dateline(grounder: Grounder, home: str, away: str) -> str | None:
    """The team whose place opens, as a dateline, the report right under a headline with both teams and a score."""
    said = set()
    for hit in _HEADLINE_THEN_PLACE.finditer(grounder.cleaned.original):
        headline = hit["headline"]
        if not (_in_passage(home, headline) and _in_passage(away, headline) and _RUNNING.search(fold_text(headline))):
            continue
        place = fold_text(hit["place"])
        said |= {team for team in (home, away) if place in re.findall(r"[\w'’-]+", fold_text(team).replace("/", " "))}
    return said.pop() if len(said) == 1 else None


def _fixture_score(grounder: Grounder, first: str, second: str) -> tuple[int, int] | None:
    """The score the article writes right after the fixture "first - second" ("Flemløse/Haarby - Allesø GF 2-3")."""
    text = grounder.cleaned.original
    name = r"[\w'’. /-]{0,12}?"  # the rest of a club's name the model shortened ("Allesø" of "Allesø GF")
    pattern = (
        rf"(?<![\w'’]){re.escape(first)}{name}[ \t]?[-–][ \t]?{re.escape(second)}{name},?[ \t]+"
        r"(\d{1,2})[ ]?[-:–][ ]?(\d{1,2})(?![\d:])"
    )
    scores = {(int(hit.group(1)), int(hit.group(2))) for hit in re.finditer(pattern, text, re.IGNORECASE)}
    return scores.pop() if len(scores) == 1 else None


def _fixture_score_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A match in the fixture's order whose scores the model reversed: the article's "A - B 2-3" decides."""
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        home, away = match.get("home_team") or "", match.get("away_team") or ""
        scores = (match.get("home_score"), match.get("away_score"))
        written = _fixture_score(grounder, home, away) if home and away else None
        if written is None or written == scores or sorted(written) != sorted(scores):
            continue
        message = f"the article writes {home} - {away} {written[0]}-{written[1]}"
        for key, value in (("home_score", written[0]), ("away_score", written[1])):
            findings.append(Finding(("matches", m, key), "score_from_fixture", message, "set", value))
    return findings


def _fixture_first(grounder: Grounder, home: str, away: str) -> str | None:
    """The team the article writes first where it joins the two with a dash ("Vastese-Cesena"), in one order only."""
    text = grounder.cleaned.original
    found = set()
    for first, second in ((home, away), (away, home)):
        pattern = rf"(?<![\w'’]){re.escape(first)}[ \t]?[-–][ \t]?{re.escape(second)}(?![\w'’])"
        if re.search(pattern, text, re.IGNORECASE):
            found.add(first)
    return found.pop() if len(found) == 1 else None


_DERBY = _words("derby", "derbi", "clasico", "clásico", "classico")  # "Brabantse derby": a kind of match, no place


def _venue_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """Venues and competitions that are something else.

    A venue is not a team name, holds none ("OB-AGF", "derby bij FC Twente") and is no derby; one
    venue for several matches of a round-up is a guess; a competition is no team and no derby
    ("Flensburger Stadtderby").
    """
    matches = data.get("matches") or []
    teams = {team_key(m.get(side) or "") for m in matches for side in ("home_team", "away_team")}
    venues = [team_key(m.get("venue") or "") for m in matches]
    findings = []
    for m, match in enumerate(matches):
        venue = match.get("venue")
        if not isinstance(venue, str) or not venue:
            continue
        key = team_key(venue)
        parts = [team_key(part) for part in re.split(r"\s*[-–/]\s*", venue) if part.strip()]  # "OB-AGF"
        inside = any(re.search(rf"(?<!\w){re.escape(team)}(?!\w)", key) for team in teams if len(team) >= 3)
        if key in teams or any(part in teams for part in parts) or inside:
            findings.append(Finding(("matches", m, "venue"), "venue_is_a_team", f"{venue!r} names a team", "null"))
        elif _DERBY.search(fold_text(venue)):
            findings.append(Finding(("matches", m, "venue"), "venue_is_a_derby", f"{venue!r} names a derby", "null"))
        elif venues.count(key) > 1:
            message = f"{venue!r} is given for {venues.count(key)} matches"
            findings.append(Finding(("matches", m, "venue"), "venue_repeated", message, "null"))
    for m, match in enumerate(matches):
        competition = match.get("competition")
        if not isinstance(competition, str) or not competition:
            continue
        key = team_key(competition)
        if key in teams or _DERBY.search(fold_text(competition)):
            message = f"{competition!r} names a team or a derby, not a competition"
            findings.append(Finding(("matches", m, "competition"), "competition_is_no_competition", message, "null"))
    return findings


#: Words that write a score from the loser's side: "tabte 0-1 til Liverpool", "a 0-1 defeat".
_LOSS_WORDS = _word_starts(
    "lost", "lose", "loses", "losing", "defeat", "beaten", "went down", "fell",
    "tabte", "taber", "tabe", "nederlag", "verloor", "verliest", "verloren", "nederlaag", "verlies",
    "verlor", "verliert", "niederlage", "perso", "perde", "sconfitta",
    "perdio", "pierde", "cayo", "derrota", "perd", "defaite", "s'incline", "battu",
)  # fmt: skip
_LOSS_BEFORE, _LOSS_AFTER = 40, 25


def _written_order(
    context: dict[str, Any], home: str, away: str, scores: tuple[int, int]
) -> tuple[str, str, tuple[int, int]]:
    """A final written low-high puts the home team's goals first: "Real Madrid ... Inter (0-2)".

    Nobody writes a win as "0-2" from the winner's side, so the winner the model named is the away
    team; unless a loss word next to the score writes it from the loser's side ("tabte 0-1 til").
    """
    first, second = context["first"], context["second"]
    if not context["score"][0].isdigit() or first >= second or scores != (second, first):
        return home, away, scores
    passage = fold_text(context["passage"])
    for score in re.finditer(rf"(?<![\d.,:/-]){first}\s?[-:]\s?{second}(?![\d:/-]|[.,]\d)", passage):
        if _LOSS_WORDS.search(passage, max(0, score.start() - _LOSS_BEFORE), score.end() + _LOSS_AFTER):
            return home, away, scores
    return away, home, (first, second)


#: A club named for the table, not as the opponent: "den Rückstand auf Borussia Dortmund verkürzen",
#: "two points behind Liverpool", "punten achter PSV", "a due punti dietro la Juventus".
_STANDINGS = re.compile(
    r"(?i:(?:rückstand|vorsprung)(?:\s+\S+){0,3}?\s+auf|punkte? (?:hinter|vor)"
    r"|points? (?:behind|clear of|above|below)|gap to"
    r"|achterstand op|voorsprong op|punten (?:achter|voor)|points? (?:derrière|d'avance sur|de retard sur)"
    r"|puntos? (?:por detrás de|de ventaja sobre)|punti (?:di distacco da|dietro)|points? efter|forspring til)"
    rf"\s+(?:(?:dem|den|der|the|de|het|le|la|l'|el|il|la)\s+)?{_TEAM_NAME}"
)


#: Words right before the team that lost ("a 2-0 win over Leeds", "de 0-2 overwinning tegen Liverpool") ...
_BEATEN = (
    r"beat|beats|beating|defeated|defeating|overcame|thrashed|edged|edged past|saw off|(?:win|won|victory|triumph)"
    r" (?:over|against)|(?:thrashing|hammering|demolition|rout|drubbing) of"
    r"|versloeg|verslaat|klopte|klopt|(?:overwinning|zege|winst) (?:op|tegen)|(?:won|wint|winnen) van"
    r"|schlug|schlägt|besiegte|besiegt|bezwang|(?:sieg|erfolg) (?:gegen|über)|(?:gewann|gewinnt|siegte) gegen"
    r"|batte|ha battuto|sconfigge|ha sconfitto|(?:vittoria|successo) (?:contro|sul|sulla|su)|vince contro"
    r"|a battu|bat|(?:victoire|succès) (?:contre|face à|sur)|s'impose (?:contre|face à)"
    r"|(?:venció|vence|vencer|derrotó|derrota|derrotar|goleó|golear|ganó|ganarle) al?"
    r"|(?:victoria|triunfo) (?:ante|contra|sobre)|avoir battu|dopo aver battuto|after beating"
    r"|slog|besejrede|besejrer|sejr (?:over|mod)|(?:vandt|vinder) (?:over|mod)"
    # the defeat of the team named after it: "Dura derrota de la Peña en casa del Navega por 2 a 1"
    r"|derrota del?|sconfitta (?:del|della|dello|dei|di)|d[ée]faite (?:de|du|des)|nederlaag van|defeat for"
    r"|niederlage (?:des|der|von|für)"
    # "ontdeed Manchester City, zonder ..., zich gemakkelijk van Olympiakos", "deelde een mokerslag uit aan het Inter"
    r"|ontd(?:eed|oet|eden)\s+(?:\S+\s+){0,12}?zich\s+(?:\S+\s+){0,3}?van|(?:deelde|deelt|deelden)\s+(?:\S+\s+){0,4}?een\s+(?:\S+\s+){1,2}uit\s+aan"
)
#: ... and before the team that won ("lost 0-1 to Liverpool", "tabte 0-1 til Liverpool").
_BEATEN_BY = (
    r"lost to|lose to|loses to|beaten by|defeated by|(?:defeat|loss) (?:to|against)|tabte (?:til|mod)"
    r"|(?:defeat|loss) away (?:to|against|at)|(?:defeat|loss) at"  # "fell to a 2-0 loss away against Binfield"
    r"|nederlag (?:til|mod)|(?:verloor|verliest) (?:van|tegen)|nederlaag tegen|(?:verlor|verliert) gegen"
    r"|niederlage gegen|unterlag|unterliegt|(?:perse|perde) (?:contro|con)|sconfitta contro|battuto da"
    r"|perdió (?:ante|contra|con)|cayó (?:ante|contra|con)|derrota (?:ante|contra)|perd contre|perd face à"
    r"|défaite contre"
    r"|s'incline face à|s'incline devant|battu par"
    # a few words between: "verloor de topper tegen nummer twee IJsselmeervogels thuis met 3-2"
    r"|(?:verloor|verliest|verlor|verliert|lost|perse|tabte)(?:\s+(?!\d)[^\s.,;:]+){1,3}?\s+"
    r"(?:tegen|van|gegen|to|against|contro|til|mod)"
    r"|(?:è stato|è stata|sono stati|è uscito|è uscita) sconfitt[oai]"
    r" (?:sul terreno del|sul campo del|in casa del|dal|dalla)"
)
_GAP = r"\s+(?:\d{1,2}(?:\s?[-:–]\s?|\s[aà]\s)\d{1,2}\s+)?"  # "won 2-0 against", "tabte 0-1 til", "perdió 3 a 1 con"
_FIGHT = re.compile(
    rf"(?<!\w)(?:(?i:(?P<beat>{_BEATEN.replace(' ', _GAP)}))|(?i:(?P<by>{_BEATEN_BY.replace(' ', _GAP)})))"
    rf"(?:\s+\S+){{0,2}}?\s+{_ARTICLE}(?P<team>{_TEAM_NAME})"
)


def _winner_told(context: dict[str, Any], home: str, away: str, scores: tuple[int, int]) -> tuple[int, int]:
    """The scores, with the most goals for the team the score's own sentence says won.

    A small model keeps the written order of the numbers and of the names ("Atalanta ... de 0-2
    overwinning tegen Liverpool" -> Atalanta 0, Liverpool 2): a word for beating someone next to
    one of the two teams says which team lost. A draw, or no such word, leaves the answer as it is.
    """
    if scores[0] == scores[1]:
        return scores
    passage = context["passage"]
    written = re.search(rf"(?<!\d){context['first']}\s?[-:–]\s?{context['second']}(?!\d)"
                        rf"|(?<!\d){context['first']} [aà] {context['second']}(?!\d)", passage)  # "por 2 a 1"
    at = written.start() if written else len(passage)
    # an only goal in words is told after the win: "ontdeed City zich van Olympiakos. ... het enige doelpunt";
    # so is a score whose sentence names neither team: "door te winnen van en bij Helmond Sport. Het duel
    # ... eindigde in 1-2."
    sentence = passage.rfind(". ", 0, at) + 1 if context["score"][0].isdigit() else 0
    if sentence and not any(_in_passage(team, passage[sentence:]) for team in (home, away)):
        sentence = 0
    stop = passage.find(". ", at)
    for hit in _FIGHT.finditer(passage, sentence, stop if stop >= 0 else len(passage)):
        named = [same_team(hit["team"], team) or _in_passage(team, hit["team"]) for team in (home, away)]
        if named.count(True) != 1:
            continue
        loser_is_home = named[0] == bool(hit["beat"])
        high, low = max(scores), min(scores)
        return (low, high) if loser_is_home else (high, low)
    return scores


#: A score "in favour of" the visitors or the hosts, right after it: "det endte 2-1 til gæsterne".
_FAVOURED = re.compile(
    r"[ \t]*(?:til|for|für|fur|voor|para|pour|per|in favore|a favore)\s+(?:de|the|die|den|dem|los|las|les|gli|i|le|la)?"
    r"\s*(?:(?P<away>gæsterne|gaesterne|gæster|udeholdet|visitors|visiting side|away side|guests|gäste|gaste|gasten"
    r"|bezoekers|visitantes|visiteurs|ospiti)|(?P<home>hjemmeholdet|værterne|vaerterne|hosts|home side|gastgeber"
    r"|hausherren|thuisploeg|locales|locaux|padroni di casa))\b"
)


def _favoured_order(
    context: dict[str, Any], home: str, away: str, scores: tuple[int, int]
) -> tuple[str, str, tuple[int, int]]:
    """The pair turned round where the score went to the visitors and the answer has the home side winning."""
    side = _favoured_side(context)
    if side and scores[0] != scores[1] and (scores[0] > scores[1]) == (side == "away"):
        return away, home, (scores[1], scores[0])  # "det endte 2-1 til gæsterne"
    return home, away, scores


def _favoured_side(context: dict[str, Any]) -> str | None:
    """"away" or "home" where the words right after the written score say whom it went to."""
    passage = context["passage"]
    written = re.search(rf"(?<!\d){context['first']}\s?[-:–]\s?{context['second']}(?!\d)", passage)
    if written is None:
        return None
    hit = _FAVOURED.match(fold_text(passage[written.end() : written.end() + 40]))
    if hit is None:
        return None
    return "away" if hit["away"] else "home"


#: "between A and B" in the task's languages: the sentence names the match's two teams itself.
_BETWEEN = re.compile(
    rf"\b(?:between|mellem|tussen|zwischen|tra|fra|entre)\s+{_ARTICLE}(?P<a>{_TEAM_NAME})"
    rf"\s+(?:and|og|en|und|e|et|y)\s+{_ARTICLE}(?P<b>{_TEAM_NAME})"
)


def _pairs_before_score(
    context: dict[str, Any], pattern: re.Pattern[str]
) -> tuple[list[re.Match[str]], int, re.Match[str] | None]:
    """The pattern's pairs ("a", "b") in the score's own sentence before the score, no league among them.

    Also where that sentence starts and the written score; ([], 0, None) where the passage does not write it.
    """
    passage = context["passage"]
    score = re.search(rf"{context['first']}\s?[-:–]\s?{context['second']}", passage)
    if score is None:
        return [], 0, None
    sentence = max(passage.rfind(". ", 0, score.start()) + 1, 0)
    hits = [hit for hit in pattern.finditer(passage, sentence, score.start())
            if not any(_LEAGUE_WORD.search(fold_text(hit[side])) for side in ("a", "b"))]  # fmt: skip
    return hits, sentence, score


def _between(context: dict[str, Any]) -> tuple[str, str] | None:
    """The two teams a score's own sentence names as "between A and B", first named first; else None."""
    hits, sentence, score = _pairs_before_score(context, _BETWEEN)
    if score is None:
        return None
    if not hits and context["first"] == context["second"]:  # "FC Goa and SC East Bengal played out a 1-1 draw"
        hits = list(_PAIR_DREW.finditer(context["passage"], sentence, score.start()))
    return (hits[-1]["a"].rstrip(".,;:"), hits[-1]["b"].rstrip(".,;:")) if hits else None


#: A fixture written with a dash in the score's own sentence: "Pareggio anche per Rieti-Sammaurese ma con il
#: punteggio di 1-1".
_DASHED_FIXTURE = re.compile(
    rf"(?<![\w-]){_ARTICLE}(?P<a>[A-ZÀ-ÞØÆÅ][\w'’]+(?:[ ][A-ZÀ-ÞØÆÅ][\w'’]+){{0,2}})[ ]?[-–][ ]?"
    rf"(?P<b>[A-ZÀ-ÞØÆÅ][\w'’]+(?:[ ][A-ZÀ-ÞØÆÅ][\w'’]+){{0,2}})(?![\w-])"
)


_SPACED_DASH_AFTER = re.compile(r"[ \t]+[-–][ \t]+[A-ZÀ-ÞØÆÅ]")
_SPACED_DASH_BEFORE = re.compile(r"[\w.'’][ \t]+[-–][ \t]+$")


def fixture_told(context: dict[str, Any], answer: tuple[str, str], article: str = "") -> tuple[str, str] | None:
    """The one fixture "A-B" the score's sentence writes before the score, else None.

    Only where the answer gives the fixture as one team ("Rieti-Sammaurese" against "Levico Terme"), or
    where the sentence names neither club of the answer (the model took the clubs of the sentence before)
    and the `article` names both parts apart from the fixture too (not a compound: "Fußball-Rekordmeister").
    """
    hits, sentence, score = _pairs_before_score(context, _DASHED_FIXTURE)
    if score is None or len(hits) != 1 or same_team(hits[0]["a"], hits[0]["b"]):
        return None
    passage = context["passage"]
    if _SPACED_DASH_AFTER.match(passage, hits[0].end()) or _SPACED_DASH_BEFORE.search(passage, 0, hits[0].start()):
        return None  # "SG Buchbrunn-Mainstockheim – Dettelbach und Ortsteile 3:7": the hyphen is the club's own
    fixture = fold_text(hits[0].group().strip())
    whole = any(fixture in fold_text(team) for team in answer if team)  # "Rieti-Sammaurese" answered as one team
    if not whole and any(_in_passage(team, context["passage"][sentence : score.end() + 40]) for team in answer if team):
        return None
    if not whole and not all(_named_apart(hits[0][side], article or context["passage"], hits[0].group())
                             for side in ("a", "b")):  # fmt: skip
        return None  # "Der deutsche Fußball-Rekordmeister setzte sich mit 3:2 durch": a compound, no fixture
    return hits[0]["a"], hits[0]["b"]


def _named_apart(part: str, text: str, fixture: str) -> bool:
    """Whether the text names `part` somewhere outside the fixture it stands in."""
    return len(re.findall(rf"(?<!\w){re.escape(part)}(?!\w)", text)) > text.count(fixture)


#: Two clubs, then the verb of their draw: "FC Goa and SC East Bengal played out a 1-1 draw", "Ajax en PSV
#: speelden met 2-2 gelijk", "Köln und Mainz trennten sich 1:1": the first named is home where no host is told.
_PAIR_DREW = re.compile(
    rf"(?<![\w-]){_ARTICLE}(?P<a>{_TEAM_NAME})\s+(?:and|og|en|und|e|et|y)\s+{_ARTICLE}(?P<b>{_TEAM_NAME})\s+"
    r"(?i:played out|drew|shared|speelden|trennten sich|spielten|se sont quitt[ée]s|ont partag[ée]|pareggiano"
    r"|hanno pareggiato|empataron|empatan|igualaron|spillede|delte)\b"
)


#: "the clash between the Northern and Southern Division": two divisions, no clubs.
_LEAGUE_WORD = re.compile(r"\b(?:division|divisie|league|liga|ligue|conference|serie|cup|pokal|coupe|copa|coppa)$")


_WIN_VERB = (
    r"won|wins|win|vandt|vinder|gewann|gewinnt|siegte|siegt|wint|won|gagne|a gagné|l'emporte|s'impose|ganó|gana"
    r"|se impuso|vince|ha vinto|vinse|s'è imposto|si è imposto"
)
_AWAY_WORD = r"ude|away|auswärts|uit|à l'extérieur|fuera de casa|in trasferta"
_HOME_WORD = r"hjemme|at home|zu hause|zuhause|thuis|à domicile|en casa|in casa"
_AGAINST = r"over|mod|against|gegen|contre|face à|contra|ante|tegen|van|contro|sur"
_AT = (
    r"at|bei|beim|in|à|chez|bij|en casa de|en casa del|in casa del|in casa di|in casa della"
    r"|sul campo del|sul campo della|sul campo dello|sul campo di|sul terreno del|sul terreno della"
)


#: "played away at X" in plain words, on the original text (the name keeps its capitals).
_AWAY_AT = re.compile(
    r"(?<!\w)(?i:uit bij|op bezoek bij|away at|away to|zu gast bei(?:m)?|auswärts bei(?:m)?|ude mod|ude hos"
    r"|på besøg hos|in casa del(?:lo|la)?|sul campo del(?:lo|la)?|en casa del?|en el campo del?|chez)"
    rf"\s+{_ARTICLE}(?P<team>{_TEAM_NAME})"
)


def host_in_sentence(context: dict[str, Any], answer: tuple[str, str]) -> tuple[str, str] | None:
    """The host the score's own sentence names and the answer's team it names, where the answer's other is not in it.

    "Het duel tussen VVOG en Ajax ... 0-0. De Dijk speelde uit bij DOVO met 1-1 gelijk": the model took
    VVOG from the sentence before; DOVO hosted De Dijk. Else None.
    """
    passage = context["passage"]
    written = score_pattern(context["first"], context["second"]).search(passage)
    if written is None or not all(answer):
        return None
    sentence = passage[passage.rfind(". ", 0, written.start()) + 1 : written.end() + 40]
    hosts = [hit["team"] for hit in _AWAY_AT.finditer(sentence)]
    inside = [team for team in answer if _in_passage(team, sentence)]
    if len(hosts) != 1 or len(inside) != 1 or any(same_team(hosts[0], team) for team in answer):
        return None
    return hosts[0], inside[0]


def _host_then_score(
    context: dict[str, Any], home: str, away: str, scores: tuple[int, int]
) -> tuple[str, str, tuple[int, int]]:
    """The host and the score in brackets written right after it, host first: "derby bij FC Twente (5-0)".

    The score then reads from the host's side; else the answer as it is.
    """
    passage = fold_text(context["passage"])
    for team, other in ((home, away), (away, home)):
        written = re.search(rf"{_AT_HOST}{re.escape(fold_text(team))}\s*\((\d{{1,2}})\s?[-:–]\s?(\d{{1,2}})\)", passage)
        if written and sorted(map(int, written.groups())) == sorted(scores):
            return team, other, (int(written.group(1)), int(written.group(2)))
    return home, away, scores


def _won_over(
    context: dict[str, Any], answer: tuple[str, str] | None = None
) -> tuple[str, str, tuple[int, int]] | None:
    """(home, away, scores) when the score's own sentence says who beat whom, else None.

    "vandt FC Thy-Thisted med 2-0 ude over Fortuna Hjørring", "Brøndby won 2-1 away at Kolding",
    "FC Nordsjælland vandt 4-0 hjemme over AGF": the winner is named with the verb, the loser after
    the score; "ude" / "at" make the loser the host, "hjemme" the winner, else the winner, named
    first, is home (as where no one is said to have hosted). Of a loss ("Metz s'incline à Rennes
    (1-0)", "Ajax, which lost 1-0 at Liverpool") the same; where a relative clause tells no host
    ("Ajax, der tabte 0-1 til Liverpool"), the order of the model's `answer` when it names the two.
    The model tends to take the first club of the passage instead, which in a round-up's prose is
    often the previous sentence's.
    """
    first, second = context["first"], context["second"]
    score = rf"(?<!\d){first}\s?[-:–]\s?{second}(?!\d)|(?<!\d){second}\s?[-:–]\s?{first}(?!\d)"
    if first == second:
        return _drawn_at_home(context["passage"], score, first)
    tail = (
        rf"(?:(?:med|mit|met|by|con|par|avec)\s+)?(?:{score})\s+(?:(?P<where>{_AWAY_WORD}|{_HOME_WORD})\s+)?"
        rf"(?:(?P<against>{_AGAINST})|(?P<at>{_AT}))\s+{_ARTICLE}(?P<loser>{_TEAM_NAME})"
    )
    told = re.compile(
        rf"(?:(?P<winner>{_TEAM_NAME})\s+(?:[a-zæøåäöüéèàí]+\s+){{0,2}}?(?i:{_WIN_VERB})"
        rf"|(?<!\w)(?i:{_WIN_VERB})\s+(?:[a-zæøåäöüéèàí]+\s+){{0,2}}?{_ARTICLE}(?P<winner2>{_TEAM_NAME}))\s+{tail}"
    )
    passage = context["passage"]
    high, low = max(first, second), min(first, second)
    for hit in told.finditer(passage):
        winner, loser = (name.rstrip(".,;:") for name in (hit["winner"] or hit["winner2"], hit["loser"]))
        if same_team(winner, loser):
            continue
        where = (hit["where"] or "").casefold()
        loser_hosts = bool(hit["at"]) or bool(where and re.fullmatch(_AWAY_WORD, where))
        return (loser, winner, (low, high)) if loser_hosts else (winner, loser, (high, low))
    lost = re.compile(
        rf"(?P<loser>{_TEAM_NAME})(?:,\s+(?i:{_WHO}))?,?\s+(?:[a-zæøåäöüéèàí]+,?\s+){{0,6}}?(?i:{_LOSS_VERB})\s+"
        rf"(?:(?P<before>{score})\s+(?:(?:på\s+)?(?P<where>{_AWAY_WORD}|udebane|{_HOME_WORD}|hjemmebane)\s+)?)?"
        rf"(?:(?P<at>{_AT})|(?:{_AGAINST}|to|til|tegen|face à|devant))\s+{_ARTICLE}(?P<winner>{_TEAM_NAME})"
        rf"(?(before)|\s*\(?(?:{score}))"
    )  # "Metz s'incline à Rennes (1-0)", "Ajax, which lost 1-0 at Liverpool", "Ajax, der ... tabte 0-1 til Liverpool",
    # "Sønderjyske ramte træværket to gange, men tabte 1-2 på udebane til FC Midtjylland"
    for hit in lost.finditer(passage):
        winner, loser = (name.rstrip(".,;:") for name in (hit["winner"], hit["loser"]))
        if same_team(winner, loser):
            continue
        where = (hit["where"] or "").casefold()
        if hit["at"] or where in ("ude", "udebane") or re.fullmatch(_AWAY_WORD, where):
            return winner, loser, (high, low)
        if where:  # "tabte 1-2 hjemme mod X": the loser hosted
            return loser, winner, (low, high)
        if hit["before"] and answer and _same_pair(answer, (winner, loser)) and same_team(answer[0], winner):
            return winner, loser, (high, low)  # "Ajax, der ... tabte 0-1 til Liverpool": no host told, the model's
        return loser, winner, (low, high)
    lower = r"(?:(?:[a-zà-ÿ][\w'’-]*,?|\(\d{1,2}\s?[-–]\s?\d{1,2}\))\s+)"  # small words, a first leg "(0-6)"
    dealt = re.compile(
        rf"(?P<winner>{_TEAM_NAME})\s+(?:(?:dat|die)\s+{lower}{{0,6}}?(?P<loser>{_TEAM_NAME})\s+{lower}{{0,10}}?"
        rf"een\s+{lower}?(?i:{_DEFEAT_NOUN})\s+(?:(?:had|heeft|hebben)\s+)?(?i:{_DEALT})"
        rf"|(?i:{_DEALT})\s+(?P<loser2>{_TEAM_NAME})\s+een\s+{lower}{{0,2}}(?i:{_DEFEAT_NOUN}))\s*\(?(?:{score})"
    )  # "Mönchengladbach dat eerder op de avond Sjachtar Donetsk ... een pandoering had verkocht (4-0)"
    written = re.search(score, passage)
    own = passage.rfind(". ", 0, written.start()) if written else len(passage)  # the score's own sentence
    for hit in dealt.finditer(passage, own + 2 if own >= 0 else 0):
        winner, loser = (name.rstrip(".,;:") for name in (hit["winner"], hit["loser"] or hit["loser2"]))
        if not same_team(winner, loser):
            return winner, loser, (high, low)
    return None


#: Dutch: the winner "deals" the loser a defeat ("X bezorgde Y een nederlaag", "Y een pandoering verkopen").
_DEFEAT_NOUN = r"nederlaag|pandoering|afstraffing|oorwassing|pak slaag|loer|draai om de oren"
_DEALT = r"verkocht|verkochten|bezorgd|bezorgde|bezorgden|toegediend|toediende|aangesmeerd|gegeven|gaf"


def _drawn_at_home(passage: str, score: str, goals: int) -> tuple[str, str, tuple[int, int]] | None:
    """(host, visitor, score) of a draw its sentence says was at home, else None.

    "Marseille ... a perdu des points lors d'un match nul 1-1 à domicile avec Rennes": the host is
    the club named last before the score in its sentence.
    """
    drawn = re.compile(
        rf"(?:{score})\s+(?i:{_HOME_WORD})\s+(?i:{_AGAINST}|to|with|avec|mit|met|con|contre|face à|gegen|tegen)\s+"
        rf"{_ARTICLE}(?P<visitor>{_TEAM_NAME})"
    )
    for hit in drawn.finditer(passage):
        sentence = passage[passage.rfind(". ", 0, hit.start()) + 1 : hit.start()]
        before = [name.rstrip(".,;:") for name in re.findall(_TEAM_NAME, sentence)]
        host, visitor = (before[-1] if before else ""), hit["visitor"].rstrip(".,;:")
        if host and not same_team(host, visitor):
            return host, visitor, (goals, goals)
    return None


#: A relative pronoun after a club and its comma: "Ajax, which lost 1-0 at Liverpool".
_WHO = r"which|who|that|der|som|die|welche|welcher|qui|che|que|quien"
_LOSS_VERB = (
    r"lost|loses|lose|went down|tabte|taber|verlor|verliert|verloor|verliest|a perdu|perdu|perd|s'incline|s'est incliné"
    r"|perdió|pierde|cayó|cae|perde|ha perso|sconfitta|sconfitto|sconfitti|battuta|battuto|derrotado|derrotada"
)


def _same_pair(one: tuple[str, str], two: tuple[str, str]) -> bool:
    """Whether two pairs of names are the same two clubs, in either order."""
    return (same_team(one[0], two[0]) and same_team(one[1], two[1])) or (
        same_team(one[0], two[1]) and same_team(one[1], two[0])
    )
