"""Minutes as the article writes them ("90+2", "38.", "(55)", "the eighth minute"), and those next to a player."""

from __future__ import annotations

import re

from extractor.grounding import Grounder, fold_text

from .words import _CARD_NEAR, _WINDOW, _mentions, _sentence_start, _stop_after, _stop_before

_NUMBER_WORDS = {
    word: number
    for words in (
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
        "en to tre fire fem seks syv otte ni ti elleve tolv tretten fjorten femten",
        "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn",
        "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien",
        "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince",
        "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze",
        "uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici",
    )
    for number, word in enumerate(words.split(), 1)
}
_NUMBER_WORDS.update(
    {"twenty": 20, "thirty": 30, "forty": 40, "tyve": 20, "tredive": 30, "zwanzig": 20, "dreißig": 30,
     "twintig": 20, "dertig": 30, "veinte": 20, "treinta": 30, "vingt": 20, "trente": 30, "venti": 20, "trenta": 30}
)  # fmt: skip
#: Ordinal words before a minute word ("in the eighth minute", "achten Minute", "huitième minute").
_ORDINAL_WORDS = {
    word: number
    for words in (
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth"
        " fifteenth",
        "første anden tredje fjerde femte sjette syvende ottende niende tiende ellevte tolvte trettende fjortende"
        " femtende",
        "ersten zweiten dritten vierten fünften sechsten siebten achten neunten zehnten elften zwölften"
        " dreizehnten vierzehnten fünfzehnten",
        "erste zweite dritte vierte fünfte sechste siebte achte neunte zehnte elfte zwölfte dreizehnte"
        " vierzehnte fünfzehnte",
        "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde dertiende"
        " veertiende vijftiende",
        "primer segundo tercer cuarto quinto sexto séptimo octavo noveno décimo",
        "premier deuxième troisième quatrième cinquième sixième septième huitième neuvième dixième onzième"
        " douzième treizième quatorzième quinzième",
        "primo secondo terzo quarto quinto sesto settimo ottavo nono decimo undicesimo dodicesimo"
        " tredicesimo quattordicesimo quindicesimo",
    )
    for number, word in enumerate(words.split(), 1)
} | {"primero": 1, "tercero": 3, "première": 1, "twentieth": 20, "thirtieth": 30, "fortieth": 40}
# the article's folded text has no accents ("huitieme", "funften"): both spellings are read
_NUMBER_WORDS |= {fold_text(word): number for word, number in _NUMBER_WORDS.items()}
_ORDINAL_WORDS |= {fold_text(word): number for word, number in _ORDINAL_WORDS.items()}
_MINUTE_WORD = r"minu(?:t|te|tes|ten|ti|to|tos|ut|tter)\b"
_WORD_BEFORE = re.compile(rf"\b(\w+)[\s-]+{_MINUTE_WORD}")  # "eighth minute", "fem minutter"
_WORD_AFTER = re.compile(rf"\b{_MINUTE_WORD}\s+(\w+)")  # Spanish "minuto ocho"
_MINUTE_EXPR = re.compile(
    r"\d{1,3}\s*['.]?\s*\+\s*\d{1,2}"  # 90+2, 90'+2, 90.+2
    r"|\(\d{1,3}[.'e]?\)"  # (38.) (38') (38e)
    r"|\d{1,3}(?:st|nd|rd|th|e|eme|º|°|\.)?\s*(?:min|spielmin)"  # 13th minute, 38. Minute, 38e minute
    r"|(?:minut[oe]s?|minute)\s+\d{1,3}"  # minuto 38
    r"|\d{1,3}\s*'(?:\s*(?:pt|st)\b)?"  # 38', 4' st
    r"|\d{1,3}(?:e|eme)\b"  # 38e
    r"|\d{1,3}(?:st|nd|rd|th)\b"  # the 61st
    rf"|\b(?:{'|'.join(_ORDINAL_WORDS)})[\s-]+{_MINUTE_WORD}"  # the eighth minute, huitième minute
    rf"|\bminut[oe]s?\s+(?:{'|'.join(_NUMBER_WORDS)})\b"  # minuto ocho
)


