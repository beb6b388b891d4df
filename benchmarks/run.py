"""Build benchmarks of the book: build times and what a page costs a reader.

usage: .venv/bin/python benchmarks/run.py [--editions en[,zh...]] [--ref REF] [--no-default]
                                          [--jobs N] [--results benchmarks/RESULTS.md]
                                          [--no-forms | --only-forms] [--site _build/html]
                                          [--baseline-site DIR | --baseline-ref 383d5a9]
                                          [--runs 3] [--profiles phone,laptop] [--no-write]
                                          [--only-precache --site _build/html]

For each edition (a builder plus extra sphinx arguments, see EDITIONS) it copies the source
tree into a temporary directory (the repository is never touched) and measures:
- clean build time (fresh output and notebook cache),
- no-change rebuild time,
- rebuild time after a one-paragraph edit of one page,
- bytes per page, gzip, with everything a page loads on a first visit (median, largest),
- the same with the theme's defaults (-D mmguide_lean=0), built in the same run;
- what the edition's service worker stores for offline reading (its precache, PDFs excluded),
  against ``mmguide_book.offline.PRECACHE_BUDGET_BYTES`` (section "Offline precache";
  ``--only-precache`` measures a site already built, ``--site``).

Then the in-page calculators (benchmarks/bench_forms.py): three cold runs on the phone and
laptop profiles of the current forms and of the Pyodide forms of 383d5a9, first keystroke to
first correct result on a calculator page and on the next one, bytes until the first result and
the longest main-thread task, with the ratio Pyodide / current; then the earlier detail figures.
``--only-forms`` skips the build benchmarks, ``--site`` measures a site already built.

The tables are printed and written to benchmarks/RESULTS.md (its first section and the
"In-page calculators" section; other sections are kept) and to the README's bench block, with
the load average at the end of the run: figures from a busy machine say so. ``--no-write``
only prints.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import os
import pathlib
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import pageweight  # noqa: E402

sys.path.insert(0, str(ROOT / "sphinxext"))
from mmguide_book import offline  # noqa: E402


@dataclasses.dataclass(frozen=True)
class Edition:
    """One build of the book: its label, Sphinx builder and extra sphinx-build arguments
    (e.g. ``("-D", "language=zh_CN")`` or ``("-c", "docs/locales/zh_CN")``), and the source
    file whose first paragraph the edit benchmark changes."""

    name: str
    builder: str = "html"
    args: tuple[str, ...] = ()
    edit: tuple[str, ...] = ("docs/guide/bone-disease.md", "docs/guide/treatment-goals.md", "docs/index.md")


# One entry per edition, as tools/build.py builds them (add builders the same way).
EDITIONS: dict[str, Edition] = {
    "en": Edition("en", args=("-D", "language=en")),
    "zh_CN": Edition("zh_CN", args=("-D", "language=zh_CN")),
}

IGNORE = shutil.ignore_patterns("_build", ".venv", "node_modules", ".git", "__pycache__",
                                ".jupyter_cache", ".pytest_cache", ".hypothesis", "*.egg-info")


@dataclasses.dataclass
class Row:
    edition: str
    clean_s: float
    nochange_s: float
    edit_s: float
    pages: int
    median_kb: float
    largest_kb: float
    largest_page: str
    default_median_kb: float | None = None
    default_largest_kb: float | None = None
    default_same_page_kb: float | None = None
    precache_files: int | None = None  # the service worker's precache (offline.py), PDFs excluded
    precache_bytes: int | None = None
    ok: bool = True
    note: str = ""


def copy_tree(dest: pathlib.Path, ref: str | None) -> None:
    if ref:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
        dest.mkdir(parents=True)
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    else:
        shutil.copytree(ROOT, dest, ignore=IGNORE, symlinks=True)
    # the npm packages the build copies into the site (MicroPython, Workbox), as make html has them
    if (ROOT / "node_modules").is_dir() and not (dest / "node_modules").exists():
        (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)


def sphinx(src: pathlib.Path, out: pathlib.Path, ed: Edition, jobs: str, lean_on: bool = True) -> tuple[float, int, str]:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env["MMGUIDE_LEAN"] = "1" if lean_on else "0"  # how trees older than the mmguide_lean setting chose
    cmd = [sys.executable, "-m", "sphinx", "-b", ed.builder, "-q", "-n", "-j", jobs, *ed.args,
           "-D", f"mmguide_lean={1 if lean_on else 0}", str(src), str(out)]
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=src, env=env, capture_output=True, text=True)
    return time.perf_counter() - t, proc.returncode, proc.stderr


def edit_paragraph(src: pathlib.Path, ed: Edition) -> str:
    """Append a sentence to the first prose paragraph of the edition's edit file."""
    for rel in ed.edit:
        p = src / rel
        if not p.exists():
            continue
        lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
        in_front = bool(lines) and lines[0].strip() == "---"
        fence = False
        for i, line in enumerate(lines):
            s = line.strip()
            if in_front:
                if i > 0 and s == "---":
                    in_front = False
                continue
            if s.startswith(("```", ":::", "~~~")):
                fence = not fence
                continue
            if fence or not s or s[0] in "#:-|*>({<+=`!%[" or re.match(r"^\d+\.", s):
                continue
            lines[i] = line.rstrip("\n") + " This sentence was added by the benchmark.\n"
            p.write_text("".join(lines), encoding="utf-8")
            return rel
    raise SystemExit(f"edition {ed.name}: no file to edit among {ed.edit}")


