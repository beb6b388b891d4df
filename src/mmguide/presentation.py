"""How a result is shown to a reader: the answer at a glance, the sections under it, the
onward links and the plain-text note for a clinical record.

One structure, built here, serves the in-page form (which only renders it), the command
line and :func:`note`. Nothing here decides anything clinical, and nothing here knows a
calculator by name: each record declares how its result is shown (``Calculator.view``: onward
links, an inline answer of another calculator, list labels, an arranging function beside the
calculator; ``Category.tone``), and this module reads the declaration.

    >>> import mmguide
    >>> r = mmguide.compute("zoledronic-acid-dose", crcl="45 mL/min")
    >>> view(r, "en")["answer"]["headline"]
    '3.3 mg'
"""

from __future__ import annotations

import datetime
import json

from . import numbers as N
from . import units as U
from .errors import InputError, MMGuideError
from .records import NO_VIEW, Result, text

LANGS = ("en", "zh")

# Interface words of the view and the note (clinical words come from the calculators' records; a calculator
# whose answer has more structure arranges it with its own words, beside it: Calculator.view.arrange).
WORDS = {
    "evidence": text("Evidence", "证据"),
    "before-first-dose": text("Before the first dose", "首剂前"),
    "inputs": text("Inputs", "输入"),
    "result": text("Result", "结果"),
    "recommendations": text("Recommendations", "推荐意见"),
    "source": text("Source", "来源"),
    "yes": text("yes", "是"), "no": text("no", "否"), "unknown": text("unknown", "未知"),
    "female": text("female", "女"), "male": text("male", "男"),
    # a clearance computed from age, weight, creatinine and sex for this answer: with its number where the
    # answer does not state it, without where the explanation beside the dose does (shown once)
    "clearance-from": text("CrCl {value} mL/min by {equation} from {inputs}",
                           "肌酐清除率 {value} mL/min,按 {equation} 公式由 {inputs}计算"),
    "clearance-source": text("CrCl by {equation} from {inputs}", "肌酐清除率按 {equation} 公式由 {inputs}计算"),
    "years": text("{value} years", "{value} 岁"),
    "creatinine": text("creatinine {value}", "血清肌酐 {value}"),
    "version": text("mmguide {version}, {date}", "mmguide {version},{date}"),
    "computed-by": text("Computed with mmguide {version} ({date})", "由 mmguide {version} 计算({date})"),
}
# Units as a Chinese reader writes them (symbols that are words in English).
UNIT_WORDS = {"years": text("years", "岁"), "points": text("points", "分")}
# The inputs a clearance is computed from, in the order a clearance line names them; a field set aside
# together while the reader is still typing one of them (_urgent_despite).
CLEARANCE_GROUP = ("crcl", "age", "weight", "sex")


_SPACES = " \t\n\r\f\v\u00a0\u2009\u202f\u3000"


def _sentence_end(t: str) -> tuple[int, int] | None:
    """Where the first sentence of *t* ends: (end of the sentence, start of the next), or None.
    An English sentence ends at a full stop followed by spaces and a capital or "("; a Chinese one
    at "。" followed by anything but a space. (Scanned by hand: MicroPython's regular expressions
    have no look-behind.)"""
    for i, ch in enumerate(t):
        if ch == ".":
            j = i + 1
            while j < len(t) and t[j] in _SPACES:
                j += 1
            if j > i + 1 and j < len(t) and ("A" <= t[j] <= "Z" or t[j] == "("):
                return i + 1, j
        elif ch == "。" and i + 1 < len(t) and t[i + 1] not in _SPACES:
            return i + 1, i + 1
    return None


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _ascii_alnum(ch: str) -> bool:
    return "a" <= ch <= "z" or "A" <= ch <= "Z" or "0" <= ch <= "9"


_WIDE = {",": "\uff0c", ";": "\uff1b", ":": "\uff1a", "?": "\uff1f", "(": "\uff08", ")": "\uff09"}


