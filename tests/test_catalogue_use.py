"""A translator edits only strings a reader sees: the calculator pages are written in Chinese from the
package's own records, so their catalogues may hold only the messages the Chinese page still shows in
English (a formula, a note the package keeps in English, numbers and citations).
``python docs/locales/zh_CN/translate.py prune`` (run by ``tools/i18n.py update``) removes the others."""

from __future__ import annotations

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "locales" / "zh_CN"))
import translate  # noqa: E402


def test_calculator_catalogues_hold_only_what_the_chinese_pages_show():
    unused = {path.relative_to(ROOT).as_posix(): ids for path, ids in translate.unused_calculator_messages().items()
              if ids}
    assert not unused, ("catalogue messages no Chinese page shows (run: python docs/locales/zh_CN/translate.py "
                        "prune):\n" + "\n".join(f"{p}: {len(ids)}, e.g. {ids[0][:70]!r}" for p, ids in unused.items()))


def test_a_message_the_page_shows_is_kept():
    import mmguide

    lines = translate.calculator_page_lines(mmguide.calculator("crcl-cockcroft-gault"))
    assert any(line.startswith("\\mathrm{CrCl}") for line in lines)  # the formula stands on the page as written
    assert "Validation" not in lines  # the heading is written in Chinese
