"""The extension's interface strings in Chinese, in one place.

Clinical text (calculator titles, labels, explanations, flowchart labels) comes from the package's
own ``{"en", "zh"}`` records and the pages from their gettext catalogues; this module holds only the
words the extension itself adds to pages (headings of generated pages, the form, badges, the
footer, print parts, flowchart controls, accessible names). English is the key; a table per
context (as gettext's msgctxt) keeps apart an English word that two parts of the book translate
differently ("Calculator": 计算器 in headings, 在线计算 above the form). :func:`translate`
looks in the context's table, then in the general one.
"""

from __future__ import annotations

GENERAL = {
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
    ("Each expected value comes from the cited publication, as checked in the project's clinical fact sheet (facts.md; the source column names its section). The examples are run through mmguide on every build; a disagreement fails the build."):
        '每个预期值均来自所引用的文献，并经本项目临床事实核对表（facts.md，“来源”列注明其章节）核实。每次构建时均用 mmguide 重新计算这些示例；任何不一致都会导致构建失败。',
    "Open the flowchart": "查看流程图",
    # equation versions (the package's `equation` field is a name, kept in English there)
    "CKD-EPI 2021 creatinine (race-free)": "CKD-EPI 2021 肌酐方程（不含种族系数）",
    "Albumin correction (Payne 1973; Zometa label form)": "白蛋白校正（Payne 1973；Zometa 说明书形式）",
    "Zometa label renal dose table": "Zometa 说明书肾功能剂量表",
    "Zometa label §2 renal deterioration rule": "Zometa 说明书第 2 节肾功能恶化规则",
    "mmguide bone-protection decision tree (interview; IMWG 2021; Zometa, Xgeva and pamidronate labels)":
        "mmguide 骨保护决策树（专家访谈；IMWG 2021；Zometa、Xgeva 及帕米膦酸说明书）",
    "IMWG 2014 updated diagnostic criteria": "IMWG 2014 更新诊断标准",
    "IMWG frailty score (Palumbo 2015)": "IMWG 衰弱评分（Palumbo 2015）",
    "Simplified frailty scale (Facon 2020)": "简化衰弱量表（Facon 2020）",
    "IMWG uniform response criteria (Kumar 2016)": "IMWG 统一疗效标准（Kumar 2016）",
    "This chart step by step and every path as text, on the flowcharts page":
        "本图的逐步问答版和每条路径的文字版（在流程图页）",

}