def widen(t: str) -> str:
    """Chinese text with the full-width punctuation the Chinese edition writes (，；：？（）), notation left alone.

    The package's Chinese strings are typed with half-width marks; this is the one step that widens them for a
    reader, the same rules as the catalogues' step (docs/locales/zh_CN/translate.py, tests/test_notation.py):
    a comma between digits that separates thousands, a mark followed by a space, "label: value", inline code,
    math, and a parenthesis glued to a Latin letter or digit that holds no Chinese (karyotypes t(4;14), del(17p),
    formulas, a unit's conversion "2.6 mmol/L(10.4 mg/dL)") stay as they are. Text without Chinese is returned
    unchanged. (Scanned by hand: MicroPython's regular expressions have no look-behind.)"""
    if not isinstance(t, str) or not any(_cjk(ch) for ch in t):
        return t
    n = len(t)
    # Only the marks are looked at (found by str.find, not by walking every character in Python): the quotes
    # that open a kept span, the parentheses, and the marks that may be widened.
    quotes, parens, marks = _positions(t, "`$'\""), _positions(t, "()"), _positions(t, ",;:?()")
    if not marks:
        return t
    keep = [False] * n
    i = 0
    for q in quotes:  # inline code, math and a quoted value the reader typed: kept whole
        if q < i:
            continue
        j = t.find(t[q], q + 1)
        if j < 0:
            break
        for k in range(q, j + 1):
            keep[k] = True
        i = j + 1
    pairs, stack = [], []
    for i in parens:
        if keep[i]:
            continue
        if t[i] == "(":
            stack.append(i)
        elif stack:
            pairs.append((stack.pop(), i))
    wide = set()
    for a, b in sorted(pairs, key=lambda ab: ab[1] - ab[0]):
        if keep[a]:
            continue
        glued = a > 0 and (_ascii_alnum(t[a - 1]) or t[a - 1] in "])")
        if glued and not any(_cjk(ch) for ch in t[a + 1:b]):
            for k in range(a, b + 1):  # notation: a karyotype, a formula, a unit's conversion
                keep[k] = True
        elif a == 0 or t[a - 1] != " ":
            wide.add(a)
            wide.add(b)
    out = list(t)
    for i in marks:  # in order, so out[i - 1] is the previous character as written
        if keep[i]:
            continue
        ch = t[i]
        prev = out[i - 1] if i > 0 else ""
        nxt = t[i + 1] if i + 1 < n else ""
        if ch in "()":
            out[i] = _WIDE[ch] if i in wide else ch
        elif ch == ",":  # between two digits it is a number's (1,718) or a locant's (1,25-dihydroxy)
            between_digits = "0" <= prev <= "9" and "0" <= nxt <= "9"
            out[i] = ch if between_digits or nxt in (" ", "") else _WIDE[ch]
        elif ch == ";":
            out[i] = ch if nxt == " " else _WIDE[ch]
        elif ch == ":":
            # after Chinese, or before Chinese or at the end (after a unit, a Latin word: "eGFR:首剂")
            out[i] = (_WIDE[ch] if ((_cjk(prev) or prev == "\uff09") and nxt != " ")
                      or _cjk(nxt) or nxt in ("\u201c", "\uff08", "\u300a", "")
                      or (nxt == "(" and i + 1 in wide) else ch)
        else:  # "?"
            out[i] = _WIDE[ch] if _cjk(prev) or nxt == "" or _cjk(nxt) or nxt == " " else ch
    return "".join(out)


def _positions(t: str, chars: str) -> list[int]:
    """Where any of *chars* occurs in *t*, in order."""
    found = []
    for c in chars:
        i = t.find(c)
        while i >= 0:
            found.append(i)
            i = t.find(c, i + 1)
    found.sort()
    return found


def first_sentence(t: str) -> tuple[str, str]:
    """(the first sentence, the rest) of a text in either language."""
    end = _sentence_end(t)
    if end is None or end[0] < 12:
        return t, ""
    return t[:end[0]].strip(), t[end[1]:].strip()


