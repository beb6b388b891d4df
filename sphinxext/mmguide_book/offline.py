"""Offline reading: each edition installs as a web app and works without a network.

At ``build-finished`` of an HTML build (not the PDF's ``singlehtml``), in the edition's folder:

- ``manifest.webmanifest``: the book's name in the edition's language, icons (PNG, drawn here, see
  :func:`icon_png`), start URL and scope within the edition, theme colour; every page links it;
- ``_static/workbox/``: Workbox's runtime, copied from the npm packages pinned in
  package-lock.json (the service worker loads it from the site, never from a CDN);
- ``sw.js``: the service worker, written by Workbox's ``injectManifest`` (``workbox-build``, run by
  ``offline-workbox.cjs`` in Node) from ``offline-sw.js`` with the precache manifest: every page,
  the search index and its scripts, styles, images, the calculators' runtime and the tutorials'
  downloads, each with the MD5 of its content as its revision (nothing depends on the time of the
  build); the PDFs are cached on first request only. Pages are fetched network first
  (``mmguide_offline_network_timeout`` seconds), then served from the precache.

Why ``injectManifest`` and not ``generateSW``: a generated worker serves every precached file,
pages included, cache first; a page must be network first so that a corrected rule reaches every
reader who is online, and only ``injectManifest`` lets the worker route pages before the precache.

Every page loads ``_static/mmguide-offline.js`` (registration only over http(s) in a browser with
service workers; ``file://`` reads the site as before; about 1.3 KB gzip), which loads
``mmguide-offline.css`` only when it shows one of its banners:
"A newer edition is available — reload" when a newer edition takes over, and "Offline: this page
is from the edition of <date>" when the page came from the precache.

Settings (``conf.py``): ``mmguide_offline`` (on), ``mmguide_offline_network_timeout`` (3 s),
``mmguide_offline_theme_color``, ``mmguide_node_modules`` (npm's folder, relative to ``conf.py``:
Workbox is read from there). :data:`PRECACHE_BUDGET_BYTES` bounds what one edition stores. The
manifest's and the banners' words are English here and Chinese in ``strings.py`` (context "offline").
"""

from __future__ import annotations

import functools
import json
import math
import os
import pathlib
import posixpath
import re
import shutil
import struct
import subprocess
import urllib.parse
import zlib

from sphinx.application import Sphinx
from sphinx.util import logging

from . import strings

logger = logging.getLogger(__name__)

HERE = pathlib.Path(__file__).resolve().parent
SW_SOURCE = HERE / "offline-sw.js"
DRIVER = HERE / "offline-workbox.cjs"
SW_NAME = "sw.js"
MANIFEST_NAME = "manifest.webmanifest"
ICON_DIR = "_static/icons"
ICON_SIZES = (192, 512)
WORKBOX_DIR = "_static/workbox"
# (npm package, file): workbox-sw and the modules offline-sw.js uses, production builds only
WORKBOX_FILES = (
    ("workbox-sw", "workbox-sw.js"),
    ("workbox-core", "workbox-core.prod.js"),
    ("workbox-routing", "workbox-routing.prod.js"),
    ("workbox-strategies", "workbox-strategies.prod.js"),
    ("workbox-precaching", "workbox-precaching.prod.js"),
)
EDITION_PLACEHOLDER = '"__MMGUIDE_EDITION__"'
# One edition's precache, PDFs excluded. Both editions together (one site, one quota) must stay
# well under 50 MB, a conservative floor for the storage a mobile browser gives a site: the figure
# long quoted for older iOS Safari; WebKit gave an origin 1 GB (with a prompt) before Safari 17 and
# a share of the disk since, as Chrome does (WebKit blog, "Updates to Storage Policy", 2023).
PRECACHE_BUDGET_BYTES = 10_000_000
GLOB_PATTERNS = ["**/*.{html,js,mjs,css,json,gz,wasm,svg,png,ipynb,webmanifest}"]
GLOB_IGNORES = [
    "**/*.pdf", SW_NAME, f"{WORKBOX_DIR}/**", "_static/locales/**", "**/*.map",
    "_static/images/logo_*",  # the theme's launch-button logos: the book shows no launch buttons
    "mmguide.json", "mmguide.schema.json", "objects.inv",  # the machine-readable edition: not for reading
]
MAX_FILE_BYTES = 2 * 1024 * 1024  # a larger file is not precached: the build fails (-W) and says so

# the manifest's and the banners' words, in English; strings.py's "offline" table has them in Chinese
TEXT = {
    "name": "mmguide · Multiple myeloma whole-course management and bone protection",
    "short": "mmguide",
    "description": "An executable clinical guide to multiple myeloma bone protection, readable offline.",
    "newer": "A newer edition is available —", "reload": "reload",
    "offline": "Offline: this page is from the edition of {date}",
}


def words(language: str, key: str) -> str:
    """One of :data:`TEXT`'s words in the edition's language."""
    return strings.translate(language, TEXT[key], "offline", general=False)


# --- icons ----------------------------------------------------------------------------------


def _hex(color: str) -> tuple[int, int, int]:
    c = color.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


