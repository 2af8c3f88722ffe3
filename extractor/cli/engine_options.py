"""`run`'s engine options: where the documents are extracted (this process, or a Ray cluster)."""

from __future__ import annotations

from typing import Annotated

import typer

ENGINE_PANEL = "Engine"

Engine = Annotated[
    str,
    typer.Option("--engine", help="'local' (this process) or 'ray' (a Ray cluster; needs the ray extra: "
                 "pip install 'extractor[ray]'). Example: --engine ray", rich_help_panel=ENGINE_PANEL),
]
RayAddress = Annotated[
    str | None,
    typer.Option("--ray-address", help="The Ray cluster to join (what `ray start --head` prints); default "
                 "$RAY_ADDRESS, else a new local Ray instance. Example: --ray-address 10.0.0.5:6379",
                 rich_help_panel=ENGINE_PANEL),
]
RayActors = Annotated[
    int | None,
    typer.Option("--ray-actors", min=1, help="Actors (each one open backend) in the Ray pool; default "
                 "min(-j, the cluster's CPUs). -j stays the documents in flight across the cluster. "
                 "Example: --ray-actors 100", rich_help_panel=ENGINE_PANEL),
]
