"""The day's briefing as one self-contained HTML mail: every story with its statements
in each language and its sources, nothing loaded from elsewhere, and the styles in
`style` attributes, the one place every mail client reads them (many drop a <style>
block, custom properties and grids: `prompts/site/mail.css` uses none)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

from briefing.core.models import Briefing
from briefing.render.labels import labels
from briefing.render.site import cards, render, stylesheet
from briefing.stages.daily import FrontPage

__all__ = ["inline_css", "render_mail"]

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SELECTOR = re.compile(r"([a-z][a-z0-9]*)?(?:\.([\w-]+))?")
# A start tag of the autoescaped templates' output, where no attribute value holds < or >.
_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*)?>")
_CLASS = re.compile(r'\sclass="([^"]*)"')


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
    """`html` with the rules of `css` that select an element in its style attribute, in
    the order of the rules. Selectors are a tag, a class or tag.class, what a mail's own
    stylesheet needs; any other is refused rather than ignored. `html` is the templates'
    autoescaped output: every < in it opens a tag."""
    rules = []
    for selectors, body in _RULE.findall(_COMMENT.sub("", css)):
        declarations = " ".join(body.split()).rstrip(";") + ";"
        for selector in selectors.split(","):
            found = _SELECTOR.fullmatch(selector.strip())
            if found is None or not any(found.groups()):
                raise ValueError(f"mail stylesheet: {selector.strip()!r} is not a tag or class")
            rules.append((found[1], found[2], declarations))

    def styled(tag: re.Match[str]) -> str:
        name, attributes = tag[1].lower(), tag[2] or ""
        named = _CLASS.search(attributes)
        classes = set(named[1].split()) if named else set()
        style = " ".join(
            d for t, c, d in rules if t in (None, name) and (c is None or c in classes)
        )
        return f'<{tag[1]}{attributes} style="{escape(style)}">' if style else tag[0]

    return _START.sub(styled, html)
