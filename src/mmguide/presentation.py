"""How a result is shown to a reader: the answer at a glance, the sections under it, the
onward links and the plain-text note for a clinical record.

One structure, built here, serves the in-page form (which only renders it), the command
line (``mmguide compute … --note``) and :func:`note`. Nothing here decides anything
clinical: it arranges what a calculator returned.

    >>> import mmguide
    >>> r = mmguide.compute("zoledronic-acid-dose", crcl="45 mL/min")
    >>> view(r, "en")["answer"]["headline"]
    '3.3 mg'
"""

from __future__ import annotations

import datetime
import json

from . import units as U
from .errors import InputError, MMGuideError
from .records import Result, text

LANGS = ("en", "zh")

# The tone of a category: colour in the form, always shown with the category's words.
#   ok: the routine answer; caution: an answer that needs care (reduced dose, intermediate);
#   stop: do not give / act first; info: a class without a judgement.
TONES = {
    "full-dose": "ok", "reduced-dose": "caution", "not-recommended": "stop",
    "continue": "ok", "resume": "ok", "withhold": "stop", "keep-withholding": "stop",
    "start-now": "ok", "not-indicated": "info",
    "urgent-first": "stop", "hold": "stop", "continue": "ok",
    "hypercalcaemia-of-malignancy": "stop", "crab-hypercalcaemia": "stop", "below-lower-limit": "caution",
    "no-crab-hypercalcaemia": "ok",
    "mde-present": "stop", "no-mde-found": "info",
    "fit": "ok", "intermediate": "caution", "frail": "stop", "non-frail": "ok",
    "PD": "stop", "not-evaluable": "caution",
}

# Interface words of the view and the note (clinical words come from the calculators' records).
WORDS = {
    "why": text("Why", "依据"),
    "monitoring": text("Monitoring and duration", "监测与疗程"),
    "supportive": text("Supportive care", "支持治疗"),
    "other-agents": text("Other agents", "其他药物"),
    "evidence": text("Evidence", "证据"),
    "before-first-dose": text("Before the first dose", "首剂前"),
    "before-first-maintenance-dose": text("Before the first maintenance dose", "维持治疗首剂前"),
    "maintenance": text("Maintenance", "维持治疗"),
    "still-needed": text("Still needed: ", "尚需填写:"),
    "maintenance-later": text("Maintenance, not today: ", "维持治疗(不在今日):"),
    "title-severe-hypo": text("Severe hypocalcaemia: treat now", "重度低钙血症:立即处理"),
    "title-hcm": text("Hypercalcaemia of malignancy: treat now", "恶性肿瘤相关高钙血症:立即处理"),
    "title-symptoms": text("Symptoms of hypocalcaemia: calcium now", "低钙血症症状:立即查血钙"),
    "agent-waits": text("Agent and dose: give the creatinine clearance (or age, weight, creatinine and sex)",
                        "药物及剂量:请提供肌酐清除率(或年龄、体重、肌酐和性别)"),
    "urgent": text("First", "优先处理"),
    "not-suitable": text("not suitable", "不适用"),
    "alternative": text("alternative", "备选"),
    "recommendations": text("Recommendations", "推荐意见"),
    "inputs": text("Inputs", "输入"),
    "result": text("Result", "结果"),
    "source": text("Source", "来源"),
    "yes": text("yes", "是"), "no": text("no", "否"), "unknown": text("unknown", "未知"),
    "female": text("female", "女"), "male": text("male", "男"),
    "dose-for-clearance": text("Zoledronic acid dose for this clearance", "按此清除率的唑来膦酸剂量"),
    "open-dose": text("Open the zoledronic acid dose", "打开唑来膦酸剂量计算"),
    "open-plan": text("Plan bone protection with this calcium", "用此血钙制定骨保护方案"),
    "version": text("mmguide {version}, {date}", "mmguide {version},{date}"),
    "computed-by": text("Computed with mmguide {version} ({date})", "由 mmguide {version} 计算({date})"),
}
# Units as a Chinese reader writes them (symbols that are words in English).
UNIT_WORDS = {"years": text("years", "岁"), "points": text("points", "分")}

