"""A PDF of each edition of the book: the whole book on one page, printed by Chromium.

    python tools/pdf.py [--out _build/html] [--lang en zh_CN] [sphinx options...]

For each edition: Sphinx's ``singlehtml`` builder writes the whole book as one page (from a
copy of the HTML build's doctrees when there is one, so no page is read twice; notebooks come
from the execution cache), Debian's Chromium
(tools/mmguide_dev/browser.py: no outside requests) opens it from a server on 127.0.0.1 and prints it
with the book's print stylesheet (lean.css): a title page, a table of contents, every page
of the guide, tutorials, calculators and the bibliography; headers with the version and
build date, page numbers, a PDF outline. Chromium embeds the fonts it uses (a subset of
Noto Sans CJK for the Chinese edition). Output: ``<out>/<lang>/mmguide-<lang>.pdf``, the
file every page's footer links to (sphinxext/mmguide_book/printing.py).
"""

from __future__ import annotations

import argparse
import html
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "sphinxext"))
sys.path.insert(0, str(ROOT / "tools"))
EDITIONS = ("en", "zh_CN")

TITLE = {
    "en": ("mmguide", "An executable clinical guide to multiple myeloma whole-course management and bone protection",
           "Contents", "Version", "built"),
    "zh_CN": ("mmguide", "多发性骨髓瘤全程管理与骨保护：可执行的临床指南",
              "目录", "版本", "构建于"),
}

# Runs in the single page before printing: a title page and a table of contents from the
# headings of the book's pages (each page's title and its sections).
FRONT_MATTER_JS = r"""
([title, subtitle, contents, versionLine]) => {
  const article = document.querySelector("article.bd-article") || document.querySelector("main");
  // singlehtml nests the book's pages: parts (the guide, tutorials, calculators) are h2,
  // their pages h3; headings inside generated widgets (the calculator forms) are not pages
  const heads = [...article.querySelectorAll("section > h2, section > h3")]
    .filter(h => !h.closest(".mmguide-print-refs, .mmguide-form, [data-mmguide-form]"));
  const toc = document.createElement("div");
  toc.className = "mmguide-pdf-toc";
  const h = document.createElement("h1");
  h.textContent = contents;
  toc.appendChild(h);
  const list = document.createElement("ol");
  heads.forEach((e, i) => {
    const section = e.closest("section");
    if (!section.id) section.id = "mmguide-pdf-" + i;
    const li = document.createElement("li");
    li.className = "lvl-" + e.tagName.toLowerCase();
    const a = document.createElement("a");
    a.href = "#" + section.id;
    a.textContent = e.textContent.replace(/[#¶]\s*$/, "").trim();
    li.appendChild(a);
    list.appendChild(li);
  });
  toc.appendChild(list);
  const cover = document.createElement("section");
  cover.className = "mmguide-pdf-cover";
  cover.innerHTML = "<p class='t'></p><p class='s'></p><p class='v'></p>";
  cover.querySelector(".t").textContent = title;
  cover.querySelector(".s").textContent = subtitle;
  cover.querySelector(".v").textContent = versionLine;
  // the flowcharts' step-by-step text prints open; other toggles (exercise answers,
  // hidden code) stay closed
  document.querySelectorAll("details.mmguide-flowchart-paths").forEach(d => { d.open = true; });
  article.prepend(toc);
  article.prepend(cover);
  return heads.length;
}
"""

PDF_CSS = """
@page { size: A4; margin: 16mm 14mm 16mm 14mm; }
.mmguide-pdf-cover { break-after: page; padding-top: 30vh; text-align: center; }
.mmguide-pdf-cover .t { font-size: 2.4rem; font-weight: 700; }
.mmguide-pdf-cover .s { font-size: 1.2rem; }
.mmguide-pdf-cover .v { margin-top: 2rem; color: #333; }
.mmguide-pdf-toc { break-after: page; }
.mmguide-pdf-toc ol { list-style: none; padding: 0; }
.mmguide-pdf-toc li.lvl-h2 { font-weight: 600; margin-top: 0.5rem; }
.mmguide-pdf-toc li.lvl-h3 { padding-left: 1.5rem; font-size: 0.92rem; }
.mmguide-pdf-toc a { color: #000 !important; text-decoration: none; }
.mmguide-pdf-toc a::after { content: none !important; }
article.bd-article section > h2, article.bd-article section > h3 { break-before: page; }
article.bd-article .mmguide-form h2, article.bd-article .mmguide-form h3,
article.bd-article section > h2 + section > h3 { break-before: auto; }
.bd-article a[href^="http"]::after { content: none !important; }
"""


