"""The embedded model as a Python API: where its file is, and a server that keeps it loaded.

`extractor model info` and `extractor model serve` are thin commands over these; a notebook or
another tool can do the same without the CLI.
"""

from __future__ import annotations

from extractor.backends.embedded import N_CTX, model_alias, server_config
from extractor.backends.llama_server import LlamaServer
from extractor.backends.model_store import ModelInfo, model_info
from extractor.settings import Settings

__all__ = ["N_CTX", "LlamaServer", "ModelInfo", "embedded_model_alias", "embedded_model_info", "embedded_model_server"]


def embedded_model_info(settings: Settings) -> ModelInfo:
    """Where the model file is (or will be assembled), its size and sha256, and whether it is ready."""
    return model_info(model_path=settings.model_path)


def embedded_model_alias(settings: Settings) -> str:
    """The name the model server announces for these settings."""
    return model_alias(settings)


def embedded_model_server(
    settings: Settings, *, host: str = "127.0.0.1", port: int = 8765, n_ctx: int = N_CTX, n_threads: int | None = None
) -> LlamaServer:
    """A model server for these settings, not started yet: call `start()` (assembles the model on first use)."""
    return LlamaServer(server_config(settings, host=host, port=port, n_ctx=n_ctx, n_threads=n_threads))
