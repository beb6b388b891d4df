"""Screenshots of built pages in Debian's Chromium, for looking at what readers see.

usage: .venv/bin/python tools/screenshots.py [PAGE ...] [--out DIR] [--root _build/html]
PAGE is a path under the site root (default: every .html page). Writes PNGs at 375 px
and 1280 px wide.
"""

from __future__ import annotations

import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from mmguide_dev.browser import chromium, serve  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", nargs="*")
    ap.add_argument("--out", default="_build/screenshots")
    ap.add_argument("--root", default="_build/html")
    ap.add_argument("--full", action="store_true", help="full-page screenshots")
    args = ap.parse_args()
    root = pathlib.Path(args.root)
    pages = args.pages or sorted(str(p.relative_to(root)) for p in root.rglob("*.html")
                                 if "_static" not in p.parts and "genindex" not in p.name)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with serve(root) as base, chromium() as browser:
        for width in (1280, 375):
            page = browser.new_page(viewport={"width": width, "height": 900})
            for rel in pages:
                page.goto(f"{base}/{rel}")
                name = rel.replace("/", "_").removesuffix(".html") + f"-{width}.png"
                page.screenshot(path=str(out / name), full_page=args.full)
                print(out / name)
            page.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
