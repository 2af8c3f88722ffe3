"""Score a run over a fresh batch against the batch's hand key (`key.json`, written from its INDEX.md).

    python3 evals/match_report/fresh/score.py evals/match_report/fresh/batch9/key.json RESULTS.jsonl

A key lists, per file, each match the text reports: home and away (a telling part of each name),
the score, the goals whose scorer the text names (side "h"/"a", minute or null) and the cards (kind
ending in "?" where the text leaves the kind unclear). A predicted match is matched to a key match
by team names (accent- and case-insensitive containment). It is *exact* when both teams stand on
the right side with the right score, *swapped* when the teams are the other way round, a *wrong
score* when the teams are right and the score is not, *invented* when it is no key match, and a key
match nobody predicted is *missed*. Goals and cards are scored on exact matches only: a goal is
right when scorer, side and minute (±1, where the key has one) agree. This is a rough, hand-keyed
measure for texts outside the gold splits, not the eval harness.
"""

from __future__ import annotations

import json
import statistics
import sys
import unicodedata
from typing import Any


def _fold(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _same(a: str | None, b: str | None) -> bool:
    a, b = _fold(a), _fold(b)
    return bool(a) and bool(b) and (a in b or b in a)


def _side(team: str, match: dict[str, Any]) -> str:
    if _fold(team) == _fold(match["home_team"]):
        return "h"
    if _fold(team) == _fold(match["away_team"]):
        return "a"
    return "h" if _same(match["home_team"], team) else ("a" if _same(match["away_team"], team) else "?")


def _find(predicted: dict[str, Any], key: list[dict[str, Any]], used: set[int]) -> tuple[int, str] | None:
    found = None
    for index, item in enumerate(key):
        if index in used:
            continue
        if _same(item["home"], predicted["home_team"]) and _same(item["away"], predicted["away_team"]):
            return index, "same"
        if _same(item["home"], predicted["away_team"]) and _same(item["away"], predicted["home_team"]):
            found = (index, "swapped")
    return found


def _score_facts(predicted: dict[str, Any], item: dict[str, Any], totals: dict[str, int], out: list[str]) -> None:
    left = [g for g in item["goals"] if g["player"]]
    for goal in predicted["goals"]:
        side = _side(goal["team"], predicted)
        hit = next((k for k in left if _same(k["player"], goal["player"]) and k["side"] == side and (
            k["minute"] is None or (goal["minute"] is not None and abs(k["minute"] - goal["minute"]) <= 1))), None)
        if hit is not None:
            left.remove(hit)
            totals["goals_right"] += 1
        else:
            totals["goals_wrong"] += 1
            out.append(f"  goal not in the key: {goal['player']} ({side}) {goal['minute']}")
    totals["goals_missed"] += len(left)
    cards = list(item["cards"])
    for card in predicted["cards"]:
        side = _side(card["team"], predicted)
        hit = next((k for k in cards if _same(k["player"], card["player"]) and k["side"] == side
                    and (k["card"].endswith("?") or k["card"] == card["card"])), None)
        if hit is not None:
            cards.remove(hit)
            totals["cards_right"] += 1
        else:
            totals["cards_wrong"] += 1
            out.append(f"  card not in the key: {card['player']} ({side}) {card['card']}")
    totals["cards_missed"] += len(cards)


def main(key_path: str, results_path: str) -> None:
    keys = json.load(open(key_path, encoding="utf-8"))
    totals = dict.fromkeys(("results", "exact", "swapped", "wrong_score", "invented", "missed", "errors",
                            "goals_right", "goals_wrong", "goals_missed", "cards_right", "cards_wrong",
                            "cards_missed"), 0)
    seconds = []
    for line in open(results_path, encoding="utf-8"):
        record = json.loads(line)
        name = record["source"].replace("\\", "/").split("/")[-1]
        if name not in keys:
            continue
        key = keys[name]
        totals["results"] += len(key)
        seconds.append(record.get("seconds") or 0.0)
        if record["status"] != "ok":
            totals["errors"] += 1
            print(name, "error record:", record.get("error"))
            continue
        used: set[int] = set()
        out: list[str] = []
        for predicted in record["result"]["matches"]:
            said = f"{predicted['home_team']} {predicted['home_score']}-{predicted['away_score']} {predicted['away_team']}"
            found = _find(predicted, key, used)
            if found is None:
                totals["invented"] += 1
                out.append(f"  invented: {said}")
                continue
            index, how = found
            used.add(index)
            item = key[index]
            if how == "swapped":
                totals["swapped"] += 1
                out.append(f"  swapped: {said}")
            elif (predicted["home_score"], predicted["away_score"]) != (item["home_score"], item["away_score"]):
                totals["wrong_score"] += 1
                out.append(f"  wrong score: {said} (key {item['home_score']}-{item['away_score']})")
            else:
                totals["exact"] += 1
                _score_facts(predicted, item, totals, out)
        for index, item in enumerate(key):
            if index not in used:
                totals["missed"] += 1
                out.append(f"  missed: {item['home']} {item['home_score']}-{item['away_score']} {item['away']}")
        print(name, f"{record.get('seconds')} s", *(["\n" + "\n".join(out)] if out else []))

    def f1(right: int, wrong: int, missed: int) -> float:
        return 2 * right / (2 * right + wrong + missed) if right else 0.0

    print(json.dumps(totals))
    print(f"exact {totals['exact']}/{totals['results']}, swapped {totals['swapped']}, wrong score "
          f"{totals['wrong_score']}, invented {totals['invented']}, missed {totals['missed']}, errors {totals['errors']}; "
          f"named goals F1 {f1(totals['goals_right'], totals['goals_wrong'], totals['goals_missed']):.2f} "
          f"({totals['goals_right']}/{totals['goals_wrong']}/{totals['goals_missed']} right/wrong/missed); cards "
          f"{totals['cards_right']}/{totals['cards_wrong']}/{totals['cards_missed']}; "
          f"median {statistics.median(seconds) if seconds else 0.0:.1f} s")


if __name__ == "__main__":
    main(*sys.argv[1:3])
