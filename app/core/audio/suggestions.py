"""Personal details a transcript seems to contain, proposed for redaction, never applied.

Two kinds of evidence, because a small speech model often mishears codes ("CF10 3AT" may come
out as "CF -10th Street"): the *shape* of the words (a UK postcode, phone number, vehicle
registration, date, e-mail address, PNC reference, a long run of digits, a name given in the
case) and what was said just *before* them ("my postcode is", "date of birth", "I live at",
"collar number"). A cue proposes the words after it, up to the end of the sentence or a few
seconds. Each suggestion says which words, when, and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from app.core.audio.sound_alike import sounding_like
from app.core.audio.transcript import Transcript, Word
from app.core.errors import QT_TRANSLATE_NOOP

NUMBER_WORDS = {"zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3",
                "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
                "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
                "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
                "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30",
                "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80",
                "ninety": "90", "hundred": "00"}
# inside a run of numbers (never on their own): "no" for "oh", "to"/"too" for "two",
# "stroke" in a reference
RUN_WORDS = {"double", "triple", "and", "no", "to", "too", "for", "stroke", "slash"}
RUN_DIGITS = {"no": "0", "to": "2", "too": "2", "for": "4", "i": "1"}
# "I" is "one" only inside a run of numbers, written bare ("18 stroke I 876540", "1 .I .8"),
# never at its ends or after a pause ("20, I... 25 people")
TLDS = re.compile(r"(^|\.)(com|co|uk|org|net|gov|ac|police)$")
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
          "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
ORDINAL = re.compile(r"^\d{1,2}(st|nd|rd|th)$|^(first|second|third|fourth|fifth|sixth|"
                     r"seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|\w+teenth|"
                     r"twentieth|thirtieth|twenty\w*|thirty\w*)$")
POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$")
OUTWARD = re.compile(r"^[A-Z]{1,2}\d{1,2}[A-Z]?$")
# a postcode with its last letter not heard ("SW1A2A" for "SW1A 2AA"), as a model writes
# one: in capitals, ending with a letter ("A380", "H264" and "A380s" are not one)
CLIPPED_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]$")
REGISTRATION = re.compile(r"^[A-Z]{2}\d{2}[A-Z]{3}$|^[A-Z]\d{1,3}[A-Z]{3}$|^[A-Z]{3}\d{1,3}[A-Z]$")
PNC = re.compile(r"^\d{2}/\d{4,7}[A-Z]?$")  # the check letter is often misheard
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
YEAR = re.compile(r"^(19|20)\d{2}$")
SPOKEN_MARKS = {"stroke": "/", "slash": "/", "oblique": "/"}  # "23 stroke 123456 K"
# "stroke" as a speech model clips it inside a reference ("19's troke 45678", "TROK"):
# read as "stroke" (never "Stoke", "strike" or "strode": a place, a surname, words)
STROKE_CLIPPED = ("troke", "trok", "strok", "strokes")
SLASH_DATE = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")

# cue words (lower case, joined by spaces) -> the kind of detail that follows
CUES: dict[str, str] = {
    "postcode": "postcode", "post code": "postcode", "postal code": "postcode",
    "date of birth": "date_of_birth", "born on": "date_of_birth", "born": "date_of_birth",
    "dob": "date_of_birth", "d o b": "date_of_birth", "birthday": "date_of_birth",
    "phone number": "phone", "mobile number": "phone", "phone": "phone", "mobile": "phone",
    "telephone": "phone", "number is": "phone", "call me on": "phone",
    "registration": "registration", "reg": "registration", "number plate": "registration",
    "index": "registration", "vrm": "registration",
    "i live at": "address", "lives at": "address", "address is": "address",
    "my address": "address", "living at": "address",
    "collar number": "collar_number", "warrant number": "collar_number", "collar": "collar_number",
    "pnc": "pnc", "pnc number": "pnc", "crime reference": "pnc", "crime number": "pnc",
    "reference number": "pnc", "reference is": "pnc", "incident number": "pnc",
    "log number": "pnc", "occurrence number": "pnc", "custody number": "pnc",
    "shoulder number": "collar_number", "badge number": "collar_number",
    "email": "email", "e-mail": "email", "email address": "email",
    "my name is": "name", "name is": "name", "called": "name", "surname": "name",
    "first name": "name", "last name": "name", "number": "digits",
}
NEAR = 0.75  # difflib similarity of a heard word to a given name
# cues also found where the model wrote words that sound like them ("Colin Humber" for
# "collar number", "date on birth"): a run must end with a word at least CUE_TAIL as
# similar to the cue's last word ("Humber" 0.8 to "number"), and what it proposes must open
# with a number ("call a member of the public at 2", "a bit of both, to be honest": nothing)
SOUNDING_CUES = ("date of birth", "phone number", "mobile number", "collar number",
                 "warrant number", "shoulder number", "badge number", "crime reference",
                 "reference number", "custody number", "incident number")
CUE_TAIL = 0.6
NUMBER_KINDS = {"phone", "digits", "collar_number", "pnc"}  # their cues need a number after
CUE_STOPS = {"is", "was", "to", "at", "on", "my", "me", "email", "address"}
CUE_SPAN_S = 4.0  # a cue proposes at most this much speech after it
CUE_WORDS = 8  # ... and at most this many words
SENTENCE_END = (".", "?", "!")

KINDS = {
    "name": QT_TRANSLATE_NOOP("Suggestions", "name"),
    "postcode": QT_TRANSLATE_NOOP("Suggestions", "postcode"),
    "phone": QT_TRANSLATE_NOOP("Suggestions", "phone number"),
    "date_of_birth": QT_TRANSLATE_NOOP("Suggestions", "date of birth"),
    "date": QT_TRANSLATE_NOOP("Suggestions", "date"),
    "registration": QT_TRANSLATE_NOOP("Suggestions", "vehicle registration"),
    "email": QT_TRANSLATE_NOOP("Suggestions", "e-mail address"),
    "collar_number": QT_TRANSLATE_NOOP("Suggestions", "collar number"),
    "pnc": QT_TRANSLATE_NOOP("Suggestions", "PNC reference"),
    "digits": QT_TRANSLATE_NOOP("Suggestions", "number"),
    "address": QT_TRANSLATE_NOOP("Suggestions", "address"),
    "unheard": QT_TRANSLATE_NOOP("Suggestions", "speech not transcribed"),
}
WHY_SHAPE = QT_TRANSLATE_NOOP("Suggestions", "looks like a {kind}")
WHY_CUE = QT_TRANSLATE_NOOP("Suggestions", "said after \u201c{cue}\u201d")
WHY_CUE_SOUNDS = QT_TRANSLATE_NOOP("Suggestions",
                                   "said after words that sound like \u201c{cue}\u201d")
WHY_NAME = QT_TRANSLATE_NOOP("Suggestions", "a name given in the case")
WHY_SOUNDS = QT_TRANSLATE_NOOP("Suggestions", "sounds like a name given in the case")
WHY_UNHEARD = QT_TRANSLATE_NOOP("Suggestions", "someone speaks here but the speech model "
                                "wrote no words: listen to it")


@dataclass(frozen=True)
class Suggestion:
    kind: str  # a key of KINDS
    first: int  # word indexes, inclusive (-1 for speech with no words)
    last: int
    start_s: float
    end_s: float
    text: str  # the words as transcribed (shown to the user, never stored in a plan)
    why: str  # a WHY_* template
    cue: str = ""  # the cue words, for WHY_CUE

    def why_text(self) -> str:
        """``why`` filled in, in English (the UI translates the template and the kind)."""
        return self.why.format(kind=KINDS[self.kind], cue=self.cue)


def suggest(transcript: Transcript, names: Iterable[str] = ()) -> list[Suggestion]:
    """Every proposed span, in time order; overlapping proposals of one kind are merged."""
    words = transcript.words
    unheard = [Suggestion("unheard", -1, -1, a, b, "", WHY_UNHEARD)
               for a, b in transcript.unheard]
    tokens = [_token(w) for w in words]
    found = [*_names(words, names), *_shapes(words, tokens), *_cues(words, tokens)]
    return sorted([*_merge(found, words), *unheard], key=lambda s: s.start_s)


def _token(word: Word) -> str:
    """The word as codes are matched: number words as digits, a number's "'s" dropped
    ("19's" is "19"), "stroke" as a model clips it read as "stroke"."""
    bare = word.bare
    if bare.endswith("'s") and any(c.isdigit() for c in bare):
        bare = bare[:-2]
    elif bare in STROKE_CLIPPED:
        bare = "stroke"
    return _heard(bare)


def _heard(bare: str) -> str:
    """A word as heard: number words as digits."""
    return NUMBER_WORDS.get(bare, bare)


def _names(words: list[Word], names: Iterable[str]) -> list[Suggestion]:
    """Each word that is (or is spelt like) part of a given name, widened to the words the
    rest of that name would take, whatever the model heard there ("Hamid Iqbal" heard as
    "Hamidic bull": both words); and words that sound like a whole given name however they
    are spelt ("Mohammed Iqbal" heard as "no Hamidic bull": ``sound_alike``)."""
    names = list(names)
    split = [[p for p in re.findall(r"[\w'-]+", name.lower()) if len(p) > 1] for name in names]
    out = []
    for i, token in enumerate(_heard(w.bare) for w in words):
        for parts in split:
            at = next((k for k, p in enumerate(parts)
                       if token == p or (len(p) >= 4 and _near(token, p))), None)
            if at is not None:
                first, last = max(0, i - at), min(len(words) - 1, i + len(parts) - 1 - at)
                out.append(_make("name", words, first, last, WHY_NAME))
    return out + [_make("name", words, first, last, WHY_SOUNDS)  # a spelt match sorts first
                  for name in names for first, last in sounding_like(words, name)]


def _shapes(words: list[Word], tokens: list[str]) -> list[Suggestion]:
    out: list[Suggestion] = []
    n = len(tokens)
    for i in range(n):
        token = tokens[i]
        if EMAIL.match(token):
            out.append(_make("email", words, i, i, WHY_SHAPE))
        elif TLDS.search(token) and i > 0 and "." in words[i].text:  # "garage .co .uk"
            first = i
            while first > 0 and i - first < 4 and not words[first - 1].text.endswith(
                    SENTENCE_END[1:]) and words[first - 1].bare not in CUE_STOPS:
                first -= 1
            out.append(_make("email", words, first, i, WHY_SHAPE))
        if (OUTWARD.match(token.upper()) or CLIPPED_POSTCODE.match(
                words[i].text.strip(".,;:?!"))) and \
                _code_part(words[i], token) and any(
                c.isalpha() for c in token) and any(c.isdigit() for c in token):
            last = i + 1 if i + 1 < n and _code_part(words[i + 1], tokens[i + 1]) else i
            out.append(_make("postcode", words, i, last, WHY_SHAPE))  # "M1 1AE", "EH3 ..."
        if SLASH_DATE.match(token):
            out.append(_make("date", words, i, i, WHY_SHAPE))
        for j in range(i, min(n, i + 6)):  # a code said in up to six words
            if not _code_part(words[j], tokens[j]):
                break
            joined = "".join(SPOKEN_MARKS.get(t, t) for t in tokens[i:j + 1]).upper()
            joined = joined.replace("-", "").replace("'", "")
            if POSTCODE.match(joined):
                out.append(_make("postcode", words, i, j, WHY_SHAPE))
            elif REGISTRATION.match(joined) and any(c.isdigit() for c in joined):
                out.append(_make("registration", words, i, j, WHY_SHAPE))
            elif PNC.match(joined):
                out.append(_make("pnc", words, i, j, WHY_SHAPE))
        if tokens[i] in MONTHS:  # "4th of March 1980", "March the fourth"
            first, last = i, i
            while first > 0 and i - first < 3 and (ORDINAL.match(tokens[first - 1]) or
                                                  tokens[first - 1] in ("of", "the")
                                                  or tokens[first - 1].isdigit()):
                first -= 1
            while last + 1 < n and last - i < 3 and (
                    YEAR.match(tokens[last + 1]) or ORDINAL.match(tokens[last + 1])
                    or tokens[last + 1] in ("the", "of") or tokens[last + 1].isdigit()):
                last += 1
            if (first, last) != (i, i):
                out.append(_make("date", words, first, last, WHY_SHAPE))
    out += _digit_runs(words, tokens)
    return out


def _digit_runs(words: list[Word], tokens: list[str]) -> list[Suggestion]:
    """Runs of number words: 9+ digits starting 0 or +44 look like a phone number; any run
    of 5+ digits is proposed as a number (reference, account, date of birth ...)."""
    out = []
    i, n = 0, len(tokens)
    while i < n:
        starts = _numeric(tokens[i]) or (tokens[i] in ("no", "oh") and i + 1 < n
                                          and _numeric(tokens[i + 1]))
        if not starts:
            i += 1
            continue
        j = i
        while j + 1 < n and (_numeric(tokens[j + 1]) or tokens[j + 1] in RUN_WORDS
                             or _one_as_i(words, j + 1)):
            j += 1
        while j > i and not _numeric(tokens[j]):
            j -= 1
        digits = "".join(c for t in tokens[i:j + 1] for c in RUN_DIGITS.get(t, t)
                         if c.isdigit())
        if len(digits) >= 9 and (digits.startswith("0") or digits.startswith("44")):
            out.append(_make("phone", words, i, j, WHY_SHAPE))
        elif len(digits) >= 5:
            out.append(_make("digits", words, i, j, WHY_SHAPE))
        i = j + 1
    return out


def _cues(words: list[Word], tokens: list[str]) -> list[Suggestion]:
    """What follows a cue, said as written or heard as words that sound like a cue of two
    words or more ("collar number" written "Colin Humber": ``sound_alike``)."""
    out = []
    longest = max(len(c.split()) for c in CUES)
    for i in range(len(tokens)):
        for size in range(longest, 0, -1):  # the longest cue that ends at word i
            if i - size + 1 < 0:
                continue
            cue = " ".join(tokens[i - size + 1:i + 1])
            if cue not in CUES:
                continue
            out += _cued(words, tokens, i, cue, WHY_CUE)
            break
    for cue in SOUNDING_CUES:
        for first, last in sounding_like(words, cue, tail=CUE_TAIL):
            if " ".join(tokens[first:last + 1]) in CUES:  # (as written: above)
                continue
            found = _cued(words, tokens, last, cue, WHY_CUE_SOUNDS)
            if found and _opens_with_number(tokens, found[0].first):
                out += found
    return out


def _opens_with_number(tokens: list[str], i: int) -> bool:
    """Word ``i`` is a number, or "to"/"for"/"no" (as a model writes "two", "four", "oh")
    right before one."""
    return _numeric(tokens[i]) or (tokens[i] in RUN_DIGITS and i + 1 < len(tokens)
                                   and _numeric(tokens[i + 1]))


def _cued(words: list[Word], tokens: list[str], i: int, cue: str,
          why: str) -> list[Suggestion]:
    """The words a cue ending at word ``i`` proposes (for a number's cue, only with a
    number among them)."""
    span = _after(words, i)
    numbers = span is not None and any(_numeric(t) for t in tokens[span[0]:span[1] + 1])
    if span is None or (CUES[cue] in NUMBER_KINDS and not numbers):
        return []
    return [_make(CUES[cue], words, span[0], span[1], why, cue)]


def _gap(a: Word, b: Word) -> float:
    """From ``a``'s start to ``b``'s, the shorter by the two placings (forced_alignment)."""
    return min(b.start_s - a.start_s, (b.heard or (b.start_s,))[0] - (a.heard or (a.start_s,))[0])


def _after(words: list[Word], i: int) -> tuple[int, int] | None:
    """The words after a cue ending at ``i``: up to a sentence end, "and"/"but", CUE_SPAN_S
    or CUE_WORDS ("is", "was" and "it's" right after the cue belong to the cue)."""
    first = i + 1
    while first < len(words) and words[first].bare in ("is", "was", "it's", "its", "on", "at"):
        first += 1
    if first >= len(words) or words[i].text.endswith(SENTENCE_END):
        return None
    last = first
    while (last + 1 < len(words) and last + 1 - first < CUE_WORDS
           and _gap(words[first], words[last + 1]) < CUE_SPAN_S
           and not _ends_sentence(words, last)
           and words[last + 1].bare not in ("and", "but")):  # "... and my postcode is"
        last += 1
    return first, last


def _ends_sentence(words: list[Word], i: int) -> bool:
    """Word ``i`` ends a sentence, unless it is a number the next word carries on in lower
    case or digits ("call me on 013496. four nine six": a model's full stop inside a number
    said in groups; "4521. Two men" ends one)."""
    if not words[i].text.endswith(SENTENCE_END):
        return False
    if i + 1 >= len(words) or not words[i].text.endswith("."):
        return True
    after = words[i + 1]
    return not (_numeric(_token(words[i])) and _numeric(_token(after))
                and not after.text.lstrip(".-")[:1].isupper())


def _code_part(word: Word, token: str) -> bool:
    """Can be part of a spoken code: has a digit, is "stroke"/"slash", or is written in
    capitals (the model writes letters said one by one that way), but not "I" or "A"."""
    if any(c.isdigit() for c in token) or token in SPOKEN_MARKS:
        return True
    letters = "".join(c for c in word.text if c.isalpha())
    return bool(letters) and letters.isupper() and letters not in ("I", "A")


def _one_as_i(words: list[Word], i: int) -> bool:
    """"I" written bare inside a run of numbers (as a model writes "one" there), not after
    a pause ("20, I... 25"); the run's last word must still be a number."""
    return (words[i].text.lstrip(".-") == "I" and i > 0
            and not words[i - 1].text.endswith((",", "...", *SENTENCE_END)))


