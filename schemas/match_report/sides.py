"""Which side a goal counts for: task checks, as in `checks`.

The line-up that lists its scorer, the running score next to him, or the epithet ("the visitors") his
sentence gives his side.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from extractor.grounding import Grounder, fold_text
from extractor.plan import Finding

from .checks import _listed_minutes
from .facts import _lineup_team
from .models import MatchStub
from .words import _in_passage, _mentions, _running_side, _sentence_end, _sentence_start, _stop_before, _surname


def _paired_matches(data: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any], MatchStub]]:
    """Each match that names both teams, with its index and its teams and score as a stub."""
    for m, match in enumerate(data.get("matches") or []):
        home, away = match.get("home_team") or "", match.get("away_team") or ""
        if home and away:
            yield m, match, MatchStub(home_team=home, away_team=away, home_score=int(match.get("home_score") or 0),
                                      away_score=int(match.get("away_score") or 0))  # fmt: skip


def _goal_lineup_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A scorer the line-up of one team lists scores for that team (an own goal aside)."""
    findings = []
    for m, match, stub in _paired_matches(data):
        for g, goal in enumerate(match.get("goals") or []):
            if goal.get("own_goal") or not goal.get("player"):
                continue
            team = _lineup_team(str(goal["player"]), stub, grounder.cleaned.text)
            if team and team != goal.get("team"):
                message = f"the line-up of {team!r} lists {goal['player']!r}"
                findings.append(Finding(("matches", m, "goals", g, "team"), "team_from_lineup", message, "set", team))
    return findings


def _goal_side_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A running score next to the scorer says which team the goal counts for."""
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        for g, goal in enumerate(match.get("goals") or []):
            if goal.get("minute") in _listed_minutes(grounder.cleaned.text).get(_surname(goal.get("player") or ""), ()):
                continue  # a scorers line gave its team ("35' rig. Lukaku (I)")
            side = _running_side(grounder, goal.get("player") or "")
            if side is None:
                continue
            team = match.get(f"{side}_team")
            if team and goal.get("team") != team:
                message = f"the running score next to {goal.get('player')!r} says the goal counts for {team!r}"
                path = ("matches", m, "goals", g, "team")
                findings.append(Finding(path, "team_from_running_score", message, "set", team))
    return findings


#: A scorer's team in brackets right after his name (folded): "70’ Zanoli (pour La Sarraz)", "Kane (for Spurs)".
_FOR_TEAM = re.compile(
    r"[ \t]*\((?:pour|for|fur|per|para|voor|til)[ \t]+(?:(?:the|le|la|les|el|il|lo|de|het|den|die|der)[ \t]+|l['’])?"
    r"(?P<team>[^\W\d][^()\n]{1,40})\)"
)


def _goal_for_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A scorer the article tags with his team in brackets ("70’ Zanoli (pour La Sarraz)") scores for that team.

    Every tag of the player must name the same one of the two teams; a line-up that lists him decides instead.
    """
    text = grounder.folded_text
    findings = []
    for m, match, stub in _paired_matches(data):
        for g, goal in enumerate(match.get("goals") or []):
            player = str(goal.get("player") or "")
            if not player or _lineup_team(player, stub, grounder.cleaned.text):
                continue
            tags = [hit["team"] for _, end in _mentions(grounder, player) if (hit := _FOR_TEAM.match(text, end))]
            named = {team for tag in tags for team in (stub.home_team, stub.away_team) if _in_passage(team, tag)}
            if len(named) == 1 and (team := named.pop()) != goal.get("team"):
                message = f"the article tags {player!r} with {team!r} in brackets"
                findings.append(Finding(("matches", m, "goals", g, "team"), "team_from_tag", message, "set", team))
    return findings


#: The sides called by an epithet in a goal's sentence (folded): "sono gli ospiti, che trovano il gol con Bergamini".
_SIDE_EPITHET = re.compile(
    r"(?<!\w)(?:(?P<against>against|over|with|to|vs\.?|gegen|contro|contre|face aux|contra|ante|tegen|mod)\s+)?"
    r"(?:the|die|gli|i|les|los|las|de|het|la|le)?\s*"
    r"(?:(?P<away>visitors|visiting side|away side|guests|gaste|ospiti|visiteurs|visitantes|bezoekers|gasten"
    r"|gæsterne|gaesterne|udeholdet)|(?P<home>hosts|home side|gastgeber|hausherren|padroni di casa|locali"
    r"|locaux|locales|thuisploeg|hjemmeholdet|værterne|vaerterne))(?!\w)"
)


def _goal_epithet_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A goal whose sentence calls the scorer's side the visitors or the hosts, next to him, is that side's.

    "... sono gli ospiti, che trovano il gol con Bergamini", "wobei Patrick Zierott die Gäste zweimal in Führung
    schoss": the model gave these goals to the home team. Only where the article names the scorer in one
    sentence, that sentence names neither team and sets nothing against them ("maar"), and no capitalised
    word (another player, a club) stands between him and the epithet; not for "against the visitors", nor
    where a line-up or a running score tells the side.
    """
    findings = []
    for m, match, stub in _paired_matches(data):
        home, away = stub.home_team, stub.away_team
        for g, goal in enumerate(match.get("goals") or []):
            player = str(goal.get("player") or "")
            if not player or goal.get("own_goal") or _lineup_team(player, stub, grounder.cleaned.text):
                continue
            if _running_side(grounder, player) is not None:
                continue
            side = _epithet_side(grounder, player, (home, away))
            team = match.get(f"{side}_team") if side else None
            if team and team != goal.get("team"):
                called = "visitors" if side == "away" else "hosts"
                message = f"the sentence of {player!r}'s goal calls his side the {called}"
                findings.append(Finding(("matches", m, "goals", g, "team"), "team_from_epithet", message, "set", team))
    return findings


def _epithet_side(grounder: Grounder, player: str, teams: tuple[str, str]) -> str | None:
    """"home" or "away" where the one sentence naming the player calls his side so right next to him."""
    text = grounder.folded_text
    mentions = list(_mentions(grounder, player))
    bounds = {(_sentence_start(text, a, _stop_before), _sentence_end(text, b)) for a, b in mentions}
    if len(bounds) != 1:
        return None
    ((start, end),) = bounds
    sentence = text[start:end]
    if any(_in_passage(team, sentence) for team in teams) or _CONTRAST.search(sentence):
        return None  # "leek de thuisploeg op weg naar de winst, maar een doelpunt van X": the other side
    sides = set()
    for hit in _SIDE_EPITHET.finditer(text, start, end):
        if hit["against"]:
            return None
        a, b = min(hit.end(), *(m[0] for m in mentions)), max(hit.start(), *(m[1] for m in mentions))
        gap = grounder.cleaned.original[slice(*grounder.to_original(a, b))] if b > a else ""
        near = min(abs(hit.start() - m[1]) if hit.start() >= m[1] else abs(m[0] - hit.end()) for m in mentions)
        between = [w for w in _CAPITALISED.findall(gap) if fold_text(w) not in fold_text(player)]
        if near > _EPITHET_NEAR or between:
            return None
        sides.add("away" if hit["away"] else "home")
    return sides.pop() if len(sides) == 1 else None


_EPITHET_NEAR = 60
_CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÀ-ÞØÆÅ][\w'’-]+")


_CONTRAST = re.compile(r"(?<!\w)(?:but|maar|aber|doch|ma|però|mais|pero|sin embargo|men|however|yet)(?!\w)")
