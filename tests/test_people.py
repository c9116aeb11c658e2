"""People and their roles, on sentences written for these tests (not the sample articles)."""

from __future__ import annotations

import pytest

from akhbar.extract.people import find_people
from akhbar.text.tokens import sentence_spans


def roles_of(text: str, language: str = "ar") -> dict[str, list[str]]:
    """name -> roles given to it anywhere in the text (names without a role map to [])."""
    out: dict[str, list[str]] = {}
    for m in find_people(text, language):
        out.setdefault(m.normalized, [])
        out[m.normalized] += [r for r in m.extra["roles"] if r not in out[m.normalized]]
    return out


def test_role_before_the_name_with_party_in_between():
    found = roles_of("وفي بداية الجلسة، رحب الكاتب الإقليمي للحزب سعيد بنحمو بالحاضرين.")
    assert list(found) == ["سعيد بنحمو"]
    assert found["سعيد بنحمو"][0].startswith("الكاتب الإقليمي")


def test_role_after_the_name_in_apposition_and_chained_with_waw():
    found = roles_of(
        "بعد ذلك تناول الكلمة يوسف العمراني عضو المكتب السياسي للحزب والكاتب العام للشبيبة، حيث دعا إلى التعبئة."
    )
    assert found["يوسف العمراني"][0] == "عضو المكتب السياسي"
    assert any(r.startswith("الكاتب العام") for r in found["يوسف العمراني"])


def test_dual_title_is_given_to_each_name_of_the_list():
    found = roles_of("حضر اللقاء عضوا المكتب السياسي للحزب عبد الحميد الجماهري وحنان رحاب وعدد من المناضلين.")
    assert found == {"عبد الحميد الجماهري": ["عضو المكتب السياسي"], "حنان رحاب": ["عضو المكتب السياسي"]}


def test_election_object_gives_the_canonical_title():
    found = roles_of(
        "وفي ختام الأشغال انتخب المؤتمرون بالإجماع السيد محمد بنعلي كاتبا إقليميا للحزب خلفا لعبد الحق الفاسي."
    )
    assert found["محمد بنعلي"] == ["الكاتب الإقليمي"]
    assert found["عبد الحق الفاسي"] == []  # named, but given no role


def test_election_object_after_an_aside():
    text = "تم بالإجماع انتخاب الرفيق أنس الزياني، وهو منتخب شاب بجماعة تيفلت، منسقا إقليميا للجمعية."
    found = find_people(text, "ar")
    assert [m.normalized for m in found] == ["أنس الزياني"]
    assert found[0].extra["role"].startswith("المنسق الإقليمي")
    assert found[0].extra["honorific"] == "الرفيق"


def test_waw_title_goes_forward_to_the_next_name_feminine_kept():
    text = "بحضور المنسق الجهوي للحزب بجهة سوس ماسة الحسين أيت بلا والمنسقة الإقليمية فاطمة الزهراء أوحماد."
    found = roles_of(text)
    assert found["الحسين أيت بلا"][0].startswith("المنسق الجهوي")
    assert found["فاطمة الزهراء أوحماد"] == ["المنسقة الإقليمية"]


def test_president_of_a_commune_takes_the_commune_name():
    found = roles_of(
        "كما حضر رئيس جماعة آيت واحي عزيز العجوطي، والنائب البرلماني عن دائرة الخميسات الحبيب لحسيني."
    )
    assert found["عزيز العجوطي"] == ["رئيس جماعة آيت واحي"]
    assert found["الحبيب لحسيني"] == ["النائب البرلماني عن دائرة الخميسات"]


def test_honorific_is_not_part_of_the_name_and_alone_is_no_role():
    found = find_people("وأكد السيد كريم تاج أن الرهان كبير.", "ar")
    assert [(m.normalized, m.extra["role"], m.extra["honorific"]) for m in found] == [
        ("كريم تاج", None, "السيد")
    ]


def test_name_boundaries_stop_at_common_words_and_prepositions():
    names = [
        m.normalized
        for m in find_people("وأكد جعفر خملاش خريج المعهد العالي أن إدريس بوطاهر بمقعد في البرلمان.", "ar")
    ]
    assert names == ["جعفر خملاش", "إدريس بوطاهر"]


def test_preposition_is_not_the_name_ali():
    assert find_people("وأكد الحزب على ضرورة التعبئة على المستوى الإقليمي.", "ar") == []


def test_bureau_list_names_have_no_role():
    text = "وأسفرت العملية عن المكتب التالي: المنسق الإقليمي: أشرف شهبون، حميد حدادي، فاطمة قسيوي."
    found = roles_of(text)
    assert found["أشرف شهبون"] == ["المنسق الإقليمي"]
    assert found["حميد حدادي"] == [] and found["فاطمة قسيوي"] == []


def test_french_role_before_with_comma_and_party():
    found = find_people("Le Premier secrétaire de l'USFP, Driss Lachguar, a tenu une réunion.", "fr")
    assert [(m.normalized, m.extra["role"], m.extra["party"]) for m in found] == [
        ("Driss Lachguar", "Premier secrétaire", "USFP")
    ]


def test_french_election_and_apposition_with_organ():
    text = (
        "Mohamed Ouzzine a été élu secrétaire général du parti. Les travaux ont été ouverts par "
        "Mohand Laenser, président du Conseil national, en présence de M. Said Amzazi."
    )
    found = roles_of(text, "fr")
    assert found["Mohamed Ouzzine"][0].startswith("secrétaire général")
    assert found["Mohand Laenser"] == ["président du Conseil national"]
    assert found["Said Amzazi"] == []


def test_french_plural_title_shared_by_a_list():
    found = roles_of("Étaient présents les membres du Bureau politique Nabila Mounib et Mohamed Sassi.", "fr")
    assert found == {
        "Nabila Mounib": ["membre du Bureau politique"],
        "Mohamed Sassi": ["membre du Bureau politique"],
    }


def test_mentions_carry_offsets_into_the_text():
    text = "انتخب المؤتمرون يوسف الإدريسي كاتبا محليا للفرع."
    (m,) = find_people(text, "ar")
    assert text[m.start_char : m.end_char] == "يوسف الإدريسي"


def test_sentences_do_not_end_after_an_initial():
    text = "Il a reçu M. Driss Lachguar. Puis il est parti"
    assert [text[a:b].strip() for a, b in sentence_spans(text)] == [
        "Il a reçu M. Driss Lachguar.",
        "Puis il est parti",
    ]
    text = "تم انتخاب الدكتور م. المصطفى العلوي رئيسا للمجلس. وصادق المجلس على النواب"
    assert len(sentence_spans(text)) == 2  # م. is an initial too
    text = "Le congrès a élu le candidat du PAM. Le RNI a suivi"
    assert len(sentence_spans(text)) == 2  # an acronym ends its sentence


