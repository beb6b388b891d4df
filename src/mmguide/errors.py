"""Errors raised by mmguide. Each subclasses a builtin so callers can catch it generically."""


class MMGuideError(Exception):
    """Base class of every error mmguide raises on purpose."""


class InputError(ValueError, MMGuideError):
    """An input is missing, malformed, in the wrong unit or outside its plausible range.

    The message names the input, the value, the unit, the accepted range and, where one is
    likely, the mistake (for example a creatinine in µmol/L typed as mg/dL).
    ``.field`` names the input (``None`` when the problem is not one input's).
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class UnknownCalculatorError(LookupError, MMGuideError):
    """``compute`` was given an id that no calculator has; the message lists the known ids."""
