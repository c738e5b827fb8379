"""Greynir's reading of a word handed to Apertium (`lang.gloss_reading`): the gloss an
English reader gets of an Icelandic sentence reads each word in the class the parse of the
whole sentence gives it."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from briefing.lang import gloss_reading
from briefing.lang.gloss import ApertiumGlosser
from briefing.lang.parse_is import Word

pytestmark = pytest.mark.skipif(
    shutil.which("apertium") is None, reason="apertium-isl-eng not installed"
)

SENTENCES = [
    "Elín Sóley segir að hætta á frekari skriðuföllum haldist.",
    "Fjörðurinn lokast vegna skriðu.",
    "Ríkið er hvatt til að greiða sveitarfélögum að fullu.",
]


def _bash(command: str, text: str) -> str:
    return subprocess.run(
        ["bash", "-c", command], input=text, capture_output=True, text=True, check=True
    ).stdout


def test_the_two_halves_give_apertium_s_own_output_byte_for_byte() -> None:
    halves = gloss_reading.halves("isl-eng")
    assert halves is not None
    text = "\n\n".join(SENTENCES)
    whole = subprocess.run(
        ["apertium", "isl-eng"], input=text, capture_output=True, text=True, check=True
    ).stdout
    assert _bash(halves[1], _bash(halves[0], text)) == whole


def test_a_word_is_read_in_the_class_greynir_s_parse_gives_it() -> None:
    """vegagerd: "hætta á frekari skriðuföllum" (a danger of further landslides) was
    "quit on more demanding…", "vegna skriðu" (because of a landslide) "because of
    crawled", "ríkið" (the state) "rule!"; "lokast" (closes) Apertium does not know."""
    danger, closes, state = ApertiumGlosser().gloss(SENTENCES)
    assert danger is not None and "danger" in danger and "quit" not in danger.lower()
    assert closes is not None and "landslide" in closes and "crawled" not in closes
    assert "closes" in closes
    assert state is not None and state.startswith("The state")


def test_a_function_word_read_as_a_content_word_is_read_in_greynir_s_class() -> None:
    """vegagerd: "síðan" (since) Apertium's tagger read as "síða" (the side) after a
    participle: "Borgarfjörður eystri the isolated side Has been"."""
    [text] = ApertiumGlosser().gloss(
        ["Borgarfjörður eystri hefur verið einangraður síðan í fyrrinótt."]
    )
    assert text is not None and "side" not in text and "has been isolated" in text
    # a relative "sem" is a relative, "that", not the conjunction "as"
    [incomes] = ApertiumGlosser().gloss(["Þetta eru tekjur sem við fáum aldrei til baka."])
    assert incomes is not None and "incomes that we" in incomes


def test_a_verb_apertium_read_as_an_adverb_is_read_as_the_verb() -> None:
    """saestrengur: "Ekki hefur verið ákveðið hver eigi strenginn" (who owns the cable)
    was glossed "each not the string": the tagger read "eigi" as the adverb "not", a
    negation the sentence does not say."""
    [text] = ApertiumGlosser().gloss(["Ekki hefur verið ákveðið hver eigi strenginn."])
    assert text is not None and "owns" in text and text.count("not") == 1


def test_a_sentence_greynir_does_not_parse_is_glossed_as_apertium_reads_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    halves = gloss_reading.halves("isl-eng")
    assert halves is not None
    tagged = _bash(halves[0], SENTENCES[0])
    assert gloss_reading.reread(tagged, SENTENCES[:1], "isl-eng") != tagged
    monkeypatch.setattr(gloss_reading.parse_is, "words", lambda text: None)
    assert gloss_reading.reread(tagged, SENTENCES[:1], "isl-eng") == tagged


def test_a_batch_that_does_not_split_into_its_texts_is_left_as_tagged() -> None:
    halves = gloss_reading.halves("isl-eng")
    assert halves is not None
    tagged = _bash(halves[0], "\n\n".join(SENTENCES))
    assert gloss_reading.reread(tagged, SENTENCES[:2], "isl-eng") == tagged
    assert gloss_reading.reread(tagged, SENTENCES, "isl-eng") != tagged


def test_the_same_sense_in_another_class_keeps_apertium_s_reading() -> None:
    """A participle Apertium reads as an adjective ("lokaður", closed) says the same."""
    halves = gloss_reading.halves("isl-eng")
    assert halves is not None
    sentence = "Vegurinn er lokaður."
    tagged = _bash(halves[0], sentence)
    assert "lokaður<adj>" in tagged
    assert gloss_reading.reread(tagged, [sentence], "isl-eng") == tagged


def test_a_capitalised_word_inside_a_sentence_stays_a_name() -> None:
    """Greynir reads the Norwegian "Kari" (BÍN has "Kári") as "kari", of "kar" (a tub)."""
    [said] = ApertiumGlosser().gloss(["„Ekkert var ákveðið,“ sagði Kari Berg hafnarstjóri."])
    assert said is not None and "Kari Berg" in said


def test_an_adjective_apertium_lacks_after_a_name_is_the_name_s() -> None:
    """vegagerd: "Borgarfjörður eystri" (the eastern one) read "Borgarfjörður more more
    easterly" in Greynir's reading of "eystri", a comparative."""
    [text] = ApertiumGlosser().gloss(
        [
            "Borgarfjörður eystri hefur verið einangraður síðan í fyrrinótt, þegar skriða féll"
            " á Borgarfjarðarveg í Njarðvíkurskriðum."
        ]
    )
    assert text is not None and text.startswith("Borgarfjörður eystri ") and "easterly" not in text