_TAIL_STOP = re.compile(r"[,;()\n]|\. ")
_MIN = r"\d{1,3}(?:\s*['’′.]?\s*\+\s*\d{1,2})?"
#: A minute written against the name: "Ross (55)", "Nielsen 66'", "Goretzka (90.+2)", "27. Awoniyi", "12' Barella".
_AFTER = re.compile(
    rf"\s*(?:\((?P<p>{_MIN})\s*(?:['’′.]|e|min\.?)?\s*(?:pt|st)?\)|(?P<q>{_MIN})\s*(?:['’′]|e\b)\s*(?:pt|st)?)"
)
_BEFORE = re.compile(rf"(?<![\d:\-])(?P<b>{_MIN})\s*(?:['’′.]|e\b)\s*(?:pt|st)?\s*$")


def _attached_minutes(grounder: Grounder, name: str, told: re.Pattern[str] | None = None) -> set[int]:
    """Minutes written right against a mention of the player (the strongest evidence there is).

    With `told`, only at mentions with those words next to them: a card's minute, not his goal's.
    """
    text = grounder.folded_text
    found: set[int] = set()
    for start, end in grounder.find_all(name) or grounder.find_all(name.split()[-1] if name.split() else name):
        if told is not None and not told.search(text[max(0, start - _CARD_NEAR) : end + _CARD_NEAR]):
            continue
        after = _AFTER.match(text, end)
        before = _BEFORE.search(text[max(0, start - 10) : start])
        for hit in (after, before):
            if hit is None:
                continue
            written = next(g for g in hit.groups() if g)
            whole = hit.group()
            minute = parse_minute(written + (" st" if re.search(r"\bst\b", whole) else ""))
            if minute is not None:
                found.add(minute)
    return found


def _minutes_near(grounder: Grounder, name: str) -> tuple[set[int], set[int]]:
    """Minutes stated in the sentences that mention `name` (or its surname), and loose numbers.

    Loose numbers are the standalone numbers there that no minute pattern read: a minute may
    be written in a form no pattern knows, so such a number still supports the model's minute.
    """
    text = grounder.folded_text
    found: set[int] = set()
    loose: set[int] = set()
    for start, end in _mentions(grounder, name):
        # this sentence and the one before it ("took the lead in the 13th minute. ... Scholz volleyed")
        here = _sentence_start(text, start, _stop_before)
        left = max(_sentence_start(text, here - 2, _stop_before), start - 2 * _WINDOW, 0)
        stops = [i for i in (_stop_after(text, end), text.find("\n", end)) if i >= 0]
        right = min([*stops, end + _WINDOW])
        covered: list[tuple[int, int]] = []
        for hit in _MINUTE_EXPR.finditer(text, left, right):
            if _SPAN_BEFORE.search(text[max(0, hit.start() - 16) : hit.start()]):
                continue  # "de laatste 25 minuten": a stretch, no minute
            tail = _TAIL_STOP.split(text[hit.end() : hit.end() + 24], maxsplit=1)[0]
            minute = parse_minute(hit.group() + tail)
            if minute is not None:
                found.add(minute)
                covered.append((hit.start(), hit.end() + len(tail)))
        for number in re.finditer(r"(?<![\d.,:-])\d{1,3}(?![\d:-]|[.,]\d)", text[left:right]):
            at = left + number.start()
            if not any(a <= at < b for a, b in covered):
                loose.add(int(number.group()))
    return found, loose


def _minutes_next(grounder: Grounder, name: str) -> set[int]:
    """Minutes stated in the sentence right after one that mentions `name` (where he is told of by a pronoun)."""
    text = grounder.folded_text
    found: set[int] = set()
    for _, end in _mentions(grounder, name):
        stop = _stop_after(text, end)
        if stop < 0 or 0 <= text.find("\n", end) < stop:
            continue  # his sentence ends its paragraph (folded text keeps one line break between them)
        finish = _stop_after(text, stop + 1)
        finish = min(finish if finish >= 0 else len(text), stop + _WINDOW)
        for hit in _MINUTE_EXPR.finditer(text, stop + 1, finish):
            tail = _TAIL_STOP.split(text[hit.end() : hit.end() + 24], maxsplit=1)[0]
            minute = parse_minute(hit.group() + tail)
            if minute is not None:
                found.add(minute)
    return found


