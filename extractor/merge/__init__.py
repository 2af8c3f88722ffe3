"""One item, many reports: consolidate the records of a run into canonical items.

    from extractor.merge import consolidate

    merged = consolidate(records)            # records: Record objects or their JSON dicts
    for match in merged.matches: ...

The engine names no field of any task: the task's `MERGE_SPEC` (see `extractor.merge_spec`)
says which list holds the items, which two fields identify one (an unordered pair), the date
and the sub-lists. The modules, in the order a record goes through them:

* `engine`: records in, blocks on the identity pair, canonical items out (`consolidate`);
* `blocking`: one block grouped by date (and, undated, by publication date or score);
* `reconcile`: what dates could not settle (a lone date; documents reporting the same items);
* `canonical`: one group -> one canonical item with sources, evidence and conflicts;
* `sublists`: the entries of its sub-lists (goals, cards) joined, sided and counted;
* `reports`: the units (a report, a group) and how values compare.

Nothing is invented: every canonical value is a value some report gave.
"""

from extractor.merge.engine import Consolidation, consolidate, read_jsonl

__all__ = ["Consolidation", "consolidate", "read_jsonl"]
