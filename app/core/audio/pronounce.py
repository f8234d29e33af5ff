"""How a transcript's words may have been said: what forced alignment listens for.

A speech model writes "07700", "CF10", "12th", ".co.uk" or a name it spelled its own way;
the aligner needs the spoken words. ``spoken_ways`` gives each written word the ways it may
have been said, each a list of words the aligner knows (a pronouncing dictionary's words,
letter names, or a spelling pronounced by rule for a word the dictionary lacks; a word
written "a|b" is either), at most ``MAX_WAYS`` of them. Numbers are said digit by digit
(each 0 as "oh", "zero" or "nought") or as a number ("sixty eight", "nineteen eighty",
"twenty third").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

MAX_WAYS = 12
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINAL = {"one": "first", "two": "second", "three": "third", "five": "fifth",
           "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}
# letter names (British: Z as "zed" too), as phones of the aligner's model
LETTERS = {"a": ["EY"], "b": ["B IY"], "c": ["S IY"], "d": ["D IY"], "e": ["IY"],
           "f": ["EH F"], "g": ["JH IY"], "h": ["EY CH", "HH EY CH"], "i": ["AY"],
           "j": ["JH EY"], "k": ["K EY"], "l": ["EH L"], "m": ["EH M"], "n": ["EH N"],
           "o": ["OW"], "p": ["P IY"], "q": ["K Y UW"], "r": ["AA R", "AA"], "s": ["EH S"],
           "t": ["T IY"], "u": ["Y UW"], "v": ["V IY"], "w": ["D AH B AH L Y UW"],
           "x": ["EH K S"], "y": ["W AY"], "z": ["Z EH D", "Z IY"]}
ZERO = "oh|zero|nought"  # one word said any of these ways
SYMBOLS = {"@": [["at"]], "/": [["stroke"], ["slash"]], "&": [["and"]], "%": [["percent"]],
           "+": [["plus"]], ".": [["dot"], ["point"], []]}
# spelling to sound, longest first: rough, but the aligner needs a word's length and shape
# more than its exact sounds
RULES = [("tch", "CH"), ("sch", "S K"), ("igh", "AY"), ("ough", "AO"), ("ch", "CH"),
         ("sh", "SH"), ("th", "TH"), ("ph", "F"), ("wh", "W"), ("ck", "K"), ("ng", "NG"),
         ("qu", "K W"), ("gh", "G"), ("kn", "N"), ("wr", "R"), ("ee", "IY"), ("ea", "IY"),
         ("oo", "UW"), ("ou", "AW"), ("ow", "OW"), ("ai", "EY"), ("ay", "EY"), ("ei", "EY"),
         ("ey", "EY"), ("oa", "OW"), ("oi", "OY"), ("oy", "OY"), ("au", "AO"), ("aw", "AO"),
         ("ie", "IY"), ("ue", "UW"), ("er", "ER"), ("ir", "ER"), ("ur", "ER"),
         ("ar", "AA R"), ("or", "AO R"), ("a", "AE"), ("b", "B"), ("d", "D"), ("e", "EH"),
         ("f", "F"), ("h", "HH"), ("i", "IH"), ("j", "JH"), ("k", "K"), ("l", "L"),
         ("m", "M"), ("n", "N"), ("o", "AA"), ("p", "P"), ("q", "K"), ("r", "R"), ("s", "S"),
         ("t", "T"), ("u", "AH"), ("v", "V"), ("w", "W"), ("x", "K S"), ("z", "Z")]

Known = Callable[[str], bool]  # is this word in the aligner's dictionary?


def cardinal(n: int) -> list[str]:
    """``n`` (0-999,999,999) in words, British style ("three hundred and five")."""
    if n < 20:
        return [ONES[n]]
    if n < 100:
        return [TENS[n // 10]] + ([ONES[n % 10]] if n % 10 else [])
    if n < 1000:
        rest = n % 100
        return [ONES[n // 100], "hundred"] + (["and", *cardinal(rest)] if rest else [])
    if n >= 1_000_000:
        rest = n % 1_000_000
        head = [*cardinal(n // 1_000_000), "million"]
        return head + ((["and"] if rest < 100 else []) + cardinal(rest) if rest else [])
    rest = n % 1000
    head = [*cardinal(n // 1000), "thousand"]
    if not rest:
        return head
    return head + (["and"] if rest < 100 else []) + cardinal(rest)


def ordinal(n: int) -> list[str]:
    """``n`` as an ordinal ("twenty third")."""
    words = cardinal(n)
    last = words[-1]
    if last in ORDINAL:
        last = ORDINAL[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return [*words[:-1], last]


def _pair(digits: str) -> list[str]:
    """Two digits as said in a year or a time: "05" as "oh five", "30" as "thirty"."""
    n = int(digits)
    return ["oh", ONES[n]] if digits[0] == "0" and n else cardinal(n)


def _doubled(digits: str) -> list[str]:
    """Digit by digit, a repeated digit as "double" or "treble" ("double seven")."""
    out: list[str] = []
    for d, run in itertools.groupby(digits):
        count = len(list(run))
        word = ZERO if d == "0" else ONES[int(d)]
        while count >= 2:
            take = 3 if count == 3 else 2
            out += ["treble|triple" if take == 3 else "double", word]
            count -= take
        out += [word] * count
    return out


def number_ways(digits: str, ordinal_suffix: bool = False) -> list[list[str]]:
    """The ways a run of digits may have been said."""
    n = int(digits)
    if ordinal_suffix:
        return [ordinal(n)] if n < 1_000_000_000 else []
    ways: list[list[str]] = []
    if len(digits) <= 9 and not (digits.startswith("0") and len(digits) > 1):
        ways.append(cardinal(n))
    if len(digits) == 4:  # a year or a time: "nineteen eighty", "oh nine thirty",
        high, low = digits[:2], digits[2:]  # "fifteen hundred", "twenty three fifty nine"
        ways.append(_pair(high) + (["hundred"] if low == "00" else _pair(low)))
    if len(digits) > 1 or n == 0:
        ways.append([ZERO if d == "0" else ONES[int(d)] for d in digits])
        doubled = _doubled(digits)
        if "double" in doubled or "treble|triple" in doubled:
            ways.append(doubled)
    return ways


def _plural(way: list[str]) -> list[str]:
    """A number said as a decade ("nineteen eighties", "nineties")."""
    last = way[-1]
    return [*way[:-1], last[:-1] + "ies" if last.endswith("y") else last + "s"]


def rule_phones(word: str) -> str:
    """A pronunciation of ``word`` (letters only) by spelling rules."""
    word = re.sub(r"(.)\1", r"\1", word.lower())  # double letters sound once
    if len(word) > 3 and word.endswith("e") and word[-2] not in "aeiouy":
        word = word[:-1]  # a silent final e
    phones, i = [], 0
    while i < len(word):
        ch = word[i]
        if ch == "c":
            phones.append("S" if word[i + 1:i + 2] in ("e", "i", "y") else "K")
        elif ch == "g":
            phones.append("JH" if word[i + 1:i + 2] in ("e", "i") and i else "G")
        elif ch == "y":
            phones.append("Y" if i == 0 else "IY" if i == len(word) - 1 else "IH")
        else:
            for graph, sound in RULES:
                if word.startswith(graph, i):
                    phones.append(sound)
                    i += len(graph) - 1
                    break
        i += 1
    return " ".join(phones)


def _letters_ways(text: str, known: Known) -> list[list[str]]:
    """A run of letters: the word, and its letters' names for a short code ("LK", "SMR")."""
    lower = text.lower()
    ways = [[lower]] if known(lower) else []
    if lower in ("am", "pm") or len(text) == 1 or (len(text) <= 5 and (text.isupper()
                                              or not re.search("[aeiouy]", lower))):
        ways.append([f"letter:{c}" for c in lower])
    return ways or [[f"rule:{lower}"]]


