"""Which side won, told in side words next to the score: a task check, as in `checks`.

Runs after the host check: "Kampen endte med et svidende 0-4 nederlag til hjemmeholdet" turns round a
score the model paired with the wrong club, whichever club the host check made home.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from extractor.grounding import Grounder
from extractor.plan import Finding

from .words import _in_passage, _mentions_of_team, _sentence_start, score_pattern

#: Words next to a score that say which side won, whoever the sides are (folded): "Kampen endte med et
#: svidende 0-4 nederlag til hjemmeholdet", "der Auswärtssieg", "una vittoria esterna", "a home win".
_SIDE_OUTCOME = re.compile(
    r"\b(?:(?P<away>nederlag til hjemmeholdet|sejr til (?:gæsterne|gaesterne|udeholdet)|udesejr|auswartssieg"
    r"|heimniederlage|uitzege|uitoverwinning|thuisnederlaag|vittoria esterna|successo esterno|colpo esterno"
    r"|blitz esterno|sconfitta interna|away win|away victory|home defeat|victoire a l'exterieur"
    r"|defaite a domicile|victoria visitante|triunfo visitante|derrota en casa(?! de))"
    r"|(?P<home>hjemmesejr|sejr til hjemmeholdet|nederlag til (?:gæsterne|gaesterne|udeholdet)|heimsieg"
    r"|thuiszege|thuisoverwinning|vittoria interna|successo interno|home win|home victory|away defeat"
    r"|victoire a domicile|victoria local|triunfo local))\b"
)


#: ... and of a 1-0, the only goal told for a side: "scorede Kim Have kampens eneste mål for værterne" (folded).
_ONLY_GOAL_FOR = re.compile(
    r"\b(?:eneste|enlige|only|lone|einzige|einzigen|unico|seul|enige)\s+(?:mal|goal|tor|treffer|gol|but|doelpunt)"
    r"\b(?:\s+\S+){0,3}?\s+(?:for|til|fur|per|pour|voor|para|der|des|dei|degli|del)\s+"
    r"(?:the\s+|de\s+|die\s+|den\s+|i\s+|gli\s+|les\s+|los\s+)?"
    r"(?:(?P<home>hosts|home side|værterne|vaerterne|hjemmeholdet|gastgeber|hausherren|padroni di casa|locaux"
    r"|locales|thuisploeg)|(?P<away>visitors|gæsterne|gaesterne|udeholdet|gaste|ospiti|visiteurs|visitantes"
    r"|gasten|bezoekers))\b"
)


def _side_outcome(grounder: Grounder, match: dict[str, Any], alone: bool) -> str | None:
    """"home" or "away": the side the words next to the match's score say won, else None.

    Only in a sentence of the score that names one of the match's teams, or anywhere in an article
    of one match; None as well where both sides are said.
    """
    text = grounder.folded_text
    teams = [match.get("home_team") or "", match.get("away_team") or ""]
    said: set[str] = set()
    for hit in score_pattern(match["home_score"], match["away_score"]).finditer(text):
        start = _sentence_start(text, hit.start())
        stops = [i for i in (text.find(". ", hit.end()), text.find("\n", hit.end())) if i >= 0]
        end = min([*stops, len(text)])
        if not alone and not any(team and _in_passage(team, text[start:end]) for team in teams):
            continue
        for word in _SIDE_OUTCOME.finditer(text, max(start, hit.start() - 40), min(end, hit.end() + 40)):
            said.add("home" if word["home"] else "away")
    if sorted((match["home_score"], match["away_score"])) == [0, 1]:
        for hit in _ONLY_GOAL_FOR.finditer(text):
            before = _sentence_start(text, max(0, _sentence_start(text, hit.start()) - 2))
            if alone or any(team and _in_passage(team, text[before : hit.end()]) for team in teams):
                said.add("home" if hit["home"] else "away")
    return next(iter(said)) if len(said) == 1 else None


#: A team, then the words that it won (folded): "Real Madrid heeft het uitduel met Benfica ... gewonnen (0-1)",
#: "Kiel hat das Derby gegen Lübeck ... gewonnen", "Roma ha vinto", "Brest a gagné", "AGF har vundet".
_SUBJECT_WON = re.compile(
    r"\s+(?:heeft|hat|has|ha|a|har)\s+(?:[^.\n]{0,80}?\s)?(?:gewonnen|won|vinto|gagne|ganado|vundet)(?!\w)"
)
#: ... and not "hat nicht gewonnen", "has never won", "n'a pas gagné".
_NOT_WON = re.compile(r"(?<!\w)(?:not|never|nicht|nie|niet|nooit|non|mai|pas|jamais|ikke|aldrig|no|nunca)(?!\w)")


def _winner_by_verb(grounder: Grounder, match: dict[str, Any]) -> str | None:
    """"home" or "away": the one team a sentence with the match's score makes the subject of a win."""
    text = grounder.folded_text
    said: set[str] = set()
    for side in ("home", "away"):
        team = match.get(f"{side}_team") or ""
        for start, end in _mentions_of_team(grounder, team) if team else []:
            hit = _SUBJECT_WON.match(text, end)
            if hit is None or _NOT_WON.search(text, max(0, end - 6), hit.end()):
                continue
            sentence_end = min([i for i in (text.find(". ", hit.end()), text.find("\n", hit.end())) if i >= 0]
                               or [len(text)])  # fmt: skip
            stated = text[_sentence_start(text, start) : sentence_end]
            if score_pattern(match["home_score"], match["away_score"]).search(stated):
                said.add(side)
    return next(iter(said)) if len(said) == 1 else None


def _winner_by_verb_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A score turned round against the sentence that makes one of the two teams the winner."""

    def told(match: dict[str, Any], matches: list[dict[str, Any]]) -> tuple[str, str] | None:
        side = _winner_by_verb(grounder, match)
        return (side, f"the article says {match.get(side + '_team')!r} won") if side else None

    return _winner_findings(data, "score_from_winner", told)


def _side_outcome_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A score the model (or the host check after it) turned round against the words that say which side won."""

    def told(match: dict[str, Any], matches: list[dict[str, Any]]) -> tuple[str, str] | None:
        side = _side_outcome(grounder, match, alone=len(matches) == 1)
        return (side, f"the words next to the score say the {side} side won") if side else None

    return _winner_findings(data, "score_from_side", told)


def _winner_findings(
    data: dict[str, Any], rule: str,
    told: Callable[[dict[str, Any], list[dict[str, Any]]], tuple[str, str] | None],
) -> list[Finding]:
    """Each match's two scores swapped where `told` names the winning side ("home"/"away") the score does not."""
    matches = data.get("matches") or []
    findings = []
    for m, match in enumerate(matches):
        home, away = match.get("home_score"), match.get("away_score")
        if not isinstance(home, int) or not isinstance(away, int) or home == away:
            continue
        said = told(match, matches)
        if said is None or (home > away) == (said[0] == "home"):
            continue
        findings += [Finding(("matches", m, "home_score"), rule, said[1], "set", away),
                     Finding(("matches", m, "away_score"), rule, said[1], "set", home)]  # fmt: skip
    return findings
