"""Map stage: each sentence code selects becomes at most one statement citing it.

The model reads English: a non-English sentence reaches it as its English gloss (see
`stages.reading`), and sentences code has already linked to another source's sentence
are left out. Per sentence the model labels its kind, picks the actor from the names code
found (on a backend that continues answers, both read from label probabilities with no
generated token) and writes one short statement, unless the sentence already reads as
one (`stages.select.stands`): then, on such a backend, the statement is the sentence as
written and no word is generated. The sentence id comes from code, and `stages.verify`
checks the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from briefing.check.details import words
from briefing.core.jsontext import loads
from briefing.core.languages import PIVOT, language_name
from briefing.core.meter import Timer, untimed
from briefing.core.models import Chunk, Section, Sentence, Source
from briefing.lang import lexicon
from briefing.lang.names import names_in
from briefing.llm.base import LLM, Request, continues
from briefing.llm.structured import AskOptions, Recorder, ask, choose, rank
from briefing.prompts import PromptSet
from briefing.stages.answers import Point, point_schema
from briefing.stages.found import Found
from briefing.stages.holders import named_before, placed, portfolio, saying_in
from briefing.stages.kinds import KINDS, UNHELD, Kind, settled
from briefing.stages.quoted import Quote, speaker_of
from briefing.stages.reading import Reading
from briefing.stages.select import in_quotation, lost_subject, select, stands, unphrased
from briefing.stages.speakers import holder, parsed


@dataclass
class ChunkResult:
    found: list[Found] = field(default_factory=list)
    dropped: list[dict[str, str]] = field(default_factory=list)
    unstated: list[Found] = field(default_factory=list)  # news with no usable statement


KindsOf = Callable[[Sequence[Sentence], Source], Mapping[str, Kind]]


@dataclass(frozen=True)
class ExtractSettings:
    max_words: int = 16
    max_attempts: int = 3
    reading: Reading | None = None
    skip: frozenset[str] = frozenset()  # sentence ids another source already covers
    # sentences another source restates (linked, the same values): where a source no
    # column shows has more sentences than its budget, these are asked last
    echoes: frozenset[str] = frozenset()
    quotes: Mapping[str, Quote] = field(default_factory=dict)  # quote lines, speaker known
    columns: frozenset[str] = frozenset()  # output languages: a sentence in one may stand
    # The languages the model phrases (`llm.base.reads`), None for any. A sentence of an
    # output language it does not read is labelled only and shown as written.
    reads: frozenset[str] | None = None
    # Each sentence's kind as code reads it (`stages.kinds.kinds_of`), asked per chunk for
    # the sentences considered, read at their place in their source; where it is sure, no
    # model is asked the kind, and a sentence sure to be background costs nothing.
    kinds: KindsOf = lambda sentences, source: {}


MAX_CHARS_PER_WORD = 12  # the schema's cap: room for long words; the prompt asks for fewer

SECTION_OF: dict[str, Section] = {
    "development": "developments",
    "agreement": "agreements",
    "open_issue": "open_issues",
    "position": "positions",
    "background": "background",
}
NO_ACTOR = "none"
OUTCOMES = ("agreement", "open_issue")  # kinds always worth a statement
CUT_OFF = "cut off at the length limit"
LOST_SUBJECT = "it opens with a pronoun where its sentence names who"
OVER = "over the budget of statements for a source in no output language"


def answer_budget(max_words: int) -> int:
    """Tokens a whole point may need: its words (with room for long names and numbers),
    the kind, the actor and the JSON syntax."""
    return 2 * max_words + 46


def extract_chunk(
    chunk: Chunk,
    source: Source,
    llm: LLM,
    prompts: PromptSet,
    settings: ExtractSettings,
    record: Recorder | None = None,
    timed: Timer = untimed,
) -> ChunkResult:
    """The statements of one chunk: one short conversation per sentence code selected."""
    reading = settings.reading
    shown = [s for s in chunk.sentences if s.id not in settings.skip]
    cloze = continues(llm)
    quotes = settings.quotes if cloze else {}
    with timed("select"):
        standing = frozenset(
            s.id for s in shown if cloze and (s.id in quotes or stands(s, source, reading))
        )
        as_written = _unread(source.language, settings) and source.language in settings.columns
        unshown = source.language not in settings.columns
        echoes = settings.echoes if unshown else frozenset()
        asked = [] if as_written else select(shown, chunk, reading, standing, source, echoes)
        labelled = (
            [
                s
                for s in unphrased(shown, asked, reading, source)
                if not in_quotation(s, source) or speaker_of(s.id, reading) is not None
            ]
            if reading is not None and source.language in settings.columns
            else []
        )
        unasked: list[Sentence] = []
        if not as_written and reading is not None and unshown:
            asked, unasked = _with_outcomes(asked, shown, reading, source, settings)
            if _unread(source.language, settings):
                # a language the model does not read, in no column: labelled by code, and
                # its English a plain translation a few sentences to a call
                # (`stages.translate`), not a statement phrased one call a sentence
                labelled, asked = asked, []
    # over the budget of a source no column quotes: no line stands for them, and a
    # reader of `dropped` sees what the briefing left out for time
    over = [
        {"chunk": chunk.id, "evidence": s.id, "text": " ".join(s.text.split()), "reason": OVER}
        for s in unasked
    ]
    if not asked and not labelled:
        return ChunkResult(dropped=over)
    kinds = settings.kinds([*asked, *labelled], source)
    numbered = list(enumerate(shown, start=1))
    number = {s.id: n for n, s in numbered}
    texts = [(n, _english(s, reading)) for n, s in numbered]
    # a capitalised German common noun names no one ("Containerumschlag", `noun_kind`)
    named = [n for n in names_in([t for _, t in texts]) if not _common_noun(n, source.language)]
    actors = [*named, NO_ACTOR]
    glossed = reading is not None and any(s.id in reading.gloss for s in shown)
    system = prompts.render("extract.system", max_words=settings.max_words)
    how = _Asking(llm, prompts, settings, record)

    def messages_for(sentence: Sentence) -> list[dict[str, str]]:
        """The chunk's prompt asking about one sentence: every question of the chunk
        shares its prefix, so the engine reuses it."""
        user = prompts.render(
            "extract.user",
            source=source,
            language_name=language_name(chunk.language),
            glossed=glossed,
            actors=actors,
            sentences=texts,
            asked=(number[sentence.id], _english(sentence, reading)),
            original=_original(sentence, reading),
            parsed=parsed(sentence.id, reading) if reading is not None else None,
        )
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    article = [s.text for s in source.sentences]
    number_in_article = {s.id: n for n, s in enumerate(source.sentences)}

    def said_by(sentence: Sentence) -> str | None:
        """Who says the sentence by its own verb of saying, by code (`holders.saying_in`)."""
        return saying_in(article, number_in_article[sentence.id], source.language)

    def cited(sentence: Sentence, actor: str | None) -> list[str]:
        """The sentence, and the one before naming its holder where it names them only
        by a pronoun, title or description ("The union is asking ..." after "The rail
        union GSV ..."): the evidence that they hold it."""
        at = number_in_article[sentence.id]
        before = named_before(article, at, actor, source.language) if actor else None
        return [sentence.id] if before is None else [sentence.id, source.sentences[before].id]

    result = ChunkResult(dropped=over)
    for sentence in asked:
        messages = messages_for(sentence)
        label = f"{chunk.id} sentence {sentence.id}"
        quote = quotes.get(sentence.id)
        written = " ".join(sentence.text.split()) if sentence.id in standing else None
        unheld: Section | None = None
        # a line of a quotation whose speaker code knows is theirs, never background
        said = said_by(sentence) or (quote.speaker if quote is not None else None)
        known = _sure(kinds.get(sentence.id), source.language, settings, said)
        if known is not None and settled(known.kind, sentence.text, source.language, said) == (
            "background"
        ):
            _add_context(result, _context(sentence, source, reading, _guessed(known)))
            continue
        if quote is not None:
            point, cut = _quote_point(how, messages, label, quote, known), False
        elif cloze:
            point, cut, unheld = _cloze_point(how, messages, actors, label, written, known, said)
        else:
            point, cut = _json_point(how, messages, actors, label)
            if known is not None and known.kind != point.kind:
                point = point.model_copy(update={"kind": known.kind})
            unheld = _unheld(known)
        point = _settled(point, sentence, source, said)
        if point.kind == "background":
            _add_context(result, _context(sentence, source, reading, _guessed(known)))
            continue
        if quote is not None:
            evidence, section = list(quote.evidence), SECTION_OF["position"]
            result.found.append(
                Found(section, quote.statement, evidence, chunk.source_id, quote.speaker)
            )
            continue
        reason = None if written else _unusable(point.text, cut, settings)
        if reason is None and source.language == PIVOT and lost_subject(point.text, sentence.text):
            reason = LOST_SUBJECT
        actor = point.actor if point.kind == "position" and point.actor != NO_ACTOR else None
        stated = _held(
            Found(
                SECTION_OF[point.kind], point.text.strip(), cited(sentence, actor),
                chunk.source_id, actor, unheld=unheld,
            ),
            reading,
        )  # fmt: skip
        if reason:
            result.dropped.append(
                {"chunk": chunk.id, "evidence": sentence.id, "text": point.text, "reason": reason}
            )
            cut = reason in (CUT_OFF, LOST_SUBJECT)  # kept as its quote (`stages.originals`)
            result.unstated.append(replace(stated, verified=False, cut=cut))
            continue
        result.found.append(stated)
    for sentence in labelled:
        label = f"{chunk.id} label {sentence.id}"
        said = said_by(sentence)
        known = _sure(kinds.get(sentence.id), source.language, settings, said)
        if known is not None and known.kind == "position" and holder(sentence.id, reading):
            # code knows both the kind and who holds it (`_held`): no model call
            kind, actor, unheld, said = "position", NO_ACTOR, _unheld(known), None
        elif (
            _unread(source.language, settings)
            and known is not None
            and (source.language in settings.columns or known.kind != "position" or said)
        ):
            # code reads the kind; the holder comes from code too (`_held`, `saying_in`):
            # the model would pick a name off a rough gloss, re-reading the whole chunk.
            # A position in a language with no gloss whose holder code does not find ("M.
            # Vassbotn a toutefois salué l'accord") is the model's to name, off the original
            kind, actor, unheld = known.kind, said or NO_ACTOR, _unheld(known)
        else:
            here = _offered(actors, sentence, source.language)
            kind, actor, unheld = _label(how, messages_for(sentence), here, label, known, said)
        point = _settled(Point.model_construct(kind=kind, actor=actor), sentence, source, said)
        kind, actor = point.kind, point.actor
        english = _english(sentence, reading)
        found = Found(
            SECTION_OF[kind], english, [sentence.id], chunk.source_id,
            None if actor == NO_ACTOR else actor, unheld=unheld,
            guessed=kind == "background" and _guessed(known),
        )  # fmt: skip
        result.unstated.append(replace(_held(found, reading), verified=False))
    return result


def _original(sentence: Sentence, reading: Reading | None) -> str | None:
    """The sentence as written where the model is shown its rough gloss: a model that
    reads the language states it from the original, and the gloss alone misleads it
    ("tæp tíu ár", nearly ten years, glossed "less than ten years")."""
    if reading is None or sentence.id not in reading.gloss:
        return None
    return " ".join(sentence.text.split())


def _add_context(result: ChunkResult, context: Found | None) -> None:
    if context is not None:
        (result.found if context.verified else result.unstated).append(context)


def _context(
    sentence: Sentence, source: Source, reading: Reading | None, guessed: bool = False
) -> Found | None:
    """A background sentence as the context the news stands in: published as written
    where it reads as a statement on its own (`select.stands`), at no model cost on any
    backend; an English one that does not ("Most of them, I would say.") is left out,
    never phrased. Background in another language is labelled only, and kept as its
    quote (`verified` False, `originals`): "Le Groenland … n'était pas représenté à
    Reykjavik", a fact only Le Monde reports, was lost with no trace in `dropped`."""
    section = SECTION_OF["background"]
    if stands(sentence, source, reading):
        written = " ".join(sentence.text.split())
        return Found(section, written, [sentence.id], source.id, None, guessed=guessed)
    if source.language == PIVOT:
        return None
    english = _english(sentence, reading)
    return Found(section, english, [sentence.id], source.id, None, verified=False, guessed=guessed)


@dataclass(frozen=True)
class _Asking:
    """What every question about a sentence is asked with."""

    llm: LLM
    prompts: PromptSet
    settings: ExtractSettings
    record: Recorder | None

    def label_options(self, label: str) -> AskOptions:
        """One label read off the model: a kind or a name, no text."""
        return AskOptions(
            max_tokens=1, stage="extract", label=label,
            max_attempts=self.settings.max_attempts, record=self.record,
        )  # fmt: skip


def _with_outcomes(
    asked: list[Sentence],
    shown: list[Sentence],
    reading: Reading,
    source: Source,
    settings: ExtractSettings,
) -> tuple[list[Sentence], list[Sentence]]:
    """`asked`, and the sentences over `select`'s budget of a source in no output column
    that code is sure tell an agreement or an open issue ("Wer die Schlichtung leiten
    soll, ist noch offen."): no line of this outlet stands for them, and what was agreed
    and what is open are what a briefing is for. Also the rest of those over the budget,
    left unasked."""
    rest = [s for s in unphrased(shown, asked, reading, source) if not in_quotation(s, source)]
    known = settings.kinds(rest, source) if rest else {}
    outcomes = {
        s.id for s in rest if (k := known.get(s.id)) is not None and k.sure and k.kind in OUTCOMES
    }
    outcomes |= {s.id for s in asked}
    return [s for s in shown if s.id in outcomes], [s for s in rest if s.id not in outcomes]


def _unread(language: str, settings: ExtractSettings) -> bool:
    """The backend declares the languages it reads and this is not one of them."""
    return settings.reads is not None and language not in settings.reads


def _sure(
    known: Kind | None, language: str, settings: ExtractSettings, said: str | None = None
) -> Kind | None:
    """The kind code gives, else None: the model's label decides. Code decides every
    kind of a sentence in a language the model does not read (it would label a rough
    gloss), and where the backend declares the languages it reads (a small local model)
    every kind of the others too: on the held-out labelled articles the embedded model's
    label is right for 41 % of the sentences the classifier is unsure of, the
    classifier's for 66 % (`evals/sections/model_labels.py`). Where code is unsure that
    a sentence the model reads is background, it is its likeliest news kind, as the
    model's label made it: a fact is not dropped on a guess ("The operator offered a pay
    rise of 5.2 percent": 0.48 background, 0.40 development); unless that kind is a
    position and no verb of saying names a holder (`said`): of the labelled sentences so
    read none is a position and all are background ("Iceland, which generates about 30%
    of its electricity from geothermal sources …, has sought to export its expertise"
    was Iceland's position). A backend reading every language (a served model) labels
    what code is unsure of, and only background code is sure of costs it nothing."""
    if known is None:
        return None
    if _unread(language, settings):
        return known
    if settings.reads is not None:
        if known.sure or known.kind != "background":
            return known
        news = _news(known)
        return known if news.kind == "position" and said is None else news
    if known.sure and known.kind == "background":
        return known
    return None


def _guessed(known: Kind | None) -> bool:
    """Code's label is background but it is unsure (`Found.guessed`)."""
    return known is not None and known.kind == "background" and not known.sure


def _news(known: Kind) -> Kind:
    """`known` with background ranked last: the likeliest news kind leads."""
    shares = {**known.shares, "background": 0.0}
    kind = max(shares, key=lambda k: shares[k])
    return Kind(kind, shares[kind], False, shares)


def _settled(point: Point, sentence: Sentence, source: Source, said: str | None) -> Point:
    """The point with the kind code settles (`kinds.settled`): a development becoming a
    position is held by who the sentence names as saying it, an agreement by no one."""
    kind = settled(point.kind, sentence.text, source.language, said)
    if kind == point.kind:
        return point
    actor = said if kind == "position" and said else NO_ACTOR
    return point.model_copy(update={"kind": kind, "actor": actor})


def _unheld(known: Kind | None) -> Section | None:
    """The likeliest news kind after position, where code is sure of the kind."""
    if known is None:
        return None
    return next((SECTION_OF[k] for k in known.ranked() if k in UNHELD), None)


def _english(sentence: Sentence, reading: Reading | None) -> str:
    return reading.english(sentence.id) if reading else " ".join(sentence.text.split())


def _cloze_point(
    how: _Asking,
    messages: list[dict[str, str]],
    actors: list[str],
    label: str,
    written: str | None = None,
    known: Kind | None = None,
    said: str | None = None,
) -> tuple[Point, bool, Section | None]:
    """The point as a cloze over its own JSON, for a backend that continues an answer:
    the kind after '{"kind": "' and the actor after '..."actor": "' are read from label
    probabilities (no generated token), and only the statement is generated, unless it
    is `written` already. A background sentence costs one prompt evaluation; each step
    extends the last prompt, so the backend re-reads only the new words. Also: whether
    the statement was cut off, and the next likeliest news kind (`_label`)."""
    llm, settings, record = how.llm, how.settings, how.record
    kind, actor, unheld = _label(how, messages, actors, label, known, said)
    if kind == "background":  # its sentence as written, where code may settle it otherwise
        return Point.model_construct(kind=kind, actor=NO_ACTOR, text=written or ""), False, None
    answer = f'{{"kind": "{kind}", "actor": "'
    if written is not None:
        return Point.model_construct(kind=kind, actor=actor, text=written), False, unheld
    answer += f'{actor}", "text": '
    max_chars = MAX_CHARS_PER_WORD * settings.max_words
    request = Request(
        messages=messages,
        schema={"type": "string", "maxLength": max_chars},
        prefix=answer,
        max_tokens=2 * settings.max_words + 8,
        stage="extract",
        label=label,
    )
    response = llm.complete(request)
    if record is not None:
        record("extract", response)
    cut = response.finish_reason == "length"
    try:
        text = str(loads(response.text))
    except ValueError:
        text, cut = response.text.strip('"'), True
    return Point.model_construct(kind=kind, actor=actor, text=text), cut, unheld


def _held(found: Found, reading: Reading | None) -> Found:
    """A statement of a sentence whose parse names who says it (`stages.speakers`) is
    that holder's position, citing also the sentence naming them; the model's label and
    actor, read off a rough gloss, give way to the parse."""
    if reading is None or found.evidence[0] not in reading.gloss:
        return found
    said = holder(found.evidence[0], reading)
    if said is None:
        return found
    return replace(found, section="positions", actor=said.name, evidence=list(said.evidence))


def _offered(actors: list[str], sentence: Sentence, language: str) -> list[str]:
    """The chunk's actors but those the sentence names only as places: "…направляет суда
    в Антверпен, Гамбург и Бремерхафен, сообщили в администрации порта" was labelled
    Bremerhaven's position (the port's administration said it); nor those it names only
    as a minister's portfolio ("ministre de la Recherche", `holders.portfolio`)."""
    return [
        a
        for a in actors
        if not placed(a, sentence.text, language) and not portfolio(a, sentence.text, language)
    ]


def _label(
    how: _Asking,
    messages: list[dict[str, str]],
    actors: list[str],
    label: str,
    known: Kind | None = None,
    said: str | None = None,
) -> tuple[str, str, Section | None]:
    """The kind after '{"kind": "' and, for a position, the actor after '..."actor": "'
    (else `NO_ACTOR`) and the section of the likeliest news kind (for a position code
    finds no holder of), read from label probabilities: no generated token. A background
    sentence costs one prompt evaluation; on a backend without probabilities `rank`
    asks a one-field answer instead, and there is no second kind. A position whose
    sentence names who says it (`said`, by `holders.saying_in`) is theirs: no second call;
    so is "background" of such a sentence (`kinds.settled`)."""
    options = how.label_options(label)
    answer = '{"kind": "'
    ranked = known.ranked() if known else rank(how.llm, messages, KINDS, options, prefix=answer)
    kind = "position" if ranked[0] == "background" and said is not None else ranked[0]
    if kind != "position":
        return kind, NO_ACTOR, None
    unheld = next((SECTION_OF[k] for k in ranked[1:] if k in UNHELD), None)
    if said is not None:
        return kind, said, unheld
    answer += f'{kind}", "actor": "'
    # each name with its closing quote: "Trump" is not "Trump-Putin"
    actor = choose(how.llm, messages, [f'{a}"' for a in actors], options, prefix=answer)[:-1]
    return kind, actor, unheld


def _quote_point(
    how: _Asking,
    messages: list[dict[str, str]],
    label: str,
    quote: Quote,
    known: Kind | None = None,
) -> Point:
    """A line of a quotation whose speaker code found: only whether it is background is
    asked (of code where it is sure, else of the model); anything else is its speaker's
    position, in the words code wrote."""
    options = how.label_options(label)
    kind = known.kind if known else choose(how.llm, messages, KINDS, options, prefix='{"kind": "')
    return Point.model_construct(kind=kind, actor=quote.speaker, text=quote.statement)


def _json_point(
    how: _Asking, messages: list[dict[str, str]], actors: list[str], label: str
) -> tuple[Point, bool]:
    """The point as one JSON answer, for a backend that cannot continue one; its schema
    narrows the actor to the names code found and caps the text."""
    settings = how.settings
    point = ask(
        how.llm,
        messages,
        Point,
        AskOptions(
            schema=point_schema(actors, max_chars=MAX_CHARS_PER_WORD * settings.max_words),
            context={"actors": actors},
            max_tokens=answer_budget(settings.max_words),
            stage="extract",
            label=label,
            max_attempts=settings.max_attempts,
            reask=lambda errors: how.prompts.render("reask", errors=errors),
            record=how.record,
        ),
    )
    return point, False


def _unusable(text: str, cut: bool, settings: ExtractSettings) -> str | None:
    if cut or len(text) >= MAX_CHARS_PER_WORD * settings.max_words - 1:
        return CUT_OFF
    if len(words(text)) < 3:
        return "no statement: fewer than three words"
    return None


def _common_noun(name: str, lang: str) -> bool:
    """One word the language's noun table reads as a common noun, no actor to offer."""
    return " " not in name and lexicon.noun_kind(name, lang) == "common"
