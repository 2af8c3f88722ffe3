"""Language detection on cleaned article text."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.cleaning import clean
from extractor.documents import read_document
from extractor.language import detect_language

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize(
    ("prefix", "expected"), [("000", "en"), ("001", "en"), ("002", "da"), ("003", "nl"), ("004", "en")]
)
def test_seeds(prefix: str, expected: str) -> None:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    assert detect_language(clean(read_document(path, 1_000_000).text).text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Torwart hielt den Elfmeter in der letzten Minute des Spiels.", "de"),
        ("El delantero marcó dos goles en la segunda parte del partido.", "es"),
        ("Le gardien a arrêté le penalty à la dernière minute du match.", "fr"),
        ("La Juventus ha vinto 2-0 contro la Roma allo stadio Olimpico.", "it"),
        ("O Benfica venceu o Porto por 2-1 no Estádio da Luz no domingo.", "pt"),
        ("Brann slo Rosenborg 2-1 på Brann stadion søndag kveld etter en jevn kamp.", "no"),
        ("AIK vann mot Djurgården med 2-1 på Friends Arena i söndags kväll.", "sv"),
        ("Спартак обыграл Зенит в матче чемпионата России в субботу.", "ru"),
    ],
)
def test_sentences(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   \n", "Atalanta 1-1 Midtjylland", "1-1 (0-0) 90+3'"])
def test_too_short_to_tell(text: str) -> None:
    assert detect_language(text) is None


def test_always_a_two_letter_code() -> None:
    # English-like text that py3langid may also score as Nigerian Pidgin ('pcm', no 639-1 code).
    code = detect_language("Him team don win the match for Lagos yesterday, the coach talk say dem go win again.")
    assert code is not None and len(code) == 2


def test_all_caps_text() -> None:
    assert detect_language("ATALANTA MISSED THE CHANCE TO GO SECOND IN SERIE A ON THURSDAY NIGHT") == "en"