def test_a_title_licenses_a_name_the_given_name_list_does_not_know():
    assert roles_of("رحب الكاتب الإقليمي للحزب زكرياء بنعمر بالحاضرين.") == {
        "زكرياء بنعمر": ["الكاتب الإقليمي"]
    }
    assert roles_of("Le secrétaire provincial du parti, Brahimi Oukacha, a ouvert la séance.", "fr") == {
        "Brahimi Oukacha": ["secrétaire provincial"]
    }
    assert (
        find_people("وقال الكاتب الإقليمي للحزب إن المرحلة صعبة، وحضر المنسق الجهوي وعدد من المناضلين.", "ar")
        == []
    )


# ---- blind evaluation round 2: patterns met on unseen articles (sentences written here)


def test_first_secretary_before_and_after_the_name():
    assert roles_of("ترأس اللقاء الكاتب الأول للحزب الأستاذ إدريس لشكر بمقر الحزب.")["إدريس لشكر"][
        0
    ].startswith("الكاتب الأول")
    assert roles_of("وقال إدريس لشكر الكاتب الأول للحزب إن المرحلة دقيقة.")["إدريس لشكر"][0].startswith(
        "الكاتب الأول"
    )


def test_french_role_head_takes_a_noun_and_adjective_complement():
    found = roles_of("Nadia Tazi a été élue secrétaire de la section locale de Salé.", "fr")
    assert found["Nadia Tazi"] == ["secrétaire de la section locale"]
    found = roles_of("Mme Nadia Tazi, coordinatrice de la direction collégiale, a ouvert la séance.", "fr")
    assert found["Nadia Tazi"] == ["coordinatrice de la direction collégiale"]
    found = roles_of("Karim Berrada, membre de la direction collégiale, a pris la parole.", "fr")
    assert found["Karim Berrada"] == ["membre de la direction collégiale"]


def test_plural_role_after_a_list_goes_to_every_name():
    found = roles_of(
        "Youssef Tazi et Karim Berrada, membres du bureau politique, ont animé la rencontre.", "fr"
    )
    assert found["Youssef Tazi"] == found["Karim Berrada"] == ["membre du bureau politique"]
    found = roles_of("M. Youssef Tazi et M. Omar Alami, membres du Comité exécutif, étaient présents.", "fr")
    assert found["Youssef Tazi"] == found["Omar Alami"] == ["membre du Comité exécutif"]
    found = roles_of("Ahmed Alami a salué Youssef Tazi et Karim Berrada, membres du bureau politique.", "fr")
    assert found["Ahmed Alami"] == []


def test_role_reaches_over_du_parti_pour_place():
    found = roles_of(
        "Selon le coordinateur provincial du parti pour Taza, Ahmed Bennani, la salle était pleine.", "fr"
    )
    assert found["Ahmed Bennani"] == ["coordinateur provincial"]


def test_candidate_of_a_party_before_the_name():
    found = roles_of("وأسفرت النتائج عن فوز مرشح حزب الاستقلال عبد الرحيم بنعلي بالمقعد.")
    assert found["عبد الرحيم بنعلي"] == ["مرشح"]


def test_deputy_to_him_takes_the_title_named_before():
    found = roles_of("انتخب المؤتمرون نادية الحسني منسقة إقليمية للحزب، وكريم التازي نائبا لها.")
    assert found["كريم التازي"] == ["نائب المنسقة الإقليمية"]


def test_predecessor_is_marked():
    people = find_people("وتم انتخاب كريم التازي منسقا جهويا خلفا للرفيق أحمد البقالي.", "ar")
    flags = {m.normalized: m.extra["not_present"] for m in people}
    assert flags == {"كريم التازي": None, "أحمد البقالي": "replaced"}
    people = find_people("Karim Alami a été élu secrétaire général, succédant à M. Omar Hjira.", "fr")
    assert {m.normalized: m.extra["not_present"] for m in people}["Omar Hjira"] == "replaced"


NOT_PRESENT = [
    ("وترحم المشاركون على روح الفقيد أحمد البقالي قبل انطلاق الأشغال.", "ar", "أحمد البقالي", "late"),
    ("وسجل غياب مرشح حزب الاستقلال كريم التازي عن الجلسة.", "ar", "كريم التازي", "absent"),
    ("La salle a rendu hommage à feu Abdelkrim Bennani.", "fr", "Abdelkrim Bennani", "late"),
    ("On a noté l'absence remarquée du secrétaire général, Karim Alami.", "fr", "Karim Alami", "absent"),
    ("وتمت الجلسة التي حضرها والي الجهة، كريم التازي، بانتخاب الرئيس.", "ar", "كريم التازي", "official"),
    ("en présence du gouverneur de la province de Taza, M. Karim Alami.", "fr", "Karim Alami", "official"),
    ("جريدة الأخبار: مدير التحرير كريم التازي\nانتخب المؤتمرون", "ar", "كريم التازي", "press"),
    ("بعد وفاة الرئيس السابق السيد أحمد البقالي.", "ar", "أحمد البقالي", "late"),
]


@pytest.mark.parametrize(("sentence", "language", "name", "kind"), NOT_PRESENT)
def test_the_late_the_absent_officials_and_the_press_are_marked(
    sentence: str, language: str, name: str, kind: str
) -> None:
    """Named, but not at the party's event: the late, the absent, the State's officials, the paper's staff."""
    flags = {m.normalized: m.extra["not_present"] for m in find_people(sentence, language)}
    assert flags.get(name) == kind, flags


def test_a_person_at_the_event_is_not_marked():
    present = find_people("Le secrétaire général Karim Alami a présidé la réunion.", "fr")
    assert [m.extra["not_present"] for m in present] == [None]
    assert set(roles_of("انتخاب الأستاذ المحامي محمد العلوي رئيسا للجنة التحضيرية.")) == {"محمد العلوي"}


def test_a_name_given_to_a_building_is_not_a_person():
    for sentence, language in [
        ("Le congrès s'est ouvert au Complexe Moulay Rachid de Bouznika en présence de Karim Alami.", "fr"),
        ("انعقد اللقاء بقاعة علال الفاسي بحضور المنسق الإقليمي كريم التازي.", "ar"),
        ("انعقد المجلس بالفضاء الجمعوي علال الفاسي بحضور المنسق الإقليمي كريم التازي.", "ar"),
    ]:
        names = {m.normalized for m in find_people(sentence, language)}
        assert names and not names & {"Moulay Rachid", "علال الفاسي"}, (sentence, names)


def test_complement_with_lam_after_a_title_is_not_a_name():
    found = roles_of("وقد تدرج في المسؤوليات من منخرط إلى كاتب محلي لفرع تيفلت سنة 1999.")
    assert found == {}


def test_vote_getters_are_candidates():
    found = roles_of("Karim Alami et Nadia Tazi ont obtenu respectivement 2.100 et 1.750 voix.", "fr")
    assert found == {"Karim Alami": ["candidat"], "Nadia Tazi": ["candidat"]}
    assert roles_of("وحصل عبد الرحيم بنعلي على 1200 صوت.") == {"عبد الرحيم بنعلي": ["مرشح"]}
    assert roles_of("وقال عبد الرحيم بنعلي إن الحزب حصل على 1200 صوت.") == {"عبد الرحيم بنعلي": []}


