"""Results read by code: results lines, match sheets and their line-ups, round-up idioms, wire summaries."""

from __future__ import annotations

import functools
import re
from typing import Any

from extractor.grounding import fold_text
from extractor.names import CLUB_AFFIXES as _CLUB_AFFIXES
from extractor.names import same_club as same_team

from .lines import _GOALS_HEAD, _MINUTE_IN_LIST, _Entry, _line_body, _team_of_ref, parse_line
from .models import MatchStub
from .words import _MATCH_WORDS, _PAGE_DATE, _words

_NAME = (
    r"(?:1\.[ ]?)?[A-ZÀ-ÞØÆÅ][\w.'’&]*"
    r"(?:[ ](?:[A-ZÀ-ÞØÆÅ0-9][\w.'’&]*|de|di|del|da|do|la|le|van|von|d'\w+)){0,2}"
)
_DATELINE_HEAD = r"[^\W\d][\w.]*(?:/[\w.]+)+[ \t]+[-–][ \t]+"  # "Bernburg/MZ/fk. - "
#: A club name whose words may carry their own hyphen: "Schwarz-Gelb", "Paris Saint-Germain".
_NAME_HYPHENED = _NAME.replace(r"[\w.'’&]*", r"[\w.'’&]*(?:-[A-ZÀ-ÞØÆÅ][\w.'’&]*)*")
_WEEKDAYS = (
    "mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    "|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday"
    "|sunday|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|lunes|martes|miércoles|jueves|viernes|sábado"
    "|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
_WEEKDAY_PREFIX = re.compile(rf"^(?i:{_WEEKDAYS})\s+")
#: A results line: "OB-Vejle 0-1", "Köln – Union Berlin 1:2", "Napoli-Salisburgo 3-1" (home first), at the
#: start of a line, after a separator, a weekday, or the previous result of the list.
_LISTED = re.compile(
    # a line may open with its competition's label: "VL Nordbaden: ASV Durlach 02 – SpVgg Oberhausen 1:2 (0:2)",
    # or with a dateline (place/agency): "Bernburg/MZ/fk. - Alsleben - Preußlitz 1:0 (1:0)"
    rf"(?:^[ \t]*{_PAGE_DATE}(?:[^\W\d][\w.]*(?:[ ][\w.]+){{0,3}}:[ \t]+|{_DATELINE_HEAD})?"
    rf"|[,;|(]\s*|\s*(?i:\b(?:{_WEEKDAYS}))\s+|(?<=\d)\s+)"
    rf"(?P<home>{_NAME_HYPHENED})(?P<sep>[ \t]?[-–/][ \t]?)(?P<away>{_NAME_HYPHENED})"
    rf"(?:[ \t]+:|[ \t]*[=:])?[ \t]+\(?(?P<hs>\d{{1,2}})[ ]?[-:–][ ]?(?P<as>\d{{1,2}})(?!\d|:\d)",  # "Alphia: 3-0"
    re.MULTILINE,
)


def _split_clubs(hit: re.Match[str]) -> bool:
    """Whether a results line's dash parts the two clubs for sure.

    A club's own hyphen ("Schwarz-Gelb") is read only where the line sets the clubs apart with a
    spaced dash ("Güsten - Schwarz-Gelb 2:3").
    """
    if hit.re is not _LISTED or not ("-" in hit["home"] or "-" in hit["away"]):
        return True
    return hit["sep"].startswith((" ", "\t")) and hit["sep"].endswith((" ", "\t"))


#: The other results-line form: "Nottingham Forest 2 - Brentford 2", "Rayo Vallecano 1-Barcelona 1".
_SPLIT_SCORE = re.compile(
    rf"(?:^|[,;|(*•]\s*|\s*(?i:\b(?:{_WEEKDAYS}))\s+)"
    rf"(?P<home>{_NAME})[ \t]+(?P<hs>\d{{1,2}})[ \t]?[-–][ \t]?(?P<away>{_NAME})"
    rf"[ \t]+(?P<as>\d{{1,2}})(?![\d:.,]\d|[\d:])",
    re.MULTILINE,
)


#: ... in a sentence's list, long club names, each club's scorers in brackets after its goals: "En partidos
#: disputados hoy, Ferro de General Pico 0-Deportivo Camioneros 0; Juventud Unida Universitario de San Luis 1
#: (Juan Pablo Gobetto)-Sportivo Estudiantes de San Luis 1 (Santiago Briñone); ..." (the dash right before a capital).
_LONG_CLUB = r"[A-ZÀ-ÞØÆÅ][\w.'’&]*(?:[ ](?:[A-ZÀ-ÞØÆÅ0-9][\w.'’&]*|de|del|y|e|da|do|di|la|las|los)){0,5}"
_ITS_SCORERS = r"(?:[ \t]*\([^()\n]{1,120}\))?"
_LISTED_IN_PROSE = re.compile(
    rf"(?:^|[,;:][ \t]*|\.[ \t]+)(?P<home>{_LONG_CLUB})[ \t]+(?P<hs>\d{{1,2}}){_ITS_SCORERS}-(?=[A-ZÀ-ÞØÆÅ])"
    rf"(?P<away>{_LONG_CLUB})[ \t]+(?P<as>\d{{1,2}}){_ITS_SCORERS}(?=[ \t]*(?:[;.]|$))",
    re.MULTILINE,
)


#: A score given to each club after a colon: "A Brest, Brest : 2 AC Ajaccio : 1 (1-0)".
_COLON_SCORES = re.compile(
    rf"(?:^|[,;|(]\s*)(?P<home>{_NAME_HYPHENED})[ \t]*:[ \t]*(?P<hs>\d{{1,2}})[ \t]*[-–,;]?[ \t]+"
    rf"(?P<away>{_NAME_HYPHENED})[ \t]*:[ \t]*(?P<as>\d{{1,2}})(?![\d:.,]\d|[\d:])",
    re.MULTILINE,
)


_NAME_LINE = r"(?:1\.[ ]?)?[A-ZÀ-ÞØÆÅ][\w.'’&-]*(?:[ ][\w.'’&-]+){0,3}"
#: A line that is only a result: "SM Caen 0-1 Girondins de Bordeaux", "- Leeds 4-3 Bournemouth".
_LINE_RESULT = re.compile(
    rf"^[-*•\t ]*{_PAGE_DATE}(?P<home>{_NAME_LINE})[ \t]+(?P<hs>\d{{1,2}})[ ]?[-:–][ ]?(?P<as>\d{{1,2}})"
    rf"[ \t]+(?P<away>{_NAME_LINE})[ \t]*(?:$|:[ \t]+(?=\S))",  # a headline's "Brighton 1-0 Manchester United: ..."
    re.MULTILINE,
)
#: A header line of two clubs, each with its goals and no dash: "Llanrhaeadr ym Mochnant 2 Dolgellau 3", also
#: before a headline's colon: "Dereham Town 1 Maldon & Tiptree 2: Controversial penalty costs Magpies".
_HEADER_CLUB = r"[A-ZÀ-ÞØÆÅ][\w.'’&-]*(?:[ ](?:[A-ZÀ-ÞØÆÅ][\w.'’&-]*|ym|y|de|la|le|van|von|am|an|der|di|del|&)){0,4}"
_HEADER_SCORES = re.compile(
    rf"^[ \t]*{_PAGE_DATE}(?P<home>{_HEADER_CLUB})[ \t]+(?P<hs>\d{{1,2}})"
    rf"[ \t]+(?P<away>{_HEADER_CLUB})[ \t]+(?P<as>\d{{1,2}})[ \t]*(?::[ \t]+[A-ZÀ-ÞØÆÅ][^\n]*)?$",
    re.MULTILINE,
)
#: A line that is only two clubs across a spaced dash and a colon score, whatever the clubs' names hold
#: (brackets, a year, abbreviations): "(SG) Spfrd. Sailauf – (SG) SpVgg 1924 Niedernberg 2:6 (1:3)"; also
#: a match page's header with its league before a colon, a comma before the score and the place after
#: it: "Frauen A-Klasse 05: FC Geisenfeld – SG FC Wackerstein/TV Münchsmünster, 2:3 (2:0), Geisenfeld".
_CLUB_ANY = r"[(]?[A-ZÀ-ÞØÆÅ][^\n–:;,!?]{1,48}?"
_DASHED_LINE = re.compile(
    # a label before the clubs: "Frauen A-Klasse 05: ", "Fodbold, Fynsserien, "
    r"^[ \t]*(?:[A-ZÀ-ÞØÆÅ][^\n:–]{1,40}:[ \t]+|(?:[A-ZÀ-ÞØÆÅ][^\n:–,]{1,25},[ \t]+){1,3})?"
    rf"(?P<home>{_CLUB_ANY})[ \t]+[–-][ \t]+(?P<away>{_CLUB_ANY})(?:,[ \t]*|[ \t]+)"
    r"(?P<hs>\d{1,2})[:-](?P<as>\d{1,2})(?:[ \t]*\(\d{1,2}[:-]\d{1,2}\))?(?:,[ \t]*[A-ZÀ-ÞØÆÅ][^\n,:;]{1,30})?[ \t]*$",
    re.MULTILINE,
)
#: A report's header of two lines, each a club and its goals: "PENRYN ATHLETIC 1" / "MOUSEHOLE 1".
_HEADER_PAIR = re.compile(
    rf"^[ \t]*(?P<home>{_HEADER_CLUB})[ \t]+(?P<hs>\d{{1,2}})[ \t]*\n"
    rf"[ \t]*(?P<away>{_HEADER_CLUB})[ \t]+(?P<as>\d{{1,2}})[ \t]*$",
    re.MULTILINE,
)
#: ... two such lines alone: a third before or after them makes a table ("Liverpool 10" / "Chelsea 8" / ...).
_CLUB_AND_GOALS = re.compile(rf"[ \t]*{_HEADER_CLUB}[ \t]+\d{{1,2}}[ \t]*")


def _in_table(text: str, start: int, end: int) -> bool:
    """Whether the line before `start` or the one after `end` is also a club and a number."""
    before = text[: max(0, start - 1)].rsplit("\n", 1)[-1] if start > 0 else ""
    after = text[end + 1 :].split("\n", 1)[0] if end < len(text) else ""
    return any(_CLUB_AND_GOALS.fullmatch(line) for line in (before, after) if line)
#: A scoreboard a page stacks on three lines (a table flattened): "LENS |", "2 - 0 |", "REIMS |".
_STACKED_RESULT = re.compile(
    rf"^[ \t|]*(?P<home>{_NAME_LINE})[ \t|]*\n[ \t|]*(?P<hs>\d{{1,2}})[ ]?[-:–][ ]?(?P<as>\d{{1,2}})[ \t|]*\n"
    rf"[ \t|]*(?P<away>{_NAME_LINE})[ \t|]*$",
    re.MULTILINE,
)
_SHOUTED = re.compile(r"^[A-ZÀ-Þ]{5,}$")  # "TABELLINO": a section label, not a club
_CLOCK_WORD = re.compile(r"(?i:uhr|uur|h|ore|hrs?|horas|heures|o'clock)")  # "10:00 Uhr" after a "score"
#: ... or a match page's table flattened one cell a line, each cell ending in "|", empty cells between:
#: "Einheit Wittenberg |", "|", "SG Zahna/Elster |", "|", "6 |", ": |", "6 |" (the two clubs, then the goals).
_CELL = r"[ \t]*\|[ \t]*\n(?:[ \t]*\|[ \t]*\n)*"
_CELL_CLUB = r"[A-ZÀ-ÞØÆÅ][\w.'’&/-]*(?:[ ][\w.'’&/-]+){0,3}"
_STACKED_CELLS = re.compile(
    rf"^[ \t]*(?P<home>{_CELL_CLUB}){_CELL}[ \t]*(?P<away>{_CELL_CLUB}){_CELL}"
    rf"[ \t]*(?P<hs>\d{{1,2}}){_CELL}(?:[ \t]*[:–-]{_CELL})?[ \t]*(?P<as>\d{{1,2}})[ \t]*\|",
    re.MULTILINE,
)


#: A club in a round-up's sentence: capitalised words, a few joined by "de"/"di" ("Eugenio Coscarello Castrolibero").
_PROSE_CLUB = r"[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ ](?:(?:de|di|del|de la)[ ])?[A-ZÀ-ÞØÆÅ][\w'’-]+){0,3}"
_OF = r"(?:del|della|dello|dell['’]\s?|de la|de l['’]\s?|del|de|di)\s*"  # "del Lecce", "dell’Independent"
#: Round-up idioms that pair a score with its two clubs and say who hosted (Italian, Spanish):
#: "il 6-1 esterno del Lecce sul campo del Crotone" (the club whose result it is, the visitor, won: a score
#: written lower first, "el 0-2 del Rayo en el campo del Getafe", could be either's and is not read);
#: "lo 0-0 tra Molfetta ed Eugenio Coscarello Castrolibero" (first named is home, no host told).
_ROUNDUP_IDIOMS = (
    re.compile(
        rf"\b(?:il|lo|l['’]|el)\s?(?P<as>\d{{1,2}})-(?P<hs>\d{{1,2}})\s+(?:esterno\s+|a domicilio\s+)?{_OF}"
        rf"(?P<away>{_PROSE_CLUB})\s+(?:sul campo|in casa|sul terreno|en el campo|en casa|en el feudo)\s+{_OF}"
        rf"(?P<home>{_PROSE_CLUB})"
    ),
    re.compile(
        rf"\b(?:lo|il|l['’]|el)\s?(?P<hs>\d{{1,2}})-(?P<as>\d{{1,2}})\s+(?:tra|fra|entre)\s+(?:il |la |l['’]|el )?"
        rf"(?P<home>{_PROSE_CLUB})\s+(?:ed?|y)\s+(?:il |la |l['’]|el )?(?P<away>{_PROSE_CLUB})"
    ),
    # "Vis Mediterranea – che espugna 1-0 Frosinone": the winner took the other's ground
    re.compile(
        rf"(?P<away>{_PROSE_CLUB})\s*[–,-]?\s+che\s+espugna\s+(?:per\s+)?(?P<as>\d{{1,2}})-(?P<hs>\d{{1,2}})\s+"
        rf"(?:il campo d(?:i|el(?:lo|la)?)\s+|il |la |l['’])?(?P<home>{_PROSE_CLUB})"
    ),
    # "il Villaricca, che piega 4-1 il Montespaccato": no host told, the first named is home
    re.compile(
        rf"(?P<home>{_PROSE_CLUB})\s*[–,-]?\s+che\s+(?:piega|batte|supera|travolge|regola)\s+(?:per\s+)?"
        rf"(?P<hs>\d{{1,2}})-(?P<as>\d{{1,2}})\s+(?:il |la |lo |l['’]|gli |le )?(?P<away>{_PROSE_CLUB})"
    ),
    # "Affermazioni interne per il Castefidardo, 1-0 sull’Albalonga": the winner, its score "on" the loser;
    # no host told, the first named is home
    re.compile(
        rf"(?:per|del|della|dello|dell['’])\s?(?:il |la |lo |l['’])?(?P<home>{_PROSE_CLUB}),\s+"
        rf"(?P<hs>\d{{1,2}})-(?P<as>\d{{1,2}})\s+su(?:l|lla|llo|ll['’]|i|gli)\s?(?P<away>{_PROSE_CLUB})"
    ),
    # "... e del Real Trentinara sul Dauna per 2-1"
    re.compile(
        rf"(?:del|della|dello|dell['’])\s?(?P<home>{_PROSE_CLUB})\s+su(?:l|lla|llo|ll['’])\s?(?P<away>{_PROSE_CLUB})"
        rf"\s+per\s+(?P<hs>\d{{1,2}})-(?P<as>\d{{1,2}})"
    ),
    # "del Fertilia in Umbria ai danni della Vis Torgiano (1-2)": the winner, then the loser, whose home
    # goals a score written low-high gives first
    re.compile(
        rf"(?:del|della|dello|dell['’])\s?(?P<away>{_PROSE_CLUB})\s+(?:(?:in|a)\s+[A-ZÀ-Þ][\w'’]+\s+)?"
        rf"ai danni d(?:el|ella|ello|ell['’]|i)\s?(?P<home>{_PROSE_CLUB})\s*\((?P<hs>\d{{1,2}})-(?P<as>\d{{1,2}})\)"
    ),
    # "Whitley Bay Sporting who were 3-2 winners at Whitburn & Cleadon": the winner away, at the other's ground
    re.compile(
        rf"(?P<away>{_PROSE_CLUB})\s*,?\s+(?:who|which)\s+(?:were|was|are|ran out|came away)\s+(?:as\s+)?"
        rf"(?P<as>\d{{1,2}})-(?P<hs>\d{{1,2}})\s+(?:winners|victors)\s+(?:away\s+)?at\s+(?:the\s+)?"
        rf"(?P<home>{_PROSE_CLUB}(?:\s+&\s+{_PROSE_CLUB})?)"
    ),
    # "la Gimnástica de Torrelavega, que cayó por 2-0 en su visita al Bergantiños": the loser visited
    re.compile(
        rf"(?P<away>{_PROSE_CLUB})\s*,\s+que\s+(?:cayó|cayo|perdió|perdio|sucumbió|sucumbio)\s+por\s+"
        rf"(?P<hs>\d{{1,2}})-(?P<as>\d{{1,2}})\s+en\s+(?:su\s+visita\s+al?|el\s+campo\s+del?|casa\s+del?)\s+"
        rf"(?:la\s+)?(?P<home>{_PROSE_CLUB})"
    ),
    # "El UM Escobedo también sufrió una derrota dolorosa en casa ante el Fabril (0-1)": the host lost
    re.compile(
        rf"(?P<home>{_PROSE_CLUB})\s+(?:también\s+|tambien\s+)?(?:sufrió|sufrio|encajó|encajo|cosechó|cosecho)\s+"
        rf"una\s+derrota\s+(?:[a-zñáéíóú]+\s+){{0,2}}en\s+casa\s+ante\s+(?:el\s+|la\s+)?(?P<away>{_PROSE_CLUB})"
        rf"\s*\((?P<hs>\d{{1,2}})-(?P<as>\d{{1,2}})\)"
    ),
)


#: per idiom, the side its words say won (None: a draw, no winner told)
_IDIOM_WINNER = ("as", None, "as", "hs", "hs", "hs", "as", "as", "hs", "as")

#: Goalless draws listed after a colon, each written "home-away": "Quattro i risultati a “reti bianche”:
#: Pietrasanta Marina-Lentigione; Misterbianco-AZ Picerno; Sangiovanni Valdarno-Avezzano e Castrovillari-Parmonval".
_FIXTURE = rf"{_PROSE_CLUB}[ ]?[-–][ ]?{_PROSE_CLUB}"
_GOALLESS_LIST = re.compile(
    r"(?i:reti bianche|reti inviolate|goalless(?: draws?)?|scoreless(?: draws?)?|0-0 draws?|sin goles|empates? a cero"
    r"|nuls? vierges?|torlose[ns]? (?:remis|unentschieden)|doelpuntloze? (?:remises?|gelijkspelen))[”\"»]?\s*:\s*"
    rf"(?P<list>{_FIXTURE}(?:\s*[;,]\s*{_FIXTURE})*(?:\s+(?:e|ed|y|and|und|et|en|og)\s+{_FIXTURE})?)"
)
_FIXTURE_PARTS = re.compile(rf"(?P<home>{_PROSE_CLUB})[ ]?[-–][ ]?(?P<away>{_PROSE_CLUB})")


def goalless_listed(text: str) -> list[MatchStub]:
    """The goalless draws a sentence lists after a colon (`_GOALLESS_LIST`), each home first."""
    found = []
    for hit in _GOALLESS_LIST.finditer(text):
        for pair in _FIXTURE_PARTS.finditer(hit["list"]):
            home, away = pair["home"].strip(), pair["away"].strip()
            if not same_team(home, away):
                found.append(MatchStub(home_team=home, away_team=away, home_score=0, away_score=0))
    return found


#: A sentence's capitalised article is not the club's: "El UM Escobedo también sufrió ...".
_LEADING_ARTICLE = re.compile(r"^(?:El|La|Los|Las|Il|Lo|Gli|The|Le|Les|De|Het|Der|Die|Das)\s+(?=[A-ZÀ-ÞØÆÅ])")


def idiom_results(text: str) -> list[MatchStub]:
    """Results a round-up's idiom states with both clubs and the host (`_ROUNDUP_IDIOMS`)."""
    found = []
    for pattern, winner in zip(_ROUNDUP_IDIOMS, _IDIOM_WINNER, strict=True):
        for hit in pattern.finditer(text):
            home, away = (_LEADING_ARTICLE.sub("", hit[side].strip()) for side in ("home", "away"))
            if same_team(home, away) or max(int(hit["hs"]), int(hit["as"])) > 20:
                continue
            if winner is not None and int(hit[winner]) < int(hit["hs" if winner == "as" else "as"]):
                continue  # "il pesante 0-4 del Crotone sul campo del Lecce": whose 4 is not for code to guess
            stub = MatchStub(home_team=home, away_team=away, home_score=int(hit["hs"]), away_score=int(hit["as"]))
            found.append(stub)
    return found


def _named_twice(club: str, text: str, any_case: bool = False) -> bool:
    """Whether the text names the club's first word twice at least (a header's club, not a stats label).

    `any_case`: a shouted header ("MOUSEHOLE 1") counts the prose's "Mousehole".
    """
    word = rf"(?<!\w){re.escape(club.split()[0])}(?!\w)"
    return len(re.findall(word, text, re.IGNORECASE if any_case else 0)) >= 2


def listed_results(text: str) -> list[MatchStub]:
    """Results written as a results line: both teams and the score (home first, by convention).

    Code reads these, not the model: a small model takes "Lyngby-AaB 2-2" for one club, and a
    score split by its teams ("Forest 2 - Brentford 2") is not a score to it.
    """
    found = []
    hits = sorted(
        [*_LISTED.finditer(text), *_SPLIT_SCORE.finditer(text), *_LINE_RESULT.finditer(text),
         *_STACKED_RESULT.finditer(text), *_COLON_SCORES.finditer(text), *_HEADER_SCORES.finditer(text),
         *_DASHED_LINE.finditer(text), *_HEADER_PAIR.finditer(text), *_STACKED_CELLS.finditer(text),
         *_LISTED_IN_PROSE.finditer(text)],
        key=lambda hit: hit.start(),
    )  # fmt: skip
    others = [(hit.start(), hit.end()) for hit in hits if hit.re is not _DASHED_LINE]
    for hit in hits:
        if hit.re is _DASHED_LINE and any(a < hit.end() and hit.start() < b for a, b in others):
            continue  # a line another form reads already
        if hit.re is _HEADER_PAIR and _in_table(text, hit.start(), hit.end()):
            continue
        if fold_text(hit.group("home").strip()) in _MATCH_WORDS or fold_text(hit.group("away").strip()) in _MATCH_WORDS:
            continue  # "45.+2 Minute- Marcus Kurze 2 :1": a goals list's minute, not a club
        home, away = _WEEKDAY_PREFIX.sub("", hit.group("home").strip()), hit.group("away").strip()
        if len(home) < 2 or len(away) < 2 or same_team(home, away) or max(int(hit["hs"]), int(hit["as"])) > 20:
            continue
        if _CLOCK_WORD.fullmatch(away):
            continue  # "1. Spieltag - 28.08.2011 10:00 Uhr": a kick-off time
        if not _split_clubs(hit):
            continue  # "Güsten-Schwarz-Gelb 2:3": which dash parts the clubs is not for code to guess
        if hit.re in (_COLON_SCORES, _HEADER_SCORES, _HEADER_PAIR):  # "Spiele: 3 Siege: 2": clubs are named again
            named_again = [_named_twice(club, text, hit.re is _HEADER_PAIR) for club in (home, away)]
            if not (all(named_again) if hit.re is not _HEADER_SCORES else any(named_again)):
                continue
        if hit.re is _LINE_RESULT and (_SHOUTED.match(home) or _SHOUTED.match(away)):
            continue  # "Napoli-Inter 4-1 TABELLINO": a label after the line ("SPAL-SPEZIA 1-2" is a headline)
        home, away = _unshouted(home, text), _unshouted(away, text)
        found.append(MatchStub(home_team=home, away_team=away, home_score=int(hit["hs"]), away_score=int(hit["as"])))
    return found


#: A line-up line of a match sheet: "Amanecer: Roberto, Miralles, Willy, ...", "SPAL (4231): Tonozzi; ...".
_LINEUP = re.compile(
    r"^[ \t]*(?:\((?P<lead>\d{1,2})\)[ \t]*|(?P<led>\d{1,2})[ \t]*[–-][ \t]*)?"  # "(1) Atlético de Madrid: Marcos, ..."
    r"(?P<team>[A-ZÀ-ÞØÆÅ][\w.'’&-]*(?:[ ](?:[A-ZÀ-ÞØÆÅ0-9][\w.'’&-]*|de|del|la|le|van|von|di|da)){0,4}"
    r"(?:[ ][«\"“][\w ]{1,6}[»\"”])?)"  # "Real Madrid CF «B»: Laia López, ...": a reserve side's mark
    r"[ \t]*(?:\([^()\n]{0,12}\))?[ \t]*(?::|[ \t]-(?=[ \t])|(?<=[ \t])(?P<count>\d{1,2})(?=[ \t]))"  # "LOCRI - ..."
    r"[ \t]*(?P<body>[^\n]+)$",  # "PEÑA SPORT 1 Samuel, Sádaba, ...": the club's goals before its eleven
    re.MULTILINE,
)
#: ... or a sheet's club and its goals on a line of their own, its eleven under them ("CD NAVEGA 2", "", "Jesús, ...").
_LINEUP_BELOW = re.compile(
    r"^[ \t]*(?P<lead>(?!))?(?P<team>[A-ZÀ-ÞØÆÅ][\w.'’&/-]*(?:[ ](?:[A-ZÀ-ÞØÆÅ0-9][\w.'’&/-]*|de|del|la|le)){0,4})"
    r"[ \t]+(?P<led>\d{1,2})[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<body>[^\n]+)$",
    re.MULTILINE,
)
_LINEUP_ITEMS = 8  # a team's eleven, separated by commas, semicolons or dashes (a few joined by "y", "e")
_LED_ITEMS = 3  # a line-up led by its club's goals ("3 – Portonovo SD: María, ...") may wrap after a few names


def _led(hit: re.Match[str]) -> int | None:
    """The goals a line-up line writes before its club ("(1) Atlético de Madrid: ...", "3 – Portonovo SD: ...")."""
    count = hit["lead"] or hit["led"]
    return int(count) if count is not None else None

_NOT_A_LINEUP = _words(
    "arbitro", "árbitro", "referee", "schiedsrichter", "scheidsrechter", "dommer", "arbitre", "incidencias", "note",
    "notes", "spettatori", "zuschauer", "attendance", "ammoniti", "espulsi", "tore", "goles", "gol", "buts", "reti",
    "marcatori", "subs", "substitutes", "ersatz", "panchina", "a disp", "all", "entraîneur", "trainer", "coach",
)


@functools.lru_cache(maxsize=16)
def _lineups(text: str) -> tuple[re.Match[str], re.Match[str]] | None:
    """A match sheet's two line-up lines, home first, a few lines apart; None where there are not two."""
    found = sorted([*_LINEUP.finditer(text), *_LINEUP_BELOW.finditer(text)], key=lambda hit: hit.start())
    lineups = [
        hit for hit in found
        if len(re.findall(r"[,;]|\s[-–]\s", hit["body"])) + 1
        >= (_LED_ITEMS if _led(hit) is not None else _LINEUP_ITEMS)
        and not _NOT_A_LINEUP.match(fold_text(hit["team"]))
    ]  # fmt: skip
    if len(lineups) < 2:
        return None
    home, away = lineups[0], lineups[1]
    if same_team(home["team"], away["team"]) or text.count("\n", home.end(), away.start()) > 3:
        return None
    return home, away


def _sheet_order(stub: MatchStub, text: str) -> MatchStub:
    """Home and away as the match sheet's line-ups list them (home first), where they name the two teams."""
    lineups = _lineups(text)
    if lineups is None:
        return stub
    first, second = (hit["team"].strip() for hit in lineups)
    if same_team(first, stub.away_team) and same_team(second, stub.home_team):
        return stub.model_copy(update={"home_team": stub.away_team, "away_team": stub.home_team,
                                       "home_score": stub.away_score, "away_score": stub.home_score})  # fmt: skip
    return stub


def sheet_results(text: str) -> list[MatchStub]:
    """A match sheet's result: its two line-ups (home first) and the last running score of its goals line.

    "Amanecer: Roberto, ... / Cerro de Reyes: Poli, ... / Goles: 1-0, min. 31: David ... 2-2, min. 71:
    Diego." is Amanecer 2-2 Cerro de Reyes. A goals line with no running score counts where a line of
    only a score stands above the line-ups and each team's tagged goals add up to it ("1-2" above
    "Vastese (3-5-2): ..." and "Marcatori: 45′ Stivaletta (V); 55′ rig. 62′ rig. Alessandro (C)");
    else the sheet is left to the other readers.
    """
    lineups = _lineups(text)
    if not lineups:
        return []
    home, away = lineups
    led = _led(home), _led(away)
    if led[0] is not None and led[1] is not None:  # "(1) Atlético de Madrid: ..." over "(3) Real Valladolid: ..."
        names = [_unshouted(hit["team"].strip(), text) for hit in (home, away)]
        return [MatchStub(home_team=names[0], away_team=names[1], home_score=led[0], away_score=led[1])]
    stacked = _stacked_score(text, home.start(), home["team"], away["team"])
    if stacked is not None:  # "sant'agostino", "1", "del duca grama", "1" above "SANT'AGOSTINO: Costantino, ..."
        names = [_unshouted(hit["team"].strip(), text) for hit in (home, away)]
        return [MatchStub(home_team=names[0], away_team=names[1], home_score=stacked[0], away_score=stacked[1])]
    head = _GOALS_HEAD.search(text, away.end())
    if head is None or text.count("\n", away.end(), head.start()) > 3:
        return []
    entries = parse_line(_line_body(text, head.end()))
    scores = [entry.score for entry in entries if entry.score is not None]
    names = [_unshouted(hit["team"].strip(), text) for hit in (home, away)]
    if not scores:
        bare = _bare_score_before(text, home.start())
        if bare is None or bare != _tagged_count(entries, names[0], names[1]):
            return []
        scores = [bare]
    return [MatchStub(home_team=names[0], away_team=names[1], home_score=scores[-1][0], away_score=scores[-1][1])]


_BARE_SCORE = re.compile(r"^[ \t]*(\d{1,2})[ ]?[-:–][ ]?(\d{1,2})[ \t]*$", re.MULTILINE)


def _stacked_score(text: str, start: int, home: str, away: str) -> tuple[int, int] | None:
    """A score block a sheet stacks above its line-ups, a line each.

    The home club, its goals, the away club, its goals ("sant'agostino" / "1" / "del duca grama" /
    "1"), the clubs as the line-ups name them.
    """
    lines = [line.strip() for line in text[:start].split("\n") if line.strip()][-4:]
    if len(lines) != 4 or not (lines[1].isdigit() and lines[3].isdigit()):
        return None
    named = [fold_text(lines[0]).endswith(fold_text(home)), fold_text(lines[2]) == fold_text(away)]
    if not all(named) or max(int(lines[1]), int(lines[3])) > 20:
        return None
    return int(lines[1]), int(lines[3])


def _bare_score_before(text: str, start: int) -> tuple[int, int] | None:
    """A line that is only a score, at most three lines above a sheet's first line-up ("1-2")."""
    above = text.rfind("\n", 0, max(0, start - 1))
    for _ in range(3):
        if above <= 0:
            break
        above = text.rfind("\n", 0, above)
    found = list(_BARE_SCORE.finditer(text, max(0, above), start))
    return (int(found[-1].group(1)), int(found[-1].group(2))) if found else None


def _tagged_count(entries: list[_Entry], home: str, away: str) -> tuple[int, int] | None:
    """Each team's goals where every entry of a goals line carries a tag naming one ("45' Stivaletta (V)")."""
    teams = [_team_of_ref(entry.ref, home, away) for entry in entries]
    if not entries or any(team is None for team in teams):
        return None
    return teams.count(home), teams.count(away)


def _unshouted(name: str, text: str) -> str:
    """A headline's capitals ("JUVENTUS") as the article writes the club elsewhere, else in title case."""
    if len(name) < 5 or not name.isupper():
        return name  # "SPAL", "AZ", "PSV": short capitals are how the club is written
    return _as_article_writes(name, text) or " ".join(_unshouted_word(word, text) for word in name.split(" "))


def _unshouted_word(word: str, text: str) -> str:
    """One word of a shouted name: a club affix stays in capitals ("CD"), else as the article writes it, else title."""
    if word.casefold() in _CLUB_AFFIXES and len(word) <= 4:
        return word
    return _as_article_writes(word, text) or word.title()


def _as_article_writes(name: str, text: str) -> str | None:
    """The text's own mixed-case spelling of `name`, if it has one (a score block's "sant'agostino" is not)."""
    for other in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
        if not other.group().isupper() and not other.group().islower():
            return other.group()
    return None


_LEADING_BRACKETS = re.compile(r"^(?:\s*\([^()\n]*\))*\s*")
_TAIL_START = re.compile(r"\d{1,3}\s?['’′]|[A-ZÀ-ÞØÆÅ]")


def _result_line_tails(text: str) -> list[tuple[int, str]]:
    """Scorers after a results line on its line: "Catania-Feralpisalò 2-0 (and. 1-1) 59′ Barišič, 71′ Russotto"."""
    tails = []
    for hit in _LISTED.finditer(text):
        line_end = text.find("\n", hit.end())
        tail = text[hit.end() : line_end if line_end >= 0 else len(text)]
        lead = _LEADING_BRACKETS.match(tail)
        start = hit.end() + (lead.end() if lead else 0)
        body = text[start : hit.end() + len(tail)]
        if _TAIL_START.match(body) and _MINUTE_IN_LIST.search(body):
            tails.append((start, body))
    return tails


#: One side of a wire summary (Opta): "Crystal Palace (0) 1 Scorers: W. Zaha 59 Yellow card: Doucouré 95
#: Subs used: ...", the half-time score in brackets, then the final; the home side comes first.
_SUMMARY_SIDE = re.compile(
    r"(?<![\w(])(?P<team>[A-ZÀ-Þ][\w'’&.´-]*(?:[ ](?:[A-ZÀ-Þ&][\w'’&.´-]*|de|and|of))*)"
    r"[ ]\((?P<ht>\d{1,2})\)[ ](?P<ft>\d{1,2})(?=\s|$)"
)
_SUMMARY_LABEL = re.compile(
    r"(?P<label>Scorers|Goals|Yellow cards?|Red cards?|Second yellow|Subs used|Substitutes|Attendance|Referee)\s?:\s*"
)


@functools.lru_cache(maxsize=16)
def summary_results(text: str) -> tuple[tuple[MatchStub, tuple[dict[str, Any], ...], tuple[dict[str, Any], ...]], ...]:
    """The matches of a wire summary, each with the goals and cards its sides list.

    A side's scorers count for that side (an own goal too: "L. Dunk 55og" under Fulham is
    Fulham's goal); a summary without a "Scorers:" label is not read.
    """
    if "Scorers:" not in text:
        return ()
    sides = [hit for hit in _SUMMARY_SIDE.finditer(text) if int(hit["ht"]) <= int(hit["ft"]) <= 20]
    found = []
    for home, away in zip(sides[::2], sides[1::2], strict=False):
        following = next((hit.start() for hit in sides if hit.start() > away.start()), len(text))
        if "..." in text[home.end() : away.start()] or _SUMMARY_LABEL.match(text, home.end() + 1) is None:
            break  # the pairing went astray: stop rather than pair the wrong sides
        stub = MatchStub(
            home_team=_WEEKDAY_PREFIX.sub("", home["team"]), away_team=_WEEKDAY_PREFIX.sub("", away["team"]),
            home_score=int(home["ft"]), away_score=int(away["ft"]),
        )  # fmt: skip
        goals: list[dict[str, Any]] = []
        cards: list[dict[str, Any]] = []
        bodies = ((stub.home_team, text[home.end() : away.start()]), (stub.away_team, text[away.end() : following]))
        for team, body in bodies:
            labels = list(_SUMMARY_LABEL.finditer(body))
            for label, after in zip(labels, [*labels[1:], None], strict=True):
                part = body[label.end() : after.start() if after else len(body)].split("....")[0]
                kind = label["label"].casefold()
                for entry in parse_line(part):
                    if kind in ("scorers", "goals"):
                        goals.append({
                            "player": entry.player, "team": team, "minute": entry.minute,
                            "penalty": entry.penalty, "own_goal": entry.own_goal, "assist": None,
                        })  # fmt: skip
                    elif kind.startswith(("yellow", "red", "second")):
                        colour = "yellow" if kind.startswith("yellow") else "red"
                        colour = "second_yellow" if kind.startswith("second") else colour
                        cards.append({"player": entry.player, "team": team, "minute": entry.minute, "card": colour})
        found.append((stub, tuple(goals), tuple(cards)))
    return tuple(found)
