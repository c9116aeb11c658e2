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


# Whole phrases whose spaces a page lost (written for these tests): more words than any short split.
LONG_RUNS = [
    ("عضوالمكتبالسياسيللحزب", "عضو المكتب السياسي للحزب"),
    ("السلطاتالمحليةالتيتقفموقفالمتفرج", "السلطات المحلية التي تقف موقف المتفرج"),
    ("الكتابةالإقليميةتعلنللرأيالعامالوطني", "الكتابة الإقليمية تعلن للرأي العام الوطني"),
    ("انعقدالمجلسالوطنيللحزبيومالسبت", "انعقد المجلس الوطني للحزب يوم السبت"),
]


@pytest.mark.parametrize(("glued", "expected"), GLUED + LONG_RUNS)
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


def test_long_real_words_stay_whole() -> None:
    """Words of sixteen letters and more that wordfreq knows, each read as if it did not: left whole."""
    from akhbar.clean.wordsplit import arabic_zipf, long_run_split

    long_words = [w for w in arabic_zipf() if len(w) >= 16 and len(set(w)) > 3]  # not لالالالا...
    split = [w for w in long_words if long_run_split(w)]
    assert len(split) <= len(long_words) // 20, split


def test_split_is_cached_and_pure() -> None:
    first = split_glued("إقليمتاونات")
    assert split_glued("إقليمتاونات") == first == ["إقليم", "تاونات"]
    assert split_glued.cache_info().hits >= 1


# --- akhbar.clean.glue: hard cues and word probabilities, both languages (tokens written for these tests) ---

from akhbar.clean.glue import TOKEN, split_token  # noqa: E402
from akhbar.clean.normalize import normalize_text  # noqa: E402

GLUED_TOKENS = [
    # a number against a word, either side; a proclitic stays with its number
    ("ar", "يوم12", "يوم 12"),
    ("ar", "2024بالمقر", "2024 بالمقر"),
    ("ar", "للتقدمب7", "للتقدم ب7"),
    ("ar", "3و4", "3 و4"),
    # a page's user name, a known Latin word, glued to the date in an Arabic page
    ("ar", "admin11", "admin 11"),
    # a letter that only ends a word
    ("ar", "الجلسةالافتتاحية", "الجلسة الافتتاحية"),
    ("ar", "علىأهمية", "على أهمية"),
    # a word glued to a definite word, a preposition, a particle, a place
    ("ar", "بالمكتبالسياسي", "بالمكتب السياسي"),
    ("ar", "المنتخبينالجدد", "المنتخبين الجدد"),
    ("ar", "تعملعلى", "تعمل على"),
    ("ar", "لتنفيذهمع", "لتنفيذه مع"),
    ("ar", "كماتدخل", "كما تدخل"),
    ("ar", "فاسومكناس", "فاس ومكناس"),
    ("ar", "طنجةتطوان", "طنجة تطوان"),
    ("ar", "أحمدالإدريسي", "أحمد الإدريسي"),
    ("ar", "حزبPPS", "حزب PPS"),
    # two function words, a common word of three letters, a word read through its suffix, a word that
    # starts like a compound name (بن), a rarer definite word, a particle no word ends with, a head word
    ("ar", "كلمن", "كل من"),
    ("ar", "لهفي", "له في"),
    ("ar", "منخلال", "من خلال"),
    ("ar", "أكدعلى", "أكد على"),
    ("ar", "قراراتهمفي", "قراراتهم في"),
    ("ar", "المشاركونفي", "المشاركون في"),
    ("ar", "تطلعاتهمإلى", "تطلعاتهم إلى"),
    ("ar", "بناءعلى", "بناء على"),
    ("ar", "مؤشراتالتنمية", "مؤشرات التنمية"),
    ("ar", "الانتخابيأو", "الانتخابي أو"),
    ("ar", "البرنامجغير", "البرنامج غير"),
    ("ar", "يكونحزب", "يكون حزب"),
    ("ar", "فيهاحزب", "فيها حزب"),
    # French
    ("fr", "provincialLe", "provincial Le"),
    ("fr", "conseilest", "conseil est"),
    ("fr", "bureaudes", "bureau des"),
    ("fr", "réunion.Les", "réunion. Les"),
    ("fr", "juillet2023", "juillet 2023"),
    # French function words, even in short tokens or ones wordfreq knows rarely; two longer words
    ("fr", "envue", "en vue"),
    ("fr", "dela", "de la"),
    ("fr", "etdes", "et des"),
    ("fr", "surla", "sur la"),
    ("fr", "laville", "la ville"),
    ("fr", "estarrivé", "est arrivé"),
    ("fr", "seraitconvoqué", "serait convoqué"),
    ("fr", "délégationslocales", "délégations locales"),
]