def test_a_participle_after_a_name_and_a_description_before_it_are_not_part_of_it() -> None:
    found = find_people("وقال الأستاذ الجامعي رشيد البقالي منتقدا سياسة الحكومة.", "ar")
    assert [m.normalized for m in found] == ["رشيد البقالي"]
    assert not [m for m in find_people("وحضر الحاج الزموري اللقاء.", "ar") if "الحاج" in m.normalized]


def test_a_compound_after_the_particle_bin_stays_whole() -> None:
    found = find_people("وترأس الأمين العام محمد نبيل بن عبد الله اللقاء.", "ar")
    assert [m.normalized for m in found] == ["محمد نبيل بن عبد الله"]


def test_a_french_name_the_list_does_not_know_is_read_before_its_title_in_apposition() -> None:
    found = find_people("en présence de Ouafae El Kettani, coordinatrice régionale du parti.", "fr")
    assert [(m.normalized, m.extra["role"]) for m in found] == [
        ("Ouafae El Kettani", "coordinatrice régionale")
    ]
    assert find_people("La réunion s'est tenue à El Jadida, secrétaire général du parti.", "fr") == []


def test_officers_elected_in_a_list_each_get_their_title():
    found = roles_of(
        "Les membres du conseil ont également élu Hamid Zerouali premier vice-président, El Hadi Tounsi "
        "deuxième vice-président, Salma Rguibi (RNI) troisième vice-présidente et Omar Alaoui "
        "(parti de l'Istiqlal) quatrième vice-président.",
        "fr",
    )
    assert found == {
        "Hamid Zerouali": ["vice-président"],
        "El Hadi Tounsi": ["vice-président"],
        "Salma Rguibi": ["vice-présidente"],
        "Omar Alaoui": ["vice-président"],
    }


def test_a_particle_may_open_a_name_after_a_title():
    found = roles_of("Le conseil a élu, comme premier vice-président, El Mahjoub Lemrabet.", "fr")
    assert "El Mahjoub Lemrabet" in found


def test_a_rare_family_name_starting_with_fa_or_kaf_is_a_name():
    found = roles_of("وحضر اللقاء المنسق الإقليمي محمد سالم فانو والكاتب المحلي سمير كودار.")
    assert {"محمد سالم فانو", "سمير كودار"} <= set(found), found
    assert "محمد سالم" not in found
    # a common word after a name keeps its clitic reading: كمنسق is ك + منسق
    assert set(roles_of("وعين المكتب أحمد العلوي كمنسق للجنة.")) == {"أحمد العلوي"}


def test_lalla_opens_a_woman_s_name():
    found = roles_of("وانتخبت لالة المزليقي عن حزب الإصلاح والتنمية نائبة رابعة للرئيس.")
    assert "لالة المزليقي" in found, found


def test_a_name_never_runs_over_a_line_break():
    found = roles_of(
        "Karim Alaoui\nSaid Tazi élu secrétaire provincial\nLa ville de Taza a accueilli le congrès.", "fr"
    )
    assert "Karim Alaoui" in found and not any("\n" in name for name in found), found


def test_a_title_alone_licenses_a_family_name():
    assert "Tazi" in roles_of("Le congrès a été ouvert par M. Tazi, qui a salué les militants.", "fr")
    assert "Le Maire" not in roles_of("M. Le Maire a salué les militants.", "fr")


def test_quoted_names_after_their_titles():
    found = roles_of('وبحضور عضو اللجنة المركزية "كريم التازي" والمفتش الإقليمي "عمر الوزاني" انعقد اللقاء.')
    assert found["كريم التازي"] == ["عضو اللجنة المركزية"], found
    assert found["عمر الوزاني"] == ["المفتش الإقليمي"], found


def test_a_given_name_that_is_also_a_kaf_word_ends_a_compound_name():
    assert roles_of("تليها كلمة الكاتب الجهوي للحزب، عبد السلام كريم.") == {
        "عبد السلام كريم": ["الكاتب الجهوي"]
    }


def test_elected_to_the_post_of():
    found = roles_of("فاز السيد يوسف العلوي بمنصب رئيس جماعة كلميمة.")
    assert found["يوسف العلوي"] == ["رئيس جماعة كلميمة"], found
    found = roles_of(
        "Fatimzahra Tazi au poste de trésorière et Ahmed Zedani (RNI), en tant que 1er vice-président.", "fr"
    )
    assert found == {"Fatimzahra Tazi": ["trésorière"], "Ahmed Zedani": ["vice-président"]}, found


def test_a_predecessor_with_ainsi_is_marked():
    people = find_people("Karim Alami a été élu président, succédant ainsi à Omar Hjira, du RNI.", "fr")
    assert {m.normalized: m.extra["not_present"] for m in people}["Omar Hjira"] == "replaced"


def test_officers_each_on_a_line_with_their_party_and_accusative_title():
    text = (
        "وقد جاءت النتائج كالآتي:\n_ عزيز العلوي عن حزب الأصالة والمعاصرة نائبا أولا،\n"
        "_ ومحمد التازي عن حزب العدالة والتنمية نائبا ثانيا،\nوعادل الفاسي مقررا، وتوفيق البقالي أمينا لمالية الفرع."
    )
    found = roles_of(text)
    assert found["عزيز العلوي"] == ["نائب الرئيس"] and found["محمد التازي"] == ["نائب الرئيس"], found
    assert found["عادل الفاسي"] == ["المقرر"] and found["توفيق البقالي"] == ["أمين المال"], found
    found = roles_of(
        "Il a été procédé à l'élection d'Idar Hidi (RNI) comme 2ème vice-président du conseil.", "fr"
    )
    assert found == {"Idar Hidi": ["vice-président"]}, found


def test_a_french_list_of_names_goes_on_after_a_known_name_and_its_party():
    text = (
        "Il s'agit respectivement d'Omar Alaoui du Parti de l'Istiqlal (PI), Alae Barkaoui du Rassemblement "
        "national des indépendants (RNI), Belaid Rahbi (PAM), ainsi que Mina Atfi et Salha Hijji du RNI."
    )
    assert set(roles_of(text, "fr")) == {
        "Omar Alaoui",
        "Alae Barkaoui",
        "Belaid Rahbi",
        "Mina Atfi",
        "Salha Hijji",
    }
    # places and parties are not names, and a list needs a known name to start from
    assert set(roles_of("Karim Alami a visité Rabat, Salé et Kénitra.", "fr")) == {"Karim Alami"}


def test_a_common_word_with_its_pronoun_ends_a_name():
    assert set(roles_of("وألقى الأمين العام إلياس العلوي مؤتمره الصحفي بالرباط.")) == {"إلياس العلوي"}
    assert set(roles_of("حاضرت الأمينة العامة نبيلة التازي لأزيد من ساعتين.")) == {"نبيلة التازي"}
    assert set(roles_of("وحضرت المنسقة مباركة بوعيدة رئيسة الجهة.")) == {"مباركة بوعيدة"}  # ة, not ه


