"""Scorer and card lines, read by code (`parse_line`, `_card_lines`).

"Tore: 1:0 Andersson (43./Elfmeter), 2:0 Gogia (79.)", "Goles: 40' Lamine Yamal, de penal (B);
67' Fran Pérez (RV)", "Buts : Sliti (58e) et Tavares (62e) pour Dijon // Diakité (33e) pour le
Téfécé", "Ammoniti: Kulusevski (J), Darmian (I)". A small model loses half of such a list; its
format says who scored, when and for whom.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from extractor.grounding import fold_text
from extractor.names import same_club as same_team

from .minutes import parse_minute
from .models import MatchStub
from .words import _surname

#: Goals headed by their team, the other team's on the next line: "Buts pour Brest : Grougi (23e et 49e
#: sur penalty)" then "Pour l'AC Ajaccio : Cavalli (64e)."
_TEAM_GOALS = re.compile(
    r"^[ \t]*(?i:buts?|goals?|tore|goles|reti|gol|mål|doelpunten)[ \t]+(?i:pour|for|für|para|per|voor)[ \t]+"
    r"(?:(?:le|la|les|the|el|il|de|het)[ \t]+|l['’])?(?P<team>[A-ZÀ-ÞØÆÅ][^:\n]{0,40}?)[ \t]?:[ \t]*(?P<body>[^\n]+)"
    r"(?:\n[ \t]*(?i:pour|for|für|para|per|voor)[ \t]+(?:(?:le|la|les|the|el|il|de|het)[ \t]+|l['’])?"
    r"(?P<team2>[A-ZÀ-ÞØÆÅ][^:\n]{0,40}?)[ \t]?:[ \t]*(?P<body2>[^\n]+))?",
    re.MULTILINE,
)


def _team_goals_lines(text: str) -> list[tuple[int, str]]:
    """(position, body) of goals lines headed by their team, in the reader's form ("x (23e) pour A // y pour B")."""
    found = []
    for hit in _TEAM_GOALS.finditer(text):
        body = f"{hit['body'].rstrip(' .;')} pour {hit['team']}"
        if hit["team2"]:
            body += f" // {hit['body2'].rstrip(' .;')} pour {hit['team2']}"
        found.append((hit.start(), body))
    return found


def _is_red_head(kind: str) -> bool:
    return re.fullmatch(f"(?:{_RED_HEAD})", kind.casefold()) is not None


