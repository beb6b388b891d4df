"""IMWG frailty score (Palumbo 2015, Blood): age, Charlson comorbidity index, Katz ADL, Lawton IADL.

The 0–5 range and the three groups are verified; the per-item points are from memory ([M] in the
palumbo2015frailty) though they agree with that range. The record's decisions say so.
"""

from ..records import Band, Calculator, Category, Input, Output, Result, text

ID = "imwg-frailty"
REFERENCES = ("palumbo2015frailty",)

# Age points (palumbo2015frailty): ≤ 75 → 0; 76–80 → 1; > 80 → 2 (age in completed years).
AGE_ONE_POINT_FROM = 76
AGE_TWO_POINTS_FROM = 81
# Charlson comorbidity index ≥ 2 → 1 point [M].
CHARLSON_POINT_FROM = 2
# Katz ADL (0–6) ≤ 4 → 1 point [M].
ADL_POINT_AT_MOST = 4
# Lawton IADL (0–8) ≤ 5 → 1 point [M].
IADL_POINT_AT_MOST = 5
# Groups (verified, Palumbo 2015): 0 fit; 1 intermediate; ≥ 2 frail.
FRAIL_FROM = 2
THREE_YEAR_OS_PERCENT = {"fit": 84, "intermediate": 76, "frail": 57}

# Scale ranges (the scales' own definitions).
CHARLSON_MAX = 37  # validation limit: the sum of the Charlson weights stays well below this
ADL_MAX = 6
IADL_MAX = 8


