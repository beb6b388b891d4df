"""Build both editions of the book: English (source) and Chinese (from gettext catalogues).

    python tools/build.py [--out _build/html] [--lang en zh_CN] [--no-pdf] [sphinx options...]

Writes _build/html/en/, _build/html/zh_CN/ and a root _build/html/index.html that sends
the reader to the edition matching the browser's language, then a PDF of each edition into
its folder (tools/pdf.py: _build/html/en/mmguide-en.pdf, linked from every page's footer).
Exits non-zero if any edition fails (with -W, on any warning).
"""

from __future__ import annotations

import argparse
import pathlib
import sys

from sphinx.cmd.build import build_main

ROOT = pathlib.Path(__file__).resolve().parent.parent
EDITIONS = ("en", "zh_CN")

ROOT_INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mmguide · 多发性骨髓瘤全程管理与骨保护</title>
<script>
(function () {
  var langs = navigator.languages || [navigator.language || "en"];
  for (var i = 0; i < langs.length; i++) {
    var l = (langs[i] || "").toLowerCase();
    if (l.indexOf("zh") === 0) { location.replace("zh_CN/docs/index.html"); return; }
    if (l.indexOf("en") === 0) break;
  }
  location.replace("en/docs/index.html");
})();
</script>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
</head>
<body>
<main>
<h1>mmguide</h1>
<p>An executable clinical guide to multiple myeloma whole-course management and bone protection.</p>
<ul>
<li><a href="en/docs/index.html" hreflang="en">English edition</a></li>
<li><a href="zh_CN/docs/index.html" hreflang="zh-CN" lang="zh-CN">中文版</a></li>
</ul>
</main>
</body>
</html>
"""

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "_build" / "html"))
    ap.add_argument("--lang", nargs="+", default=list(EDITIONS), choices=EDITIONS)
    ap.add_argument("--no-pdf", action="store_true", help="skip the PDFs (tools/pdf.py)")
    args, sphinx_opts = ap.parse_known_args(argv)
    out = pathlib.Path(args.out)
    status = 0
    for lang in args.lang:
        opts = [
            "-b", "html", "-D", f"language={lang}",
            "-d", str(out.parent / "doctrees" / (out.name + "-" + lang)),
            *sphinx_opts, str(ROOT), str(out / lang),
        ]
        print(f"== building the {lang} edition into {out / lang}", flush=True)
        rc = build_main(opts)
        status = status or rc
    (out / "index.html").write_text(ROOT_INDEX, encoding="utf-8")
    if status == 0 and not args.no_pdf:
        sys.path.insert(0, str(ROOT / "tools"))
        import pdf

        status = pdf.main(["--out", str(out), "--lang", *args.lang, *sphinx_opts])
    return status


if __name__ == "__main__":
    sys.exit(main())