@pytest.mark.parametrize(("language", "glued", "expected"), GLUED_TOKENS)
def test_glued_tokens_are_split(language: str, glued: str, expected: str) -> None:
    assert split_token(glued, language) == expected


KEPT_TOKENS = [
    # numbers written against letters on purpose
    ("ar", "ب12"),
    ("ar", "ال20"),
    ("ar", "2024م"),
    ("fr", "8ème"),
    ("fr", "20h"),
    ("fr", "COP22"),
    ("fr", "Le360"),
    # ى and ة before a pronoun or a hamza seat, misspelled but one word
    ("ar", "علىه"),
    ("ar", "شاطىء"),
    # names, rare words and glued-looking real words
    ("ar", "بولعيون"),
    ("ar", "الفتاحي"),
    ("ar", "عبدالحق"),
    ("ar", "بنعلي"),
    ("ar", "نورالدين"),
    ("ar", "فيتبخر"),
    ("ar", "مؤتمراتهم"),
    ("ar", "الشرفي"),
    ("ar", "ناظورسيتي"),
    # words that read as two function words or a clitic and a word, a name that starts like a particle,
    # colloquial هال, a plural ending after ال
    ("ar", "منفي"),
    ("ar", "معفي"),
    ("ar", "عنفي"),
    ("ar", "يتمعن"),
    ("ar", "لمعبر"),
    ("ar", "فيبعد"),
    ("ar", "لنقبل"),
    ("ar", "التيجاني"),
    ("ar", "أوماري"),
    ("ar", "بهالطريقة"),
    ("ar", "الشماليون"),
    ("ar", "المتحزب"),
    ("fr", "YouTube"),
    ("fr", "TelQuel"),
    ("fr", "M.Benkirane"),
    ("fr", "Hespress.Com"),
    # a web address with digits or capitals inside, a unit after a number
    ("fr", "Akhbar24.ma"),
    ("fr", "LeJournal.com"),
    ("ar", "kech24"),  # a site's name, no known word before the number
    ("fr", "5m"),
    ("fr", "istiqlaliens"),
    ("fr", "fusionniste"),
    ("fr", "3.5"),
    # French: a bound prefix, an inflection, a pronoun before a word, a determiner in a short token
    ("fr", "hyperprésident"),
    ("fr", "contrepropositions"),
    ("fr", "albanaises"),
    ("fr", "nefaste"),
    ("fr", "cedit"),
]


@pytest.mark.parametrize(("language", "token"), KEPT_TOKENS)
def test_real_tokens_stay_whole(language: str, token: str) -> None:
    assert split_token(token, language) == token


def test_tokens_are_whole_words_between_punctuation() -> None:
    found = [m.group(0) for m in TOKEN.finditer("قال: اجتماع_الرباط (2024) ومُنتخب، part.Cette")]
    assert found == ["اجتماع", "الرباط", "2024", "part.Cette"]  # قال: too short to be cut


