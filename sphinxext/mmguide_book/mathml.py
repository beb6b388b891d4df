"""Render math to MathML at build time with latex2mathml: browsers draw it natively."""

from __future__ import annotations

from docutils import nodes
from latex2mathml.converter import convert
from sphinx.application import Sphinx
from sphinx.errors import SphinxError


def _mathml(latex: str, block: bool, where: str) -> str:
    try:
        return convert(latex, display="block" if block else "inline")
    except Exception as e:  # latex2mathml raises assorted errors on bad input
        raise SphinxError(f"{where}: cannot render math {latex!r}: {e}") from e


def visit_math_html(self, node: nodes.math) -> None:
    latex = node.astext()
    self.body.append(
        f'<span class="math">{_mathml(latex, False, node.source or "")}</span>'
    )
    raise nodes.SkipNode


def visit_displaymath_html(self, node: nodes.math_block) -> None:
    latex = node.astext()
    label = f'<span class="eqno">({node["number"]})</span>' if node.get("number") else ""
    self.body.append(
        f'<div class="math-block" role="math" aria-label="{self.encode(latex)}">'
        f'{_mathml(latex, True, node.source or "")}{label}</div>\n'
    )
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_html_math_renderer(
        "mathml",
        inline_renderers=(visit_math_html, None),
        block_renderers=(visit_displaymath_html, None),
    )