def weights(site: pathlib.Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): pageweight.page_weight(site, p).gzip for p in pageweight.site_pages(site)}


def bench(ed: Edition, ref: str | None, jobs: str, with_default: bool, keep: bool) -> Row:
    tmp = pathlib.Path(tempfile.mkdtemp(prefix=f"mmguide-bench-{ed.name}-"))
    try:
        src = tmp / "src"
        copy_tree(src, ref)
        out = src / "_build" / f"bench-{ed.name}-{ed.builder}"
        notes = []
        clean, rc1, err1 = sphinx(src, out, ed, jobs)
        nochange, rc2, _ = sphinx(src, out, ed, jobs)
        edited = edit_paragraph(src, ed)
        edit, rc3, _ = sphinx(src, out, ed, jobs)
        if rc1 or rc2 or rc3:
            notes.append(f"build exit codes {rc1}/{rc2}/{rc3}: {err1.strip().splitlines()[-1:] if err1 else ''}")
        w = weights(out)
        if not w:
            return Row(ed.name, clean, nochange, edit, 0, 0, 0, "-", ok=False, note="; ".join(notes) or "no pages")
        largest_page = max(w, key=w.get)
        row = Row(ed.name, clean, nochange, edit, len(w), statistics.median(w.values()) / 1024,
                  w[largest_page] / 1024, largest_page, ok=not (rc1 or rc2 or rc3))
        notes.append(f"edit: one paragraph of {edited}")
        if (out / offline.SW_NAME).is_file():
            cached = offline.precached(out)
            row.precache_files, row.precache_bytes = len(cached), sum(cached.values())
        if with_default:
            dout = src / "_build" / f"bench-{ed.name}-{ed.builder}-default"
            _, rc, _ = sphinx(src, dout, ed, jobs, lean_on=False)
            dw = weights(dout)
            if dw:
                row.default_median_kb = statistics.median(dw.values()) / 1024
                row.default_largest_kb = max(dw.values()) / 1024
                row.default_same_page_kb = dw.get(largest_page, 0) / 1024
            if rc:
                notes.append(f"default build exit code {rc}")
        row.note = "; ".join(notes)
        return row
    finally:
        if keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def table(rows: list[Row]) -> str:
    head = ("| edition | clean build | no-change rebuild | one-paragraph edit | pages "
            "| median KB gzip | largest KB gzip (page) | theme default: median / largest KB "
            "| same page, theme default |")
    lines = [head, "|---|---:|---:|---:|---:|---:|---|---|---:|"]
    for r in rows:
        dflt = (f"{r.default_median_kb:.0f} / {r.default_largest_kb:.0f}" if r.default_median_kb is not None else "-")
        same = f"{r.default_same_page_kb:.0f}" if r.default_same_page_kb is not None else "-"
        lines.append(
            f"| {r.edition} | {r.clean_s:.1f} s | {r.nochange_s:.1f} s | {r.edit_s:.1f} s | {r.pages} "
            f"| {r.median_kb:.1f} | {r.largest_kb:.1f} ({r.largest_page}) | {dflt} | {same} |"
        )
    return "\n".join(lines)


