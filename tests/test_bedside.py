"""The calculator forms at the bedside, in Debian's Chromium, on the built site (both editions).

- Contrast in every theme: axe runs on *computed* results (each calculator's first published
  example, and the plan for four patients), in light and dark mode, at 375 and 1280 px; the
  theme's "system" mode with a dark system setting resolves to the same dark colours.
- The answer as the package gives it: urgent items first and in the package's order, what is
  still needed listed under them.
- Phones: an answer that appears below the fold gets a compact bar (headline and tone) that scrolls
  to it; screen readers hear each answer once, not at every keystroke.
- One patient, one link: the address follows the inputs (replaceState: no reload, no history
  entries), "Copy link" and the note carry it, a copied link opens the same answer, Reset clears
  fields, answer and address; Copy confirms on the first tap with the last field focused.
- The reader's units: the Chinese edition's creatinine menu starts on µmol/L, the English on mg/dL.

One browser for the whole module; each page is loaded once and its colour mode and width are
switched in place. The form is waited for until it has settled (tests/form_settle.py), and axe-core is
loaded by URL from a server of its own so Chromium compiles it once. Screenshots of the plan for the four patients (375 px, light and dark, both
editions) go to ``_build/screenshots/bedside/`` for a person to look at.
"""

from __future__ import annotations

import pathlib
import re
import urllib.parse

import pytest

import mmguide

from browser import chromium, serve
from form_settle import SETTLE_SCRIPT, wait_settled

pytestmark = [pytest.mark.build, pytest.mark.browser]

ROOT = pathlib.Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "_build" / "screenshots" / "bedside"
EDITIONS = ("en", "zh_CN")
TIMEOUT_MS = 90_000
PLAN = "bone-protection-plan"
# the four patients of the bedside trial (facts.md §12-13 give the published edges these sit beyond)
PATIENTS = {
    "typical": {"active_mm": "yes", "age": "68", "weight": "72 kg", "creatinine": "1.0 mg/dL", "sex": "male",
                "corrected_calcium": "2.3 mmol/L", "dental_exam_done": "yes"},
    "severe-renal": {"active_mm": "yes", "crcl": "20", "corrected_calcium": "2.3 mmol/L"},
    "hypercalcaemia": {"active_mm": "yes", "age": "70", "weight": "70 kg", "creatinine": "1.2 mg/dL",
                       "sex": "female", "corrected_calcium": "3.2 mmol/L"},
    "hypocalcaemia": {"active_mm": "yes", "age": "70", "weight": "70 kg", "creatinine": "1.0 mg/dL",
                      "sex": "female", "corrected_calcium": "1.8 mmol/L"},
}


def _param(v) -> str:
    if v is True:
        return "yes"
    if v is False:
        return "no"
    if v is None:
        return "unknown"
    return str(v)


def example_query(calc) -> str:
    return urllib.parse.urlencode({k: _param(v) for k, v in calc.examples[0]["inputs"].items()})


@pytest.fixture(scope="module")
def base_url(site_root):
    with serve(site_root) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def axe_url():
    """axe-core served on 127.0.0.1 and loaded by URL: Chromium keeps the compiled script of a
    fetched file for the next page of the same context, which it cannot do for inline text."""
    if not AXE.exists():
        pytest.fail("node_modules/axe-core missing: run `bash tools/setup-node.sh`", pytrace=False)
    with serve(AXE.parent) as base:
        yield f"{base}/{AXE.name}"


def new_context(browser, **options):
    """A context whose pages record when the form settles (tests/form_settle.py)."""
    ctx = browser.new_context(**options)
    ctx.set_default_timeout(TIMEOUT_MS)
    ctx.add_init_script(SETTLE_SCRIPT)
    return ctx


def url(base, edition, calc_id, query=""):
    return f"{base}/{edition}/docs/calculators/{calc_id}.html" + (f"?{query}" if query else "")


