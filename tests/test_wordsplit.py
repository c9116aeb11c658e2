"""Glued-word splitting: glued place names come apart, rare real words and names stay whole."""

from __future__ import annotations

import pytest

from akhbar.clean.wordsplit import split_glued

# Gazetteer place names glued to a head word (إقليم، جهة، عمالة، جماعة، مدينة، دائرة، الإقليمي),
# with and without the prepositions ب and ل, the conjunction و and the article. Written for these
# tests, not taken from the sample documents.
GLUED = [
    ("إقليمتاونات", "إقليم تاونات"),
    ("بإقليمتاونات", "بإقليم تاونات"),
    ("لإقليمبركان", "لإقليم بركان"),
    ("وبإقليمورزازات", "وبإقليم ورزازات"),
    ("إقليمإفران", "إقليم إفران"),
    ("بإقليمالحسيمة", "بإقليم الحسيمة"),
    ("لإقليمالرشيدية", "لإقليم الرشيدية"),
    ("إقليمسيديسليمان", "إقليم سيدي سليمان"),
    ("جهةالشرق", "جهة الشرق"),
    ("بجهةدرعةتافيلالت", "بجهة درعة تافيلالت"),
    ("لجهةمراكشآسفي", "لجهة مراكش آسفي"),
    ("جماعةتمارة", "جماعة تمارة"),
    ("بجماعةالمعازيز", "بجماعة المعازيز"),
    ("لجماعةإيموزاركندر", "لجماعة إيموزار كندر"),
    ("عمالةتمارة", "عمالة تمارة"),
    ("بعمالةوجدة", "بعمالة وجدة"),
    ("مدينةتطوان", "مدينة تطوان"),
    ("بمدينةالقنيطرة", "بمدينة القنيطرة"),
    ("لمدينةتازة", "لمدينة تازة"),
    ("دائرةشفشاون", "دائرة شفشاون"),
    ("بدائرةتاونات", "بدائرة تاونات"),
    ("الإقليميبتيزنيت", "الإقليمي بتيزنيت"),
    ("الإقليميلأزيلال", "الإقليمي لأزيلال"),
    ("الإقليميبالجديدة", "الإقليمي بالجديدة"),
    ("الجهويبالعيون", "الجهوي بالعيون"),
    ("الدارالبيضاءسطات", "الدار البيضاء سطات"),
    ("بالدارالبيضاء", "بالدار البيضاء"),
    ("حزبالاستقلال", "حزب الاستقلال"),
    ("فيإقليمخنيفرة", "في إقليم خنيفرة"),
    ("منالمغرب", "من المغرب"),
    ("المؤتمرالوطني", "المؤتمر الوطني"),
    ("العدالةوالتنمية", "العدالة والتنمية"),
    ("الكتابةالإقليمية", "الكتابة الإقليمية"),
]


@pytest.mark.parametrize(("glued", "expected"), GLUED)
def test_glued_words_are_split(glued: str, expected: str) -> None:
    assert split_glued(glued) == expected.split()


# Real words and names that are merely rare (or unknown to wordfreq): a split would break them.
WHOLE = [
    "خملاش",
    "العجوطي",
    "بوطاهر",
    "لخبيزي",
    "سوسيومهنية",
    "واللاتمركز",
    "اللامركزية",
    "بنسليمان",
    "عبدالرحيم",
    "نورالدين",
    "حزبيون",
    "إقليميون",
    "الإقليميتين",
    "البلديتين",
    "مؤتمراتهم",
    "والرأسمالي",
    "معالجين",
    "جيريمياه",
    "الفرعونية",
    "منافسو",
    "فيلالي",
    "ولايهتمون",
    "الاستراتجية",
    "لوجستيكي",
    "الإقليمية",
    "بالخميسات",
    "والمنتخبات",
    "الاشتراكية",
    "احتلالهما",
    "رامبالدي",
    "أخنوش",
    "بنكيران",
    "اخشيشن",
    "بلافريج",
]


@pytest.mark.parametrize("word", WHOLE)
def test_real_words_and_names_stay_whole(word: str) -> None:
    assert split_glued(word) is None


@pytest.mark.parametrize("token", ["", "في", "Rabat", "إقليم-صفرو", "2011"])
def test_non_candidates_are_left_alone(token: str) -> None:
    assert split_glued(token) is None


def test_split_is_cached_and_pure() -> None:
    first = split_glued("إقليمتاونات")
    assert split_glued("إقليمتاونات") == first == ["إقليم", "تاونات"]
    assert split_glued.cache_info().hits >= 1
