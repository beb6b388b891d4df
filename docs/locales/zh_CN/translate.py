"""Fill the Chinese catalogues from translation blocks; re-runnable on new or changed messages.

    python docs/locales/zh_CN/translate.py dump  [--all] > todo.txt   # messages still to translate
    python docs/locales/zh_CN/translate.py apply todo.txt [more.txt ...]
    python docs/locales/zh_CN/translate.py calculators   # calculator pages: Chinese from the package's records
    python docs/locales/zh_CN/translate.py prune         # drop calculator-page messages no Chinese page shows
    python docs/locales/zh_CN/translate.py stats

Workflow after a colleague changes an English page: ``python tools/i18n.py update``, then
``dump`` lists every untranslated or fuzzy message as a block; write the Chinese under each
block's English (``#|`` lines, and for a fuzzy message the current Chinese as ``#~`` lines and
the previous English as ``#<`` lines), then ``apply``. A block is keyed by a hash of its
English msgid, so a block written for an older English text is never applied to a new one.

Block format::

    @@ 1a2b3c4d docs/guide/bone-disease
    #| English msgid (for the translator; ignored by apply)
    中文译文(可多行,换行在应用时去掉)

Messages that contain nothing to translate (numbers, IDs, abbreviations, roles only) are
copied unchanged by ``apply`` without a block. The catalogues (.po) remain the only store of
the translations; the blocks are working files.
"""

from __future__ import annotations

import hashlib
import pathlib
import re
import sys

from babel.messages.pofile import read_po, write_po

PO_DIR = pathlib.Path(__file__).resolve().parent / "LC_MESSAGES"

# roles, inline code and math carry no prose; what is left decides whether a message needs words
_NO_PROSE = re.compile(r"\{[\w:-]+\}`[^`]*`|`[^`]*`|\$[^$]*\$")
_WORD = re.compile(r"[A-Za-z]{2,}")
# words that stay in English in Chinese clinical writing (abbreviations, units, names of scales)
_KEEP = re.compile(r"^(?:(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z0-9]+|mg|mL|min|dL|kg|lb|µmol|mmol|mol)$")


_CJK = re.compile(r"[\u4e00-\u9fff]")
# spans whose punctuation is notation, not prose, each kept exactly as written (tests/test_notation.py):
# roles (citations, terms, links to recommendations), inline code, math, link targets; karyotypes
# (t(4;14), t(11;14)(q13;q32), del(17p), amp(1q), 1q+, 17p−); a parenthesis glued to a Latin letter or a
# digit that holds no Chinese (a formula or a function: min(a, b), (140 − age)); units with a slash
# (mL/min/1.73 m²) and numeric ranges (0.68–0.99) hold none of the widened marks but are listed there too.
PROTECTED_PATTERNS = {
    "role": r"\{[\w:-]+\}`[^`]*`",
    "inline code": r"`[^`]*`",
    "math": r"\$[^$]*\$",
    "link target": r"\]\([^)]*\)",
    "karyotype": r"(?<![A-Za-z])(?:t|del|dup|inv|amp|gain|add|der|ins|i)\([0-9XYpq;.,]+\)(?:\([0-9pq;.,]+\))?",
    "chromosome arm": r"(?<![A-Za-z0-9])\d{1,2}[pq]\d*(?:[+\u2212-](?![\d]))?",
    "formula": r"(?<=[A-Za-z0-9\]])\((?:[^()\u4e00-\u9fff]|\([^()\u4e00-\u9fff]*\))*\)",
}
_PROTECTED = re.compile("|".join(f"(?:{p})" for p in PROTECTED_PATTERNS.values()))
# ASCII punctuation typed in Chinese prose -> the full-width forms (escaped: some editors fold them)
_HALF = [
    (re.compile(r"(?<!\d),(?! )|(?<=\d),(?!\d)(?! )"), "\uff0c"),  # not 1,718, 1,25-(OH)2D nor "a, b"
    (re.compile(r";(?! )"), "\uff1b"),
    # a colon after Chinese, or before Chinese or at the end of the message (a lead-in after a citation,
    # a unit or a Latin word: "{cite:p}`x`:", "eGFR:首剂"); not "label: value", "involved:uninvolved", "1:100"
    (re.compile(r"(?<=[\u4e00-\u9fff\uff09]):(?! )|(?<=[\u4e00-\u9fff]):(?=\*\*)"
                r"|:(?=[\u4e00-\u9fff\u201c\uff08\u300a])|:$"), "\uff1a"),
    (re.compile(r"(?<=[\u4e00-\u9fff])\?"), "\uff1f"),
    (re.compile(r"(?<! )\(([^()]*)\)"), "\uff08\\1\uff09"),  # a pair, unless "word (unit)"
]


