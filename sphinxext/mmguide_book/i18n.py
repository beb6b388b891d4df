"""The two editions: the reader's language, the Chinese edition's settings and its switcher.

- :func:`lang`, :func:`pick` and :func:`_t`: the reader's language, a package record's text in
  it, and a heading the extension adds (the Chinese words live in ``strings.py``);
- the Chinese edition's search (jieba with the book's clinical terms, ``mmguide_jieba_dict``),
  the theme's strings its catalogues lack (``mmguide_theme_po``) and the footer's author line;
- the link to the same page in the other edition.
"""

from __future__ import annotations

import os
import pathlib

from .strings import translate


def lang(env) -> str:
    return "zh" if (env.config.language or "en").startswith("zh") else "en"


def _t(env, s: str) -> str:
    """A heading the extension adds, in the reader's language (strings.py)."""
    return translate(env, s)


def pick(env, text: dict | None) -> str:
    """A record's text in the page's language; Chinese with the edition's full-width punctuation."""
    if not text:
        return ""
    if lang(env) == "zh" and text.get("zh"):
        from mmguide.presentation import widen

        return widen(text["zh"])
    return text.get(lang(env)) or text.get("en", "")



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
        userdict = pathlib.Path(app.confdir, config.mmguide_jieba_dict)
        config.html_search_options = {"dict": str(userdict)}
        config.nb_code_prompt_show = translate(language, "Show code cell {type}", "settings")
        config.nb_code_prompt_hide = translate(language, "Hide code cell {type}", "settings")
        # the theme's search box placeholder is a theme option, not a catalogue message
        config.html_theme_options = {**(config.html_theme_options or {}),
                                     "search_bar_text": translate(language, "Search…", "settings")}
        # the footer's author and licence line (conf.py values, not catalogue messages)
        config.author = translate(language, config.author, "settings")
        config.copyright = translate(language, config.copyright, "settings")
        _theme_strings(app)


def _theme_strings(app) -> None:
    """Interface strings that Sphinx's and the themes' own Chinese catalogues leave in English
    (docs/locales/zh_CN/theme.po), compiled into the doctree folder and added as a fallback."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = pathlib.Path(app.confdir, app.config.mmguide_theme_po)
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
    # the Chinese edition's search dictionary (jieba) and the theme's strings its catalogues lack,
    # relative to conf.py
    app.add_config_value("mmguide_jieba_dict", "docs/locales/zh_CN/jieba-userdict.txt", "env", types=(str,))
    app.add_config_value("mmguide_theme_po", "docs/locales/zh_CN/theme.po", "env", types=(str,))
    app.connect("config-inited", _config_inited)
    app.connect("html-page-context", _page_context)
