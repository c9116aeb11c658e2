"""Place linking on sentences written for these tests (not the sample documents)."""

from __future__ import annotations

import pytest

from akhbar.extract.places import find_places, place_by_code
from akhbar.lexicons import read_lexicon
from akhbar.lexicons.gazetteer import crosswalk_names, records, records_by_code
from akhbar.text.phrases import phrase_key, tokenize


def codes(text: str, language: str) -> list[str]:
    return [m.code for m in find_places(text, language)]


# (text, language, the codes expected in order)
CASES = [
    # Arabic: head words, with clitics, glued or not
    ("انعقد المؤتمر بإقليم صفرو يوم الأحد", "ar", ["03.451"]),
    ("وزار الوفد إقليمصفرو أمس", "ar", ["03.451"]),
    ("نظم الحزب لقاء لإيموزار كندر", "ar", ["03.451.01.05"]),
    ("احتضنت مدينة ايموزار كندر اللقاء", "ar", ["03.451.01.05"]),
    ("وفاز الحزب بخمسة مقاعد ببلدية آزمور", "ar", ["06.181.01.01"]),
    ("وفاز الحزب بخمسة مقاعد ببلدية أزمور", "ar", ["06.181.01.01"]),
    ("عقد الكاتب الإقليمي بإقليم الجديدة اجتماعا", "ar", ["06.181"]),
    ("نجح المؤتمر الجهوي لجهة درعة تافيلالت", "ar", ["08"]),
    ("نجح المؤتمر الجهوي بجهة درعة-تافيلالت", "ar", ["08"]),
    ("المنسق الجهوي للحزب بجهة الدار البيضاء-سطات", "ar", ["06"]),
    ("وأكد منتخبو جهة الدار البيضاء سطات", "ar", ["06"]),
    ("لقاءات في كل من الصخيرات تمارة، وسلا، وأسفي", "ar", ["04.501", "04.441.01.0", "07.431.01.03"]),
    ("زار الوفد آسفي ثم عاد", "ar", ["07.431.01.03"]),
    ("النائب البرلماني عن دائرة الخميسات والماس", "ar", ["04.291", "04.291.05.11"]),
    ("رئيس جماعة اولماس", "ar", ["04.291.05.11"]),
    # one name, two levels: the head word decides, a bare city name is the commune
    ("مناضلو الحزب بإقليم الخميسات", "ar", ["04.291"]),
    ("انعقد الجمع العام بمدينة الخميسات", "ar", ["04.291.01.01"]),
    ("لقاء مناضلي الحزب بالخميسات", "ar", ["04.291.01.01"]),
    ("رئيس جماعة الخميسات", "ar", ["04.291.01.01"]),
    ("ورحبت عمالة الدار البيضاء بالمبادرة", "ar", ["06.141"]),
    ("عقد الفرع الإقليمي بتاونات لقاء", "ar", ["03.531"]),
    # adjectives count only before a preposition; a list shares its head word
    ("الانتخابات الجماعية والجهوية الجديدة", "ar", []),
    ("أقاليم الخميسات وسيدي قاسم", "ar", ["04.291", "04.481"]),
    ("جماعات آيت يدين وحودران", "ar", ["04.291.03.07", "04.291.05.07"]),
    ("احتضنت مدينة إيموزار كندر المدينة الإجاصة لقاء", "ar", ["03.451.01.05"]),
    ("المجلس البلدي بمدينة الخميسات، ووفد من آيت يدين", "ar", ["04.291.01.01", "04.291.03.07"]),
    ("الدير", "ar", []),
    ("كميات كبيرة", "ar", []),
    ("مئات المناضلين", "ar", []),
    ("المنسق الجهوي لجهة طنجة", "ar", ["01"]),
    # a commune name in several provinces: the province named in the text decides
    ("بإقليم خريبكة، عقد فرع جماعة أولاد عزوز لقاء", "ar", ["05.311", "05.311.05.15"]),
    ("بإقليم النواصر، عقد فرع جماعة أولاد عزوز لقاء", "ar", ["06.385", "06.385.01.07"]),
    ("عقد فرع جماعة أولاد عزوز لقاء", "ar", ["06.385.01.07"]),  # the most populous
    # former regions are recognised but not linked (and do not become today's سوس-ماسة)
    ("كان منسقا جهويا لجهة دكالة عبدة", "ar", []),
    ("في جهة سوس ماسة درعة سابقا", "ar", []),
    # common words and people are not places
    ("أعلنت الحكومة الجديدة برنامجها", "ar", []),
    ("قضى صباح يوم الأحد في المنزل", "ar", []),
    ("وقد شهده المؤتمر الوطني", "ar", []),
    ("بحضور عضو المكتب السياسي سميرة بنمنصور", "ar", []),
    ("قضايا الشرق الأوسط", "ar", []),
    ("صرح محمد بنسليمان للصحافة", "ar", []),
    ("Karim Tanger a dit", "fr", []),
    # ... unless a head word or a preposition says they are
    ("عقد الحزب لقاء بالجديدة", "ar", ["06.181.01.03"]),
    ("رئيس جماعة المنزل", "ar", ["03.451.01.03"]),
    ("وفد من جماعة بنمنصور", "ar", ["04.281.05.03"]),
    ("الرباط - عقدت الأمانة العامة اجتماعها", "ar", ["04.421.01.0"]),
    # French
    ("une série de réunions dans la région de Souss-Massa.", "fr", ["09"]),
    ("dans la région Souss Massa", "fr", ["09"]),
    ("le secrétaire provincial d'Inezgane-Aït Melloul", "fr", ["09.273"]),
    (
        "les secrétariats provinciaux d'Agadir Ida-Outanane et d'Inezgane-Aït Melloul",
        "fr",
        ["09.001", "09.273"],
    ),
    ("la préfecture d'Agadir-Ida-Ou-Tanane", "fr", ["09.001"]),
    ("Le congrès s'est tenu à Khemisset, puis à Khémisset", "fr", ["04.291.01.01", "04.291.01.01"]),
    ("la province de Khémisset", "fr", ["04.291"]),
    ("le congrès provincial de Khouribga", "fr", ["05.311"]),
    ("réunion à Rabat, au siège du parti", "fr", ["04.421.01.0"]),
    ("réunion à Dar Bouazza", "fr", ["06.385.01.02"]),  # not the commune Adar ("à Dar")
    ("à Mohammedia et à Taroudant", "fr", ["06.371.01.01", "09.541.01.13"]),
    ("بإقليم الناظور وفي مدينة الناظور", "ar", ["02.381", "02.381.01.05"]),
    ("في سيدي يحيى الغرب", "ar", ["04.491.01.09"]),
    ("la région de l'Oriental", "fr", ["02"]),
    ("dans la région Marrakech-Safi, à Essaouira", "fr", ["07", "07.211.01.05"]),
    ("un programme pour le sahel et le Sahel africain", "fr", []),
    ("la commune de Sahel", "fr", ["01.331.11.11"]),
    ("رئاسة مجلس جهة درعة -تافيلات", "ar", ["08"]),  # تافيلات: a common misspelling of تافيلالت
    ("coordinateur régional de Souss Massa Drâa", "fr", []),  # the pre-2015 region: no current code
    # a name opening a line before a colon (a list of councils and their results) is a place, as after à
    ("Les résultats :\n- Taliouine : Said Lahcen (PI)", "fr", ["09.541.01.11"]),
    ("Il a dit Taliouine : non", "fr", []),
    # a commune named after its souk day is also named without it (اثنين أكلو, Tnine Aglou)
    ("- جماعة أكلو: الأصالة والمعاصرة (7 مقاعد)", "ar", ["09.581.11.15"]),
    ("le président de la commune d'Aglou", "fr", ["09.581.11.15"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), CASES)
def test_place_codes(text: str, language: str, expected: list[str]) -> None:
    assert codes(text, language) == expected


def test_mention_offsets_text_and_extra() -> None:
    text = "عقد الحزب مؤتمره بإقليم الجديدة، ثم لقاء ببلدية آزمور."
    first, second = find_places(text, "ar")
    assert text[first.start_char : first.end_char] == first.text == "الجديدة"
    assert first.normalized == "الجديدة" and first.extra["head"] == "إقليم"
    assert first.extra["place"].level == "province" and first.extra["place"].region_code == "06"
    assert second.text == "آزمور" and second.normalized == "أزمور"  # official spelling
    place = second.extra["place"]
    assert (place.commune_code, place.province_code, place.region_code) == ("06.181.01.01", "06.181", "06")


def test_french_normalized_is_the_french_official_name() -> None:
    (m,) = find_places("à Agadir Ida-Outanane", "fr")
    assert m.normalized == "Agadir-Ida-Ou-Tanane" and m.extra["place"].name == "Agadir-Ida-Ou-Tanane"


def test_ambiguous_commune_is_marked() -> None:
    (m,) = find_places("رئيس جماعة أولاد عزوز", "ar")
    assert m.extra["ambiguous"] is True and m.extra["resolved_by"] == "population"
    assert set(m.extra["candidates"]) == {"05.311.05.15", "06.385.01.07"}


def test_arrondissement_links_to_its_commune() -> None:
    (m,) = find_places("رئيس مقاطعة سيدي البرنوصي", "ar")
    assert m.code == "06.141.01.0" and m.extra["arrondissement"] == "06.141.01.51"
    (rabat,) = find_places("مقاطعة اليوسفية بالرباط", "ar")[:1]
    assert rabat.extra["arrondissement"] == "04.421.01.03"  # not the town of Youssoufia
    (town,) = find_places("بمدينة اليوسفية", "ar")
    assert town.code.startswith("07.585")


def test_mentions_do_not_overlap_and_are_ordered() -> None:
    text = "بإقليم الخميسات وبمدينة تيفلت وجماعة الرماني، وفي جهة الرباط سلا القنيطرة"
    ms = find_places(text, "ar")
    assert [m.code for m in ms] == ["04.291", "04.291.01.05", "04.291.01.03", "04"]
    assert all(a.end_char <= b.start_char for a, b in zip(ms, ms[1:], strict=False))


def test_place_by_code() -> None:
    assert place_by_code("03.451.01.05").province_code == "03.451"
    assert place_by_code("03.451", "ar").name == "صفرو"
    assert place_by_code("99.999") is None


def test_tokens_keep_offsets_and_fold_variants() -> None:
    text = "بإقليمِ أزمور d'Inezgane"
    toks = tokenize(text)
    assert [t.key for t in toks] == ["باقليم", "ازمور", "d", "inezgane"]
    assert all(text[t.start : t.end] for t in toks)
    assert phrase_key("Ida-Ou-Tanane") == phrase_key("Ida Outanane")


def test_lexicon_codes_exist() -> None:
    by_code = records_by_code()
    for row in read_lexicon("place_aliases.tsv"):
        assert row["code"] == "-" or row["code"] in by_code, row
    heads = read_lexicon("place_heads.tsv")
    assert {r["level"] for r in heads if r["kind"] != "opener"} <= {
        "region",
        "province",
        "commune",
        "arrondissement",
    }
    assert {r["level"] for r in heads if r["kind"] == "opener"} == {"-"}
    assert {r["kind"] for r in heads} == {"noun", "adjective", "opener"}
    assert all(old.code in by_code for old in crosswalk_names())
    assert {r.level for r in records()} == {"region", "province", "commune", "arrondissement"}


def test_local_constituency_is_province_level() -> None:
    """بالدائرة الانتخابية المحلية X: a legislative constituency, a three-word head."""
    found = find_places("فاز الحزب بالمقعد بالدائرة الانتخابية المحلية الحسيمة.", "ar")
    assert [(m.extra["place"].level, m.extra["place"].province_code) for m in found] == [
        ("province", "01.051")
    ]


@pytest.mark.parametrize(
    ("written", "code"),
    [("تزنيت", "09.581"), ("تينغير", "08.577"), ("سيدي إيفني", "10.473")],
)
def test_an_amazigh_place_name_spelled_with_or_without_a_long_vowel(written: str, code: str) -> None:
    """The gazetteer writes تيزنيت, تنغير, سيدي إفني; the press as often تزنيت, تينغير, سيدي إيفني."""
    found = find_places(f"انعقد المؤتمر الإقليمي للحزب بمدينة {written} يوم الأحد.", "ar")
    assert [(m.text, m.code[: len(code)]) for m in found] == [(written, code)]


def test_a_short_name_spelled_otherwise_is_another_word() -> None:
    """سلا with a ي is سيلا (a flood), منيع without one is منع (to forbid): no place."""
    assert find_places("وجرف سيلا قويا ما منع السير.", "ar") == []


def test_a_spelling_that_is_a_common_word_is_no_place() -> None:
    """الصورة is not الصويرة spelled short, nor الفندق الفنيدق: an Arabic name with its article is spelled
    one way."""
    assert find_places("كما يظهر في الصورة التي التقطت في الفندق.", "ar") == []


def test_a_regional_officer_in_a_town_keeps_the_region() -> None:
    """المنسق الجهوي بفاس, secrétaire régional de Fès: the region the officer answers for."""
    assert [m.code for m in find_places("المنسق الجهوي بفاس", "ar")] == ["03"]


@pytest.mark.parametrize(
    "text",
    [
        "فاز الحزب برئاسة ثلاث جماعات قروية (آيت ميمون، الكنزرة والصفاصيف) بالإقليم.",
        "وظفر الحزب برئاسة ثلاث جماعات هي آيت ميمون، الكنزرة والصفاصيف.",
        "وترأس الحزب ثلاث جماعات وهي (آيت ميمون - الكنزرة - والصفاصيف).",
        "ثلاث جماعات ترابية: آيت ميمون، الكنزرة، الصفاصيف",
    ],
)
def test_a_counting_head_opens_a_list_over_a_bracket_a_colon_or_a_pronoun(text: str) -> None:
    """Small communes need a head word; one that counts them opens the list its names follow."""
    assert codes(text, "ar") == ["04.291.03.01", "04.291.03.09", "04.291.03.13"]


def test_without_a_head_a_bracket_opens_no_list() -> None:
    """A bracket alone announces nothing: the small communes in it stay unread."""
    assert codes("فاز الحزب (آيت ميمون، الكنزرة والصفاصيف) بالإقليم.", "ar") == []


@pytest.mark.parametrize(
    "text",
    ["اجتمعوا بمقر الجماعة (صباح الثلاثاء)", "وحسب رئيس الجماعة: المنزل الذي انهار", "الجماعة وهي المنزل"],
)
def test_a_singular_head_opens_no_list(text: str) -> None:
    """One commune opens no list over a bracket, a colon or هي: the common words after it stay words."""
    assert codes(text, "ar") == []


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("جماعة واد النعام", "08.201.07.09"),  # the gazetteer writes وادي النعام
        ("مقاطعة بن مسيك", "06.141.01.61"),  # ابن مسيك
        ("جماعة غريس السفلي", "08.201.13.09"),  # اغريس السفلي: a first alef left out
    ],
)
def test_a_word_of_a_name_the_press_writes_two_ways(written: str, code: str) -> None:
    found = find_places(f"انتخب رئيس {written} أمس.", "ar")
    assert [m.extra.get("arrondissement") or m.code for m in found] == [code]