def precache_rows(site: pathlib.Path, editions: list[str]) -> list[tuple[str, int, int]]:
    """(edition, files, bytes) of each built edition's precache (its sw.js), PDFs excluded."""
    rows = []
    for e in editions:
        folder = site / e
        if (folder / offline.SW_NAME).is_file():
            cached = offline.precached(folder)
            rows.append((e, len(cached), sum(cached.values())))
    return rows


def precache_table(rows: list[tuple[str, int, int]]) -> str:
    budget = offline.PRECACHE_BUDGET_BYTES
    lines = ["| edition | files precached | precache MB (PDFs excluded) | budget MB | within budget |",
             "|---|---:|---:|---:|---|"]
    for e, n, size in rows:
        lines.append(f"| {e} | {n} | {size / 1e6:.2f} | {budget / 1e6:.2f} | {'yes' if size <= budget else 'NO'} |")
    return "\n".join(lines)


def precache_section(rows: list[tuple[str, int, int]], where: str) -> str:
    return f"""## Offline precache

What each edition's service worker (`mmguide_book.offline`, Workbox) stores on a reader's device at
the first visit: every page, the search index, scripts, styles, images, the calculators' runtime and
the tutorials' downloads; the PDFs are stored only when a reader opens one. Measured {datetime.date.today().isoformat()}
on {where}. Budget: {offline.PRECACHE_BUDGET_BYTES / 1e6:.2f} MB per edition (`offline.PRECACHE_BUDGET_BYTES`,
checked by `tests/test_offline.py`): both editions together stay well under 50 MB, a conservative
floor for the storage a mobile browser gives a site (the figure long quoted for older iOS Safari;
WebKit gave an origin 1 GB, with a prompt, before Safari 17 and gives a share of the disk since,
as Chrome does: WebKit blog, "Updates to Storage Policy", 2023).

{precache_table(rows)}
"""


sys.path.insert(0, str(ROOT / "benchmarks"))


