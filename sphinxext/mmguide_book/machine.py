"""The machine-readable edition: ``<edition>/mmguide.json``, validated against ``schema/mmguide.schema.json``.

Every recommendation (ID, statement in the edition's language and in English, strength,
certainty, grading, review date, last change, sources with their reference keys, address) and
every calculator record (inputs with units and plausible ranges, bands, formula, references,
worked examples), with the book's version, so that other tools can follow the guideline without
reading its pages. The schema is published beside it as ``mmguide.schema.json``. The build
validates the file against the schema (when jsonschema is installed, as in the book's
environment) and fails on any mismatch.
"""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import shutil

from sphinx.application import Sphinx
from sphinx.util import logging

from . import calculators as calc_pages
from .i18n import lang
from .recommendations import GRADING_OPTIONS, _store

logger = logging.getLogger(__name__)
SCHEMA = pathlib.Path(__file__).resolve().parent.parent.parent / "schema" / "mmguide.schema.json"
JSON_NAME = "mmguide.json"
SCHEMA_NAME = "mmguide.schema.json"


def build_date() -> str:
    """The build date (UTC): SOURCE_DATE_EPOCH when set, so that a rebuild of a release is identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch else datetime.datetime.now(datetime.timezone.utc)
    return when.date().isoformat()


def _rec_key(rec_id: str):
    prefix, number = rec_id.split("-")
    return prefix, int(number)


def edition(app: Sphinx) -> dict:
    import mmguide
    from mmguide.records import _jsonable

    builder = app.builder
    store = _store(app.env)
    recs = []
    for rec_id in sorted(store, key=_rec_key):
        r = store[rec_id]
        recs.append({
            "id": rec_id,
            "statement": r.get("statement_shown", r["statement"]),
            "statement_en": r["statement"],
            **{opt: r[opt] for opt in GRADING_OPTIONS},
            "grading_shown": r.get("grading_shown", r["grading"]),
            "changed_shown": r.get("changed_shown", r["changed"]),
            "sources": {"text": r.get("source_shown", r["source"]), "references": list(r["cite"])},
            "url": f"{builder.get_target_uri(r['docname'])}#{r['label']}",
            "calculators": [c.id for c in calc_pages.calculators_for(rec_id)],
        })
    calcs = []
    for c in mmguide.calculators():
        d = _jsonable(c.as_dict())
        d["url"] = builder.get_target_uri(calc_pages.docname_for(c.id))
        calcs.append(d)
    return {
        "$schema": SCHEMA_NAME,
        "name": "mmguide",
        "version": mmguide.__version__,
        "language": app.config.language or "en",
        "text_language": lang(app.env),
        "built": build_date(),
        "recommendations": recs,
        "calculators": calcs,
    }


def validate(data: dict, schema: dict) -> list[str]:
    """Every way ``data`` breaks the schema (empty when it conforms)."""
    import jsonschema

    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(data)]


def write(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html" or app.builder.name == "singlehtml":
        return
    data = edition(app)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    try:
        problems = validate(data, schema)
    except ImportError:  # pragma: no cover - the book's environment has jsonschema
        problems = []
    for p in problems[:20]:
        logger.warning("%s does not match %s: %s", JSON_NAME, SCHEMA_NAME, p, type="mmguide", subtype="machine")
    out = pathlib.Path(app.outdir)
    (out / JSON_NAME).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    shutil.copyfile(SCHEMA, out / SCHEMA_NAME)


def setup(app: Sphinx) -> None:
    app.connect("build-finished", write)
