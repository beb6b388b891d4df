"""Search as a clinician types it: spelling variants, clean snippets, calculators first.

Sphinx's own search (searchindex.js, searchtools.js) with three additions:

- **Synonyms.** British and US spellings (hypocalcaemia/hypocalcemia, anaemia/anemia, ...),
  the English and Chinese name of a few key terms, and common Chinese variants
  (唑来磷酸 for 唑来膦酸) find each other. Each group in :data:`SYNONYMS` is stemmed with
  the edition's own stemmer and every stem in the group is given the pages of all of them,
  just before the index is written (so the browser needs nothing new).
- **Snippets from the article only.** ``_static/mmguide-search.js`` (search page only) makes
  the snippet text come from the article, not from the page's controls (language switch,
  colour-mode buttons) that the theme puts inside ``role="main"``.
- **Ranking.** The same script defines ``Scorer.score``: a page whose title holds every word of
  the query moves up, calculator pages most, and a drug name or "drug + dose" puts the
  drug's dose calculator first (:data:`DOSE_CALCULATORS`); the book's pages about itself
  (:data:`BACK_PAGES`: hazard log, changes, references) come after the clinical pages.
- **Chinese typed without spaces.** The Chinese edition's search page also loads
  ``_static/mmguide-search-zh.js``, which cuts a run of Chinese characters in the query into words
  of the index itself (jieba's cut of the pages with the book's dictionary): "唑来膦酸剂量" is
  searched as 唑来膦酸 + 剂量. It adds no download beyond its own few lines.
"""

from __future__ import annotations

import json

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

# Each group: words a reader may type for the same thing. Lower case; the first is the
# book's own spelling (British English, the Chinese edition's term).
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("hypocalcaemia", "hypocalcemia", "低钙血症", "低血钙"),
    ("hypercalcaemia", "hypercalcemia", "高钙血症", "高血钙"),
    ("anaemia", "anemia", "贫血"),
    ("anaemic", "anemic"),
    ("haematology", "hematology", "血液学"),
    ("haematological", "hematological"),
    ("haematologist", "hematologist"),
    ("haematopoietic", "hematopoietic"),
    ("haemoglobin", "hemoglobin", "血红蛋白"),
    ("haemodialysis", "hemodialysis", "血液透析"),
    ("leukaemia", "leukemia", "白血病"),
    ("oedema", "edema", "水肿"),
    ("tumour", "tumor", "肿瘤"),
    ("smouldering", "smoldering", "冒烟型"),
    ("randomised", "randomized"),
    ("judgement", "judgment"),
    ("orthopaedic", "orthopedic"),
    ("paediatric", "pediatric"),
    ("centre", "center"),
    ("programme", "program"),
    ("oesophageal", "esophageal"),
    ("zoledronic", "zoledronate", "zometa", "唑来膦酸", "唑来磷酸", "择泰"),
    ("denosumab", "xgeva", "地舒单抗", "狄诺塞麦", "迪诺塞麦", "安加维"),
    ("bisphosphonate", "bisphosphonates", "双膦酸盐", "双磷酸盐", "二膦酸盐"),
    ("pamidronate", "帕米膦酸", "帕米膦酸二钠", "帕米磷酸"),
    ("osteonecrosis", "骨坏死", "颌骨坏死"),
    ("creatinine", "肌酐"),
    ("myeloma", "骨髓瘤", "多发性骨髓瘤"),
    ("calcium", "血钙"),
    ("frailty", "虚弱", "衰弱"),
)

# A drug named alone (or with "dose") ranks its dose calculator first; a measure named alone,
# its calculator (docnames).
DOSE_CALCULATORS = {
    "zoledronic": "docs/calculators/zoledronic-acid-dose",
    "zoledronate": "docs/calculators/zoledronic-acid-dose",
    "zometa": "docs/calculators/zoledronic-acid-dose",
    "唑来膦酸": "docs/calculators/zoledronic-acid-dose",
    "唑来磷酸": "docs/calculators/zoledronic-acid-dose",
    # a measure named alone ranks its calculator first
    "clearance": "docs/calculators/crcl-cockcroft-gault",
    "cockcroft": "docs/calculators/crcl-cockcroft-gault",
    "肌酐清除率": "docs/calculators/crcl-cockcroft-gault",
}


# Pages about the book itself: listed after the clinical pages that hold the same words.
BACK_PAGES = ("docs/safety", "docs/changes", "docs/bibliography", "docs/about")


def add_synonyms(indexer) -> int:
    """Give every stem of a synonym group the pages of the whole group (terms and titles).
    Returns how many index entries grew."""
    lang = indexer.lang
    grown = 0
    for group in SYNONYMS:
        stems = []
        for w in group:
            s = lang.stem(w).lower()
            if not lang.word_filter(s):
                s = w
            stems.append(s)
        for mapping in (indexer._mapping, indexer._title_mapping):
            docs: set[str] = set()
            for s in stems:
                docs |= mapping.get(s, set())
            if not docs:
                continue
            for s in stems:
                have = mapping.setdefault(s, set())
                if not docs <= have:
                    have |= docs
                    grown += 1
    return grown


def _builder_inited(app: Sphinx) -> None:
    b = app.builder
    if not getattr(b, "search", False) or not hasattr(b, "dump_search_index"):
        return
    original = b.dump_search_index

    def dump_search_index() -> None:
        if getattr(b, "indexer", None) is not None:
            add_synonyms(b.indexer)
        original()

    b.dump_search_index = dump_search_index


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if pagename == "search":
        context["mmguide_search_config"] = json.dumps({"dose": DOSE_CALCULATORS, "back": BACK_PAGES},
                                                       ensure_ascii=False)
        # Chinese typed without spaces is cut into the index's words (the Chinese edition only)
        context["mmguide_search_zh"] = (app.config.language or "").startswith("zh")


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _page_context)