def _has_goal(row: dict) -> bool:
    return row.get("goal") not in (None, "", "-")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--editions", default=",".join(EDITIONS), help=f"comma-separated, of: {', '.join(EDITIONS)}")
    ap.add_argument("--ref", help="benchmark a git ref (git archive) instead of the working tree")
    ap.add_argument("--jobs", default="1", help="sphinx -j (default 1, for stable timings)")
    ap.add_argument("--no-default", action="store_true", help="skip the theme-default comparison build")
    ap.add_argument("--results", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    ap.add_argument("--keep", action="store_true", help="keep the temporary trees")
    ap.add_argument("--no-forms", action="store_true", help="skip the in-page calculator benchmark")
    ap.add_argument("--only-forms", action="store_true", help="only the in-page calculator benchmark")
    ap.add_argument("--site", type=pathlib.Path,
                    help="forms: a built site (or its en/) to measure (default: build the working tree's English edition)")
    ap.add_argument("--baseline-site", type=pathlib.Path, help="forms: a built baseline site (default: build --baseline-ref)")
    ap.add_argument("--baseline-ref", default="383d5a9", help="forms: the Pyodide revision to compare with")
    ap.add_argument("--runs", type=int, default=3, help="forms: cold runs per profile and side")
    ap.add_argument("--profiles", default="phone,laptop", help="forms: of phone, laptop, phone-all-threads (opt-in: the whole renderer slowed)")
    ap.add_argument("--no-details", action="store_true", help="forms: skip the detail figures (warm cache, later calculations)")
    ap.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md and the README as they are")
    ap.add_argument("--only-precache", action="store_true",
                    help="only the offline precache of a site already built (--site, default _build/html)")
    args = ap.parse_args()
    if args.only_forms and args.no_forms:
        ap.error("--only-forms and --no-forms exclude each other")
    unknown = [e for e in args.editions.split(",") if e not in EDITIONS]
    if unknown:
        ap.error(f"unknown editions {unknown}; known: {list(EDITIONS)}")
    results = pathlib.Path(args.results)
    old = results.read_text(encoding="utf-8") if results.exists() else ""
    doc = sections(old)
    rows: list[Row] = []
    tbl = None
    source = args.ref or "working tree"
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.ref or "HEAD"],
                                capture_output=True, text=True, check=True).stdout.strip()
    except subprocess.CalledProcessError:
        commit = "?"
    if args.only_precache:
        site = args.site or ROOT / "_build" / "html"
        prows = precache_rows(site, args.editions.split(","))
        if not prows:
            ap.error(f"no edition with a service worker under {site}: build it first (make html)")
        section = precache_section(prows, f"the site built in {site}")
        print(precache_table(prows))
        if not args.no_write:
            doc["## Offline precache"] = section
            results.write_text(join_sections(doc), encoding="utf-8")
        return 0 if all(size <= offline.PRECACHE_BUDGET_BYTES for _, _, size in prows) else 1
    if not args.only_forms:
        rows = [bench(EDITIONS[e], args.ref, args.jobs, not args.no_default, args.keep) for e in args.editions.split(",")]
        tbl = table(rows)
        print(tbl)
        for r in rows:
            if r.note:
                print(f"{r.edition}: {r.note}")
        prows = [(r.edition, r.precache_files, r.precache_bytes) for r in rows if r.precache_bytes is not None]
        if prows:
            print(precache_table(prows))
            doc["## Offline precache"] = precache_section(prows, f"the clean builds above (commit {commit})")
            for r in rows:
                if r.precache_bytes is not None and r.precache_bytes > offline.PRECACHE_BUDGET_BYTES:
                    r.ok = False
                    r.note += f"; precache {r.precache_bytes} bytes over its budget"
        doc[""] = f"""# Benchmarks

Latest run of `make bench` (`benchmarks/run.py`), {datetime.date.today().isoformat()}, source: {source}
(commit {commit}{", with uncommitted changes" if not args.ref else ""}), Python {platform.python_version()},
{os.cpu_count()} CPUs, `sphinx -j {args.jobs}`, {_load()}.

Page weight: the page plus everything it loads on a first visit (scripts, stylesheets, images,
fonts and images named in CSS), each file gzip-compressed (level 6), as measured by
`tools/pageweight.py`. Budget: {pageweight.BUDGET_BYTES // 1024} KB per page.
"Theme default" is the same tree built with `-D mmguide_lean=0` (sphinx-book-theme's defaults).

{tbl}

Notes: {"; ".join(f"{r.edition}: {r.note}" for r in rows if r.note) or "-"}
"""
    forms_ok = True
    ftbl = None
    if not args.no_forms:
        # the in-page calculators, on the site as make html builds it (benchmarks/bench_forms.py)
        import bench_forms

        print("\n== in-page calculators: cold start, current forms beside the Pyodide forms of "
              f"{args.baseline_ref} (Chromium)", flush=True)
        site = bench_forms.edition(args.site)
        crows, notes = bench_forms.run_comparison(site, args.baseline_site, args.baseline_ref, args.runs,
                                                  tuple(args.profiles.split(",")))
        ctbl = bench_forms.comparison_table(crows, f"Pyodide ({args.baseline_ref})")
        throttle = "; ".join(notes["worker_cpu_throttle_current"]) or "no throttled profile"
        load = _load()
        print(ctbl)
        print(f"worker CPU throttling: {throttle}; {load}")
        for w in notes["wrong"]:
            print(f"FAILED RUN {w}")
        frows = [] if args.no_details else bench_forms.main(site, args.runs)
        dtbl = "\n".join(
            ["| benchmark | value | goal | met |", "|---|---:|---|---|"]
            + [f"| {r['benchmark']} | {r['value']} {r['unit']} | {r.get('goal') or '-'} | "
               f"{('yes' if r.get('ok') else 'no') if _has_goal(r) else '-'} |" for r in frows]
        )
        if frows:
            print(dtbl)
        ftbl = ctbl
        forms_ok = not notes["wrong"] and all(r.get("ok") for r in frows if _has_goal(r))
        doc["## In-page calculators"] = f"""## In-page calculators

Measured by `benchmarks/bench_forms.py` ({datetime.date.today().isoformat()}, commit {commit}, {load}) in
Debian's Chromium on the English edition, served from 127.0.0.1 (uncompressed by the test server).
Each run is a fresh browser context (cold cache): the zoledronic acid dose page (tap "I have a
clearance", type 45: "3.3 mg"), then in the same context the Cockcroft-Gault page (60 years, 72 kg,
1.0 mg/dL, male: "80.00 mL/min"); the time runs from the reader's first tap or keystroke to the
correct result on screen. Phone: 375 px, CPU slowed 4×, 10 Mbit/s with 40 ms latency; laptop:
1280×800, no throttling. Baseline: the Pyodide forms of {args.baseline_ref}, built from that
revision's own sources and measured in the same run. Chromium slows only the page's main thread:
a runtime in a Web Worker is not slowed on the phone profile (worker throttling: {throttle}).
Goals (issue 15): phone ≤ 1.5 s cold and ≤ 0.5 s on the next page, laptop ≤ 0.3 s, ≤ 1 MB,
no main-thread task over 50 ms.

{ctbl}
""" + (f"""
Details (current forms only):

{dtbl}
""" if frows else "")
    if args.no_write:
        print("(--no-write: RESULTS.md and the README are unchanged)")
    else:
        results.write_text(join_sections(doc), encoding="utf-8")
        _update_readme(tbl, ftbl, commit, args.baseline_ref)
    return 0 if all(r.ok for r in rows) and forms_ok else 1


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} / {fifteen:.1f} on {os.cpu_count()} CPUs"