def test_short_tokens_are_candidates_only_with_a_digit_or_a_joining_mark() -> None:
    found = [m.group(0) for m in TOKEN.finditer("في 3و4 est.Le ou, pays.« دار .Le")]
    assert found == ["3و4", "est.Le", "pays.«"]


def test_every_split_is_an_edit() -> None:
    clean, edits = normalize_text("انعقد يوم12 مارس الاجتماعالعادي للمكتبالسياسي.", "ar")
    assert clean == "انعقد يوم 12 مارس الاجتماع العادي للمكتب السياسي."
    splits = [(e.before, e.after) for e in edits if e.rule == "split_merged_word"]
    assert splits == [
        ("يوم12", "يوم 12"),
        ("الاجتماعالعادي", "الاجتماع العادي"),
        ("للمكتبالسياسي", "للمكتب السياسي"),
    ]
    clean, edits = normalize_text("Le bureau s'est réuni.Le secrétaireGénéral a parlé.", "fr")
    assert clean == "Le bureau s'est réuni. Le secrétaire Général a parlé."


@pytest.mark.parametrize("token", ["بلحسان", "بلسعيد", "إداوتنان", "اداوتنان"])
def test_a_family_name_in_bel_and_a_place_usually_written_glued_stay_whole(token: str) -> None:
    """بل + a given name is a family name (Belhassan, Belsaid), not the particle بل; إداوتنان is how the
    prefecture's name is usually written."""
    assert split_token(token, "ar") == token


def test_bal_before_an_article_word_is_still_split() -> None:
    assert split_token("بلالحكومة", "ar") == "بل الحكومة"


@pytest.mark.parametrize(
    ("glued", "expected"),
    [("تعتبرمرحلة", "تعتبر مرحلة"), ("شهدتمشاركة", "شهدت مشاركة"), ("يعتبرخطوة", "يعتبر خطوة")],
)
def test_two_plain_common_words_glued_are_split(glued: str, expected: str) -> None:
    """No article, name or preposition marks the cut: two common words, each common on its own."""
    assert split_glued(glued) == expected.split()


@pytest.mark.parametrize(
    ("glued", "expected"), [("عرفتحضور", "عرفت حضور"), ("أكدتضرورة", "أكدت ضرورة"), ("سجلتغياب", "سجلت غياب")]
)
def test_two_long_very_common_words_glued_are_split_at_a_lower_bar(glued: str, expected: str) -> None:
    """Each of four letters or more besides its clitics and very common (Zipf 4+): less evidence is needed."""
    assert split_glued(glued) == expected.split()


@pytest.mark.parametrize("word", ["والأنبوبي", "بالماوردي", "بالماسكين"])
def test_a_rare_word_opening_like_an_article_and_a_short_word_stays_whole(word: str) -> None:
    """والأن|بوبي, بالما|وردي: unknown to the word list with their clitics, yet real words. A cut of two
    plain words never leaves a piece of fewer than three letters besides its clitics (unless a listed
    short word), nor a rare piece."""
    assert split_glued(word) is None


def test_a_rare_real_word_that_reads_as_a_preposition_and_a_word_stays_whole() -> None:
    assert split_glued("معوزين") is None  # needy (plural), not مع + وزين


@pytest.mark.parametrize(
    ("glued", "expected"),
    [
        ("حميدالزرهوني", "حميد الزرهوني"),
        ("وليدالمصمودي", "وليد المصمودي"),
        ("عبدالرحيمالشرقاوي", "عبدالرحيم الشرقاوي"),
    ],
)
def test_a_given_name_glued_to_a_family_name_with_the_article_is_split(glued: str, expected: str) -> None:
    """Family names are too rare for word probabilities: the listed given name and the article are the cue."""
    assert split_glued(glued) == expected.split()


@pytest.mark.parametrize("name", ["نورالدين", "جمالالدين", "بدرالدين"])
def test_a_compound_given_name_written_glued_stays_whole(name: str) -> None:
    assert split_glued(name) is None


