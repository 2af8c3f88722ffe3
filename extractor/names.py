"""The project's one club-name normaliser: folding, affixes and common cross-language forms.

`club_key` turns a club name as an article writes it into a comparison key:

    club_key("1. FC Köln") == club_key("Köln") == "koln"
    club_key("Bayern Munich") == club_key("FC Bayern München") == "bayern"
    club_key("Internazionale") == club_key("Inter Mailand") == "inter"

The schema's validators (`same_team`), the evaluation (`team_similarity`) and the merge of
records into canonical matches (`extractor.merge`) all use it, so "the same club" means one
thing everywhere. `resolve_keys` adds one run-level step on top: a short form that is the
only shorter form of a longer one ("Atalanta" / "Atalanta Bergamo") takes the longer one's
place, unless it is ambiguous ("Manchester" in "Manchester City" and "Manchester United").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

#: Organisation prefixes and suffixes that do not tell clubs apart ("AS Roma" = "Roma").
CLUB_AFFIXES = frozenset(
    {
        "fc", "afc", "cf", "sc", "ac", "as", "ssc", "bc", "fk", "if", "bk", "sk", "club", "calcio",
        "cd", "ud", "sd", "rc", "rcd", "sv", "vfb", "vfl", "tsg", "tsv", "us", "ss", "ogc", "osc",
        "cfc", "aik", "kv", "krc", "sco", "hsc", "fco", "sm", "ea",
    }
)  # fmt: skip

#: Folded, affix-free forms of one club in several languages or lengths -> the one key.
#: Small on purpose: the forms a desk meets in European competition reports.
CLUB_ALIASES: dict[str, str] = {
    "bayern munchen": "bayern", "bayern munich": "bayern", "bayern monaco": "bayern", "bayern de munich": "bayern",
    "bayern muenchen": "bayern",
    "inter milan": "inter", "inter mailand": "inter", "inter milano": "inter", "internazionale": "inter",
    "internazionale milano": "inter", "inter de milan": "inter",
    "juve": "juventus", "juventus turin": "juventus", "juventus torino": "juventus",
    "ac milan": "milan", "milan ac": "milan",
    "man city": "manchester city", "man utd": "manchester united", "man united": "manchester united",
    "psg": "paris saint germain", "paris sg": "paris saint germain", "paris st germain": "paris saint germain",
    "spurs": "tottenham", "tottenham hotspur": "tottenham",
    "wolves": "wolverhampton", "wolverhampton wanderers": "wolverhampton",
    "atletico de madrid": "atletico madrid", "atleti": "atletico madrid",
    "borussia monchengladbach": "gladbach", "monchengladbach": "gladbach", "borussia m gladbach": "gladbach",
    "m gladbach": "gladbach", "borussia moenchengladbach": "gladbach",
    "borussia dortmund": "dortmund", "bvb": "dortmund",
    "bayer leverkusen": "leverkusen", "cologne": "koln", "koeln": "koln",
    "copenhagen": "kobenhavn", "kopenhagen": "kobenhavn", "copenaghen": "kobenhavn", "copenhague": "kobenhavn",
    "fck": "kobenhavn", "fcm": "midtjylland",
    "salisburgo": "salzburg", "red bull salzburg": "salzburg", "rb salzburg": "salzburg",
    "sjachtar donetsk": "shakhtar donetsk", "schachtar donezk": "shakhtar donetsk", "shakhtar": "shakhtar donetsk",
    "chakhtar donetsk": "shakhtar donetsk", "shakhtar donetsk": "shakhtar donetsk",
    "lokomotiv moskou": "lokomotiv moscow", "lokomotiv moskva": "lokomotiv moscow",
    "lokomotiv moskau": "lokomotiv moscow", "lokomotiv mosca": "lokomotiv moscow",
    "lokomotiv moscou": "lokomotiv moscow",
    "olympiakos": "olympiacos", "olympiakos piraeus": "olympiacos", "olympiacos piraeus": "olympiacos",
    "olympique marseille": "marseille", "olympique de marseille": "marseille",
    "olympique lyonnais": "lyon", "olympique lyon": "lyon",
    "sporting cp": "sporting", "sporting lisbon": "sporting", "sporting lissabon": "sporting",
    "naples": "napoli", "neapel": "napoli",
    "athletic bilbao": "athletic", "real betis": "betis", "celta vigo": "celta",
    "girondins de bordeaux": "bordeaux", "stade rennais": "rennes", "stade de reims": "reims",
    "feyenoord rotterdam": "feyenoord", "heracles almelo": "heracles",
    "dinamo zagreb": "dinamo zagreb", "dynamo kyiv": "dynamo kiev",
}  # fmt: skip

# Letters NFKD does not decompose (Nordic, German, Polish, ...).
_LETTERS = str.maketrans({"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss", "ł": "l", "Ł": "l", "đ": "d",
                          "Đ": "d", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "ð": "d"})  # fmt: skip
_NON_WORD = re.compile(r"[^\w\s]|_")
_SHORT_NUMBER = re.compile(r"^\d{1,2}$")  # '1.' FC Köln, Schalke '04', Hannover '96'; not '1860'


#: Entries of each name cache. A run repeats few names many times; a cache that held 65,536 names
#: (~200 bytes each) grew a run over many documents with new names by ~25 MB (issue 11: flat memory).
NAME_CACHE = 1 << 11


@lru_cache(maxsize=NAME_CACHE)
def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse whitespace ('Nîmes Olympique' -> 'nimes olympique')."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(_NON_WORD.sub(" ", ascii_text).split())


def strip_affixes(folded: str) -> str:
    """Drop affix tokens and short numbers from a folded name; keep it whole if nothing else is left."""
    tokens = folded.split()
    kept = [t for t in tokens if t not in CLUB_AFFIXES and not _SHORT_NUMBER.match(t)]
    return " ".join(kept or tokens)


@lru_cache(maxsize=NAME_CACHE)
def club_key(name: str) -> str:
    """The comparison key of a club name: folded, affix-free, cross-language forms joined."""
    folded = fold(name)
    if folded in CLUB_ALIASES:  # "FCM", "PSG" before their letters read as affixes
        return CLUB_ALIASES[folded]
    key = strip_affixes(folded)
    return CLUB_ALIASES.get(key, key)


def same_club(a: str, b: str) -> bool:
    """Whether two spellings name the same club ('Atalanta' ~ 'Atalanta Bergamo', 'Inter' ~ 'Internazionale').

    Equal keys, or one key's words all inside the other's, or one key inside the other as text
    (the schema's long-standing rule, so a model's 'Midtjylland' for 'FC Midtjylland' passes).
    A short key is inside another only as a whole word or, of three letters, as a word's start (a
    line's 'Spe' for 'Spezia'): 'OB' is not in 'København', nor 'AZ' in 'Lazio'.
    """
    ka, kb = club_key(a), club_key(b)
    if not ka or not kb:
        return a.strip().lower() == b.strip().lower()
    if ka == kb or ka in kb.split() or kb in ka.split() or initialism(a, b):
        return True
    short, long = sorted((ka, kb), key=len)
    if f" {short} " in f" {long} ":  # whole words: "f h" of "f h ved pausen"
        return True
    if len(short) >= _MIN_INNER_KEY:
        return short in long
    return len(short) == _MIN_INNER_KEY - 1 and any(word.startswith(short) for word in long.split())


_MIN_INNER_KEY = 4  # a shorter key is found anywhere inside a longer one's text only from this length


def initialism(a: str, b: str) -> bool:
    """Whether one name is the other's initials in capitals: 'YB' ~ 'BSC Young Boys', 'FCN' ~ 'FC Nordsjælland'."""
    for short, long in ((a.strip(), b), (b.strip(), a)):
        if 2 <= len(short) <= 4 and short.isalpha() and short.isupper():
            # the long name's words, less affixes and its own capitals ("BSC", "FC")
            words = [w for w in re.findall(r"[^\W\d_]+", long) if not (w.isupper() and len(w) <= 4)]
            words = [w for w in words if fold(w) not in CLUB_AFFIXES]
            if len(words) == len(short) and "".join(fold(w)[0] for w in words) == fold(short):
                return True
            # an affix in capitals kept whole: "FCN" ~ "FC Nordsjælland", "FCK" ~ "FC København"
            parts = re.findall(r"[^\W\d_]+", long)
            if len(parts) >= 2 and "".join(w if w.isupper() else w[0] for w in parts) == short:
                return True
    return False


