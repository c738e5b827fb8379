"""Reading a Greynir parse tree: the main clause's act verb, its subject, names, negation.

Greynir (`reynir`) tags clauses and phrases (S-MAIN, S-QUOTE, IP, VP, NP-SUBJ, CP-THT-OBJ,
CP-ADV-COND...) and gives each terminal its lemma, case and gender; person names come in
the nominative. Code walks the tree it returns; nothing here parses.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from briefing.lang import icelandic, lexicon
from briefing.lang.parse_is_reading import (
    Holder,
    Mention,
    Reading,
    Tok,
    according_to,
    act_at,
    after_quote,
    is_negation,
    is_role,
)

__all__ = ["from_tree"]

# Tags of clauses whose negation belongs to a condition, a time or a relative clause, not to
# the claim ("nema öryggi væri ekki í húfi"): Greynir's CP-ADV-*, CP-REL and CP-QUE.
_SUBORDINATE = ("CP-ADV", "CP-REL", "CP-QUE")
# Tags a main clause's own verbs are never under: an embedded clause, an infinitive, a phrase.
_NOT_MAIN = ("CP", "IP-INF", "NP", "PP", "ADVP", "ADJP")


def _tag(node: Any) -> str:
    return node.tag or ""


def _leaves(node: Any) -> list[Any]:
    return [leaf for leaf in node.leaves if leaf.index is not None]


def _variants(node: Any) -> set[str]:
    return set(node.all_variants)


def _gender(node: Any) -> str | None:
    return next((g for g in ("kk", "kvk", "hk") if g in _variants(node)), None)


_PASSIVE = "lhþt"  # Greynir's past participle of a verb: a passive, whose subject acted on nothing


def from_tree(tree: Any, tokens: list[str]) -> Reading:
    """Read a parse tree; `tokens` are the sentence's token texts, quotation marks (which
    the tree leaves out) included, at the indices of the tree's leaves."""
    words = [(leaf.index, w) for leaf in _leaves(tree) for w in leaf.text.lower().split()]
    verb = act = holder = None
    for node in _main_verbs(tree):
        if _PASSIVE in _variants(node):  # "var samþykktur": its subject is what was agreed
            continue
        following = [w for i, w in words if i > node.index]
        found = act_at({node.lemma}, following)
        if found is not None:
            inverted = after_quote(tokens[: node.index])
            (verb, act), holder = found, _holder_of(tree, node.index, inverted)
            break
    named = _tree_mentions(tree)
    toks = _tree_toks(tree, dict(named))
    if verb is None:
        holder, act = according_to(toks)
    return Reading(
        parsed=True,
        verb=verb,
        act=act,
        negated=_negated(tree),
        holder=holder,
        mentions=tuple(m for _, m in named),
        places=tuple(dict.fromkeys(t.place for t in toks if t.place)),
    )


def _lemmas(node: Any) -> frozenset[str]:
    return icelandic.lemmas(node.text) | {node.lemma}


def _main_verbs(node: Any) -> Iterator[Any]:
    """The verbs of the sentence's main clauses, in order, none from an embedded clause."""
    for child in node.children:
        if child.is_terminal:
            if child.tcat == "so" and child.index is not None:
                yield child
        elif not _tag(child).startswith(_NOT_MAIN):
            yield from _main_verbs(child)


def _path(node: Any, index: int) -> list[Any] | None:
    """The nodes from `node` down to the terminal of token `index`."""
    if node.is_terminal:
        return [node] if node.index == index else None
    for child in node.children:
        below = _path(child, index)
        if below is not None:
            return [node, *below]
    return None


def _holder_of(tree: Any, index: int, inverted: bool) -> Holder | None:
    """The subject of the verb at `index`: the NP-SUBJ of its clause, else what follows the
    verb: a name ("…, segir Isavia"), a nominative noun phrase, or any noun phrase where a
    quotation ends right before the verb ("„…,“ sagði hún", "„…,“ svaraði Trump")."""
    path = _path(tree, index) or []
    tags = ("NP", "NP-OBJ") if inverted else ("NP",)
    for depth in range(len(path) - 2, -1, -1):
        node, below = path[depth], path[depth + 1]
        children = list(node.children)
        subject = next((c for c in children if _tag(c) == "NP-SUBJ"), None)
        if subject is not None:
            return _np_holder(subject)
        after = False
        for i, child in enumerate(children):
            if after and child.is_terminal:
                mention = _tree_mention(child, children[i + 1 :])
                if mention is not None:
                    return Holder("name", names=(mention,))
            first = next(iter(_leaves(child)), None) if _tag(child) in tags else None
            if after and first is not None and (inverted or "nf" in _variants(first)):
                return _np_holder(child)
            after = after or child.span == below.span
        if _tag(node).startswith("S"):
            break
    return None


