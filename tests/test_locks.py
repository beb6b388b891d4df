"""The locks pin every dependency with the hash of every file PyPI publishes for it.

`make lock` writes them with uv (`uv pip compile --generate-hashes`); `make setup` installs them with
`--require-hashes` (pip for the build lock, uv for the rest). A pin carrying one hash where PyPI publishes several files (wheels for other
platforms, the sdist) would install only on the platform that made the lock. Read from the locks
alone: no network.
"""

from __future__ import annotations

import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
LOCKS = ("requirements.lock", "requirements-build.lock")
# Pins for which PyPI publishes a single file, so one hash is all there is.
SINGLE_FILE = {
    "certifi==2026.10.19.post1": "a post-release published as one wheel, without an sdist",
    "jieba==0.42.1": "published as an sdist only",
}


def pins(lock: str) -> dict[str, list[str]]:
    """name==version -> its sha256 hashes, from a pip requirements file with --hash options."""
    text = (ROOT / lock).read_text(encoding="utf-8").replace("\\\n", " ")
    out = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        pin, *options = line.split()
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+!\-]+", pin), (lock, line)
        hashes = [o.removeprefix("--hash=sha256:") for o in options if o.startswith("--hash=sha256:")]
        assert len(hashes) == len(options), f"{lock}: {pin} has an option that is not a sha256 hash"
        assert pin.lower() not in {p.lower() for p in out}, f"{lock}: {pin} pinned twice"
        out[pin] = hashes
    return out


@pytest.mark.parametrize("lock", LOCKS)
def test_every_pin_carries_a_well_formed_hash(lock):
    found = pins(lock)
    assert found, lock
    for pin, hashes in found.items():
        assert hashes, f"{lock}: {pin} has no hash"
        assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes), (lock, pin)
        assert len(set(hashes)) == len(hashes), f"{lock}: {pin} lists a hash twice"


@pytest.mark.parametrize("lock", LOCKS)
def test_every_pin_carries_the_hash_of_each_published_file(lock):
    """More than one hash per pin, except the few releases PyPI publishes as a single file."""
    found = pins(lock)
    one = sorted(p for p, h in found.items() if len(h) == 1 and p not in SINGLE_FILE)
    assert not one, f"{lock}: one hash only (run make lock): {one}"


def test_single_file_exceptions_are_still_pinned():
    """An exception outlives its pin only by mistake: each names a pin of the lock with one hash."""
    found = {**pins("requirements.lock"), **pins("requirements-build.lock")}
    for pin in SINGLE_FILE:
        assert pin in found, f"{pin} is no longer locked: drop it from SINGLE_FILE"
        assert len(found[pin]) == 1, f"{pin} now has {len(found[pin])} hashes: drop it from SINGLE_FILE"


def test_the_build_lock_pins_what_the_makefile_installs_first():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    build_pins = re.search(r"^BUILD_PINS := (.+)$", makefile, re.M).group(1).split()
    assert sorted(build_pins) == sorted(pins("requirements-build.lock"))


def test_the_locker_is_pinned():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^LOCKER := uv==\d+\.\d+\.\d+$", makefile, re.M)
    assert "--generate-hashes" in makefile
    assert "--require-hashes" in makefile
