"""The day's briefing as one self-contained HTML mail: every story with its statements
in each language and its sources, nothing loaded from elsewhere, and the styles in
`style` attributes, the one place every mail client reads them (many drop a <style>
block, custom properties and grids: `prompts/site/mail.css` uses none)."""

from __future__ import annotations

import re
from collections.abc import Mapping

import lxml.html

from briefing.core.models import Briefing
from briefing.render.labels import labels
from briefing.render.site import cards, render, stylesheet
from briefing.stages.daily import FrontPage

__all__ = ["inline_css", "render_mail"]

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SELECTOR = re.compile(r"([a-z][a-z0-9]*)?(?:\.([\w-]+))?")


def render_mail(page: FrontPage, briefings: Mapping[str, Briefing]) -> str:
    html = render(
        "mail.html.j2",
        date=page.date,
        languages=page.languages,
        labels={lang: labels(lang) for lang in page.languages},
        **cards(page, briefings),
    )
    return inline_css(html, stylesheet("mail.css"))


def inline_css(html: str, css: str) -> str:
    """`html` with each rule of `css` appended to the style attribute of the elements it
    selects, in the order of the rules. Only a tag, a class or tag.class: what a mail's
    own stylesheet needs, and a selector beyond that is refused rather than ignored."""
    doc = lxml.html.document_fromstring(html)
    for selectors, body in _RULE.findall(_COMMENT.sub("", css)):
        declarations = " ".join(body.split()).rstrip(";") + ";"
        for selector in selectors.split(","):
            found = _SELECTOR.fullmatch(selector.strip())
            if found is None or not any(found.groups()):
                raise ValueError(f"mail stylesheet: {selector.strip()!r} is not a tag or class")
            tag, name = found.groups()
            path = f"//{tag or '*'}"
            if name:
                path += f"[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
            for element in doc.xpath(path):
                element.set("style", f"{element.get('style', '')} {declarations}".strip())
    return lxml.html.tostring(doc, encoding="unicode", doctype="<!doctype html>") + "\n"
