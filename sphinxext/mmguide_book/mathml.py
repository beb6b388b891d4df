"""Render math to MathML at build time with latex2mathml: browsers draw it natively.

Two things the defaults get wrong, fixed here:

- **Chinese formulas.** Sphinx translates a math block by parsing ``"::\\n\\n   <msgstr>"``
  with the page's parser; MyST reads that as a paragraph "::" and the formula is lost (the
  Chinese edition showed "::" for every formula). :class:`TranslateMath` translates math
  blocks itself, before Sphinx's ``Locale`` transform, and marks them done.
- **Long formulas on narrow screens.** MathML does not break lines, so a long display formula
  is split at its top-level relations and products (``=``, ``\\times``, ``+``) and after
  ``;``/``,``/``\\quad``, and the pieces wrap like words (``.math-wrap``); a short one stays
  whole. The block keeps the whole formula as its accessible name.
"""

from __future__ import annotations

import re

from docutils import nodes
from latex2mathml.converter import convert
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.transforms import SphinxTransform

WRAP_FROM = 48  # characters of LaTeX: shorter formulas fit a phone's width whole


def _mathml(latex: str, block: bool, where: str) -> str:
    try:
        return convert(latex, display="block" if block else "inline")
    except Exception as e:  # latex2mathml raises assorted errors on bad input
        raise SphinxError(f"{where}: cannot render math {latex!r}: {e}") from e


_BREAK_BEFORE = re.compile(r"=|\\times(?![a-zA-Z])|\+|\\cdot(?![a-zA-Z])|\\approx(?![a-zA-Z])")
_BREAK_AFTER = re.compile(r";|,(?=\\ )|\\quad(?![a-zA-Z])")


def split_formula(latex: str) -> list[str]:
    """The pieces of *latex* at its top level (outside braces, brackets and parentheses),
    each a complete formula; ``[latex]`` when it cannot be split safely."""
    if "\\begin" in latex or len(latex) < WRAP_FROM:
        return [latex]
    cuts: list[tuple[int, int]] = []  # (cut position, characters to drop after it)
    depth, i, n = 0, 0, len(latex)
    while i < n:
        ch = latex[i]
        if ch == "\\" and i + 1 < n and not latex[i + 1].isalpha():
            i += 2  # an escaped character or a space: \{ \, \;
            continue
        if depth == 0:
            m = _BREAK_BEFORE.match(latex, i)
            if m and i > 0:
                cuts.append((i, 0))
                i = m.end()
                continue
            m = _BREAK_AFTER.match(latex, i)
            if m:
                drop = len(m.group()) if m.group().startswith("\\quad") else 0
                cuts.append((m.end() - drop, drop))
                i = m.end()
                continue
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
            if depth < 0:
                return [latex]
        i += 1
    if depth != 0 or not cuts:
        return [latex]
    pieces, start = [], 0
    for at, drop in cuts:
        pieces.append(latex[start:at])
        start = at + drop
    pieces.append(latex[start:])
    pieces = [re.sub(r"^(\\ |\s)+|(\\ |\s)+$", "", p) for p in pieces]
    return [p for p in pieces if p] or [latex]


def visit_math_html(self, node: nodes.math) -> None:
    latex = node.astext()
    self.body.append(
        f'<span class="math">{_mathml(latex, False, node.source or "")}</span>'
    )
    raise nodes.SkipNode


def visit_displaymath_html(self, node: nodes.math_block) -> None:
    latex = node.astext()
    where = node.source or ""
    label = f'<span class="eqno">({node["number"]})</span>' if node.get("number") else ""
    pieces = split_formula(latex)
    if len(pieces) > 1:
        try:
            parts = [convert(p, display="inline") for p in pieces]
        except Exception:
            parts = None
        if parts:
            inner = "".join(
                '<span class="math-part">' + p.replace("<math ", '<math displaystyle="true" ', 1) + "</span>"
                for p in parts)
            self.body.append(
                f'<div class="math-block math-wrap" role="math" aria-label="{self.encode(latex)}">'
                f'{inner}{label}</div>\n'
            )
            raise nodes.SkipNode
    self.body.append(
        # a long equation scrolls sideways within the page: keyboard users must reach it
        # (axe scrollable-region-focusable, WCAG 2.1.1); a wrapped one (above) does not scroll
        f'<div class="math-block" role="math" tabindex="0" aria-label="{self.encode(latex)}">'
        f'{_mathml(latex, True, where)}{label}</div>\n'
    )
    raise nodes.SkipNode


class TranslateMath(SphinxTransform):
    """Translate display math from the page's catalogue (before Sphinx's Locale transform,
    which would turn it into "::" under MyST)."""

    default_priority = 19  # sphinx.transforms.i18n.Locale is 20

    def apply(self, **kwargs) -> None:
        language = self.config.language or "en"
        if language == "en" or not self.config.locale_dirs:
            return
        from sphinx.locale import init as init_locale
        from sphinx.util.i18n import docname_to_domain

        blocks = list(self.document.findall(nodes.math_block))
        if not blocks:
            return
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        dirs = [self.env.srcdir / d for d in self.config.locale_dirs]
        catalog, has_catalog = init_locale(dirs, language, domain)
        if not has_catalog:
            return
        for node in blocks:
            msg = node.rawsource or node.astext()
            msgstr = catalog.gettext(msg)
            if msgstr and msgstr.strip() and msgstr != msg:
                node.rawsource = msgstr
                node.children = [nodes.Text(msgstr)]
            node["translatable"] = False  # done: Locale must not touch it again


def setup(app: Sphinx) -> None:
    app.add_transform(TranslateMath)
    app.add_html_math_renderer(
        "mathml",
        inline_renderers=(visit_math_html, None),
        block_renderers=(visit_displaymath_html, None),
    )