_HEAD_START = r"(?:^[ \t]*[-*•]?[ \t]*|(?<=[.;|)])[ \t]+)"  # ")": "Fredensborg BI – Allerød FK 0 – 1 (0-1) Målscore:"
_GOALS_HEAD = re.compile(
    _HEAD_START + r"(?:[A-ZÀ-ÞØÆÅ]{3,}[ \t]+)?"  # a section label before it: "1. DIVISION Mål: 1-0 Hallur Hansson"
    r"(?i:(?:die|das|the|les|los|i|de|le|el|het)[ \t]+)?"  # "Die Tore: 10. Thiaw (Eigentor) 0:1"
    r"(?i:tore|tor|torschützen|torschütze|torschützin|torfolge|goals?|goalscorers?|scorers?|goles|gol|goleadores|buts?|reti"
    r"|marcatori|marcatore|doelpunten|doelpuntenmakers|scoreverloop|mål|målscorere|målscorer|målscore|målene)"
    r"(?:[ \t]?:[ \t]*|[ \t]+(?=\d{1,2}-\d{1,2},[ \t]*min))"  # "Goles 0-1, min.27: Iván; 0-2, min.40: ..."
    # a fact line's French head with no colon: "But d’Alexandre Burban (4e) et ... pour Questembert, ..."
    r"|" + _HEAD_START + r"(?i:buts?)[ \t]+(?:d['’]|de[ \t]+)(?=[A-ZÀ-ÞØÆÅ])"
    # a sequence head alone on its line, no colon: "Torfolge" then "0:1 (13')SV Hoffeld II", "1:1 (87')Aggelos Skortas"
    r"|^[ \t]*(?i:torfolge|torschützen|scoreverloop|goalscorers|målscorere|doelpuntenmakers|marcatori)[ \t]*(?=\n)",
    re.MULTILINE,
)
_YELLOW_HEAD = (
    r"ammonit[io]|ammonizioni|gelb|gelbe karten?|verwarnungen|yellow cards?|bookings?|booked|cautioned|amonestados?"
    r"|amonestaciones|tarjetas amarillas|avertissements?|cartons jaunes|gule kort|advarsler|gele kaarten?|geel"
)
_RED_HEAD = (
    r"espuls[io]|gelb-rote karten?|gelb/rote karten?|gelb-rot|gelb/rot|doble amarilla"
    r"|rot|rote karten?|platzverweise?|red cards?|sent off|expulsados?|expulsión|exp"
    r"|tarjetas? rojas?|expulsions?|exclusions?|cartons? rouges?|røde? kort|rødt kort|udvist|udvisninger"
    r"|rode kaarten?|rood"
)
_CARDS_HEAD = re.compile(
    _HEAD_START + rf"(?P<kind>(?i:{_RED_HEAD}|{_YELLOW_HEAD}))[ \t]?:[ \t]*", re.MULTILINE
)
#: An Italian sheet's notes name the booked and the sent off without a colon: "NOTE: Ammoniti Santi, Pozzi.
#: Espulso Di Stasio." (a name follows at once).
#: A French fact line's the same: "Avertissements à Pierre Guénégo, Vivien Brohan à Questembert, ...".
_BARE_KINDS = r"Ammonit[io]|Espuls[io]|Avertissements?[ \t]+à|Expulsions?[ \t]+de"
_BARE_CARDS_HEAD = re.compile(rf"(?:^|(?<=[.:;]))[ \t]*(?P<kind>{_BARE_KINDS})[ \t]+(?=[A-ZÀ-Þ])", re.MULTILINE)
#: "... . Ast: 14.438", "Exp:"; not a name before a running score ("67. Baumgartlinger 0:2")
#: (a dot inside a label's word only before more of it: "Marquitos. Árbitro:" ends at "Árbitro", not at "Marquitos")
_NEXT_HEAD = re.compile(r"(?:[.;]\s+|\s+)(?=[A-ZÀ-Þ](?:\w|\.(?!\s))*(?:[ -][^\W\d]\w*)?\s?:(?!\d))")
_SECOND_YELLOW_TEXT = re.compile(
    r"(?i)doppia ammonizione|second yellow|2nd yellow|second bookable|two yellow|two bookings|gelb-rot|gelb/rot"
    r"|zweite gelbe|twee keer geel|doble amarilla|segunda amarilla|seconda ammonizione"
    r"|deuxième avertissement|double avertissement|second avertissement|andet gule|tweede gele|twee gele"
)
_PEN_FLAG = (
    r"pen\.?|penalty|foulpenalty|rig\.?|rigore|sp|s\.p\.|penal|de penalti|de penal|penalti|elfmeter|foulelfmeter|fe"
    r"|straffe"
)
_OG_FLAG = (
    r"o\.g\.|own goal|csc|c\.s\.c\.|aut\.?|autogol|autorete|en contra|e\.c\.|p\.p\.|eigentor|selvmål"
    r"|en (?:su )?propia (?:puerta|meta|portería|porteria)|in propria porta|contre son camp|in eigen doel"
)
_NAME_WORD = r"[A-ZÀ-ÞØÆÅ][\w'’´\-]*\.?"  # "´": a broken accent of wire copy ("Mitrovi´c")
_PARTICLE = r"(?:de|da|do|dos|di|del|della|van|von|der|den|ter|ten|el|al|bin|ibn)[ ]"
_LINE_TOKEN = re.compile(
    r"(?P<paren>\((?P<inner>[^()]{0,40})\))"
    r"|(?P<score>(?<![\d+])\d{1,2}[ ]?[:\-–][ ]?\d{1,2}(?![\d'’′+]|\.\d))"  # "0:1. 91. Wamangituka 0:2."
    r"|(?P<minute>(?<![\w+])\d{1,3}(?:[ ]?(?:['’′]|\.|e\b|eme\b))?(?:[ ]?\+[ ]?\d{1,2}[ ]?['’′]?)?"
    r"(?:[ ]?(?:pt|st|p\.t\.?|s\.t\.?)(?!\w))?)"
    r"|(?P<side>//|\||(?<=[ ])[–—-](?=[ ]))|(?P<group>;)"  # "Baby (5′) – Gragnic (20′)": the two sides
    rf"|(?P<pen>(?i:(?<!\w)(?:{_PEN_FLAG})(?!\w)))"
    rf"|(?P<og>(?i:(?<!\w)(?:{_OG_FLAG})(?!\w)))"
    r"|(?:pour|for|für|voor|per|à)[ ]+(?:(?:le|la|les|the|de|het)[ ]+|l['’])?"
    rf"(?P<ref>{_NAME_WORD}(?:[ ]{_NAME_WORD}){{0,2}})"
    rf"|(?P<name>{_NAME_WORD}(?:(?:[ ]|(?<=\.))(?:{_PARTICLE})*{_NAME_WORD}){{0,3}})"
    r"|(?P<connect>(?i:(?<!\w)(?:et|e|and|y|og|en|und|su|al|à|a|at|min\.?|minute|minuto|minuut"
    # a filler between entries: "0-1, Javi Tres de penalti (27´) y 0-2, Javi Tres también de penalti (75´)"
    r"|también|tambien|anche|auch|aussi|also|ook|også|again|ancora|erneut|wieder|nuevamente)(?!\w)))"
    r"|(?P<word>[^\W\d_][\w'’]*)"
)
_TAG = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þa-z]{0,3}$")
_SLASH_TAG = re.compile(
    r"^(?P<head>\d[^/]*)/\s*(?P<both>(?:beide|both|entrambi|tous deux|ambos)\s+)?(?P<tag>[A-ZÀ-ÞØÆÅ][\w.'’ -]{0,15})$"
)  # "(62./TSV)", "(59./beide Schw.-G.)": the minute, then the team (of both cards of the line)
_FLAG_ONLY = re.compile(rf"(?i:{_PEN_FLAG}|{_OG_FLAG})")
_GLUED_FLAG = re.compile(r"(\d)(pen|og)\b", re.IGNORECASE)  # wire copy's "60pen", "55og"
_GLUED = {"pen": "pen", "og": "o.g."}


