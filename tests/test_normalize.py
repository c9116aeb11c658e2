"""Normalization rules: exact output, and each change recorded with its offset in the raw text."""

from __future__ import annotations

import pytest

from akhbar.clean.normalize import normalize_text, normalize_tracked
from akhbar.text.spans import Edit
from akhbar.text.textedit import TrackedText

ARABIC_ONLY_RULES = {
    "remove_tatweel",
    "remove_diacritics",
    "tatweel_before_digit",
    "hamza_wasl",
    "join_waw",
    "split_merged_word",
}


def edits_of(rule: str, edits: list[Edit]) -> list[Edit]:
    return [e for e in edits if e.rule == rule]


def test_nbsp_becomes_a_space() -> None:
    clean, edits = normalize_text("حزب\u00a0الاستقلال", "ar")
    assert clean == "حزب الاستقلال"
    assert edits == [Edit("nbsp", "\u00a0", " ", 3)]


def test_invisible_direction_marks_are_removed() -> None:
    clean, edits = normalize_text("مدينة \u200fالرباط\u200e", "ar")
    assert clean == "مدينة الرباط"
    assert edits == [Edit("invisible_char", "\u200f", "", 6), Edit("invisible_char", "\u200e", "", 13)]


def test_presentation_forms_and_ligatures_fold_to_letters() -> None:
    clean, edits = normalize_text("مدينة \ufe8d\ufedf\ufeae\ufe91\ufe8e\ufec1 \ufefb", "ar")
    assert clean == "مدينة الرباط لا"
    assert edits == [
        Edit("unicode_nfkc", "\ufe8d\ufedf\ufeae\ufe91\ufe8e\ufec1", "الرباط", 6),
        Edit("unicode_nfkc", "\ufefb", "لا", 13),
    ]


def test_decomposed_letters_are_composed() -> None:
    assert normalize_text("re\u0301union a\u0300 Fe\u0300s", "fr")[0] == "réunion à Fès"
    clean, edits = normalize_text("ا\u0655دريس", "ar")
    assert clean == "إدريس"
    assert edits == [Edit("unicode_nfkc", "ا\u0655", "إ", 0)]


def test_tatweel_is_removed() -> None:
    clean, edits = normalize_text("فـي الرباط", "ar")
    assert clean == "في الرباط"
    assert edits == [Edit("remove_tatweel", "ـ", "", 1)]


def test_tatweel_before_a_number_becomes_a_space() -> None:
    clean, edits = normalize_text("انتخابات لـ7 أكتوبر", "ar")
    assert clean == "انتخابات ل 7 أكتوبر"
    assert edits == [Edit("tatweel_before_digit", "ـ", " ", 10)]


def test_arabic_indic_and_persian_digits_become_ascii() -> None:
    clean, edits = normalize_text("يوم ٢١ يناير ۲۰۲۰", "ar")
    assert clean == "يوم 21 يناير 2020"
    assert edits == [Edit("arabic_digits", "٢١", "21", 4), Edit("arabic_digits", "۲۰۲۰", "2020", 13)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("الإشتراكية", "الاشتراكية"),
        ("إجتماعه", "اجتماعه"),
        ("الإستقلال", "الاستقلال"),
        ("إنعقاد", "انعقاد"),
        ("للإنتخابات", "للانتخابات"),
        ("والإتحاد", "والاتحاد"),
        ("إستفادة", "استفادة"),
        ("إجتمع", "اجتمع"),
        ("إسمه", "اسمه"),
        ("التقدم والأشتراكية", "التقدم والاشتراكية"),
    ],
)
def test_hamza_on_hamzat_al_wasl_is_dropped(raw: str, expected: str) -> None:
    assert normalize_text(raw, "ar")[0] == expected


@pytest.mark.parametrize(
    "word",
    [
        "إنتاج",
        "إعلان",
        "إصلاح",
        "إنجاز",
        "إدريس",
        "إيموزار",
        "إنزكان",
        "الإقليمي",
        "إعطائهم",
        "إتمام",
        "أصدقاء",
    ],
)
def test_hamzat_al_qat_and_names_keep_their_hamza(word: str) -> None:
    raw = f"قال إن {word} مهم"
    assert normalize_text(raw, "ar") == (raw, [])


def test_hamza_edit_covers_the_word_at_its_raw_offset() -> None:
    _, edits = normalize_text("حزب الإستقلال", "ar")
    assert edits == [Edit("hamza_wasl", "الإستقلال", "الاستقلال", 4)]


def test_detached_waw_is_joined() -> None:
    clean, edits = normalize_text("حزب التقدم و الاشتراكية", "ar")
    assert clean == "حزب التقدم والاشتراكية"
    assert edits == [Edit("join_waw", "و ", "و", 11)]