@functools.lru_cache(maxsize=None)
def icon_png(size: int, color: str) -> bytes:
    """A square PNG: a white bone on the theme colour, drawn inside the central 80 % (the safe
    zone of a maskable icon). Pure Python and deterministic: the same size and colour give the
    same bytes."""
    bg = _hex(color)
    s = size / 512.0
    # the bone: a bar from (-1, 0) to (1, 0) with two round knobs at each end, turned 45 degrees
    half, bar, knob, gap = 120 * s, 34 * s, 44 * s, 40 * s
    cos = sin = math.sqrt(0.5)
    ends = [(sx * half, sy * gap) for sx in (-1, 1) for sy in (-1, 1)]
    rows = []
    for y in range(size):
        row = bytearray(b"\x00")
        for x in range(size):
            px, py = x + 0.5 - size / 2, y + 0.5 - size / 2
            u, v = px * cos + py * sin, -px * sin + py * cos
            d = math.hypot(max(abs(u) - half, 0.0), v) - bar  # capsule
            for ex, ey in ends:
                d = min(d, math.hypot(u - ex, v - ey) - knob)
            a = min(max(0.5 - d, 0.0), 1.0)  # one pixel of anti-aliasing
            row += bytes(round(c + (255 - c) * a) for c in bg)
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# --- manifest -------------------------------------------------------------------------------


def manifest(language: str, color: str) -> dict:
    icons = [{"src": f"{ICON_DIR}/mmguide-{n}.png", "sizes": f"{n}x{n}", "type": "image/png", "purpose": "any"}
             for n in ICON_SIZES]
    icons.append({"src": f"{ICON_DIR}/mmguide-512.png", "sizes": "512x512", "type": "image/png",
                  "purpose": "maskable"})
    return {
        "id": "./", "name": words(language, "name"), "short_name": words(language, "short"),
        "description": words(language, "description"),
        "lang": language.replace("_", "-"), "dir": "ltr",
        "start_url": "docs/index.html", "scope": "./", "display": "standalone",
        "theme_color": color, "background_color": "#ffffff", "icons": icons,
    }


