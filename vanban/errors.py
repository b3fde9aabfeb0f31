"""The one exception type a reader raises for a file it cannot read."""


class ReadError(Exception):
    """A file that cannot be turned into text, with a reason a clerk can act on."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
