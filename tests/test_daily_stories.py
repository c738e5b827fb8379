"""Grouping, dedup keys, date windows, slugs and headlines of the daily run, without HTTP."""

from __future__ import annotations

from daily_site import fixtures

from briefing.ingest.article import Article, text_key
from briefing.ingest.collect import DateWindow
from briefing.stages.daily import FrontArticle, FrontStory, assign_slugs, headlines, slugify
from briefing.stages.stories import Story, group_stories


def articles(*folders: str) -> tuple[list[Article], dict[str, str]]:
    found = fixtures(*folders)
    arts = [Article(f.stem, f.title, f.language, f.text, f.outlet) for f in found]
    return arts, {f.stem: f.story for f in found}


def test_every_fixture_article_lands_in_its_story() -> None:
    arts, story_of = articles("articles", "later")
    stories = group_stories(arts)
    assert len(stories) == len(set(story_of.values()))
    for story in stories:
        assert len({story_of[a.source] for a in story.articles}) == 1


def grouped(*folders: str) -> tuple[list[set[str]], list[set[str]]]:
    """The stories found and the true ones, each as a set of article stems."""
    arts, story_of = articles(*folders)
    truth: dict[str, set[str]] = {}
    for stem, story in story_of.items():
        truth.setdefault(story, set()).add(stem)
    found = [{a.source for a in s.articles} for s in group_stories(arts)]
    return sorted(found, key=sorted), sorted(truth.values(), key=sorted)


def test_several_outlets_in_one_language_make_one_story() -> None:
    """3 Russian + 1 English, 3 Icelandic, 2 German + 3 French reports: one story each."""
    found, truth = grouped("day-multi")
    assert found == truth


def test_stories_that_share_a_place_or_a_minister_stay_apart() -> None:
    """Two Reykjavík stories, two naming one minister: four stories, none merged."""
    found, truth = grouped("day-names")
    assert found == truth


def test_a_day_written_after_the_bars_were_chosen() -> None:
    """German + Icelandic, Russian + French, one town's and one mayor's unrelated stories."""
    found, truth = grouped("day-holdout")
    assert found == truth


def test_a_report_in_another_script_joins_its_story_by_its_names() -> None:
    """TASS's report of a prisoner exchange shares no word in Latin letters with Reuters'
    and RÚV's: "Песков" is "Peskov", "Россию" is "Rússa" and "Russia". Two "X and Y
    signed an agreement" stories in four languages stay apart."""
    found, truth = grouped("day-scripts")
    assert found == truth


def test_two_unrelated_articles_stay_two_stories() -> None:
    arts, _ = articles("articles")
    pair = [a for a in arts if a.source in {"en-busline-review", "en-jazz-wire"}]
    assert len(group_stories(pair)) == 2


def test_a_small_day_of_three_stories_in_two_languages() -> None:
    arts, story_of = articles("articles")
    day = [a for a in arts if a.source in {
        "en-eruption-review", "is-eldgos", "en-mackerel-wire", "is-makrill",
        "en-busline-review", "is-borgarlina"}]  # fmt: skip
    stories = group_stories(day)
    assert sorted(len(s.articles) for s in stories) == [2, 2, 2]
    for story in stories:
        assert story.languages == ["en", "is"]
        assert len({story_of[a.source] for a in story.articles}) == 1


def test_text_key_ignores_case_spacing_and_punctuation() -> None:
    assert text_key("Lava flows, north!\n of  Grindavík.") == text_key(
        "lava flows north of GRINDAVÍK"
    )
    assert text_key("12 percent") != text_key("13 percent")


def test_date_window() -> None:
    assert DateWindow(date="2026-11-24").wants("2026-11-24")
    assert not DateWindow(date="2026-11-24").wants("2026-11-23")
    assert DateWindow(since="2026-11-20").wants("2026-11-24")
    assert not DateWindow(since="2026-11-20").wants("2026-11-19")
    assert DateWindow(date="2026-11-24").wants(None)


def front(slug: str, story: Story) -> FrontStory:
    return FrontStory(
        slug=slug, key=story.key, headline={}, outlets=[], languages=[],
        articles=[FrontArticle(source=a.source, title=a.title, language=a.language, key=a.key)
                  for a in story.articles],
    )  # fmt: skip


def test_a_story_keeps_its_slug_as_it_grows() -> None:
    arts, _ = articles("articles")
    old = Story(tuple(arts[:1]))
    grown = Story((arts[1], arts[0]))
    assert grown.key != old.key
    assert assign_slugs([grown], [front("first-slug", old)]) == ["first-slug"]
    assert assign_slugs([Story(tuple(arts[2:3]))], [front("first-slug", old)]) == [
        slugify(arts[2].title)
    ]


def test_headlines_never_invent_icelandic() -> None:
    en = Article("a", "Jazz in Lisbon", "en", "Text one.")
    is_ = Article("b", "Eldgos hafið", "is", "Texti tvö.")
    assert headlines(Story((en,)), ["en", "is"], None) == {
        "en": "Jazz in Lisbon", "is": "Jazz in Lisbon [en]"}  # fmt: skip
    # an Icelandic title in the English column is marked, never passed off as English
    assert headlines(Story((is_,)), ["en", "is"], None) == {
        "en": "Eldgos hafið [is]", "is": "Eldgos hafið"}  # fmt: skip
    assert slugify("Þjóðhátíð á Íslandi") == "thjodhatid-a-islandi"


def test_cached_embeddings_are_exact_and_not_recomputed(tmp_path) -> None:
    from briefing.lang.embed import LexicalEmbedder
    from briefing.lang.embed_cache import CachedEmbedder

    calls: list[int] = []

    class Counting(LexicalEmbedder):
        def embed(self, texts):  # type: ignore[no-untyped-def]
            calls.append(len(texts))
            return super().embed(texts)

    path = tmp_path / "e.json"
    first = CachedEmbedder(Counting(), path).embed(["Eldgos hafið", "Jazz in Lisbon"])
    again = CachedEmbedder(Counting(), path).embed(["Jazz in Lisbon", "Eldgos hafið"])
    assert calls == [2] and again == first[::-1]


def _reference_average_link(scores, threshold: float) -> list[list[int]]:  # type: ignore[no-untyped-def]
    """The plain loop over cluster pairs that `_average_link` replaces."""
    import numpy as np

    clusters = [[i] for i in range(len(scores))]
    while len(clusters) > 1:
        best, pair = threshold, None
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                mean = float(scores[np.ix_(clusters[x], clusters[y])].mean())
                if mean >= best:
                    best, pair = mean, (x, y)
        if pair is None:
            break
        x, y = pair
        clusters[x] = sorted(clusters[x] + clusters[y])
        del clusters[y]
    return clusters


def test_average_link_merges_like_the_plain_loop() -> None:
    import numpy as np

    from briefing.stages.stories import _average_link

    rng = np.random.default_rng(13)
    for n in (1, 2, 5, 12, 30):
        for threshold in (-0.2, 0.1, 0.3):
            raw = rng.normal(0.0, 0.3, (n, n))
            scores = (raw + raw.T) / 2
            assert _average_link(scores, threshold) == _reference_average_link(scores, threshold)