def wait_result(page, calc_id):
    form = page.locator(f"[data-mmguide-form='{calc_id}']")
    page.wait_for_function("el => ['result', 'error', 'incomplete'].includes(el.getAttribute('data-state'))",
                           arg=form.element_handle(), timeout=TIMEOUT_MS)
    wait_settled(page, TIMEOUT_MS)  # the debounced call after the last change has answered
    page.wait_for_function("el => ['result', 'error', 'incomplete'].includes(el.getAttribute('data-state'))",
                           arg=form.element_handle(), timeout=TIMEOUT_MS)
    return form


def set_mode(page, mode):
    """The theme's colour mode, switched in place as its own button does (data-theme on <html>)."""
    page.evaluate("""m => { document.documentElement.dataset.mode = m; document.documentElement.dataset.theme = m;
                            return new Promise(r => requestAnimationFrame(() => r())); }""", mode)  # drawn in it


NO_MOTION = "*,*::before,*::after{transition:none!important;animation:none!important}"


def axe_form(page, calc_id, axe_url):
    page.add_style_tag(content=NO_MOTION)
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(url=axe_url)
    found = page.evaluate(
        """async (sel) => {
            const form = document.querySelector(sel);
            document.querySelectorAll(sel + ' details').forEach(d => d.open = true);
            const r = await axe.run(form, {resultTypes: ['violations']});
            return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => v.id + ': ' + v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' :: ' +
                   (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 160)).join(' | '));
        }""", f"[data-mmguide-form='{calc_id}']")
    page.evaluate("sel => document.querySelectorAll(sel + ' details').forEach(d => d.open = false)",
                  f"[data-mmguide-form='{calc_id}']")
    return found


