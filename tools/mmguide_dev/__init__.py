"""Helpers the project's tools, benchmarks and tests share (not part of the clinical package).

Put ``tools/`` on ``sys.path`` and import from here, e.g. ``from mmguide_dev.browser import
chromium, serve``. Nothing here imports from ``tests/`` (tests/test_architecture.py checks it).
"""
