"""Build benchmarks of the book: build times and what a page costs a reader.

usage: .venv/bin/python benchmarks/run.py [--editions en[,zh...]] [--ref REF] [--no-default]
                                          [--jobs N] [--results benchmarks/RESULTS.md]

For each edition (a builder plus extra sphinx arguments, see EDITIONS) it copies the source
tree into a temporary directory (the repository is never touched) and measures:
- clean build time (fresh output and notebook cache),
- no-change rebuild time,
- rebuild time after a one-paragraph edit of one page,
- bytes per page, gzip, with everything a page loads on a first visit (median, largest),
- the same with the theme's defaults (MMGUIDE_LEAN=0), built in the same run.

The table is printed and written to benchmarks/RESULTS.md.
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
sys.path.insert(0, str(ROOT / "sphinxext"))

from mmguide_book import lean  # noqa: E402


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
    ok: bool = True
    note: str = ""


def copy_tree(dest: pathlib.Path, ref: str | None) -> None:
    if ref:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
        dest.mkdir(parents=True)
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    else:
        shutil.copytree(ROOT, dest, ignore=IGNORE, symlinks=True)


def sphinx(src: pathlib.Path, out: pathlib.Path, ed: Edition, jobs: str, lean_on: bool = True) -> tuple[float, int, str]:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env[lean.ENV_VAR] = "1" if lean_on else "0"
    cmd = [sys.executable, "-m", "sphinx", "-b", ed.builder, "-q", "-n", "-j", jobs, *ed.args, str(src), str(out)]
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
    return {p.relative_to(site).as_posix(): lean.page_weight(site, p).gzip for p in lean.site_pages(site)}


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
    args = ap.parse_args()
    unknown = [e for e in args.editions.split(",") if e not in EDITIONS]
    if unknown:
        ap.error(f"unknown editions {unknown}; known: {list(EDITIONS)}")
    rows = [bench(EDITIONS[e], args.ref, args.jobs, not args.no_default, args.keep) for e in args.editions.split(",")]
    tbl = table(rows)
    print(tbl)
    for r in rows:
        if r.note:
            print(f"{r.edition}: {r.note}")
    source = args.ref or "working tree"
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.ref or "HEAD"],
                                capture_output=True, text=True, check=True).stdout.strip()
    except subprocess.CalledProcessError:
        commit = "?"
    doc = f"""# Benchmarks

Latest run of `make bench` (`benchmarks/run.py`), {datetime.date.today().isoformat()}, source: {source}
(commit {commit}{", with uncommitted changes" if not args.ref else ""}), Python {platform.python_version()},
{os.cpu_count()} CPUs, `sphinx -j {args.jobs}`.

Page weight: the page plus everything it loads on a first visit (scripts, stylesheets, images,
fonts and images named in CSS), each file gzip-compressed (level 6), as measured by
`mmguide_book.lean.page_weight`. Budget: {lean.BUDGET_BYTES // 1024} KB per page.
"Theme default" is the same tree built with `MMGUIDE_LEAN=0` (sphinx-book-theme's defaults).

{tbl}

Notes: {"; ".join(f"{r.edition}: {r.note}" for r in rows if r.note) or "-"}
"""
    forms_ok = True
    if not args.no_forms:
        # the in-page calculators, on the site as make html builds it (benchmarks/bench_forms.py)
        import bench_forms

        print("\n== in-page calculators (mmguide under Pyodide in Chromium)", flush=True)
        frows = bench_forms.main()
        ftbl = "\n".join(
            ["| benchmark | value | goal | met |", "|---|---:|---|---|"]
            + [f"| {r['benchmark']} | {r['value']} {r['unit']} | {r.get('goal') or '-'} | "
               f"{('yes' if r.get('ok') else 'no') if _has_goal(r) else '-'} |" for r in frows]
        )
        print(ftbl)
        doc += f"""
## In-page calculators

Measured by `benchmarks/bench_forms.py` in Debian's Chromium on the English edition, served from
127.0.0.1 (uncompressed by the test server).

{ftbl}
"""
        forms_ok = all(r.get("ok") for r in frows if _has_goal(r))
    pathlib.Path(args.results).write_text(doc, encoding="utf-8")
    _update_readme(tbl, ftbl if not args.no_forms else None, commit)
    return 0 if all(r.ok for r in rows) and forms_ok else 1


README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"


def _update_readme(build_table: str, forms_table: str | None, commit: str) -> None:
    """Keep the README's benchmark section in step with the latest run (between markers)."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        return
    body = (f"Latest `make bench` ({datetime.date.today().isoformat()}, commit {commit}, "
            f"{os.cpu_count()} CPUs); details in [benchmarks/RESULTS.md](benchmarks/RESULTS.md).\n\n"
            + build_table + ("\n\nIn-page calculators:\n\n" + forms_table if forms_table else ""))
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    readme.write_text(f"{head}{README_START}\n{body}\n{README_END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