# The plan's "now" phase is shown first and whole, above the maintenance agent, in the order of
# danger the plan gives it; a hypocalcaemia that holds the first dose follows it (its first sentence,
# the rest one tap away).
NOW_PHASE = "now"
URGENT_ACTIONS = ("hypercalcaemia", "correct-hypocalcaemia")
PLAN = "bone-protection-plan"


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
    keep = [False] * n
    i = 0
    while i < n:  # inline code, math and a quoted value the reader typed: kept whole
        if t[i] in "`$'\"":
            j = t.find(t[i], i + 1)
            if j < 0:
                break
            for k in range(i, j + 1):
                keep[k] = True
            i = j + 1
        else:
            i += 1
    pairs, stack = [], []
    for i, ch in enumerate(t):
        if keep[i]:
            continue
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
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
    out = []
    for i, ch in enumerate(t):
        if keep[i] or ch not in _WIDE:
            out.append(ch)
            continue
        prev = out[-1] if out else ""
        nxt = t[i + 1] if i + 1 < n else ""
        if ch in "()":
            out.append(_WIDE[ch] if i in wide else ch)
        elif ch == ",":  # between two digits it is a number's (1,718) or a locant's (1,25-dihydroxy)
            between_digits = "0" <= prev <= "9" and "0" <= nxt <= "9"
            out.append(ch if between_digits or nxt in (" ", "") else _WIDE[ch])
        elif ch == ";":
            out.append(ch if nxt == " " else _WIDE[ch])
        elif ch == ":":
            # after Chinese, or before Chinese or at the end (after a unit, a Latin word: "eGFR:首剂")
            out.append(_WIDE[ch] if ((_cjk(prev) or prev == "\uff09") and nxt != " ")
                       or _cjk(nxt) or nxt in ("\u201c", "\uff08", "\u300a", "")
                       or (nxt == "(" and i + 1 in wide) else ch)
        else:  # "?"
            out.append(_WIDE[ch] if _cjk(prev) or nxt == "" or _cjk(nxt) or nxt == " " else ch)
    return "".join(out)


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


def unit_text(unit: str | None, lang: str) -> str:
    if not unit:
        return ""
    return UNIT_WORDS[unit][lang] if unit in UNIT_WORDS else unit


def value_text(value, lang: str) -> str:
    """An input's value as a reader writes it (units in the reader's language)."""
    if isinstance(value, bool):
        return _w("yes" if value else "no", lang)
    if value is None:
        return _w("unknown", lang)
    if isinstance(value, U.Quantity):  # as given: never rounded onto a limit
        shown = U.exact_text(value.value)
        return f"{U.fmt(value.value) if shown is None else shown} {unit_text(value.unit, lang)}".strip()
    if value in ("female", "male"):
        return _w(value, lang)
    return str(value)


def _number(value: float, unit: str | None, lang: str) -> str:
    return f"{U.fmt(value)} {unit_text(unit, lang)}".strip()


def shown_value(result: Result) -> str | None:
    """A result's number as every reader sees it (answer box, note, command line): from the exact value,
    with the decimals its record declares, never rounded onto or across a limit it was compared with
    (the record's Output.edges and the result's own edges)."""
    if result.value is None or isinstance(result.value, (list, bool, str)):
        return None
    from fractions import Fraction

    out = _calc(result).output
    exact = result.exact
    if exact is None and "exact" in result.details:
        exact = Fraction(result.details["exact"])
    if exact is None:
        exact = Fraction(repr(result.value))
    return U.write(exact, out.places, tuple(out.edges) + tuple(result.edges or ()))


def inputs_of(result: Result, lang: str) -> list[dict]:
    """The inputs as given, labelled as the form labels them."""
    calc = _calc(result)
    out = []
    for spec in calc.inputs:
        if spec.name in result.inputs:
            out.append({"name": spec.name, "label": _pick(spec.label, lang),
                        "value": value_text(result.inputs[spec.name], lang)})
    return out


