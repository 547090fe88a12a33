"""Afghanistan, Uzbekistan and Turkmenistan: crossings, hubs, railways and roads.

Coordinates are written from knowledge of the real places (lon, lat, WGS84).
The Turkmen section of the Kazakhstan-Turkmenistan-Iran line, Turkmenbashi and the
Sarakhs crossing belong to the centralasia region; this module only refers to them.
"""

SOURCES = [
    dict(id="ref-afghan-rail", outlet="Afghan railway lines and projects (reference knowledge)",
         date="2025", kind="reference",
         title="Hairatan-Mazar-i-Sharif, Serhetabat-Torghundi, Aqina-Andkhoy, Khaf-Herat and proposed lines"),
    dict(id="ref-uzbek-rail", outlet="Uzbek railway network (reference knowledge)", date="2025",
         kind="reference", title="O'zbekiston temir yo'llari main lines Tashkent-Samarkand-Karshi-Termez"),
    dict(id="ref-turkmen-rail", outlet="Turkmen railway network (reference knowledge)", date="2025",
         kind="reference", title="Turkmen main lines Ashgabat-Mary-Serhetabat, Tejen-Sarakhs, Turkmenabat-Kerki"),
    dict(id="ref-afghan-roads", outlet="Afghan road network and border posts (reference knowledge)",
         date="2025", kind="reference", title="Ring road, Salang highway, AH76, border crossings of Afghanistan"),
    dict(id="ref-uzbek-roads", outlet="Uzbek road network (reference knowledge)", date="2025",
         kind="reference", title="M39 Tashkent-Samarkand-Guzar-Termez highway"),
]

AR, UR, TR, RD, UZR = "ref-afghan-rail", "ref-uzbek-rail", "ref-turkmen-rail", "ref-afghan-roads", "ref-uzbek-roads"


def _n(id, name, kind, lonlat, modes, sources, names, country=None, countries=None,
       status="operational", confidence="high", note="", **extra):
    d = dict(id=id, name=name, kind=kind, lonlat=lonlat, modes=modes, status=status,
             sources=sources, confidence=confidence, note=note, names=dict(en=name, **names))
    if countries:
        d["countries"] = countries
    else:
        d["country"] = country
    d.update(extra)
    return d


NODES = [
    # --- border crossings ---
    _n("hairatan-termez", "Hairatan–Termez (Friendship Bridge)", "border_crossing", (67.425, 37.228),
       ["rail", "road"], [AR, RD, "press-2023-07-20"],
       dict(ru="Хайратан — Термез (Мост Дружбы)", ur="حیرتان–ترمذ (دوستی پل)"), countries=["UZB", "AFG"],
       name_other_side="Hairatan (Balkh)",
       note="Road-rail Friendship Bridge over the Amu Darya (1982); Hairatan river port and dry port on the Afghan bank."),
    _n("serhetabat-torghundi", "Serhetabat–Torghundi", "border_crossing", (62.330, 35.262),
       ["rail", "road"], [TR, AR, "menafn-2025-12"],
       dict(ru="Серхетабат — Тургунди", ur="سرحد آباد–تورغندی"), countries=["TKM", "AFG"],
       name_other_side="Torghundi (Herat)", note="Former Kushka; 1520 mm line continues into Afghanistan."),
    _n("aqina-imamnazar", "Imamnazar–Aqina", "border_crossing", (64.985, 37.115),
       ["rail", "road"], [AR, TR], dict(ru="Имамназар — Акина", ur="امام نظر–آقینہ"),
       countries=["TKM", "AFG"], confidence="medium", name_other_side="Aqina (Faryab)",
       note="Rail crossing of the Kerki–Aqina line (2016); road crossing beside it."),
    _n("islam-qala", "Islam Qala–Dogharoun", "border_crossing", (61.055, 34.660), ["road"],
       [RD, "press-2023-07-20"], dict(ru="Ислам-Кала — Догарун", ur="اسلام قلعہ–دوغارون"),
       countries=["AFG", "IRN"], name_other_side="Dogharoun (Razavi Khorasan)",
       note="Main road crossing between western Afghanistan and Iran, 120 km west of Herat."),
    _n("sherkhan-bandar", "Sherkhan Bandar–Panji Poyon", "border_crossing", (68.612, 37.190), ["road"],
       [RD], dict(ru="Шерхан-Бандар — Панджи-Поён", ur="شیر خان بندر"), countries=["AFG", "TJK"],
       confidence="medium", name_other_side="Panji Poyon (Khatlon)",
       note="US-built road bridge over the Panj (2007) north of Kunduz."),
    _n("khaf-herat-border", "Khaf–Herat railway border (Shamtigh)", "border_crossing", (60.985, 34.395),
       ["rail"], [AR], dict(ru="Погранпереход ж/д Хаф — Герат", ur="خواف–ہرات ریلوے سرحد"),
       countries=["AFG", "IRN"], confidence="medium", name_other_side="Shamtigh (Iran)",
       note="Where the 1435 mm Khaf–Herat line crosses the Hari Rud border between Shamtigh and Ghoryan district."),
]