def sections(text: str) -> dict[str, str]:
    """RESULTS.md as {heading line: section text}, in order; "" is the part before the first "## "."""
    out: dict[str, str] = {"": ""}
    key = ""
    for line in text.splitlines(keepends=True):
        if line.startswith("## "):
            key = line.strip()
            out[key] = ""
        out[key] += line
    return out


def join_sections(doc: dict[str, str]) -> str:
    return "\n".join(part.rstrip("\n") + "\n" for part in doc.values() if part.strip())


README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"


def _update_readme(build_table: str | None, forms_table: str | None, commit: str, baseline: str = "383d5a9") -> None:
    """Keep the README's benchmark section in step with the latest run (between markers); a part
    that did not run (--only-forms, --no-forms) keeps its previous table."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        return
    head, rest = text.split(README_START, 1)
    old, tail = rest.split(README_END, 1)
    marker = "\n\nIn-page calculators"
    old_build = old.split(marker, 1)[0].split("\n\n", 1)[-1].strip() if "|" in old else ""
    old_forms = old.split(marker, 1)[1].split(":\n\n", 1)[-1].strip() if marker in old else ""
    build_table = build_table or old_build
    forms_table = forms_table or old_forms
    kept = " (build figures from an earlier run)" if old_build and build_table == old_build else ""
    kept = kept or (" (calculator figures from an earlier run)" if old_forms and forms_table == old_forms else "")
    body = (f"Latest `make bench` ({datetime.date.today().isoformat()}, commit {commit}, {_load()}){kept}; "
            f"details in [benchmarks/RESULTS.md](benchmarks/RESULTS.md).\n\n" + build_table
            + ("\n\nIn-page calculators, cold, first keystroke to first correct result (Pyodide: the forms "
               f"of {baseline}, measured in the same run):\n\n" + forms_table if forms_table else ""))
    readme.write_text(f"{head}{README_START}\n{body}\n{README_END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