def fullwidth(text: str) -> str:
    """Chinese punctuation in Chinese prose: ASCII , ; : ? ( ) become full-width outside markup.

    Thousands separators (1,718), "a, b" with a space, "label: value" with a space, LaTeX and
    messages without Chinese are left alone."""
    if not _CJK.search(text) or "\\" in text:
        return text
    kept: list[str] = []

    def hold(m):
        kept.append(m.group(0))
        return f"\x00{len(kept) - 1}\x00"

    body = _fix(_PROTECTED.sub(hold, text))
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], body)


def _fix(chunk: str) -> str:
    for rx, repl in _HALF:
        chunk = rx.sub(repl, chunk)
    return chunk


def key(msgid: str) -> str:
    return hashlib.sha1(msgid.encode("utf-8")).hexdigest()[:8]


def needs_words(msgid: str) -> bool:
    rest = _NO_PROSE.sub(" ", msgid)
    return any(not _KEEP.match(w) for w in _WORD.findall(rest))


def catalogues():
    for path in sorted(PO_DIR.rglob("*.po")):
        with path.open("rb") as f:
            yield path, read_po(f, locale="zh_CN")


def save(path: pathlib.Path, catalog) -> None:
    with path.open("wb") as f:
        write_po(f, catalog, width=0, omit_header=False, sort_output=False, include_previous=True)


def dump(all_messages: bool = False) -> None:
    seen = set()
    for path, catalog in catalogues():
        page = path.relative_to(PO_DIR).with_suffix("").as_posix()
        for msg in catalog:
            if not msg.id or msg.id in seen:
                continue
            todo = all_messages or not msg.string or msg.fuzzy
            if not todo or (not msg.string and not needs_words(msg.id) and not all_messages):
                continue
            seen.add(msg.id)
            print(f"@@ {key(msg.id)} {page}")
            print(f"#| {msg.id}")
            if msg.fuzzy and msg.previous_id:
                print(f"#< {' '.join(msg.previous_id) if isinstance(msg.previous_id, (list, tuple)) else msg.previous_id}")
            if msg.string and (msg.fuzzy or all_messages):
                print(f"#~ {msg.string}")
            print()


def read_blocks(paths: list[str]) -> dict[str, str]:
    blocks: dict[str, list[str]] = {}
    current = None
    for p in paths:
        for line in pathlib.Path(p).read_text(encoding="utf-8").splitlines():
            if line.startswith("@@ "):
                current = line.split()[1]
                blocks[current] = []
            elif current is None or line.startswith(("#|", "#<", "#~")):
                continue
            elif line.strip():
                blocks[current].append(line.strip())
    return {k: "".join(v) for k, v in blocks.items() if v}


def apply(paths: list[str]) -> int:
    blocks = read_blocks(paths)
    filled = copied = 0
    for path, catalog in catalogues():
        changed = False
        for msg in catalog:
            if not msg.id:
                continue
            if msg.string and not msg.fuzzy:
                continue
            text = blocks.get(key(msg.id))
            if text is None and not needs_words(msg.id):
                text = msg.id
                copied += 1
            elif text is not None:
                filled += 1
            if text is None:
                continue
            msg.string = fullwidth(text)
            msg.flags.discard("fuzzy")
            msg.previous_id = []
            changed = True
        if changed:
            catalog.fuzzy = False
            save(path, catalog)
    print(f"translated {filled} message(s) from blocks, copied {copied} with nothing to translate")
    return 0


_MD_PREFIX = re.compile(r"^(?:#+ |\* - |  - |- )")


