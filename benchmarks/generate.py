"""Write N realistic raw documents for the benchmark, deterministically (same seed, same bytes).

Each document mixes paragraphs of the sample articles in `data/raw/` (same language) with
generated news sentences carrying varied dates, places (official names from the gazetteer),
party names and people, so that caches see realistic repetition rather than five texts
repeated. Like real scraped files, some carry a title and byline, a ` date YYYY-MM-DD`
metadata line, site boilerplate (share buttons, counters, "اقرأ أيضا"), glued words
(`بإقليمصفرو`), tatweel; a few arrive in Windows-1256 or with a BOM, a few are exact
re-posts (duplicates) and a few are junk the raw layer must refuse.

    python -m benchmarks.generate --n 10000 --out /tmp/bench/raw [--days 7] [--seed 7]

Files land under `<out>/<site>/<nnnnnnn>.txt`, their modification times spread over
`days` consecutive arrival days ending on `LAST_DAY` (the partition key is the UTC day
of the file's mtime).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
from functools import lru_cache
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "raw"
LAST_DAY = dt.date(2026, 3, 31)
VERSION = 2  # bump when the documents change, so cached corpora are regenerated
SITES = ("albayane", "hespress", "lematin", "alyaoum24", "le360", "chamal")

MONTHS_AR = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
)
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre")
MONTHS_FR += ("novembre", "décembre")
WEEKDAYS_AR = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

FIRST_AR = ("محمد", "أحمد", "عبد السلام", "إدريس", "نبيل", "جعفر", "خديجة", "فاطمة الزهراء", "رشيد", "يوسف")
FIRST_AR += ("سعيد", "نادية", "حسن", "عزيز", "كريمة", "مصطفى", "عبد الله", "سمير", "ليلى")
LAST_AR = ("بنعبد الله", "الصديقي", "خملاش", "بوطاهر", "العلمي", "الإدريسي", "بنكيران", "الفاسي", "التازي")
LAST_AR += ("الشرقاوي", "المنصوري", "الزياني", "العثماني", "بلحاج", "الوزاني")
FIRST_FR = ("Mohamed", "Ahmed", "Driss", "Nabil", "Karim", "Youssef", "Said", "Nadia", "Hassan", "Aziz")
FIRST_FR += ("Khadija", "Fatima", "Rachid", "Mustapha", "Samir", "Leila")
LAST_FR = (
    "Benabdallah",
    "Lachguar",
    "Seddiki",
    "Alami",
    "Idrissi",
    "Benkirane",
    "Fassi",
    "Tazi",
    "Cherkaoui",
)
LAST_FR += ("Mansouri", "Ziani", "Othmani", "Benhaj", "Ouazzani")

PARTIES_AR = (
    "حزب التقدم والاشتراكية",
    "حزب الكتاب",
    "الاتحاد الاشتراكي للقوات الشعبية",
    "حزب الاستقلال",
    "حزب العدالة والتنمية",
    "التجمع الوطني للأحرار",
    "حزب الأصالة والمعاصرة",
    "الحركة الشعبية",
    "الاتحاد الدستوري",
    "الحزب الاشتراكي الموحد",
)
PARTIES_FR = (
    "l'USFP",
    "le PPS",
    "l'Istiqlal",
    "le PJD",
    "le RNI",
    "le PAM",
    "le MP",
    "l'UC",
    "le PSU",
    "la FGD",
)
ROLES_AR = ("الكاتب الإقليمي", "عضو المكتب السياسي", "الكاتب الجهوي", "الأمين العام", "عضو اللجنة المركزية")
ROLES_FR = ("Premier secrétaire", "membre du Bureau politique", "secrétaire régional", "secrétaire général")
TITLES_AR = ("السيد", "الرفيق", "الأستاذ", "")
TITLES_FR = ("M.", "Mme", "")

EVENTS_AR = (
    "عقد {party} مؤتمره الإقليمي {glue_in}{place} يوم {date}، تحت إشراف {title} {person} {role}.",
    "انعقد {date_in} {glue_in}{place} الجمع العام التأسيسي لفرع {party} بحضور {title} {person} {role}.",
    "ترأس {title} {person} {role} ل{party} لقاء تواصليا {glue_in}{place} يوم {date} مع المناضلات والمناضلين.",
    "أصدر المكتب السياسي ل{party} بلاغا {date_in} عقب اجتماعه الأسبوعي {glue_in}{place}.",
    "حصل {party} على مقعد في الانتخابات التشريعية ل {date} بالدائرة الانتخابية {glue_in}{place}.",
    "وقد اجتمع أعضاء المكتب المحلي ل{party} {glue_in}{place} {date_in} لتدارس الوضع التنظيمي.",
)
EVENTS_FR = (
    "Le {role} de {party}, {title} {person}, a présidé un congrès provincial à {place} le {date}.",
    "Une réunion organisationnelle de {party} s'est tenue {date_in} à {place}, en présence de {person}.",
    "{party} a publié un communiqué {date_in} à l'issue de la réunion de son Bureau politique à {place}.",
    "L'assemblée générale constitutive de la section de {party} à {place} a eu lieu le {date}.",
    "Lors des élections communales du {date}, {party} a obtenu trois sièges à {place}.",
)
BOILERPLATE_AR = ("0 398", "شارك المقال", "اقرأ أيضا", "قد يعجبك ايضا", "اترك رد", "جميع الحقوق محفوظة")
BOILERPLATE_FR = ("Partager", "Lire aussi", "Tweet", "© Tous droits réservés", "Commentaires (0)")
GLUED_PREFIXES = ("بإقليم", "بمدينة", "بجماعة", "بجهة")  # written glued to the place name, as on the samples


@lru_cache(maxsize=1)
def _samples() -> dict[str, list[str]]:
    """Paragraphs of the sample articles, by language (Arabic if mostly Arabic letters)."""
    out: dict[str, list[str]] = {"ar": [], "fr": []}
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\A\s*date \d{4}-\d{2}-\d{2}\s*", "", text)
        for para in (p.strip() for p in text.split("\n")):
            if len(para) < 80:
                continue
            arabic = sum("\u0600" <= c <= "\u06ff" for c in para)
            out["ar" if arabic * 2 > len(para) else "fr"].append(para)
    return out


@lru_cache(maxsize=1)
def _places() -> dict[str, list[str]]:
    """Official place names (regions, provinces, communes) in Arabic and French."""
    from akhbar.lexicons.gazetteer import entries

    ar = [name_ar for _, name_ar, _ in entries() if name_ar]
    fr = [name_fr for _, _, name_fr in entries() if name_fr]
    return {"ar": ar, "fr": fr}


def _date(rng: random.Random, lang: str, published: dt.date) -> tuple[str, str]:
    """(bare date, date with a preposition or relative phrase) in the article's language."""
    day = published - dt.timedelta(days=rng.randrange(120))  # news reports what just happened
    if lang == "ar":
        bare = f"{WEEKDAYS_AR[day.weekday()]} {day.day} {MONTHS_AR[day.month - 1]} {day.year}"
        if rng.random() < 0.3:
            bare = f"{day.day} {MONTHS_AR[day.month - 1]} {day.year}"
        phrase = rng.choice((f"يوم {bare}", f"بتاريخ {bare}", "نهاية الأسبوع المنصرم", "أمس", f"في {bare}"))
    else:
        bare = f"{day.day} {MONTHS_FR[day.month - 1]} {day.year}"
        if rng.random() < 0.4:
            bare = f"{WEEKDAYS_FR[day.weekday()]} {bare}"
        phrase = rng.choice((f"le {bare}", "samedi dernier", f"ce {bare}", "récemment"))
    return bare, phrase


