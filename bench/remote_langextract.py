"""LangExtract against the same loopback fake server, for bench/remote.py (run with a Python that has langextract).

Its OpenAI provider (sync client, a thread pool of `max_workers`) is pointed at the fake server's
base URL; nothing leaves the machine. The fake server answers MatchReport JSON, not LangExtract's
`extractions` format, so parse errors are suppressed: what is measured is the client's cost per
document (prompt building, the HTTP call, parsing and alignment), the same round trip as the others.

Usage: PYTHON bench/remote_langextract.py --url URL --folder DIR --concurrency 32
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import langextract as lx
from langextract.providers.openai import OpenAILanguageModel

KEY = "bench-key-not-secret"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--warmup", type=int, default=64)
    args = parser.parse_args()
    files = sorted(Path(args.folder).glob("*.txt"))
    docs = [lx.data.Document(text=f.read_text(encoding="utf-8"), document_id=f.stem) for f in files]
    examples = [lx.data.ExampleData(
        text="RESULT: Ajax 2-1 PSV\nAjax beat PSV 2-1 on Sunday.",
        extractions=[lx.data.Extraction(extraction_class="match", extraction_text="Ajax beat PSV 2-1",
                                        attributes={"home_team": "Ajax", "away_team": "PSV"})],
    )]
    model = OpenAILanguageModel(model_id="fake-model", api_key=KEY, base_url=args.url, max_workers=args.concurrency)

    def run(batch: list[lx.data.Document]) -> int:
        results = lx.extract(text_or_documents=batch, prompt_description="Extract every football match result.",
                             examples=examples, model=model, batch_length=len(batch), max_workers=args.concurrency,
                             show_progress=False, fence_output=False, use_schema_constraints=False,
                             resolver_params={"suppress_parse_errors": True},
                             prompt_validation_level=lx.prompt_validation.PromptValidationLevel.OFF)
        return len(list(results))

    run(docs[: args.warmup])
    cpu, wall = time.process_time(), time.perf_counter()
    done = run(docs)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(json.dumps({"docs": len(docs), "ok": done, "seconds": wall, "cpu": cpu}))


if __name__ == "__main__":
    main()