@dataclass
class _Entry:
    """One goal or card of a line as parsed, with the line's clues to its team."""

    player: str
    minute: int | None = None
    penalty: bool = False
    own_goal: bool = False
    score: tuple[int, int] | None = None
    ref: str | None = None
    side: int = 0
    group: int = 0  # a cards line's ";"-part: "Belghazouani (64e) à Brest; Cavalli (14e), ..."


#: A side's label inside a line: "Buts : USJA Carquefou : Delanoë (27') / Red Star FC : Sabin (37')".
_SIDE_LABEL = re.compile(r"^\s*(?P<team>[A-ZÀ-ÞØÆÅ][\w.'’&-]*(?:[ ][A-ZÀ-ÞØÆÅ0-9][\w.'’&-]*){0,3})[ \t]?:[ \t]+")
_SIDES = re.compile(r"\s(?://|/|\|)\s")


def _labelled_sides(line: str) -> str:
    """Sides labelled by their team ("A : x (27') / B : y (37')") as the reader's form ("x (27') pour A // ...")."""
    parts = _SIDES.split(line)
    labels = [_SIDE_LABEL.match(part) for part in parts]
    if len(parts) < 2 or not all(labels):
        return line
    sides = zip(parts, labels, strict=True)
    return " // ".join(f"{part[label.end():].rstrip(' .;')} pour {label['team']}" for part, label in sides if label)


def _line_body(text: str, start: int) -> str:
    """A line's list from `start` to the line's end or the next "Label:" ("... . Ast: 14.438")."""
    return _line_body_end(text, start)[0]


def _line_body_end(text: str, start: int) -> tuple[str, int]:
    """`_line_body` and where it ends in `text`.

    A head alone on its line takes the entry lines under it ("Scoreverloop:" then "41. Branco
    van den Boomen (pen.) 1-0", "45. Darren Maatsen 1-1", ..., blank lines between them).
    """
    end = text.find("\n", start)
    end = end if end >= 0 else len(text)
    if not text[start:end].strip():
        entries, position = [], end
        while (line := _ENTRY_LINE.match(text, position)) is not None:
            entries.append(_CELL_BAR.sub(" ", line["entry"]).strip())  # "1:0 (02') | Nico Döring |": table cells
            position = line.end()
        if entries:
            return ", ".join(entries), position
    body = _labelled_sides(text[start:end])
    stops = [hit.start() for hit in (_NEXT_HEAD.search(body), _NEXT_BARE_HEAD.search(body)) if hit]
    return (body[: min(stops)], start + min(stops)) if stops else (body, end)


#: A cards head with no colon after the sentence before: "... pour Malansac. Avertissements à Pierre Guénégo".
_NEXT_BARE_HEAD = re.compile(rf"[.;]\s+(?=(?:{_BARE_KINDS})[ \t]+[A-ZÀ-Þ])")


#: One entry of a list written a line each: a minute or a running score, then a short rest.
_ENTRY_LINE = re.compile(
    r"(?:\n[ \t]*)+(?P<entry>(?:\d{1,3}(?:[ ]?\+[ ]?\d{1,2})?[ ]?['’′.]?|\d{1,2}[ ]?[-:–][ ]?\d{1,2})"
    r"(?:[ \t]+|[ \t]*\(\d{1,3}(?:[ ]?\+[ ]?\d{1,2})?[.'’′]?\)[ \t]*)(?:\|[ \t]*)?"  # "0:1 (13')SV Hoffeld II"
    r"[^\W\d][^\n]{1,70})(?=\n|$)"
)
_CELL_BAR = re.compile(r"\s*\|\s*")


