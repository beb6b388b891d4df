"""Keep the Chinese catalogues in step with the English source.

    python tools/i18n.py update   # extract messages (sphinx -b gettext), merge into docs/locales/zh_CN
    python tools/i18n.py check    # report untranslated or fuzzy messages (exit 1 if any)

One catalogue per page (gettext_compact = False). Existing translations are kept; a message
whose English changed becomes fuzzy and must be reviewed before the check passes.
"""

from __future__ import annotations

import pathlib
import subprocess
import sys

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = pathlib.Path(__file__).resolve().parent.parent
POT_DIR = ROOT / "_build" / "gettext"
PO_DIR = ROOT / "docs" / "locales" / "zh_CN" / "LC_MESSAGES"


def extract() -> None:
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "-E", str(ROOT), str(POT_DIR)],
        check=True,
    )


def update() -> None:
    extract()
    seen = set()
    for pot_path in sorted(POT_DIR.rglob("*.pot")):
        rel = pot_path.relative_to(POT_DIR).with_suffix(".po")
        seen.add(rel)
        with pot_path.open("rb") as f:
            template = read_po(f)
        po_path = PO_DIR / rel
        if po_path.exists():
            with po_path.open("rb") as f:
                catalog = read_po(f, locale="zh_CN")
            catalog.update(template, no_fuzzy_matching=False)
            catalog.obsolete.clear()
        else:
            catalog = Catalog(locale="zh_CN", project="mmguide", fuzzy=False)
            for msg in template:
                if msg.id:
                    catalog.add(msg.id, "", locations=msg.locations, flags=msg.flags, auto_comments=msg.auto_comments)
        catalog.fuzzy = False
        po_path.parent.mkdir(parents=True, exist_ok=True)
        with po_path.open("wb") as f:
            write_po(f, catalog, width=0, omit_header=False, sort_output=False, include_previous=True)
    for po_path in sorted(PO_DIR.rglob("*.po")):
        if po_path.relative_to(PO_DIR) not in seen:
            print(f"stale catalogue (its page is gone): {po_path.relative_to(ROOT)}")
    # the calculator pages are written in Chinese from the package's records: keep only what they show
    sys.path.insert(0, str(PO_DIR.parent))
    import translate

    translate.prune()


def problems() -> list[str]:
    out = []
    for po_path in sorted(PO_DIR.rglob("*.po")):
        with po_path.open("rb") as f:
            catalog = read_po(f)
        for msg in catalog:
            if not msg.id:
                continue
            if not msg.string:
                out.append(f"{po_path.relative_to(ROOT)}: untranslated: {msg.id[:70]!r}")
            elif msg.fuzzy:
                out.append(f"{po_path.relative_to(ROOT)}: fuzzy: {msg.id[:70]!r}")
    return out


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "check"
    if cmd == "update":
        update()
        return 0
    if cmd == "check":
        found = problems()
        print("\n".join(found) or "every message translated, none fuzzy")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
