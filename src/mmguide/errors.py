"""Errors raised by mmguide. Each subclasses a builtin so callers can catch it generically."""


class MMGuideError(ValueError):
    """Base class of every error mmguide raises on purpose: each is a ValueError (one builtin
    base, so the class can be built by every runtime the book uses, MicroPython included)."""


# Said only if a message were ever raised without its Chinese text (tests/test_chinese_messages.py
# drives every calculator's errors in Chinese so that it is never reached): Chinese, with no English.
FALLBACK_ZH = "无法读取此项输入，请核对数值和单位后重新填写。"


class InputError(MMGuideError):
    """An input is missing, malformed, in the wrong unit or outside its plausible range.

    The message names the input, the value, the unit, the accepted range and, where one is
    likely, the mistake (for example a creatinine in µmol/L typed as mg/dL).
    ``.field`` names the input (``None`` when the problem is not one input's).
    ``str(err)`` is English, beginning with the input's code name. ``.text`` is the same message
    for readers in both languages, ``{"en": ..., "zh": ...}``, beginning with the input's label as
    the form shows it once ``compute`` has attached it (``.label``). ``zh`` is the Chinese text of
    the message after its "name: " prefix; every message the package raises has one (without it
    the Chinese text would only say that the input could not be read, never the English).
    """

    def __init__(self, message: str, field: str | None = None, zh: str | None = None):
        super().__init__(message)
        self.field = field
        self.zh = zh
        self.label: dict | None = None  # {"en", "zh"}: the input's label, set by compute()

    @property
    def detail(self) -> str:
        """The English message without its leading "name: "."""
        msg = str(self)
        if self.field and msg.startswith(f"{self.field}: "):
            return msg[len(self.field) + 2:]
        return msg

    @property
    def text(self) -> dict:
        """The message in both languages, naming the input by its label where known."""
        detail = self.detail
        zh = self.zh if self.zh is not None else FALLBACK_ZH
        if self.label:
            return {"en": f"{self.label['en']}: {detail}", "zh": f"{self.label['zh']}:{zh}"}
        if self.field:
            return {"en": f"{self.field}: {detail}", "zh": f"{self.field}:{zh}"}
        return {"en": detail, "zh": zh}


class UnknownCalculatorError(MMGuideError):
    """``compute`` was given an id that no calculator has; the message lists the known ids."""