def _dumps(x) -> str:
    """JSON text with non-ASCII characters as they are (MicroPython's json writes them so and has
    no ensure_ascii)."""
    try:
        return json.dumps(x, ensure_ascii=False)
    except TypeError:  # MicroPython
        return json.dumps(x)


def _w(key: str, lang: str) -> str:
    return WORDS[key][lang]


def _pick(t, lang: str) -> str:
    if isinstance(t, dict):
        return t.get(lang) or t.get("en", "")
    return "" if t is None else str(t)


def _calc(result: Result):
    from .api import calculator

    return calculator(result.calculator)


def _view_of(calc):
    return calc.view or NO_VIEW


def unit_text(unit: str | None, lang: str) -> str:
    if not unit:
        return ""
    return UNIT_WORDS[unit][lang] if unit in UNIT_WORDS else unit


def _as_given(x) -> str:
    """A number as a reader gave it: exactly (a typed value is a finite decimal), else through the writer."""
    return N.write_given(x)


def value_text(value, lang: str) -> str:
    """An input's value as a reader writes it (units in the reader's language)."""
    if isinstance(value, bool):
        return _w("yes" if value else "no", lang)
    if value is None:
        return _w("unknown", lang)
    if isinstance(value, U.Quantity):  # as given: never rounded onto a limit
        return f"{_as_given(value.value)} {unit_text(value.unit, lang)}".strip()
    if value in ("female", "male"):
        return _w(value, lang)
    if isinstance(value, str):  # a choice, as given
        return value
    return N.write_given(value)  # a count or a score (inputs arrive parsed: numbers, words, Quantities)


def shown_value(result: Result, calc=None) -> str | None:
    """A result's number as every reader sees it (answer box, note, command line): from the exact value,
    with the decimals its record declares, never rounded onto or across a limit it was compared with
    (the record's Output.edges and the result's own edges)."""
    if result.value is None or isinstance(result.value, (list, bool, str)):
        return None
    from fractions import Fraction

    out = (calc or _calc(result)).output
    exact = result.exact
    if exact is None and "exact" in result.details:
        exact = Fraction(result.details["exact"])
    if exact is None:
        exact = Fraction(repr(result.value))
    return U.write(exact, out.places, tuple(out.edges) + tuple(result.edges or ()))


def _value_with_unit(result: Result, calc, lang: str) -> str:
    return f"{shown_value(result, calc)} {unit_text(result.unit, lang)}".strip()


def inputs_of(result: Result, lang: str, calc=None) -> list[dict]:
    """The inputs as given, labelled as the form labels them."""
    calc = calc or _calc(result)
    out = []
    for spec in calc.inputs:
        if spec.name in result.inputs:
            out.append({"name": spec.name, "label": _pick(spec.label, lang),
                        "value": value_text(result.inputs[spec.name], lang)})
    return out


def category_text(result: Result, lang: str, calc=None) -> str | None:
    """The result's category in the reader's words (its label), never its code."""
    return _category_label(result, lang, calc)


def _category(result: Result, calc):
    for c in calc.output.categories:
        if c.id == result.category:
            return c
    return None


def _category_label(result: Result, lang: str, calc=None) -> str | None:
    if result.category is None:
        return None
    c = _category(result, calc or _calc(result))
    return str(result.category) if c is None else _pick(c.label, lang)


def _tone(result: Result, calc) -> str:
    """The colour of the answer: its category's declared tone (a category the record does not declare: info)."""
    c = _category(result, calc) if result.category is not None else None
    return "info" if c is None else c.tone


