"""The plan's matches: results read by code, then step 1's answers, each pair once, clubs as written.

Also step 2's questions (`_detail_contexts`) and the evidence quoted for a match.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

from extractor.grounding import Grounder, fold_text
from extractor.names import CLUB_ALIASES
from extractor.names import club_key as team_key
from extractor.names import same_club as same_team
from extractor.plan import Answers

from .hosts import (
    _STANDINGS,
    _between,
    _favoured_order,
    _host_then_score,
    _same_pair,
    _winner_told,
    _won_over,
    _written_order,
    fixture_told,
    host_in_sentence,
)
from .minutes import _MINUTE_EXPR
from .models import MatchStub
from .results import (
    _WEEKDAY_PREFIX,
    _sheet_order,
    goalless_listed,
    idiom_results,
    listed_results,
    sheet_results,
    summary_results,
)
from .words import (
    _CARD_WORDS,
    _MATCH_WORDS,
    _in_passage,
    _mentions_of_team,
    _pair,
    _sentence_start,
    score_pattern,
    score_stated,
)

_LEDE = 600  # the headline and first paragraph: where a single-match report names its two teams


def _final_results(
    answers: Answers, grounder: Grounder, listed: Sequence[MatchStub] = ()
) -> tuple[list[MatchStub], list[MatchStub], int]:
    """Step 1's final results, each pair once: those whose passage names both teams, then the others.

    Where a pair has several, the one the headline writes ("... face au Havre (1-1)" over the "2-2" of
    the match before, taken for this pair), else the one with most goals: a half-time or running score
    taken for a result is never more than the final. A team the passage does not name is the model's guess
    from elsewhere; it is kept, as a weaker result, only when the article's lede names it and the
    article names it twice ("kampen endte 2-1" after a lede naming both clubs). A club is a proper
    noun: a team the article never writes with a capital ("los sevillanos") is no team. A score whose
    sentence names a club of a results line (`listed`) with that score is that line's match: another
    pair the model gave it ("I friulani si impongono per 3-0 sul Libarna" taken for the clubs of the
    sentence before) is dropped.
    """
    lede = grounder.cleaned.text[:_LEDE]
    headline = lede.lstrip().split("\n", 1)[0]

    def weak_support(team: str) -> bool:
        return _in_passage(team, lede) and len(_capitalised_mentions(grounder, team)) >= 2

    best: dict[frozenset[str], tuple[bool, MatchStub]] = {}
    told: set[frozenset[str]] = set()  # pairs whose sentence says who beat whom
    # a score asked again answers for itself: its first answer (the sentence before's clubs) no longer counts
    again = {context["at"] for context, answer in answers.get("results_wider", []) if answer is not None}
    asked = [(c, a) for c, a in answers.get("results", []) if c["at"] not in again]
    for context, answer in [*asked, *answers.get("results_wider", [])]:
        kind = "final" if context.get("settled") == "final" else getattr(answer, "result", None)
        if answer is None or not (kind == "final" or (kind == "other" and (
            not context["score"][0].isdigit() or _between(context) is not None
        ))):
            continue  # a goalless draw or an only goal in words is a result, and so is a score whose sentence
            # names the two teams ("I kampen mellem Skive og Brabrand ... delte ... med 1-1"): the model calls
            # them "other" at times
        home, away = answer.home_team, answer.away_team  # type: ignore[attr-defined]
        if home and away:
            home, away = _unpaired(home, away), _unpaired(away, home)
            article = grounder.cleaned.text
            home, away = _as_written(home, context["passage"], article), _as_written(away, context["passage"], article)
        scores = (answer.home_score, answer.away_score)  # type: ignore[attr-defined]
        if home and away:
            home, away, scores = _header_opponent(context, home, away, scores, grounder)
        home, away, scores = _sentence_pair(context, home, away, scores, grounder.cleaned.text)
        won = _won_over(context, (home, away)) if home and away else None
        if won is None and (not home or not away or sorted(scores) != sorted((context["first"], context["second"]))):
            continue  # (a win told in the sentence stands whatever numbers the model gave)
        if won is not None:  # the sentence says who beat whom, and where
            home, away, scores = _answer_names(won[0], (home, away)), _answer_names(won[1], (home, away)), won[2]
            told.add(_pair(home, away))
        else:
            home, away, scores = _written_order(context, home, away, _winner_told(context, home, away, scores))
            home, away, scores = _favoured_order(context, *_host_then_score(context, home, away, scores))
        if not (_is_club(grounder, home) and _is_club(grounder, away)) or _one_inside_other(home, away) \
                or _a_listed_match(context, (home, away), scores, listed):
            continue
        passage = context["passage"]
        if won is None:  # "den Rückstand auf Borussia Dortmund": no opponent, unless a win is told of it
            passage = _STANDINGS.sub(" ", passage)
        named = [_in_passage(team, passage) for team in (home, away)]
        if not all(named) and not all(
            seen or weak_support(team) for seen, team in zip(named, (home, away), strict=True)
        ):
            continue
        stub = MatchStub(home_team=home, away_team=away, home_score=scores[0], away_score=scores[1])
        pair = _pair(home, away)
        kept = best.get(pair)
        if kept is None or (all(named), *_rank(stub, headline)) > (kept[0], *_rank(kept[1], headline)):
            best[pair] = (all(named), stub)
    strong = [stub for named, stub in best.values() if named]
    said = [stub for stub in strong if _pair(stub.home_team, stub.away_team) in told]
    rest = [stub for stub in strong if _pair(stub.home_team, stub.away_team) not in told]
    return [*said, *rest], [stub for named, stub in best.values() if not named], len(said)


#: A round-up's section header, a fixture on a line of its own: "FC Lendorf gegen SV St. Jakob/Ros.".
_HEADER_SIDE = r"[A-ZÀ-ÞØÆÅ][\w.'’&/-]*(?:[ ](?:[A-ZÀ-ÞØÆÅ0-9][\w.'’&/-]*|de|del|di|la|le|van|von|am|an|der|y|e)){0,4}"
_FIXTURE_HEADER = re.compile(
    rf"^[ \t]*(?P<home>{_HEADER_SIDE})[ \t]+(?:gegen|vs\.?|v\.?|contre|contro|contra|tegen|mod|[-–])[ \t]+"
    rf"(?P<away>{_HEADER_SIDE})[ \t]*$",
    re.MULTILINE,
)
_HEADER_REACH = 1500  # a section's report: the header stands at most this far before the score


def _header_opponent(
    context: dict[str, Any], home: str, away: str, scores: tuple[int, int], grounder: Grounder
) -> tuple[str, str, tuple[int, int]]:
    """The answer's pair with a name that is no club replaced by the other side of its section's header.

    "FC Lendorf gegen SV St. Jakob/Ros." over "... brachte einen 3:2-Auswärtserfolg für die Höller-Elf":
    the model named the coach's side ("Höller-Elf"); the header names the club, and its order (host
    first) is the pair's, each team keeping its goals. Only the last header before the score, and only
    where it names the answer's other team.
    """
    at = grounder.to_original(context["at"], context["at"] + 1)[0]
    original = grounder.cleaned.original
    headers = [hit for hit in _FIXTURE_HEADER.finditer(original, max(0, at - _HEADER_REACH), at)]
    if not headers:
        return home, away, scores
    sides = (headers[-1]["home"].strip().rstrip("."), headers[-1]["away"].strip())
    for mine, other in ((home, away), (away, home)):
        if _is_club(grounder, other) or not any(same_team(mine, side) for side in sides):
            continue
        opponent = next((side for side in sides if not same_team(mine, side)), None)
        if opponent is None:
            continue
        goals = dict(zip((home, away), scores, strict=True))
        goals[opponent] = goals.pop(other)
        first, second = (mine, opponent) if same_team(mine, sides[0]) else (opponent, mine)
        return first, second, (goals[first], goals[second])
    return home, away, scores


def _sentence_pair(
    context: dict[str, Any], home: str, away: str, scores: tuple[int, int], article: str
) -> tuple[str, str, tuple[int, int]]:
    """The teams the score's own sentence names, where they are not the answer's.

    "Kampen mellem Skive og FC Roskilde sluttede 1-1", or a fixture "A-B" before the score: the
    sentence names the two teams itself (of a draw, in the order it names them; no host told: the
    first named is home). "De Dijk speelde uit bij DOVO met 1-1": the host it names, not the club
    of the sentence before that the model took.
    """
    told_pair = fixture_told(context, (home, away), article) if home and away else None
    visited = host_in_sentence(context, (home, away)) if told_pair is None else None
    if visited is not None:
        own, other = scores if home == visited[1] else (scores[1], scores[0])
        (home, away), scores = visited, (other, own)
    between = _between(context) or told_pair
    drawn = context["first"] == context["second"]
    if between is not None and home and away and (drawn or not _same_pair((home, away), between)):
        return between[0], between[1], (context["first"], context["second"])
    return home, away, scores


def _a_listed_match(context: dict[str, Any], pair: tuple[str, str], scores: tuple[int, int],
                    listed: Sequence[MatchStub]) -> bool:
    """Whether the score's own sentence names a club of a results line with this score, and neither of `pair`."""
    passage = context["passage"]
    written = score_pattern(context["first"], context["second"]).search(passage)
    if written is None:
        return False
    sentence = passage[passage.rfind(". ", 0, written.start()) + 1 : written.end() + 60]
    if any(_in_passage(team, sentence) for team in pair):
        return False  # "Ajax won 2-0 at PSV, and so did Feyenoord": the answer's own clubs are the sentence's
    for other in listed:
        if sorted((other.home_score, other.away_score)) != sorted(scores):
            continue
        teams = (other.home_team, other.away_team)
        if any(same_team(one, two) for one in pair for two in teams):
            continue
        if any(_in_passage(team, sentence) for team in teams):
            return True
    return False