def test_a_well_known_figure_keeps_the_whole_of_its_name() -> None:
    """A common word that ends a listed figure's name (العلمي, Alami) stays in it; the rules alone would
    stop before it."""
    from akhbar.extract.people import find_people

    cases = [
        ("وترأس الاجتماع رشيد الطالبي العلمي عضو المكتب السياسي للحزب.", "ar", "رشيد الطالبي العلمي"),
        (
            "La réunion a été présidée par Rachid Talbi Alami, membre du bureau politique.",
            "fr",
            "Rachid Talbi Alami",
        ),
        ("حضر رشيد الطالبي الاجتماع.", "ar", "رشيد الطالبي"),
    ]
    for text, language, name in cases:
        assert [m.normalized for m in find_people(text, language)] == [name], text


def test_two_rare_capitalized_words_before_a_party_are_a_name() -> None:
    """X Y du Parti de l'Istiqlal, X Y (RNI): the party apposition licenses a name the given-name list
    does not know; a capitalized title before the party (Le Secrétaire Général du PAM) is no name."""
    text = "El Khattat Yanja du Parti de l'Istiqlal a été réélu président du Conseil de la région."
    assert [m.normalized for m in find_people(text, "fr")] == ["El Khattat Yanja"]
    assert [m.normalized for m in find_people("Hassan Zerrouki (RNI) a été élu.", "fr")] == [
        "Hassan Zerrouki"
    ]
    assert find_people("Le Secrétaire Général du PAM a parlé.", "fr") == []
    text = (
        "A Dakhla, El Mami Boussif, du parti de l'Union socialiste des forces populaires (USFP), a été réélu."
    )
    assert [m.normalized for m in find_people(text, "fr")] == ["El Mami Boussif"]


def test_a_given_name_written_m_apostrophe_is_a_given_name() -> None:
    text = "La course se joue entre M’Braka Bouaida du RNI et M'hamed Tazi, le candidat du PAM."
    assert [m.normalized for m in find_people(text, "fr")] == ["M’Braka Bouaida", "M'hamed Tazi"]


def test_aba_joins_the_word_after_it_like_abou() -> None:
    text = "وانتخب كل من محمد مهدب عن الحركة الشعبية، ومصطفى أبا تراب عن حزب الاتحاد الاشتراكي."
    assert [m.normalized for m in find_people(text, "ar")] == ["محمد مهدب", "مصطفى أبا تراب"]


def test_places_verbs_and_case_endings_are_not_names() -> None:
    """لبني ملال is ل + a place, not لبنى; يصدرون بلاغا after a title is a verb and its object; درعة تافلالت
    (a common misspelling) is the region; لبنى العلوي is still a name."""
    assert find_people("انتخاب رئيس جديد للجماعة الحضرية لبني ملال.", "ar") == []
    assert find_people("أعضاء المكتب السياسي لحزب الاتحاد الاشتراكي يصدرون بلاغا ويحذرون.", "ar") == []
    text = "واحماد ايت باها النائب الثاني لجهة درعة تافلالت ،رئيس جماعة ايت ولال."
    assert [m.normalized for m in find_people(text, "ar")] == ["احماد ايت باها"]
    assert [m.normalized for m in find_people("حضرت لبنى العلوي الاجتماع.", "ar")] == ["لبنى العلوي"]


def test_a_title_on_the_line_before_licenses_no_name() -> None:
    """© Copyright : DR, then the article's first line: DR (droits réservés) is no doctor's title."""
    assert find_people("© Copyright : DR\n\nKiosque360. Les préparatifs du congrès.", "fr") == []
    assert [m.normalized for m in find_people("Le Dr Tazi a parlé.", "fr")] == ["Tazi"]


def test_more_moroccan_given_names_start_names() -> None:
    text = "وحضر اللقاء عمار اوشن وأديب بنبراهيم ورحو لهيلع."
    assert [m.normalized for m in find_people(text, "ar")] == ["عمار اوشن", "أديب بنبراهيم", "رحو لهيلع"]
    text = "Il s'agit de Badiaa Radi, Lhoussain Maaouia et Kawtar Aalaouel."
    assert [m.normalized for m in find_people(text, "fr")] == [
        "Badiaa Radi",
        "Lhoussain Maaouia",
        "Kawtar Aalaouel",
    ]


def test_rare_arabic_words_before_an_hizb_apposition_are_a_name() -> None:
    """إيدار حيدي عن حزب الأحرار: a name the given-name list lacks, licensed by its party; the list's و
    is not part of it; a verb or a common word before عن حزب is no name; د. (Dr) is no family name."""
    text = (
        "انتخب إيدار حيدي عن حزب التجمع الوطني للأحرار نائبا أول، وبوكنين عيدة عن حزب الحركة الشعبية "
        "نائبا ثانيا."
    )
    assert [m.normalized for m in find_people(text, "ar")] == ["إيدار حيدي", "بوكنين عيدة"]
    assert find_people("تحدث المتدخلون عن حزب الاستقلال.", "ar") == []
    text = "ترأسه الاخ د.عمر حجيرة عضو اللجنة التنفيذية."
    assert [m.normalized for m in find_people(text, "ar")] == ["عمر حجيرة"]


def test_a_french_list_without_commas_is_cut_at_each_given_name() -> None:
    text = "Le bureau: Ahmed Sbai Jamal El Asri Najib Saber Kamal Saidi Nadia Kaissi."
    names = ["Ahmed Sbai", "Jamal El Asri", "Najib Saber", "Kamal Saidi", "Nadia Kaissi"]
    assert [m.normalized for m in find_people(text, "fr")] == names
    assert [m.normalized for m in find_people("Driss El Azami El Idrissi a parlé.", "fr")] == [
        "Driss El Azami El Idrissi"
    ]


def test_affiliation_and_tense_adjectives_end_an_arabic_name() -> None:
    """المنتمي لحزب، السابق، الجديد: adjectives after a name, not a family name; فطيمة is فاطمة."""
    text = "اتفقوا على اختيار بدر الدين ناجح المنتمي لحزب الأصالة والمعاصرة رئيسا."
    assert [m.normalized for m in find_people(text, "ar")] == ["بدر الدين ناجح"]
    text = "كما حصلت فطيمة الزهراء عطيف على منصب النائب الثالث."
    assert [m.normalized for m in find_people(text, "ar")] == ["فطيمة الزهراء عطيف"]


def test_a_sharif_title_opens_a_name_before_a_given_name_only() -> None:
    """مولاي، سيدي، Moulay, Sidi are part of the name before a given name (Sidi Hamdi Ould Errachid); before
    anything else they name a place (Sidi Aidi, سيدي مومن). للا، لالة open a woman's name as a given name."""
    cases = [
        ("Sidi Hamdi Ould Errachid a présidé la réunion.", "fr", ["Sidi Hamdi Ould Errachid"]),
        ("وقال سيدي محمد ولد الرشيد إن الحزب قوي.", "ar", ["سيدي محمد ولد الرشيد"]),
        ("ومولاي محمد ايت بلا اسلمان نائبا له.", "ar", ["مولاي محمد ايت بلا اسلمان"]),
        ("ترأست اللقاء للا فاطمة المريني رئيسة الجمعية.", "ar", ["للا فاطمة المريني"]),
        ("La commune de Sidi Aidi a voté.", "fr", []),
        ("اجتمع المكتب بمنطقة سيدي مومن بالدار البيضاء.", "ar", []),
    ]
    for text, language, names in cases:
        assert [m.normalized for m in find_people(text, language)] == names, text


