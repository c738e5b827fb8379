"""The briefing's own voice, in code: whom a statement means is named, and an outlet's
epithets, doubts and dangling openers are not repeated as the briefing's words.

Most statements are an outlet's sentence as written, and with it its voice: "In
response, the dictator invited the US president to visit Moscow." Per English statement,
after `stages.verify` and before cross-citing (so the checker there reads the named
statement):

1. an opening connective that points outside the statement ("In response,", "At the
   same time,": `voice.connectives` in the lexicon) is removed, the next letter
   capitalised;
2. a person the statement refers to without a name is named: an epithet or a title
   ("the dictator", "the US president", "the head of the United States") by the name the
   articles give that description ("a dictator Vladimir Putin", "President of the United
   States Donald Trump"; the title's words, or for a leader's title its place, must fit
   one person only), a pronoun subject ("He also praised...") by whom the sentence
   before is about (its quotation's speaker, else its subject). The sentence that gives
   the name joins the evidence;
3. an outlet's doubt about words the statement attributes to their speaker ("said that
   Moscow was supposedly ready") is dropped: the words are the speaker's, the doubt the
   outlet's.

What code cannot say neutrally goes to `dropped` with the reason: a loaded word left in
the statement's own voice (outside quotation marks, where it is someone's words), a
pronoun subject no sentence before resolves. A position whose holder code cannot name
stays a position with no holder: dropping it would lose a fact. A "position" of several
sides at once is no one side's: what they left open ("Trump and Putin did not provide
any other details") is filed under open issues, anything else they did not do ("did not
answer questions from journalists") under what happened, what they agreed ("Both
ministers also agreed to meet again") under agreements.

Each edit is recorded on the statement (`Found.edits`, the briefing JSON's `edits`), and
the edited statement passes verify's code checks again (names, numbers, dates,
quotations, content words) against its evidence, with the negations of the statement
before the edit: a statement so edited is "the cited sentence
with these recorded edits", accepted by code; a model's statement keeps its score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing.core.ids import sentence_id, sentence_number, source_of
from briefing.core.languages import PIVOT
from briefing.core.models import Section
from briefing.lang import lexicon
from briefing.lang.names import names_in, same_person
from briefing.lang.quotation import MARKS, quoted_spans
from briefing.stages.found import Found
from briefing.stages.kinds import left_open, no_deal
from briefing.stages.quoted import SAID_BY_PRONOUN, attributed, said
from briefing.stages.reading import Reading
from briefing.stages.select import inside_quotation
from briefing.stages.verify import JOINT_SUBJECT, OPENING_NAME, SAID_BY, problems

__all__ = ["dangling", "in_own_voice", "voice"]

_CAP = r"[A-ZÀ-Þ][\w'’-]*"
_NAME = rf"{_CAP}(?:\s+{_CAP})*"
_EPITHETS = lexicon.alternation("voice.epithets", PIVOT)
_HEADS = f"{_EPITHETS}|{lexicon.alternation('words.titles', PIVOT)}"
_COMMON = lexicon.alternation("words.common", PIVOT)
_MODIFIER = rf"(?!(?i:{_COMMON})\b)[\w-]+"
_OF = rf"\s+of\s+(?:the\s+)?{_NAME}"
# "the dictator", "the US president", "the head of the United States", "a spokesman's"
DESCRIPTION = re.compile(
    rf"\b(?P<det>[Tt]he|[Aa]n?)\s+(?P<mods>(?:{_MODIFIER}\s+){{0,3}}?)"
    rf"(?P<head>(?i:{_HEADS}))(?P<of>{_OF})?(?P<poss>['’]s)?(?![\w-])"
)
# "a dictator Vladimir Putin", "President of the United States Donald Trump"
# ... and "Greenland's minister for infrastructure, Malik Heilmann": a title set off by a comma
_FOR = r"\s+(?:for|of)\s+[a-z][\w-]*(?:\s+(?:and\s+)?[a-z][\w-]*){0,2}"
APPOSITIVE = re.compile(
    rf"(?P<desc>(?:[\w-]+\s+){{0,3}}?(?i:{_HEADS})(?:{_OF}|{_FOR})?)(?:,\s*|\s+)(?P<name>{_NAME})"
)
EPITHET = re.compile(rf"(?i:{_EPITHETS})")
LEADER = re.compile(rf"(?i:{lexicon.alternation('voice.leaders', PIVOT)})")
PRONOUN = re.compile(rf"({lexicon.alternation('pronouns.person', PIVOT, capitalised=True)})\s")
HEDGE = re.compile(
    rf"(?<!\w)(?i:{lexicon.alternation('voice.hedges', PIVOT)})(?!\w)\s*"
    rf"|(?<!\w)(?i:{lexicon.alternation('voice.quoted_hedges', PIVOT)})\s+(?={MARKS.pattern})"
)
JUDGEMENT = lexicon.phrases("voice.judgements", PIVOT)
SAYING = re.compile(
    rf"\b(?:{lexicon.alternation('speech.holder', PIVOT)}"
    rf"|{lexicon.alternation('speech.that_clause', PIVOT)})\b"
)
NEGATION = re.compile(rf"(?i)(?<!\w)(?:{lexicon.alternation('negations.words', PIVOT)})(?!\w)")
ARTICLE = re.compile(r"(?i:the|an?)")
JOINT_OPENING = re.compile(rf"(?i:{lexicon.alternation('voice.joint', PIVOT)})\s")
AGREEING = re.compile(rf"\b(?i:{lexicon.alternation('voice.agreeing', PIVOT)})\b")
BEFORE = 3  # sentences back a pronoun may point
_PERSON = re.compile(rf"\b(?:{lexicon.alternation('pronouns.person', PIVOT)})\b")


@dataclass(frozen=True)
class Articles:
    """What naming reads: the articles and the names they give (`lang.names`)."""

    reading: Reading
    known: list[str]

    @classmethod
    def of(cls, reading: Reading) -> Articles:
        return cls(reading, names_in([reading.english(sid) for sid in reading.sentences]))


@dataclass(frozen=True)
class Named:
    """Whom a reference means: the name to write, the fuller name, the sentences saying so."""

    shown: str
    full: str
    evidence: tuple[str, ...]


def dangling(text: str, lang: str = PIVOT) -> str | None:
    """The connective `text` opens with that points outside it, with its comma: one
    followed by a comma, a name or (in English) an article ("In response, ...", "Then
    the ..."), a conjunction before any word ("But maybe ..."), not one that opens a
    phrase of its own ("Instead of a deal, ...")."""
    found = lexicon.connective(text, lang)
    if found is None:
        return None
    rest = text.lstrip()[len(found) :]
    if rest.startswith(","):
        return found + ","
    after = rest.split(maxsplit=1)[0] if rest.split() else ""
    if after and found.lower() in lexicon.wordset("voice.conjunctions", lang):
        return found  # "But maybe next time": a conjunction joins it to what came before
    return found if after[:1].isupper() or ARTICLE.fullmatch(after) else None


def in_own_voice(text: str, lang: str = PIVOT) -> list[str]:
    """The loaded words `text` says in its own voice: outside its quotation marks, and not
    attributed to whoever used them ("what it called the Kyiv regime")."""
    spans = quoted_spans(text, 0, len(text))
    return [
        m.group()
        for m in lexicon.loaded_matches(text, lang)
        if not any(a <= m.start() and m.end() <= b for a, b in spans)
        and not _attributed_word(text[: m.start()], lang)
    ]


def _attributed_word(before: str, lang: str) -> bool:
    """`before` ends in words that give the next one as someone's term ("what it called
    the Kyiv "), with at most three words between."""
    if not lexicon.words("voice.attributing", lang):
        return False
    attributing = lexicon.alternation("voice.attributing", lang)
    return re.search(rf"(?i)\b(?:{attributing})\s+(?:[\w'’-]+\s+){{0,3}}$", before) is not None


def voice(found: list[Found], reading: Reading) -> tuple[list[Found], list[dict[str, str]]]:
    """The statements in the briefing's own voice, and those code cannot say so, with why."""
    kept: list[Found] = []
    dropped: list[dict[str, str]] = []
    articles = Articles.of(reading)
    for item in found:
        edited = _edit(item, articles)
        if isinstance(edited, str):
            dropped.append(
                {"text": item.text, "evidence": " ".join(item.evidence), "reason": edited}
            )
        else:
            kept.append(edited)
    return kept, dropped


def _edit(item: Found, articles: Articles) -> Found | str:
    """`item` with its edits made and recorded, or why it cannot be published."""
    reading = articles.reading
    text, evidence, edits = item.text.strip(), list(item.evidence), list(item.edits)
    opener = dangling(text)
    if opener:
        rest = text[len(opener) :].lstrip()
        text = rest[:1].upper() + rest[1:]
        edits.append(f"removed the opening {opener!r}")
    subject: Named | None = None
    pronoun = PRONOUN.match(text)
    if pronoun:
        subject = _about(evidence[0], articles, item.actor)
        if subject is None:
            return f"it opens with {pronoun.group(1)!r} and no sentence before names whom"
        text = subject.shown + text[pronoun.end(1) :]
        evidence += [e for e in subject.evidence if e not in evidence]
        edits.append(
            f"named {pronoun.group(1)!r} as {subject.shown!r} ({', '.join(subject.evidence)})"
        )
    text, evidence, edits, subject = _name_descriptions(
        text, evidence, edits, subject, item, articles
    )
    text, hedges = _drop_hedges(text)
    edits += [f"dropped the outlet's {h!r} from words it attributes" for h in hedges]
    text, judged = _quote_judgements(text, evidence[0], reading)
    edits += [f"quoted the outlet's {w!r} as its word" for w in judged]
    trailing = SAID_BY_PRONOUN.search(text)
    if trailing:  # "Maybe next time, she said.": whose, and are they the sentence's words?
        speaker = attributed(evidence[0], reading) or item.actor
        if speaker is None:
            return "someone's words given to a pronoun alone ('…, she said'), and code names no one"
        words, said_by = text[: trailing.start()].strip(), trailing.group(0)
        line = _line_of(words, evidence[0], reading)
        text = said(speaker, line) if line else words + _PERSON.sub(speaker, said_by, count=1)
        edits.append(f"named {said_by.strip(' ,.')!r} as {speaker!r}")
    quoted = _quotation_of(text, evidence[0], reading)
    if quoted is not None:  # '"This is a fair outcome," Gorst said.' said as the briefing's
        speaker = attributed(evidence[0], reading) or item.actor
        if speaker is None:
            return "a speaker's words in the briefing's own voice, and code names no speaker"
        text = said(speaker, quoted)
        edits.append(f"quoted as {speaker}'s words")
    loaded = in_own_voice(text)
    if loaded:
        words = ", ".join(repr(w) for w in loaded)
        return f"the outlet's {words} in the briefing's own voice: code cannot name whom it means"
    section = item.section
    actor = _holder(text, item.actor, subject, articles) if section == "positions" else item.actor
    joint = _joint_section(text) if section == "positions" and not actor else None
    if joint is not None:  # else it stays a position with no holder: dropping loses a fact
        section = joint
        edits.append(f"filed under {section.replace('_', ' ')}: several sides hold no one position")
    if edits == item.edits:
        return replace(item, actor=actor)
    wrong = problems(text, evidence, reading)
    if NEGATION.findall(text.lower()) != NEGATION.findall(item.text.lower()):
        wrong.append("the edit changed its negations")
    if wrong:
        return f"edited ({'; '.join(edits)}): {'; '.join(wrong)}"
    return replace(item, section=section, text=text, evidence=evidence, actor=actor, edits=edits)


def _quotation_of(text: str, sentence_id: str, reading: Reading) -> str | None:
    """The quotation of the cited English sentence the statement repeats word for word
    with no quotation marks and no verb of saying: a speaker's words as the briefing's
    own; None otherwise."""
    if reading.language.get(sentence_id) != PIVOT or MARKS.search(text) or SAYING.search(text):
        return None
    sentence = reading.sentences[sentence_id]
    said_words = re.findall(r"\w+", text.lower())
    for start, end in quoted_spans(sentence.text, 0, len(sentence.text)):
        words = sentence.text[start:end]
        if len(said_words) >= 3 and said_words == re.findall(r"\w+", words.lower()):
            words = words.strip(" ,")
            return words if words.endswith((".", "!", "?")) else words + "."
    return None


def _line_of(words: str, sentence_id: str, reading: Reading) -> str | None:
    """The words of the quotation the cited English sentence closes ('Maybe next time,"
    she said.'), where the statement repeats them word for word; None otherwise."""
    if reading.language.get(sentence_id) != PIVOT:
        return None
    text = reading.sentences[sentence_id].text
    closing = MARKS.search(text)
    said_words = re.findall(r"\w+", words.lower())
    if closing is None or said_words != re.findall(r"\w+", text[: closing.start()].lower()):
        return None
    line = text[: closing.start()].strip(" ,")
    return line if line.endswith((".", "!", "?")) else line + "."


def _name_descriptions(
    text: str,
    evidence: list[str],
    edits: list[str],
    subject: Named | None,
    item: Found,
    articles: Articles,
) -> tuple[str, list[str], list[str], Named | None]:
    """Each person the statement describes ("the dictator", "the US president") under
    the name the articles give them, outside quotation marks; an epithet right before
    the name it is given ("a dictator Vladimir Putin") is dropped. The subject: the
    person named where the statement opens ("The US chief of staff said: ...")."""
    spans = quoted_spans(text, 0, len(text))
    for match in reversed(list(DESCRIPTION.finditer(text))):
        if any(a <= match.start() < b for a, b in spans):
            continue
        named = _resolve(match, item, articles)
        if named is None:
            continue
        epithet = bool(EPITHET.fullmatch(match.group("head")))
        follows = re.match(r"\s+" + _NAME, text[match.end() :])
        if re.match(r",\s*" + _NAME, text[match.end() :]) and not match.group("poss"):
            continue  # "The energy secretary, Helen Carver,": named already
        if follows and not match.group("poss"):
            if not epithet or not same_person(follows.group().strip(), named.full):
                continue  # "the minister Anna Berg": named already
            shown, cut = "", match.end() + len(follows.group()) - len(follows.group().lstrip())
        else:
            shown, cut = named.shown + (match.group("poss") or ""), match.end()
        text = text[: match.start()] + shown + text[cut:]
        evidence += [e for e in named.evidence if e not in evidence]
        what = (
            f"named {match.group()!r} as {named.shown!r}"
            if shown
            else f"dropped {match.group()!r} before the name"
        )
        edits.append(f"{what} ({', '.join(named.evidence)})")
        if shown and match.start() == 0:
            subject = named
    if text[:1].islower():
        text = text[:1].upper() + text[1:]
    return text, evidence, edits, subject


def _joint_section(text: str) -> Section | None:
    """Where a "position" of several sides belongs: what they left open or did not agree is
    an open issue ("Trump and Putin did not provide any other details", `kinds.left_open`,
    `kinds.no_deal`), anything else they did not do is what happened ("did not answer
    questions from journalists and immediately left"), what they agreed an agreement ("Both
    ministers also agreed to meet again"); None for anything else."""
    if not (JOINT_SUBJECT.match(text) or JOINT_OPENING.match(text)):
        return None
    if left_open(text, PIVOT) or no_deal(text, PIVOT):
        return "open_issues"
    if NEGATION.search(text):
        return "developments"
    return "agreements" if AGREEING.search(text) else None


def _holder(text: str, actor: str | None, subject: Named | None, articles: Articles) -> str | None:
    """Who holds a position: the person its subject was resolved to, else the model's
    (or verify's) actor, else the name it opens with or puts before "said"; no one where
    two share the subject ("Putin and Trump did not...")."""
    if JOINT_SUBJECT.match(text):
        return None
    if subject is not None:
        return actor if actor and same_person(actor, subject.full) else subject.full
    if actor:
        return actor
    opening = OPENING_NAME.match(text)
    said = [m.group(1) for m in SAID_BY.finditer(text)]
    for name in ([opening.group()] if opening else []) + said:
        known = _longest_known(name, articles.known)
        if known:
            return known
    return None


def _quote_judgements(text: str, first: str, reading: Reading) -> tuple[str, list[str]]:
    """`text` with the outlet's judgement of a scene ("Travellers faced chaos at the
    terminal", `voice.judgements`) in quotation marks, its word as its sentence writes it,
    outside any quotation and not attributed: the outlet's word, not the briefing's."""
    sentence = reading.sentences[first].text
    spans = quoted_spans(text, 0, len(text))
    judged: list[str] = []
    for match in reversed(list(JUDGEMENT.finditer(text))):
        inside = any(a <= match.start() < b for a, b in spans)
        if (
            inside
            or match.group() not in sentence
            or _attributed_word(text[: match.start()], PIVOT)
        ):
            continue
        judged.insert(0, match.group())
        text = f'{text[: match.start()]}"{match.group()}"{text[match.end() :]}'
    return text, judged


def _drop_hedges(text: str) -> tuple[str, list[str]]:
    """`text` without the outlet's doubts about words it attributes ("said that Moscow
    was supposedly ready", "repeated the alleged \"threats\""): a hedge after a verb of
    saying, outside quotation marks."""
    spans = quoted_spans(text, 0, len(text))
    dropped: list[str] = []
    for match in reversed(list(HEDGE.finditer(text))):
        inside = any(a <= match.start() < b for a, b in spans)
        if not inside and SAYING.search(text[: match.start()]):
            dropped.insert(0, match.group().strip())
            text = text[: match.start()] + text[match.end() :]
    return text, dropped


def _resolve(match: re.Match[str], item: Found, articles: Articles) -> Named | None:
    """The one person the articles give the description: an appositive in the statement's
    own article first, then in the other pivot-language ones, then in the English
    glosses of the rest ("transport minister Sigrún Hallgrímsdóttir")."""
    reading = articles.reading
    own = reading.source_of(item.evidence[0])
    order = sorted(reading.sources, key=lambda s: (s.id != own, s.language != PIVOT))
    for source in order:
        sentences = [(s.id, reading.english(s.id)) for s in source.sentences]
        found = _one_person(match, sentences, item.actor, articles.known)
        if found is not None:
            return found
    return None


def _one_person(
    match: re.Match[str], sentences: list[tuple[str, str]], actor: str | None, known: list[str]
) -> Named | None:
    head = match.group("head").lower()
    places = _capitals(match.group("mods") + " " + (match.group("of") or ""))
    given: list[tuple[str, str, str]] = []  # (description, name, sentence id)
    for sid, text in sentences:
        for m in APPOSITIVE.finditer(text):
            name = _longest_known(m.group("name"), known)
            if name:
                given.append((m.group("desc"), name, sid))

    def fits(desc: str, by_head: bool) -> bool:
        words = desc.lower()
        theirs = _capitals(desc)
        return (
            not by_head or re.search(rf"\b{re.escape(head.rstrip('s'))}", words) is not None
        ) and all(_place_fits(p, theirs) for p in places)

    chosen = [g for g in given if fits(g[0], True)]
    if not chosen and places and LEADER.fullmatch(head):
        chosen = [g for g in given if fits(g[0], False)]
    people = [
        g for g in chosen if not any(same_person(g[1], o[1]) for o in chosen[: chosen.index(g)])
    ]
    if len(people) > 1 and actor:
        people = [g for g in people if same_person(g[1], actor)]
    if len(people) != 1:
        return None
    _, name, sid = people[0]
    fullest = max((g[1] for g in chosen if same_person(g[1], name)), key=len)
    return Named(_short(fullest, known), fullest, (sid,))


def _capitals(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w'’-]+", text) if w[:1].isupper() and w.lower() != "the"]


def _place_fits(place: str, words: list[str]) -> bool:
    """ "US" fits "United States" (initials), "Russian" fits "Russia" (first five letters)."""
    initials = "".join(w[0] for w in words)
    low = [w.lower() for w in words]
    return (place.isupper() and place in initials) or any(w[:5] == place.lower()[:5] for w in low)


def _longest_known(run: str, known: list[str]) -> str | None:
    """The longest ending of a run of capitalised words that the articles know as a name
    ("States Donald Trump" -> "Donald Trump")."""
    parts = run.split()
    return next(
        (" ".join(parts[k:]) for k in range(len(parts)) if " ".join(parts[k:]) in known), None
    )


def _short(name: str, known: list[str]) -> str:
    """The name as the articles write it alone ("Putin" for "Vladimir Putin"), if they do."""
    last = name.split()[-1]
    return last if last != name and last in known else name


def _about(first: str, articles: Articles, actor: str | None) -> Named | None:
    """Whom a pronoun opening the statement drawn from `first` means: the speaker of the
    quotation the sentence before attributes, else that sentence's subject (a name, or
    a description the articles give a name); a line of a quotation or another pronoun
    sends the question one sentence further back, up to `BEFORE` back."""
    reading, known = articles.reading, articles.known
    number = sentence_number(first)
    for back in range(1, BEFORE + 1):
        if not number or number - back < 1:
            return None
        before = sentence_id(source_of(first), number - back)
        if before not in reading.sentences:
            return None
        sentence = reading.sentences[before]
        source = next(s for s in reading.sources if s.id == sentence.source_id)
        speaker = attributed(before, reading)
        if speaker:
            return Named(_short(speaker, known), speaker, (before,))
        if inside_quotation(sentence, source):
            continue  # a line of a quotation: its speaker is named further back
        text = reading.english(before).strip()
        opener = dangling(text)
        text = text[len(opener) :].lstrip() if opener else text
        description = DESCRIPTION.match(text)
        if description:
            fake = Found("positions", text, [before], source_of(before), actor)
            named = _resolve(description, fake, articles)
            if named is None:
                return None
            return Named(named.shown, named.full, (before, *named.evidence))
        opening = re.match(_NAME, text)
        if opening:
            name = _longest_known(opening.group(), known)
            rest = text[opening.end() :].lstrip()
            if name is None or rest.startswith(("and ", ",")):
                return None
            return Named(_short(name, known), name, (before,))
        if not PRONOUN.match(text):
            return None
    return None