def category_text(result: Result, lang: str) -> str | None:
    """The result's category in the reader's words (its label), never its code."""
    return _category_label(result, lang)


def _category_label(result: Result, lang: str) -> str | None:
    if result.category is None:
        return None
    for c in _calc(result).output.categories:
        if c.id == result.category:
            return _pick(c.label, lang)
    return str(result.category)


def _links_for(result: Result, lang: str) -> list[dict]:
    """Where a clinician goes next: another calculator with values carried over."""
    links = []
    if result.calculator == "crcl-cockcroft-gault":
        carried = {k: _carry(v) for k, v in result.inputs.items()}
        links.append({"calculator": "zoledronic-acid-dose", "params": carried, "text": _w("open-dose", lang)})
    if result.calculator == "corrected-calcium" and isinstance(result.value, float):
        from fractions import Fraction

        exact = result.exact if result.exact is not None else Fraction(result.details["exact"])
        carried = {"corrected_calcium": f"{U.exact_text(exact) or shown_value(result)} {result.unit}"}
        links.append({"calculator": PLAN, "params": carried, "text": _w("open-plan", lang)})
    return links


def _carry(v) -> str:
    if isinstance(v, U.Quantity):
        return str(v)
    if isinstance(v, bool):
        return "yes" if v else "no"
    return str(v)


def list_text(calculator_id: str, values, lang: str) -> str:
    """A result that is a list of findings (the myeloma-defining events met), in the reader's words, never
    the findings' ids."""
    labels = {}
    if calculator_id == "myeloma-defining-events":
        from .calculators.myeloma_defining_events import EVENT_LABELS

        labels = EVENT_LABELS
    words = [_pick(labels[v], lang) if v in labels else str(v) for v in values]
    return ("、" if lang == "zh" else ", ").join(words)


def _answer_simple(result: Result, lang: str) -> dict:
    headline = None
    if isinstance(result.value, list):
        headline = list_text(result.calculator, result.value, lang) if result.value else None
    elif result.value is not None:
        headline = f"{shown_value(result)} {unit_text(result.unit, lang)}".strip()
    label = _category_label(result, lang)
    lines = []
    clearance = result.details.get("clearance")
    if clearance:
        lines.append(_pick(clearance["text"], lang))
    lines.append(_pick(result.explanation, lang))
    answer = {"headline": headline or label, "label": label if headline else None,
              "category": result.category, "tone": TONES.get(result.category, "info"),
              "lines": lines, "urgent": [], "checklist": []}
    if result.calculator == "crcl-cockcroft-gault":
        answer["inline"] = _za_inline(result, lang)
    return answer


def _za_inline(result: Result, lang: str) -> dict | None:
    """The Cockcroft–Gault result's zoledronic acid dose, shown with it."""
    from fractions import Fraction

    from .calculators import zoledronic_acid_dose as zad

    exact = Fraction(result.details["exact"]) if "exact" in result.details else Fraction(repr(result.value))
    try:
        r = zad.zoledronic_acid_dose(U.Quantity(exact, "mL/min", "crcl"))
    except MMGuideError:  # pragma: no cover - a clearance outside the table's range
        return None
    label = _category_label(r, lang)
    dose = _number(r.value, r.unit, lang) if r.value is not None else label
    return {"label": _w("dose-for-clearance", lang), "value": dose,
            "category": r.category, "tone": TONES.get(r.category, "info"),
            "note": label if r.value is not None else None}


# --- the plan ----------------------------------------------------------------------------------