@pytest.mark.parametrize("raw", ["سنة 2011 و 2016", "حزب الاستقلال و USFP"])
def test_detached_waw_stays_before_digits_and_latin(raw: str) -> None:
    assert normalize_text(raw, "ar") == (raw, [])


def test_glued_words_are_split_with_raw_offsets_after_earlier_edits() -> None:
    raw = "\u200fانعقد اللقاء بإقليمصفرو و الإقليميبالخميسات"
    clean, edits = normalize_text(raw, "ar")
    assert clean == "انعقد اللقاء بإقليم صفرو والإقليمي بالخميسات"
    splits = edits_of("split_merged_word", edits)
    assert splits == [
        Edit("split_merged_word", "بإقليمصفرو", "بإقليم صفرو", 14),
        Edit("split_merged_word", "الإقليميبالخميسات", "الإقليمي بالخميسات", 27),
    ]
    assert all(raw[e.start_char : e.start_char + len(e.before)] == e.before for e in splits)


def test_names_and_rare_words_are_not_split() -> None:
    raw = "انتخاب جعفر خملاش وعزيز العجوطي وخالد لخبيزي وإدريس بوطاهر في قطاعات سوسيومهنية واللاتمركز"
    clean, edits = normalize_text(raw, "ar")
    assert clean == raw
    assert edits == []


def test_boilerplate_lines_and_counters_are_removed() -> None:
    raw = "بلاغ المكتب السياسي\n\n0 398\n\nنص البلاغ.\n\nقد يعجبك ايضا\n\nاترك رد"
    clean, edits = normalize_text(raw, "ar")
    assert clean == "بلاغ المكتب السياسي\n\nنص البلاغ."
    removed = [(e.before, e.start_char) for e in edits_of("boilerplate", edits)]
    assert removed == [("قد يعجبك ايضا\n", 40), ("اترك رد", 55), ("0 398\n", 21)]
    assert raw.index("قد يعجبك") == 40 and raw.index("اترك") == 55 and raw.index("0 398") == 21


def test_read_also_link_lines_go_but_sentences_starting_alike_stay() -> None:
    raw = "اقرأ أيضا: حزب الاستقلال يعقد مؤتمره\nشارك في اللقاء عدد من المناضلين\nشارك"
    clean, _ = normalize_text(raw, "ar")
    assert clean == "شارك في اللقاء عدد من المناضلين"


def test_spaces_are_collapsed_and_paragraphs_kept() -> None:
    raw = "  في  الرباط   اليوم \r\nسطر ثان\n\n\n\nفقرة ثانية ."
    clean, edits = normalize_text(raw, "ar")
    assert clean == "في الرباط اليوم\nسطر ثان\n\nفقرة ثانية."
    assert Edit("newline", "\r\n", "\n", 21) in edits
    assert Edit("blank_lines", "\n\n\n\n", "\n\n", raw.index("\n\n\n\n")) in edits
    assert Edit("space_before_punct", " ", "", raw.index(" .")) in edits


def test_french_text_gets_no_arabic_rule() -> None:
    raw = (
        "Le bureau\u00a0politique (حزب التقدم و الاشتراكية) s’est réuni à Tiznit ; la réunion\u200b a duré  2 h.\n"
        "Lire aussi : L’USFP tient son congrès\n"
        "Partager\n"
        "ﬁn"
    )
    clean, edits = normalize_text(raw, "fr")
    assert clean == (
        "Le bureau politique (حزب التقدم و الاشتراكية) s’est réuni à Tiznit ; la réunion a duré 2 h.\nfin"
    )
    assert not {e.rule for e in edits} & ARABIC_ONLY_RULES
    assert {e.rule for e in edits} == {"nbsp", "invisible_char", "unicode_nfkc", "boilerplate", "spaces"}


def test_other_languages_get_only_neutral_rules() -> None:
    clean, edits = normalize_text("Hola  mundo\u00a0و الاشتراكية فـي ٣", "es")
    assert clean == "Hola mundo و الاشتراكية فـي 3"
    assert {e.rule for e in edits} == {"spaces", "nbsp", "arabic_digits"}


def test_normalize_tracked_works_in_place_on_raw_offsets() -> None:
    text = TrackedText("العنوان\nبإقليمتاونات")
    text.replace_spans("header", [(0, 8, "")])  # what ingest does before calling us
    normalize_tracked(text, "ar")
    assert text.text == "بإقليم تاونات"
    assert text.edits[-1] == Edit("split_merged_word", "بإقليمتاونات", "بإقليم تاونات", 8)