def _event_sentence(rng: random.Random, lang: str, published: dt.date) -> str:
    date, date_in = _date(rng, lang, published)
    place = rng.choice(_places()[lang])
    if lang == "ar":
        glue = rng.choice(GLUED_PREFIXES)
        glue_in = glue if rng.random() < 0.3 else glue + " "  # glued words, as scraped
        person = f"{rng.choice(FIRST_AR)} {rng.choice(LAST_AR)}"
        template = rng.choice(EVENTS_AR)
        return template.format(
            party=rng.choice(PARTIES_AR),
            glue_in=glue_in,
            place=place,
            date=date,
            date_in=date_in,
            title=rng.choice(TITLES_AR),
            person=person,
            role=rng.choice(ROLES_AR),
        ).replace("  ", " ")
    person = f"{rng.choice(FIRST_FR)} {rng.choice(LAST_FR)}"
    return (
        rng.choice(EVENTS_FR)
        .format(
            party=rng.choice(PARTIES_FR),
            place=place,
            date=date,
            date_in=date_in,
            title=rng.choice(TITLES_FR),
            person=person,
            role=rng.choice(ROLES_FR),
        )
        .replace("  ", " ")
    )


def _vary_years(rng: random.Random, paragraph: str, published: dt.date) -> str:
    """Sample paragraphs with other years, so date caches do not see five texts over and over."""
    return re.sub(
        r"\b20[0-2]\d\b", lambda _: str(rng.randrange(published.year - 8, published.year + 1)), paragraph
    )


