"""Draft the 'What changed' entry of a release from the clinical diff since the previous release.

    python tools/release_notes.py v0.2.0        # or: make release-notes TAG=v0.2.0

If the tag exists, the entry covers the previous release tag (v*) -> the tag; if it does not exist
yet (a release being prepared), the latest release tag -> the working tree. Without an earlier
tag, the diff starts at the first commit. The draft is written to _build/release-notes/<tag>.md
with the full clinical diff beside it; editors review it, rewrite it in plain words where needed
and add it at the top of the releases in docs/changes.md (then `make gettext` and translate).
"""

from __future__ import annotations

import datetime
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import clinical_diff  # noqa: E402

TAG_RE = re.compile(r"^v\d+\.\d+\.\d+$")


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def exists(rev: str) -> bool:
    return subprocess.run(["git", "rev-parse", "-q", "--verify", f"{rev}^{{commit}}"], cwd=ROOT,
                          capture_output=True).returncode == 0


def previous_tag(tag: str | None) -> str:
    """The release tag before ``tag`` (or the latest one when ``tag`` is not made yet), else the first commit."""
    start = tag + "^" if tag else "HEAD"
    found = subprocess.run(["git", "describe", "--tags", "--abbrev=0", "--match", "v[0-9]*", start], cwd=ROOT,
                           capture_output=True, text=True)
    if found.returncode == 0 and found.stdout.strip():
        return found.stdout.strip()
    return git("rev-list", "--max-parents=0", "HEAD").splitlines()[-1]


def _short(x, n: int = 160) -> str:
    s = x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)
    return s if len(s) <= n else s[: n - 1] + "…"


def draft(tag: str, details: dict, date: str) -> str:
    lines = [f"## Version {tag.lstrip('v')}", "", f"Released {date}.", ""]
    items = []
    for r in details["recommendations"]:
        if r["change"] == "added":
            items.append(f"{r['id']} added: {r['new']}")
        elif r["change"] == "removed":
            items.append(f"{r['id']} removed (it said: {r['old']})")
        elif r.get("clinical", True):
            items.append(f"{r['id']}: {r['field']} changed from “{r['old']}” to “{r['new']}”.")
    for r in details["records"]:
        items.append(f"Calculator {r['calculator']}: {r['field']} changed from {_short(r['old'])} to {_short(r['new'])} "
                     f"(source: {r['source']}).")
    results = details["results"]
    for kind, what in (("example", "worked examples"), ("path", "flowchart paths"), ("sample", "sample patients"),
                       ("probe", "patients at a threshold")):
        rows = results.get(kind) or []
        if rows:
            calcs = sorted({r["calculator"] for r in rows})
            items.append(f"{len(rows)} {what} now get a different answer ({', '.join(calcs)}).")
    sentences = details["sentences"]
    if len(sentences) <= 20:
        for r in sentences:
            items.append(f"{r['file']}: “{_short(r['old'])}” now reads “{_short(r['new'])}”.")
    else:  # a first release or a large rewrite: one line per page, the report has the rest
        per_file: dict[str, int] = {}
        for r in sentences:
            per_file[r["file"]] = per_file.get(r["file"], 0) + 1
        items += [f"{f}: {n} passages with changed numbers (see the clinical diff)." for f, n in sorted(per_file.items())]
    if not items:
        items.append("No clinical change: wording, layout and translation only.")
    lines += [f"- {i}" for i in items]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not TAG_RE.match(argv[0]):
        print("usage: release_notes.py vX.Y.Z   (make release-notes TAG=vX.Y.Z)", file=sys.stderr)
        return 2
    tag = argv[0]
    made = exists(tag)
    base = previous_tag(tag if made else None)
    out = ROOT / "_build" / "release-notes" / tag
    args = ["--base", base, "--out", str(out)] + (["--head", tag] if made else [])
    clinical_diff.main(args)
    details = json.loads((out / "changes.json").read_text(encoding="utf-8"))
    date = git("log", "-1", "--format=%cs", tag) if made else datetime.date.today().isoformat()
    text = draft(tag, details, date)
    path = ROOT / "_build" / "release-notes" / f"{tag}.md"
    path.write_text(text, encoding="utf-8")
    print(f"\nDraft entry for docs/changes.md ({base} → {tag if made else 'working tree'}), written to {path}:\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