def _rank(stub: MatchStub, headline: str) -> tuple[bool, int]:
    """How a pair's result stands against another of the same pair: written in the headline, then goals."""
    scores = (stub.home_score, stub.away_score)
    return bool(score_pattern(*scores).search(headline)), sum(scores)


def _unpaired(team: str, other: str) -> str:
    """A "team" the model copied with its opponent ("Vastese-Cesena" against "Cesena"): the other part."""
    parts = [part.strip() for part in re.split(r"\s?[-–/]\s?", team)]
    if len(parts) == 2 and all(parts):
        for part, rest in ((parts[0], parts[1]), (parts[1], parts[0])):
            if same_team(part, other):
                return rest
    return team


def _answer_names(written: str, answer: tuple[str, str]) -> str:
    """The answer's name for a club a sentence names with words around it.

    A headline run into the lede ("... des Jahres Leverkusen gewinnt 2:0") makes "Jahres
    Leverkusen" of "Leverkusen".
    """
    words = written.split()
    for start in range(1, len(words)):
        tail = " ".join(words[start:])
        for name in answer:
            if name and fold_text(tail) == fold_text(name):
                return name
    return written


_NAME_RUN = re.compile(r"(?<![\w'’])[A-ZÀ-ÞØÆÅ][\w'’.-]+(?:[ ][A-ZÀ-ÞØÆÅ][\w'’.-]+){0,2}")
_MISCOPY_RATIO = 0.8