def test_a_one_word_name_keeps_its_first_alef() -> None:
    """A name of one word spelled without its first alef is another word (ازنادة, زنادة): only a name of
    several words loses it (بني امحمد سجلماسة, بني محمد سجلماسة; محمد alone is a person)."""
    assert codes("رئيس جماعة زنادة", "ar") == []
    assert codes("رئيس جماعة بني محمد سجلماسة", "ar") == ["08.201.11.01"]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Le conseil de l'arrondissement Jnane El Ouard à Fès", "03.231.01.09"),  # Jnan El Ouard
        ("la commune de Ouled Tayeb", "03.231.01.15"),  # Oulad Tayeb
    ],
)
def test_a_french_name_of_several_words_transliterated_another_way(written: str, code: str) -> None:
    found = {p.extra.get("arrondissement") or p.code for p in find_places(written, "fr")}
    assert code in found


def test_a_list_of_small_communes_after_a_savoir_with_their_seats_in_brackets() -> None:
    """Trois communes, à savoir A (11 sièges sur 18), B (13 sièges sur 18) et C: `à savoir` introduces the
    list as a preposition would, and a bracketed aside after each place does not end it."""
    text = (
        "Le PI est arrivé en tête dans trois communes, à savoir Malloussa (11 sièges sur 18), "
        "Al Bahraoyine (13 sièges sur 18) et Jouamaa (14 sièges sur 18)."
    )
    assert [p.code for p in find_places(text, "fr")] == ["01.227.05.09", "01.227.05.01", "01.227.03.11"]
    # without an introducer, a small commune alone stays a word or a name; `notamment` after no plural
    # place head introduces people, not places
    assert find_places("Le militant Jouamaa a pris la parole.", "fr") == []
    assert find_places("Plusieurs élus, notamment Moulay Brahim Alaoui et Karim Tazi, ont voté.", "fr") == []


