"""Interface strings of the generated parts of pages, in English and Chinese.

Clinical text (titles, labels, explanations, flowchart labels) comes from the package's own
English/Chinese records; this table holds only the headings the extension adds.
"""

from __future__ import annotations

ZH = {
    "Source": "来源",
    "Tools": "工具",
    "Recommendation": "推荐意见",
    "Purpose": "用途",
    "When to use": "适用场景",
    "Inputs": "输入项",
    "Input": "输入项",
    "Unit": "单位",
    "Plausible range": "合理范围",
    "Source of the range": "范围依据",
    "Formula": "公式",
    "Equation": "方程版本",
    "Interpretation": "结果解读",
    "Condition": "条件",
    "Meaning": "含义",
    "Decisions where the sources are silent": "文献未明确之处的处理",
    "Verified examples": "已验证示例",
    "Expected (source)": "预期值(文献)",
    "mmguide gives": "mmguide 计算值",
    "Agrees": "一致",
    "Recommendations served": "对应推荐意见",
    "References": "参考文献",
    "Flowchart": "流程图",
    "Output": "输出",
    "Calculator": "计算器",
    "Try it": "在线计算",
    "yes": "是",
    "no": "否",
    "female": "女",
    "male": "男",
    "Tolerance": "容差",
    "These examples are run through mmguide on every build; a disagreement fails the build.":
        "每次构建时均用 mmguide 重新计算这些示例;任何不一致都会导致构建失败。",
    "Open the flowchart": "查看流程图",
}


def lang(env) -> str:
    return "zh" if (env.config.language or "en").startswith("zh") else "en"


def _t(env, s: str) -> str:
    return ZH.get(s, s) if lang(env) == "zh" else s


def pick(env, text: dict | None) -> str:
    if not text:
        return ""
    return text.get(lang(env)) or text.get("en", "")
