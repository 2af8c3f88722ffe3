"""The one way to cut a text down for a message, a record or a table cell."""

from __future__ import annotations

ELLIPSIS = "…"
#: The marker of a model answer cut for its record (`Record.error.last_output`): such text is no longer JSON.
CLIPPED = "…[clipped]"


def shorten(text: str, limit: int, *, one_line: bool = False, marker: str = ELLIPSIS) -> str:
    """`text` at most `limit` characters long, `marker` included, ending in `marker` when it was cut.

    Args:
        text: What to shorten.
        limit: The longest result, in characters.
        one_line: First collapse every run of whitespace (newlines included) to one space.
        marker: Appended where the text was cut.
    """
    if one_line:
        text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: max(limit - len(marker), 0)] + marker
