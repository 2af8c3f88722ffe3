"""Concrete backends, chosen by name from a table (never an if/elif ladder).

Each entry is "module:Class"; modules are imported only when their backend is used, so
the core install never needs the embedded backend's dependencies.
"""

from __future__ import annotations

import importlib

from extractor.errors import ConfigError
from extractor.llm.backend import Backend
from extractor.settings import Settings

REGISTRY: dict[str, str] = {
    "openai": "extractor.backends.openai_compat:OpenAICompatBackend",
    "embedded": "extractor.backends.embedded:EmbeddedBackend",
}


def create_backend(settings: Settings) -> Backend:
    """Instantiate the backend that `settings.backend` names."""
    try:
        target = REGISTRY[settings.backend]
    except KeyError:
        raise ConfigError(
            f"unknown backend {settings.backend!r}; choose one of {', '.join(sorted(REGISTRY))}"
        ) from None
    module_name, _, class_name = target.partition(":")
    cls: type[Backend] = getattr(importlib.import_module(module_name), class_name)
    return cls(settings)
