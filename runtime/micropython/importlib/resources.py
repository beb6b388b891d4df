"""`importlib.resources.files(package)` for reading a package's data files (the worked examples)."""

import os
import sys


class _Path:
    def __init__(self, path):
        self._path = path

    def __truediv__(self, name):
        return _Path(self._path + "/" + name)

    @property
    def name(self):
        return self._path.rsplit("/", 1)[-1]

    def is_file(self):
        try:
            return os.stat(self._path)[0] & 0o170000 == 0o100000
        except OSError:
            return False

    def iterdir(self):
        return [self / n for n in sorted(os.listdir(self._path))]

    def read_text(self, encoding="utf-8"):
        with open(self._path, encoding=encoding) as f:
            return f.read()


def files(package):
    module = sys.modules[package]
    return _Path(module.__file__.rsplit("/", 1)[0])