@pytest.fixture(scope="module")
def computed(browser, base_url, axe_url):
    """Every calculator's first example and the plan's four patients, computed, checked by axe in
    light and dark mode at both widths; screenshots of the plan's patients at 375 px.

    One context and one page for all of them (each case opened afresh with its inputs in the address),
    so axe-core is fetched and compiled once."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    cases = [(c.id, c.id, example_query(c)) for c in mmguide.calculators()]
    cases += [(PLAN, f"{PLAN}-{name}", urllib.parse.urlencode(p)) for name, p in PATIENTS.items()]
    out = {}
    ctx = new_context(browser, viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    for edition in EDITIONS:
        for calc_id, name, query in cases:
            page.set_viewport_size({"width": 1280, "height": 900})
            page.goto(url(base_url, edition, calc_id, query))
            form = wait_result(page, calc_id)
            # the form writes back what it sent (in its own order and with units): the case's inputs, no other
            sent = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
            assert sent.keys() == urllib.parse.parse_qs(query).keys(), (name, page.url)
            state = form.get_attribute("data-state")
            page.add_style_tag(content=NO_MOTION)  # the colour modes switch without a transition
            found = {}
            for width in (1280, 375):
                page.set_viewport_size({"width": width, "height": 900})
                for mode in ("light", "dark"):
                    set_mode(page, mode)
                    found[(width, mode)] = axe_form(page, calc_id, axe_url)
                    if calc_id == PLAN and width == 375 and name != PLAN:
                        # the answer itself: the sticky header and the phone's bar kept out of the picture
                        style = page.add_style_tag(content=".bd-header, .bd-header-article, .skip-link, .mmguide-peek"
                                                   "{position: static !important; display: none !important}")
                        form.locator("[data-mmguide-result]").screenshot(
                            path=str(SHOTS / f"{edition}-{name}-375-{mode}.png"))
                        style.evaluate("s => s.remove()")
            out[(edition, name)] = {"state": state, "axe": found,
                                    "urgent": form.locator(".mmguide-urgent li").count()}
    ctx.close()
    return out


def test_every_computed_result_passes_axe_in_light_and_dark_at_both_widths(computed):
    bad = {f"{e}/{n} @{w} {m}": v for (e, n), r in computed.items() for (w, m), v in r["axe"].items() if v}
    assert not bad, "axe on computed results:\n" + "\n".join(f"{k}: {v}" for k, v in bad.items())


def test_every_example_and_patient_was_computed(computed):
    """The axe run above saw answers, not empty forms."""
    missing = {k: r["state"] for k, r in computed.items() if r["state"] != "result"}
    assert not missing, missing
    for edition in EDITIONS:  # urgent boxes were among those checked
        assert computed[(edition, f"{PLAN}-hypercalcaemia")]["urgent"] >= 1
        assert computed[(edition, f"{PLAN}-hypocalcaemia")]["urgent"] >= 1


@pytest.mark.parametrize("edition", EDITIONS)
def test_system_dark_mode_gives_the_dark_colours(browser, base_url, axe_url, edition):
    """The theme's "system" mode on a dark system: the urgent box is dark with light text."""
    ctx = new_context(browser, viewport={"width": 375, "height": 900}, color_scheme="dark")
    try:
        page = ctx.new_page()
        page.goto(url(base_url, edition, PLAN))
        page.evaluate("localStorage.setItem('mode', 'auto')")
        page.goto(url(base_url, edition, PLAN, urllib.parse.urlencode(PATIENTS["hypercalcaemia"])))
        form = wait_result(page, PLAN)
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        colours = page.evaluate("""() => {
            const u = document.querySelector('.mmguide-urgent');
            const s = getComputedStyle(u);
            return [s.backgroundColor, s.color];
        }""")
        assert colours[0] != "rgb(255, 255, 255)", colours
        assert axe_form(page, PLAN, axe_url) == []
        assert form.locator(".mmguide-urgent li").count() >= 1
    finally:
        ctx.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_urgent_items_come_first_in_the_packages_order_with_what_is_still_needed(browser, base_url, edition):
    """The form draws what the package answers, in its order: a synthetic answer with two urgent
    items and two inputs still needed is drawn urgent first, then the needed inputs by their labels."""
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        page.goto(url(base_url, edition, PLAN))
        page.wait_for_function("() => window.mmguideForms && window.mmguideForms.forms.length")
        drawn = page.evaluate("""() => {
            const f = window.mmguideForms.forms[0];
            f.render({ok: true, result: {value: null}, note: "",
                      view: {answer: {tone: "stop", headline: "H", label: "L", lines: [],
                                      urgent: [{id: "second-danger", text: "B"}, {id: "first-danger", text: "A"}],
                                      needed: ["age", "weight"], checklist: []},
                             links: [], recommendations: [], sections: []}});
            const box = document.querySelector('.mmguide-answer');
            return {first: box.firstElementChild.className,
                    order: [...box.querySelectorAll('.mmguide-urgent li')].map(li => li.dataset.action),
                    needed: box.querySelector('.mmguide-needed').textContent,
                    neededAfterUrgent: box.querySelector('.mmguide-urgent').compareDocumentPosition(
                        box.querySelector('.mmguide-needed')) === Node.DOCUMENT_POSITION_FOLLOWING};
        }""")
        assert drawn["first"] == "mmguide-urgent"
        assert drawn["order"] == ["second-danger", "first-danger"]
        assert drawn["neededAfterUrgent"]
        labels = {i["name"]: i["label"]["zh" if edition == "zh_CN" else "en"]
                  for i in mmguide.api.calculator(PLAN).as_dict()["inputs"]}
        if edition == "zh_CN":  # as the Chinese edition writes them, with full-width punctuation
            from mmguide.presentation import widen

            labels = {k: widen(v) for k, v in labels.items()}
        assert labels["age"] in drawn["needed"] and labels["weight"] in drawn["needed"], drawn["needed"]
    finally:
        ctx.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_phone_gets_a_bar_to_an_answer_below_the_fold_and_hears_it_once(browser, base_url, axe_url, edition):
    ctx = new_context(browser, viewport={"width": 375, "height": 740}, has_touch=True)
    try:
        page = ctx.new_page()
        p = dict(PATIENTS["hypercalcaemia"])
        calcium = p.pop("corrected_calcium")
        page.goto(url(base_url, edition, PLAN, urllib.parse.urlencode(p)))
        wait_result(page, PLAN)
        # screen readers: no live region around the whole answer, one polite summary region
        assert page.locator("[data-mmguide-result][aria-live]").count() == 0
        assert page.locator("[data-mmguide-announce][aria-live=polite]").count() == 1
        page.evaluate("""() => { window.said = []; const a = document.querySelector('[data-mmguide-announce]');
            new MutationObserver(() => window.said.push(a.textContent)).observe(a, {childList: true, characterData: true, subtree: true}); }""")
        field = page.locator(f"#mmguide-{PLAN}-corrected_calcium")
        field.scroll_into_view_if_needed()
        field.fill("")
        field.press_sequentially(calcium.split()[0], delay=120)
        page.wait_for_function("() => document.querySelector('.mmguide-answer .mmguide-urgent')")
        wait_settled(page, TIMEOUT_MS)  # the reader has paused: the debounced call has answered
        said = [s for s in page.evaluate("window.said") if s]
        assert len(said) == 1, said  # once, when the reader paused
        box = page.locator(".mmguide-answer")
        assert box.get_attribute("data-summary") in said[0]
        below = page.evaluate("() => document.querySelector('.mmguide-answer').getBoundingClientRect().top > innerHeight")
        peek = page.locator(".mmguide-peek")
        assert below, "the plan's answer is below the calcium field on a phone"
        if below:
            assert peek.is_visible()
            assert peek.get_attribute("data-tone") == box.get_attribute("data-tone")
            assert box.locator(".mmguide-value").inner_text() in peek.inner_text()
            assert axe_form(page, PLAN, axe_url) == []
            peek.click()
            in_view = ("() => { const r = document.querySelector('.mmguide-answer').getBoundingClientRect();"
                       " return r.top >= -1 && r.top < innerHeight; }")
            try:  # the smooth scroll to the answer
                page.wait_for_function(in_view, timeout=5_000)
            except Exception:  # noqa: BLE001 - the assertion below says what failed
                pass
            assert not peek.is_visible()
            assert page.evaluate(in_view)
    finally:
        ctx.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_one_patient_one_link_copy_and_reset(browser, base_url, edition):
    ctx = new_context(browser, viewport={"width": 1280, "height": 900})
    ctx.grant_permissions(["clipboard-read", "clipboard-write"])
    calc = "crcl-cockcroft-gault"
    try:
        page = ctx.new_page()
        page.goto(url(base_url, edition, calc))
        page.wait_for_function("() => window.mmguideForms && window.mmguideForms.timing.ready !== null")
        history = page.evaluate("history.length")
        page.fill(f"#mmguide-{calc}-age", "80")
        page.fill(f"#mmguide-{calc}-weight", "72")
        page.select_option(f"#mmguide-{calc}-sex", "male")
        page.select_option(f"#mmguide-{calc}-creatinine-unit", "mg/dL")
        last = page.locator(f"#mmguide-{calc}-creatinine")
        last.focus()
        last.press_sequentially("1.0", delay=80)
        page.wait_for_function("() => document.querySelector('.mmguide-answer .mmguide-value')")
        wait_settled(page, TIMEOUT_MS)  # the answer to the whole value typed
        summary = page.locator(".mmguide-answer").get_attribute("data-summary")
        # the address carries the inputs, without a reload or a history entry per keystroke
        q = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
        assert q["age"] == ["80"] and q["sex"] == ["male"] and q["creatinine"] == ["1.0 mg/dL"], q
        assert page.evaluate("history.length") == history
        # Copy with the last field still focused: the first tap confirms (the answer is not redrawn)
        assert page.evaluate("document.activeElement.id") == f"mmguide-{calc}-creatinine"
        page.locator("button.mmguide-copy[data-copy=note]").click()
        wait_settled(page, TIMEOUT_MS)  # the blur's change event and its debounced calculation
        status = page.locator(".mmguide-copy-status").inner_text()
        assert status.startswith("已复制" if edition == "zh_CN" else "Copied"), status
        note = page.evaluate("navigator.clipboard.readText()")
        assert page.url in note, (page.url, note)
        page.locator("button.mmguide-copy-link").click()
        page.wait_for_timeout(300)
        link = page.evaluate("navigator.clipboard.readText()")
        assert link == page.url
        # the link opens the same calculation
        other = ctx.new_page()
        other.goto(link)
        wait_result(other, calc)
        assert other.locator(".mmguide-answer").get_attribute("data-summary") == summary
        other.close()
        # Reset: fields, answer and address cleared
        page.locator("button.mmguide-reset").click()
        page.wait_for_timeout(300)
        assert urllib.parse.urlsplit(page.url).query == ""
        assert page.locator(".mmguide-answer").count() == 0
        assert page.input_value(f"#mmguide-{calc}-age") == "" and page.input_value(f"#mmguide-{calc}-creatinine") == ""
        assert page.evaluate("history.length") == history
    finally:
        ctx.close()


