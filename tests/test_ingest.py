import datetime as dt
import unicodedata

from akhbar.ingest.language import identify
from akhbar.ingest.reader import Document, Rejection, document_from_bytes, read_header
from akhbar.text.textedit import TrackedText

BODY_AR = (
    "عقد المكتب السياسي لحزب التقدم والاشتراكية اجتماعه الأسبوعي يوم الثلاثاء 21 يناير 2020 "
    "وأجرى في بداية أشغاله تقييما أوليا للمؤتمرات الجهوية للحزب."
)
BODY_FR = (
    "Le Premier secrétaire de l'USFP, Driss Lachguar, a tenu une série de réunions organisationnelles "
    "dans la région de Souss-Massa."
)


def test_metadata_line_becomes_published_date_and_leaves_the_text() -> None:
    text = TrackedText(" date 2026-03-12 " + BODY_FR)
    header = read_header(text)
    assert header.published_date == dt.date(2026, 3, 12)
    assert text.text == BODY_FR
    assert [(e.rule, e.start_char) for e in text.edits] == [("metadata_line", 0)]


def test_title_and_byline_are_read_and_the_byline_removed() -> None:
    title = "حزب التقدم والاشتراكية بإقليم الجديدة ينتخب كاتبا إقليميا"
    raw = f"{title}\nمحمد الصفى :\n{BODY_AR}"
    text = TrackedText(raw)
    header = read_header(text)
    assert header.title == title
    assert header.author == "محمد الصفى"
    assert text.text == f"{title}\n{BODY_AR}"
    assert text.edits[0].rule == "byline"
    assert text.edits[0].start_char == len(title) + 1


def test_french_byline_with_par() -> None:
    text = TrackedText(f"Par Karim Benali\n{BODY_FR}")
    header = read_header(text)
    assert header.author == "Karim Benali"
    assert header.title is None
    assert text.text == BODY_FR


def test_a_single_paragraph_has_no_title() -> None:
    header = read_header(TrackedText(BODY_AR))
    assert header == header.__class__(None, None, None)


def test_a_sentence_is_not_a_title() -> None:
    header = read_header(TrackedText("Ceci est une phrase complète qui se termine par un point.\n" + BODY_FR))
    assert header.title is None


def test_document_from_bytes_reads_everything() -> None:
    doc = document_from_bytes("a/b.txt", (" date 2026-03-12 " + BODY_FR).encode())
    assert isinstance(doc, Document)
    assert (doc.language, doc.published_date, doc.encoding) == ("fr", dt.date(2026, 3, 12), "utf-8")
    assert 0.9 <= doc.language_score <= 1.0


def test_same_bytes_same_id_and_different_bytes_different_id() -> None:
    a = document_from_bytes("a.txt", BODY_AR.encode())
    b = document_from_bytes("b.txt", BODY_AR.encode())
    c = document_from_bytes("c.txt", (BODY_AR + " ").encode())
    assert isinstance(a, Document) and isinstance(b, Document) and isinstance(c, Document)
    assert a.article_id == b.article_id != c.article_id


def test_language_scores_are_probabilities() -> None:
    assert identify(BODY_AR)[0] == "ar"
    lang, score = identify(BODY_FR)
    assert lang == "fr" and 0.0 <= score <= 1.0


def _presentation_forms(text: str) -> str:
    """Each Arabic letter in its isolated presentation form (ARABIC LETTER MEEM -> ... ISOLATED FORM)."""
    out = []
    for ch in text:
        try:
            out.append(unicodedata.lookup(unicodedata.name(ch) + " ISOLATED FORM"))
        except (KeyError, ValueError):
            out.append(ch)
    return "".join(out)


def test_arabic_in_presentation_forms_is_arabic() -> None:
    """Some sites serve Arabic in presentation forms (ﻣﺆﺗﻤﺮ for مؤتمر): read as NFKC it is Arabic, and the
    article is kept, not rejected as another language."""
    shaped = _presentation_forms(BODY_AR)
    assert shaped != BODY_AR and unicodedata.normalize("NFKC", shaped) == unicodedata.normalize(
        "NFKC", BODY_AR
    )
    assert identify(shaped)[0] == "ar"
    assert isinstance(document_from_bytes("shaped.txt", shaped.encode()), Document)


def test_empty_and_english_files_are_rejected_with_reasons() -> None:
    assert document_from_bytes("e.txt", b"  \n\t ") == Rejection(
        "e.txt", "empty", "the file is empty or only white space"
    )
    english = (
        b"The party held its national congress in the capital and elected a new leadership for four years."
    )
    rejected = document_from_bytes("en.txt", english)
    assert isinstance(rejected, Rejection) and rejected.reason == "unsupported_language"


def test_a_month_header_and_a_dateline_give_the_published_date_with_its_precision() -> None:
    from akhbar.ingest.reader import dateline, read_header
    from akhbar.text.textedit import TrackedText

    header = read_header(TrackedText(" date 2021-09 Le conseil a élu son président vendredi."))
    assert (header.published_date, header.published_precision) == (dt.date(2021, 9, 1), "month")
    text = TrackedText(
        "Le bureau politique s'est réuni\nlundi, 3 mars 2022 à 09:15\nLe bureau a examiné la situation."
    )
    assert read_header(text).published_date == dt.date(2022, 3, 3)
    assert dateline("الأحد 12 ماي 2019 - 10:30") == dt.date(2019, 5, 12)
    assert dateline("Publié le 08/10/2022 à 12h30") == dt.date(2022, 10, 8)
    assert dateline("Le bureau politique a tenu sa réunion en 2021") is None


