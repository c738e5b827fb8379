"""The daily site's HTML, mail and feeds, rendered from hand-built days: everything
escaped, citations quoted, files where no story can take their name, and a re-run that
changes one story changes only its page, the day's pages and the feeds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import feedparser
import pytest
from helpers import briefing, item
from lxml import html as lxml_html

from briefing.core.models import Briefing, Side
from briefing.render.feed import Entry, entry_id, render_feed
from briefing.render.mail import inline_css, render_mail
from briefing.render.publish import STAMPS, publish
from briefing.render.site import leads, render_day, render_story
from briefing.stages.daily import FrontArticle, FrontPage, FrontStory

DAY = "2026-11-24"
HOSTILE = "<script>alert(1)</script> & co"


def sample(
    url: str = "https://news.example/a1",
    lead: str = "Iceland will receive 16.5 percent of the catch.",
) -> Briefing:
    b = briefing(
        agreements=[item(lead, None, ["A1.S2"])],
        positions=[
            item(
                "Hildur Baldursdóttir says Iceland will not sign.",
                "Hildur Baldursdóttir segir að Ísland skrifi ekki undir án aðgangs.",
                ["A2.S2"],
                actor=HOSTILE,
            )
        ],
        disagreements=[
            item("", None, ["A1.S3", "A2.S3"]).model_copy(
                update={
                    "text": {},
                    "sides": [
                        Side(source="A1", evidence=["A1.S3"],
                             text={"en": "The deal is fair.", "is": "Samningurinn er sanngjarn."}),
                        Side(source="A2", evidence=["A2.S3"],
                             text={"en": "It is not enough.", "is": "Þetta er ekki nóg."}),
                    ],
                }
            )
        ],
    )  # fmt: skip
    b.agreements[0].origin = {"en": "statement", "is": "fallback"}
    b.agreements[0].text["is"] = b.agreements[0].text["en"]
    b.sources[0] = b.sources[0].model_copy(update={"url": url, "outlet": "Wire <b>"})
    b.sources[1] = b.sources[1].model_copy(update={"url": "javascript:alert(1)", "outlet": "Mbl"})
    b.dropped = [{"chunk": "A1.C1", "text": "Dropped <i>claim</i>", "reason": "no number match"}]
    return b


def story(slug: str, key: str, headline: str = HOSTILE) -> FrontStory:
    return FrontStory(
        slug=slug, key=key, headline={"en": headline, "is": f"{headline} is"},
        outlets=["Wire <b>", "Mbl"], languages=["en", "is"],
        articles=[FrontArticle(source="https://n.example/a1", title="t", language="en", key="k")],
        briefing=f"{slug}.md", briefing_json=f"{slug}.json",
    )  # fmt: skip


def test_markup_in_any_field_is_text_and_only_web_links_are_links() -> None:
    page = FrontPage(date=DAY, languages=["en", "is"], stories=[story("deal", "k1")])
    for html in (
        render_day(page, {"deal": sample()}),
        render_story(page, page.stories[0], sample()),
        render_mail(page, {"deal": sample()}),
    ):
        assert "<script>" not in html and "<b>" not in html and "<i>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
        assert 'href="javascript:' not in html
    story_page = render_story(page, page.stories[0], sample())
    assert '<a href="https://news.example/a1">' in story_page
    assert "&lt;i&gt;claim&lt;/i&gt;" in story_page  # the dropped statement, folded away


def test_feed_titles_and_content_are_text() -> None:
    when = dt.datetime(2026, 11, 24, 9, tzinfo=dt.timezone.utc)
    entry = Entry(DAY, "deal", {"en": HOSTILE}, sample(), when, when)
    parsed = feedparser.parse(render_feed("en", [entry]).encode())
    assert not parsed.bozo and parsed.entries[0].title == HOSTILE
    assert parsed.entries[0].id == "tag:briefing,2026-11-24:deal/en"
    assert "<b>" not in parsed.entries[0].content[0].value


def test_story_page_quotes_each_cited_sentence_in_both_languages() -> None:
    page = FrontPage(date=DAY, languages=["en", "is"], stories=[story("deal", "k1", "Deal")])
    html = render_story(page, page.stories[0], sample())
    assert html.count('<details class="cites">') == 3
    cite = html.split('id="positions-1-A2.S2"', 1)[1].split("</li>", 1)[0]
    assert (
        '<blockquote lang="is">Hildur Baldursdóttir segir að Ísland skrifi ekki undir án aðgangs.'
        in cite
    )
    assert "— Mbl," in cite and '<span class="tag">is</span>' in cite
    assert '<p class="statement" lang="is">' in html and '<p class="statement" lang="en">' in html
    assert '<span class="fallback">[en]</span> Iceland will receive' in html
    assert "Wire &lt;b&gt;: „Samningurinn er sanngjarn.“ — en Mbl: „Þetta er ekki nóg.“" not in html
    assert "Samningurinn er sanngjarn. — en Mbl: Þetta er ekki nóg." in html
    assert '<details class="dropped"><summary>1 statement dropped' in html
    assert '<a href="../2026-11-24.html">' in html and 'href="../style.css"' in html


def test_lead_is_the_first_statement_written_in_each_language() -> None:
    assert leads(sample(), ["en", "is"]) == {
        "en": "Iceland will receive 16.5 percent of the catch.",
        "is": "Hildur Baldursdóttir segir að Ísland skrifi ekki undir án aðgangs.",
    }


def test_the_briefings_lead_comes_first_on_its_page_and_card() -> None:
    b = sample()
    b.open_issues = [item("Access is not settled.", "Aðgangur er óútkljáður.", ["A2.S2"])]
    b.lead = ["open_issues[1]"]
    page = FrontPage(date=DAY, languages=["en", "is"], stories=[story("deal", "k1", "Deal")])
    html = render_story(page, page.stories[0], b)

    assert leads(b, ["en", "is"]) == {
        "en": "Access is not settled.",
        "is": "Aðgangur er óútkljáður.",
    }
    lead = html.split('<div class="pair lead">', 1)[1].split("</div>", 1)[0]
    assert "<strong>In brief:</strong>" in lead and "Access is not settled." in lead
    assert "<strong>Í stuttu máli:</strong>" in lead and "Aðgangur er óútkljáður." in lead


def test_mail_is_one_self_contained_file_styled_in_its_elements() -> None:
    page = FrontPage(date=DAY, languages=["en", "is"], stories=[story("deal", "k1", "Deal")])
    html = render_mail(page, {"deal": sample()})
    assert html.startswith("<!doctype html>")
    assert "<link" not in html and " src=" not in html and "url(" not in html
    assert "<style" not in html and "var(" not in html  # what mail clients drop
    doc = lxml_html.document_fromstring(html)
    assert "background: #fbf8f1" in doc.body.get("style")
    for name in ("card", "headline", "item", "meta", "cite", "tag"):
        found = doc.find_class(name)
        assert found and all(e.get("style") for e in found), name
    (card,) = doc.xpath("//section[contains(@class, 'card')]")
    assert "border: 1px solid #ddd6c8" in card.get("style")
    actors = doc.find_class("actor")  # a macro's markup is styled too
    assert actors and all(a.get("style") == "font-weight: bold;" for a in actors)
    assert "Hildur Baldursdóttir segir að Ísland" in html and "Iceland will receive" in html


def test_mail_styles_only_what_its_selectors_name() -> None:
    html = inline_css(
        '<p class="a b">x</p><p class="ab">y</p><span class="b">z</span>',
        "/* c */ p { margin: 0 } .b, span.b { color: red; }",
    )
    doc = lxml_html.document_fromstring(html)
    assert [e.get("style") for e in doc.xpath("//p | //span")] == [
        "margin: 0; color: red;",
        "margin: 0;",
        "color: red; color: red;",
    ]
    with pytest.raises(ValueError, match="'main p' is not a tag or class"):
        inline_css("<p>x</p>", "main p { margin: 0 }")


def write_day(root: Path, stories: dict[str, tuple[str, Briefing]]) -> None:
    folder = root / DAY
    folder.mkdir(parents=True, exist_ok=True)
    fronts = [story(slug, key, f"Story {slug}") for slug, (key, _) in stories.items()]
    page = FrontPage(date=DAY, languages=["en", "is"], stories=fronts)
    (folder / "frontpage.json").write_text(page.model_dump_json())
    for slug, (_, b) in stories.items():
        (folder / f"{slug}.json").write_text(b.model_dump_json())


def test_a_changed_story_changes_its_page_the_day_and_the_feeds_only(tmp_path: Path) -> None:
    t1 = dt.datetime(2026, 11, 24, 9, tzinfo=dt.timezone.utc)
    t2 = t1 + dt.timedelta(hours=3)
    write_day(
        tmp_path, {"mackerel": ("k1", sample()), "harbour": ("k2", sample("https://b.example/"))}
    )
    first = publish(tmp_path, DAY, now=t1)
    assert sorted(first) == sorted([
        f"{DAY}/mackerel.html", f"{DAY}/harbour.html", f"{DAY}.html", f"{DAY}.mail.html",
        f"{DAY}/{STAMPS}", "style.css", "index.html", "archive.html", "feed.en.xml", "feed.is.xml",
    ])  # fmt: skip
    assert publish(tmp_path, DAY, now=t2) == []  # nothing changed: nothing written
    before = feedparser.parse((tmp_path / "feed.is.xml").read_bytes())

    grown = sample("https://c.example/", lead="Iceland gets 16.5 percent.")
    write_day(tmp_path, {"mackerel": ("k1", sample()), "harbour": ("k3", grown)})
    second = publish(tmp_path, DAY, now=t2)
    assert sorted(second) == sorted([
        f"{DAY}/harbour.html", f"{DAY}.html", f"{DAY}.mail.html", f"{DAY}/{STAMPS}",
        "index.html", "feed.en.xml", "feed.is.xml",
    ])  # fmt: skip
    after = feedparser.parse((tmp_path / "feed.is.xml").read_bytes())
    assert not after.bozo, after.bozo_exception
    assert [e.id for e in after.entries] == [
        entry_id(DAY, s, "is") for s in ("harbour", "mackerel")
    ]
    assert {e.id for e in after.entries} == {e.id for e in before.entries}
    updated = {e.id.split(":")[-1]: e.updated for e in after.entries}
    assert updated == {"harbour/is": t2.isoformat(), "mackerel/is": t1.isoformat()}
    assert {e.id.split(":")[-1]: e.link for e in after.entries} == {
        "harbour/is": f"{DAY}/harbour.html", "mackerel/is": f"{DAY}/mackerel.html"
    }  # fmt: skip
    stamps = json.loads((tmp_path / DAY / STAMPS).read_text())
    assert stamps["harbour"]["published"] == t1.isoformat()
    assert "https://c.example/" in (tmp_path / DAY / "harbour.html").read_text()
    assert "Iceland gets 16.5 percent." in (tmp_path / "index.html").read_text()


def test_an_original_shows_its_language_and_gloss_and_is_no_lead() -> None:
    """An Icelandic-only fact with no verified English line: on the page the English
    column marks the Icelandic sentence [is] with its gloss set apart (escaped), and the
    English lead is not taken from it."""
    quote = "Ísland skrifar ekki undir."
    original = item(quote, quote, ["A2.S2"]).model_copy(
        update={
            "origin": {"en": "original:is:A2.S2", "is": "quote:A2.S2"},
            "gloss": {"en": "Iceland writes not <under>."},
        }
    )
    b = briefing(open_issues=[original])
    page = FrontPage(date=DAY, languages=["en", "is"], stories=[story("deal", "k1", "Deal")])
    html = render_story(page, page.stories[0], b)

    assert (
        f'<span class="fallback">[is]</span> <q>{quote}</q> <span class="gloss">(rough machine '
        "gloss, unverified: Iceland writes not &lt;under&gt;.)</span>"
    ) in html
    assert leads(b, ["en", "is"]) == {"en": None, "is": quote}


def test_a_cyrillic_actor_is_named_in_latin_letters_on_the_story_page() -> None:
    b = sample()
    b.positions[0] = b.positions[0].model_copy(update={"actor": "Олег Савин"})
    page = FrontPage(date=DAY, languages=["en", "is"], stories=[story("deal", "k1", "Deal")])
    html = render_story(page, page.stories[0], b)
    assert '<span class="actor">Oleg Savin (Олег Савин)</span>' in html