def test_the_glossary_s_english_comes_before_apertium_s_dictionary() -> None:
    """ "sólarhringa" is "days" in the text layer's glossary, "24 hours" in Apertium's."""
    [text] = ApertiumGlosser().gloss(["Verkfallið stóð í tvo sólarhringa."])
    assert text is not None and "two days" in text and "24 hours" not in text


@pytest.mark.parametrize(
    ("word", "tags"),
    [
        (Word("skriðu", "skriða", "no", ("ef", "et", "kvk")), "<n><f><sg><gen><ind>"),
        (Word("ríkið", "ríki", "no", ("et", "gr", "hk", "nf")), "<n><nt><sg><nom><def>"),
        (
            Word("lokist", "loka", "so", ("0", "et", "mm", "nt", "p3", "vh")),
            "<vblex><midv><prs><p3><sg>",
        ),
        (
            Word("rekur", "reka", "so", ("1", "þf", "et", "fh", "gm", "nt", "p3")),
            "<vblex><actv><pri><p3><sg>",
        ),
        (Word("sæta", "sæta", "so", ("1", "þgf", "gm", "nh")), "<vblex><actv><inf>"),
        (
            Word("frekari", "frekur", "lo", ("ft", "hk", "mst", "þgf")),
            "<adj><comp><nt><pl><dat><vei>",
        ),
        (Word("heitt", "heitur", "lo", ("et", "hk", "nf", "sb")), "<adj><pst><nt><sg><nom><sta>"),
        (Word("hækkandi", "hækka", "so", ("1", "þf", "lh", "nt")), None),
    ],
)
def test_greynir_s_features_in_apertium_s_tags(word: Word, tags: str | None) -> None:
    """A comparative is weak, as Icelandic declines it; a present participle has no tags."""
    assert gloss_reading._tags(word) == tags


def test_a_sentence_opening_on_a_word_apertium_lacks_keeps_its_verb_second() -> None:
    """Unread, the opening word was no subject to Apertium's transfer, which moved the verb
    to the end as if it began a sentence: "Isavia 4.5 percent Has offered a year.",
    "Turnout 71 percent Was" (laeknar); read by Greynir as a noun but with no subject's
    mark, "The road construction 70 percent pays of the expenses"."""
    offered, turnout, pays, known = ApertiumGlosser().gloss(
        [
            "Isavia hefur boðið 4,5 prósent á ári.",
            "Kjörsókn var 71 prósent.",
            "Vegagerðin greiðir 70 prósent af kostnaðinum.",
            "Jón hefur boðið 4,5 prósent á ári.",
        ]
    )
    assert offered == "Isavia has offered 4.5 percent a year."
    assert turnout == "Turnout was 71 percent."  # still glossed by BÍN's lemma
    assert pays is not None and "pays 70 percent of" in pays  # a noun Greynir reads
    assert known is not None and known.startswith("Jón has offered 4.5 percent")


def test_a_clause_opening_on_a_word_apertium_lacks_keeps_its_verb_second() -> None:
    """ "…, en Isavia býður 4,5 prósent" was "but Isavia 4.5 percent offers" (atc-dispute);
    before a subjunctive the word stays as tagged ("segir að Veitur beri" would read "says
    that Veitur will carry"), and so after "og", which joins two names as often."""
    offers, bears, joined = ApertiumGlosser().gloss(
        [
            "Félagið krefst 9 prósenta, en Isavia býður 4,5 prósent.",
            "Hann segir að Veitur beri alla ábyrgð.",
            "Samkvæmt samkomulagi bæjarins og Strætó greiðir bærinn fyrir þjónustuna.",
        ]
    )
    assert offers is not None and offers.endswith("but Isavia offers 4.5 percent.")
    assert bears is not None and "will" not in bears
    assert joined is not None and "Strætó pays" not in joined


def test_only_a_word_opening_a_text_or_clause_before_a_finite_verb_is_made_its_subject() -> None:
    """A known opening word with its function, one set off by a comma, one before no verb
    or inside a clause stays as tagged; the verb's number is the subject's."""
    tagged = [
        "^Isavia/*Isavia$ ^hafa/hafa<vbhaver><pri><p3><pl><@+FAUXV>$",
        "^Hvalur/Hvalur<np><ant><m><sg><nom><@X>$ ^er/vera<vbser><pri><p3><sg>$",
        "^Isavia/*Isavia$^,/,<cm>$ ^segir/segja<vblex><actv><pri><p3><sg>$",
        "^Jón/Jón<np><ant><m><sg><nom><@SUBJ→>$ ^hefur/hafa<vbhaver><pri><p3><sg>$",
        "^Isavia/*Isavia$ ^í/í<pr>$",
        "^Hann/hann<prn>$ ^segir/segja<vblex><pri><p3><sg>$ ^Isavia/*Isavia$"
        " ^býður/bjóða<vblex><pri><p3><sg>$",
    ]
    stream, found = gloss_reading.subjects("\n\n".join(tagged))
    pieces = stream.split("\n\n")
    assert pieces[0].startswith("^Isavia/Isavia<np><ant><m><pl><nom><@SUBJ→>$")
    assert pieces[1].startswith("^Hvalur/Hvalur<np><ant><m><sg><nom><@SUBJ→>$")
    assert pieces[2:] == tagged[2:]
    assert found == {"Isavia"}
