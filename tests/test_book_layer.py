"""The book's Sphinx extension works on the doctree and reads its settings from conf.py.

Fast checks of the extension's sources (no build): no hook rewrites the rendered page body;
settings are configuration values, not environment variables or paths found from the file's own
place; the Chinese interface strings live in one module. The built pages are checked in
tests/test_reader_site.py and tests/test_site.py.
"""

from __future__ import annotations

import ast
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXT = ROOT / "sphinxext" / "mmguide_book"
sys.path.insert(0, str(ROOT / "sphinxext"))
sys.path.insert(0, str(ROOT / "tools"))

CJK = re.compile(r"[\u4e00-\u9fff]")
# string literals with Chinese that are data, not interface strings
CJK_ALLOWED = {
    "strings.py": "the one table of the extension's Chinese strings",
    "search.py": "search synonyms: words readers type, in both languages",
}
CJK_ALLOWED_LITERALS = {("i18n.py", "中文")}  # the Chinese edition's name for itself, on the language switch


def _modules():
    return sorted(EXT.glob("*.py"))


def _literals(path: pathlib.Path):
    """String constants that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.value


def test_the_extensions_chinese_strings_live_in_one_module():
    found = [(p.name, s) for p in _modules() if p.name not in CJK_ALLOWED for s in _literals(p)
             if CJK.search(s) and (p.name, s) not in CJK_ALLOWED_LITERALS]
    assert not found, f"Chinese text outside strings.py: {found}"


def test_no_hook_rewrites_the_rendered_page_body():
    """Page bodies are written by the translator from the doctree; a hook replacing
    context["body"] (a string) would be a rewrite of rendered HTML."""
    for p in _modules():
        text = p.read_text(encoding="utf-8")
        assert not re.search(r"""context\[["']body["']\]\s*=""", text), p.name


def test_settings_come_from_conf_py():
    """No environment variable chooses what the book builds (SOURCE_DATE_EPOCH, the reproducible-
    builds standard, apart; i18n passes the edition's language to the tutorials' kernels), and no
    module but the standalone runtime helper finds files from its own location."""
    for p in _modules():
        text = p.read_text(encoding="utf-8")
        reads = set(re.findall(r"""os\.environ\.get\(\s*["'](\w+)""", text))
        reads |= set(re.findall(r"""os\.environ\[\s*["'](\w+)["']\s*\](?!\s*=[^=])""", text))
        assert reads <= {"SOURCE_DATE_EPOCH"}, (p.name, reads)
        if p.name != "runtime.py":  # library defaults for the tests; the build passes conf.py's paths
            assert "parents[" not in text, p.name
    conf = (ROOT / "conf.py").read_text(encoding="utf-8")
    for name in ("mmguide_lean", "mmguide_jieba_dict", "mmguide_theme_po", "mmguide_runtime_layer",
                 "mmguide_micropython_dir"):
        assert re.search(rf"^{name} = ", conf, re.M), f"conf.py does not set {name}"
        assert any(f'"{name}"' in p.read_text(encoding="utf-8") for p in _modules()), f"{name} is not declared"


def test_translate_keeps_apart_what_two_parts_translate_differently():
    from mmguide_book import strings

    assert strings.translate("zh_CN", "Calculator") == "计算器"
    assert strings.translate("zh_CN", "Calculator", "form") == "在线计算"
    assert strings.translate("en", "Calculator", "form") == "Calculator"
    assert strings.translate("zh_CN", "Source", "form", general=False) == "Source"
    assert strings.translate("zh-CN", "Source") == "来源"
    assert strings.language_of(None) == "en"


def test_the_weight_meter_knows_the_runtimes_files():
    import pageweight
    from mmguide_book import runtime

    assert pageweight.MP_FILES == runtime.MP_FILES


def test_the_sidebars_toggles_are_named_after_their_page_in_the_readers_language():
    from bs4 import BeautifulSoup
    from mmguide_book import lean

    html = ('<ul><li><a href="a.html">Guide "one"</a><details><summary><span class="toctree-toggle">'
            '<i class="fa-solid fa-chevron-down"></i></span></summary><ul><li>x</li></ul></details></li>'
            '<li><p class="caption">Part</p><details><summary><p>Part</p></summary></details></li></ul>')
    soup = BeautifulSoup(html, "html.parser")
    lean.label_summaries(soup, "en")
    named = soup.find_all("summary")
    assert named[0]["aria-label"] == 'Show or hide the pages under Guide "one"'
    assert not named[1].attrs, "a toggle that is not right after a page's link keeps its own text as name"
    again = BeautifulSoup(str(soup), "html.parser").find("summary")  # written as valid HTML, quotes and all
    assert again["aria-label"] == 'Show or hide the pages under Guide "one"'
    zh = BeautifulSoup(html, "html.parser")
    lean.label_summaries(zh, "zh_CN")
    assert zh.find("summary")["aria-label"] == "展开或收起“Guide \"one\"”下的页面"
    lean.label_summaries(soup, "zh_CN")  # the theme caches its tree: a second pass changes nothing
    assert soup.find("summary")["aria-label"].startswith("Show or hide")
