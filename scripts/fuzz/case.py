"""One fuzz input: the files a run needs and the command line that runs tutti on them."""

from dataclasses import dataclass


@dataclass
class Case:
    """`files` (name → bytes) are written into a fresh folder where tutti runs with
    `arguments` (str, or bytes for an argument that is not UTF-8); `stdin` names one of the
    files to feed on standard input."""
    files: dict
    arguments: list
    stdin: str = None