def _as_written(team: str, passage: str, article: str = "") -> str:
    """The passage's own spelling of a club the model miscopied ("Patrato" for "Patronato"), else `team`.

    Only a capitalised run of the passage that starts like the answer and differs from it by a
    letter or two (ratio >= 0.8); the answer stands where the passage names it, where the rest of
    the `article` writes it so (the passage's "Racalbuto" is the page's slip for its "Racalmuto"),
    or where nothing is close.
    """
    if _in_passage(team, passage) or len(team) < 5 or (article and _in_passage(team, article)):
        return team
    folded = fold_text(team)
    best, best_ratio = team, _MISCOPY_RATIO
    for hit in _NAME_RUN.finditer(passage):
        words = hit.group().split()
        runs = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
        for run in dict.fromkeys(runs):
            candidate = fold_text(run.rstrip(".,"))
            if candidate[:3] != folded[:3]:
                continue
            ratio = difflib.SequenceMatcher(None, folded, candidate).ratio()
            if ratio >= best_ratio and ratio < 1.0:
                best, best_ratio = run.rstrip(".,"), ratio
    return best


def _stubs(answers: Answers, grounder: Grounder) -> list[MatchStub]:
    """The matches: results lines read by code, then step 1's answers; each reported pair once."""
    out: list[MatchStub] = []
    seen: set[frozenset[str]] = set()
    text = grounder.cleaned.text
    lines = listed_results(text)  # "LAZIO WOMEN – CHIEVO FORTITUDO WOMEN: 1-0": home first, whatever the line-ups say
    listed = [*(stub for stub, _, _ in summary_results(text)), *lines]
    listed += [stub for stub in idiom_results(text) if not any(_shares_team(stub, other) for other in listed)]
    listed += [stub for stub in goalless_listed(text) if not any(_shares_team(stub, other) for other in listed)]
    listed += [stub for stub in sheet_results(text) if not any(_shares_team(stub, other) for other in listed)]
    joined = {team_key(f"{s.home_team} {s.away_team}") for s in listed}
    strong, weak, said = _final_results(answers, grounder, listed)
    strong, weak = [_named(stub, grounder) for stub in strong], [_named(stub, grounder) for stub in weak]
    first = 0  # results lines, then the pairs whose own sentence says who beat whom: kept before the rest
    for number, stub in enumerate([*listed, *strong]):
        pair = _pair(stub.home_team, stub.away_team)
        if pair in seen or team_key(stub.home_team) in joined or team_key(stub.away_team) in joined:
            continue
        seen.add(pair)
        out.append(stub)
        first += number < len(listed) + said
    out = _once_per_team(out, first, grounder)
    # a result whose teams only the lede names counts where no better result has either team
    weak = [stub for stub in weak if not any(_shares_team(stub, other) for other in out)]
    return [stub if stub in lines else _sheet_order(stub, text) for stub in [*out, *_once_per_team(weak, 0, grounder)]]


