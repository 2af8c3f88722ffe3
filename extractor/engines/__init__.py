"""Engines: where a run's documents are extracted, chosen by name from a table.

* ``local`` (default): this process, `Session.extract_paths` (asyncio, ``-j`` documents in flight);
* ``ray``: a Ray cluster (`extractor.engines.ray_engine`), for archives one machine cannot finish.

Both take the same planned work items and hand every record to the same `on_record`
callback, so the CLI's lock, `--resume` and JSONL sink serve both. The pipeline imports
no engine; `ray` is imported only when a Ray run opens.
"""

from __future__ import annotations

from collections.abc import Callable

from extractor.api import Engine, LocalEngine
from extractor.errors import ConfigError


def _local(address: str | None, actors: int | None) -> Engine:
    if address is not None or actors is not None:
        raise ConfigError("--ray-address and --ray-actors need --engine ray")
    return LocalEngine()


def _ray(address: str | None, actors: int | None) -> Engine:
    from extractor.engines.ray_engine import RayEngine, require_ray

    require_ray()  # a missing extra fails before --out is touched
    return RayEngine(address=address, actors=actors)


REGISTRY: dict[str, Callable[[str | None, int | None], Engine]] = {"local": _local, "ray": _ray}


def engine_for(name: str, *, address: str | None = None, actors: int | None = None) -> Engine:
    """The engine `name` ('local' or 'ray'), configured.

    Raises:
        ConfigError: an unknown name, Ray options without the Ray engine.
        MissingExtraError: 'ray' without the `ray` extra installed.
    """
    try:
        make = REGISTRY[name]
    except KeyError:
        raise ConfigError(f"unknown --engine {name!r}; choose one of {', '.join(REGISTRY)}") from None
    return make(address, actors)
