"""The day's briefing as one self-contained HTML mail: every story with its statements
in each language and its sources, the stylesheet inlined, nothing loaded from elsewhere."""

from __future__ import annotations

from collections.abc import Mapping

from briefing.core.models import Briefing
from briefing.render.labels import labels
from briefing.render.site import cards, render, stylesheet
from briefing.stages.daily import FrontPage

__all__ = ["render_mail"]


def render_mail(page: FrontPage, briefings: Mapping[str, Briefing]) -> str:
    return render(
        "mail.html.j2",
        date=page.date,
        languages=page.languages,
        labels={lang: labels(lang) for lang in page.languages},
        css=stylesheet(),
        **cards(page, briefings),
    )