def completed_years(age) -> int:
    """Age in completed years: 80.9 years is 80."""
    return int(age.value // 1)


# The age item as a formula fragment (shared with the simplified frailty scale, which uses the
# same age bands).
AGE_FORMULA = (
    rf"\text{{age}}: \le {AGE_ONE_POINT_FROM - 1} \to 0,\ {AGE_ONE_POINT_FROM}\text{{–}}{AGE_TWO_POINTS_FROM - 1}"
    rf" \to 1,\ > {AGE_TWO_POINTS_FROM - 1} \to 2"
)


def age_points(age) -> int:
    years = completed_years(age)
    return 2 if years >= AGE_TWO_POINTS_FROM else 1 if years >= AGE_ONE_POINT_FROM else 0


def group_for(score: int) -> str:
    return "frail" if score >= FRAIL_FROM else "intermediate" if score == 1 else "fit"


LABELS = {"fit": text("fit", "体能良好"), "intermediate": text("intermediate fitness", "中等"),
          "frail": text("frail", "衰弱")}


def imwg_frailty(age, charlson, adl, iadl) -> Result:
    items = {
        "age": age_points(age),
        "charlson": int(charlson >= CHARLSON_POINT_FROM),
        "adl": int(adl <= ADL_POINT_AT_MOST),
        "iadl": int(iadl <= IADL_POINT_AT_MOST),
    }
    score = sum(items.values())
    g = group_for(score)
    parts = f"age {items['age']}, Charlson {items['charlson']}, ADL {items['adl']}, IADL {items['iadl']}"
    parts_zh = f"年龄 {items['age']},Charlson {items['charlson']},ADL {items['adl']},IADL {items['iadl']}"
    return Result(
        calculator=ID, value=score, unit="points", category=g,
        explanation=text(
            f"IMWG frailty score {score} ({parts}): {LABELS[g]['en']}. Three-year overall survival in the "
            f"derivation cohort was {THREE_YEAR_OS_PERCENT[g]}%.",
            f"IMWG 衰弱评分 {score} 分({parts_zh}):{LABELS[g]['zh']}。建模队列 3 年总生存率为 {THREE_YEAR_OS_PERCENT[g]}%。",
        ),
        references=REFERENCES, details={"points": items, "age_completed_years": completed_years(age)},
        recommendations=("TG-1", "TG-3"),
    )


def _bands():
    os_ = THREE_YEAR_OS_PERCENT
    return (
        Band(text("0 points", "0 分"), text(f"Fit (3-year OS {os_['fit']}%)", f"体能良好(3 年总生存 {os_['fit']}%)"), "fit"),
        Band(text("1 point", "1 分"),
             text(f"Intermediate fitness (3-year OS {os_['intermediate']}%)", f"中等(3 年总生存 {os_['intermediate']}%)"),
             "intermediate"),
        Band(text(f"≥ {FRAIL_FROM} points", f"≥ {FRAIL_FROM} 分"),
             text(f"Frail (3-year OS {os_['frail']}%)", f"衰弱(3 年总生存 {os_['frail']}%)"), "frail"),
    )


AGE_INPUT = Input("age", text("Age", "年龄"), analyte="age",
                  help=text("Taken in completed years.", "按足岁计算。"))
CHARLSON_INPUT = Input("charlson", text("Charlson comorbidity index", "Charlson 合并症指数"), kind="integer",
                       low=0, high=CHARLSON_MAX,
                       range_source="Validation limit chosen by the project: the index is a sum of condition "
                                    "weights and cannot plausibly exceed this.")

CALCULATOR = Calculator(
    id=ID,
    title=text("IMWG frailty score", "IMWG 衰弱评分"),
    function=imwg_frailty,
    equation="IMWG frailty score (Palumbo 2015)",
    purpose=text(
        "Scores age, comorbidity and daily functioning into fit, intermediate and frail groups.",
        "根据年龄、合并症和日常生活能力计分,分为体能良好、中等和衰弱三组。",
    ),
    when_to_use=text("At diagnosis in older patients, to set treatment intensity.",
                     "老年患者诊断时,用于确定治疗强度。"),
    inputs=(
        AGE_INPUT,
        CHARLSON_INPUT,
        Input("adl", text("Katz activities of daily living (ADL)", "Katz 日常生活活动能力(ADL)"), kind="integer",
              low=0, high=ADL_MAX,
              help=text(f"Number of activities done independently, 0–{ADL_MAX}: higher is more independent "
                        f"({ADL_MAX} = fully independent).",
                        f"能独立完成的活动项数,0–{ADL_MAX}:分数越高越独立({ADL_MAX} 分 = 完全独立)。")),
        Input("iadl", text("Lawton instrumental activities of daily living (IADL)", "Lawton 工具性日常生活活动能力(IADL)"),
              kind="integer", low=0, high=IADL_MAX,
              help=text(f"Number of instrumental activities done independently, 0–{IADL_MAX}: higher is more "
                        f"independent ({IADL_MAX} = fully independent).",
                        f"能独立完成的工具性活动项数,0–{IADL_MAX}:分数越高越独立({IADL_MAX} 分 = 完全独立)。")),
    ),
    output=Output(text("IMWG frailty score", "IMWG 衰弱评分"), unit="points", categories=(
        Category("fit", text("Fit", "体能良好"), "ok"),
        Category("intermediate", text("Intermediate fitness", "中等"), "caution"),
        Category("frail", text("Frail", "衰弱"), "stop"),
    )),
    formula=(
        AGE_FORMULA + rf";\ \text{{CCI}} \ge {CHARLSON_POINT_FROM} \to 1;\ "
        rf"\text{{ADL}} \le {ADL_POINT_AT_MOST} \to 1;\ \text{{IADL}} \le {IADL_POINT_AT_MOST} \to 1"
    ),
    bands=_bands(),
    references=REFERENCES,
    recommendations=("TG-1", "TG-3"),
    decisions=(
        text(
            "The per-item points (age, Charlson, ADL, IADL cut-offs) are from memory and unverified ([M] in the fact "
            "sheet); only the 0–5 range, the groups and their survival are verified against Palumbo 2015.",
            "各条目的计分(年龄、Charlson、ADL、IADL 界值)来自记忆,尚未核实(事实表中标为 [M]);仅 0–5 分的范围、分组及其生存数据已对照 "
            "Palumbo 2015 核实。",
        ),
        text(
            f"Age is taken in completed years, so {AGE_ONE_POINT_FROM - 1}.9 years scores as "
            f"{AGE_ONE_POINT_FROM - 1} (0 points) and {AGE_TWO_POINTS_FROM - 1}.9 as {AGE_TWO_POINTS_FROM - 1} (1 point).",
            f"年龄按足岁计算,{AGE_ONE_POINT_FROM - 1}.9 岁按 {AGE_ONE_POINT_FROM - 1} 岁(0 分),"
            f"{AGE_TWO_POINTS_FROM - 1}.9 岁按 {AGE_TWO_POINTS_FROM - 1} 岁(1 分)计。",
        ),
    ),
)