def resolve_keys(keys: Iterable[str]) -> dict[str, str]:
    """Map each key of a run to the one key it should share with its other forms.

    A key whose words strictly contain exactly one other key's words, where that shorter key
    is contained in no unrelated longer key, maps to the shorter one ('atalanta bergamo' ->
    'atalanta'). Cost: one pass per key over the keys sharing a word with it.

    Returns:
        Every given key mapped to itself or to its shorter form.
    """
    distinct = sorted(set(keys))
    words = {key: frozenset(key.split()) for key in distinct}
    by_word: dict[str, list[str]] = {}
    for key in distinct:
        for word in words[key]:
            by_word.setdefault(word, []).append(key)
    shorter: dict[str, list[str]] = {}
    longer: dict[str, list[str]] = {}
    for key in distinct:
        near = {other for word in words[key] for other in by_word[word]}
        shorter[key] = [o for o in near if words[o] < words[key]]
        longer[key] = [o for o in near if words[key] < words[o]]
    out = {}
    for key in distinct:
        minimal = [s for s in shorter[key] if not any(words[t] < words[s] for t in shorter[key])]
        target = minimal[0] if len(minimal) == 1 else key
        if target != key and _ambiguous(target, longer[target], words):
            target = key
        out[key] = target
    return out


def _ambiguous(short: str, longs: list[str], words: dict[str, frozenset[str]]) -> bool:
    """Whether a short key sits inside two longer keys that are not forms of each other."""
    extras = [words[long] - words[short] for long in longs]
    return any(not (a <= b or b <= a) for i, a in enumerate(extras) for b in extras[i + 1 :])