def _np_holder(np: Any) -> Holder | None:
    """Who a subject noun phrase names: its names, else its pronoun or head noun. A
    capitalised noun BÍN does not know is a name ("Øvrebø")."""
    children = list(np.children)
    names: list[Mention] = []
    for i, child in enumerate(children):
        if not child.is_terminal:
            continue
        mention = _tree_mention(child, children[i + 1 :])
        capital = child.tcat == "no" and child.text[:1].isupper()
        if mention is None and capital and i > 0 and _tag(children[i - 1]) == "C":
            mention = Mention(child.text, person=False)  # "Icelandair og Play"
        if mention is None and capital and not icelandic.lemmas(child.text):
            mention = Mention(child.text, person=True)
        if mention is not None:
            names.append(mention)
    if names:
        return Holder("name", names=tuple(names))
    for i, child in enumerate(children):
        if not child.is_terminal:
            continue
        if child.tcat == "pfn":
            return Holder("pronoun", lemmas=_lemmas(child), gender=_gender(child))
        if child.tcat == "no":
            organisation = _organisation(child, children[i + 1 :])
            if organisation is not None:
                return Holder("name", names=(organisation,))
            definite = "gr" in _variants(child)
            return Holder("noun", lemmas=_lemmas(child), definite=definite)
    return None


def _tree_mention(node: Any, after: list[Any]) -> Mention | None:
    """The person or entity a terminal names. A surname Greynir leaves out of a person is
    added ("Hanna Katrín" + "Friðriksson"); a person's title is the lower-case noun after
    the name ("Gunnar Þór Einarsson, forstjóri Isavia")."""
    if node.tcat == "entity":  # a foreign name with a role after it is a person's
        role = _title(list(after))  # ("Tomasz Wójcik, trúnaðarmaður Eflingar")
        if role is not None and is_role(frozenset({role})):
            return Mention(node.text, person=True, title=role)
        return Mention(node.text, person=False)
    if node.tcat != "person":
        return None
    name, rest = node.lemma, list(after)
    while rest and rest[0].is_terminal and rest[0].tcat == "no" and _surname(rest[0].text):
        name, rest = f"{name} {rest[0].text}", rest[1:]
    return Mention(name, person=True, gender=_gender(node), title=_title(rest))


def _title(rest: list[Any]) -> str | None:
    """The lemma of the lower-case noun after a name, a comma allowed between."""
    for sibling in rest:
        if sibling.is_terminal and sibling.text == ",":
            continue
        first = sibling if sibling.is_terminal else next(iter(_leaves(sibling)), None)
        if first is not None and first.tcat == "no" and first.text[:1].islower():
            return str(first.lemma)
        return None
    return None


def _surname(word: str) -> bool:
    """A capitalised word BÍN knows as part of a person's name, in the nominative."""
    domains = lexicon.wordset("bin.person_domains", "is")
    return word[:1].isupper() and any(
        m.hluti in domains and m.mark.startswith("NF") for m in icelandic.meanings(word)
    )


def _organisation(head: Any, after: list[Any]) -> Mention | None:
    """A capitalised common noun with a genitive after it names an organisation ("Félag
    íslenskra flugumferðarstjóra", "Samtaka ferðaþjónustunnar"): in the nominative. A
    role ("Formaður félagsins") or a pronoun genitive ("Viðræður okkar") names none."""
    if not head.text[:1].isupper() or not after or _tag(after[0]) != "NP-POSS":
        return None
    if next(iter(_leaves(after[0])), head).tcat == "pfn" or is_role(_lemmas(head)):
        return None
    return Mention(f"{head.nominative} {after[0].text}", person=False, head=_lemmas(head))


def _tree_mentions(tree: Any) -> list[tuple[int, Mention]]:
    """People, entities and organisations the sentence names, in order, each with the
    index of the token that starts it."""
    found: list[tuple[int, Mention]] = []
    first_word = next((leaf.index for leaf in _leaves(tree) if leaf.text[:1].isalnum()), 0)

    def walk(node: Any) -> None:
        children = list(node.children)
        for i, child in enumerate(children):
            if child.is_terminal:
                mention = _tree_mention(child, children[i + 1 :])
                # A capital opening the sentence says nothing: "Vaktir flugumferðarstjóra".
                if mention is None and child.tcat == "no" and child.index != first_word:
                    mention = _organisation(child, children[i + 1 :])
                if mention is not None:
                    found.append((child.index, mention))
            else:
                walk(child)

    walk(tree)
    return found


def _negated(node: Any) -> bool:
    """A negation in a main clause or in what it reports, not in a condition or relative."""
    for child in node.children:
        if child.is_terminal:
            if is_negation(child.text, {child.lemma}):
                return True
        elif not _tag(child).startswith(_SUBORDINATE) and _negated(child):
            return True
    return False


def _tree_toks(tree: Any, named: dict[int, Mention]) -> list[Tok]:
    """The leaves as tokens, each name on the token that starts it."""
    places = lexicon.wordset("bin.place_domains", "is")
    toks = []
    for leaf in _leaves(tree):
        place = leaf.lemma if leaf.fl in places and leaf.text[:1].isupper() else None
        toks.append(
            Tok(
                leaf.text,
                frozenset({leaf.lemma}),
                noun=leaf.tcat == "no",
                mention=named.get(leaf.index),
                place=place,
            )
        )
    return toks