def _named(stub: MatchStub, grounder: Grounder) -> MatchStub:
    """The model's names as the article writes the clubs; a pair naming one club twice gets its opponent."""
    stub = stub.model_copy(update={"home_team": _club_name(stub.home_team, grounder),
                                   "away_team": _club_name(stub.away_team, grounder)})  # fmt: skip
    return _with_opponent(stub, grounder) if same_team(stub.home_team, stub.away_team) else stub


def _shares_team(stub: MatchStub, other: MatchStub) -> bool:
    return any(same_team(one, two) for one in (stub.home_team, stub.away_team)
               for two in (other.home_team, other.away_team))  # fmt: skip


def _once_per_team(stubs: list[MatchStub], listed: int, grounder: Grounder) -> list[MatchStub]:
    """A team plays one match of a round: of the model's results that share a team, keep one.

    Results lines come first; then the result the article supports, with the most goals (a running
    score paired with the wrong opponent loses to the final), whose teams it names most often. A
    result whose two teams no sentence with its score names, with the sentence before it, yields to
    one whose teams are so named: "Il Torrebruna" (a heading) / "... il Liscia ... è caduto contro il
    Tornareccio. 0-4 il finale" is not Torrebruna's match, "il Torrebruna ha battuto 1 a 0 il Virtus Tre
    Ville" is.
    """
    def rank(item: tuple[int, MatchStub]) -> tuple[int, int, int, int, int]:
        index, stub = item
        named = len(_mentions_of_team(grounder, stub.home_team)) + len(_mentions_of_team(grounder, stub.away_team))
        supported = index < listed or _stub_supported(stub, grounder)
        told = index < listed or _told_with_its_teams(stub, grounder)
        return (index >= listed, not supported, not told, -(stub.home_score + stub.away_score), -named)

    kept: list[tuple[int, MatchStub]] = []
    for index, stub in sorted(enumerate(stubs), key=rank):
        if index >= listed and any(_shares_team(stub, other) for _, other in kept):
            continue
        kept.append((index, stub))
    return [stub for _, stub in sorted(kept, key=lambda item: item[0])]


_NOT_A_CLUB = frozenset(
    {"the", "this", "that", "after", "before", "with", "when", "while", "their", "they", "serie", "liga", "league",
     "premier", "champions", "stadium", "stadio", "estadio", "stade", "coach", "manager"}
)  # fmt: skip