def test_a_party_named_right_after_a_name_is_the_persons_party() -> None:
    """Lahcen Daoudi du PJD, Omar Sentissi (RNI), فلان عن حزب الاستقلال: the guest's own party, not the
    party of the event."""
    text = "Au congrès de l'USFP, seuls Karim Bennani du PJD et Omar Sentissi (RNI) ont répondu présents."
    assert {m.text: m.extra["party"] for m in find_people(text, "fr")} == {
        "Karim Bennani": "PJD",
        "Omar Sentissi": "RNI",
    }
    text = "وحضر المؤتمر محمد الإدريسي عن حزب الاستقلال."
    assert [m.extra["party"] for m in find_people(text, "ar")] == ["PI"]


def test_more_moroccan_given_names_start_a_name() -> None:
    """Given names the list learnt from the real corpus' misses (منيرة، ياسير، احمادو، Abdenbi, Ichraq),
    and a short one that is no clitic reading (وكريم is و + كريم, not وك + ريم)."""
    text = "وحضر اللقاء منيرة العلوي وياسير الفاسي واحمادو بنعلي."
    assert [m.text for m in find_people(text, "ar")] == ["منيرة العلوي", "ياسير الفاسي", "احمادو بنعلي"]
    text = "Étaient présents Abdenbi Lahlou et Ichraq Bennani."
    assert [m.text for m in find_people(text, "fr")] == ["Abdenbi Lahlou", "Ichraq Bennani"]


def test_a_common_nisba_ends_a_name_and_a_feminine_noun_does_not() -> None:
    """A later family token shaped ال...ي is a family name however common (محمد الإدريسي العلوي); an
    envoy (مبعوثة الحزب) after a name is a title, not the name's end."""
    text = "وترأس اللقاء محمد الإدريسي العلوي عضو اللجنة التنفيذية."
    assert [m.text for m in find_people(text, "ar")] == ["محمد الإدريسي العلوي"]
    text = "وحضرت نادية بنعلي مبعوثة الحزب إلى الجهة."
    assert [m.text for m in find_people(text, "ar")] == ["نادية بنعلي"]


def test_a_name_stops_before_the_proceedings_it_presides() -> None:
    text = "وترأس أشغال الدورة مصطفى بنعلي أشغال اللقاء."
    assert "مصطفى بنعلي" in [m.text for m in find_people(text, "ar")]


def test_a_place_written_like_a_name_is_no_person() -> None:
    """Sidi Youssef Ben Ali (an arrondissement of Marrakech) reads like Sidi + a given name + Ben + a name:
    an official place name of two words or more is never a person; Sidi Hamdi Ould Errachid still is."""
    text = "Les arrondissements de Marrakech : Guelliz, Sidi Youssef Ben Ali et Ménara. Sidi Hamdi Ould Errachid a parlé."
    assert [m.text for m in find_people(text, "fr")] == ["Sidi Hamdi Ould Errachid"]


def test_on_behalf_of_and_representatives_are_no_names() -> None:
    text = "وحضر عبد اللطيف العلمي نيابة عن الكاتب الإقليمي، وحضر الرفيق نيابة عن الفرع."
    assert [m.text for m in find_people(text, "ar")] == ["عبد اللطيف العلمي"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a list of coordinators with their towns (فلان بتطوان): the town behind its preposition ends the name
        (
            "وحضر المنسقون الإقليميون، مصطفى الزياني بتطوان، سعيد الفاسي بطنجة.",
            ["مصطفى الزياني", "سعيد الفاسي"],
        ),
        # after a title, the town behind its preposition is the title's complement, not a name
        ("وشكر المنسق الجهوي للحزب بدرعة تافيلالت مولاي أحمد العلوي على حضوره.", ["مولاي أحمد العلوي"]),
        # a family name that is itself a town stays a family name
        ("وحضر يونس بنسليمان اللقاء.", ["يونس بنسليمان"]),
        # اضطراريا (a nisba adjective with the adverb's alef) tells how, it is not part of the name
        ("وغاب عن اللقاء الكاتب الأول للحزب كريم بنعلي اضطراريا بسبب التزامات أخرى.", ["كريم بنعلي"]),
    ],
)
def test_what_ends_an_arabic_name(text: str, names: list[str]) -> None:
    assert [m.text for m in find_people(text, "ar")] == names


def test_a_roster_line_gives_its_label_as_the_office() -> None:
    """`Deuxième adjoint : X`, `نائب الكاتب الإقليمي: X`: a bureau listed one office a line; the label is
    the office even when the title lexicon does not hold it, the whole label over a title inside it.
    A source, a rubric or a place before the colon is no office."""
    text = (
        "Voici la liste du bureau provincial :\n\nPremier adjoint : Karim Alami\n\n"
        "Chargé de la communication : Said Bennani.\n\nSource : Omar Tazi\n\nTiznit : Hamid Lahlou"
    )
    assert {m.text: m.extra["role"] for m in find_people(text, "fr")} == {
        "Karim Alami": "Premier adjoint",
        "Said Bennani": "Chargé de la communication",
        "Omar Tazi": None,
        "Hamid Lahlou": None,
    }
    text = "وهذه تشكيلة المكتب الإقليمي:\n\nنائب الكاتب الإقليمي: سعيد الفاسي\n\nأمين المال: كريم بنعلي"
    assert {m.text: m.extra["role"] for m in find_people(text, "ar")} == {
        "سعيد الفاسي": "نائب الكاتب الإقليمي",
        "كريم بنعلي": "أمين المال",
    }
    text = "Deuxième adjoint : M. Karim Alami\n\nTexte : Said Bennani\n\nTraduction : Omar Tazi"
    assert {m.text: m.extra["role"] for m in find_people(text, "fr")} == {
        "Karim Alami": "Deuxième adjoint",  # the courtesy title is no break in the line
        "Said Bennani": None,
        "Omar Tazi": None,
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وحضر حسن فريدي أشغال اللقاء.", "حسن فريدي"),  # a given name that is also a word (حسن)
        ("وحضر جمال بخات أشغال اللقاء.", "جمال بخات"),
        ("وحضر هشام بوستة أشغال اللقاء.", "هشام بوستة"),  # بو opens the family name
        ("وحضر محمد بوسعيد أشغال اللقاء.", "محمد بوسعيد"),
        ("وحضر محمد العلوي بوفد من الشبيبة.", "محمد العلوي"),  # ب + وفد: with a delegation
        ("وتحدثت وفاء بدري خبيرة الشؤون المحلية.", "وفاء بدري"),  # a common word after the family name
    ],
)
def test_a_family_name_behind_a_letter_that_may_be_a_preposition(text: str, name: str) -> None:
    """ب, ف open family names (بخات, فريدي) as well as prepositional phrases: after a given name that
    is also a word, the family name is read when its rest is no common word; بو opens many names."""
    assert [m.text for m in find_people(text, "ar")] == [name]


