"""Reading an Icelandic sentence by its tokens, where Greynir gives no tree.

reynir's own tokens of a sentence it could not parse (`tokenizer` tokens with BÍN meanings,
person names joined and given a gender); or, where reynir will not load at all, `tokenizer`
and BÍN (`islenska`) alone. Either way the result is a list of `Tok`s.
"""

from __future__ import annotations

from typing import Any

from briefing.lang import icelandic, lexicon
from briefing.lang.parse_is_reading import Mention, Tok

__all__ = ["plain_toks", "reynir_toks"]

# Token kinds of reynir's tokenizer (reynir.bintokenizer.TOK), not imported so that a
# broken reynir install still reads sentences through `tokenizer` alone.
_TOK_WORD, _TOK_PERSON, _TOK_ENTITY, _TOK_COMPANY = 6, 14, 16, 30


def reynir_toks(tokens: list[Any]) -> list[Tok]:
    """reynir's tokens of a sentence it could not parse: `tokenizer` tokens with BÍN
    meanings and person names joined ("Ástráður Bergsson"), gender and case given."""
    toks: list[Tok] = []
    for token in tokens:
        if token.kind == _TOK_PERSON and token.val:
            nominative = [p for p in token.val if p.case == "nf"]
            person = (nominative or token.val)[0]
            name = _name(person.name, oblique=not nominative)
            toks.append(Tok(token.txt, mention=Mention(name, True, gender=person.gender)))
        elif token.kind in (_TOK_ENTITY, _TOK_COMPANY):
            toks.append(Tok(token.txt, mention=Mention(token.txt, person=False)))
        elif token.kind == _TOK_WORD and isinstance(token.val, list):
            meanings = [(m[0], m[2], m[3], m[5]) for m in token.val]
            toks.append(_word_tok(token.txt, meanings))
        else:
            toks.append(Tok(token.txt))
    return _titled(toks)


def plain_toks(text: str) -> list[Tok]:
    """`tokenizer` and BÍN alone (when reynir will not load): capitalised runs of words BÍN
    knows as person names, or does not know at all, are names."""
    from tokenizer import TOK, tokenize

    person_domains = lexicon.wordset("bin.person_domains", "is")
    toks: list[Tok] = []
    run: list[tuple[str, list[Any]]] = []

    def close() -> None:
        if run:
            known = [m for _, ms in run for m in ms if m.hluti in person_domains]
            parts = [_person_lemma(w, ms, person_domains) for w, ms in run]
            gender = known[0].ofl if known else None
            toks.append(Tok(" ".join(w for w, _ in run), mention=Mention(
                " ".join(parts), person=True, gender=gender)))  # fmt: skip
            run.clear()

    for token in tokenize(text):
        if token.kind != TOK.WORD:
            close()
            if token.txt:
                toks.append(Tok(token.txt))
            continue
        word, start = token.txt, not toks and not run
        meanings = icelandic.meanings(word, at_sentence_start=start)
        as_name = any(m.hluti in person_domains for m in meanings)
        # A word opening the sentence is a name only if BÍN knows it as one and it is not
        # a capitalised pronoun or particle ("Hún" is also the name "Húnn").
        if start:
            named = as_name and word not in lexicon.wordset("names.not_names", "is")
        else:
            named = word[:1].isupper() and (as_name or not meanings)
        if named:
            run.append((word, meanings))
            continue
        close()
        toks.append(_word_tok(word, [(m.ord, m.ofl, m.hluti, m.mark) for m in meanings]))
    close()
    return _titled(toks)


def _person_lemma(word: str, meanings: list[Any], domains: frozenset[str]) -> str:
    lemmas = [m.ord for m in meanings if m.hluti in domains]
    return word if not lemmas or word in lemmas else lemmas[0]


def _word_tok(word: str, meanings: list[tuple[str, str, str, str]]) -> Tok:
    """A word with its BÍN meanings as (lemma, word class, domain, inflection)."""
    places = lexicon.wordset("bin.place_domains", "is")
    genders = {"kk", "kvk", "hk"}
    nouns = [m for m in meanings if m[1] in genders]
    place = next((m[0] for m in nouns if m[2] in places), None)
    pronouns = [m for m in meanings if m[1] == "pfn"]
    gender = lexicon.table("pronouns.gender", "is").get(word.lower()) if pronouns else None
    return Tok(
        word,
        lemmas=frozenset(m[0] for m in meanings) | {word.lower()},
        verbs=frozenset(m[0] for m in meanings if m[1] == "so"),
        noun=bool(nouns) and not pronouns,
        pronoun=bool(pronouns),
        gender=gender,
        definite=any(m[3].endswith("gr") for m in nouns),
        place=place if word[:1].isupper() else None,
    )


def _titled(toks: list[Tok]) -> list[Tok]:
    """Give each person the lower-case noun after their name, a comma allowed between."""
    out = list(toks)
    for i, tok in enumerate(out):
        if tok.mention is None or not tok.mention.person:
            continue
        rest = [t for t in out[i + 1 : i + 3] if t.text != ","][:1]
        if rest and rest[0].noun and rest[0].text[:1].islower():
            title = min(rest[0].lemmas - {rest[0].text.lower()}, default=rest[0].text.lower())
            mention = Mention(tok.mention.name, True, tok.mention.gender, title=title)
            out[i] = Tok(tok.text, mention=mention)
    return out


def _name(name: str, oblique: bool) -> str:
    """A name reynir joined, cleaned: a title glued on dropped ("Donald Trump
    Bandaríkjaforseti"), the genitive -s of a foreign name cut ("Vladimirs Pútíns")."""
    person_domains = lexicon.wordset("bin.person_domains", "is")
    parts = name.split()
    kept = [parts[0]]
    for part in parts[1:]:
        meanings = icelandic.meanings(part)
        if meanings and not any(m.hluti in person_domains for m in meanings):
            break
        kept.append(part)
    if oblique:
        kept = [
            p[:-1] if p.endswith("s") and len(p) > 4 and not icelandic.lemmas(p) else p
            for p in kept
        ]
    return " ".join(kept)
