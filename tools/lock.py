"""Write a pip lock file with a SHA-256 hash for every pinned distribution.

    python tools/lock.py PINS OUT [--header TEXT]

PINS holds `name==version` lines (pip freeze output). Each is downloaded once, without its
dependencies, by the same pip and from the same indexes `make setup` installs from (pip's own
configuration: `pip config list`), and its hash is written beside the pin, so that
`pip install --require-hashes -r OUT` installs exactly these files or fails.
"""

from __future__ import annotations

import argparse
import hashlib
import pathlib
import re
import subprocess
import sys
import tempfile


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pins", type=pathlib.Path)
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--header", default="")
    a = ap.parse_args(argv)
    pins = [line.strip() for line in a.pins.read_text().splitlines()
            if line.strip() and not line.startswith("#")]
    for p in pins:
        if not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.+!\-]+", p):
            raise SystemExit(f"lock: not a name==version pin: {p!r}")
    with tempfile.TemporaryDirectory(prefix="mmguide-lock-") as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", tmp, *pins], check=True)
        files = sorted(pathlib.Path(tmp).iterdir())

        def norm(name: str) -> str:
            return re.sub(r"[-_.]+", "-", name).lower()

        lines = [a.header.rstrip("\n")] if a.header else []
        for pin in pins:
            name, version = pin.split("==")
            stem = norm(name)
            match = [f for f in files if norm(re.split(r"-\d", f.name, maxsplit=1)[0]) == stem
                     and f"-{version}" in f.name.replace("_", "-")]
            if not match:
                raise SystemExit(f"lock: pip downloaded no file for {pin}")
            hashes = " ".join(f"--hash=sha256:{hashlib.sha256(f.read_bytes()).hexdigest()}" for f in match)
            lines.append(f"{pin} \\\n    {hashes}")
    a.out.write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
