"""Language detection with py3langid (its model ships inside the package; no download).

The answer is an ISO 639-1 code. py3langid also knows some languages that have only
three-letter codes ('pcm', 'bcl', ...); those are mostly look-alikes of a big language on
news text, so regional variants are folded into their language ('arz' -> 'ar') and the
rest are passed over for the best-ranked language that has a two-letter code.
"""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_LETTERS = 20  # fewer letters than this cannot be told apart reliably
MAX_CHARS = 10_000  # the start of a long article is plenty to identify its language
NO_LANGUAGE = "zxx"  # py3langid's label for text without linguistic content

# Three-letter labels of py3langid that are a variety of a language with a two-letter code.
_VARIETIES = {"arz": "ar", "ary": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "hbo": "he", "gug": "gn"}


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """A private identifier, so nobody's `set_languages` on the global one affects us."""
    return LanguageIdentifier.from_model_file(MODEL_FILE)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of `text`'s language, or None when it is too short to tell.

    Args:
        text: the (cleaned) article text.

    Returns:
        A two-letter code such as 'en', 'da' or 'nl'; None for text with fewer than
        `MIN_LETTERS` letters or without linguistic content.
    """
    sample = text[:MAX_CHARS]
    if sum(1 for char in sample if char.isalpha()) < MIN_LETTERS:
        return None
    for label, _score in _identifier().rank(sample):
        code = _VARIETIES.get(label, label)
        if code == NO_LANGUAGE:
            return None
        if len(code) == 2:
            return str(code)
    return None