def clearance_line(result: Result, lang: str, calc=None) -> str | None:
    """The line that says a clearance was computed for this answer, and from what; None when none was.

    Written from the result's facts (the exact clearance, the inputs as given, the clearance calculator's
    decimals and edges) when it has them, else the line the calculator wrote. Where the record's explanation
    states the clearance beside the dose (View.states_clearance), the number is not repeated here: near an
    edge a whole number beside the exact one ("57" above "56.71") reads as two clearances."""
    c = result.details.get("clearance")
    if not c:
        return None
    from fractions import Fraction

    calc = calc or _calc(result)
    if not isinstance(c, dict):
        return _pick(c, lang)
    # the facts (mmguide.clearance): the exact clearance, the calculator that computed it, the inputs given
    exact = c.get("value") if isinstance(c.get("value"), Fraction) else None
    given = c.get("inputs") if isinstance(c.get("inputs"), dict) else result.inputs
    if exact is None or not c.get("calculator") or not all(k in given for k in ("age", "weight", "creatinine", "sex")):
        return _pick(c.get("text"), lang) or None
    from .api import calculator

    source = calculator(c["calculator"])
    age, weight = given["age"], given["weight"]
    age = age.value if isinstance(age, U.Quantity) else age
    kg = weight.to("kg") if isinstance(weight, U.Quantity) else weight
    parts = [_w("years", lang).format(value=_as_given(Fraction(age))), f"{_as_given(Fraction(kg))} kg",
             _w("creatinine", lang).format(value=value_text(given["creatinine"], lang)),
             value_text(given["sex"], lang) + ("性" if lang == "zh" else "")]
    inputs = ("、" if lang == "zh" else ", ").join(parts)
    equation = source.equation or _pick(source.title, lang)
    name, _, year = equation.rpartition(" ")
    if name and year.isdigit():  # "Cockcroft–Gault 1976": the equation's name
        equation = name
    if _view_of(calc).states_clearance:
        return _w("clearance-source", lang).format(equation=equation, inputs=inputs)
    value = U.write(exact, source.output.places, tuple(source.output.edges))
    return _w("clearance-from", lang).format(value=value, equation=equation, inputs=inputs)


def _links_for(result: Result, calc, lang: str) -> list[dict]:
    """Where a clinician goes next: the record's declared onward links, with values carried over."""
    links = []
    for link in _view_of(calc).links:
        if link.carry == "inputs":
            carried = {k: _carry(v) for k, v in result.inputs.items()}
        else:
            if link.when_value and not isinstance(result.value, float):
                continue
            carried = {link.carry: f"{_exact_or_shown(result, calc)} {result.unit}"}
        links.append({"calculator": link.calculator, "params": carried, "text": _pick(link.text, lang)})
    return links


def _exact_or_shown(result: Result, calc) -> str:
    """The result's value to carry to another calculator: exactly when a decimal writes it, else as shown."""
    from fractions import Fraction

    exact = result.exact if result.exact is not None else Fraction(result.details["exact"])
    return N.exactly(exact, CARRY_PLACES) or shown_value(result, calc)


# Decimals enough to carry any value an input accepts exactly: a typed value is at most
# parse.MAX_TYPED_LENGTH characters, and a number given as a float is read as its shortest decimal.
CARRY_PLACES = 64


def _carried_number(x) -> str:
    """A value passed on to another calculator (an onward link, an inline answer): exactly, never
    rounded, so the other calculator decides on the same number (a clearance of 29.9999997 mL/min
    must not arrive as 30)."""
    return N.exactly(x, CARRY_PLACES) or N.write_given(x)


def _carry(v) -> str:
    if isinstance(v, U.Quantity):
        return f"{_carried_number(v.value)} {v.unit}".strip()
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, (int, float)):
        return _carried_number(v)
    return "" if v is None else v if isinstance(v, str) else str(v)


def list_text(calculator_id: str, values, lang: str, calc=None) -> str:
    """A result that is a list of findings (the myeloma-defining events met), in the reader's words (the
    labels its record declares), never the findings' ids."""
    from .api import calculator

    labels = _view_of(calc or calculator(calculator_id)).list_labels or {}
    words = [_pick(labels[v], lang) if v in labels else str(v) for v in values]
    return ("、" if lang == "zh" else ", ").join(words)