def test_a_given_name_that_is_a_word_before_a_preposition_is_no_name() -> None:
    assert find_people("وكان حسن بالغ الأثر في نفوس الحاضرين.", "ar") == []


def test_a_french_list_read_back_from_a_known_name() -> None:
    """Azzouz Senhaji et Rachid Hamouni: the list's first name, unknown to the given-name list, is
    read back from the known one; a tribe (Aït Baâmrane) or a country (Le Maroc) is no name."""
    text = "accompagné de deux membres du bureau politique à savoir Azzouz Senhaji et Rachid Hamouni."
    assert [m.text for m in find_people(text, "fr")] == ["Azzouz Senhaji", "Rachid Hamouni"]
    text = "issu de la tribu des Aït Baâmrane, Hassan Derham, a pris la parole."
    assert [m.text for m in find_people(text, "fr")] == ["Hassan Derham"]
    assert [m.text for m in find_people("Le Maroc et Nabil Benabdallah ont signé.", "fr")] == [
        "Nabil Benabdallah"
    ]


def test_an_arabic_list_with_two_known_names_names_its_other_items() -> None:
    """بكل من A، B، C، D: where the name lists know two of a list's names, each other item of two or
    three rare or name words is a name too, family name first (القرفاد محمد) or not, after its و too."""
    text = "وضم المكتب الجديد كلا من محمد العلوي، القرفاد محمد، خديجة بادوش، نهيل الغوات، والعامري طارق."
    assert [m.normalized for m in find_people(text, "ar")] == [
        "محمد العلوي",
        "القرفاد محمد",
        "خديجة بادوش",
        "نهيل الغوات",
        "العامري طارق",
    ]


def test_an_arabic_list_of_kinds_of_people_names_no_one_and_a_family_name_keeps_its_waw() -> None:
    """مستشارون جماعيون، برلمانيون: plurals of common words are kinds of people; وزاني كريم inside a list
    whose other names carry no و is a family name starting with و; A، وB، وC: every name sheds it."""
    kinds = "وحضر اللقاء محمد العلوي، كريم بناني، مستشارون جماعيون، وبرلمانيون سابقون، وفاعلون جمعويون."
    assert [m.normalized for m in find_people(kinds, "ar")] == ["محمد العلوي", "كريم بناني"]
    mixed = "وضم المكتب محمد العلوي، وزاني كريم، خديجة بادوش، والعامري طارق."
    assert [m.normalized for m in find_people(mixed, "ar")][1] == "وزاني كريم"
    each = "وانتخب كل من محمد توفلة، ومولاي البشير طويا، وخديجة الفضي، ونهيل الغوات، وعبد الجليل المودن."
    assert "نهيل الغوات" in [m.normalized for m in find_people(each, "ar")]
    family = "وضم المكتب محمد العلوي، نهيل حمدون، خديجة بادوش، والعامري طارق."
    assert "نهيل حمدون" in [m.normalized for m in find_people(family, "ar")]  # حمدون: no plural of a kind


def test_a_list_of_results_or_with_one_known_name_names_no_one_else() -> None:
    seats = "وحصل حزب الاستقلال على مقعدين، حصد الحزب ستة مقاعد، سبعة مقاعد للأحرار، ومقعد للحركة."
    assert find_people(seats, "ar") == []
    one = "وحضر اللقاء محمد العلوي، القرفاد محمد، العامري طارق، نهيل الغوات."
    assert [m.normalized for m in find_people(one, "ar")] == ["محمد العلوي"]


@pytest.mark.parametrize("name", ["السعيد الوردي", "عدي الكراوي", "ماجدولين بناني", "عبلة الصافي"])
def test_moroccan_given_names_start_a_name(name: str) -> None:
    """Given names common in Morocco (السعيد with its article, عدي, ماجدولين, عبلة) open a name."""
    assert [m.normalized for m in find_people(f"وحضر اللقاء {name} إلى جانب أعضاء المكتب.", "ar")] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وعرفت الجلسة انتخاب أقسام الوردي عن التجمع الوطني للأحرار كاتبا للمجلس.", "أقسام الوردي"),
        ("وتم انتخاب كبير الزموري عن حزب الاستقلال رئيسا للمجلس الإقليمي.", "كبير الزموري"),
        ("انتخب صباح اليوم أحمد بدرة عن حزب الحركة الشعبية رئيسا للجماعة.", "أحمد بدرة"),
        ("فيما انتخب مصطفى الحيا عن حزب العدالة والتنمية نائبا أول للرئيس.", "مصطفى الحيا"),
    ],
)
def test_a_party_after_a_name_licenses_words_the_name_test_refuses(text: str, name: str) -> None:
    """انتخاب X Y عن حزب Z: between an election word (or a given name) and `عن` + a party, two or three
    words are a name even when common (كبير, أقسام) or read as a word with a clitic (بدرة)."""
    assert name in [p.normalized for p in find_people(text, "ar")]


@pytest.mark.parametrize(
    "text",
    [
        "وفاز بمقعد عن حزب الاستقلال في الدائرة.",
        "وتم انتخاب مرشح الحزب عن حزب الاستقلال.",
        "وتم انتخاب أستاذ جامعي عن حزب الاستقلال رئيسا للجماعة.",
        "وانتخب المؤتمرون بالإجماع حسن عن حزب الاستقلال.",
    ],
)
def test_a_party_after_words_that_are_no_name_licenses_nothing(text: str) -> None:
    assert find_people(text, "ar") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وبعد الكلمة التي تناولها الأخ زكرياء بقدير، تطرق المنسق إلى الانتخابات.", "زكرياء بقدير"),
        ("حيث فاز مرشح الحزب سعيد بعزيز، بالرتبة الأولى في الدائرة.", "سعيد بعزيز"),
    ],
)
def test_a_ba_word_closed_by_a_comma_is_a_family_name(text: str, name: str) -> None:
    """بقدير، بعزيز: ب + a noun goes on to the noun's complement; a ب word a comma closes at once,
    right after a given name, is the family name."""
    assert name in [p.normalized for p in find_people(text, "ar")]


def test_a_ba_phrase_after_a_given_name_is_no_family_name() -> None:
    """استقبل محمد بمقر الحزب: ب + مقر goes on to its complement, no name."""
    assert find_people("واستقبل محمد بمقر الحزب الوفد القادم من الرباط.", "ar") == []