def document(rng: random.Random, lang: str) -> str:
    """One article's text: optional metadata line, title, byline, body, boilerplate."""
    boiler = BOILERPLATE_AR if lang == "ar" else BOILERPLATE_FR
    samples = _samples()[lang]
    lines: list[str] = []
    published = LAST_DAY - dt.timedelta(days=rng.randrange(3000))
    if rng.random() < 0.3:
        lines.append(f" date {published}")
    title_sentence = _event_sentence(rng, lang, published).rstrip(".")
    lines.append(" ".join(title_sentence.split()[:14]))
    if rng.random() < 0.4:
        first, last = (FIRST_AR, LAST_AR) if lang == "ar" else (FIRST_FR, LAST_FR)
        name = f"{rng.choice(first)} {rng.choice(last)}"
        lines.append(f"{name} :" if lang == "ar" else f"Par {name}")
    if rng.random() < 0.3:
        lines += ["", rng.choice(boiler), ""]
    paragraphs = [
        _vary_years(rng, p, published) for p in rng.sample(samples, k=min(len(samples), rng.randint(1, 4)))
    ]
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(paragraphs) + 1)
        paragraphs.insert(
            at, " ".join(_event_sentence(rng, lang, published) for _ in range(rng.randint(1, 3)))
        )
    body = "\n\n".join(paragraphs)
    if lang == "ar" and rng.random() < 0.2:
        body = body.replace("الحزب", "الحـــزب", 2)  # tatweel, as some sites stretch words
    lines.append(body)
    if rng.random() < 0.5:
        lines += ["", *rng.sample(boiler, k=2)]
    return "\n".join(lines) + "\n"


def _encode(rng: random.Random, text: str, lang: str) -> bytes:
    roll = rng.random()
    if lang == "ar" and roll < 0.03:
        try:
            return text.encode("cp1256")
        except UnicodeEncodeError:
            pass
    if roll > 0.99:
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode("utf-8")


def _junk(rng: random.Random) -> bytes:
    """What the raw layer must refuse: empty, binary, too short, another language."""
    return rng.choice(
        (
            b"",
            bytes(rng.randrange(256) for _ in range(2000)).replace(b"\x00", b"\x01") + b"\x00" * 10,
            b"Merci.",
            b"The party held its provincial congress on Saturday in the city, officials said. " * 5,
        )
    )


def generate(n: int, out: str | Path, days: int = 7, seed: int = 7) -> list[Path]:
    """Write `n` raw files under `out`; return their paths. Same arguments, same bytes and mtimes."""
    rng = random.Random(seed)
    root = Path(out)
    written: list[Path] = []
    previous: list[bytes] = []
    for i in range(n):
        roll = rng.random()
        if roll < 0.01 and previous:
            data = rng.choice(previous)  # an exact re-post of an earlier article
        elif roll < 0.015:
            data = _junk(rng)
        else:
            lang = "ar" if rng.random() < 0.7 else "fr"
            data = _encode(rng, document(rng, lang), lang)
            if len(previous) < 200:
                previous.append(data)
        written.append(write_raw(root, i, n, days, data))
    return written


def write_raw(root: Path, i: int, n: int, days: int, data: bytes) -> Path:
    """Write document `i` of `n` under its site folder, dated to its arrival day among the `days` ending
    on LAST_DAY (the modification time is the arrival day)."""
    path = root / SITES[i % len(SITES)] / f"{i:07d}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    arrival = LAST_DAY - dt.timedelta(days=(days - 1) - (i * days // n))
    stamp = dt.datetime.combine(arrival, dt.time(12, 0), dt.UTC).timestamp() + (i % 3600)
    os.utime(path, (stamp, stamp))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of documents")
    parser.add_argument("--out", required=True, help="folder to write the raw files into")
    parser.add_argument("--days", type=int, default=7, help="arrival days the files spread over")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    paths = generate(args.n, args.out, args.days, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} files, {size / 1e6:.1f} MB, under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