_FROM_END = re.compile(
    r"from time|from the end|left|remaining|to go|to play|before the end"
    r"|minutes? of (?:a |an |the |their |its )?(?:[\w-]+ ){0,3}(?:vic|win|whis|end)"  # "within 11 minutes of (victory)"
    r"|før tid|igen|tilbage|før slut"
    r"|vor schluss|vor dem ende|zu spielen|voor tijd|voor het einde|del final|para el final|de la fin"
    r"|avant la fin|dalla fine|al termine"
)
_SECOND_HALF = re.compile(
    r"\bst\b|\bs\.t\b|secondo tempo|ripresa|second half|after the break|anden halvleg|2\. halvleg"
    r"|zweite[n]? (?:halbzeit|hälfte)|tweede helft|segund[ao] (?:tiempo|parte|mitad)|seconde période"
    r"|deuxième période|seconde mi-temps|deuxième mi-temps"
)
_ADDED_TIME = re.compile(
    r"(?:added|stoppage|injury)[\s-]time|nachspielzeit|tillægstid|tillaegstid|overtid|blessuretijd|extra tijd"
    r"|tiempo (?:añadido|anadido|de descuento|extra)|descuento|temps additionnel|arrêts de jeu|arrets de jeu|recupero"
)
_FIRST_HALF = re.compile(
    r"first[\s-]half|første halvleg|forste halvleg|1\. halvleg|erste[n]? (?:halbzeit|hälfte|halfte)|eerste helft"
    r"|primer (?:tiempo|parte)|primera parte|première période|premiere periode|première mi-temps|premiere mi-temps"
    r"|primo tempo"
)
_STOPPAGE_TEXT = re.compile(r"(\d{1,3})\s*(?:['’′.]|e)?\s*\+\s*(\d{1,2})")


def parse_minute(written: str | None) -> int | None:
    """A minute as written in any of the task's languages -> the match minute, or None.

    "13", "13'", "13th minute" -> 13; "90+2" -> 92; Italian "4' st" -> 49; "11 minutes from
    time" -> 79; "fem minutter inde i anden halvleg" -> 50.
    """
    if not written:
        return None
    text = written.casefold().strip()
    stoppage = _STOPPAGE_TEXT.search(text)
    if stoppage:
        return _in_range(int(stoppage.group(1)) + int(stoppage.group(2)))
    digits = re.search(r"\d{1,3}", text)
    number = int(digits.group()) if digits else None
    if number is None:
        said = [_ORDINAL_WORDS.get(w) or _NUMBER_WORDS.get(w) for w in _WORD_BEFORE.findall(text)]
        said += [_NUMBER_WORDS.get(w) for w in _WORD_AFTER.findall(text)]
        number = next((n for n in said if n is not None), None)
    if number is None:
        return None
    if _ADDED_TIME.search(text) and number <= 15:  # "in the first minute of added time" -> 91
        return _in_range((45 if _FIRST_HALF.search(text) else 90) + number)
    if _FROM_END.search(text) and number < 90:
        return _in_range(90 - number)
    if _SECOND_HALF.search(text) and number <= 45:
        return _in_range(45 + number)
    if number <= 55 and re.search(r"\d(?:\s*['’′]\s*|\s+)s\.?t\b", text):  # Italian "50’ st": its stoppage time
        return _in_range(45 + number)
    return _in_range(number)


def _in_range(minute: int) -> int | None:
    return minute if 1 <= minute <= 130 else None


#: "de laatste 25 minuten tien tegen negen": a stretch of the match, not the minute of the card.
_SPAN_BEFORE = re.compile(
    r"(?:last|final|laatste|letzten|sidste|dernieres|ultimos|ultimi|next|first|eerste|ersten)\s+$"
)