def _answer_simple(result: Result, calc, lang: str) -> dict:
    headline = None
    if isinstance(result.value, list):
        headline = list_text(result.calculator, result.value, lang, calc) if result.value else None
    elif result.value is not None:
        headline = _value_with_unit(result, calc, lang)
    label = _category_label(result, lang, calc)
    lines = []
    clearance = clearance_line(result, lang, calc)
    if clearance:
        lines.append(clearance)
    lines.append(_pick(result.explanation, lang))
    answer = {"headline": headline or label, "label": label if headline else None,
              "category": result.category, "tone": _tone(result, calc),
              "lines": lines, "urgent": [], "checklist": []}
    inline = _view_of(calc).inline
    if inline is not None:
        answer["inline"] = _inline(result, inline, lang)
    return answer


def _inline(result: Result, inline, lang: str) -> dict | None:
    """Another calculator's answer for this result's inputs, shown with it (the record's View.inline): computed
    by id from the inputs as given, so a value that calculator refuses (a clearance no one can be dosed from)
    shows no answer rather than one."""
    from .api import calculator, compute

    calc = calculator(inline.calculator)
    names = {i.name for i in calc.inputs}
    try:
        r = compute(inline.calculator, **{k: _carry(v) for k, v in result.inputs.items() if k in names})
    except MMGuideError:
        return None
    label = _category_label(r, lang, calc)
    dose = _value_with_unit(r, calc, lang) if r.value is not None else label
    return {"label": _pick(inline.label, lang), "value": dose,
            "category": r.category, "tone": _tone(r, calc),
            "note": label if r.value is not None else None}


class _Kit:
    """What a record's arranging function (View.arrange) may use of this module, handed to it (it lives below)."""

    def __init__(self, calc):
        self.calc = calc
        self.pick = _pick
        self.first_sentence = first_sentence

    def category_label(self, result, lang):
        return _category_label(result, lang, self.calc)

    def tone(self, result):
        return _tone(result, self.calc)

    def clearance_line(self, result, lang):
        return clearance_line(result, lang, self.calc)


def _id_char(ch: str) -> bool:
    """A character that can continue a calculator id or a path: an ASCII letter or digit, "_", "-" or "/"."""
    return "a" <= ch <= "z" or "A" <= ch <= "Z" or "0" <= ch <= "9" or ch in "_-/"


def _replace_word(text: str, word: str, by: str) -> str:
    """*text* with every whole *word* (not part of a longer id, a file name or a path) replaced by *by*."""
    out, i = [], 0
    while True:
        j = text.find(word, i)
        if j < 0:
            return "".join(out) + text[i:]
        k = j + len(word)
        whole = (j == 0 or not _id_char(text[j - 1])) and (k == len(text) or not _id_char(text[k]) or text[k] == "/")
        out.append(text[i:j] + (by if whole else word))
        i = k


# Texts already made plain, per language: an answer's sentences recur from one response to the next
# (the form answers on every keystroke), and widening a Chinese text is the costliest step of a view.
# Bounded, since a text may carry what the reader typed.
_PLAIN_TEXTS: dict = {}
_PLAIN_TEXTS_MAX = 4096


def _plain_text(x: str, lang: str) -> str:
    key = (lang, x)
    done = _PLAIN_TEXTS.get(key)
    if done is not None:
        return done
    from .api import calculator, ids

    t = x
    for cid in ids():
        if cid in t:  # only the calculators a text names are loaded
            t = _replace_word(t, cid, _pick(calculator(cid).title, lang))
    if lang == "zh":
        t = widen(t)
    if len(_PLAIN_TEXTS) >= _PLAIN_TEXTS_MAX:
        _PLAIN_TEXTS.clear()
    _PLAIN_TEXTS[key] = t
    return t