def _plan_view(result: Result, lang: str) -> tuple[dict, list[dict]]:
    from .calculators import bone_protection_plan as bpp

    agents = list(getattr(result, "agents", []) or [])
    actions = list(getattr(result, "actions", []) or [])
    start = getattr(result, "start", {}) or {}
    fav = next((a for a in agents if a.get("favoured")), None)
    by_phase: dict[str, list] = {}
    for a in actions:
        by_phase.setdefault(a["phase"], []).append(a)

    def item(a, split=False, sentences=1):
        t = _pick(a["text"], lang)
        out = {"text": t, "recommendations": [a["recommendation"]] if a.get("recommendation") else [], "id": a["id"]}
        if split:  # the first sentence(s) in the box, the rest one tap away
            first, rest = "", t
            for _ in range(sentences):
                head, rest = first_sentence(rest)
                first = (first + " " + head).strip() if lang == "en" else first + head
                if not rest:
                    break
            out["text"], out["more"] = first, rest
        return out

    urgent = [item(a) for a in actions if a["phase"] == NOW_PHASE]
    hcm = bool(result.details.get("hypercalcaemia_of_malignancy"))
    urgent += [item(a, split=True) for a in actions if a["id"] in URGENT_ACTIONS
               and not (hcm and a["id"] == "hypercalcaemia")  # said whole in the urgent treatment
               and not (result.details.get("severe_hypocalcaemia") and a["id"] == "correct-hypocalcaemia")]
    pending = set(start.get("first_dose_after") or [])
    checklist = [dict(item(a, split=True), pending=a["id"] in pending)
                 for a in by_phase.get("before-first-dose", []) if a["id"] not in URGENT_ACTIONS]
    lines = []
    needed = result.details.get("needed") or []
    if needed:  # what else would change this answer, listed under what is already decided
        calc = _calc(result)
        labels = []
        for n in needed:
            try:
                labels.append(_pick(calc.input(n).label, lang))
            except (KeyError, MMGuideError):
                labels.append(n)
        lines.append(_w("still-needed", lang) + ("; " if lang == "en" else ";").join(labels))
    clearance = result.details.get("clearance")
    if clearance:
        lines.append(_pick(clearance["text"], lang))
    if result.details.get("severe_renal_impairment") and fav is not None:
        node = {n.id: n for n in bpp.TREE.nodes}.get("denosumab-only")
        if node is not None:
            lines.append(_pick(node.label, lang))
    timing = start.get("timing")
    if fav is not None:
        headline = _pick(fav["name"], lang)
        sub = _pick(fav.get("dose"), lang)
        if result.category == bpp.URGENT_FIRST:  # the emergency is the headline; the agent is maintenance, later
            sub = (_w("maintenance-later", lang) + headline + (" " + sub if sub else ""))
            headline = _emergency_title(result, lang)
            lines.insert(0, _pick(start.get("when"), lang))
        elif timing in bpp._TIMING or timing == "hold-calcium":  # labelled as maintenance, with its start
            headline = _w("maintenance", lang) + (": " if lang == "en" else ":") + headline
            lines.insert(0, _pick(start.get("when"), lang))
    elif result.category == bpp.URGENT_FIRST:
        headline = _emergency_title(result, lang)
        sub = None
        lines += [_pick(a["text"], lang) for a in by_phase.get("maintenance", [])
                  if a["id"] in ("not-indicated", "ask-active")]
    elif result.details.get("decision") == bpp.START_NOW:  # indicated, but the agent waits for the clearance
        headline = _category_label(result, lang)
        sub = _w("agent-waits", lang)
    else:  # not indicated / not known: the answer is the sentence
        headline = _category_label(result, lang)
        sub = None
        lines += [_pick(a["text"], lang) for a in by_phase.get("maintenance", [])
                  if a["id"] in ("not-indicated", "ask-active")] or [_pick(result.explanation, lang)]
    answer = {"headline": headline, "subheadline": sub, "label": _category_label(result, lang) if fav else None,
              "category": result.category, "tone": TONES.get(result.category, "info"),
              "lines": lines, "urgent": urgent, "checklist": checklist,
              "checklist_title": _w("before-first-maintenance-dose", lang)}

    # Why: the path taken through the decision tree, each step with its recommendations
    nodes = {n.id: n for n in bpp.TREE.nodes}
    path = list(getattr(result, "path", []) or [])
    why = [{"text": _pick(start.get("when"), lang), "recommendations": [start.get("recommendation", "BP-1")]}] \
        if fav is not None and start.get("when") else []
    for i, nid in enumerate(path):  # the questions asked and the answers taken (the steps are above)
        n = nodes.get(nid)
        if n is None or n.kind != "decision" or i + 1 >= len(path):
            continue
        taken = next((b for b in n.branches if b.to == path[i + 1]), None)
        if taken is None:
            continue
        label = _pick(n.label, lang).replace("\n", " ") + " — " + _pick(taken.label, lang)
        why.append({"text": label, "recommendations": list(n.recommendations)})
    why += [item(a) for a in by_phase.get("maintenance", []) if a["id"] == "agent-choice"]
    if fav is not None:
        why += [{"text": _pick(r, lang), "recommendations": [fav.get("recommendation")] if fav.get("recommendation") else []}
                for r in fav.get("reasons", [])]
    sections = [{"id": "why", "title": _w("why", lang), "items": why}]
    maintenance = [item(a) for a in by_phase.get("maintenance", [])
                   if a["id"] not in ("not-indicated", "ask-active", "agent-choice")]
    if maintenance:
        sections.append({"id": "maintenance", "title": _w("maintenance", lang), "items": maintenance})
    monitoring = [item(a) for a in by_phase.get("monitoring", [])]
    if monitoring:
        sections.append({"id": "monitoring", "title": _w("monitoring", lang), "items": monitoring})
    others = []
    for a in agents:
        if a is fav:
            continue
        flag = _w("alternative", lang) if a.get("suitable") else _w("not-suitable", lang)
        head = f"{_pick(a['name'], lang)} ({flag})"
        if a.get("suitable") and a.get("dose"):
            head += ": " + _pick(a["dose"], lang)
        others.append({"text": head, "recommendations": [a["recommendation"]] if a.get("recommendation") else [],
                       "details": [_pick(r, lang) for r in a.get("reasons", [])], "agent": a["agent"],
                       "suitable": bool(a.get("suitable"))})
    if others:
        sections.append({"id": "other-agents", "title": _w("other-agents", lang), "items": others})
    return answer, sections