def test_sid_before_a_given_name_opens_the_name() -> None:
    """سيد أحمد بكار (Sidahmed): the title is part of the name, as سيدي and مولاي are."""
    text = "وتمت إعادة انتخاب سيد أحمد الخليل عن حزب الحركة الشعبية رئيسا للمجلس."
    assert "سيد أحمد الخليل" in [p.normalized for p in find_people(text, "ar")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "وحضر اللقاء المنسق الإقليمي للحزب فضلاوي إبراهيم، وعبد الله الحسني عضو المجلس الوطني.",
            "فضلاوي إبراهيم",
        ),
        ("وعين أحمد الكرمي كاتبا إقليميا لسطات، والزيراري محمد الكاتب الإقليمي لبرشيد.", "الزيراري محمد"),
        ("وتشكل المكتب من: بوطيبي أحمد (نائب الكاتب الإقليمي) وآخرين.", "بوطيبي أحمد"),
    ],
)
def test_a_family_name_written_before_the_given_name(text: str, name: str) -> None:
    """فضلاوي إبراهيم، (family name first, as Moroccan lists write it): a given name that opens no name
    of its own, closed by a mark or a role, after a word that passes the family-name test."""
    assert name in [p.normalized for p in find_people(text, "ar")]


@pytest.mark.parametrize(
    "text",
    [
        "وترأس الملك محمد السادس المجلس الوزاري.",
        "انعقد اللقاء بسيدي قاسم، بحضور المناضلين.",
        "وأكد الفاعل الجمعوي محمد (45 سنة) أن المدينة تحتاج إلى مشاريع.",
        "وتشكل المكتب من: وهبي أحمد (نائب الكاتب الإقليمي) وآخرين.",
    ],
)
def test_a_common_word_or_a_place_before_a_given_name_is_no_family_name(text: str) -> None:
    assert [p.normalized for p in find_people(text, "ar")] == []


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Le secrétaire général sortant, Karim Tazi, rempile pour un troisième mandat.",
            "Karim Tazi",
            "secrétaire général",
        ),
        (
            "Le Premier secrétaire du parti de la Rose, Driss Alaoui, sillonne les régions.",
            "Driss Alaoui",
            "Premier secrétaire",
        ),
    ],
)
def test_a_french_title_and_its_complement_set_off_by_commas_name_the_person(
    text: str, name: str, role: str
) -> None:
    """Le Premier secrétaire du parti de la Rose, X, continue: the name between commas after a title is
    the title's, whatever its complement; with a verb between (a reçu hier, X,) it is not."""
    assert roles_of(text, "fr")[name] == [role]
    assert roles_of("Le secrétaire général a reçu hier, Karim Tazi, le président.", "fr")["Karim Tazi"] == []


def test_a_plural_title_of_ministers_or_members_of_parliament_names_its_list() -> None:
    """les ministres A, B et C; البرلمانيون A وB: the plural title goes to every name of its list."""
    found = roles_of("Le meeting a réuni les ministres Karim Tazi, Leila Alami et Samir Bennani.", "fr")
    assert [found[n] for n in ("Karim Tazi", "Leila Alami", "Samir Bennani")] == [["ministre"]] * 3
    ar = roles_of("وحضر اللقاء البرلمانيون محمد العلوي وأحمد الوزاني.")
    assert [ar[n] for n in ("محمد العلوي", "أحمد الوزاني")] == [["البرلماني"]] * 2


def test_an_arabic_name_stops_before_the_verb_that_follows_it() -> None:
    """عبد الله وكاك ليطلع، محند العنصر يترأس: a verb in the imperfect after a name (يت + a root, or ل +
    a common imperfect verb) is not a second family name; لشكر and لحلو still are names."""
    text = (
        "وحضر اللقاء الكاتب الإقليمي عبد الله وكاك ليطلع المناضلين على المستجدات، "
        "فيما كان الأمين العام محند العنصر يترأس الجلسة بحضور عضو المكتب السياسي إدريس لشكر."
    )
    names = {p.text for p in find_people(text, "ar")}
    assert {"عبد الله وكاك", "محند العنصر", "إدريس لشكر"} <= names
    # a nisba family name may start like a verb: محمد ليسري، محمد يتيمي
    kept = {p.text for p in find_people("وحضر اللقاء محمد ليسري ومحمد يتيمي عضوا المكتب.", "ar")}
    assert {"محمد ليسري", "محمد يتيمي"} <= kept


def test_french_transliterations_of_common_given_names_start_a_name() -> None:
    text = (
        "Le congrès a élu Ismaël Hamraoui, tandis que Jamaâ El Moattassim et Muhammad Alaoui ont été "
        "désignés au bureau."
    )
    names = {p.text for p in find_people(text, "fr")}
    assert {"Ismaël Hamraoui", "Jamaâ El Moattassim", "Muhammad Alaoui"} <= names


def test_more_arabic_given_names_start_a_name() -> None:
    text = (
        "وانتخب المجلس صوفيا العلوي نائبة أولى للرئيس، وجابر الفاسي نائبا ثانيا، وأناس البقالي كاتبا للمجلس."
    )
    names = {p.text for p in find_people(text, "ar")}
    assert {"صوفيا العلوي", "جابر الفاسي", "أناس البقالي"} <= names


def test_a_role_reaches_back_over_the_party_word_and_name() -> None:
    """وسعيد العمراني عن حزب الاتحاد الاشتراكي نائبا ثالثا: the party's own word (حزب) stands between the
    name and its office, whether or not the party's name carries it."""
    found = roles_of(
        "وجاءت النتائج كالآتي: محمد الكراوي رئيسا، وسعيد العمراني عن حزب الاتحاد الاشتراكي نائبا ثالثا."
    )
    assert found["سعيد العمراني"] == ["نائب الرئيس"]


def test_the_council_secretary_and_deputy_are_offices() -> None:
    """كاتبة المجلس، نائبة كاتبة المجلس: the bureau a council elects with its president."""
    found = roles_of("وانتخبت سميرة البقالي كاتبة للمجلس، وحنان الزياني نائبة كاتبة المجلس.")
    assert found["سميرة البقالي"] == ["كاتبة المجلس"]
    assert found["حنان الزياني"] == ["نائبة كاتبة المجلس"]


def test_a_title_word_after_a_name_particle_is_a_family_name() -> None:
    """أيت الحاج يدخل المجلس: الحاج after أيت is part of the family name Aït El Hajj, not the pilgrim's title
    that would make the next word (a verb) a name; الحاج before a name is still the title."""
    assert roles_of("وقال أيت الحاج يدخل المجلس الجماعي للمرة الأولى.") == {}
    assert list(roles_of("وقال الحاج محمد العلوي إن الوضع صعب.")) == ["محمد العلوي"]


def test_names_of_a_list_part_at_a_conjunction_before_a_given_name() -> None:
    """مصطفى تامصاط ومديحة خيير: the second given name, after و, opens a second name."""
    found = roles_of("وحضر اللقاء البرلمانيان مصطفى تامصاط ومديحة خيير والمفتش الإقليمي للحزب.")
    assert {"مصطفى تامصاط", "مديحة خيير"} <= set(found)


