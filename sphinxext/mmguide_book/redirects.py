"""Redirects for renamed or moved pages: a small HTML page at the old address sends the reader on.

    # conf.py
    mmguide_redirects = {"docs/guide/old-name": "docs/guide/new-name"}   # old docname -> new docname[#anchor]

A static host serves the old URL with a page that refreshes to the new one at once (and says
where it went, for readers without automatic refresh). The build fails (a warning, with -W)
when a redirect points to a page that does not exist, or when its old address is a page that
still exists (the redirect would overwrite it).
"""

from __future__ import annotations

import html
import os
import pathlib
import posixpath

from sphinx.application import Sphinx
from sphinx.util import logging

from .strings import translate

logger = logging.getLogger(__name__)

PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0; url={url}">
<link rel="canonical" href="{url}">
<meta name="robots" content="noindex">
<title>{title}</title></head>
<body><p>{moved} <a href="{url}">{url}</a></p></body></html>
"""


def redirect_page(old: str, new: str, suffix: str = ".html", lang: str = "en") -> str:
    """The HTML of the page at ``old`` (a docname) that sends the reader to ``new`` (docname[#anchor])."""
    target, _, anchor = new.partition("#")
    rel = posixpath.relpath(target + suffix, posixpath.dirname(old) or ".")
    url = html.escape(rel + (f"#{anchor}" if anchor else ""), quote=True)
    zh = lang.startswith("zh")
    return PAGE.format(lang="zh-CN" if zh else "en", url=url,
                       title=translate(lang, "This page has moved", "redirect", general=False),
                       moved=translate(lang, "This page has moved to", "redirect", general=False))


def check(app: Sphinx, env) -> None:
    for old, new in (app.config.mmguide_redirects or {}).items():
        target = new.partition("#")[0]
        if target not in env.found_docs:
            logger.warning("redirect %s -> %s: no page %s", old, new, target, type="mmguide", subtype="redirect")
        if old in env.found_docs:
            logger.warning("redirect %s -> %s: %s is still a page; a redirect would overwrite it", old, new, old,
                           type="mmguide", subtype="redirect")


def write(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html" or app.builder.name == "singlehtml":
        return
    suffix = getattr(app.builder, "out_suffix", ".html")
    for old, new in (app.config.mmguide_redirects or {}).items():
        if old in app.env.found_docs:
            continue
        path = pathlib.Path(app.outdir) / (old + suffix)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(redirect_page(old, new, suffix, app.config.language or "en"), encoding="utf-8")
        os.utime(path)


def setup(app: Sphinx) -> dict:
    app.add_config_value("mmguide_redirects", {}, "html", types=[dict])
    app.connect("env-check-consistency", check)
    app.connect("build-finished", write)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