def _with_opponent(stub: MatchStub, grounder: Grounder) -> MatchStub:
    """A pair that names one club twice ("Roma" v "AS Roma"): the other side from the result's sentence.

    The opponent is the capitalised name in the sentence that states the score which the article
    names most often (three times at least); with none, the pair stays as it was and is dropped.
    """
    folded = grounder.folded_text
    team = fold_text(stub.home_team)
    for hit in score_pattern(stub.home_score, stub.away_score).finditer(folded):
        start = _sentence_start(folded, hit.start())
        stops = [i for i in (folded.find(". ", hit.end()), folded.find("\n", hit.end())) if i >= 0]
        end = min([*stops, len(folded)])
        sentence_start, sentence_end = grounder.to_original(start, end)
        sentence = grounder.cleaned.original[sentence_start:sentence_end]
        counts: dict[str, int] = {}
        for word in re.findall(r"(?<![\w'’])[A-ZÀ-ÞØÆÅ][\w'’\-]{3,}", sentence):
            key = fold_text(word)
            if key in _NOT_A_CLUB or key in team or _WEEKDAY_PREFIX.match(word + " "):
                continue
            counts[word] = len(grounder.find_all(word))
        best = max(counts.items(), key=lambda item: item[1], default=None)
        if best is not None and best[1] >= 3:
            return stub.model_copy(update={"away_team": best[0]})
    return stub


#: A club joined to a player's role, then his name: Dutch/German/Danish compounds ("Rouveen-aanvaller
#: Daimen Schra", "VfB-Stürmer Silas Wamangituka", "Hobro-spilleren").
_ROLE_COMPOUND = re.compile(
    r"^(?P<club>[A-ZÀ-ÞØÆÅ][\w'’.]*)-(?i:aanvaller|verdediger|middenvelder|spits|doelman|keeper|trainer|coach"
    r"|stürmer|verteidiger|mittelfeldspieler|torwart|torhüter|profi|spieler|spilleren|angriber|forsvarer|træner"
    r"|målmand|kaptajn|aanvoerder|kapitän)(?:\s+[A-ZÀ-ÞØÆÅ][\w'’-]+)*$"
)


#: A club in the genitive before lower-case words: "FC Midtjyllands medalje-aspiranter", "Liverpool's defence".
_GENITIVE_PHRASE = re.compile(r"^(?P<club>[A-ZÀ-ÞØÆÅ][\w.'’ -]*?[^\W\d_])(?:s|'s|’s)(?:[ ][a-zà-ÿæøå][\w-]*)+$")


def _club_name(team: str, grounder: Grounder) -> str:
    """The club's name as the article writes it, where the model gave a word of it.

    "Mailand" of "Inter Mailand" (a known club name in the text) is "Inter Mailand"; the German
    demonym "Dortmunder" ("die Dortmunder") is "Dortmund" when the article also writes that; a
    club in the genitive with the words after it ("FC Midtjyllands medalje-aspiranter") is the
    club, when the article also writes it so.
    """
    role = _ROLE_COMPOUND.match(team)
    if role:  # "Rouveen-aanvaller Daimen Schra": the club of a player's role, not a club
        return role["club"]
    if team.endswith(("s'", "s’")) and grounder.find_all(team[:-1]):  # "AC Horsens'" of "til AC Horsens' unge hold"
        team = team[:-1]
    genitive = _GENITIVE_PHRASE.match(team)
    if genitive and grounder.find_all(genitive["club"]):  # "FC Midtjyllands medalje-aspiranter"
        return genitive["club"]
    folded = fold_text(team).strip()
    if not folded or " " in folded or folded in CLUB_ALIASES or folded in CLUB_ALIASES.values():
        return team
    for key in CLUB_ALIASES:
        if " " in key and folded in key.split():
            hits = grounder.find_all(key)
            if hits:
                start, end = grounder.to_original(*hits[0])
                return grounder.cleaned.original[start:end]
    if len(folded) >= 6 and folded.endswith("er"):
        hits = grounder.find_all(team[:-2])
        if hits:
            start, end = grounder.to_original(*hits[0])
            return grounder.cleaned.original[start:end]
    return team