def _emergency_title(result: Result, lang: str) -> str:
    """The headline of an answer whose now phase is an emergency: the emergency, not the maintenance agent."""
    d = result.details
    if d.get("severe_hypocalcaemia"):
        return _w("title-severe-hypo", lang)
    if d.get("hypercalcaemia_of_malignancy"):
        return _w("title-hcm", lang)
    return _w("title-symptoms", lang)


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


def _plain(x, lang: str):
    """Readers' words: a calculator id named in a text becomes the calculator's title."""
    from .api import calculator
    from .calculators import ORDER

    if isinstance(x, str):
        for cid in ORDER:
            if cid in x:  # only the calculators a text names are loaded
                x = _replace_word(x, cid, _pick(calculator(cid).title, lang))
        return widen(x) if lang == "zh" else x
    if isinstance(x, list):
        return [_plain(v, lang) for v in x]
    if isinstance(x, dict):
        return {k: (_plain(v, lang) if k in ("text", "lines", "details", "more", "headline", "subheadline",
                                              "urgent", "checklist", "items", "answer", "sections")
                    else v) for k, v in x.items()}
    return x


def _relabel(item: dict, shown) -> dict:
    out = dict(item)
    out["label"] = shown(out["label"])
    return out


def view(result: Result, lang: str = "en") -> dict:
    """Everything a reader sees of *result*, arranged: the answer box, the sections under it
    (collapsed in the form), onward links, the recommendations and the references (keys, which
    the book renders as its bibliography does)."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {repr(lang)}")
    calc = _calc(result)
    if result.calculator == PLAN:
        answer, sections = _plan_view(result, lang)
    else:
        answer, sections = _answer_simple(result, lang), []
    sections.append({"id": "evidence", "title": _w("evidence", lang), "items": [], "references": list(result.references)})
    answer, sections = _plain(answer, lang), _plain(sections, lang)
    shown = widen if lang == "zh" else (lambda s: s)
    return {
        "calculator": result.calculator,
        "title": shown(_pick(calc.title, lang)),
        "lang": lang,
        "answer": answer,
        "sections": sections,
        "links": _links_for(result, lang),
        "recommendations": list(result.recommendations or calc.recommendations),
        "references": list(result.references),
        "inputs": [_relabel(i, shown) for i in inputs_of(result, lang)],
    }


def note(result: Result, lang: str = "en", url: str | None = None, date: str | None = None) -> str:
    """A plain-text summary for a clinical note: the calculator, the inputs with their units, the
    answer, the recommendation IDs, mmguide's version and date, and the page it came from."""
    from .version import __version__

    v = view(result, lang)
    a = v["answer"]
    date = date or datetime.date.today().isoformat()
    colon = ":" if lang == "zh" else ": "
    lines = [v["title"]]
    if v["inputs"]:
        lines.append(_w("inputs", lang) + colon.rstrip())
        lines += [f"- {i['label']}{colon}{i['value']}" for i in v["inputs"]]
    head = a["headline"] or ""
    if a.get("subheadline"):
        head += " " + a["subheadline"]
    if a.get("label"):
        head += f" ({a['label']})" if lang == "en" else f"({a['label']})"
    lines.append(_w("result", lang) + colon + head)
    for u in a["urgent"]:
        lines.append("! " + u["text"] + (f" {u['more']}" if u.get("more") else ""))
    lines += a["lines"]
    if a.get("inline"):
        lines.append(f"{a['inline']['label']}{colon}{a['inline']['value']}")
    if a["checklist"]:
        lines.append(a.get("checklist_title") or _w("before-first-dose", lang))
        lines += [f"[ ] {c['text']}" + (f" {c['more']}" if c.get("more") else "") for c in a["checklist"]]
    if v["recommendations"]:
        lines.append(_w("recommendations", lang) + colon + ", ".join(v["recommendations"]))
    lines.append(_w("computed-by", lang).format(version=__version__, date=date))
    if lang == "zh":
        lines = [widen(line) for line in lines]
    if url:
        lines.append(_w("source", lang) + colon + url)
    return "\n".join(line for line in lines if line) + "\n"


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