@pytest.mark.parametrize("edition,unit", [("en", "mg/dL"), ("zh_CN", "µmol/L")])
def test_each_edition_starts_on_its_laboratories_creatinine_unit(browser, base_url, edition, unit):
    """Chinese laboratories report creatinine in µmol/L: "124" is read so, the menu stays visible."""
    ctx = new_context(browser)
    calc = "crcl-cockcroft-gault"
    try:
        page = ctx.new_page()
        page.goto(url(base_url, edition, calc))
        menu = page.locator(f"#mmguide-{calc}-creatinine-unit")
        assert menu.is_visible() and menu.input_value() == unit
        assert sorted(page.eval_on_selector_all(f"#mmguide-{calc}-creatinine-unit option", "os => os.map(o => o.value)")) \
            == sorted(["mg/dL", "µmol/L"])
        if edition == "zh_CN":
            page.fill(f"#mmguide-{calc}-age", "80")
            page.fill(f"#mmguide-{calc}-weight", "72")
            page.select_option(f"#mmguide-{calc}-sex", "male")
            page.fill(f"#mmguide-{calc}-creatinine", "88.4")  # 1.0 mg/dL
            form = wait_result(page, calc)
            assert form.get_attribute("data-state") == "result", form.inner_text()[:400]
            # Cockcroft–Gault, 80 years, 72 kg, male, creatinine 1.0 mg/dL: (140-80)*72/(72*1.0) = 60 mL/min
            assert float(form.locator(".mmguide-value").get_attribute("data-value")) == 60.0
    finally:
        ctx.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_link_reads_the_same_in_both_editions(browser, base_url, edition):
    """A link's creatinine keeps its unit; a bare number is the calculator's own unit (mg/dL), not
    the edition's menu default, so one link is one patient in either edition."""
    ctx = new_context(browser)
    calc = "crcl-cockcroft-gault"
    try:
        page = ctx.new_page()
        for given, number, unit in (("88.4 µmol/L", "88.4", "µmol/L"), ("1.0", "1.0", "mg/dL")):
            q = urllib.parse.urlencode({"age": "80", "weight": "72 kg", "sex": "male", "creatinine": given})
            page.goto(url(base_url, edition, calc, q))
            form = wait_result(page, calc)
            assert page.input_value(f"#mmguide-{calc}-creatinine") == number
            assert page.input_value(f"#mmguide-{calc}-creatinine-unit") == unit
            # Cockcroft–Gault, 80 years, 72 kg, male, creatinine 1.0 mg/dL (88.4 µmol/L): 60 mL/min
            assert float(form.locator(".mmguide-value").get_attribute("data-value")) == 60.0
    finally:
        ctx.close()


def test_the_editions_units_are_configuration_not_script():
    script = (ROOT / "docs" / "_static" / "mmguide-form.js").read_text(encoding="utf-8")
    assert not re.search(r"µmol|umol", script)
    assert "mmguide_units" in (ROOT / "conf.py").read_text(encoding="utf-8")