def spoken_ways(text: str, known: Known) -> list[list[str]]:
    """The ways the written word ``text`` may have been said (each a list of words: a
    dictionary word, ``letter:x`` for a letter's name, ``rule:word`` for a word pronounced by
    rule); [] if nothing in it is said (punctuation)."""
    text = text.replace("\u2019", "'").strip("\"()[]{},;:?!")
    text = re.sub(r"^[-']+|[-'.]+$", "", text)  # a leading dot is said (".co")
    lower = text.lower()
    if re.fullmatch(r"[a-z]+'[a-z]+", lower) and known(lower):
        return [[lower]]
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # "10,000"
    parts = re.findall(r"\d+(?:st|nd|rd|th|s)\b|\d+|[A-Za-z]+|[@/&%+.]", text)
    ways: list[list[str]] = [[]]
    for part in parts:
        if part[0].isdigit():
            if part.endswith("s") and not part.endswith("st"):  # "1980s", "90s"
                options = [_plural(w) for w in number_ways(part[:-1]) if "|" not in w[-1]]
            elif part[-1].isalpha():
                options = number_ways(part[:-2], ordinal_suffix=True)
            else:
                options = number_ways(part)
        elif part.isalpha():
            options = _letters_ways(part, known)
        else:
            options = SYMBOLS.get(part, [[]])
        ways = [a + b for a, b in itertools.product(ways, options or [[]])][:MAX_WAYS]
    return [w for w in ways if w] or []
