"""Party and organization finders on sentences written for these tests."""

from __future__ import annotations

import pytest

from akhbar.extract.parties import find_organizations, find_parties
from akhbar.lexicons import read_lexicon


def party_codes(text: str, language: str) -> list[str]:
    return [m.code for m in find_parties(text, language)]


PARTY_CASES = [
    # names, with clitics, detached و, hamza variants, misspellings
    ("عقد حزب التقدم والاشتراكية اجتماعا", "ar", ["PPS"]),
    ("الكاتب الإقليمي لحزب التقدم و الاشتراكية", "ar", ["PPS"]),
    ("مناضلو حزب التقدم والإشتراكية", "ar", ["PPS"]),
    ("محطة هامة لحزب التقدم الاشتراكية", "ar", ["PPS"]),
    ("مستشارو حزب الكتاب بالمجالس", "ar", ["PPS"]),
    ("باسم التقدم والاشتراكية", "ar", ["PPS"]),
    ("المكتب السياسي للاتحاد الاشتراكي للقوات الشعبية", "ar", ["USFP"]),
    ("قيادة الاتحاد الاشتراكي وحزب الوردة", "ar", ["USFP", "USFP"]),
    ("عقد حزب الاستقلال مؤتمره", "ar", ["PI"]),
    ("مرشح حزب الميزان", "ar", ["PI"]),
    ("الأمانة العامة لحزب العدالة والتنمية", "ar", ["PJD"]),
    ("نواب حزب المصباح والبيجيدي", "ar", ["PJD", "PJD"]),
    ("التجمع الوطني للأحرار وحزب الحمامة", "ar", ["RNI", "RNI"]),
    ("حزب الأصالة والمعاصرة أو البام أو حزب الجرار", "ar", ["PAM", "PAM", "PAM"]),
    ("الحركة الشعبية وحزب السنبلة", "ar", ["MP", "MP"]),
    ("الاتحاد الدستوري أو حزب الحصان", "ar", ["UC", "UC"]),
    ("الحزب الاشتراكي الموحد وفيدرالية اليسار الديمقراطي", "ar", ["PSU", "FGD"]),
    ("جبهة القوى الديمقراطية والحركة الديمقراطية الاجتماعية", "ar", ["FFD", "MDS"]),
    # short ambiguous aliases: only with a context word or the party named elsewhere
    ("احتفل المغاربة بعيد الاستقلال", "ar", []),
    ("رفع علم الاستقلال وعاد حزب الاستقلال", "ar", ["PI"]),
    ("يريد الأحرار أن يعيشوا", "ar", []),
    ("قال التجمع الوطني للأحرار إن الأحرار جاهزون", "ar", ["RNI", "RNI"]),
    ("وضع الميزان على الطاولة", "ar", []),
    ("حلقت الحمامة فوق المصباح", "ar", []),
    # French
    ("Le Premier secrétaire de l'USFP, Driss Lachguar", "fr", ["USFP"]),
    ("l'Union socialiste des forces populaires (USFP)", "fr", ["USFP", "USFP"]),
    ("le Parti du progrès et du socialisme et le PPS", "fr", ["PPS", "PPS"]),
    ("le Parti de l'Istiqlal et l'Istiqlal", "fr", ["PI", "PI"]),
    ("le Mouvement populaire (MP) a tenu son congrès", "fr", ["MP", "MP"]),
    ("un mouvement populaire sans précédent", "fr", []),
    ("Le MP3 et le MP ne sont pas des partis ici", "fr", []),
    ("le Rassemblement national des indépendants (RNI) et le PAM", "fr", ["RNI", "RNI", "PAM"]),
    ("l'Union constitutionnelle, le PJD et le PSU", "fr", ["UC", "PJD", "PSU"]),
    ("le PI a gagné", "fr", []),
    ("le parti PI a gagné", "fr", ["PI"]),
    ("Authenticité et modernité", "fr", ["PAM"]),
    ("le Parti authenticité et de modernité", "fr", ["PAM"]),  # a frequent misspelling
    ("le Parti du progrès et socialisme", "fr", ["PPS"]),
    ("le parti de l'Istiqlal", "fr", ["PI"]),
    ("les élus istiqlaliens", "fr", ["PI"]),
    ("la Mouvement populaire démocratique et constitutionnel", "fr", ["MPDC"]),
    ("الحركة الشعبية الدستورية الديمقراطية", "ar", ["MPDC"]),
    # a guarded name alone in brackets after a person is the party's label; not alone, it stays a word
    ("- Taliouine : Said Lahcen (PI)", "fr", ["PI"]),
    ("تالوين: أحمد بوزيد (الاستقلال)", "ar", ["PI"]),
    ("وقال إن الاستقلال مهم (حسب تعبيره)", "ar", []),
    ("la loi sur la propriété intellectuelle (PI) a été adoptée", "fr", []),  # the words it abbreviates
    ("une carte nationale d'identité (CNI) est exigée", "fr", []),
]


