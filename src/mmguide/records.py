"""Metadata records: what a calculator takes, gives, rests on and has been checked against.

Pages, tables, forms and flowcharts are generated from these records, so every threshold a
reader sees is the one the code uses.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from importlib import resources
from typing import Any, Callable

from . import parse as P
from . import unit_table as T
from .errors import InputError
from .numbers import write_given

Text = dict  # {"en": str, "zh": str}

# How a yes/no input that accepts "unknown" may be answered with "unknown".
UNKNOWN_WORDS = ("unknown", "not known", "?", "不详", "未知")
YES_WORDS = ("true", "yes", "1", "是")
NO_WORDS = ("false", "no", "0", "否")
SEX_WORDS = {"female": "female", "f": "female", "女": "female", "女性": "female",
             "male": "male", "m": "male", "男": "male", "男性": "male"}
# The Chinese words of the choice inputs' code words (Input.choices), declared once for every input that
# offers them: a Chinese reader is shown the Chinese word, and may type it as well as the code word.
CHOICE_WORDS_ZH = {
    "none": "无", "previous": "既往", "active": "活动性", "unknown": "不详",
    "zoledronic-acid": "唑来膦酸", "denosumab": "地舒单抗", "pamidronate": "帕米膦酸",
    "vgpr-or-better": "非常好的部分缓解或更好", "less-than-vgpr": "未达非常好的部分缓解",
}


def text(en: str, zh: str) -> Text:
    return {"en": en, "zh": zh}


@dataclass(frozen=True)
class Input:
    """One input of a calculator.

    kind: "quantity" (an analyte with units), "boolean", "sex", "integer" or "choice".
    """

    name: str
    label: Text
    kind: str = "quantity"
    analyte: str | None = None
    units: tuple[str, ...] | None = None  # accepted units for a quantity (None: all the analyte's)
    required: bool = True
    default: Any = None  # none has one: an input left out is never an answer nobody gave (HZ-71)
    low: int | None = None  # integer kind: inclusive range
    high: int | None = None
    choices: tuple[str, ...] = ()
    range_source: str | None = None
    help: Text | None = None
    # boolean kind: the answer may be "unknown" (parsed to None). Such an input is never
    # silently "no": when it is not given it is unknown too, and the calculator must ask for it.
    unknown: bool = False

    @property
    def unit(self) -> str | None:
        if self.kind != "quantity":
            return None
        return self.accepted_units[0]

    @property
    def accepted_units(self) -> tuple[str, ...]:
        a = T.ANALYTES[self.analyte]
        return tuple(u.symbol for u in a.units if self.units is None or u.symbol in self.units)

    def plausible_range(self) -> str:
        if self.kind == "quantity":
            return T.range_text(self.analyte, self.units)
        if self.kind == "integer":
            return f"{self.low}–{self.high}"
        if self.kind == "boolean":
            return "yes / no / unknown" if self.unknown else "yes / no"
        if self.kind == "sex":
            return "female / male"
        return " / ".join(self.choices)

    def source_of_range(self) -> str:
        if self.range_source:
            return self.range_source
        if self.kind == "quantity":
            return T.ANALYTES[self.analyte].range_source
        return "Defined by the scale or criterion itself."

    def parse(self, raw):
        """Turn a caller's value into the calculator's internal form, or raise InputError."""
        n = self.name
        if isinstance(raw, str):
            P._check_length(raw, n)  # before any other work on it
        if self.kind == "quantity":
            return P.parse_quantity(n, raw, self.analyte, self.units)
        if self.kind == "boolean":
            if isinstance(raw, bool):
                return raw
            word = raw.strip().lower() if isinstance(raw, str) else None
            if word in YES_WORDS + NO_WORDS:
                return word in YES_WORDS
            if self.unknown and (raw is None or word in UNKNOWN_WORDS):
                return None
            if self.unknown:
                raise InputError(f"{n}: expected yes, no or unknown, got {P._short(raw)}.", n,
                                 zh=f"应为“是”“否”或“不详”,输入的是 {P._short(raw)}。")
            raise InputError(f"{n}: expected yes or no, got {P._short(raw)}.", n,
                             zh=f"应为“是”或“否”,输入的是 {P._short(raw)}。")
        if self.kind == "sex":
            if isinstance(raw, str) and raw.strip().lower() in SEX_WORDS:
                return SEX_WORDS[raw.strip().lower()]
            raise InputError(f"{n}: expected 'female' or 'male', got {P._short(raw)}.", n,
                             zh=f"应为“女”或“男”,输入的是 {P._short(raw)}。")
        if self.kind == "integer":
            whole = f"{n}: expected a whole number {self.low}–{self.high}, got "
            whole_zh = f"应为 {self.low}–{self.high} 的整数,输入的是 "
            if isinstance(raw, bool):
                raise InputError(whole + f"{repr(raw)}.", n, zh=whole_zh + f"{repr(raw)}。")
            try:
                v = P.to_fraction(raw, n)
            except InputError:
                raise InputError(whole + f"{P._short(raw)}.", n, zh=whole_zh + f"{P._short(raw)}。") from None
            if v.denominator != 1:
                raise InputError(whole + f"{write_given(v)}.", n, zh=whole_zh + f"{write_given(v)}。")
            if v < self.low or v > self.high:  # the exact value on the left of each comparison
                raise InputError(f"{n}: {write_given(v)} is outside the range {self.low}–{self.high}.", n,
                                 zh=f"{write_given(v)} 超出范围 {self.low}–{self.high}。")
            return int(v)
        if self.kind == "choice":
            if isinstance(raw, str):
                word = raw.strip()
                for c in self.choices:
                    if word == c or word == CHOICE_WORDS_ZH.get(c):
                        return c
            shown = "、".join("“" + CHOICE_WORDS_ZH.get(c, c) + "”" for c in self.choices)
            raise InputError(f"{n}: expected one of {', '.join(self.choices)}, got {P._short(raw)}.", n,
                             zh=f"应为以下之一:{shown},输入的是 {P._short(raw)}。")
        raise AssertionError(f"unknown input kind {self.kind}")  # pragma: no cover

    def as_dict(self) -> dict:
        d = {
            "name": self.name, "label": self.label, "kind": self.kind, "required": self.required,
            "default": self.default, "plausible_range": self.plausible_range(),
            "range_source": self.source_of_range(), "help": self.help,
        }
        if self.kind == "boolean":
            d["unknown"] = self.unknown
        if self.kind == "quantity":
            a = T.ANALYTES[self.analyte]
            d["unit"] = self.unit
            # a number typed without a unit may be refused (units.Analyte.ask_unit_when_bare, bare_also):
            # the form always sends the unit with the number
            d["unit_required"] = bool(a.ask_unit_when_bare or a.bare_also)
            d["units"] = [
                {"symbol": u.symbol, "low": float(u.low), "high": float(u.high)}
                for u in a.units if u.symbol in self.accepted_units
            ]
        if self.kind == "integer":
            d["low"], d["high"] = self.low, self.high
        if self.kind == "choice":
            d["choices"] = list(self.choices)
        return d


def yes_no(name: str, en: str, zh: str, help: Text | None = None, required: bool = True, default=None,
           unknown: bool = False) -> Input:
    """A yes/no input, the one helper that declares one (parsed by Input.parse: yes, no, and with *unknown*
    "unknown" too). With *unknown* the input is optional and its answer may be "unknown": not given is unknown
    too, never "no", and the calculator asks for it where it changes the answer."""
    if unknown:
        required, default = False, None
    return Input(name, text(en, zh), kind="boolean", required=required, default=default, unknown=unknown, help=help)


@dataclass(frozen=True)
class Band:
    """One interpretation band: the condition (built from the module's constants) and what it means."""

    condition: Text
    meaning: Text
    category: str | None = None


@dataclass(frozen=True)
class Category:
    """One category of a result. tone: how the form colours it, always beside its label: "ok" (the routine
    answer), "caution" (an answer that needs care: a reduced dose, an intermediate class), "stop" (do not
    give, act first) or "info" (a class without a judgement)."""

    id: str
    label: Text
    tone: str = "info"


@dataclass(frozen=True)
class Output:
    """What a calculator gives. places: the decimals a reader is shown (None: up to 4, trailing zeros
    dropped); edges: the limits the value is compared with, which a shown value never reaches or crosses
    by rounding (numbers.write); a result adds its own (Result.edges)."""

    label: Text
    unit: str | None = None
    categories: tuple[Category, ...] = ()
    places: int | None = None
    edges: tuple = ()


@dataclass(frozen=True)
class Link:
    """An onward link from a result to another calculator, with values carried over.

    carry: "inputs" (every input of this result, as given) or the name of the other calculator's input
    that receives this result's exact value with its unit. when_value: only when the result has a number."""

    calculator: str
    text: Text
    carry: str = "inputs"
    when_value: bool = False


@dataclass(frozen=True)
class Inline:
    """Another calculator's answer shown inside this one's answer box, computed (by id, through
    mmguide.api.compute) from this result's inputs as given: the Cockcroft–Gault page shows the zoledronic
    acid dose for its clearance."""

    calculator: str
    label: Text


@dataclass(frozen=True)
class View:
    """How a calculator's result is shown, declared on its record and read by mmguide.presentation (which
    knows no calculator by name).

    links: onward links (Link); inline: another calculator's answer in the answer box (Inline);
    list_labels: {item id: Text} for a result whose value is a list of findings; arrange: for an answer with
    more structure than a value and a sentence, a function (result, lang, calculator record, helpers) ->
    (answer, sections) that lives beside the calculator; states_clearance: the explanation itself states
    the clearance the answer was decided on, so a clearance computed from its inputs is not written twice;
    urgent_despite: while a field is still being typed or cannot be read, an emergency the other inputs
    already decide is shown at once (mmguide.presentation.respond)."""

    links: tuple = ()
    inline: Any = None
    list_labels: Any = None
    arrange: Any = None
    states_clearance: bool = False
    urgent_despite: bool = False


NO_VIEW = View()


@dataclass(frozen=True)
class Composes:
    """An input the reader may give, or leave to be computed from other inputs by another calculator
    (a creatinine clearance, or age, weight, creatinine and sex: mmguide.clearance). The calculator
    pages' forms read it: one set or the other is asked for.

    also_alone: those of *inputs* the calculator also uses on their own, so they are asked for whichever
        set the reader gives (the plan's creatinine: the acute dose, the renal holds).
    """

    input: str
    calculator: str
    inputs: tuple
    also_alone: tuple = ()


@dataclass(frozen=True)
class Calculator:
    id: str
    title: Text
    purpose: Text
    inputs: tuple[Input, ...]
    output: Output
    function: Callable[..., "Result"]
    references: tuple[str, ...]
    equation: str | None = None  # the named version, e.g. "CKD-EPI 2021 (race-free)"
    formula: str | None = None  # LaTeX
    bands: tuple[Band, ...] = ()
    recommendations: tuple[str, ...] = ()
    decisions: tuple[Text, ...] = ()  # choices the project made where the sources are silent
    when_to_use: Text | None = None
    flowchart: Any = None  # the decision tree (mmguide.decision.Tree) the function walks, if any
    view: Any = None  # how its result is shown (View); None: a value, its category and its explanation
    # inputs given or computed from others (Composes), read by the form
    composes: tuple = ()
    # how each quantity the calculator shows is written ({name: numbers.Scale}: decimals and the edges it is
    # compared with); the value itself follows Output.places and Output.edges
    numbers: dict = field(default_factory=dict)

    def input(self, name: str) -> Input:
        for i in self.inputs:
            if i.name == name:
                return i
        raise KeyError(name)

    @property
    def examples(self) -> list[dict]:
        """The published worked examples for this calculator (data file, with source and tolerance)."""
        return load_examples(self.id)

    def as_dict(self) -> dict:
        return {
            "id": self.id, "title": self.title, "purpose": self.purpose,
            "when_to_use": self.when_to_use, "equation": self.equation,
            "inputs": [i.as_dict() for i in self.inputs],
            "output": {
                "label": self.output.label, "unit": self.output.unit,
                "categories": [{"id": c.id, "label": c.label} for c in self.output.categories],
            },
            "formula": self.formula,
            "bands": [asdict(b) for b in self.bands],
            "references": list(self.references),
            "recommendations": list(self.recommendations),
            "decisions": list(self.decisions),
            "examples": self.examples,
        }


def load_examples(calculator_id: str) -> list[dict]:
    path = resources.files("mmguide") / "data" / "examples" / f"{calculator_id}.json"
    if not path.is_file():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["rows"]


_PLAIN_JSON = (str, int, float, bool, type(None))


def _jsonable(x):
    if type(x) in _PLAIN_JSON:  # most leaves: nothing to convert
        return x
    if isinstance(x, Fraction):
        return float(x)
    if isinstance(x, T.Quantity):
        return str(x)
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple, set, frozenset)):
        items = [_jsonable(v) for v in x]
        return sorted(items, key=str) if isinstance(x, (set, frozenset)) else items
    return x


@dataclass
class Result:
    """What a calculator returns.

    value: a number, a list (the events met, for myeloma-defining-events), or None where the
        answer is a category only.
    unit: the value's unit, or None.
    category: the band or class the answer falls in, or None.
    explanation: {"en": ..., "zh": ...}.
    references: bib keys of references.bib.
    details: anything else worth showing (intermediate values, what was not assessed …).
    """

    calculator: str
    value: float | list[str] | None
    unit: str | None
    category: str | None
    explanation: Text
    references: tuple[str, ...]
    details: dict = field(default_factory=dict)
    recommendations: tuple[str, ...] = ()
    inputs: dict = field(default_factory=dict)
    # the exact value (a Fraction) and the limits it was compared with in this result (a laboratory's own
    # limit, a rise threshold chosen by the baseline): the value is shown from these, never from the float
    exact: Any = None
    edges: tuple = ()

    def as_dict(self) -> dict:
        return _jsonable({
            "calculator": self.calculator, "value": self.value, "unit": self.unit,
            "category": self.category, "explanation": dict(self.explanation),
            "references": list(self.references), "recommendations": list(self.recommendations),
            "details": self.details, "inputs": self.inputs,
        })
