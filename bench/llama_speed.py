"""Benchmark: llama.cpp's raw speed on this machine, with the library extractor installed.

Reads a seed's first N tokens (prefill, tokens/s), then decodes from that prefix for B parallel
sequences at once (B = 1, 2, 4), printing the time per decode step and the tokens/s over all B.
No HTTP, no grammar, no extractor code: the figures say what the build and the CPU can do (the
Makefile's AVX-512 choice was made from them), so a slow `bench/embedded.py` can be told apart
from a slow machine.

    .venv/bin/python bench/llama_speed.py [--tokens 800] [--steps 24] [--threads 2]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import llama_cpp as llama

from extractor.backends.embedded import resolve_model_path
from extractor.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=800, help="prompt tokens to read (at most the seed's)")
    parser.add_argument("--steps", type=int, default=24, help="decode steps per batch size")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--batch", type=int, nargs="+", default=[1, 2, 4], help="parallel sequences")
    args = parser.parse_args()

    llama.llama_backend_init()
    quiet = llama.llama_log_callback(lambda *_: None)  # kept referenced: llama.cpp calls it later
    llama.llama_log_set(quiet, None)
    path = resolve_model_path(Settings(backend="embedded"))
    model = llama.llama_model_load_from_file(str(path).encode(), llama.llama_model_default_params())
    params = llama.llama_context_default_params()
    params.n_ctx, params.n_batch, params.n_ubatch = 8192, 512, 512
    params.n_seq_max = max(args.batch)
    params.n_threads = params.n_threads_batch = args.threads
    ctx = llama.llama_init_from_model(model, params)
    vocab = llama.llama_model_get_vocab(model)
    memory = llama.llama_get_memory(ctx)

    seed = sorted((ROOT / "seeds").glob("*.txt"), key=lambda p: -p.stat().st_size)[0]
    text = seed.read_bytes()
    buffer = (llama.llama_token * (len(text) + 16))()
    count = llama.llama_tokenize(vocab, text, len(text), buffer, len(buffer), True, False)
    tokens = list(buffer[: min(count, args.tokens)])
    batch = llama.llama_batch_init(512, 0, params.n_seq_max)

    def decode(items: list[tuple[int, int, int, bool]]) -> None:
        batch.n_tokens = len(items)
        for i, (token, pos, seq, logits) in enumerate(items):
            batch.token[i], batch.pos[i], batch.n_seq_id[i] = token, pos, 1
            batch.seq_id[i][0], batch.logits[i] = seq, logits
        if llama.llama_decode(ctx, batch) != 0:
            raise SystemExit("llama_decode failed")

    started = time.perf_counter()
    for start in range(0, len(tokens), 512):
        chunk = tokens[start : start + 512]
        decode([(t, start + i, 0, i == len(chunk) - 1) for i, t in enumerate(chunk)])
    seconds = time.perf_counter() - started
    print(f"model {path.name}, {args.threads} threads, seed {seed.name}")
    print(f"prefill: {len(tokens)} tokens in {seconds:.2f} s = {len(tokens) / seconds:.1f} tokens/s")
    for width in args.batch:
        for seq in range(1, width):
            llama.llama_memory_seq_rm(memory, seq, -1, -1)
            llama.llama_memory_seq_cp(memory, 0, seq, -1, -1)
        started = time.perf_counter()
        for step in range(args.steps):
            decode([(100 + step + seq, len(tokens) + step, seq, True) for seq in range(width)])
        seconds = time.perf_counter() - started
        for seq in range(width):
            llama.llama_memory_seq_rm(memory, seq, len(tokens), -1)
        print(f"decode B={width}: {1000 * seconds / args.steps:.1f} ms a step, "
              f"{width * args.steps / seconds:.1f} tokens/s in all")
    llama.llama_batch_free(batch)
    llama.llama_free(ctx)
    llama.llama_model_free(model)


if __name__ == "__main__":
    main()
