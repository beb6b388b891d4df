"""Simplified frailty scale (Facon 2020, Leukemia): age, Charlson comorbidity index, ECOG."""

from ..records import Band, Calculator, Category, Input, Output, Result, text
from .imwg_frailty import AGE_FORMULA, AGE_INPUT, CHARLSON_INPUT, age_points, completed_years

ID = "simplified-frailty"
REFERENCES = ("facon2020frailty",)

# Facon 2020 (facon2020frailty) scores age with the IMWG score's bands: ≤ 75 → 0; 76–80 → 1;
# > 80 → 2 (completed years); imwg_frailty.age_points holds them once.
# Charlson comorbidity index > 1 → 1 point.
CHARLSON_POINT_ABOVE = 1
# ECOG performance status: 0 → 0; 1 → 1; ≥ 2 → 2.
ECOG_TWO_POINTS_FROM = 2
ECOG_MAX = 4  # the ECOG scale runs 0–4 (5 is death)
# Total 0–1 non-frail; ≥ 2 frail.
FRAIL_FROM = 2


def simplified_frailty(age, charlson, ecog) -> Result:
    years = completed_years(age)
    items = {
        "age": age_points(age),
        "charlson": int(charlson > CHARLSON_POINT_ABOVE),
        "ecog": min(ecog, ECOG_TWO_POINTS_FROM),
    }
    score = sum(items.values())
    frail = score >= FRAIL_FROM
    cat = "frail" if frail else "non-frail"
    return Result(
        calculator=ID, value=score, unit="points", category=cat,
        explanation=text(
            f"Simplified frailty score {score} (age {items['age']}, Charlson {items['charlson']}, "
            f"ECOG {items['ecog']}): {'frail' if frail else 'non-frail'}.",
            f"简化衰弱评分 {score} 分(年龄 {items['age']},Charlson {items['charlson']},ECOG {items['ecog']}):"
            f"{'衰弱' if frail else '非衰弱'}。",
        ),
        references=REFERENCES, details={"points": items, "age_completed_years": years},
        recommendations=("TG-1", "TG-3"),
    )


CALCULATOR = Calculator(
    id=ID,
    title=text("Simplified frailty scale", "简化衰弱量表"),
    function=simplified_frailty,
    equation="Simplified frailty scale (Facon 2020)",
    purpose=text("Scores age, comorbidity and ECOG performance status into non-frail and frail.",
                 "根据年龄、合并症和 ECOG 体能状态计分,分为非衰弱和衰弱。"),
    when_to_use=text("At diagnosis in transplant-ineligible patients when ADL and IADL are not available.",
                     "不适合移植的患者诊断时,无法获得 ADL 和 IADL 评估时使用。"),
    inputs=(
        AGE_INPUT,
        CHARLSON_INPUT,
        Input("ecog", text("ECOG performance status", "ECOG 体能状态"), kind="integer", low=0, high=ECOG_MAX),
    ),
    output=Output(text("Simplified frailty score", "简化衰弱评分"), unit="points", categories=(
        Category("non-frail", text("Non-frail", "非衰弱"), "ok"),
        Category("frail", text("Frail", "衰弱"), "stop"),
    )),
    formula=(
        AGE_FORMULA + rf";\ \text{{CCI}} > {CHARLSON_POINT_ABOVE} \to 1;\ "
        rf"\text{{ECOG}}: 0 \to 0,\ 1 \to 1,\ \ge {ECOG_TWO_POINTS_FROM} \to 2"
    ),
    bands=(
        Band(text(f"0–{FRAIL_FROM - 1} points", f"0–{FRAIL_FROM - 1} 分"), text("Non-frail", "非衰弱"), "non-frail"),
        Band(text(f"≥ {FRAIL_FROM} points", f"≥ {FRAIL_FROM} 分"), text("Frail", "衰弱"), "frail"),
    ),
    references=REFERENCES,
    recommendations=("TG-1", "TG-3"),
    decisions=(
        text("Age is taken in completed years, as for the IMWG frailty score.", "年龄按足岁计算,与 IMWG 衰弱评分相同。"),
    ),
)
