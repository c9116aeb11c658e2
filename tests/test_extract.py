"""extract_article end to end (all the real finders) on articles written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from akhbar.extract.article import Extraction, extract_article
from akhbar.extract.people import find_people
from akhbar.tables.schema import SCHEMAS

AR = (
    "حزب الاستقلال يعقد مؤتمره الإقليمي بتاونات\n"
    "عقد حزب الاستقلال بإقليم تاونات، يوم السبت 14 شتنبر 2019، مؤتمره الإقليمي الثالث بالقاعة الكبرى لبلدية "
    "تاونات، بحضور عضو اللجنة التنفيذية للحزب نور الدين مضيان والمفتش الإقليمي للحزب عبد الله الوزاني وعدد من "
    "المنتخبين. وفي كلمة له بالمناسبة، ذكر نور الدين مضيان بالنتائج التي حققها الحزب خلال الانتخابات الجماعية "
    "لسنة 2015، داعيا إلى الاستعداد للاستحقاقات المقبلة. وفي ختام أشغال المؤتمر، انتخب المؤتمرون بالإجماع السيد "
    "محمد بنعلي كاتبا إقليميا للحزب خلفا لعبد الحق الفاسي.\n"
    "وتتكون الكتابة الإقليمية من: حميد الراضي، سعاد الزروالي، يوسف الحداد."
)

FR = (
    "Le Parti du progrès et du socialisme (PPS) a tenu, dimanche 2 avril 2023 à Fès, une rencontre régionale "
    "présidée par le secrétaire général du parti, Nabil Benabdallah, en présence de Mme Nadia Touhami, membre "
    "du Bureau politique. Cette rencontre a été l'occasion d'évaluer l'action des élus. Le parti a rappelé ses "
    "résultats lors des élections législatives du 8 septembre 2021 et prépare les prochaines échéances."
)


def rows_by_type(ex: Extraction) -> dict[str, dict]:
    return {e["event_type"]: e for e in ex.events}


def participants(ex: Extraction) -> dict[str, str | None]:
    return {p["person_name"]: p["role"] for p in ex.participants}


def test_rows_have_exactly_the_contract_columns():
    ex = extract_article("a1", AR, "ar", None)
    for table, rows in (
        ("events", ex.events),
        ("event_participants", ex.participants),
        ("mentions", ex.mentions),
    ):
        columns = [c for c in SCHEMAS[table].names if c != "ingest_date"]
        assert rows and all(list(r) == columns for r in rows), table


def test_arabic_article_events_with_date_place_party():
    ex = extract_article("a1", AR, "ar", None)
    events = rows_by_type(ex)
    assert sorted(events) == ["congress", "public_election"]
    congress = events["congress"]
    assert (congress["event_date"], congress["date_precision"], congress["party"]) == (
        date(2019, 9, 14),
        "day",
        "PI",
    )
    assert (congress["commune_code"], congress["province_code"], congress["region_code"]) == (
        "03.531.01.05",
        "03.531",
        "03",
    )
    assert congress["place_precision"] == "commune"
    assert AR[congress["start_char"] : congress["end_char"]] == congress["evidence"]
    assert "مؤتمره الإقليمي الثالث" in congress["evidence"]
    election = events["public_election"]
    assert (election["event_date"], election["date_precision"], election["party"]) == (
        date(2015, 1, 1),
        "year",
        "PI",
    )


def test_arabic_participants_have_roles_and_the_bureau_the_congress_formed_takes_part():
    """The members of the bureau the congress formed (وتتكون الكتابة الإقليمية من: ...) were elected there:
    participants, as the annotation guide counts the elected (the real corpus's readers all did); the
    one replaced (خلفا لعبد الحق الفاسي) is not."""
    ex = extract_article("a1", AR, "ar", None)
    people = participants(ex)
    assert set(people) == {
        "نور الدين مضيان",
        "عبد الله الوزاني",
        "محمد بنعلي",
        "حميد الراضي",
        "سعاد الزروالي",
        "يوسف الحداد",
    }
    assert people["نور الدين مضيان"].startswith("عضو اللجنة التنفيذية")
    assert people["محمد بنعلي"] == "الكاتب الإقليمي"
    congress_id = rows_by_type(ex)["congress"]["event_id"]
    assert {p["event_id"] for p in ex.participants} == {congress_id}
    assert all(p["party"] == "PI" for p in ex.participants)


def test_french_article_with_coreference_and_future_elections_left_out():
    ex = extract_article("f1", FR, "fr", date(2023, 4, 3))
    events = rows_by_type(ex)
    assert sorted(events) == ["meeting", "public_election"]
    meeting = events["meeting"]
    assert (meeting["event_date"], meeting["party"], meeting["commune_code"], meeting["region_code"]) == (
        date(2023, 4, 2),
        "PPS",
        "03.231.01.0",
        "03",
    )
    assert events["public_election"]["event_date"] == date(2021, 9, 8)
    assert participants(ex) == {
        "Nabil Benabdallah": "secrétaire général",
        "Nadia Touhami": "membre du Bureau politique",
    }


def test_mentions_cover_every_entity_type_and_the_published_date():
    ex = extract_article("f1", FR, "fr", date(2023, 4, 3))
    kinds = {m["entity_type"] for m in ex.mentions}
    assert kinds == {"person", "place", "party", "organization", "date"}
    published = [m for m in ex.mentions if m["entity_type"] == "date" and m["start_char"] is None]
    assert [(m["code"], m["end_char"]) for m in published] == [("2023-04-03", None)]
    for m in ex.mentions:
        if m["start_char"] is not None:
            assert FR[m["start_char"] : m["end_char"]] == m["text"]


def test_event_ids_are_stable_across_runs():
    first = [e["event_id"] for e in extract_article("a1", AR, "ar", None).events]
    assert first == [e["event_id"] for e in extract_article("a1", AR, "ar", None).events]
    assert first != [e["event_id"] for e in extract_article("a2", AR, "ar", None).events]


def test_other_languages_get_mentions_only():
    ex = extract_article("e1", "The congress of the party was held in Rabat on 2 April 2023.", "en", None)
    assert ex.events == [] and ex.participants == []


def test_empty_text():
    ex = extract_article("z", "", "ar", None)
    assert (ex.events, ex.participants, ex.mentions) == ([], [], [])


def test_a_person_who_only_comments_is_not_a_participant():
    text = (
        "Le PPS a tenu, samedi 3 juin 2023 à Taza, son congrès provincial présidé par le secrétaire général "
        "du parti, Nabil Benabdallah.\nLe coordinateur provincial du RNI à Taza, Ahmed Bennani, a salué "
        "« une belle mobilisation »."
    )
    found = participants(extract_article("c1", text, "fr", None))
    assert "Nabil Benabdallah" in found
    assert "Ahmed Bennani" not in found


def test_a_predecessor_is_not_a_participant():
    text = (
        "عقد حزب التقدم والاشتراكية بإقليم تازة، يوم الأحد 4 يونيو 2023، مؤتمره الإقليمي، وانتخب المؤتمرون "
        "السيد كريم التازي كاتبا إقليميا للحزب خلفا للرفيق أحمد البقالي."
    )
    found = participants(extract_article("c2", text, "ar", None))
    assert "كريم التازي" in found and "أحمد البقالي" not in found


def test_the_chair_goes_to_the_meeting_not_the_statement_issued_after_it():
    text = (
        "عقد المكتب السياسي لحزب التقدم والاشتراكية اجتماعه الأسبوعي يوم الثلاثاء 5 مارس 2024 بالرباط، "
        "برئاسة الأمين العام للحزب محمد نبيل بنعبد الله، وأصدر على إثره بيانا."
    )
    ex = extract_article("c3", text, "ar", None)
    types = {e["event_id"]: e["event_type"] for e in ex.events}
    assert {types[p["event_id"]] for p in ex.participants} == {"meeting"}


def test_a_comment_made_in_a_speech_at_the_event_keeps_the_speaker():
    text = (
        "عقد حزب الاستقلال بإقليم تازة، يوم الأحد 4 يونيو 2023، مؤتمره الإقليمي.\n"
        "وفي كلمته، ثمن المفتش الإقليمي للحزب أحمد البقالي جهود المناضلين."
    )
    assert "أحمد البقالي" in participants(extract_article("c4", text, "ar", None))


def test_a_name_without_title_takes_part_in_the_event_its_own_sentence_reports() -> None:
    text = (
        "Le conseil communal de Taza s'est réuni vendredi. Karim Alaoui, de l'Istiqlal, a été élu président "
        "du conseil communal de Taza avec 30 voix.\nPlus tard, Youssef Bennani a commenté la situation."
    )
    ex = extract_article("a1", text, "fr", date(2021, 9, 20))
    assert "Karim Alaoui" in participants(ex)
    assert "Youssef Bennani" not in participants(ex)  # no title and no event in his sentence


def test_the_king_named_in_a_royal_formula_is_not_a_person() -> None:
    text = "عقد حزب الاستقلال مؤتمره الإقليمي بتازة تحت الرعاية السامية لجلالة الملك محمد السادس نصره الله."
    ex = extract_article("a2", text, "ar", date(2021, 9, 20))
    assert not [m for m in ex.mentions if m["entity_type"] == "person"]
    text_fr = "Le PPS a tenu son congrès à Taza en présence de la lettre royale de Mohammed VI."
    assert "Mohammed VI" not in participants(extract_article("a3", text_fr, "fr", date(2021, 9, 20)))


def test_a_year_alone_anchors_year_less_days_when_the_text_has_no_full_date() -> None:
    from akhbar.extract.article import reference_date

    text = "Fès : les détails des élections 2016.\nLe siège a été raflé par le PJD lors des élections du 7 octobre."
    assert reference_date(text, "fr", None, None) == (date(2016, 12, 31), "year")
    ex = extract_article("y1", text, "fr", None)
    assert "2016-10-07" in {m["code"] for m in ex.mentions if m["entity_type"] == "date"}


def test_a_short_mention_of_a_person_named_in_full_is_that_person() -> None:
    text = (
        "Mustapha Bakkali a été élu, samedi, président du conseil communal de Taza.\n"
        "Seul candidat, M. Bakkali a obtenu 41 voix lors de la séance."
    )
    names = {p["person_name"] for p in extract_article("n1", text, "fr", date(2021, 9, 20)).participants}
    assert names == {"Mustapha Bakkali"}


def test_a_councils_deputies_elected_with_its_president_take_part_in_that_election() -> None:
    text = (
        "تم انتخاب أحمد الزموري عن حزب الاستقلال رئيسا لجهة فاس مكناس. "
        "كما تم خلال جلسة التصويت انتخاب كريم العلوي عن حزب الحركة الشعبية نائبا أولا للرئيس، "
        "وسعاد الإدريسي عن حزب التقدم والاشتراكية نائبة ثانية."
    )
    people = participants(extract_article("v1", text, "ar", date(2021, 9, 20)))
    assert {"أحمد الزموري", "كريم العلوي", "سعاد الإدريسي"} <= set(people)
    assert people["كريم العلوي"] == "نائب الرئيس"


# (why, text, language, taking part, named but not taking part)
PARTICIPATION = [
    (
        "a presence cue opens a list of bare names",
        "عقد حزب الاستقلال بإقليم تازة، يوم الأحد 4 يونيو 2023، مؤتمره الإقليمي. "
        "وكان لافتا حضور البرلماني ورئيس مجلس مدينة تازة كريم التازي وسمير البقالي ونادية العلوي. "
        "وتحدث المؤتمرون عن قضايا الإقليم، ومنهم سعيد الفاسي.",
        "ar",
        {"كريم التازي", "سمير البقالي", "نادية العلوي"},
        {"سعيد الفاسي"},
    ),
    (
        "la présence de, then a list",
        "Le Parti de l'Istiqlal a tenu, dimanche 4 juin 2023, son congrès provincial à Taza.\n"
        "Une rencontre marquée par la présence de Karim Tazi, Samir Bakkali et Nadia Alaoui.",
        "fr",
        {"Karim Tazi", "Samir Bakkali", "Nadia Alaoui"},
        set(),
    ),
    (
        "one family name spelt two ways",
        "Le Mouvement démocratique et social (MDS) a tenu, samedi 4 juin 2022, son congrès national à Rabat, "
        "sous la présidence du secrétaire général du parti, Abdessamad Archane. M. Arshane a indiqué que le "
        "parti restait mobilisé.",
        "fr",
        {"Abdessamad Archane"},
        {"Arshane"},
    ),
    (
        "a sentence says they were elected",
        "Mbarka Tazi du RNI a été réélue, mardi 7 septembre 2021, présidente du Conseil de la région de "
        "Guelmim-Oued Noun. Mohamed Alami du PAM, Khawla Bennani du PI et Omar Fassi du RNI ont été élus, "
        "respectivement, 4è, 5è et 6è vice-présidents. Karim Idrissi a suivi la séance depuis Rabat.",
        "fr",
        {"Mohamed Alami", "Khawla Bennani", "Omar Fassi"},
        {"Karim Idrissi"},
    ),
    (
        "وحضر, then a plural title and a list",
        "عقد حزب التجمع الوطني للأحرار مؤتمره الجهوي بأكادير يوم السبت 4 يونيو 2022. وحضر اللقاء إلى جانب "
        "الإخوة أعضاء المكتب السياسي: محمد العلوي، رشيد التازي، حسن البقالي.",
        "ar",
        {"محمد العلوي", "رشيد التازي", "حسن البقالي"},
        set(),
    ),
    (
        "il s'agit respectivement de",
        "Mohamed Tazi (PAM) a été élu, vendredi 5 juillet 2024, président du Conseil de la région de "
        "l'Oriental. Il s'agit respectivement d'Omar Alaoui du Parti de l'Istiqlal (PI), Karim Bennani du "
        "RNI, ainsi que Nadia Fassi et Salma Idrissi du RNI.",
        "fr",
        {"Omar Alaoui", "Karim Bennani", "Nadia Fassi", "Salma Idrissi"},
        set(),
    ),
]


@pytest.mark.parametrize(("why", "text", "language", "taking_part", "not_taking_part"), PARTICIPATION)
def test_who_takes_part(why: str, text: str, language: str, taking_part: set, not_taking_part: set) -> None:
    found = set(participants(extract_article("p", text, language, None)))
    assert taking_part <= found, (why, found)
    assert not found & not_taking_part, (why, found)


def test_people_accompanying_the_speaker_take_part() -> None:
    """مرفوقة ب، برفقة، بمشاركة، accompagné de, aux côtés de introduce people who were there, even
    without a title of their own."""
    ar = (
        "نظم الحزب الاشتراكي الموحد يوم الأحد 4 شتنبر 2016 ندوة صحفية بمراكش. وقدمت الأمينة العامة للحزب، "
        "والتي كانت مرفوقة بوكلاء لوائح الحزب بمراكش، سمير القاسمي وعادل الحداد، الخطوط العريضة للبرنامج."
    )
    assert {"سمير القاسمي", "عادل الحداد"} <= set(participants(extract_article("a1", ar, "ar", None)))
    fr = (
        "Le PSU a tenu dimanche 4 septembre 2016 une rencontre à Marrakech. La secrétaire générale, "
        "accompagnée de Samir Kassimi et Adil Haddad, a présenté le programme."
    )
    assert {"Samir Kassimi", "Adil Haddad"} <= set(participants(extract_article("f1", fr, "fr", None)))


def test_the_congress_delegates_are_not_congresses() -> None:
    """المؤتمرين والمؤتمرات: the delegates, men and women, not a plural of مؤتمر."""
    text = (
        "انعقد يوم الاثنين 11 دجنبر 2023 جمع عام للحزب على مستوى جهة الرباط سلا القنيطرة، وذلك من أجل انتداب "
        "المؤتمرين والمؤتمرات الذين سيمثلون أقاليم جهة الرباط سلا القنيطرة."
    )
    assert [e["event_type"] for e in extract_article("a1", text, "ar", None).events] == ["general_assembly"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # l'élection de X du PAM, secrétaire du Conseil, ainsi que Y du RNI: both were elected
        (
            "Le conseil régional s'est réuni samedi 10 septembre 2021 à Guelmim. Il a été procédé à l'élection "
            "de Meryem Thisse du PAM, secrétaire du Conseil, ainsi que Meryem Idemchich du RNI son adjointe.",
            {"Meryem Thisse", "Meryem Idemchich"},
        ),
        # the members a French commission is composed of
        (
            "Le PPS a tenu samedi 4 mars 2023 à Tétouan une réunion de ses élus. Il a été procédé à l'élection "
            "de la commission provinciale, qui se compose de Anas Tazi (coordinateur) et Karim Alaoui (trésorier).",
            {"Anas Tazi", "Karim Alaoui"},
        ),
    ],
)
def test_people_the_event_elected_take_part(text: str, names: set[str]) -> None:
    assert names <= set(participants(extract_article("f1", text, "fr", None)))


def test_a_sentence_that_lists_names_is_a_roster_of_participants() -> None:
    """Voici la liste des membres. A (secrétaire général), B, C, D, E: a sentence mostly of names lists
    the members of the body the event formed; a sentence naming a few people in passing is not one."""
    text = (
        "Le conseil national du PAM s'est réuni samedi 27 novembre 2021 à Marrakech et a élu son bureau "
        "politique. Voici la liste de ses membres. Abdellatif Ouahbi (secrétaire général), Leila Benali, "
        "Ghita Mezzour, Rachid Abdi, Adil Barakat, Samir Goudar."
    )
    found = set(participants(extract_article("f1", text, "fr", None)))
    assert {"Leila Benali", "Ghita Mezzour", "Rachid Abdi", "Adil Barakat", "Samir Goudar"} <= found
    passing = (
        "Le PAM a tenu samedi 27 novembre 2021 une réunion à Marrakech. Le parti avait été dirigé "
        "auparavant par Hakim Benchemass, puis par Abdellatif Ouahbi, qui avait succédé à Ilyas El Omari."
    )
    assert "Hakim Benchemass" not in participants(extract_article("f2", passing, "fr", None))


def test_a_list_that_closes_a_long_sentence_is_a_roster_too() -> None:
    """The sentence first says what it lists (a new bureau, formed of people with experience), then
    names them: the list's own part is mostly names."""
    text = (
        "Le PPS a tenu samedi 3 juin 2023 à Tiznit son congrès provincial. Le vote a donné un nouveau "
        "bureau provincial, qui réunit des militants de longue date et des jeunes venus de toute la "
        "province, de la ville comme des communes rurales, à savoir Leila Benali, Ghita Mezzour, "
        "Rachid Abdi, Adil Barakat."
    )
    found = set(participants(extract_article("f1", text, "fr", None)))
    assert {"Leila Benali", "Ghita Mezzour", "Rachid Abdi", "Adil Barakat"} <= found
    # names that close a sentence without anything announcing a list are people spoken of
    spoken_of = (
        "Le PPS a tenu samedi 3 juin 2023 à Tiznit son congrès provincial. Le parti a longuement "
        "critiqué, dans sa déclaration, la politique du gouvernement conduit par Leila Benali, "
        "Ghita Mezzour, Rachid Abdi et Adil Barakat."
    )
    assert not {"Leila Benali", "Ghita Mezzour"} & set(
        participants(extract_article("f2", spoken_of, "fr", None))
    )
    among = spoken_of.replace("conduit par", "et plusieurs ministres, notamment")
    assert not {"Leila Benali", "Ghita Mezzour"} & set(participants(extract_article("f3", among, "fr", None)))
    arabic = (
        "عقد حزب التقدم والاشتراكية يوم السبت 3 يونيو 2023 بتزنيت مؤتمره الإقليمي. وأسفرت العملية عن تشكيل "
        "مكتب إقليمي جديد يضم مناضلين من مختلف جماعات الإقليم بكل من محمد العلوي، كريم بناني، خديجة الصافي، "
        "وسعيد الوردي."
    )
    assert {"محمد العلوي", "كريم بناني", "خديجة الصافي", "سعيد الوردي"} <= set(
        participants(extract_article("a1", arabic, "ar", None))
    )


def test_the_bureau_listed_one_office_a_line_takes_part_in_the_congress_that_elected_it() -> None:
    text = (
        "Le PPS a tenu samedi 3 juin 2023 à Tiznit son congrès provincial, qui a élu son bureau.\n\n"
        "Voici la liste du bureau provincial :\n\nSecrétaire provincial : Karim Alami.\n\n"
        "Premier adjoint : Said Bennani\n\nChargé de la communication : Hamid Lahlou."
    )
    found = participants(extract_article("f1", text, "fr", None))
    assert found == {
        "Karim Alami": "secrétaire provincial",
        "Said Bennani": "Premier adjoint",
        "Hamid Lahlou": "Chargé de la communication",
    }


def test_who_speaks_in_the_report_of_a_gathering_takes_part() -> None:
    """A name with no title, said to speak (X, membre du bureau politique, a souligné; explique X; وأكد X),
    took part in the gathering reported before; a name only spoken of, the object of a verb, the subject
    of a relative clause, or a commentator on a vote does not."""
    text = (
        "Le MP a tenu samedi 3 juin 2023 à Taza son congrès provincial.\n"
        "Dans son allocution, Karim Alaoui a souligné l'importance de la mobilisation. « Nous sommes prêts », "
        "explique Samir Bennani. Le parti s'oppose à la politique conduite par Youssef Tazi. Il a souligné "
        "l'enjeu. Le parti estime que Hamid Chraibi doit démissionner. Nabil Fassi, qui a présidé la "
        "commune de 2009 à 2015, était absent."
    )
    found = participants(extract_article("s1", text, "fr", None))
    assert {"Karim Alaoui", "Samir Bennani"} <= set(found)
    assert not {"Youssef Tazi", "Hamid Chraibi", "Nabil Fassi"} & set(found)
    arabic = (
        "عقد حزب الاستقلال بإقليم تازة، يوم الأحد 4 يونيو 2023، مؤتمره الإقليمي.\n"
        "وأكد كريم العلوي أن الحزب مستعد للاستحقاقات المقبلة. ودعا الحزب سمير بناني إلى الاستقالة."
    )
    found = participants(extract_article("s2", arabic, "ar", None))
    assert "كريم العلوي" in found and "سمير بناني" not in found
    vote = (
        "Le PJD a remporté 12 sièges aux élections communales du 8 septembre 2021 à Taza.\n"
        "« Le PJD paie son bilan », estime Mohamed Tozy."
    )
    assert "Mohamed Tozy" not in participants(extract_article("s3", vote, "fr", None))


def test_guests_listed_after_a_presence_verb_take_part_and_an_absent_list_does_not() -> None:
    """Parmi les invités figuraient A du PPS, B et C du MP: present; l'absence de D, E et F: every name of
    the list the absence opens stays out, but not the subject after `En l'absence de D,`; a presence verb
    far from a name (qui ont pris part ... ont critiqué X) introduces nobody."""
    text = (
        "Le PJD a tenu samedi 3 juin 2023 à Bouznika son congrès national.\n"
        "Parmi les invités figuraient Karim Alaoui du PPS, Samir Bennani et Youssef Tazi du MP.\n"
        "Le congrès a été marqué par l'absence notable de Hamid Chraibi, Nabil Fassi et Omar Lahlou.\n"
        "En l'absence de Rachid Idrissi, Mehdi Bennis, secrétaire provincial, a présidé les travaux.\n"
        "Les congressistes qui ont pris part aux travaux ont critiqué la gestion de Driss Kettani."
    )
    found = set(participants(extract_article("g1", text, "fr", None)))
    assert {"Karim Alaoui", "Samir Bennani", "Youssef Tazi", "Mehdi Bennis"} <= found
    assert not {"Hamid Chraibi", "Nabil Fassi", "Omar Lahlou", "Rachid Idrissi", "Driss Kettani"} & found


def test_a_councils_losing_candidate_and_a_quoted_analyst_are_not_participants() -> None:
    """French: X élu président du conseil avec 25 voix contre 12 pour son rival Y: Y lost a council's vote
    and is no participant (the French parts' convention), nor is the one X succeeds, nor a politologue
    quoted on the vote; a rival at a party's own vote, at its congress, took part in it; and the one
    named after `face à` or `battu par son rival` is the winner."""
    council = (
        "Karim Alaoui, du RNI, a été élu lundi 20 septembre 2021 président du conseil communal de Taza "
        "avec 25 voix, contre 12 voix pour son rival Samir Bennani, du PAM."
    )
    found = participants(extract_article("r1", council, "fr", None))
    assert "Karim Alaoui" in found and "Samir Bennani" not in found
    named = {
        p.text: p.extra.get("not_present")
        for p in find_people(
            "Il succède ainsi à Youssef Tazi. Selon le politologue Hamid Chraibi, le vote "
            "confirme la tendance.",
            "fr",
        )
    }
    assert named == {"Youssef Tazi": "replaced", "Hamid Chraibi": "commentator"}
    congress = (
        "Le PPS a tenu samedi 3 juin 2023 à Bouznika son congrès national. Nabil Benabdellah a été réélu "
        "secrétaire général avec 371 voix, contre 92 pour son rival Said Fekkak."
    )
    assert "Said Fekkak" in participants(extract_article("r2", congress, "fr", None))
    winner = (
        "Youssef Tazi s'est incliné face à Karim Alaoui, élu lundi 20 septembre 2021 président du conseil "
        "communal de Taza avec 25 voix."
    )
    assert "Karim Alaoui" in participants(extract_article("r3", winner, "fr", None))


def test_a_losing_candidate_told_by_a_bare_count_or_as_the_other_candidate_is_no_participant() -> None:
    """contre 18 pour X, contre 12 voix pour l'autre candidat, X: the loser of a council's vote, with
    no `rival` word; the winner takes part."""
    count = (
        "Karim Alaoui, du RNI, a été élu lundi 20 septembre 2021 président du conseil communal de Taza. "
        "Le nouveau maire a obtenu 40 voix, contre 18 pour Samir Bennani du PPS."
    )
    found = participants(extract_article("c1", count, "fr", None))
    assert "Karim Alaoui" in found and "Samir Bennani" not in found
    other = (
        "- Taza : Karim Alaoui, du RNI, élu lundi 20 septembre 2021 président du conseil communal avec 19 "
        "voix sur 31, contre 12 voix pour l'autre candidat, Samir Bennani, du PPS."
    )
    found = participants(extract_article("c2", other, "fr", None))
    assert "Karim Alaoui" in found and "Samir Bennani" not in found


def test_a_relative_named_for_reference_and_the_one_succeeded_are_not_participants() -> None:
    """محمد الكراوي، شقيق البرلماني X: X is named as the president's relative; ليخلف Y: Y is the one
    succeeded; the president elected takes part."""
    text = (
        "انتخب محمد الكراوي، شقيق البرلماني سعيد الكراوي، يوم السبت 4 شتنبر 2021 رئيسا لجماعة تازة، "
        "ليخلف حميد الشرايبي، الرئيس السابق."
    )
    found = set(participants(extract_article("k1", text, "ar", None)))
    assert "محمد الكراوي" in found
    assert not {"سعيد الكراوي", "حميد الشرايبي"} & found
    french = (
        "Karim Alaoui, frère de Samir Alaoui, a été élu lundi 20 septembre 2021 président du conseil "
        "communal de Taza."
    )
    found = set(participants(extract_article("k2", french, "fr", None)))
    assert "Karim Alaoui" in found and "Samir Alaoui" not in found
    listed = (
        "Le PJD a tenu samedi 3 juin 2023 à Taza son congrès provincial en présence de Karim Alaoui, frère "
        "de Samir Alaoui, et Youssef Tazi."
    )
    found = set(participants(extract_article("k3", listed, "fr", None)))
    assert {"Karim Alaoui", "Youssef Tazi"} <= found and "Samir Alaoui" not in found
    kept = "عقد حزب الاستقلال يوم السبت 3 يونيو 2023 مؤتمره الإقليمي بتازة، ولم يخلف كريم التازي الموعد."
    assert "كريم التازي" in participants(extract_article("k4", kept, "ar", None))


def test_a_party_named_after_its_leader_does_not_bring_the_leader() -> None:
    """Le parti dirigé par X a confirmé, حزب الاستقلال الذي يقوده X: the leader names the party; the rival
    whose votes the winner's came against (contre 2 voix remportées par son rival X) lost the vote."""
    french = (
        "Le bureau politique du PAM, réuni samedi 3 juin 2023 à Rabat, a publié un communiqué. Dans ce "
        "communiqué, le parti dirigé par Karim Alaoui a confirmé la nouvelle."
    )
    assert "Karim Alaoui" not in participants(extract_article("d1", french, "fr", None))
    arabic = (
        "حصل حزب الاستقلال الذي يقوده سمير بناني على خمسة مقاعد في الانتخابات الجماعية التي جرت يوم "
        "الأربعاء 8 شتنبر 2021 بجماعة تازة."
    )
    assert "سمير بناني" not in participants(extract_article("d2", arabic, "ar", None))
    rival = (
        "- Taza : Karim Alaoui, du RNI, élu lundi 20 septembre 2021 président du conseil communal avec 27 "
        "voix, contre 2 voix remportées par son rival, Samir Bennani du MP."
    )
    found = participants(extract_article("d3", rival, "fr", None))
    assert "Karim Alaoui" in found and "Samir Bennani" not in found


def test_a_cue_right_before_the_name_tells_though_a_title_reaches_it_from_far() -> None:
    """19 des 31 membres du conseil, contre 12 voix pour l'autre candidat, X: the plural title reaches X
    from before the cue; the cue right before X still says X lost."""
    text = (
        "Karim Alaoui, du RNI, a été élu lundi 20 septembre 2021 président du conseil communal de Taza. "
        "Il a obtenu les voix de 19 des 31 membres du conseil de la commune de Taza, contre 12 voix pour "
        "l'autre candidat, Samir Bennani, du PPS."
    )
    found = participants(extract_article("t1", text, "fr", None))
    assert "Karim Alaoui" in found and "Samir Bennani" not in found


def test_every_name_of_a_list_the_one_succeeded_opens_is_away() -> None:
    """Après le départ de A et B: both were replaced, as every name of an absence's list is absent."""
    text = (
        "Karim Alaoui a été porté samedi 3 juin 2023 à la tête du parti, réuni en congrès à Bouznika, "
        "après le départ de Samir Bennani et Youssef Tazi."
    )
    found = participants(extract_article("l1", text, "fr", None))
    assert "Karim Alaoui" in found
    assert not {"Samir Bennani", "Youssef Tazi"} & set(found)
    titled = (
        "Karim Alaoui, qui succède à Samir Bennani, et Youssef Tazi, vice-président, ont été élus samedi 3 "
        "juin 2023 à la tête du conseil communal de Taza."
    )
    assert "Youssef Tazi" in participants(extract_article("l2", titled, "fr", None))


def test_who_was_stood_in_for_greeted_from_afar_or_absent_is_not_at_the_gathering() -> None:
    text = (
        "عقد حزب الاستقلال بإقليم تازة، يوم الأحد 4 يونيو 2023، مؤتمره الإقليمي بمقر عبد الكريم الخطيب، "
        "بحضور أحمد البقالي نيابة عن الأمين العام للحزب كريم التازي، وسمير بناني عضو اللجنة التنفيذية.\n"
        "وتغيب عن المؤتمر يوسف الفاسي، فيما نقل الكاتب الجهوي تحيات المنسق الوطني حميد الشرايبي."
    )
    found = set(participants(extract_article("w1", text, "ar", None)))
    assert {"أحمد البقالي", "سمير بناني"} <= found
    assert not {"كريم التازي", "يوسف الفاسي", "حميد الشرايبي", "عبد الكريم الخطيب"} & found


def test_who_led_the_work_or_opened_it_took_part() -> None:
    """X a animé les travaux; وترأس الأشغال X: leading the gathering is taking part in it (not أشرف, also a
    given name: المنسق الإقليمي: أشرف شهبون opens a list of members, the sample's bureau)."""
    text = (
        "Le MP a tenu samedi 3 juin 2023 à Taza son congrès provincial.\n"
        "Karim Alaoui a animé les travaux, suivis d'un débat."
    )
    assert "Karim Alaoui" in participants(extract_article("l1", text, "fr", None))
    arabic = (
        "عقد حزب الاستقلال بإقليم تازة، يوم الأحد 4 يونيو 2023، مؤتمره الإقليمي.\n"
        "وترأس الأشغال كريم العلوي، قبل أن تنطلق المداخلات."
    )
    assert "كريم العلوي" in participants(extract_article("l2", arabic, "ar", None))


def test_a_place_after_the_article_preposition_is_named_with_its_article() -> None:
    """للعرائش is ل + العرائش: the event's place_name is العرائش, as بالعرائش and لفاس give
    العرائش and فاس (a name analysts count by)."""
    text = "انتخب سعيد العلوي رئيسا للمجلس الإقليمي للعرائش يوم الجمعة 8 أكتوبر 2021."
    ex = extract_article("a1", text, "ar", date(2021, 10, 9))
    assert [e["place_name"] for e in ex.events] == ["العرائش"]
    text = "انتخب سعيد العلوي رئيسا للمجلس الإقليمي وللعرائش يوم الجمعة 8 أكتوبر 2021."
    ex = extract_article("a3", text, "ar", date(2021, 10, 9))
    assert [e["place_name"] for e in ex.events] == ["العرائش"]
    text = "انعقد المؤتمر الإقليمي لفاس يوم الأحد 10 أكتوبر 2021."
    ex = extract_article("a2", text, "ar", date(2021, 10, 11))
    assert [e["place_name"] for e in ex.events] == ["فاس"]


def test_a_title_whose_party_is_glued_to_its_preposition_reaches_the_name_in_commas() -> None:
    """الأمين العام لجبهة القوى الديمقراطية، X،: the ل glued to the party's name is the complement's
    preposition, not a word standing between the title and the name (شقيق البرلماني X still is)."""
    text = (
        "قال المنسق الجهوي لجبهة القوى الديمقراطية، كريم الفاسي، يوم السبت 3 ماي 2025 بتازة، "
        "في كلمة خلال لقاء تواصلي، إن الحزب مستعد للاستحقاقات."
    )
    ex = extract_article("g1", text, "ar", None)
    found = {p["person_name"]: (p["role"], p["party"]) for p in ex.participants}
    assert found == {"كريم الفاسي": ("المنسق الجهوي", "FFD")}


def test_a_speech_given_during_a_gathering_tells_that_it_took_place() -> None:
    """في كلمة خلال لقاء تواصلي, une allocution lors d'une rencontre: the gathering was held, even with no
    date nor place of its own; in a sentence with a future verb it is still a plan."""
    text = (
        "بنكيران: الحكومة فشلت\n\nقال بنكيران إن الحكومة فشلت. "
        "واعتبر بنكيران، في كلمة خلال لقاء تواصلي، أن الحكومة لم تف بوعودها."
    )
    assert [e["event_type"] for e in extract_article("s1", text, "ar", None).events] == ["meeting"]
    text = (
        "Le gouvernement a échoué, selon le PJD. Dans une allocution lors d'une rencontre, le secrétaire "
        "général a estimé que le gouvernement n'a pas tenu ses promesses."
    )
    assert [e["event_type"] for e in extract_article("s2", text, "fr", None).events] == ["meeting"]
    text = (
        "الأمين العام في جولة\n\nيواصل الأمين العام جولته في الجهات. "
        "وسيلقي الأمين العام كلمة خلال لقاء تواصلي، يعرض فيه برنامج الحزب."
    )
    assert extract_article("s3", text, "ar", None).events == []
