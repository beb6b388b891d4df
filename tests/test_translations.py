"""The Chinese catalogues: every message translated, none fuzzy, nothing factual lost or reordered.

A translation must keep, compared with its English msgid, the same multiset of
numbers (thousands separators ignored: "1,718" may become "1718"), units, citation roles
with their keys, {term}/{rec}/{doc}/{ref}/{numref} roles (a titled role may translate its
title but keeps its target), recommendation IDs, inline code, links and bold markup.

The numbers and units must also come in the same order as in the English, and every comparison
sign ("≥ 0.5") must stay with its number; a sign the Chinese adds must be one the English says in
words ("0.5 or more" → "≥ 0.5"). A multiset alone would let "2.2 continues, 2.4 withholds" become
"2.4 continues, 2.2 withholds". Where Chinese word order must differ, the message is listed, with
a reason, in REVIEWED_ORDER (an entry holds only for the exact texts it was reviewed on).
"""

from __future__ import annotations

import collections
import hashlib
import json
import pathlib
import re

import pytest
from babel.messages.pofile import read_po

ROOT = pathlib.Path(__file__).resolve().parent.parent
PO_DIR = ROOT / "docs" / "locales" / "zh_CN" / "LC_MESSAGES"

ROLE = re.compile(r"\{([\w:.-]+)\}`([^`]*)`")
CODE = re.compile(r"`[^`]*`")
LINK_TARGET = re.compile(r"\]\(([^)\s]*)\)")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
UNIT = re.compile(
    r"(?<![A-Za-z])(?:mL/min/1\.73\s?m²|mL/min|mg/dL|µmol/L|umol/L|mmol/L|g/dL|g/L|mg|kg|lb|IU|mL|m²)(?![A-Za-z])|%"
)
REC_ID = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,4}-\d{1,2}(?![0-9])")


REVIEWED_ORDER = ROOT / "docs" / "locales" / "zh_CN" / "reviewed-number-order.json"
ORDERED = re.compile(NUMBER.pattern + "|" + UNIT.pattern)
SIGN_PAIR = re.compile(r"([<>≤≥])\s*(" + NUMBER.pattern + ")")
# How English says each comparison in words, near the number it qualifies.
SIGN_WORDS = {
    "≥": ("at least", "or more", "or above", "or higher", "no less than", "≥", "from", "or over", "or worse"),
    ">": ("more than", "above", "over", "exceed", "greater than", "higher than", ">"),
    "<": ("below", "less than", "under", "fewer than", "lower than", "<"),
    "≤": ("at most", "or less", "or below", "up to", "no more than", "≤", "or fewer"),
}


def _plain(text: str) -> str:
    rest = ROLE.sub(" ", text)
    rest = CODE.sub(" ", rest)
    rest = LINK_TARGET.sub(" ", rest)
    return THOUSANDS.sub("", rest)


def order_problems(english: str, chinese: str) -> list[str]:
    """What the Chinese changes in the order of numbers and units, or in comparison signs."""
    en, zh = _plain(english), _plain(chinese)
    problems = []
    en_seq = [t.replace(" ", "") for t in ORDERED.findall(en)]
    zh_seq = [t.replace(" ", "") for t in ORDERED.findall(zh)]
    if en_seq != zh_seq:
        problems.append(f"numbers/units in another order: {en_seq} vs {zh_seq}")
    en_pairs, zh_pairs = SIGN_PAIR.findall(en), SIGN_PAIR.findall(zh)
    rest = iter(zh_pairs)
    if not all(any(p == q for q in rest) for p in en_pairs):
        problems.append(f"comparison signs changed: {en_pairs} vs {zh_pairs}")
    extra = list(zh_pairs)
    for p in en_pairs:
        if p in extra:
            extra.remove(p)
    for sign, num in extra:
        said = any(
            any(w in en[max(0, m.start() - 45):m.end() + 25].lower() for w in SIGN_WORDS[sign])
            for m in re.finditer(r"(?<![\d.])" + re.escape(num) + r"(?!\d)", en))
        if not said:
            problems.append(f"the Chinese adds '{sign} {num}', which the English does not say")
    return problems


def _reviewed():
    data = json.loads(REVIEWED_ORDER.read_text(encoding="utf-8"))
    for e in data["entries"]:
        assert e["reason"].strip(), f"reviewed entry without a reason: {e}"
    return {(e["page"], e["msgid_sha1"], e["msgstr_sha1"]) for e in data["entries"]}


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _role(name: str, body: str) -> str:
    target = re.search(r"<([^<>]+)>\s*$", body)
    if name in {"term", "doc", "ref", "numref"} and target:
        return f"{{{name}}}<{target.group(1)}>"
    return f"{{{name}}}`{body}`"


def tokens(text: str) -> dict[str, collections.Counter]:
    roles = collections.Counter(_role(n, b) for n, b in ROLE.findall(text))
    rest = ROLE.sub(" ", text)
    code = collections.Counter(CODE.findall(rest))
    rest = CODE.sub(" ", rest)
    flat = THOUSANDS.sub("", rest)
    return {
        "roles": roles,
        "inline code": code,
        "links": collections.Counter(LINK_TARGET.findall(rest)),
        "numbers": collections.Counter(NUMBER.findall(flat)),
        "units": collections.Counter(u.replace(" ", "") for u in UNIT.findall(rest)),
        "recommendation IDs": collections.Counter(REC_ID.findall(rest)),
        "bold markers": collections.Counter({"**": rest.count("**")}),
    }


def _messages():
    for path in sorted(PO_DIR.rglob("*.po")):
        with path.open("rb") as f:
            catalog = read_po(f)
        for msg in catalog:
            if msg.id:
                yield path.relative_to(PO_DIR).as_posix(), msg