CONTEXTS: dict[str, dict[str, str]] = {
    # the book's settings that Sphinx, MyST-NB and the theme show (i18n.py)
    "settings": {
        "mmguide contributors": "mmguide 贡献者",
        "2026, mmguide contributors (text CC BY 4.0, code MIT)": "2026，mmguide 贡献者（文字 CC BY 4.0，代码 MIT）",
        "Show code cell {type}": "显示代码",
        "Hide code cell {type}": "隐藏代码",
        "Search…": "\u641c\u7d22\u2026",
    },
    # every page's footer and its print-only parts (printing.py)
    "print": {
        "Version": "版本",
        "built": "构建于",
        "PDF of the whole book": "全书 PDF",
        "References": "参考文献",
        "Printed from": "打印自",
    },
    # the theme's sidebar toggles (lean.py)
    "sidebar": {
        "Show or hide the pages under {title}": "展开或收起“{title}”下的页面",
        "Show or hide subpages": "展开或收起子页面",
    },
    # the tutorials' download link (notebook_downloads.py)
    "notebook": {
        "Download this tutorial as a Jupyter notebook (.ipynb)": "下载本教程的 Jupyter 笔记本(.ipynb)",
    },
    # the page left at a renamed page's old address (redirects.py)
    "redirect": {
        "This page has moved": "页面已移动",
        "This page has moved to": "本页已移至",
    },
    # the flowcharts' controls and descriptions (flowcharts.py)
    "flowchart": {
        "Flowchart. Decisions, in order: {decisions}. Possible outcomes: {outcomes}.":
            "流程图:依次判断 {decisions};可能结果:{outcomes}。",
        "Every path, as text": "每条路径(文字版)",
        "Full screen": "全屏查看",
        "Exit full screen": "退出全屏",
        "Open the chart on its own": "单独打开流程图",
        "Step by step: answer one question at a time": "逐步查看：一次回答一个问题",
        "then": "然后",
        "Flowchart": "流程图",
    },
    # the generated calculator pages (calculators.py)
    "calculator-page": {
        "(none)": "(无)",
        "unknown": "未知",
        " (optional)": "(可选)",
        ("Each example's expected value is the published one (the source column cites the publication; its entry in "
         "the bibliography gives the table or page). The examples are run through mmguide on every build; a "
         "disagreement fails the build."): "每个示例的预期值均为已发表的数值（“来源”列引用该文献，参考文献列表给出其表格或页码）。"
                       "每次构建时均用 mmguide 重新计算这些示例；任何不一致都会导致构建失败。",
        "How to read the result": "结果解读",
        "Validation": "验证",
        "Patient": "患者",
        "Published": "文献值",
        "The result": "结果",
        "The inputs the form asks for": "表单所需的输入",
        "Optional": "可选",
        "Either the clearance, or age, weight, creatinine and sex: the clearance is then calculated "
        "(Cockcroft–Gault).": "填写清除率，或填写年龄、体重、血清肌酐和性别，由 Cockcroft–Gault 公式计算清除率。",

    },
    # the recommendations' badge row and index (recommendations.py)
    "recommendation": {
        "Strong recommendation": "强推荐",
        "Conditional recommendation": "有条件推荐",
        "Good-practice statement": "良好实践声明",
        "Not graded": "未分级",
        "Certainty of evidence: high": "证据确定性：高",
        "Certainty of evidence: moderate": "证据确定性：中",
        "Certainty of evidence: low": "证据确定性：低",
        "Certainty of evidence: very low": "证据确定性：极低",
        "Certainty not assessed": "证据确定性：未评估",
        "Reviewed": "审阅日期",
        "Grading": "分级依据",
        "Last change": "最近修改",
        "Strength": "推荐强度",
        "Certainty": "证据确定性",
        "Calculators": "计算器",
        "high": "高",
        "moderate": "中",
        "low": "低",
        "very low": "极低",
        "not assessed": "未评估",
        "Every recommendation of the book": "本书全部推荐意见",
        "How to read the grades": "分级怎么看",
        ("A strength and a certainty are copied only from a graded guideline that makes the same "
         "recommendation; its name and its own grade are then given under “Grading”. "
         "“Not graded” with “certainty not assessed” means that no graded guideline makes this "
         "recommendation as written (it restates the interview, a product label or several sources "
         "together): it is not a weak recommendation, and the book does not invent a grade."):
            ("推荐强度与证据确定性只照录自提出相同推荐的已分级指南，并在“分级依据”中注明该指南及其原始分级。"
             "“未分级”且“证据确定性：未评估”表示没有已分级指南以同样的表述提出这条推荐（内容来自专家访谈、"
             "药品说明书或多个来源的综合）：这不等于弱推荐，本书也不自行给出分级。"),

    },
    # the web app manifest and the offline banners (offline.py)
    "offline": {
        "mmguide · Multiple myeloma whole-course management and bone protection": "mmguide · 多发性骨髓瘤全程管理与骨保护",
        "An executable clinical guide to multiple myeloma bone protection, readable offline.":
            "多发性骨髓瘤骨保护的可执行临床指南，离线亦可阅读。",
        "A newer edition is available —": "有新版本可用——",
        "reload": "重新加载",
        "Offline: this page is from the edition of {date}": "离线：本页来自 {date} 的版本",
    },
    # the in-page calculator form (forms.py)
    "form": {
        "Reset": "清空",
        "Copy link": "复制链接",
        "Link copied: it opens this calculation with these values.": "链接已复制：打开即为本次计算及所填数值。",
        "Show the answer": "查看结果",
        ", ": "、",
        "Calculate": "计算",
        "Calculator": "在线计算",
        "Computation needs JavaScript; the tables below are the full reference.":
            "计算需要启用 JavaScript;下方表格为完整的参考内容。",
        "Enter the values and press Calculate. The calculation runs in your browser; nothing is sent anywhere.":
            "输入数值后点击“计算”。计算在您的浏览器中进行,不会向任何地方发送数据。",
        "Loading the calculator…": "正在加载计算程序……",
        "Calculating…": "正在计算……",
        "The calculator could not be loaded: ": "计算程序加载失败:",
        "Check this value: ": "请检查此项:",
        "Check the inputs: ": "请检查输入:",
        "Plausible range": "合理范围",
        "Unit": "单位",
        "Unit of": "单位:",
        "optional": "可选",
        "not assessed": "未评估",
        "yes": "是",
        "no": "否",
        "female": "女",
        "male": "男",
        "choose…": "请选择……",
        "Result": "结果",
        "Category": "分类",
        "References": "参考文献",
        "Recommendations": "推荐意见",
        "Details": "详细信息",
        "When to start": "何时启动",
        "Agents": "药物",
        "Dose": "剂量",
        "favoured": "首选",
        "not suitable": "不适用",
        "Actions": "处理措施",
        "First dose after": "首剂前需完成",
        "(none)": "(无)",
        "unknown": "未知",
        "Enter the values: the answer appears as you type. The calculation runs in your browser; nothing is sent anywhere.":
            "输入数值,结果随输入即时显示。计算在您的浏览器中进行,不会向任何地方发送数据。",
        "I have a creatinine": "我有血清肌酐值",
        "I have a clearance": "我有肌酐清除率",
        "Kidney function from": "肾功能依据",
        "Copy to note": "复制到病历",
        "Copied: paste it into the note.": "已复制,可粘贴到病历。",
        "Select the text and copy it:": "请选中以下文字并复制:",
        "Still needed: ": "尚需填写：",
        "Next": "下一步",
        "more": "详情",
        "Recommendation": "推荐意见",
        "References (numbered as in the bibliography):": "参考文献:",
        "Bibliography": "参考文献列表",
        "The disease": "疾病",
        "Kidneys": "肾功能",
        "Calcium and vitamin D": "血钙与维生素 D",
        "Teeth": "口腔",
        "Risk and preferences": "风险与偏好",
        "Other": "其他",

    },
}


def language_of(where) -> str:
    """"zh" or "en", from a Sphinx environment, a config, or a language code (zh_CN, zh-CN, en)."""
    if where is None or isinstance(where, str):
        code = where or "en"
    else:
        config = getattr(where, "config", where)
        code = getattr(config, "language", None) or "en"
    return "zh" if code.lower().startswith("zh") else "en"


def translate(where, text: str, context: str = "", general: bool = True) -> str:
    """*text* in the language of *where* (see :func:`language_of`): from the context's table, then
    (unless *general* is False) from the general one; as it is when neither has it."""
    if language_of(where) != "zh":
        return text
    found = CONTEXTS.get(context, {}).get(text)
    if found is None and general:
        found = GENERAL.get(text)
    return text if found is None else found
