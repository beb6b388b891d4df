"""Nothing of the code in what a reader sees of a computed result or a calculator record, in either language.

Fast lane, beside the built-page check (tests/test_calculator_pages.py): every calculator's worked examples are
computed through the form's one call (``mmguide.presentation.respond``) in English and Chinese, and the view and
the note, with the records' texts the pages print (purpose, bands, decisions), are searched for calculator ids,
input code names, category and event ids, plan action ids, detail keys (``details['…']``) and "行动项".
"""

from __future__ import annotations

import json
import re

import pytest

import mmguide
from mmguide.clinical import bone_protection_plan as bpp
from mmguide.clinical import myeloma_defining_events as mde
from mmguide.presentation import respond

# Hyphenated ids that are also plain English words in a sentence.
ENGLISH_WORDS = {"non-frail"}


def _codes() -> set[str]:
    codes = {c.id for c in mmguide.calculators()}
    codes |= {i.name for c in mmguide.calculators() for i in c.inputs if "_" in i.name}
    codes |= {k.id for c in mmguide.calculators() for k in c.output.categories if "-" in k.id or "_" in k.id}
    codes |= {e for e in mde.EVENTS if "-" in e}
    codes |= {a.id for a in bpp.ACTIONS if "-" in a.id}
    return codes - ENGLISH_WORDS


CODES = _codes()
CODE = re.compile("|".join(rf"(?<![\w/-]){re.escape(c)}(?![\w-])" for c in sorted(CODES, key=len, reverse=True))
                  + r"|details\[|行动项")


def _strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for k, v in x.items():
            if k not in ("calculator", "category", "id", "name", "agent", "field", "references", "recommendations",
                         "tone", "lang", "params"):
                yield from _strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from _strings(v)


@pytest.mark.parametrize("lang", ("en", "zh"))
@pytest.mark.parametrize("calc", mmguide.calculators(), ids=lambda c: c.id)
def test_computed_results_show_no_code(calc, lang):
    problems = []
    for example in calc.examples:
        out = json.loads(respond(calc.id, json.dumps(example["inputs"]), lang))
        assert out["ok"], out
        for text in list(_strings(out["view"])) + [out["note"]]:
            m = CODE.search(text)
            if m:
                problems.append(f"{m.group(0)!r} in {text[:120]!r}")
    assert not problems, "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("lang", ("en", "zh"))
@pytest.mark.parametrize("calc", mmguide.calculators(), ids=lambda c: c.id)
def test_record_texts_on_the_pages_show_no_code(calc, lang):
    ids = {c.id for c in mmguide.calculators()}  # the pages turn a named calculator id into a titled link
    texts = [calc.purpose, calc.when_to_use, *(b.condition for b in calc.bands), *(b.meaning for b in calc.bands),
             *calc.decisions]
    problems = []
    for t in texts:
        if not t:
            continue
        text = t[lang]
        for m in CODE.finditer(text):
            if m.group(0) not in ids:
                problems.append(f"{m.group(0)!r} in {text[:120]!r}")
    assert not problems, "\n".join(problems)


def test_the_search_finds_what_it_should():
    assert CODE.search("行动项 vitamin-d-status") and CODE.search("见 details['partly_assessed']")
    assert CODE.search("plasma-cells-60") and not CODE.search("non-frail")


def test_errors_of_two_inputs_together_name_no_input_by_its_code_name():
    """The form shows an input error as "label: detail"; the detail of the errors that two inputs raise together
    names inputs in words (the no-input error, which lists the accepted names for callers of the API and the
    command line, is the exception)."""
    from test_chinese_messages import CROSS_FIELD

    names = {i.name for c in mmguide.calculators() for i in c.inputs if "_" in i.name}
    problems = []
    for what, calc_id, inputs, _ in CROSS_FIELD:
        if not inputs:
            continue
        message = json.loads(respond(calc_id, json.dumps(inputs), "en"))["message"]
        found = [n for n in names | {c.id for c in mmguide.calculators()}
                 if re.search(rf"(?<![\w/-]){re.escape(n)}(?![\w-])", message)]
        if found:
            problems.append(f"{what}: {found} in {message!r}")
    assert not problems, "\n".join(problems)
