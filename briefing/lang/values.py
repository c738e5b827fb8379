"""Numbers, percentages, amounts and dates as typed values, so code compares facts.

"12 prósent", "12%" and "12 percent" are one value; so are "17. júní" and "June 17", and
"sex klukkustundir" and "six hours" (both the number 6). Icelandic goes through Miðeind's
`tokenizer` (comma decimals, period thousands, typed dates); English through a small
regex and word parser; languages that write a decimal comma ("4,5 Prozent", "12 000
euros") through a digits-only parser of their own. A value the parser cannot read is left
out, never guessed: read as English, "4,5" would be the number 4.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from briefing.lang import icelandic, lexicon
from briefing.lang.calendar import month_names

__all__ = [
    "Value", "bounded", "counted", "english_number", "gives", "located", "magnitudes",
    "qualifiers", "values",
    "within",
]  # fmt: skip


@dataclass(frozen=True)
class Value:
    """One typed fact. `number` for number/percent/amount/ordinal; `date` as (year, month, day)
    with 0 for a part the text leaves out; `unit` a currency code for amounts."""

    kind: str
    number: float | None = None
    date: tuple[int, int, int] | None = None
    unit: str = ""


def _num(x: float) -> float:
    return round(float(x), 6)


# Number words from two up ("one" of them is rarely a fact to compare), scales and months,
# from the lexicon and CLDR.
_EN_WORDS: dict[str, int] = lexicon.table("numbers.words", "en")
_EN_SCALE: dict[str, float] = lexicon.table("numbers.scale", "en")
_EN_MONTHS = {
    form.lower(): n
    for n, forms in enumerate(month_names("en", abbreviations=True), 1)
    for form in forms
}
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP"}
# "the two governments", "all three sides": a number word after these points back at things
# already named; another outlet rarely repeats it, so it is no fact to compare.
_REFERRING = re.compile(r"(?i)\b(?:the|these|those|all)\s+$")
_MONTH = r"(?P<month>" + "|".join(sorted(_EN_MONTHS, key=len, reverse=True)) + r")\.?"
_EN_DATE = re.compile(
    rf"(?i)\b(?:{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>"
    + "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
    + r")\.?(?:,?\s+(?P<y2>\d{4}))?)\b"
)
# A month named alone after a word that places it in time ("in March"), and no day: a
# date of that month (and year), as `tokenizer` reads Icelandic "í apríl". The month is
# capitalised: "in may" is no month.
_EN_MONTH_ALONE = re.compile(
    rf"(?<!\w)(?i:{lexicon.alternation('calendar.before_month', 'en')})[\s-]+"
    r"(?P<month>"
    + "|".join(
        sorted(
            {f.capitalize() for forms in month_names("en") for f in forms}, key=len, reverse=True
        )
    )
    + r")\b(?:,?\s+(?P<year>\d{4})\b)?(?!\s*\d)"
)
_EN_NUMBER = re.compile(
    r"(?i)(?P<cur>[$€£])?(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|(?:" + "|".join(sorted(_EN_WORDS, key=len, reverse=True)) + r")(?:-(?:one|two|three|four"
    r"|five|six|seven|eight|nine))?)(?P<short>m|bn)?\b"
    r"(?P<scale>\s+(?:hundred|thousand|million|billion|trillion))?"
    r"(?P<pct>\s*%|\s+per\s?cent\b|\s+percentages?\b)?"
    r"(?P<isk>\s+(?:kronur|krona|krónur|króna|ISK|kr)\b)?"
)

# "34th", "1st": an ordinal, as Icelandic writes "34."; times of day ("12:55", "4 p.m.").
_EN_ORDINAL = re.compile(r"(?<![\w.,])(\d+)(?:st|nd|rd|th)\b", re.IGNORECASE)
_EN_TIME = re.compile(
    r"(?i)(?<![\w.,])(?P<hour>\d{1,2})(?::(?P<minute>\d{2})\b(?:\s*[ap]\.?m\b\.?)?|\s*[ap]\.?m\b\.?)"
)


def _time(hour: int, minute: int) -> Value:
    """A time of day, on a twelve-hour clock: "4 p.m." is "klukkan 16", "kl. 4"."""
    return Value("time", _num((hour % 12) * 60 + minute))


def _amount(number: float, unit: str) -> set[Value]:
    """An amount, and its number: "45 million" states what "45 milljónir króna" does."""
    return {Value("amount", _num(number), unit=unit), Value("number", _num(number))}


def _english(text: str) -> set[Value]:
    return {value for value, _, _ in located(text)}


def located(text: str) -> list[tuple[Value, int, int]]:
    """The English values of `text`, each with the span that states it ("six hours": the
    number 6 at "six"; an amount gives its number at the same span)."""
    found: list[tuple[Value, int, int]] = []
    taken: list[tuple[int, int]] = []
    for m in _EN_DATE.finditer(text):
        month = _EN_MONTHS[(m.group("month") or m.group("month2")).lower()]
        day = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y1") or m.group("y2") or 0)
        if 1 <= day <= 31:
            found.append((Value("date", date=(year, month, day)), *m.span()))
            taken.append(m.span())
    for m in _EN_MONTH_ALONE.finditer(text):
        if not any(a <= m.start("month") < b for a, b in taken):
            month = _EN_MONTHS[m.group("month").lower()]
            found.append((Value("date", date=(int(m.group("year") or 0), month, 0)), *m.span()))
            taken.append(m.span())
    for m in _EN_TIME.finditer(text):
        found.append((_time(int(m.group("hour")), int(m.group("minute") or 0)), *m.span()))
        taken.append(m.span())  # "12:55 p.m." is a time, not the numbers 12 and 55
    for m in _EN_ORDINAL.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            found.append((Value("ordinal", _num(int(m.group(1)))), *m.span()))
    for m in _EN_NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if m.group("short") and not m.group("cur"):
            continue  # "5m" is five metres; "£5m" is five million pounds
        raw = m.group("num").lower()
        if not raw[0].isdigit() and not m.group("scale") and _REFERRING.search(text[: m.start()]):
            continue
        if raw[0].isdigit():
            number = float(raw.replace(",", ""))
        else:
            head, _, tail = raw.partition("-")
            number = _EN_WORDS.get(head, 0) + (_EN_WORDS.get(tail, 0) if tail else 0)
        if m.group("scale"):
            number *= _EN_SCALE[m.group("scale").strip().lower()]
        elif m.group("short"):
            number *= _EN_SCALE["million" if m.group("short") == "m" else "billion"]
        if m.group("pct"):
            stated = {Value("percent", _num(number))}
        elif m.group("isk"):  # "1,200 kronur", as `tokenizer` types "1.200 krónur"
            stated = _amount(number, "ISK")
        elif m.group("cur"):
            stated = _amount(number, _CURRENCY[m.group("cur")])
        else:
            stated = {Value("number", _num(number))}
        found += [(value, *m.span()) for value in sorted(stated, key=lambda v: v.kind)]
    return found


def within(stated: Value, given: Value) -> bool:
    """A date stated no more precisely than one given says the same ("in March" of "3
    March 2026": each part the statement gives is the given one's); other values must
    be equal."""
    if stated.date is None or given.date is None:
        return stated == given
    return all(s in (0, g) for s, g in zip(stated.date, given.date, strict=True))


YEARS = (1800, 2199)  # a bare whole number in this range is read as a year


def is_year(value: Value) -> bool:
    """A bare whole number that reads as a year ("in 2028", "2029 in Bodø")."""
    n = value.number
    return (
        value.kind == "number"
        and not value.unit
        and n is not None
        and n == int(n)
        and (YEARS[0] <= n <= YEARS[1])
    )


def english_number(number: float, as_word: bool) -> str:
    """A number as an English text writes it: a word where `as_word` and one exists
    ("five", "forty"), else digits ("45", "16.5")."""
    whole = number == int(number)
    if as_word and whole:
        words = {n: w for w, n in _EN_WORDS.items()}
        if int(number) in words:
            return words[int(number)]
    return str(int(number)) if whole else f"{number:g}"


_IS_NUMBER_WORDS: dict[str, int] = lexicon.table("numbers.words", "is")
_IS_SCALE: dict[str, float] = lexicon.table("numbers.scale", "is")
_IS_PERCENT = lexicon.wordset("numbers.percent", "is")


_NUMBERS_JOINED = re.compile(r"\d{1,3}(?:-\d{1,3})+")


def _icelandic(text: str) -> set[Value]:
    from tokenizer import TOK, tokenize

    found: set[Value] = set()
    tokens = _joined([t for t in tokenize(text) if t.kind not in TOK.END and t.kind != TOK.S_BEGIN])
    skip = False
    for i, t in enumerate(tokens):
        if skip:
            skip = False
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        nxt_lemmas = (
            icelandic.lemmas(nxt.txt.lower()) | {nxt.txt.lower()}
            if nxt is not None and nxt.kind == TOK.WORD
            else frozenset()
        )
        number: float | None = None
        if t.kind == TOK.PERCENT:
            found.add(Value("percent", _num(t.val[0])))
        elif t.kind == TOK.AMOUNT:
            found |= _amount(t.val[0], t.val[1])
        elif t.kind in (TOK.DATEREL, TOK.DATEABS, TOK.DATE):
            y, m, d = t.val
            found.add(Value("date", date=(y or 0, m or 0, d or 0)))
        elif t.kind == TOK.ORDINAL:
            found.add(Value("ordinal", _num(t.val)))
        elif t.kind == TOK.TIME:
            found.add(_time(t.val[0], t.val[1]))
        elif t.kind == TOK.YEAR:
            found.add(Value("number", _num(t.val)))
        elif t.kind == TOK.NUMBER:
            number = t.val[0]
        elif t.kind == TOK.SERIALNUMBER and _NUMBERS_JOINED.fullmatch(t.txt):
            # a record or a score, "13-21-3": its numbers, as the English reads them
            found |= {Value("number", _num(float(n))) for n in t.txt.split("-")}
        elif t.kind == TOK.WORD and t.txt.lower() in _IS_NUMBER_WORDS:
            number = _IS_NUMBER_WORDS[t.txt.lower()]
        if number is None:
            continue
        scale = next((_IS_SCALE[w] for w in nxt_lemmas if w in _IS_SCALE), None)
        unit_at = i + 1
        if scale is not None:
            number *= scale
            skip = True
            unit_at = i + 2
        if nxt_lemmas & _IS_PERCENT:
            found.add(Value("percent", _num(number)))
        elif _lemmas_at(tokens, unit_at) & {"króna"}:  # "250 milljónir króna", as an amount
            found |= _amount(number, "ISK")
        else:
            found.add(Value("number", _num(number)))
    return found


def _joined(tokens: list) -> list:
    """Tokens with "þrjátíu og tvö" (tens "og" units) made one number token, 32."""
    from tokenizer import TOK, Tok

    out: list = []
    i = 0
    while i < len(tokens):
        words = [t.txt.lower() if t.kind == TOK.WORD else "" for t in tokens[i : i + 3]]
        tens = _IS_NUMBER_WORDS.get(words[0], 0)
        unit = _IS_NUMBER_WORDS.get(words[2], 0) if len(words) == 3 else 0
        if 20 <= tens <= 90 and tens % 10 == 0 and words[1] == "og" and 0 < unit < 10:
            text = " ".join(t.txt for t in tokens[i : i + 3])
            out.append(Tok(TOK.NUMBER, text, (tens + unit, None, None)))
            i += 3
        else:
            out.append(tokens[i])
            i += 1
    return out


def _lemmas_at(tokens: list, at: int) -> frozenset[str]:
    from tokenizer import TOK

    if at >= len(tokens) or tokens[at].kind != TOK.WORD:
        return frozenset()
    word = tokens[at].txt.lower()
    return frozenset(icelandic.lemmas(word) | {word})


def counted(text: str, lang: str) -> dict[float, frozenset[str]]:
    """Each number of `text` with what it counts, the word right after it: its BÍN lemmas
    in Icelandic ("45 húsa" and "42 hús" both count "hús"), else the word in lower case
    (English; other languages give none). Two outlets' numbers of one thing differ where
    little else of their sentences is worded alike."""
    if lang == "is":
        from tokenizer import TOK, tokenize

        tokens = _joined([t for t in tokenize(text) if t.kind not in TOK.END])
        return {
            _num(t.val[0]): _lemmas_at(tokens, i + 1)
            for i, t in enumerate(tokens)
            if t.kind == TOK.NUMBER and _lemmas_at(tokens, i + 1)
        }
    if lang in DECIMAL_COMMA:
        return {}
    return {
        value.number: frozenset({word.group(1).lower()})
        for value, _, end in located(text)
        if value.kind == "number" and (word := re.match(r"\s+([^\W\d_]+)", text[end:]))
    }


def values(text: str, lang: str) -> set[Value]:
    """Typed values in `text`: Icelandic ("is") through `tokenizer`, languages with a
    decimal comma through digits, anything else as English."""
    if lang == "is":
        return _icelandic(text)
    if lang in DECIMAL_COMMA:
        return _decimal_comma(text, lang) | _number_words(text, lang)
    return _english(text)


_EN_SIZES = {**_EN_SCALE, **lexicon.table("numbers.fractions", "en")}
_EN_MAGNITUDE = re.compile(
    rf"(?<![\w-])({'|'.join(sorted(w for w, n in _EN_SIZES.items() if n >= 12))})s\b",
    re.IGNORECASE,
)


def magnitudes(text: str) -> dict[float, str]:
    """The sizes English gives with a plural scale word and no number ("thousands of
    people", "millions", "dozens"), each with its word: no value to compare, but
    "hundreds" is not what a sentence glossed "thousands" says."""
    return {float(_EN_SIZES[m.group(1).lower()]): m.group() for m in _EN_MAGNITUDE.finditer(text)}


def _number_words(text: str, lang: str) -> set[Value]:
    """Counts a language of the lexicon writes as words ("in zwei Stufen"): its
    `numbers.words`, two and up, as they stand (no inflection read); one before a word
    of percent is a percentage ("um zwölf Prozent" is Reuters' "by 12 percent")."""
    table: dict[str, int] = lexicon.table("numbers.words", lang)
    found = set()
    for m in _WORD_NUMBER.finditer(text.lower()):
        if m.group("word") in table:
            kind = "percent" if m.group("pct") else "number"
            found.add(Value(kind, _num(float(table[m.group("word")]))))
    return found


_BOUNDS = ("nearly", "over", "under", "about")


@functools.cache
def _bound_words(lang: str) -> re.Pattern[str]:
    """A qualifier of any bound (`numbers.qualifiers` in the lexicon) and the two words
    after it, where the number it bounds is."""
    alternatives = "|".join(
        f"(?P<{bound}>{lexicon.alternation(f'numbers.qualifiers.{bound}', lang)})"
        for bound in _BOUNDS
        if lexicon.words(f"numbers.qualifiers.{bound}", lang)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})\s+(?P<after>\S+(?:\s+\S+)?)", re.I)


def bounded(text: str, lang: str) -> list[tuple[int, int, float, str]]:
    """Each qualifier of `text` with the number it bounds: (start, end) of the qualifier's
    words, the number, the bound."""
    if not lexicon.words("numbers.qualifiers.nearly", lang):
        return []
    found = []
    for match in _bound_words(lang).finditer(text):
        bound = next(b for b in _BOUNDS if match.groupdict().get(b))
        if _stretch(text, match, bound, lang):
            continue
        for value in values(match.group("after"), lang):
            if value.number is not None and value.kind != "date":
                found.append((match.start(bound), match.end(bound), value.number, bound))
    return found


def _stretch(text: str, match: re.Match[str], bound: str, lang: str) -> bool:
    """The qualifier says over what time, not how much: "over four years" after a rise,
    not "for over four years" (`numbers.stretches`)."""
    after = match.group("after").split()
    if match.group(bound).lower() not in lexicon.wordset("numbers.stretches.words", lang):
        return False
    if len(after) < 2 or after[1].lower().strip(".,;:") not in lexicon.wordset(
        "numbers.stretches.periods", lang
    ):
        return False
    before = text[: match.start()].split()[-1:]
    return not before or before[0].lower() not in lexicon.wordset(
        "numbers.stretches.bounding", lang
    )


def loosely_about(text: str, lang: str) -> frozenset[float]:
    """Numbers a word gives as "about" where it can also mean "by" (Icelandic "um": "með
    um 1.150 farþega", not "hækkað um 22 prósent", `numbers.loose_about`): for wording a
    value in English only, not a bound verify holds a statement to."""
    words = lexicon.words("numbers.loose_about.word", lang)
    if not words:
        return frozenset()
    changes = tuple(w.lower() for w in lexicon.words("numbers.loose_about.changes", lang))
    alternation = "|".join(re.escape(w) for w in words)
    found: set[float] = set()
    for match in re.finditer(rf"(?i)(?<!\w)(?:{alternation})\s+(\S+(?:\s+\S+)?)", text):
        before = text[: match.start()].split()[-3:]
        if any(w.lower().startswith(changes) for w in before):
            continue
        found.update(
            v.number
            for v in values(match.group(1), lang)
            if v.number is not None and v.kind != "date"
        )
    return frozenset(found)


def qualifiers(text: str, lang: str) -> dict[float, str]:
    """The bound each number of `text` is given ("nearly", "over", "under", "about"):
    "tæp tíu ár" and "nearly ten years" bound 10 alike, "less than ten years" does not.
    A number with no qualifier is left out."""
    found: dict[float, str] = {}
    for _, _, number, bound in bounded(text, lang):
        found.setdefault(number, bound)
    return found


# How far from a bounded number another may lie and still be what it bounds: "rúmlega
# 200" (over 200) admits 214, not 300.
_ADMITS = {
    "over": (1.0, 1.25),
    "under": (0.75, 1.0),
    "nearly": (0.9, 1.0),
    "about": (0.9, 1.1),
}


def _admits(a: Value, bound: str | None, b: Value) -> bool:
    """`b` is `a`, or a number `a`'s bound admits ("over 200" for 214)."""
    if within(b, a) or within(a, b):
        return True
    if bound is None or a.number is None or b.number is None or a.date or b.date:
        return False
    if (a.kind, a.unit) != (b.kind, b.unit) or a.number <= 0:
        return False
    low, high = _ADMITS[bound]
    return low * a.number <= b.number <= high * a.number


def gives(
    these: frozenset[Value],
    bounds: dict[float, str],
    those: frozenset[Value],
    their_bounds: dict[float, str],
) -> bool:
    """Every value of `these` is one of `those`, allowing what one side's bound
    (`qualifiers`) admits of the other's exact number: "rúmlega 200 flugferðum" and "214
    flugferðum" give one number. Two bounded numbers must be one: "allt að 161
    langreyði" and "allt að 128 langreyðum" are two caps, where the sources disagree."""

    def one(v: Value, w: Value) -> bool:
        bv, bw = bounds.get(v.number or 0.0), their_bounds.get(w.number or 0.0)
        if bv and bw:
            return _admits(v, None, w)
        return _admits(v, bv, w) or _admits(w, bw, v)

    return all(any(one(v, w) for w in those) for v in these)


# Languages whose numbers read "1.234,5" or "1 234,5" (CLDR), Icelandic aside.
DECIMAL_COMMA = frozenset({
    "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "be", "pl", "cs", "sk", "sl", "hr", "sr",
    "bs", "bg", "mk", "ro", "hu", "sv", "da", "nb", "nn", "no", "fi", "et", "lv", "lt", "el",
    "tr", "ca", "gl", "eu", "az", "kk", "ka", "hy", "id", "vi", "sq",
})  # fmt: skip
# Month names of the main European languages, with forms in use CLDR lacks ("19 октября"
# is a date, not the number 19).
_DC_MONTHS = {
    form.lower(): n
    for lang in ("de", "fr", "es", "it", "pt", "nl", "ru")
    for n, forms in enumerate(month_names(lang, variants=True), 1)
    for form in forms
}
_DC_DATE = re.compile(
    r"(?i)(?<![\w.,])(?P<day>\d{1,2})(?:er)?\.?\s+(?:de\s+)?(?P<month>"
    + "|".join(sorted(_DC_MONTHS, key=len, reverse=True))
    + r")\b(?:\s+(?:de\s+)?(?P<year>\d{4})\b)?"
)
_DC_PERCENT = (
    r"%|prozent|procent|pour\s?cent|por\s?ciento|per\s?cento|por\s?cento|prosent|"
    r"prosenttia|prosentti|procento|процент\w*|відсот\w*|odsto|posto|százalék"
)
_WORD_NUMBER = re.compile(r"(?P<word>[^\W\d_]+)(?P<pct>\s+(?:" + _DC_PERCENT + r")(?!\w))?")
_DC_SCALE = {
    "tausend": 1e3, "mille": 1e3, "mil": 1e3, "тысяч": 1e3, "тыс": 1e3, "tys": 1e3,
    "million": 1e6, "millionen": 1e6, "mio": 1e6, "millions": 1e6, "millón": 1e6,
    "millones": 1e6, "milione": 1e6, "milioni": 1e6, "miljoen": 1e6, "miljoner": 1e6,
    "miljon": 1e6, "millioner": 1e6, "mln": 1e6, "миллион": 1e6, "миллиона": 1e6,
    "миллионов": 1e6, "млн": 1e6, "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9,
    "milliard": 1e9, "milliards": 1e9, "miliardo": 1e9, "miliardi": 1e9, "mld": 1e9,
    "miljard": 1e9, "miljarder": 1e9, "milliarder": 1e9, "миллиард": 1e9,
    "миллиарда": 1e9, "миллиардов": 1e9, "млрд": 1e9,
}  # fmt: skip
_DC_CURRENCY = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "usd": "USD",
    "dollar": "USD", "dollars": "USD", "£": "GBP", "gbp": "GBP", "kronur": "ISK",
    "isk": "ISK", "руб": "RUB", "рублей": "RUB", "рубля": "RUB", "rub": "RUB",
}  # fmt: skip
_DC_NUMBER = re.compile(
    r"(?i)(?P<cur>[$€£])?\s?(?<![\w.,])(?P<num>\d{1,3}(?:[.\u00a0\u202f\u2009 ]\d{3})+(?:,\d+)?"
    r"|\d+(?:,\d+)?)(?![\d])(?P<date>\.\d{1,2}\.\d{4})?"
    r"(?:\s*(?P<scale>" + "|".join(sorted(_DC_SCALE, key=len, reverse=True)) + r")\b\.?)?"
    r"(?P<pct>\s*(?:" + _DC_PERCENT + r"))?"
    r"(?:\s*(?P<unit>€|\$|£|" + "|".join(k for k in _DC_CURRENCY if k.isalpha()) + r")\b)?"
)


@functools.cache
def _month_alone(lang: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """A month named alone after a word of `lang` that places it in time ("en mars", "im
    März", "в марте"), as English "in March" is read (`_EN_MONTH_ALONE`), no day before;
    with each month form's number."""
    before = lexicon.alternation("calendar.before_month", lang)
    if not before:
        return None
    names = {
        f.lower(): n for n, forms in enumerate(month_names(lang, variants=True), 1) for f in forms
    }
    months = "|".join(sorted(names, key=len, reverse=True))
    pattern = re.compile(
        rf"(?i)(?<!\w)(?:{before})[\s-]+(?P<month>{months})\b(?:\s+(?P<year>\d{{4}})\b)?(?!\s*\d)"
    )
    return pattern, names


def _months_alone(text: str, lang: str) -> list[tuple[Value, tuple[int, int]]]:
    """Each month named alone, as a date, with the span that states it (its year too)."""
    if (found := _month_alone(lang)) is None:
        return []
    pattern, names = found
    return [
        (
            Value("date", date=(int(m.group("year") or 0), names[m.group("month").lower()], 0)),
            m.span(),
        )
        for m in pattern.finditer(text)
    ]


def _decimal_comma(text: str, lang: str) -> set[Value]:
    """Digits as a decimal-comma language writes them: "4,5 Prozent" is 4.5 percent,
    "1.200" and "12 000" are thousands, "3.5.2026" and "3. Mai" dates (month names of the
    main European languages), "im März 2027" a date and no number 2027; number words are
    read apart (`_number_words`)."""
    alone = _months_alone(text, lang)
    found: set[Value] = {value for value, _ in alone}
    taken: list[tuple[int, int]] = [span for _, span in alone]
    for m in _DC_DATE.finditer(text):
        day, month = int(m.group("day")), _DC_MONTHS[m.group("month").lower()]
        if 1 <= day <= 31:
            found.add(Value("date", date=(int(m.group("year") or 0), month, day)))
            taken.append(m.span())
    for m in _DC_NUMBER.finditer(text):
        if any(a <= m.start("num") < b for a, b in taken):
            continue
        raw = m.group("num")
        if m.group("date"):
            day, month, year = int(raw), *map(int, m.group("date")[1:].split("."))
            if 1 <= day <= 31 and 1 <= month <= 12:
                found.add(Value("date", date=(year, month, day)))
            continue
        number = float(re.sub(r"[.\u00a0\u202f\u2009 ]", "", raw).replace(",", "."))
        if m.group("scale"):
            number *= _DC_SCALE[m.group("scale").lower()]
        unit = m.group("cur") or m.group("unit")
        if m.group("pct"):
            found.add(Value("percent", _num(number)))
        elif unit:
            found |= _amount(number, _DC_CURRENCY.get(unit.lower(), unit))
        else:
            found.add(Value("number", _num(number)))
    return found