def _numeric(token: str) -> bool:
    """Digits (with separators), or digits with at most two letters ("19th", "4c")."""
    return (bool(token) and any(c.isdigit() for c in token)
            and all(c.isdigit() or c in ",.+/" or c.isalpha() for c in token)
            and sum(c.isalpha() for c in token) <= 2)


def _near(a: str, b: str) -> bool:
    """Spelt alike (a sound-alike the model may write: "Smyth" for "Smith", "McLoud" for
    "McLeod")."""
    if 2 * min(len(a), len(b)) < NEAR * (len(a) + len(b)):  # the ratio's bound by length
        return False
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= NEAR and matcher.ratio() >= NEAR  # (another bound first)


def _make(kind: str, words: list[Word], first: int, last: int, why: str,
          cue: str = "") -> Suggestion:
    inside = words[first:last + 1]
    return Suggestion(kind, first, last, min(w.outer[0] for w in inside),
                      max(w.outer[1] for w in inside),
                      " ".join(w.text for w in words[first:last + 1]), why, cue)


def _merge(found: list[Suggestion], words: list[Word]) -> list[Suggestion]:
    """One suggestion per stretch: overlapping or adjacent spans join (the first found names
    the kind: a name or shape before a cue)."""
    out: list[Suggestion] = []
    for s in sorted(found, key=lambda s: (s.first, -s.last)):
        if out and s.first <= out[-1].last + 1:  # overlapping or next to each other
            top = out[-1]
            if s.last > top.last:
                out[-1] = _make(top.kind, words, top.first, s.last, top.why, top.cue)
            continue
        out.append(s)
    return out
