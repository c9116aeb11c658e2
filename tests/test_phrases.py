"""The phrase index's automaton scan finds what a walk over the tokens finds, in the same order."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from akhbar.text.phrases import Match, PhraseIndex, Token, Variant, arabic_variants, tokenize


def walk(
    index: PhraseIndex,
    tokens: Sequence[Token],
    variants: Callable[[str], Sequence[Variant]] = arabic_variants,
    accept: Callable[[Match], bool] | None = None,
) -> Iterator[Match]:
    """The reference: at each token, each reading that opens a phrase, extended over joined tokens."""
    i, n = 0, len(tokens)
    while i < n:
        options = []
        for var in variants(tokens[i].key):
            key, j = var.key, i
            while True:
                if key in index.entries:
                    options.append((j, -var.offset, key, var))
                if j + 1 >= n or not tokens[j].joined:
                    break
                key += tokens[j + 1].key
                j += 1
        options.sort(key=lambda o: o[:2], reverse=True)
        taken = None
        for last, _, key, var in options:
            match = Match(
                i, last, tokens[i].start + var.offset, tokens[last].end, key, index.entries[key], var
            )
            if accept is None or accept(match):
                taken = match
                break
        if taken is None:
            i += 1
            continue
        yield taken
        i = taken.last + 1


def _index(*names: str) -> PhraseIndex:
    index = PhraseIndex()
    for name in names:
        index.add(name, name)
    return index


def _same(index: PhraseIndex, text: str, accept: Callable[[Match], bool] | None = None) -> list[Match]:
    tokens = tokenize(text)
    found = list(index.scan(tokens, arabic_variants, accept))
    assert found == list(walk(index, tokens, arabic_variants, accept))
    return found


def test_clitics_lam_article_and_longest_first() -> None:
    index = _index("الجديدة", "اللجنة", "الدار البيضاء", "الدار", "سيدي قاسم", "لجديدة")
    text = "وبالجديدة وللجديدة للجنة فللجنة بالدار البيضاء في سيدي-قاسم والدار. لجديدة الجديدةالكبرى"
    found = _same(index, text)
    assert [m.payloads[0] for m in found] == [
        "الجديدة", "الجديدة", "اللجنة", "اللجنة", "الدار البيضاء", "سيدي قاسم", "الدار", "لجديدة",
    ]  # fmt: skip
    assert text[found[0].start : found[0].end] == "الجديدة"  # after the clitics وب
    assert text[found[1].start : found[1].end] == "وللجديدة"  # a لل reading starts with its token


def test_refused_phrase_gives_way_to_shorter_then_next_token() -> None:
    index = _index("a dar", "dar bouazza", "dar")
    refuse_long = lambda m: m.key != "adar"  # noqa: E731
    found = _same(index, "rendez-vous à Dar Bouazza", refuse_long)
    assert [m.payloads[0] for m in found] == ["dar bouazza"]


def test_tokens_made_of_marks_and_breaks() -> None:
    index = _index("حزب الاستقلال", "الاستقلال")
    for text in ("حزب ـ الاستقلال", "حزب ـ\nالاستقلال", "حزب، الاستقلال", "حزب الاستقلال ـ ـ", "ـ"):
        _same(index, text)
    assert [m.payloads[0] for m in _same(index, "حزب، الاستقلال")] == ["الاستقلال"]  # a comma ends a name