def _minute_of(written: str) -> int | None:
    return parse_minute(written)


_SENTENCE_DOT = re.compile(r"(?<=\w\w\w)\.$")
_REASON = 40
#: Where a list goes on after a reason: a separator, then a minute or a name.
_RESUME = re.compile(
    r"(?:;|,|\s(?:e|et|and|y|og|en|und)(?=\s))(?=\s*(?:(?:al|à|a|at|min\.?)\s+)?(?:\d{1,3}\s*['’′.]|[A-ZÀ-ÞØÆÅ]))"
)


def _tokens(body: str) -> list[tuple[str, str]]:
    """(kind, text) of a line, with a parenthesis opened up unless it is a team tag ("(J)")."""
    out: list[tuple[str, str]] = []
    position = 0
    while (hit := _LINE_TOKEN.search(body, position)) is not None:
        position = hit.end()
        kind = hit.lastgroup or ""
        if kind == "inner":
            kind = "paren"
        if kind == "paren":
            inner = hit.group("inner").strip()
            slash = _SLASH_TAG.match(inner)  # "Bandholt (62./TSV)": the minute, then the team
            if _TAG.match(inner):
                out.append(("ref", inner))
            elif slash and not _FLAG_ONLY.fullmatch(slash["tag"]):
                out.extend((k, t) for k, t in _tokens(slash["head"]) if k in ("minute", "pen", "og"))
                out.append(("ref", ("beide " if slash["both"] else "") + slash["tag"].strip()))
            else:
                out.extend((k, t) for k, t in _tokens(inner) if k in ("minute", "pen", "og", "ref"))
            continue
        if kind == "word":
            resume = _RESUME.search(body, hit.start(), hit.start() + _REASON)
            if resume is not None and any(k == "name" for k, _ in out):
                # a short reason before the next entry: "Maestri (Spa) per gioco violento; al 33' s.t. Tonozzi"
                if resume.group() == ";":
                    out.append(("group", ";"))
                position = resume.end()
                continue
            out.append(("word", hit.group()))
            break  # prose after the list ("... Carlos Eduardo (18e) Dans un duel ...")
        if kind != "connect":
            out.append((kind, hit.group(kind) if kind == "ref" else hit.group().strip()))
    return out


def parse_line(body: str) -> list[_Entry]:
    """The goals (or cards) of one line, with minutes, penalty/own-goal flags and team clues.

    Minutes may come before the name ("40' Yamal") or after it ("Sliti (58e)", "Alvarez 17'");
    a flag belongs to the minute before it, else to the next one ("Haaland pen 90+5'"); a team
    tag or "pour X" names the team of every entry since the previous clue.
    """
    tokens = _tokens(_GLUED_FLAG.sub(lambda hit: f"{hit[1]} {_GLUED[hit[2].casefold()]}", body))
    if tokens and tokens[-1][0] == "word":
        tokens.pop()
        if tokens and tokens[-1][0] == "name":
            tokens.pop()  # "Dans" of "Dans un duel ...": prose, not a scorer without a minute
    kinds = [kind for kind, _ in tokens]
    if "name" not in kinds:
        return []
    first = kinds.index("name")
    scores_first = "score" in kinds[:first] or "score" not in kinds
    minutes_first = "minute" in kinds[:first]
    if not minutes_first:
        tokens = _minute_first_entries(tokens)
    reader = _LineReader(minutes_first=minutes_first, scores_first=scores_first)
    for kind, text in tokens:
        reader.read(kind, text)
    reader.close()
    for entry in reader.entries:
        entry.player = _SENTENCE_DOT.sub("", entry.player)  # "Diego." at the end of the line; "G." stays
    return reader.entries