MESSAGES = list(_messages())


def test_catalogues_exist():
    assert MESSAGES, f"no catalogues under {PO_DIR}; run: python tools/i18n.py update"


def test_every_message_translated_none_fuzzy():
    bad = [f"{page}: {'fuzzy' if m.fuzzy else 'untranslated'}: {m.id[:70]!r}"
           for page, m in MESSAGES if not m.string or m.fuzzy]
    assert not bad, f"{len(bad)} message(s) to translate:\n" + "\n".join(bad[:40])


@pytest.mark.parametrize("page", sorted({p for p, _ in MESSAGES}))
def test_translation_keeps_facts_and_markup(page):
    problems = []
    for p, msg in MESSAGES:
        if p != page or not msg.string:
            continue
        en, zh = tokens(msg.id), tokens(msg.string)
        for kind in en:
            if en[kind] != zh[kind]:
                lost = en[kind] - zh[kind]
                added = zh[kind] - en[kind]
                problems.append(
                    f"{kind}: lost {dict(lost)} added {dict(added)} in {msg.id[:60]!r}"
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", sorted({p for p, _ in MESSAGES}))
def test_translation_keeps_numbers_units_and_signs_in_order(page):
    reviewed = _reviewed()
    problems = []
    for p, msg in MESSAGES:
        if p != page or not msg.string:
            continue
        found = order_problems(msg.id, msg.string)
        if found and (p, _sha1(msg.id), _sha1(msg.string)) not in reviewed:
            problems.append(f"{msg.id[:70]!r}: " + "; ".join(found))
    assert not problems, (
        "Chinese numbers, units or comparison signs out of the English order (fix the translation, or list "
        f"it with a reason in {REVIEWED_ORDER.relative_to(ROOT)}):\n" + "\n".join(problems))


# The sentence on when a creatinine rise stops zoledronic acid (notebook 02), with its two values swapped.
CREATININE_EN = ("With an abnormal baseline the rise that counts as deterioration is larger, so 2.2 mg/dL (a rise "
                 "of 0.8) does not stop treatment, while 2.4 mg/dL does.")
CREATININE_ZH = "基线异常时，判定为肾功能恶化所需的升幅更大，因此 2.2 mg/dL（升高 0.8）不会停药，而 2.4 mg/dL 会。"
CREATININE_ZH_SWAPPED = "基线异常时，判定为肾功能恶化所需的升幅更大，因此 2.4 mg/dL（升高 0.8）不会停药，而 2.2 mg/dL 会。"


def test_swapped_creatinine_values_are_caught_though_the_multiset_is_the_same():
    assert tokens(CREATININE_EN) == tokens(CREATININE_ZH_SWAPPED)  # the old check could not see it
    assert order_problems(CREATININE_EN, CREATININE_ZH) == []
    assert order_problems(CREATININE_EN, CREATININE_ZH_SWAPPED)


@pytest.mark.parametrize("english, chinese, ok", [
    ("a rise of 0.5 mg/dL or more", "升高 ≥ 0.5 mg/dL", True),
    ("a rise of 0.5 mg/dL or more", "升高 ≤ 0.5 mg/dL", False),
    ("CrCl < 30 mL/min", "肌酐清除率 < 30 mL/min", True),
    ("CrCl < 30 mL/min", "肌酐清除率 ≤ 30 mL/min", False),
    ("below 30 mL/min", "> 30 mL/min", False),
    ("≥ 1.4 mg/dL abnormal, < 1.4 normal", "< 1.4 正常,≥ 1.4 mg/dL 异常", False),
    ("4 mg every 3–4 weeks", "4 mg,每 3–4 周", True),
    ("4 mg every 3–4 weeks", "每 3–4 周 4 mg", False),
    ("from 1.0 to 1.5 mg/dL", "从 1.5 到 1.0 mg/dL", False),
    ("90% in serum and 50% in urine", "血清 50%、尿液 90%", False),
])
def test_order_comparison_itself(english, chinese, ok):
    assert (order_problems(english, chinese) == []) is ok


def test_reviewed_order_entries_each_have_a_reason():
    assert _reviewed()


def test_no_line_breaks_inside_chinese():
    # a newline between two Chinese characters renders as a stray space in HTML
    bad = [m.id[:60] for _, m in MESSAGES if re.search(r"[\u4e00-\u9fff]\n[\u4e00-\u9fff]", m.string or "")]
    assert not bad, bad


@pytest.mark.parametrize(
    "english, chinese, ok",
    [
        ("n = 1,718", "n = 1718", True),
        ("HR 0.98 (95% CI 0.85–1.14)", "HR 0.98(95% CI 0.85–1.14)", True),
        ("HR 0.98 (95% CI 0.85–1.14)", "HR 0.98(95% CI 0.85–1.41)", False),
        ("4 mg every 3–4 weeks", "每 3–4 周 4 mg", True),
        ("4 mg every 3–4 weeks", "每 3–4 周 4 毫克", False),
        ("see {rec}`BP-6` {cite:p}`a,b`", "见 {rec}`BP-6` {cite:p}`a,b`", True),
        ("see {rec}`BP-6` {cite:p}`a,b`", "见 {rec}`BP-6` {cite:p}`a`", False),
        ("{term}`SREs <SRE>`", "{term}`骨相关事件 <SRE>`", True),
        ("{term}`SRE`", "{term}`骨相关事件`", False),
        ("phase 3 trial", "III 期试验", False),
        ("BP-4 applies", "适用 BP-4", True),
    ],
)
def test_token_comparison_itself(english, chinese, ok):
    assert (tokens(english) == tokens(chinese)) is ok
