"""A ``.ipynb`` download for every MyST text notebook (the tutorials).

sphinx-book-theme shows a ".ipynb" entry in its download menu when the page context holds
``ipynb_source`` (a path below ``_sources/``), but it sets that only while building launch
buttons (Binder, Colab …), which need a public repository URL; the book has none. This module
does that one job without launch buttons: for each page read from a Markdown file that is a
notebook (MyST-NB records its ``kernelspec``), it copies the notebook MyST-NB executed during
this build (``<output_folder>/<docname>.ipynb``, outputs included) to
``<outdir>/_sources/<docname>.ipynb``, points the theme's download menu at it and puts a plain
"Download this tutorial as a Jupyter notebook" link under the page title (the menu shows only
where the header template ``article-header-buttons.html`` is rendered). If that file is missing
(MyST-NB not executing, or an unusual builder) it converts the source with jupytext instead, so a
download is still a notebook that runs top to bottom once ``mmguide`` is installed.

Register it in ``conf.py``: ``extensions += ["mmguide_book.notebook_downloads"]``, or call
:func:`setup` from ``mmguide_book.setup``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from .strings import translate

logger = logging.getLogger(__name__)

# sphinx-book-theme builds its header buttons at priority 501; set the context before that.
PRIORITY = 500


def _is_text_notebook(app: Sphinx, pagename: str) -> bool:
    if pagename not in app.env.all_docs:
        return False
    if "kernelspec" not in app.env.metadata.get(pagename, {}):
        return False
    return app.env.doc2path(pagename).suffix == ".md"


def _executed_notebook(app: Sphinx, pagename: str) -> Path | None:
    cfg = getattr(app.env, "mystnb_config", None)
    folder = getattr(cfg, "output_folder", None) or Path(app.outdir).parent / "jupyter_execute"
    path = Path(folder).joinpath(*pagename.split("/")).with_suffix(".ipynb")
    return path if path.is_file() else None


# Cell metadata that differs from one execution to the next (timestamps) and says nothing to a reader.
VOLATILE_CELL_METADATA = ("execution",)


def stable_notebook(text: str, pagename: str) -> str:
    """The notebook JSON with what changes between two builds of the same source removed.

    Cell ids (random in nbformat 4.5) become a hash of the page, the cell's position and its
    source; execution timestamps are dropped; keys are sorted. Two builds of the same tutorial
    then give byte-identical downloads.
    """
    nb = json.loads(text)
    for i, cell in enumerate(nb.get("cells", [])):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        if "id" in cell or nb.get("nbformat_minor", 0) >= 5:
            digest = hashlib.sha1(f"{pagename}\n{i}\n{cell.get('cell_type')}\n{source}".encode()).hexdigest()
            cell["id"] = f"cell-{i}-{digest[:8]}"
        for key in VOLATILE_CELL_METADATA:
            cell.get("metadata", {}).pop(key, None)
    return json.dumps(nb, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _write_download(app: Sphinx, pagename: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    executed = _executed_notebook(app, pagename)
    if executed is not None:
        shutil.copyfile(executed, target)
    else:
        import jupytext  # only needed when MyST-NB left no executed notebook

        nb = jupytext.read(app.env.doc2path(pagename), fmt="md:myst")
        nb.metadata.pop("jupytext", None)
        jupytext.write(nb, target, fmt="ipynb")
        logger.info(f"notebook_downloads: no executed notebook for {pagename}; converted the source instead")
    target.write_text(stable_notebook(target.read_text(encoding="utf-8"), pagename), encoding="utf-8")


LINK_HTML = (
    '<p class="mmguide-notebook-download"><a class="reference download" href="{href}" download>'
    '{label}</a></p>'
)
LABEL = "Download this tutorial as a Jupyter notebook (.ipynb)"  # Chinese: strings.py


class notebook_download(nodes.General, nodes.Element):
    """The link to the tutorial's ``.ipynb``: attributes only, written by the HTML translator
    (:func:`visit_notebook_download`), so the search index does not take its words for the page's."""


def visit_notebook_download(self, node: notebook_download) -> None:
    self.body.append(LINK_HTML.format(href=node["href"], label=node["label"]) + "\n")
    raise nodes.SkipNode


def _download_link(app: Sphinx, docname: str) -> notebook_download:
    href = f"{relative_uri(app.builder.get_target_uri(docname), '_sources') or '#'}/{docname}.ipynb"
    return notebook_download(href=href, label=translate(app.config, LABEL, "notebook", general=False))


def insert_download_link(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A plain link in the page, right after its title, which does not depend on the header
    template (the doctree is the page's own: singlehtml, the PDF, has no such link)."""
    if app.builder.format != "html" or app.builder.name == "singlehtml" or not _is_text_notebook(app, docname):
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    title = section.next_node(nodes.title) if section is not None else None
    if title is not None and title.parent is section:
        section.insert(section.index(title) + 1, _download_link(app, docname))
    else:
        doctree.insert(0, _download_link(app, docname))


def add_notebook_download(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.format != "html" or not _is_text_notebook(app, pagename):
        return
    rel = pagename + ".ipynb"
    _write_download(app, pagename, Path(app.outdir, "_sources", *rel.split("/")))
    # the theme's download menu (rendered where article-header-buttons.html is in the header)
    context["ipynb_source"] = rel


def setup(app: Sphinx) -> dict:
    app.add_node(notebook_download, html=(visit_notebook_download, None))
    app.connect("doctree-resolved", insert_download_link)
    app.connect("html-page-context", add_notebook_download, priority=PRIORITY)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