def build_single(lang: str, out: pathlib.Path, sphinx_opts: list[str]) -> pathlib.Path:
    """In a process of its own: Sphinx caches translations per process, not per language, so
    an English build after a Chinese one in the same process comes out in Chinese."""
    import subprocess

    import shutil

    target = out.parent / "singlehtml" / lang
    doctrees = out.parent / "doctrees" / ("singlehtml-" + out.name + "-" + lang)
    # Its own doctrees, started from a copy of the HTML build's when there is one (tools/build.py
    # runs the HTML build first): the pages are then not read again, only written as one page,
    # which takes a fraction of the time (the options that differ between the builders are
    # html_* options, which make Sphinx write again, not read again). Sharing the HTML build's
    # directory itself would make each builder's next incremental build rewrite every page.
    html_doctrees = out.parent / "doctrees" / (out.name + "-" + lang)
    if (html_doctrees / "environment.pickle").exists():
        shutil.rmtree(doctrees, ignore_errors=True)
        shutil.copytree(html_doctrees, doctrees)
    opts = [sys.executable, "-m", "sphinx", "-b", "singlehtml", "-D", f"language={lang}",
            "-d", str(doctrees), *sphinx_opts, str(ROOT), str(target)]
    rc = subprocess.run(opts, cwd=ROOT).returncode
    if rc:
        raise SystemExit(f"singlehtml build of the {lang} edition failed (exit {rc})")
    return target


def print_pdf(lang: str, single: pathlib.Path, pdf: pathlib.Path) -> None:
    import mmguide
    from mmguide_dev.browser import chromium, serve
    from mmguide_book.printing import build_date

    title, subtitle, contents, version_word, built_word = TITLE[lang]
    date = build_date()
    version_line = f"{version_word} {mmguide.__version__} · {built_word} {date}"
    # singlehtml writes the book as docs/index.html (the root document) with links relative
    # to its output folder: open a copy at that level.
    page_html = "book.html"
    (single / page_html).write_bytes((single / "docs" / "index.html").read_bytes())
    with serve(single) as base, chromium() as browser:
        ctx = browser.new_context(locale="zh-CN" if lang.startswith("zh") else "en-GB")
        page = ctx.new_page()
        page.goto(f"{base}/{page_html}", wait_until="load")
        page.emulate_media(media="print")
        page.add_style_tag(content=PDF_CSS)
        page.evaluate(FRONT_MATTER_JS, [title, subtitle, contents, version_line])
        page.wait_for_timeout(200)
        small = "font-size:7.5px;color:#444;width:100%;padding:0 14mm;font-family:sans-serif;"
        header = (f'<div style="{small}display:flex;justify-content:space-between">'
                  f'<span>{html.escape(title)} · {html.escape(version_line)}</span><span class="title"></span></div>')
        footer = (f'<div style="{small}text-align:center"><span class="pageNumber"></span> / '
                  f'<span class="totalPages"></span></div>')
        pdf.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(pdf), format="A4", print_background=False, display_header_footer=True,
                 header_template=header, footer_template=footer, outline=True, tagged=True,
                 margin={"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"})
        ctx.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "_build" / "html"))
    ap.add_argument("--lang", nargs="+", default=list(EDITIONS), choices=EDITIONS)
    args, sphinx_opts = ap.parse_known_args(argv)
    out = pathlib.Path(args.out)
    for lang in args.lang:
        t0 = time.monotonic()
        single = build_single(lang, out, sphinx_opts)
        t1 = time.monotonic()
        pdf = out / lang / f"mmguide-{lang}.pdf"
        print_pdf(lang, single, pdf)
        t2 = time.monotonic()
        print(f"== PDF of the {lang} edition: {pdf} ({pdf.stat().st_size / 1e6:.1f} MB; "
              f"single page {t1 - t0:.0f} s, printing {t2 - t1:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
