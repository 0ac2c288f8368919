"""Copies the latest figures into the README, between its markers."""
from __future__ import annotations

import re

from measure.data import ROOT

README = ROOT / "README.md"


def replace_section(name: str, text: str) -> None:
    """Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->`."""
    readme = README.read_text(encoding="utf-8")
    marked = re.compile(rf"(<!-- {name}:start -->\n).*?(\n<!-- {name}:end -->)", re.S)
    README.write_text(marked.sub(lambda m: m.group(1) + text + m.group(2), readme), encoding="utf-8")