@pytest.mark.parametrize(
    ("glued", "expected"), [("منرئاسة", "من رئاسة"), ("معأعضاء", "مع أعضاء"), ("فيمجلس", "في مجلس")]
)
def test_a_two_letter_preposition_before_a_very_common_word_is_split(glued: str, expected: str) -> None:
    assert split_glued(glued) == expected.split()


@pytest.mark.parametrize(
    "word", ["مندفعة", "منفاهم", "فيلالي", "منصوري", "منتخبين", "مندرجة", "منكوبا", "منصورة"]
)
def test_words_and_names_that_open_like_a_preposition_stay_whole(word: str) -> None:
    """مندفعة is one word (rushing), not من + دفعة: a token the word list knows is never cut there, and
    the word after the preposition must be very common as written (فيلالي is no في + ل + إلى)."""
    assert split_glued(word) is None


@pytest.mark.parametrize(
    ("glued", "expected"),
    [
        ("نائباإقليميا", "نائبا إقليميا"),
        ("عضواإداريا", "عضوا إداريا"),
        ("الوفيبإمكانه", "الوفي بإمكانه"),
        ("المكاتبلإنجاح", "المكاتب لإنجاح"),
        ("الجديدةلإنجاح", "الجديدة لإنجاح"),
        ("حزبإداري", "حزب إداري"),
    ],
)
def test_an_alef_with_hamza_below_inside_a_token_opens_a_word(glued: str, expected: str) -> None:
    """إ only opens a word (after its proclitics and article): elsewhere a word ended before it; a
    proclitic before it goes with the word it opens."""
    assert split_token(glued, "ar") == expected


@pytest.mark.parametrize(
    ("glued", "expected"), [("قالإنه", "قال إنه"), ("مثلاإذا", "مثلا إذا"), ("حجمالإقبال", "حجم الإقبال")]
)
def test_an_article_or_a_word_ending_like_one_before_an_alef_with_hamza_below(
    glued: str, expected: str
) -> None:
    """حجم|الإقبال: the article goes with the word it opens when the word before it is known; قال|إن: a word
    that ends like the article, or like the bound لا (مثلا), ends before إ."""
    assert split_token(glued, "ar") == expected


@pytest.mark.parametrize(
    "token", ["بالإقليم", "وللإشارة", "عبدالإله", "اللاإنسانية", "أبوإسماعيل", "وبنإدريس", "اللإدارة"]
)
def test_an_alef_with_hamza_below_after_proclitics_an_article_or_a_name_part_stays(token: str) -> None:
    assert split_token(token, "ar") == token


@pytest.mark.parametrize("token", ["فيتخرج", "بمصروفاته", "ليستهدفها"])
def test_a_known_word_behind_its_proclitic_is_not_cut_as_two_words(token: str) -> None:
    """ف + يتخرج is not في + تخرج, ب + مصروفاته not بمصر + وفاته: the cuts made only in unknown tokens
    are not made where a proclitic and a known word make the token."""
    assert split_glued(token) is None


@pytest.mark.parametrize(
    ("glued", "expected"),
    [("خلالإعداد", "خلال إعداد"), ("الأطفالإلى", "الأطفال إلى"), ("منالإنتخابات", "من الإنتخابات")],
)
def test_a_word_ending_like_the_article_before_hamza_below_is_cut_by_frequency(
    glued: str, expected: str
) -> None:
    """خلال|إعداد, not خل|الإعداد: the whole before إ is commoner than what stands before its last two letters;
    من|الإنتخابات: the other way round."""
    assert split_token(glued, "ar") == expected


@pytest.mark.parametrize("token", ["لعبدالإله", "بنعبدالإله", "التإسيسي"])
def test_hamza_below_after_a_name_part_with_its_clitics_or_in_a_misspelt_word_stays(token: str) -> None:
    assert split_token(token, "ar") == token