def test_a_plural_title_with_its_preposition_ends_a_name() -> None:
    """مصطفى أيت علا كمستشارين: `as councillors` is the title the list was elected to, not a family name;
    ومستشارين جماعيين وأعيان: the plural title takes its adjective, and no name follows."""
    assert list(roles_of("وانتخب مصطفى أيت علا كمستشارين للمكتب.")) == ["مصطفى أيت علا"]
    assert roles_of("لقاء مع رؤساء جماعات ومستشارين جماعيين وأعيان من المنطقة.") == {}


def test_a_given_name_that_opens_titles_ends_a_name_a_mark_closes() -> None:
    """أمين is a given name and the first word of أمين المال: after a given name, with a comma right
    after it, it is the family name (Fouad Amine); followed by the rest of its title it stays the title."""
    assert list(roles_of("وقدم الكلمة الأخ فؤاد أمين، ثم تطرق المنسق الإقليمي إلى الوضع.")) == ["فؤاد أمين"]
    assert roles_of("وقدمت فاطمة أمين المال التقرير المالي.") == {}


def test_a_given_name_after_a_conjunction_keeps_its_own_first_letter() -> None:
    """ولحسن السعدي is و + لحسن (Lahcen), not و + ل + حسن: the fewest clitics peeled first."""
    found = roles_of("وحضر اللقاء ياسمين لمغور، النائبة البرلمانية، ولحسن السعدي، النائب البرلماني.")
    assert "لحسن السعدي" in found and "حسن السعدي" not in found


def test_a_name_opened_by_its_particle_after_a_title() -> None:
    """السيد بن دباب بن يونس: after a title, a name may start with بن; the particle and one word alone
    are no name (السيد ابن الشيخ إن)."""
    found = roles_of("– النائب الثاني: السيد بن منصور بن علال عن حزب المصباح")
    assert list(found) == ["بن منصور بن علال"]
    assert roles_of("وقال السيد ابن الشيخ إن الحزب مستعد.") == {}


@pytest.mark.parametrize(
    "text",
    [
        "وانتخب الكاتب الإقليمي جمال المؤتمر بالإجماع.",
        "وأشاد الكاتب الإقليمي سعيد التنظيم.",
        "وتم انتخاب عضو المكتب أمين المال للفرع بالإجماع.",
    ],
)
def test_a_title_does_not_make_a_name_of_a_given_name_and_a_common_word(text: str) -> None:
    """جمال المؤتمر (the congress's beauty), أمين المال (the treasurer, another title) are no names."""
    assert roles_of(text) == {}


@pytest.mark.parametrize(
    "text",
    ["وعاد المنسق الجهوي سعيد لطنجة بعد اللقاء.", "وأكد السيد ابن الحي الحسني أن الحزب مستعد."],
)
def test_no_name_runs_into_a_place_or_opens_with_a_particle_and_a_common_word(text: str) -> None:
    assert roles_of(text) == {}


def test_an_honorific_after_a_given_name_is_the_family_name() -> None:
    """فاطمة السيد, كريم الحاج: after a given name, السيد and الحاج are family names (honorifics.tsv, surname);
    before a given name the title is the next name's (السيدة نادية العلمي)."""
    found = roles_of("وانتخبت كل من نادية العلوي، وفاطمة السيد ممثلتين للجهة عن لائحة النساء.")
    assert "فاطمة السيد" in found
    found = roles_of("قال كريم الحاج، عضو المكتب السياسي، إن الحزب مستعد.")
    assert found == {"كريم الحاج": ["عضو المكتب السياسي"]}
    found = roles_of("ورحب سعيد بالحاضرين، وأعطى الكلمة للسيدة نادية العلمي.")
    assert "نادية العلمي" in found and not any(name.endswith("السيد") for name in found)


def test_a_title_with_a_colon_is_a_label_for_the_name_after_it() -> None:
    """الكاتب المحلي: A، أمين المال: B: each title names the person after its colon, never the one before it
    (a bare title after a name, X، أمين المال للحزب, still does)."""
    found = roles_of(
        "وجاءت تشكيلة المكتب كالتالي: الكاتب المحلي: أحمد العلوي، أمين المال: كريم الإدريسي، المستشار: سعيد بنعمر."
    )
    assert found == {
        "أحمد العلوي": ["الكاتب المحلي"],
        "كريم الإدريسي": ["أمين المال"],
        "سعيد بنعمر": ["المستشار"],
    }
    found = roles_of("وحضر اللقاء كريم الإدريسي، أمين المال للحزب.")
    assert found["كريم الإدريسي"][0].startswith("أمين المال")


def test_a_time_in_commas_between_a_name_and_its_title_does_not_part_them() -> None:
    """X a été élu, vendredi dernier, président: the weekday in commas is the election's time, not a word
    standing between the name and its title (weekdays.tsv, months.tsv, time_word of people_words.tsv)."""
    found = roles_of(
        "Karim Alaoui a été élu, vendredi dernier, président du conseil communal de Settat.", "fr"
    )
    assert found["Karim Alaoui"][0].startswith("président du conseil communal")
    found = roles_of("Karim Alaoui a été élu, le 12 mars, président du conseil communal de Settat.", "fr")
    assert found["Karim Alaoui"][0].startswith("président du conseil communal")
    found = roles_of("Karim Alaoui a salué, Said Bennani, président du conseil communal de Settat.", "fr")
    assert found["Karim Alaoui"] == []


def test_review_cases_an_apposition_before_a_quote_and_a_title_after_a_name() -> None:
    """قال X، الكاتب الإقليمي: إن ...: the title in apposition, a colon and the quote, is still X's; رشيد السيد
    العامل: السيد before a title is the title's honorific, not a family name."""
    assert roles_of("وقال محمد العلمي، الكاتب الإقليمي: إن الحزب مستعد للانتخابات.")["محمد العلمي"] == [
        "الكاتب الإقليمي"
    ]
    assert roles_of("Selon Ahmed Tazi, secrétaire provincial : « Le parti est prêt ».", "fr")["Ahmed Tazi"]
    assert "كريم السيد" not in roles_of("وجه كريم السيد الرئيس سؤالا إلى الحكومة.")


def test_ahl_joins_a_sahrawi_family_name() -> None:
    """Hamma Ahl Baba, محمد أهل بابا: Ahl / أهل opens a family name (as Ould and ولد do)."""
    found = roles_of("animée par Hamma Ahl Baba, coordinateur régional du parti.", "fr")
    assert found["Hamma Ahl Baba"][0].startswith("coordinateur régional")
    assert "محمد أهل بابا" in roles_of("وحضر اللقاء محمد أهل بابا، المنسق الجهوي للحزب.")


def test_a_french_name_after_its_title_may_hold_a_particle() -> None:
    """Le candidat du RNI, Khattat Ould Sidi, a remporté: a name the given-name list does not know, licensed
    by the title before it, with its particle inside (and Sidi, a particle elsewhere, its last word)."""
    found = roles_of("Le candidat du parti, Khattat Ould Sidi, a remporté le siège.", "fr")
    assert found == {"Khattat Ould Sidi": ["candidat"]}