def _told_with_its_teams(stub: MatchStub, grounder: Grounder) -> bool:
    """Whether a sentence that writes the stub's score ("2-1", "1:2", "2 a 1"), with the one before, names its teams."""
    text = grounder.folded_text
    high, low = max(stub.home_score, stub.away_score), min(stub.home_score, stub.away_score)
    either = rf"{high}\s?[-:–]\s?{low}|{low}\s?[-:–]\s?{high}|{high} a {low}|{low} a {high}"
    written = re.compile(rf"(?<![\d.,/])(?:{either})(?!\d)")
    for hit in written.finditer(text):
        start = _sentence_start(text, max(0, _sentence_start(text, hit.start()) - 2))
        stops = [i for i in (text.find(". ", hit.end()), text.find("\n", hit.end())) if i >= 0]
        sentences = text[start : min([*stops, len(text)])]
        if all(_in_passage(team, sentences) for team in (stub.home_team, stub.away_team)):
            return True
    return False


def _stub_supported(stub: MatchStub, grounder: Grounder) -> bool:
    return (
        not same_team(stub.home_team, stub.away_team)
        and grounder.locate(stub.home_team) is not None
        and grounder.locate(stub.away_team) is not None
        and score_stated(grounder.folded_text, stub.home_score, stub.away_score, (stub.home_team, stub.away_team))
    )


def _detail_contexts(answers: Answers, grounder: Grounder) -> list[dict[str, Any]]:
    """One question per match that survives the article's own check (saves calls)."""
    cards = _CARD_WORDS.search(grounder.folded_text) is not None
    summarised = {_pair(stub.home_team, stub.away_team) for stub, _, _ in summary_results(grounder.cleaned.text)}
    return [
        {"index": index, **stub.model_dump(), "cards_mentioned": cards}
        for index, stub in enumerate(_stubs(answers, grounder))
        if _stub_supported(stub, grounder) and _said_more_than_once(stub, grounder)
        and _pair(stub.home_team, stub.away_team) not in summarised  # a wire summary lists it all
    ]


#: A line that tells who scored ("gol del baby fenomeno Haaland"), in the project's languages.
_SCORED_WORDS = re.compile(
    r"\b(?:goals?|scored|gol|goles|tore?|treffer|doelpunt(?:en)?|scoorde|buts?|rete|reti|segna\w*|marc[oó]|mal"
    r"|scorede|scorer)\b"
)


def _capitalised_mentions(grounder: Grounder, team: str) -> list[tuple[int, int]]:
    """The team's mentions that start with a capital (or a digit) in the original text."""
    original = grounder.cleaned.original
    return [
        (start, end) for start, end in _mentions_of_team(grounder, team)
        if not original[grounder.to_original(start, end)[0]].islower()
    ]  # fmt: skip


#: A dateline: a place opening a paragraph, then its agency or a stop ("Genova. Si è giocata ...",
#: "Bernburg/MZ/fk. - ...", "BERLIN (dpa) -"); the place is where the story was filed, not a club.
_DATELINE_AFTER = re.compile(r"(?:\.[ \t]+(?=[A-ZÀ-Þ])|/[A-Za-z]|[ \t]*\([\w ]{1,12}\)[ \t]*[-–])")


def _one_inside_other(home: str, away: str) -> bool:
    """A pair whose one name is all of the other's words ("VSK Aarhus" against "Aarhus"): one club, answered twice."""
    a, b = (fold_text(team) for team in (home, away))
    inside = [re.search(rf"(?<!\w){re.escape(x)}(?!\w)", y) for x, y in ((a, b), (b, a))]
    return a != b and bool(a and b) and any(hit is not None for hit in inside)


def _is_club(grounder: Grounder, team: str) -> bool:
    """Whether the article names the team as a club: capitalised, not only as its dateline.

    Not the word for the match either ("Kampen i Aarhus endte 1-1": "Kampen" is the match, not the opponent).
    """
    folded = fold_text(team)
    if folded in _MATCH_WORDS or folded in _SQUAD_WORDS or _PLACE_WORD.search(folded) or _COACHS_SIDE.search(team):
        return False
    return bool(_club_mentions(grounder, team))


