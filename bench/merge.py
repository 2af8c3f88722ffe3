"""Merge benchmark: 100,000 synthetic records built from the seeds' teams.

    .venv/bin/python bench/merge.py [--records 100000]

Each record reports one match of a pool of real-looking fixtures between the seeds' clubs,
written with that club's spellings in several languages (affixes, cross-language forms),
sometimes with home/away swapped, minutes moved by up to 2, no date, or as a failed record.
Prints the time and the peak memory of `consolidate`, and how well the grouping recovers the
fixtures (pairwise precision / recall against the synthetic truth).
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc
from collections import Counter
from datetime import date, timedelta
from typing import Any

from extractor.merge import consolidate

SPELLINGS = {
    "Atalanta": ["Atalanta", "Atalanta BC", "Atalanta Bergamo"],
    "Midtjylland": ["Midtjylland", "FC Midtjylland", "FCM"],
    "Liverpool": ["Liverpool", "Liverpool FC"],
    "Ajax": ["Ajax", "AFC Ajax"],
    "Bayern": ["Bayern München", "Bayern Munich", "FC Bayern München", "Bayern Monaco"],
    "Salzburg": ["Red Bull Salzburg", "RB Salzburg", "Salisburgo"],
    "Atlético": ["Atlético Madrid", "Atletico de Madrid"],
    "Lokomotiv": ["Lokomotiv Moskou", "Lokomotiv Moscow", "Lokomotiv Moskva"],
    "Man City": ["Manchester City", "Man City"],
    "Olympiacos": ["Olympiakos", "Olympiacos"],
    "Marseille": ["Olympique Marseille", "Marseille", "Olympique de Marseille"],
    "Porto": ["Porto", "FC Porto"],
    "Inter": ["Inter", "Internazionale", "Inter Milan", "Inter Mailand"],
    "Real Madrid": ["Real Madrid"],
    "Gladbach": ["Borussia Mönchengladbach", "Gladbach", "Borussia M'gladbach"],
    "Shakhtar": ["Sjachtar Donetsk", "Shakhtar Donetsk"],
    "Roma": ["Roma", "AS Roma"],
}
SCORERS = ["Scholz", "Romero", "Salah", "Tadic", "Lewandowski", "Müller", "Suárez", "Haaland", "Lukaku", "Dzeko"]


def fixtures(rng: random.Random, count: int) -> list[dict[str, Any]]:
    clubs = list(SPELLINGS)
    start = date(2000, 1, 1)
    used: set[tuple[frozenset[str], date]] = set()
    out: list[dict[str, Any]] = []
    while len(out) < count:
        home, away = rng.sample(clubs, 2)
        day = start + timedelta(days=rng.randrange(25 * 365))
        if (frozenset((home, away)), day) in used:
            continue
        used.add((frozenset((home, away)), day))
        hs, as_ = rng.randrange(5), rng.randrange(5)
        goals = [(rng.choice(SCORERS), home if i < hs else away, rng.randrange(1, 91)) for i in range(hs + as_)]
        out.append({"home": home, "away": away, "date": day, "hs": hs, "as": as_, "goals": goals})
    return out


def report(rng: random.Random, number: int, fixture: dict[str, Any]) -> dict[str, Any]:
    names = {club: rng.choice(SPELLINGS[club]) for club in (fixture["home"], fixture["away"])}
    goals = [{"player": player, "team": names[team], "minute": max(1, minute + rng.randint(-2, 2)),
              "penalty": False, "own_goal": False} for player, team, minute in fixture["goals"]]  # fmt: skip
    item = {"home_team": names[fixture["home"]], "away_team": names[fixture["away"]], "home_score": fixture["hs"],
            "away_score": fixture["as"], "date": None if rng.random() < 0.1 else fixture["date"].isoformat(),
            "competition": "Champions League", "goals": goals, "cards": []}  # fmt: skip
    if rng.random() < 0.05:  # a report with the sides the other way round
        item["home_team"], item["away_team"] = item["away_team"], item["home_team"]
        item["home_score"], item["away_score"] = item["away_score"], item["home_score"]
    status = "error" if rng.random() < 0.02 else "ok"
    return {
        "doc_id": f"{number:016x}",
        "source": f"synthetic/{number}.txt",
        "status": status,
        "task": "match_report",
        "backend": "bench",
        "result": {"matches": [item]} if status == "ok" else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--reports-per-match", type=int, default=4)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--tracemalloc", action="store_true", help="trace Python allocations (slower)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = fixtures(rng, args.records // args.reports_per_match)
    truth: dict[str, int] = {}
    records = []
    for number in range(args.records):
        which = rng.randrange(len(pool))
        truth[f"{number:016x}"] = which
        records.append(report(rng, number, pool[which]))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.tracemalloc:
        tracemalloc.start()
    started = time.perf_counter()
    merged = consolidate(records, "match_report")
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] if args.tracemalloc else 0
    tracemalloc.stop()
    predicted = correct = 0
    for match in merged.matches:
        labels = [truth[s["doc_id"]] for s in match["sources"]]
        predicted += len(labels) * (len(labels) - 1) // 2
        correct += sum(n * (n - 1) // 2 for n in Counter(labels).values())
    ok = {r["doc_id"] for r in records if r["status"] == "ok"}
    gold_pairs = sum(n * (n - 1) // 2 for n in Counter(truth[d] for d in ok).values())
    print(
        f"records {merged.records:,} (failed {merged.failed:,}), fixtures {len(pool):,}, "
        f"canonical matches {len(merged.matches):,}, conflicts {merged.conflicts:,}"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    traced = f", peak traced {peak / 2**20:.0f} MiB" if args.tracemalloc else ""
    print(
        f"consolidate: {seconds:.1f} s; max RSS {rss_before:.0f} MiB with the input built, "
        f"{rss:.0f} MiB after the merge{traced}"
    )
    print(
        f"grouping vs truth: pairwise precision {correct / max(predicted, 1):.4f}, "
        f"recall {correct / max(gold_pairs, 1):.4f}"
    )


if __name__ == "__main__":
    main()
