"""pybtex's plugins, found once per process instead of once per citation.

pybtex finds a plugin (a backend, a style) by name through ``importlib.metadata.entry_points``,
which reads the entry points of every installed distribution on each call (about 10 ms in the
book's environment). sphinxcontrib-bibtex asks for the plain-text backend once for every
citation it resolves (``resolve_xref``), several hundred times per edition, so most of a build's
reference work was spent re-reading package metadata.

At setup, every plugin of pybtex's own groups (backends and the formatting, label, name and
sorting styles) is loaded once from its entry point and registered with pybtex's public
``register_plugin``: the same class under the same name, which pybtex then finds without reading
the metadata again. Nothing else changes: a name pybtex did not know is still unknown, and aliases
(``text``) and suffixes are still looked up as before.
"""

from __future__ import annotations

# pybtex's plugin groups whose names are looked up while a page is written
GROUPS = ("pybtex.backends", "pybtex.style.formatting", "pybtex.style.labels", "pybtex.style.names",
          "pybtex.style.sorting")

_registered = False


def register() -> int:
    """Register every plugin of :data:`GROUPS` under its own name (once per process); returns
    how many were registered by this call."""
    global _registered
    if _registered:
        return 0
    from importlib.metadata import entry_points

    from pybtex.plugin import register_plugin

    found = entry_points()
    count = 0
    for group in GROUPS:
        for ep in found.select(group=group):
            register_plugin(group, ep.name, ep.load(), force=True)
            count += 1
    _registered = True
    return count


def setup(app) -> None:
    register()