def _minute_first_entries(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A name-first line's later entries written minute first, turned round.

    "Catalano 32’ pt (E), Zaganelli 37’ pt (E), 50’ st Casalino (P)": after an entry closed by its
    minute and team tag, a minute followed by a name is that name's.
    """
    out = list(tokens)
    for i in range(2, len(out) - 1):
        if out[i][0] == "minute" and out[i - 1][0] == "ref" and out[i - 2][0] == "minute" and out[i + 1][0] == "name":
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


class _LineReader:
    """State of `parse_line`: the entry being read (its name, minutes and flags) and the clues."""

    def __init__(self, minutes_first: bool, scores_first: bool = True) -> None:
        self.minutes_first = minutes_first
        self.scores_first = scores_first  # "1:0 Andersson (43.)"; else "31. Wamangituka 0:1. 91. ..."
        self.entries: list[_Entry] = []
        self.untagged = 0  # entries since the last team clue
        self.side = 0
        self.score: tuple[int, int] | None = None
        self.slots: list[tuple[int | None, set[str]]] = []  # the open entry's minutes and their flags
        self.waiting: set[str] = set()  # flags written before their minute
        self.name: str | None = None
        self.ref: str | None = None  # a team clue written inside the open entry

    def read(self, kind: str, text: str) -> None:
        if kind == "name":
            if not self.minutes_first or self.name is not None:
                self.close()
            self.name = text
        elif kind == "minute":
            if self.minutes_first and self.name is not None:
                self.close()
            self.slots.append((_minute_of(text), set(self.waiting)))
            self.waiting = set()
        elif kind in ("pen", "og"):
            (self.slots[-1][1] if self.slots else self.waiting).add(kind)
        elif kind == "score":
            home, away = re.split(r"[ ]?[:\-–][ ]?", text)
            if not self.scores_first and self.name is not None:
                self.score = (int(home), int(away))  # the score the open entry made
                self.close()
                return
            self.close()
            self.score = (int(home), int(away))
        elif kind == "ref":
            self.tag(text)
        elif kind in ("side", "group"):
            self.close()
            self.side += kind == "side"
            self.untagged = len(self.entries)

    def tag(self, ref: str) -> None:
        for entry in self.entries[self.untagged :]:
            entry.ref = entry.ref or ref
        self.untagged = len(self.entries)
        if self.name is not None or self.slots:
            self.ref = ref

    def close(self) -> None:
        if self.name is None:
            self.slots, self.waiting = ([], set()) if not self.minutes_first else (self.slots, self.waiting)
            return
        made = self.slots or [(None, set())]
        made[-1][1].update(self.waiting)
        for minute, flags in made:
            self.entries.append(
                _Entry(
                    player=self.name, minute=minute, penalty="pen" in flags, own_goal="og" in flags,
                    score=self.score, ref=self.ref, side=self.side,
                )
            )  # fmt: skip
            self.score = None
        if self.ref is not None:
            self.untagged = len(self.entries)
        self.slots, self.waiting, self.name, self.ref = [], set(), None, None


def _initials(team: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", team) if w and w.casefold() not in ("de", "di", "del", "la", "le", "of")]
    return "".join(w[0] for w in words).casefold()


def _own_words(team: str, home: str, away: str) -> set[str]:
    """The words of `team`'s name that the other team's name does not have."""
    other = away if team == home else home
    return set(re.findall(r"\w+", fold_text(team))) - set(re.findall(r"\w+", fold_text(other)))


_BOTH_WORDS = ("beide", "both", "tous", "deux", "entrambi", "ambos")


def _abbreviates(ref: str, team: str) -> bool:
    """Whether a dotted clue shortens each word of the team's name in turn ("schw.-g." of "schwarz-gelb")."""
    if "." not in ref:
        return False
    pieces = [p for p in re.split(r"[.\s-]+", ref) if p and p not in _BOTH_WORDS]
    words = [w for w in re.split(r"[\s-]+", team) if w]
    return bool(pieces) and len(pieces) == len(words) and all(
        w.startswith(p) for p, w in zip(pieces, words, strict=True)
    )


def _team_of_ref(ref: str | None, home: str, away: str) -> str | None:
    """The team a line's clue names: "Dijon", "les Girondins", "(RV)" for Rayo Vallecano, "l'OM"."""
    if not ref:
        return None
    folded = fold_text(ref)
    if folded in ("locales", "visitantes"):  # a Spanish card sentence's sides (`_sided`)
        return home if folded == "locales" else away
    tests: tuple[Callable[[str], bool], ...] = (
        lambda team: same_team(ref, team),
        lambda team: folded in re.findall(r"\w+", fold_text(team)) and len(folded) >= 3,
        lambda team: _initials(team) == folded,
        lambda team: _abbreviates(folded, fold_text(team)),  # "Schw.-G." for Schwarz-Gelb
        lambda team: len(folded) <= 2 and fold_text(team).startswith(folded),
        # "(C)" and "(U)" for Manchester City and Manchester United: the word only one of them has
        lambda team: len(folded) <= 2 and any(word.startswith(folded) for word in _own_words(team, home, away)),
    )
    for test in tests:
        hits = [team for team in (home, away) if test(team)]
        if len(hits) == 1:
            return hits[0]
    return None


def _line_teams(entries: list[_Entry], home: str, away: str, score: tuple[int, int] | None) -> list[str | None]:
    """Each entry's team: the running score, else its clue, else its side of the line.

    With the final `score` (goals only), a match one team did not score in gives the other.
    """
    sides = {entry.side for entry in entries}
    before = (0, 0)
    teams: list[str | None] = []
    for entry in entries:
        team = None
        if entry.score is not None:
            if entry.score == (before[0] + 1, before[1]):
                team = home
            elif entry.score == (before[0], before[1] + 1):
                team = away
            before = entry.score
        team = team or _team_of_ref(entry.ref, home, away)
        if team is None and sides == {0, 1}:
            team = (home, away)[entry.side]
        if team is None and score is not None and (score[0] == 0) != (score[1] == 0):
            team = home if score[0] else away
        teams.append(team)
    return teams


def _line_goals(
    entries: list[_Entry], stub: MatchStub, hints: dict[str, str] | None = None
) -> list[dict[str, Any]] | None:
    """A line's goals for one match, or None when they cannot be the match's goals.

    Each goal's team comes from the line's clues; a scorer the line gives no team takes the one
    that makes the goals fit the score, and where several would, the one `hints` (surname ->
    team, from the model) names. An own goal tagged with the scorer's own team ("85' aut.
    Chiellini (J)") moves to the other team when the score says so.
    """
    home, away = stub.home_team, stub.away_team
    limit = {home: stub.home_score, away: stub.away_score}
    teams = _line_teams(entries, home, away, (stub.home_score, stub.away_score))
    goals = [
        {"player": e.player, "team": team, "minute": e.minute, "penalty": e.penalty, "own_goal": e.own_goal,
         "assist": None}
        for e, team in zip(entries, teams, strict=True)
    ]  # fmt: skip
    if not _fits(goals, limit):
        for own in [g for g in goals if g["own_goal"] and g["team"] is not None]:
            side = str(own["team"])
            if sum(g["team"] == side for g in goals) > limit[side]:
                own["team"] = away if side == home else home
        if not _fits(goals, limit):
            return None
    _assign_unknown(goals, limit, hints or {})
    return [goal for goal in goals if goal["team"] is not None]


def _fits(goals: list[dict[str, Any]], limit: dict[str, int]) -> bool:
    return all(sum(g["team"] == team for g in goals) <= most for team, most in limit.items())


def _assign_unknown(goals: list[dict[str, Any]], limit: dict[str, int], hints: dict[str, str]) -> None:
    """Give the line's scorers without a team the team that fits the score (one team per scorer)."""
    unknown = sorted({_surname(g["player"]) for g in goals if g["team"] is None})
    if not unknown or len(unknown) > 10:
        return
    complete = len(goals) == sum(limit.values())
    teams = list(limit)
    best: list[tuple[int, dict[str, str]]] = []
    for choice in itertools.product(teams, repeat=len(unknown)):
        sides = dict(zip(unknown, choice, strict=True))
        counts = {team: sum((g["team"] or sides[_surname(g["player"])]) == team for g in goals) for team in teams}
        if any(counts[t] > limit[t] for t in teams) or (complete and any(counts[t] != limit[t] for t in teams)):
            continue
        agree = sum(hints.get(name) == side for name, side in sides.items())
        best.append((agree, sides))
    if not best:
        return
    top = max(agree for agree, _ in best)
    chosen = [sides for agree, sides in best if agree == top]
    for name in unknown:
        options = {sides[name] for sides in chosen}
        if len(options) == 1:
            side = options.pop()
            for goal in goals:
                if goal["team"] is None and _surname(goal["player"]) == name:
                    goal["team"] = side


#: A result followed by its scorers in brackets: "Inter – Arsenal 1–3 (10′, 31′ Gabriel Jesus; 18′ Sucic)".
_MINUTE_IN_LIST = re.compile(r"\d{1,3}\s?(?:['’′]|\.|e\b)")
_BRACKET_LIST = re.compile(
    r"(?<![\d.,:])\d{1,2}\s?[-–:]\s?\d{1,2}[ \t]*\((?P<body>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)"
)


def _card_entries(body: str, head: str) -> list[tuple[_Entry, str]]:
    """The cards of one cards line: one entry per comma or semicolon piece, with its colour."""
    red = _is_red_head(head)
    out: list[tuple[_Entry, str]] = []
    side = group = 0
    if _GROUP_CLUB.search(body) and len(_CLUB_CLUE.findall(body)) >= 2:
        body = _GROUP_CLUB.sub(lambda hit: f"{hit['clue']};", body)  # "A, B à Questembert, C à Malansac": per group
    body = _TRAILING_CLUB.sub(_club_to_each, body)  # "Vélez (min.23), Barace (min.23) pour Locales": both
    for piece in re.split(r"([,;])(?![^(]*\))", body):
        if piece in (",", ";"):
            group += piece == ";"
            continue
        for part in re.split(r"(//|\|)", piece):
            if part in ("//", "|"):
                side += 1
                continue
            if head.casefold().startswith(("gelb-rot", "gelb/rot", "doble amarilla")) or (
                red and _SECOND_YELLOW_TEXT.search(part)
            ):
                colour = "second_yellow"
            else:
                colour = "red" if red else "yellow"
            for entry in parse_line(part):  # "Busatto (Spa) e Pignatti (Spa)": one piece, two cards
                entry.side, entry.group = side, group
                out.append((entry, colour))
    return out


#: A club closing a comma-run of a cards line's names, when each club closes its own run.
_CLUB_CLUE = re.compile(r"\s(?:pour|à|for|für|per)\s+[A-ZÀ-ÞØÆÅ]")
_GROUP_CLUB = re.compile(r"(?P<clue>\s(?:pour|à|for|für|per)\s+[A-ZÀ-ÞØÆÅ][^;/|,()]{0,40}?)\s*,")
#: A club named after a ;-part of a cards line, for every card of that part: "A (12e), B (30e) à Brest; ...".
_TRAILING_CLUB = re.compile(
    r"(?P<part>[^;/|]*?,[^;/|]*?)\s+(?P<clue>(?:pour|à|for|für|per)\s+[A-ZÀ-ÞØÆÅ][^;/|,()]{0,40}?)\s*(?=;|//|\||$)"
)


def _club_to_each(hit: re.Match[str]) -> str:
    """`_TRAILING_CLUB`'s part with its club clue after every comma piece."""
    pieces = re.split(r",(?![^(]*\))", hit["part"])
    return ",".join(f"{piece.rstrip()} {hit['clue']}" for piece in pieces)


#: A Spanish card sentence: "Amarilla a los locales David y Lolo, y a los visitantes Negri", "Roja directa para Juan".
_CARD_SENTENCE = re.compile(
    r"(?:^|(?<=[.:;)])[ \t]*)(?:tarjetas?\s+)?(?P<kind>amarillas?|rojas?(?:\s+directas?)?"
    r"|amonest[óo](?:\s+con\s+(?:una\s+)?(?:tarjeta\s+)?amarilla)?"  # "Amonestó con una amarilla a los locales"
    r"|expuls[óo](?:\s+por\s+doble\s+(?:amarilla|amonestaci[óo]n)|\s+con\s+(?:tarjeta\s+)?roja(?:\s+directa)?)?)"
    r"\s+(?:a|al|para)\s+",  # "Amonestó a los locales Mario, ...", "Expulsó con roja directa al atlético Graciano"
    re.IGNORECASE | re.MULTILINE,
)  # at the start of a sentence of a match sheet; "por segunda tarjeta amarilla a Domingo" is prose
#: Words between "al" and a carded player's name: "al jugador del Aldeano Guillermo", "al atlético Graciano".
_CARDED_AS = re.compile(
    r"^\s*(?:(?:jugador|jugadora|futbolista)\s+del?\s+[A-ZÁÉÍÓÚÑ][\w-]*\s+|[a-záéíóúñ]{4,}\s+(?=[A-ZÁÉÍÓÚÑ]))"
)
#: "(min. 78)" does not end the sentence, nor a line the page broke mid-sentence ("al atlético" / "Graciano")
_CARD_SENTENCE_STOP = re.compile(r"(?<!\bmin)\.\s|\n(?=\s*(?:\n|[A-ZÁÉÍÓÚÑ][\w ]{0,20}:))|$")
_STAFF_CARD = re.compile(
    r"\s*(?:\by\s+)?\bal?\s+(?:técnico|entrenador|míster|preparador|delegado)\b[\w ]*?,?\s*"
    r"[A-ZÁÉÍÓÚÑ][\w]*(?:\s+[A-ZÁÉÍÓÚÑ][\w]*)*",
)
_HOME_SIDE = re.compile(r"^\s*(?:(?:a|para)\s+)?(?:los|el|al)\s+locales?\s*", re.IGNORECASE)
_AWAY_SIDE = re.compile(
    r"[,;]?\s*(?:\by\s+)?(?:(?:a|para)\s+)?(?:los|el|al)\s+(?:visitantes?|foráneos?)\s*", re.IGNORECASE
)


@functools.lru_cache(maxsize=16)
def _card_lines(text: str) -> tuple[tuple[int, str, str], ...]:
    """(position, kind, body) of the article's cards lines ("Gelbe Karten: ...") and Spanish card sentences.

    A sentence's staff card is left out ("y al técnico, Fran Nacarino"); "los locales" and
    "los visitantes" split it into the two sides, and "y" joins players like a comma.
    """
    found = [
        (hit.start(), hit.group("kind").casefold(), _line_body(text, hit.end())) for hit in _CARDS_HEAD.finditer(text)
    ]
    for hit in _BARE_CARDS_HEAD.finditer(text):  # "NOTE: Ammoniti Santi, Pozzi, Boilini. Espulso Di Stasio."
        stops = [i for i in (text.find(". ", hit.end()), text.find("\n", hit.end())) if i >= 0]
        found.append((hit.start(), hit.group("kind").casefold(), text[hit.end() : min([*stops, len(text)])]))
    found += _notes_cards(text, {start for start, _, _ in found})
    for hit in _CARD_SENTENCE.finditer(text):
        stop = _CARD_SENTENCE_STOP.search(text, hit.end())
        said_body = " ".join(text[hit.end() : stop.start() if stop else len(text)].split())
        body = _sided(_STAFF_CARD.sub("", said_body))
        said = hit.group("kind").casefold()
        kind = "doble amarilla" if "doble" in said else (
            "tarjetas rojas" if said.startswith(("roja", "expuls")) else "tarjetas amarillas"
        )
        # "... al atlético Graciano (min. 78) y al vallisoletano Ruba por doble amarilla (min. 78)": two kinds
        parts = re.split(r"\s+y\s+al?\s+(?=[a-záéíóúñ]+\s+[A-ZÁÉÍÓÚÑ][^,;]*\bpor\s+doble\b)", body, maxsplit=1)
        for number, part in enumerate(parts):
            part = _CARDED_AS.sub("", re.sub(r"\s+por\s+doble\s+(?:amarilla|amonestaci[óo]n)", "", part))
            part = re.sub(r"\s+[ye]\s+(?=[A-ZÁÉÍÓÚÑ])", ", ", part)
            found.append((hit.start() + number, "doble amarilla" if number else kind, part))
    return tuple(sorted(found))


#: An Italian sheet's notes line, its parts run together: "NOTE Espulso Camporeale al 7’ st Ammoniti Semerano,
#: Colucci, Coralli Fuorigioco 3 -5 Angoli 4 -6 Rec. 0’, 7’".
_NOTES_LINE = re.compile(r"^[ \t]*(?:NOTE|Note|NOTES|Notes)\b[ \t]*:?[^\n]*", re.MULTILINE)
_NOTES_KIND = re.compile(rf"(?<!\w)(?P<kind>{_BARE_KINDS})[ \t]*:?[ \t]+(?=[A-ZÀ-Þ])")
_NOTES_STOP = re.compile(
    r"\.\s|(?<!\w)(?:Fuorigioco|Angoli|Calci d'angolo|Corner|Recupero|Rec\.|Spettatori|Tiri|Possesso|Arbitro"
    r"|Ammonit[io]|Espuls[io])\b"
)


def _notes_cards(text: str, known: set[int]) -> list[tuple[int, str, str]]:
    """(position, kind, body) of the kinds a notes line runs together, each up to the next part."""
    found = []
    for line in _NOTES_LINE.finditer(text):
        for hit in _NOTES_KIND.finditer(text, line.start(), line.end()):
            if hit.start() in known or any(abs(hit.start() - k) <= 2 for k in known):
                continue
            stop = _NOTES_STOP.search(text, hit.end(), line.end())
            body = text[hit.end() : stop.start() if stop else line.end()].strip(" \t,;")
            found.append((hit.start(), hit.group("kind").casefold(), body))
    return found


def _sided(body: str) -> str:
    """A Spanish card sentence's players with their side as a clue.

    "a los locales A, B; y al visitante C" becomes "A, B pour Locales // C pour Visitantes"
    (`_team_of_ref` reads the two words).
    """
    home = _HOME_SIDE.match(body)
    if home:
        body = body[home.end() :]
    parts = _AWAY_SIDE.split(body, maxsplit=1)
    if len(parts) == 2:
        return f"{parts[0].rstrip(' ,;')} pour Locales // {parts[1].rstrip(' .;')} pour Visitantes"
    return f"{body.rstrip(' .;')} pour Locales" if home else body
