"""`from __future__ import annotations`: MicroPython never evaluates annotations, so there is nothing to do."""

annotations = None