def test_a_time_stamp_after_the_lead_is_the_dateline_and_a_bare_date_there_is_not() -> None:
    """Title, photo captions and a lead, then `Le 11/11/2024 à 19h34`: the page's stamp, however far
    down; a date alone on a line past the page's head (no hour) may be anything."""
    from akhbar.ingest.reader import read_header
    from akhbar.text.textedit import TrackedText

    head = (
        "Le PI tient ses sessions à Dakhla\n\nLe coordinateur régional du parti.\n\nUne photo d'archives.\n\n"
        "Revue de presse. Les élus du parti se sont réunis en fin de semaine dernière à Dakhla.\n\n"
    )
    stamped = read_header(TrackedText(head + "Le 11/11/2024 à 19h34\n\nLa session a adopté son budget."))
    assert (stamped.published_date, stamped.published_precision) == (dt.date(2024, 11, 11), "day")
    bare = read_header(TrackedText(head + "11/11/2024\n\nLa session a adopté son budget."))
    assert bare.published_date is None
    body = "".join(f"Le parti a présenté le point {n} de son programme.\n\n" for n in range(12))
    programme = read_header(TrackedText(head + body + "Samedi 15 juin 2024 à 10h00\n\nOuverture du congrès."))
    assert programme.published_date is None  # deep in the body, a day and an hour are a programme


def test_an_authors_dated_line_below_a_menu_is_the_dateline() -> None:
    """`Rédigé par Karim Alami Lundi 4 Mars 2024` under a page's menu: the name has no fixed length, the
    date ends the line; a sentence opening with `Par` is no author's line."""
    from akhbar.ingest.reader import read_header
    from akhbar.text.textedit import TrackedText

    menu = "".join(
        f"{word}\n" for word in ("facebook", "twitter", "youtube", "linkedin", "instagram", "search")
    )
    title = "Le PI réunit son comité exécutif à Rabat\n\n"
    signed = read_header(
        TrackedText(
            menu * 2 + title + "Rédigé par Karim Alami Lundi 4 Mars 2024\n\nLe comité s'est réuni dimanche."
        )
    )
    assert (signed.published_date, signed.published_precision) == (dt.date(2024, 3, 4), "day")
    arabic = read_header(TrackedText(title + "بقلم: محمد العلوي الأحد 12 ماي 2019\n\nعقد الحزب اجتماعه."))
    assert arabic.published_date == dt.date(2019, 5, 12)
    for line in (
        "Par ailleurs, le comité s'était réuni le 2 mars 2024.",
        "Par décret du 12 mars 2024, X est nommé.",
    ):
        assert read_header(TrackedText(title + line + "\n\nFin.")).published_date is None
    # a bare `Par` signs a line too when a name follows, with its particles
    signed_by = read_header(TrackedText(title + "Par Mohamed el Idrissi Lundi 4 Mars 2024\n\nFin."))
    assert signed_by.published_date == dt.date(2024, 3, 4)
    long_line = "Rédigé par " + "Karim Alami, envoyé spécial du journal, " * 3 + "Lundi 4 Mars 2024"
    assert read_header(TrackedText(title + long_line + "\n\nFin.")).published_date is None


def test_a_dateline_followed_by_a_site_label() -> None:
    from akhbar.ingest.reader import dateline

    assert dateline("يوليوز 6, 2021 غير مصنف") == dt.date(2021, 7, 6)
    assert dateline("12 mars 2022 Politique") == dt.date(2022, 3, 12)
    assert dateline("Le congrès de 2021 a eu lieu") is None


def test_a_page_head_of_fields_between_pipes_gives_its_dateline() -> None:
    """أخبار جهة فاس | الاثنين 19 نونبر 2018 - 10:05: the page's section, then its date, field by field;
    a rubric with a year in a sentence is still no dateline."""
    from akhbar.ingest.reader import dateline

    assert dateline("أخبار جهة فاس | الاثنين 19 نونبر 2018 - 10:05") == dt.date(2018, 11, 19)
    assert dateline("Régions | Mardi 4 juin 2019") == dt.date(2019, 6, 4)
    assert dateline("Accueil | Politique | Le PAM a élu son bureau en 2021 à Rabat") is None


def test_an_agency_dateline_opening_the_lead_is_the_published_date() -> None:
    """`Khénifra, 4 août 2023 - Le secrétariat ...`, `الرباط، 12 مارس 2023 (و م ع) - عقد ...`: the place, a
    comma, the date, maybe the agency, a dash; a sentence with a comma and a year is no dateline."""
    from akhbar.ingest.reader import read_header
    from akhbar.text.textedit import TrackedText

    lead = "Khénifra, 4 août 2023 - Le secrétariat provincial du MP a tenu hier soir une réunion."
    assert read_header(TrackedText("Le MP se réunit\n" + lead)).published_date == dt.date(2023, 8, 4)
    lead = "الرباط، 12 مارس 2023 (و م ع) - عقد المكتب السياسي للحزب اجتماعه الأسبوعي."
    assert read_header(TrackedText(lead)).published_date == dt.date(2023, 3, 12)
    lead = "Le PAM, fondé en 2008 - selon ses statuts - tient son congrès."
    assert read_header(TrackedText(lead)).published_date is None
    lead = "Selon lui, le 7 octobre 2016 - date des législatives - a marqué un tournant."
    assert read_header(TrackedText(lead)).published_date is None  # no place before the comma