def _plain(x, lang: str):
    """Readers' words: a calculator id named in a text becomes the calculator's title."""
    if isinstance(x, str):
        return _plain_text(x, lang)
    if isinstance(x, list):
        return [_plain(v, lang) for v in x]
    if isinstance(x, dict):
        return {k: (_plain(v, lang) if k in ("text", "lines", "details", "more", "headline", "subheadline",
                                              "urgent", "checklist", "items", "answer", "sections", "label",
                                              "note", "inline", "checklist_title", "title", "value")
                    else v) for k, v in x.items()}
    return x


def _relabel(item: dict, shown) -> dict:
    out = dict(item)
    out["label"] = shown(out["label"])
    return out


def view(result: Result, lang: str = "en") -> dict:
    """Everything a reader sees of *result*, arranged: the answer box, the sections under it
    (collapsed in the form), onward links, the recommendations and the references (keys, which
    the book renders as its bibliography does). How is the record's to say (Calculator.view)."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {repr(lang)}")
    calc = _calc(result)  # the one look-up of the record; everything below is given it
    arrange = _view_of(calc).arrange
    if arrange is not None:
        answer, sections = arrange(result, lang, calc, _Kit(calc))
    else:
        answer, sections = _answer_simple(result, calc, lang), []
    sections.append({"id": "evidence", "title": _w("evidence", lang), "items": [], "references": list(result.references)})
    answer, sections = _plain(answer, lang), _plain(sections, lang)
    shown = widen if lang == "zh" else (lambda s: s)
    return {
        "calculator": result.calculator,
        "title": shown(_pick(calc.title, lang)),
        "lang": lang,
        "answer": answer,
        "sections": sections,
        "links": _links_for(result, calc, lang),
        "recommendations": list(result.recommendations or calc.recommendations),
        "references": list(result.references),
        "inputs": [_relabel(i, shown) for i in inputs_of(result, lang, calc)],
    }


def headline_text(v: dict, lang: str) -> str:
    """The answer in one line, as the note and the command line write it: the headline, its subheadline and
    its category in the reader's words ("3.3 mg (Reduced dose)", "3.3 mg(减量)")."""
    a = v["answer"]
    head = a["headline"] or ""
    if a.get("subheadline"):
        head += " " + a["subheadline"]
    if a.get("label"):
        head += f" ({a['label']})" if lang == "en" else f"({a['label']})"
    return head


def note(result: Result, lang: str = "en", url: str | None = None, date: str | None = None,
         shown: dict | None = None) -> str:
    """A plain-text summary for a clinical note: the calculator, the inputs with their units, the
    answer, the recommendation IDs, mmguide's version and date, and the page it came from.
    *shown*: the view of *result* in *lang*, when the caller has it already (it is not built twice)."""
    from .version import __version__

    v = shown if shown is not None else view(result, lang)
    a = v["answer"]
    date = date or datetime.date.today().isoformat()
    colon = ":" if lang == "zh" else ": "
    lines = [v["title"]]
    if v["inputs"]:
        lines.append(_w("inputs", lang) + colon.rstrip())
        lines += [f"- {i['label']}{colon}{i['value']}" for i in v["inputs"]]
    lines.append(_w("result", lang) + colon + headline_text(v, lang))
    lines += answer_lines(v, lang)
    if v["recommendations"]:
        lines.append(_w("recommendations", lang) + colon + ", ".join(v["recommendations"]))
    lines.append(_w("computed-by", lang).format(version=__version__, date=date))
    if lang == "zh":
        lines = [widen(line) for line in lines]
    if url:
        lines.append(_w("source", lang) + colon + url)
    return "\n".join(line for line in lines if line) + "\n"


def answer_lines(v: dict, lang: str) -> list[str]:
    """The answer box's lines under its headline, as plain text (the note and the command line): what to do
    first, the lines, another calculator's answer shown with it, the checklist."""
    a = v["answer"]
    colon = ":" if lang == "zh" else ": "
    lines = []
    for u in a["urgent"]:
        lines.append("! " + u["text"] + (f" {u['more']}" if u.get("more") else ""))
    lines += a["lines"]
    if a.get("inline"):
        lines.append(f"{a['inline']['label']}{colon}{a['inline']['value']}")
    if a["checklist"]:
        lines.append(a.get("checklist_title") or _w("before-first-dose", lang))
        lines += [f"[ ] {c['text']}" + (f" {c['more']}" if c.get("more") else "") for c in a["checklist"]]
    return lines