@pytest.mark.parametrize(
    ("text", "language", "level"),
    [
        ("Le RNI était en congrès régional à Laâyoune samedi.", "fr", "commune"),
        ("انعقد المؤتمر الجهوي بالعيون.", "ar", "commune"),
        ("عقد الحزب مؤتمره الجهوي بالعيون.", "ar", "commune"),
        ("le secrétaire régional de Laâyoune", "fr", "region"),
        ("المنسق الجهوي للعيون", "ar", "region"),
    ],
)
def test_a_regional_adjective_lifts_a_town_to_its_region_only_when_it_is_whose(
    text: str, language: str, level: str
) -> None:
    """congrès régional à Laâyoune: held in the town (à, ب); secrétaire régional de Laâyoune: of the region."""
    (place,) = find_places(text, language)
    assert place.extra["place"].level == level


def test_a_name_written_with_an_en_dash_is_one_name() -> None:
    """جهة مراكش–آسفي, la région Béni Mellal–Khénifra: an en dash joins a name's words as a hyphen does (with
    spaces round it too, like ` - `); two names the gazetteer holds apart stay two (Rabat – Salé)."""
    (m,) = find_places("نظمت الشبيبة مؤتمرها في جهة مراكش–آسفي يوم السبت", "ar")
    assert (m.code, m.extra["level"]) == ("07", "region")
    (m,) = find_places("dans la région Béni Mellal–Khénifra samedi", "fr")
    assert (m.code, m.extra["level"]) == ("05", "region")
    assert [p.text for p in find_places("à Rabat – Salé samedi", "fr")] == ["Rabat", "Salé"]
