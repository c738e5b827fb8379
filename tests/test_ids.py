from briefing.core import ids
from briefing.core.models import Sentence
from briefing.ingest.segment import segment


def test_ids_build_and_read_back():
    sid = ids.sentence_id("A2", 7)
    assert sid == "A2.S7"
    assert ids.source_of(sid) == "A2"
    assert ids.sentence_number(sid) == 7
    assert ids.sentence_number("A2") is None


def test_ingest_gives_each_sentence_its_source():
    sentences = segment("One here. Two there.", "A3", "en")
    assert [(s.id, s.source_id) for s in sentences] == [("A3.S1", "A3"), ("A3.S2", "A3")]


def test_older_briefing_json_without_source_id_loads():
    s = Sentence.model_validate({"id": "A4.S2", "text": "x", "start": 0, "end": 1})
    assert s.source_id == "A4"
