"""One Chinese rendering per clinical term (docs/locales/zh_CN/termbase.tsv).

Every Chinese text a reader can see is searched for the forbidden variants of each listed term: the
catalogues' translations (pages and tutorials), the Chinese of the package's strings (calculators, plans,
errors) and of the book extension's own interface strings. A failure names the term, the variant, the one
rendering to use instead and the file and line where the variant stands.
"""

from __future__ import annotations

import csv
import pathlib
import re

import pytest
from babel.messages.pofile import read_po

ROOT = pathlib.Path(__file__).resolve().parent.parent
TERMBASE = ROOT / "docs" / "locales" / "zh_CN" / "termbase.tsv"
PO_DIR = ROOT / "docs" / "locales" / "zh_CN" / "LC_MESSAGES"
# Search synonyms list the variants a reader may type, so that they find the accepted term: not shown.
SEARCH_ONLY = {"search.py"}
CJK = re.compile(r"[\u4e00-\u9fff]")
# Python string literals that hold Chinese (the package's and the extension's Chinese strings)
LITERAL = re.compile(r"(?:[rfbu]{0,2})(\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*')")


def load_terms() -> list[dict]:
    lines = [ln for ln in TERMBASE.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    for r in rows:
        r["forbidden"] = [] if r["forbidden"].strip() in ("", "—") else [v for v in r["forbidden"].split("|") if v]
    return rows


TERMS = load_terms()
PREFERRED = sorted({t["chinese"] for t in TERMS}, key=len, reverse=True)


def chinese_texts():
    """(where, text) for every Chinese text a reader can see."""
    for path in sorted(PO_DIR.rglob("*.po")) + [ROOT / "docs" / "locales" / "zh_CN" / "theme.po"]:
        with path.open("rb") as f:
            catalog = read_po(f)
        for msg in catalog:
            if msg.id and msg.string:
                line = msg.lineno or 0
                yield f"{path.relative_to(ROOT)}:{line}", msg.string
    sources = sorted((ROOT / "src" / "mmguide").rglob("*.py")) + sorted((ROOT / "sphinxext").rglob("*.py"))
    for path in sources:
        if path.name in SEARCH_ONLY:
            continue
        text = path.read_text(encoding="utf-8")
        for m in LITERAL.finditer(text):
            if CJK.search(m.group(1)):
                yield f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}", m.group(1)


def _mask(text: str, keep: str = "") -> str:
    """*text* with every preferred rendering blanked out, except those inside *keep*."""
    for p in PREFERRED:
        if p not in keep:
            text = text.replace(p, "\0" * len(p))
    return text


def variants_in(text: str) -> list[tuple[dict, str]]:
    """The (term, forbidden variant) pairs found in *text*, once every preferred rendering is masked
    (so that a variant inside a longer accepted term is not counted). A variant that itself holds a
    preferred rendering (恶性肿瘤高钙血症 holds 高钙血症, 药物相关性颌骨坏死 holds 颌骨坏死) is looked for
    with that rendering left in place."""
    masked = _mask(text)
    found = []
    for t in TERMS:
        for v in t["forbidden"]:
            holds = any(p in v for p in PREFERRED)
            if v in (_mask(text, keep=v) if holds and v in text else masked):
                found.append((t, v))
    return found


def test_the_term_base_is_well_formed():
    assert len(TERMS) >= 40, f"the term base lists {len(TERMS)} terms; it should hold at least the 40 that matter"
    english = [t["english"] for t in TERMS]
    assert len(english) == len(set(english)), "a term is listed twice"
    for t in TERMS:
        assert t["english"].strip() and t["chinese"].strip() and t["source"].strip(), t
        for v in t["forbidden"]:
            assert v != t["chinese"] and t["chinese"] not in v or v.replace(t["chinese"], "") != "", (t, v)


@pytest.mark.parametrize("text, found", [
    ("IMWG 虚弱评分为 2 分", ["IMWG frailty score", "frail (frailty group)", "frailty"]),
    ("IMWG 衰弱评分为 2 分", []),
    ("校正钙 2.4 mmol/L", ["corrected calcium"]),
    ("白蛋白校正血钙", []),
    ("一项 III 期试验", ["phase 3 (trial)"]),
    ("ISS III 期", []),
    ("实验室血钙参考上限", ["upper limit of normal (ULN)"]),
    ("恶性肿瘤高钙血症", ["hypercalcaemia of malignancy"]),
    ("恶性肿瘤相关高钙血症", []),
    ("高钙血症", []),
    ("药物相关性颌骨坏死", ["osteonecrosis of the jaw (ONJ)"]),
    ("颌骨坏死", []),
    ("慢性肾脏病–矿物质和骨异常", ["chronic kidney disease–mineral and bone disorder (CKD-MBD)"]),
    ("受累/未受累游离轻链比值", ["uninvolved (free light chain)"]),
    ("受累/非受累游离轻链比值", []),
])
def test_variant_search_itself(text, found):
    assert sorted({t["english"] for t, _ in variants_in(text)}) == sorted(found)


def test_every_chinese_text_uses_the_term_base_rendering():
    problems = []
    for where, text in chinese_texts():
        for term, variant in variants_in(text):
            problems.append(f"{where}: term '{term['english']}' written '{variant}'; use '{term['chinese']}' "
                            f"(docs/locales/zh_CN/termbase.tsv): …{text[max(0, text.find(variant) - 20):text.find(variant) + 30]}…")
    assert not problems, f"{len(problems)} use(s) of a forbidden rendering:\n" + "\n".join(problems[:60])
