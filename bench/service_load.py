"""Load check of `extractor serve`: 50 concurrent clients post 1,000 articles to POST /v1/extract.

The service runs for real (a subprocess on a loopback port, `--backend openai`) in front of the
fault-free fake model of tests/fakeserver.py, so what is measured is the service itself: HTTP,
queueing behind `-j`, the pipeline and the record. Every request must be answered 200 with an
`ok` record.

Usage: .venv/bin/python bench/service_load.py [ARTICLES] [CLIENTS] [CONCURRENCY]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx2

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.fakeserver import FakeServer  # noqa: E402
from tests.service_helpers import Service, article  # noqa: E402


async def client(base: str, queue: asyncio.Queue[int], latencies: list[float], failures: list[str]) -> None:
    async with httpx2.AsyncClient(base_url=base, timeout=300) as http:
        while True:
            try:
                index = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            started = time.perf_counter()
            response = await http.post("/v1/extract", json={"text": article(index), "language": "en"})
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200 or response.json().get("status") != "ok":
                failures.append(f"{index}: {response.status_code} {response.text[:200]}")


async def load(base: str, articles: int, clients: int) -> tuple[list[float], list[str], float]:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(articles):
        queue.put_nowait(index)
    latencies: list[float] = []
    failures: list[str] = []
    started = time.perf_counter()
    await asyncio.gather(*(client(base, queue, latencies, failures) for _ in range(clients)))
    return latencies, failures, time.perf_counter() - started


def main() -> None:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    concurrency = int(sys.argv[3]) if len(sys.argv) > 3 else 16
    with tempfile.TemporaryDirectory() as tmp, FakeServer() as fake:
        with Service(fake, Path(tmp) / "store", concurrency=concurrency) as service:
            latencies, failures, seconds = asyncio.run(load(service.url, articles, clients))
        cuts = statistics.quantiles(latencies, n=100)
        print(f"{articles} articles, {clients} clients, -j {concurrency}: {len(latencies)} answered, "
              f"{len(failures)} failed")
        print(f"latency p50 {cuts[49] * 1000:.0f} ms, p99 {cuts[98] * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
        print(f"throughput {len(latencies) / seconds:.1f} requests/s ({seconds:.1f} s wall); "
              f"model calls {fake.counts['ok']}, most in flight at the model {fake.max_in_flight}")
        for failure in failures[:10]:
            print("failed:", failure)
        if failures or len(latencies) != articles:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