def _write_if_changed(path: pathlib.Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# --- the service worker ---------------------------------------------------------------------

_REF = re.compile(r"""\b(?:src|href)\s*=\s*["']([^"'#]+)["']""")


def requested_forms(edition_dir: pathlib.Path) -> dict[str, list[str]]:
    """For every file the pages request with a query (``?v=<checksum>``), each form in which they
    request it: ``{"_static/x.js": ["", "v=1a2b"]}`` ("" is the bare path)."""
    edition_dir = pathlib.Path(edition_dir)
    forms: dict[str, set[str]] = {}
    for page in edition_dir.rglob("*.html"):
        rel_page = page.relative_to(edition_dir)
        if rel_page.parts[0] in {"_static", "_sources"}:
            continue
        for m in _REF.finditer(page.read_text(encoding="utf-8", errors="replace")):
            url = urllib.parse.urlsplit(m.group(1))
            if url.scheme or url.netloc or not url.path:
                continue
            target = posixpath.normpath(posixpath.join(rel_page.parent.as_posix(), urllib.parse.unquote(url.path)))
            if target.startswith("..") or not (edition_dir / target).is_file():
                continue
            forms.setdefault(target, set()).add(url.query)
    return {k: sorted(v) for k, v in sorted(forms.items()) if any(v)}


def _node() -> str | None:
    return shutil.which("node")


def generate(edition_dir: pathlib.Path, edition: dict, work_dir: pathlib.Path,
             node_modules: pathlib.Path | None = None) -> dict:
    """Write ``<edition_dir>/sw.js`` for the files now in the edition's folder; returns Workbox's
    ``{count, size, warnings, urls}``. Raises RuntimeError with the fix when it cannot.

    *node_modules* is the npm folder that holds ``workbox-build`` (the build passes conf.py's
    ``mmguide_node_modules``); without it, Node finds ``workbox-build`` as it finds any package,
    from the driver's folder upwards."""
    edition_dir = pathlib.Path(edition_dir)
    node = _node()
    if node is None:
        raise RuntimeError("Node.js is not installed: install it (Debian: apt-get install nodejs npm) and run "
                           "`bash tools/setup-node.sh`")
    env = None
    if node_modules is not None:
        node_modules = pathlib.Path(node_modules).resolve()
        if not (node_modules / "workbox-build").is_dir():
            raise RuntimeError(f"workbox-build is not installed in {node_modules}: run `bash tools/setup-node.sh` "
                               "(npm ci, from package-lock.json)")
        env = dict(os.environ)
        env["NODE_PATH"] = str(node_modules)  # the driver's require() looks there too
    work_dir = pathlib.Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    src = work_dir / "mmguide-sw-source.js"
    text = SW_SOURCE.read_text(encoding="utf-8")
    if EDITION_PLACEHOLDER not in text:  # pragma: no cover - guards an edit of offline-sw.js
        raise RuntimeError(f"{SW_SOURCE.name} lost its {EDITION_PLACEHOLDER} line")
    src.write_text(text.replace(EDITION_PLACEHOLDER, json.dumps(edition, sort_keys=True, ensure_ascii=False)),
                   encoding="utf-8")
    request = {
        "globDirectory": str(edition_dir), "swSrc": str(src), "swDest": str(edition_dir / SW_NAME),
        "globPatterns": GLOB_PATTERNS, "globIgnores": GLOB_IGNORES,
        "maximumFileSizeToCacheInBytes": MAX_FILE_BYTES, "variants": requested_forms(edition_dir),
    }
    proc = subprocess.run([node, str(DRIVER)], input=json.dumps(request), capture_output=True, text=True,
                          env=env, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"Workbox could not write {edition_dir / SW_NAME}: {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout)


def edition_of(edition_dir: pathlib.Path) -> dict:
    """The edition's line (language, version, build date, timeout) of a written ``sw.js``."""
    text = (pathlib.Path(edition_dir) / SW_NAME).read_text(encoding="utf-8")
    m = re.search(r"const EDITION = (\{[^\n]*\});", text)
    if not m:
        raise ValueError(f"{edition_dir / SW_NAME}: no edition line")
    return json.loads(m.group(1))


def precached(edition_dir: pathlib.Path) -> dict[str, int]:
    """Every URL in an edition's precache manifest (``sw.js``) with the size of its file in bytes."""
    edition_dir = pathlib.Path(edition_dir)
    text = (edition_dir / SW_NAME).read_text(encoding="utf-8")
    urls = re.findall(r'"url":"([^"]*)"', text)
    return {u: (edition_dir / urllib.parse.unquote(u.split("?", 1)[0])).stat().st_size for u in urls}


def precache_bytes(edition_dir: pathlib.Path) -> int:
    return sum(precached(edition_dir).values())


# --- Sphinx hooks ---------------------------------------------------------------------------


def _active(app: Sphinx) -> bool:
    return bool(app.config.mmguide_offline) and getattr(app.builder, "name", "") == "html"


def _builder_inited(app: Sphinx) -> None:
    if not _active(app):
        return
    language = app.config.language or "en"
    app.add_js_file("mmguide-offline.js", loading_method="defer", **{
        "data-newer": words(language, "newer"), "data-reload": words(language, "reload"),
        "data-offline": words(language, "offline")})


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if not _active(app):
        return
    href = context["pathto"](MANIFEST_NAME, 1)
    context["metatags"] = (context.get("metatags") or "") + (
        f'\n    <link rel="manifest" href="{href}" />'
        f'\n    <meta name="theme-color" content="{app.config.mmguide_offline_theme_color}" />')


def _build_finished(app: Sphinx, exc) -> None:
    if exc is not None or not _active(app):
        return
    from .printing import build_date

    out = pathlib.Path(app.outdir)
    node_modules = pathlib.Path(app.confdir, app.config.mmguide_node_modules)
    color = app.config.mmguide_offline_theme_color
    language = app.config.language or "en"
    for n in ICON_SIZES:
        _write_if_changed(out / ICON_DIR / f"mmguide-{n}.png", icon_png(n, color))
    _write_if_changed(out / MANIFEST_NAME,
                      (json.dumps(manifest(language, color), ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    missing = []
    for package, name in WORKBOX_FILES:
        src = node_modules / package / "build" / name
        if src.is_file():
            _write_if_changed(out / WORKBOX_DIR / name, src.read_bytes())
        else:
            missing.append(f"{package}/build/{name}")
    if missing:
        logger.warning("offline: Workbox is not installed (%s missing): run `bash tools/setup-node.sh`; "
                       "the edition is built without its service worker", ", ".join(missing),
                       type="mmguide", subtype="offline")
        return
    date = getattr(app, "_mmguide_build_date", None) or build_date()
    edition = {"language": language, "version": app.config.release, "built": date,
               "networkTimeoutSeconds": app.config.mmguide_offline_network_timeout}
    try:
        result = generate(out, edition, pathlib.Path(app.doctreedir), node_modules)
    except RuntimeError as e:
        logger.warning("offline: %s", e, type="mmguide", subtype="offline")
        return
    for w in result.get("warnings") or []:
        logger.warning("offline: Workbox: %s", w, type="mmguide", subtype="offline")
    size = precache_bytes(out)
    logger.info("offline: %s precaches %d files, %.1f MB (budget %.0f MB)", SW_NAME, result["count"],
                size / 1e6, PRECACHE_BUDGET_BYTES / 1e6)
    if size > PRECACHE_BUDGET_BYTES:
        logger.warning("offline: the precache of %s is %d bytes, over its budget of %d bytes "
                       "(offline.PRECACHE_BUDGET_BYTES)", out, size, PRECACHE_BUDGET_BYTES,
                       type="mmguide", subtype="offline")


def setup(app: Sphinx) -> None:
    app.add_config_value("mmguide_offline", True, "html", types=(bool,))
    app.add_config_value("mmguide_offline_network_timeout", 3, "html", types=(int,))
    app.add_config_value("mmguide_offline_theme_color", "#0d5bc6", "html", types=(str,))
    app.add_config_value("mmguide_node_modules", "node_modules", "html", types=(str,))
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _build_finished, priority=900)  # after every file is written
