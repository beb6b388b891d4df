"""Interface strings of the generated parts of pages, in English and Chinese.

Clinical text (titles, labels, explanations, flowchart labels) comes from the package's own
English/Chinese records; this table holds only the headings the extension adds.
"""

from __future__ import annotations

import os

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
    "All flowcharts": "全部流程图",
}


def lang(env) -> str:
    return "zh" if (env.config.language or "en").startswith("zh") else "en"


def _t(env, s: str) -> str:
    return ZH.get(s, s) if lang(env) == "zh" else s


def pick(env, text: dict | None) -> str:
    """A record's text in the page's language; Chinese with the edition's full-width punctuation."""
    if not text:
        return ""
    if lang(env) == "zh" and text.get("zh"):
        from mmguide.presentation import widen

        return widen(text["zh"])
    return text.get(lang(env)) or text.get("en", "")


ZH_AUTHOR = "mmguide 贡献者"
ZH_COPYRIGHT = "2026，mmguide 贡献者（文字 CC BY 4.0，代码 MIT）"

# --- editions --------------------------------------------------------------------------------
EDITIONS = {"en": ("zh_CN", "zh-CN", "中文"), "zh_CN": ("en", "en", "English")}


def _config_inited(app, config) -> None:
    """The tutorials print the package's texts in the edition's language (they read
    MMGUIDE_LANG), so each edition keeps its own execution cache. The Chinese edition: jieba
    segmentation with the book's clinical terms for search."""
    language = config.language or "en"
    os.environ["MMGUIDE_LANG"] = language
    cache = getattr(config, "nb_execution_cache_path", "")
    if cache and language != "en" and not str(cache).endswith("-" + language):
        config.nb_execution_cache_path = f"{cache}-{language}"
    if language.startswith("zh"):
        config.html_search_language = "zh"
        userdict = app.srcdir / "docs" / "locales" / "zh_CN" / "jieba-userdict.txt"
        config.html_search_options = {"dict": str(userdict)}
        config.nb_code_prompt_show = "显示代码"
        config.nb_code_prompt_hide = "隐藏代码"
        # the theme's search box placeholder is a theme option, not a catalogue message
        config.html_theme_options = {**(config.html_theme_options or {}), "search_bar_text": "\u641c\u7d22\u2026"}
        # the footer's author and licence line (conf.py values, not catalogue messages)
        config.author = ZH_AUTHOR
        config.copyright = ZH_COPYRIGHT
        _theme_strings(app)


def _theme_strings(app) -> None:
    """Interface strings that Sphinx's and the themes' own Chinese catalogues leave in English
    (docs/locales/zh_CN/theme.po), compiled into the doctree folder and added as a fallback."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = app.srcdir / "docs" / "locales" / "zh_CN" / "theme.po"
    if not po.is_file():
        return
    locale_dir = app.doctreedir / "mmguide-locale"
    mo = locale_dir / "zh_CN" / "LC_MESSAGES" / "sphinx.mo"
    mo.parent.mkdir(parents=True, exist_ok=True)
    with po.open("rb") as f:
        catalog = read_po(f, locale="zh_CN")
    with mo.open("wb") as f:
        write_mo(f, catalog)
    app.add_message_catalog("sphinx", str(locale_dir))


def _page_context(app, pagename, templatename, context, doctree) -> None:
    """Give every page the URL of the same page in the other edition (tools/build.py layout)."""
    lang_code = app.config.language or "en"
    other = EDITIONS.get(lang_code)
    if not other:
        context["mmguide_other_lang_url"] = None
        return
    other_dir, hreflang, label = other
    depth = pagename.count("/") + 1  # up to the edition's root, then one more to the site root
    context["mmguide_other_lang_url"] = "../" * depth + f"{other_dir}/{pagename}.html"
    context["mmguide_other_lang_code"] = hreflang
    context["mmguide_other_lang_label"] = label


def setup(app) -> None:
    app.connect("config-inited", _config_inited)
    app.connect("html-page-context", _page_context)