# --- the form's one call ---------------------------------------------------------------------

def error_text(err: InputError, calculator_id: str, lang: str) -> str:
    """An input error in the reader's language, naming the field as the form labels it."""
    t = getattr(err, "text", None)
    if isinstance(t, dict) and getattr(err, "label", None) and t.get(lang):
        return widen(t[lang]) if lang == "zh" else t[lang]
    from .api import calculator

    label = None
    try:
        if err.field:
            label = _pick(calculator(calculator_id).input(err.field).label, lang)
    except (KeyError, MMGuideError):
        label = None
    msg = str(err)
    if err.field and msg.startswith(f"{err.field}: "):
        msg = msg[len(err.field) + 2:]
    zh = getattr(err, "zh", None)
    if lang == "zh" and zh:
        msg = zh
    if label:
        sep = ":" if lang == "zh" else ": "  # a quoted colon inside an f-string is beyond MicroPython
        msg = f"{label}{sep}{msg}"
    return widen(msg) if lang == "zh" else msg


def respond(calculator_id: str, payload, lang: str = "en", url: str | None = None,
            date: str | None = None) -> str:
    """One call in, one JSON string out (the in-page form's only entry point). *payload*: the inputs, a dict
    {name: value} (the page's worker, which has decoded its one message already) or its JSON text."""
    from .api import calculator, compute

    inputs = json.loads(payload) if isinstance(payload, str) else dict(payload)
    try:
        r = compute(calculator_id, **inputs)
    except InputError as e:
        partial = None
        if _view_of(calculator(calculator_id)).urgent_despite:
            partial = _urgent_despite(calculator_id, inputs, e, lang, url, date)
        if partial is not None:
            return partial
        return _dumps({"ok": False, "field": e.field, "message": error_text(e, calculator_id, lang)})
    except MMGuideError as e:
        return _dumps({"ok": False, "field": None, "message": str(e)})
    v = view(r, lang)
    return _dumps({"ok": True, "result": r.as_dict(), "view": v, "note": note(r, lang, url, date, v)})


def _urgent_despite(calculator_id: str, inputs: dict, err: InputError, lang: str, url, date) -> str | None:
    """The best answer while a field is still being typed or cannot be read (a record that declares
    View.urgent_despite: the plan): when the inputs without that field already decide an emergency (an action
    of the "now" phase), it is shown at once, with the field's message first in the answer box and the field
    listed as still needed; otherwise None (the message alone)."""
    from .api import compute

    rest = dict(inputs)
    fields = []
    e = err
    for _ in range(3):  # a few unreadable fields at most
        if not e.field:
            return None
        fields.append((e.field, error_text(e, calculator_id, lang)))
        if e.field in rest:
            del rest[e.field]
        else:  # a field that is missing, not wrong (the clearance's group is incomplete): set the group aside
            group = [k for k in CLEARANCE_GROUP if k in rest]
            if not group:
                return None
            for k in group:
                del rest[k]
        try:
            r = compute(calculator_id, **rest)
            break
        except InputError as again:
            e = again
        except MMGuideError:
            return None
    else:
        return None
    if not any(a["phase"] == "now" for a in getattr(r, "actions", [])):
        return None
    v = view(r, lang)
    written = note(r, lang, url, date, v)  # the note of what is decided, without the fields' messages
    v["answer"]["lines"] = [m for _, m in fields] + v["answer"]["lines"]
    return _dumps({"ok": True, "partial": True, "field": fields[0][0], "message": fields[0][1],
                   "result": r.as_dict(), "view": v, "note": written})
