"""Text that remembers where each character came from, so every edit is recorded.

Cleaning rules run as substitutions on a `TrackedText`. Each substitution is logged as an
`Edit` whose `start_char` is the offset in the raw decoded text, however many rules ran
before. Offsets are kept as a short list of segments, not one integer per character, so a
large document costs little memory.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from akhbar.text.spans import Edit

Replacement = str | Callable[[re.Match[str]], str]


class TrackedText:
    """A text plus a map from its current offsets back to raw offsets, and the edits so far."""

    __slots__ = ("text", "_cur", "_raw", "edits")

    def __init__(self, raw: str) -> None:
        self.text = raw
        self._cur: list[int] = [0]  # segment starts in the current text
        self._raw: list[int] = [0]  # where each segment starts in the raw text
        self.edits: list[Edit] = []

    def raw_offset(self, pos: int) -> int:
        """Offset in the raw text of position `pos` of the current text."""
        i = bisect_right(self._cur, pos) - 1
        return self._raw[i] + (pos - self._cur[i])

    def sub(self, rule: str, pattern: re.Pattern[str] | str, repl: Replacement) -> int:
        """Replace every match of `pattern`, log one `Edit` per real change; return the count."""
        if isinstance(pattern, str):
            pattern = re.compile(pattern)
        if callable(repl):
            changes = [
                (m.start(), m.end(), after) for m in pattern.finditer(self.text) if (after := repl(m)) != m[0]
            ]
        elif "\\" in repl:  # a template with group references
            changes = [
                (m.start(), m.end(), after)
                for m in pattern.finditer(self.text)
                if (after := m.expand(repl)) != m[0]
            ]
        else:  # a plain string: no template to expand at each match
            changes = [(m.start(), m.end(), repl) for m in pattern.finditer(self.text) if m[0] != repl]
        return self.replace_spans(rule, changes)

    def replace_spans(self, rule: str, changes: list[tuple[int, int, str]]) -> int:
        """Replace the sorted, non-overlapping spans (start, end, after) of the current text."""
        if not changes:
            return 0
        pieces: list[str] = []
        cur: list[int] = []
        raw: list[int] = []
        last = 0
        new_pos = 0
        for s, e, after in changes:
            new_pos = self._keep(last, s, new_pos, pieces, cur, raw)
            raw_s = self.raw_offset(s)
            if after:
                cur.append(new_pos)
                raw.append(raw_s)
                pieces.append(after)
                new_pos += len(after)
            self.edits.append(Edit(rule, self.text[s:e], after, raw_s))
            last = e
        self._keep(last, len(self.text), new_pos, pieces, cur, raw)
        self.text = "".join(pieces)
        self._cur, self._raw = (cur, raw) if cur else ([0], [0])
        return len(changes)

    def _keep(self, a: int, b: int, new_pos: int, pieces: list[str], cur: list[int], raw: list[int]) -> int:
        """Copy the unchanged stretch [a, b) of the current text, with its segments."""
        if b <= a:
            return new_pos
        pieces.append(self.text[a:b])
        cur.append(new_pos)
        raw.append(self.raw_offset(a))
        i = bisect_right(self._cur, a)
        while i < len(self._cur) and self._cur[i] < b:
            cur.append(new_pos + self._cur[i] - a)
            raw.append(self._raw[i])
            i += 1
        return new_pos + (b - a)