@pytest.mark.parametrize(("text", "language", "expected"), PARTY_CASES)
def test_party_codes(text: str, language: str, expected: list[str]) -> None:
    assert party_codes(text, language) == expected


def test_party_mention_fields() -> None:
    text = "كشف الكاتب الإقليمي لحزب التقدم و الاشتراكية بإقليم الجديدة"
    (m,) = find_parties(text, "ar")
    assert m.entity_type == "party" and m.code == "PPS"
    assert text[m.start_char : m.end_char] == m.text == "حزب التقدم و الاشتراكية"
    assert m.normalized == "حزب التقدم والاشتراكية"
    (fr,) = find_parties("le congrès de l'USFP", "fr")
    assert fr.normalized == "Union socialiste des forces populaires" and fr.extra["kind"] == "abbreviation"


def test_misspelling_is_marked() -> None:
    (m,) = find_parties("لحزب التقدم الاشتراكية", "ar")
    assert m.extra["kind"] == "misspelling"


ORG_CASES = [
    ("اجتماع المكتب السياسي لحزب التقدم والاشتراكية", "ar", [("المكتب السياسي", "PPS")]),
    (
        "عضو الديوان السياسي وعضو اللجنة المركزية",
        "ar",
        [("الديوان السياسي", None), ("اللجنة المركزية", None)],
    ),
    ("عضوا باللجنة المركزية للحزب", "ar", [("اللجنة المركزية", None)]),
    ("دورة للجنة المركزية", "ar", [("اللجنة المركزية", None)]),
    ("حزب الاستقلال: اجتمعت اللجنة التنفيذية للحزب", "ar", [("اللجنة التنفيذية", "PI")]),
    ("المكتب السياسي. حزب الاستقلال", "ar", [("المكتب السياسي", None)]),
    ("استعادته للكتابة الاقليمية", "ar", [("الكتابة الإقليمية", None)]),
    ("الفرع المحلي لحزب الأصالة والمعاصرة", "ar", [("الفرع المحلي", "PAM")]),
    ("دورة اللجنة الإدارية الوطنية", "ar", [("اللجنة الإدارية الوطنية", None)]),
    ("تأسيس جمعية المنتخبين التقدميين", "ar", [("الجمعية الديمقراطية للمنتخبين التقدميين", "PPS")]),
    ("الجمعية الديمقراطية للمنتخبين التقدميين", "ar", [("الجمعية الديمقراطية للمنتخبين التقدميين", "PPS")]),
    # an affiliate's own name says whose it is (organizations.tsv, party); a party named after it wins
    ("مؤتمر الشبيبة الاشتراكية", "ar", [("الشبيبة الاشتراكية", "PPS")]),
    ("الجمع العام التأسيسي لفرع منظمة الشبيبة التجمعية بأزرو", "ar", [("الشبيبة التجمعية", "RNI")]),
    ("le congrès de la Jeunesse istiqlalienne", "fr", [("Jeunesse istiqlalienne", "PI")]),
    ("les orientations du Bureau politique de l'USFP", "fr", [("Bureau politique", "USFP")]),
    (
        "les résolutions de la Commission administrative nationale",
        "fr",
        [("Commission administrative nationale", None)],
    ),
    ("les membres des deux secrétariats provinciaux", "fr", [("Secrétariat provincial", None)]),
    ("président du Conseil national", "fr", [("Conseil national", None)]),
    ("تقرير المجلس الوطني لحقوق الإنسان", "ar", [("المجلس الوطني لحقوق الإنسان", None)]),
]


@pytest.mark.parametrize(("text", "language", "expected"), ORG_CASES)
def test_organizations(text: str, language: str, expected: list[tuple[str, str | None]]) -> None:
    found = find_organizations(text, language)
    assert [(m.normalized, m.extra["party"]) for m in found] == expected
    assert all(m.entity_type == "organization" and m.code is None for m in found)
    assert all(text[m.start_char : m.end_char] == m.text for m in found)


def test_party_lexicon_is_well_formed() -> None:
    rows = read_lexicon("parties.tsv")
    assert {r["kind"] for r in rows} <= {"name", "nickname", "abbreviation", "misspelling", "context"}
    assert {r["guard"] for r in rows} <= {"", "word", "doc"}
    contract = {"PPS", "USFP", "PI", "PJD", "RNI", "PAM", "MP", "UC", "PSU", "FGD"}
    for lang in ("ar", "fr"):
        named = {r["code"] for r in rows if r["language"] == lang and r["kind"] == "name"}
        assert contract <= named, contract - named