#: A squad of a club, not a club: "SENIORS 1:4-ECHENEVEX:2" on a club's own site is its first team. A
#: youth side with its letter ("el Juvenil A", "Cadete A") stays: a club's own site often never names
#: the club, and the side is then the only name its results have.
_SQUAD_WORDS = frozenset(
    {"seniors", "senior", "seniors 1", "seniors 2", "juniors", "reserves", "reserve", "equipe 1", "equipe 2",
     "l'equipe 2", "first team", "u19", "u17", "u21", "u23", "a-junioren", "b-junioren", "talenter", "damen",
     "herren", "frauen", "femenino", "juvenil", "cadete", "allievi", "primavera", "jeugd"}
)  # fmt: skip
#: A coach's side, not a club: "die Höller-Elf", "die Klopp-Truppe", "de ploeg van" is no name either.
_COACHS_SIDE = re.compile(r"^[A-ZÀ-ÞØÆÅ][\w'’]+-(?:Elf|Truppe|Schützlinge|Sieben|Mannschaft)$")
#: A ground or a street, not a club: "på Peter Bangs Vej" (a training ground's road), "Hampden Park" is a
#: stadium too but "Park" also ends clubs' names ("Queen's Park"), so it is not here.
_PLACE_WORD = re.compile(
    r"(?:vej|gade|strasse|straße|stadion|sportpark)$"
    r"|\b(?:alle|road|street|lane|avenue|calle|rue|laan|straat|weg|estadio|stadio|stadium|arena)\b"
)  # not "stade": it opens clubs' names ("Stade Rennais")


def _club_mentions(grounder: Grounder, team: str) -> list[tuple[int, int]]:
    """The capitalised mentions of a team that are not the article's dateline."""
    original = grounder.cleaned.original
    mentions = []
    for start, end in _capitalised_mentions(grounder, team):
        a, b = grounder.to_original(start, end)
        line_start = original.rfind("\n", 0, a) + 1
        if not original[line_start:a].strip() and _DATELINE_AFTER.match(original, b):
            continue
        mentions.append((start, end))
    return mentions


def _said_more_than_once(stub: MatchStub, grounder: Grounder) -> bool:
    """Whether there is more to ask about a match than its result.

    Not for a match whose teams the article names only once, with no minute on that line or the
    next (a results box: "OB-Vejle 0-1 Søndag Randers FC-FC Nordsjælland 3-4"); yes when they
    are named again (by a telling word of the name, also inflected: "Kölns"), or those lines list
    the scorers ("Rayo 1-Barcelona 1. Goles: 40' Yamal").
    """
    text = grounder.folded_text
    for team in (stub.home_team, stub.away_team):
        mentions = _mentions_of_team(grounder, team)
        if len(mentions) > 1:
            return True
        for start, end in mentions:
            # its own line and the next one ("SM Caen 0-1 Bordeaux" / "But : Sankharé (19e) ...")
            line_end = text.find("\n", end)
            next_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
            lines = text[start : next_end if next_end >= 0 else len(text)]
            own_line = text[start : line_end if line_end >= 0 else len(text)]
            if _MINUTE_EXPR.search(lines) or _SCORED_WORDS.search(own_line):
                return True
    return False


def _evidence(stub: MatchStub, grounder: Grounder) -> str | None:
    """The words around the score that state the result (preferring a hit naming both teams)."""
    text = grounder.folded_text
    names = [fold_text(stub.home_team), fold_text(stub.away_team)]
    best: tuple[int, int] | None = None
    for hit in score_pattern(stub.home_score, stub.away_score).finditer(text):
        start = max(text.rfind(". ", 0, hit.start()) + 2, text.rfind("\n", 0, hit.start()) + 1, hit.start() - 90)
        stops = [i for i in (text.find(". ", hit.end()), text.find("\n", hit.end())) if i >= 0]
        end = min([*stops, hit.end() + 90, len(text)])
        if start > 0 and text[start - 1].isalnum():  # never cut a word
            start = text.find(" ", start) + 1 or hit.start()
        if end < len(text) and text[end].isalnum():
            end = max(text.rfind(" ", hit.end(), end), hit.end())
        found = sum(name in text[start:end] for name in names)
        if best is None or found == 2:
            best = (start, end)
            if found == 2:
                break
    if best is None:
        return None
    start, end = grounder.to_original(*best)
    return grounder.cleaned.original[start:end].strip() or None