def respond(calculator_id: str, payload: str, lang: str = "en", url: str | None = None,
            date: str | None = None) -> str:
    """One call in, one JSON string out (the in-page form's only entry point)."""
    from .api import compute

    inputs = json.loads(payload)
    try:
        r = compute(calculator_id, **inputs)
    except InputError as e:
        partial = _urgent_despite(calculator_id, inputs, e, lang, url, date) if calculator_id == PLAN else None
        if partial is not None:
            return partial
        return _dumps({"ok": False, "field": e.field, "message": error_text(e, calculator_id, lang)})
    except MMGuideError as e:
        return _dumps({"ok": False, "field": None, "message": str(e)})
    return _dumps({"ok": True, "result": r.as_dict(), "view": view(r, lang), "note": note(r, lang, url, date)})


def _urgent_despite(calculator_id: str, inputs: dict, err: InputError, lang: str, url, date) -> str | None:
    """The plan's best answer while a field is still being typed or cannot be read: when the inputs without
    that field already decide an emergency (the "now" phase), it is shown at once, with the field's message
    first in the answer box and the field listed as still needed; otherwise None (the message alone)."""
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
            group = [k for k in ("crcl", "age", "weight", "sex") if k in rest]
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
    v["answer"]["lines"] = [m for _, m in fields] + v["answer"]["lines"]
    return _dumps({"ok": True, "partial": True, "field": fields[0][0], "message": fields[0][1],
                   "result": r.as_dict(), "view": v, "note": note(r, lang, url, date)})