def calculator_pairs() -> dict[str, str]:
    """English -> Chinese for every line of the generated calculator pages that the package
    itself renders in Chinese (records' ``text(en, zh)`` and the extension's ZH table)."""
    import types

    root = PO_DIR.parents[3]
    sys.path[:0] = [str(root / "sphinxext"), str(root / "src")]
    import mmguide
    from mmguide_book import calculators as C

    def env(lang):
        return types.SimpleNamespace(config=types.SimpleNamespace(language=lang), docname="calculators")

    pairs: dict[str, str] = {}
    for calc in mmguide.calculators():
        en = C.page_markdown(env("en"), calc, [])
        zh = C.page_markdown(env("zh_CN"), calc, [])
        if len(en) != len(zh):
            continue
        for a, b in zip(en, zh):
            a, b = _MD_PREFIX.sub("", a).strip(), _MD_PREFIX.sub("", b).strip()
            if a and a != b:
                pairs.setdefault(a, b)
    return pairs


def calculator_page_lines(calc) -> set[str]:
    """Every text of a calculator's Chinese page as a catalogue message would hold it (heading, paragraph,
    table cell, list item or formula). The page is written in Chinese from the package's records, so a
    catalogue message is used only when its English stands on the Chinese page as it is: a formula, a note
    the package keeps in English, a number or a citation."""
    import types

    root = PO_DIR.parents[3]
    sys.path[:0] = [str(root / "sphinxext"), str(root / "src")]
    from mmguide_book import calculators as C

    env = types.SimpleNamespace(config=types.SimpleNamespace(language="zh_CN"), docname="calculators")
    return {re.sub(r"^(?:#+ |\* - |  - |- |\d+\. )", "", line).strip().replace("\\|", "|")
            for line in C.page_markdown(env, calc, [])}


def unused_calculator_messages() -> dict[pathlib.Path, list[str]]:
    """Per calculator-page catalogue, the messages its Chinese page does not show (a translator would edit
    them for nothing)."""
    import mmguide

    out = {}
    for calc in mmguide.calculators():
        path = PO_DIR / "docs" / "calculators" / f"{calc.id}.po"
        if not path.exists():
            continue
        lines = calculator_page_lines(calc)
        with path.open("rb") as f:
            catalog = read_po(f, locale="zh_CN")
        out[path] = [m.id for m in catalog if m.id and m.id not in lines]
    return out


def prune() -> int:
    """Remove from the calculator pages' catalogues every message their Chinese pages do not show."""
    removed = 0
    for path, ids in unused_calculator_messages().items():
        if not ids:
            continue
        with path.open("rb") as f:
            catalog = read_po(f, locale="zh_CN")
        for msgid in ids:
            del catalog[msgid]
        catalog.obsolete.clear()
        save(path, catalog)
        removed += len(ids)
    print(f"removed {removed} calculator-page message(s) that no Chinese page shows")
    return 0


def calculators() -> int:
    pairs = calculator_pairs()
    filled = 0
    for path, catalog in catalogues():
        if "calculators" not in path.relative_to(PO_DIR).parts:
            continue
        changed = False
        for msg in catalog:
            if msg.id and (not msg.string or msg.fuzzy) and msg.id in pairs:
                msg.string = pairs[msg.id]
                msg.flags.discard("fuzzy")
                msg.previous_id = []
                changed = filled = filled + 1
        if changed:
            save(path, catalog)
    print(f"translated {filled} calculator-page message(s) from the package's own Chinese")
    return 0


def stats() -> int:
    total = done = 0
    for path, catalog in catalogues():
        msgs = [m for m in catalog if m.id]
        ok = [m for m in msgs if m.string and not m.fuzzy]
        total += len(msgs)
        done += len(ok)
        print(f"{len(ok):4d}/{len(msgs):4d}  {path.relative_to(PO_DIR)}")
    print(f"{done}/{total} messages translated ({100 * done / max(total, 1):.1f}%) in "
          f"{len(list(PO_DIR.rglob('*.po')))} catalogues")
    return 0 if done == total else 1


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    if argv[0] == "dump":
        dump("--all" in argv)
        return 0
    if argv[0] == "apply":
        return apply(argv[1:])
    if argv[0] == "tidy":  # full-width punctuation in every existing translation
        for path, catalog in catalogues():
            changed = False
            for msg in catalog:
                if msg.string and fullwidth(msg.string) != msg.string:
                    msg.string = fullwidth(msg.string)
                    changed = True
            if changed:
                save(path, catalog)
        return 0
    if argv[0] == "calculators":
        return calculators()
    if argv[0] == "prune":
        return prune()
    if argv[0] == "stats":
        return stats()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