def test_every_edit_of_a_mixed_document_points_at_its_raw_text() -> None:
    raw = "عقد حزب التقدم و الاشتراكية إجتماعه فـي ٢٠٢٠ بإقليمتاونات\u00a0.\n\n\n\nاترك رد"
    clean, edits = normalize_text(raw, "ar")
    assert clean == "عقد حزب التقدم والاشتراكية اجتماعه في 2020 بإقليم تاونات."
    assert [(e.rule, e.start_char) for e in edits] == [
        ("nbsp", raw.index("\u00a0")),
        ("arabic_digits", raw.index("٢٠٢٠")),
        ("remove_tatweel", raw.index("ـ")),
        ("split_merged_word", raw.index("بإقليمتاونات")),
        ("hamza_wasl", raw.index("إجتماعه")),
        ("join_waw", raw.index("و ال")),
        ("boilerplate", raw.index("اترك رد")),
        ("space_before_punct", raw.index("\u00a0")),  # the space the nbsp became
        ("blank_lines", raw.index("\n")),
        ("trim", raw.index("\n")),
    ]


def test_match_key_keeps_length_and_folds_both_scripts() -> None:
    from akhbar.text.keys import match_key

    text = "Élections à Aït Melloul – l’année 2015؛ إِنْتِخَابات الأحد ـ مؤخراً İ"
    key = match_key(text)
    assert len(key) == len(text)
    assert key.startswith("elections a ait melloul - l'annee 2015؛ ")
    assert "انتخابات" in key.replace(" ", "") and key.endswith("İ")


def test_diacritics_are_removed_so_an_accusative_title_reads_like_any_other() -> None:
    from akhbar.extract.people import find_people

    text, edits = normalize_text("وانتخب المؤتمر محمد العلمي كاتبًا إقليميًا للحزب.", "ar")
    assert "كاتبا إقليميا" in text and [e.rule for e in edits].count("remove_diacritics") == 2
    assert [m.extra["role"] for m in find_people(text, "ar")] == ["الكاتب الإقليمي"]


def test_the_rare_character_sets_are_exactly_what_their_rules_match() -> None:
    """A rule is skipped when none of its characters is in the text (`normalize._rare_chars`): each set
    must hold every character its pattern can start a match on, and the skip must not change a text."""
    from akhbar.clean import normalize as nz

    rules = [
        (nz.LINE_BREAKS, nz._LINE_BREAK_CHARS),
        (nz.INVISIBLE, nz._INVISIBLE_CHARS),
        (nz.EASTERN_DIGITS, nz._EASTERN_DIGIT_CHARS),
        (nz.TATWEEL, nz._TATWEEL_CHARS),
        (nz.DIACRITICS, nz._DIACRITIC_CHARS),
    ]
    for code in range(0x10000):
        ch = chr(code)
        for pattern, chars in rules:
            assert bool(pattern.match(ch)) == (ch in chars), (pattern.pattern, hex(code))
        assert (ch in nz._rare_chars(ch)) == any(ch in chars for _, chars in rules)
    assert nz.TATWEEL_BEFORE_DIGIT.search("لـ7") and not nz.TATWEEL_BEFORE_DIGIT.search("ل7")


@pytest.mark.parametrize(
    "raw",
    [
        "  سطر يبدأ بمسافتين\nو الحزب \n\n\n\nنهاية ،",
        "\tLe parti , la ville .\r\nFin  du texte ",
        "ﻻ ﷲ  لـ7 أكتوبر ٢٠٢٢ مُنتخب\u200f",  # NFKC writes letters and a ligature's parts
        "و الحزب و 2022 وو الرباط",
    ],
)
def test_skipping_rules_gives_the_text_running_them_gives(raw: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from akhbar.clean import normalize as nz

    every = frozenset().union(
        nz._LINE_BREAK_CHARS,
        nz._INVISIBLE_CHARS,
        nz._EASTERN_DIGIT_CHARS,
        nz._TATWEEL_CHARS,
        nz._DIACRITIC_CHARS,
    )
    for language in ("ar", "fr"):
        fast = normalize_text(raw, language)
        with monkeypatch.context() as m:  # every rule runs: all their characters seem present
            m.setattr(nz, "_rare_chars", lambda text: every)
            assert normalize_text(raw, language) == fast


def test_text_size_buttons_and_back_to_top_are_boilerplate() -> None:
    raw = "Augmenter la taille du texte\nDiminuer la taille du texte\n\nLe PPS a tenu son congrès à Taza."
    assert normalize_text(raw, "fr")[0] == "Le PPS a tenu son congrès à Taza."
    raw = "عقد الحزب مؤتمره بتازة.\nزر الذهاب إلى الأعلى"
    assert normalize_text(raw, "ar")[0] == "عقد الحزب مؤتمره بتازة."


def test_a_share_widget_drawn_as_a_list_item_is_boilerplate() -> None:
    """• تم النسخ (the copy-link button's label as a bullet): the bullet does not hide the widget; a bullet
    line of the article's own text stays."""
    raw = "شارك المقال\n• تم النسخ\n\nعنوان المقال\n\n• عقد الحزب مؤتمره."
    clean, _edits = normalize_text(raw, "ar")
    assert clean == "عنوان المقال\n\n• عقد الحزب مؤتمره."
