"""How the bone protection plan's answer is arranged for a reader: what to do first (urgent), the
maintenance agent with its dose, the checklist before its first dose, and the sections under the answer
box (why, maintenance, monitoring, other agents).

Declared on the plan's record (``View(arrange=...)``) and called by mmguide.presentation, which knows no
calculator by name. It arranges what the plan returned; it decides nothing clinical.
"""

from __future__ import annotations

from ..errors import MMGuideError
from ..records import text

# The plan's "now" phase is shown first and whole, above the maintenance agent, in the order of
# danger the plan gives it; a hypocalcaemia that holds the first dose follows it (its first sentence,
# the rest one tap away).
NOW_PHASE = "now"
URGENT_ACTIONS = ("hypercalcaemia", "correct-hypocalcaemia")

# The words of the plan's answer box and sections (clinical words come from the plan's result and record).
WORDS = {
    "why": text("Why", "依据"),
    "monitoring": text("Monitoring and duration", "监测与疗程"),
    "other-agents": text("Other agents", "其他药物"),
    "before-first-maintenance-dose": text("Before the first maintenance dose", "维持治疗首剂前"),
    "maintenance": text("Maintenance", "维持治疗"),
    "still-needed": text("Still needed: ", "尚需填写:"),
    "maintenance-later": text("Maintenance, not today: ", "维持治疗(不在今日):"),
    "title-severe-hypo": text("Severe hypocalcaemia: treat now", "重度低钙血症:立即处理"),
    "title-hcm": text("Hypercalcaemia of malignancy: treat now", "恶性肿瘤相关高钙血症:立即处理"),
    "title-symptoms": text("Symptoms of hypocalcaemia: calcium now", "低钙血症症状:立即查血钙"),
    "agent-waits": text("Agent and dose: give the creatinine clearance (or age, weight, creatinine and sex)",
                        "药物及剂量:请提供肌酐清除率(或年龄、体重、肌酐和性别)"),
    "not-suitable": text("not suitable", "不适用"),
    "alternative": text("alternative", "备选"),
}


def arrange(result, lang: str, calc, kit, urgent_first: str, start_now: str, later_starts) -> tuple[dict, list[dict]]:
    """The plan's answer box and sections (see the module's docstring). *calc* is the plan's record,
    *kit* presentation's helpers: ``pick(text, lang)``, ``first_sentence(text)``, ``category_label(result,
    lang)``, ``tone(result)`` and ``clearance_line(result, lang)`` (the clearance computed for this answer,
    or None). The plan's own codes are given by the plan (this module imports nothing of it): *urgent_first*
    and *start_now* its categories, *later_starts* the timings of a maintenance agent that starts later."""

    _pick, first_sentence, _category_label = kit.pick, kit.first_sentence, kit.category_label

    def _w(key: str, lang: str) -> str:
        return WORDS[key][lang]

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
        labels = []
        for n in needed:
            try:
                labels.append(_pick(calc.input(n).label, lang))
            except (KeyError, MMGuideError):
                labels.append(n)
        lines.append(_w("still-needed", lang) + ("; " if lang == "en" else ";").join(labels))
    clearance = kit.clearance_line(result, lang)
    if clearance:
        lines.append(clearance)
    if result.details.get("severe_renal_impairment") and fav is not None:
        node = {n.id: n for n in calc.flowchart.nodes}.get("denosumab-only")
        if node is not None:
            lines.append(_pick(node.label, lang))
    timing = start.get("timing")
    if fav is not None:
        headline = _pick(fav["name"], lang)
        sub = _pick(fav.get("dose"), lang)
        if result.category == urgent_first:  # the emergency is the headline; the agent is maintenance, later
            sub = (_w("maintenance-later", lang) + headline + (" " + sub if sub else ""))
            headline = _emergency_title(result, lang)
            lines.insert(0, _pick(start.get("when"), lang))
        elif timing in later_starts or timing == "hold-calcium":  # labelled as maintenance, with its start
            headline = _w("maintenance", lang) + (": " if lang == "en" else ":") + headline
            lines.insert(0, _pick(start.get("when"), lang))
    elif result.category == urgent_first:
        headline = _emergency_title(result, lang)
        sub = None
        lines += [_pick(a["text"], lang) for a in by_phase.get("maintenance", [])
                  if a["id"] in ("not-indicated", "ask-active")]
    elif result.details.get("decision") == start_now:  # indicated, but the agent waits for the clearance
        headline = _category_label(result, lang)
        sub = _w("agent-waits", lang)
    else:  # not indicated / not known: the answer is the sentence
        headline = _category_label(result, lang)
        sub = None
        lines += [_pick(a["text"], lang) for a in by_phase.get("maintenance", [])
                  if a["id"] in ("not-indicated", "ask-active")] or [_pick(result.explanation, lang)]
    answer = {"headline": headline, "subheadline": sub, "label": _category_label(result, lang) if fav else None,
              "category": result.category, "tone": kit.tone(result),
              "lines": lines, "urgent": urgent, "checklist": checklist,
              "checklist_title": _w("before-first-maintenance-dose", lang)}

    # Why: the path taken through the decision tree, each step with its recommendations
    nodes = {n.id: n for n in calc.flowchart.nodes}
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
        zh = lang == "zh"  # the Chinese edition's punctuation: （） and ：
        head = f"{_pick(a['name'], lang)}（{flag}）" if zh else f"{_pick(a['name'], lang)} ({flag})"
        if a.get("suitable") and a.get("dose"):
            head += ("：" if zh else ": ") + _pick(a["dose"], lang)
        others.append({"text": head, "recommendations": [a["recommendation"]] if a.get("recommendation") else [],
                       "details": [_pick(r, lang) for r in a.get("reasons", [])], "agent": a["agent"],
                       "suitable": bool(a.get("suitable"))})
    if others:
        sections.append({"id": "other-agents", "title": _w("other-agents", lang), "items": others})
    return answer, sections


def _emergency_title(result, lang: str) -> str:
    """The headline of an answer whose now phase is an emergency: the emergency, not the maintenance agent."""
    d = result.details
    if d.get("severe_hypocalcaemia"):
        return WORDS["title-severe-hypo"][lang]
    if d.get("hypercalcaemia_of_malignancy"):
        return WORDS["title-hcm"][lang]
    return WORDS["title-symptoms"][lang]
