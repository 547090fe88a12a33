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
    dict(id="ref-tajik-transport", outlet="Tajik roads and railways and the Tajik-Uzbek border (reference knowledge)",
         date="2025", kind="reference",
         title="Dushanbe-Bokhtar-Panji Poyon road, Dushanbe-Tursunzoda road and railway, "
               "Sariosiyo-Denau-Termez road and railway"),
    dict(id="ref-afghan-southeast-roads", outlet="Roads of Paktia, Paktika and Khost (reference knowledge)",
         date="2025", kind="reference",
         title="Gardez-Khost-Ghulam Khan, Gardez-Jaji-Dand-e-Patan, Ghazni-Sharana-Urgun-Barmal roads"),
]

AR, UR, TR, RD, UZR = "ref-afghan-rail", "ref-uzbek-rail", "ref-turkmen-rail", "ref-afghan-roads", "ref-uzbek-roads"
TJ, SE = "ref-tajik-transport", "ref-afghan-southeast-roads"


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
    # --- hubs, cities and junctions: Afghanistan ---
    _n("turgundi", "Turgundi (Torghundi) hub", "dry_port", (62.282, 35.222), ["rail", "road"],
       [AR, "menafn-2025-12"], dict(ru="Тургунди", ur="تورغندی"), country="AFG",
       note="Railhead of the 1520 mm line from Serhetabat and planned start of the railway to Herat and Spin Boldak."),
    _n("mazar-i-sharif", "Mazar-i-Sharif", "city", (67.125, 36.708), ["rail", "road"], [AR, RD],
       dict(ru="Мазари-Шариф", kk="Мазари-Шариф", ur="مزار شریف"), country="AFG",
       note="Railhead of the line from Hairatan is at Naibabad, by the airport east of the city."),
    _n("pul-e-khumri", "Pul-e-Khumri", "junction", (68.712, 35.944), ["road"], [RD],
       dict(ru="Пули-Хумри", ur="پل خمری"), country="AFG", note="Junction of the roads to Kunduz and over the Salang."),
    _n("kunduz", "Kunduz", "city", (68.860, 36.728), ["road"], [RD], dict(ru="Кундуз", ur="قندوز"), country="AFG"),
    _n("kabul", "Kabul", "city", (69.175, 34.530), ["road", "rail"], [RD, "press-2023-07-20"],
       dict(ru="Кабул", kk="Кабул", ur="کابل"), country="AFG"),
    _n("jalalabad", "Jalalabad", "city", (70.452, 34.430), ["road", "rail"], [RD], dict(ru="Джелалабад", ur="جلال آباد"),
       country="AFG"),
    _n("ghazni", "Ghazni", "city", (68.420, 33.552), ["road"], [RD], dict(ru="Газни", ur="غزنی"), country="AFG"),
    _n("gardez", "Gardez", "city", (69.225, 33.598), ["road"], [RD], dict(ru="Гардез", ur="گردیز"), country="AFG"),
    _n("kandahar", "Kandahar", "city", (65.710, 31.615), ["road", "rail"], [RD, "menafn-2025-12"],
       dict(ru="Кандагар", ur="قندھار"), country="AFG"),
    _n("delaram", "Delaram", "junction", (63.425, 32.163), ["road", "rail"], [RD], dict(ru="Деларам", ur="دلارام"),
       country="AFG", confidence="medium", note="Ring road junction for the road to Zaranj and Iran."),
    _n("herat", "Herat", "city", (62.200, 34.345), ["road", "rail"], [RD, "menafn-2025-12"],
       dict(ru="Герат", kk="Герат", ur="ہرات"), country="AFG"),
    _n("rozanak", "Rozanak (Ghoryan)", "dry_port", (61.420, 34.395), ["rail", "road"], [AR],
       dict(ru="Розанак", ur="روزنک"), country="AFG", confidence="medium",
       note="Station of the Khaf–Herat line in Ghoryan district; railhead until the last section to Herat is built."),
    _n("andkhoy", "Andkhoy", "city", (65.123, 36.952), ["rail", "road"], [AR], dict(ru="Андхой", ur="اندخوی"),
       country="AFG", confidence="medium", note="Railhead of the line from Aqina (2021)."),
    # --- Uzbekistan ---
    _n("tashkent", "Tashkent", "city", (69.287, 41.292), ["rail", "road"], [UR],
       dict(ru="Ташкент", kk="Ташкент", ur="تاشقند"), country="UZB"),
    _n("khavast", "Khavast", "junction", (68.835, 40.218), ["rail"], [UR], dict(ru="Хаваст", ur="خاوست"),
       country="UZB", confidence="medium", note="Junction for the line to Khujand and the Fergana valley."),
    _n("jizzakh", "Jizzakh", "city", (67.840, 40.118), ["rail", "road"], [UR], dict(ru="Джизак", ur="جیزخ"),
       country="UZB"),
    _n("samarkand", "Samarkand", "city", (66.935, 39.678), ["rail", "road"], [UR],
       dict(ru="Самарканд", kk="Самарқанд", ur="سمرقند"), country="UZB"),
    _n("karshi", "Karshi", "junction", (65.790, 38.860), ["rail", "road"], [UR], dict(ru="Карши", ur="قرشی"),
       country="UZB"),
    _n("guzar", "Guzar (Tashguzar)", "junction", (66.255, 38.620), ["rail", "road"], [UR],
       dict(ru="Гузар (Ташгузар)", ur="گزار"), country="UZB", confidence="medium",
       note="Start of the Tashguzar–Boysun–Kumkurgan line (2007) that avoids Turkmen territory."),
    _n("kumkurgan", "Kumkurgan", "junction", (67.585, 37.830), ["rail"], [UR], dict(ru="Кумкурган", ur="قمقورغان"),
       country="UZB", confidence="medium"),
    _n("termez", "Termez", "city", (67.275, 37.240), ["rail", "road"], [UR, "press-2023-07-20"],
       dict(ru="Термез", kk="Термез", ur="ترمذ"), country="UZB"),
    # --- Turkmenistan ---
    _n("mary", "Mary", "city", (61.830, 37.600), ["rail", "road"], [TR], dict(ru="Мары", ur="ماری"), country="TKM"),
    _n("tejen", "Tejen", "junction", (60.505, 37.380), ["rail", "road"], [TR], dict(ru="Теджен", ur="تجن"),
       country="TKM", note="Junction for the line to Sarakhs and Mashhad."),
    _n("ashgabat", "Ashgabat", "city", (58.380, 37.950), ["rail", "road"], [TR],
       dict(ru="Ашхабад", kk="Ашхабад", ur="اشک آباد"), country="TKM"),
    _n("turkmenabat", "Turkmenabat", "city", (63.575, 39.080), ["rail", "road"], [TR],
       dict(ru="Туркменабат", ur="ترکمن آباد"), country="TKM"),
    _n("kerki", "Kerki", "city", (65.210, 37.835), ["rail", "road"], [TR], dict(ru="Керки", ur="کرکی"),
       country="TKM", confidence="medium"),
    # --- Tajikistan and the Tajik-Uzbek border ---
    _n("dushanbe", "Dushanbe", "city", (68.780, 38.558), ["rail", "road"], [TJ],
       dict(ru="Душанбе", kk="Душанбе", ur="دوشنبہ"), country="TJK",
       note="Capital of Tajikistan; railhead of the line from Termez via Denau and Tursunzoda."),
    _n("bokhtar", "Bokhtar (Kurgan-Tyube)", "city", (68.780, 37.838), ["road"], [TJ],
       dict(ru="Бохтар (Курган-Тюбе)"), country="TJK",
       note="Centre of Khatlon region on the road from Dushanbe to the Panj bridge at Panji Poyon."),
    _n("tursunzoda-sariosiyo", "Tursunzoda–Sariosiyo", "border_crossing", (68.090, 38.465), ["rail", "road"],
       [TJ, UR], dict(ru="Турсунзаде — Сариасия"),
       countries=["TJK", "UZB"], confidence="medium", name_other_side="Sariosiyo (Surkhandarya)",
       note="Main Tajik-Uzbek crossing west of Dushanbe; the road and the Dushanbe-Termez railway cross here."),
    # --- Paktika (Afghan side of Angoor Adda) ---
    _n("urgun", "Urgun", "city", (69.180, 32.935), ["road"], [SE], dict(ru="Ургун"),
       country="AFG", confidence="medium", note="District town in eastern Paktika on the road from Sharana to Barmal."),
    _n("sharana", "Sharana", "city", (68.800, 33.140), ["road"], [SE], dict(ru="Шарана"),
       country="AFG", confidence="medium", note="Capital of Paktika province."),
]


def _dense(path, max_km=28.0):
    """Split any step longer than max_km along the geodesic, so no two vertices are more than ~30 km apart."""
    from pyproj import Geod
    geod = Geod(ellps="WGS84")
    out = [tuple(path[0])]
    for a, b in zip(path, path[1:]):
        n = int(geod.inv(a[0], a[1], b[0], b[1])[2] / 1000.0 // max_km)
        if n:
            out += [(round(x, 4), round(y, 4)) for x, y in geod.npts(a[0], a[1], b[0], b[1], n)]
        out.append(tuple(b))
    return out


def _s(id, name, line, mode, ends, countries, path, sources, status="operational", gauge_mm=None,
       status_date="2025", confidence="high", note="", **extra):
    d = dict(id=id, name=name, line=line, mode=mode, status=status, status_date=status_date,
             gauge_mm=gauge_mm if mode == "rail" else None, ends=ends, countries=countries, path=_dense(path),
             sources=sources, confidence=confidence, note=note, agreements=[])
    d.update(extra)
    return d


UZ_LINE = "Tashkent–Termez railway"
SEGMENTS = [
    # --- Uzbekistan: rail from the Kazakh border to Termez and over the Amu Darya ---
    _s("uzb-saryagash-tashkent", "Saryagash–Tashkent railway", UZ_LINE, "rail",
       ("saryagash-zhibek-zholy", "tashkent"), ["UZB"],
       [(69.16, 41.47), (69.21, 41.41), (69.255, 41.35), (69.287, 41.292)], [UR],
       gauge_mm=1520, note="Via Keles; main rail entry from Kazakhstan.", opened=1906),
    _s("uzb-tashkent-khavast", "Tashkent–Khavast railway", UZ_LINE, "rail", ("tashkent", "khavast"), ["UZB"],
       [(69.287, 41.292), (69.2, 41.24), (69.05, 41.12), (68.93, 41.02), (68.8, 40.92), (68.68, 40.84),
        (68.73, 40.68), (68.78, 40.5), (68.8, 40.36), (68.835, 40.218)], [UR],
       gauge_mm=1520, note="Via Yangiyul, the Syr Darya bridge, Syrdarya and Gulistan.", opened=1899),
    _s("uzb-khavast-jizzakh", "Khavast–Jizzakh railway", UZ_LINE, "rail", ("khavast", "jizzakh"), ["UZB"],
       [(68.835, 40.218), (68.6, 40.16), (68.35, 40.13), (68.1, 40.12), (67.84, 40.118)], [UR],
       gauge_mm=1520, opened=1888),
    _s("uzb-jizzakh-samarkand", "Jizzakh–Samarkand railway", UZ_LINE, "rail", ("jizzakh", "samarkand"), ["UZB"],
       [(67.84, 40.118), (67.68, 40.06), (67.5, 39.98), (67.35, 39.85), (67.27, 39.76), (67.1, 39.72),
        (66.935, 39.678)], [UR], gauge_mm=1520, note="Through Tamerlane's Gates and Bulungur.", opened=1888),
    _s("uzb-samarkand-karshi", "Samarkand–Karshi railway", UZ_LINE, "rail", ("samarkand", "karshi"), ["UZB"],
       [(66.935, 39.678), (66.75, 39.63), (66.55, 39.6), (66.4, 39.55), (66.3, 39.45), (66.2, 39.3),
        (66.05, 39.15), (65.93, 39.0), (65.79, 38.86)], [UR], gauge_mm=1520, confidence="medium",
       note="Leaves the main line west of Samarkand and runs south via Nurabad and Jam."),
    _s("uzb-karshi-guzar", "Karshi–Guzar railway", UZ_LINE, "rail", ("karshi", "guzar"), ["UZB"],
       [(65.79, 38.86), (65.95, 38.78), (66.1, 38.7), (66.255, 38.62)], [UR], gauge_mm=1520),
    _s("uzb-guzar-kumkurgan", "Guzar–Boysun–Kumkurgan railway", UZ_LINE, "rail", ("guzar", "kumkurgan"), ["UZB"],
       [(66.255, 38.62), (66.45, 38.52), (66.62, 38.4), (66.8, 38.3), (67.0, 38.22), (67.2, 38.21),
        (67.35, 38.1), (67.48, 37.97), (67.585, 37.83)], [UR], gauge_mm=1520, confidence="medium",
       note="Mountain line through Boysun built 2007 so Termez is reached without crossing Turkmenistan.",
       opened=2007),
    _s("uzb-kumkurgan-termez", "Kumkurgan–Termez railway", UZ_LINE, "rail", ("kumkurgan", "termez"), ["UZB"],
       [(67.585, 37.83), (67.5, 37.67), (67.42, 37.51), (67.35, 37.37), (67.275, 37.24)], [UR],
       gauge_mm=1520, note="Down the Surkhan Darya valley via Jarkurgan."),
    _s("termez-hairatan-rail", "Termez–Hairatan railway", "Termez–Mazar-i-Sharif railway", "rail",
       ("termez", "hairatan-termez"), ["UZB"],
       [(67.275, 37.24), (67.33, 37.236), (67.38, 37.232), (67.425, 37.228)], [UR, AR],
       gauge_mm=1520, note="To the Friendship Bridge over the Amu Darya.", opened=1982),
]

TA_LINE = "Trans-Afghan railway (Uzbekistan–Afghanistan–Pakistan)"
TA_NOTE = ("Proposed 1520 mm line; alignment drawn here is indicative (route studies differ, e.g. via the "
           "Salang corridor or via Logar). Break of gauge to 1676 mm at the Pakistani border.")
HK_LINE = "Turgundi–Herat–Kandahar–Spin Boldak railway"
HK_NOTE = ("Planned; discussed in Kazakhstan–Turkmenistan–Afghanistan consultations with transshipment "
           "facilities. Alignment indicative, along the Herat–Kandahar ring road corridor.")
KH_LINE = "Khaf–Herat railway"
SEGMENTS += [
    # --- Afghanistan: northern 1520 mm lines ---
    _s("hairatan-mazar-rail", "Hairatan–Mazar-i-Sharif railway", "Termez–Mazar-i-Sharif railway", "rail",
       ("hairatan-termez", "mazar-i-sharif"), ["AFG"],
       [(67.425, 37.228), (67.39, 37.1), (67.33, 36.97), (67.27, 36.84), (67.22, 36.73), (67.125, 36.708)],
       [AR, "nca-2024-01-24"], gauge_mm=1520,
       note="About 75 km, built by Uzbekistan and opened in 2011; terminal at Naibabad near the airport.",
       opened=2011),
    _s("serhetabat-turgundi-rail", "Serhetabat–Turgundi railway", "Mary–Serhetabat–Turgundi railway", "rail",
       ("serhetabat-torghundi", "turgundi"), ["AFG"],
       [(62.33, 35.262), (62.305, 35.242), (62.282, 35.222)], [TR, AR, "menafn-2025-12"], gauge_mm=1520,
       note="Short 1520 mm extension into Afghanistan, rebuilt by Turkmenistan (2018).", opened=1960),
    _s("aqina-andkhoy-rail", "Aqina–Andkhoy railway", "Kerki–Aqina–Andkhoy railway", "rail",
       ("aqina-imamnazar", "andkhoy"), ["AFG"],
       [(64.985, 37.115), (65.05, 37.03), (65.123, 36.952)], [AR], gauge_mm=1520, confidence="medium",
       note="Extension built by Turkmenistan, opened in 2021.", opened=2021),
    # --- planned Trans-Afghan railway ---
    _s("transafghan-mazar-kabul", "Mazar-i-Sharif–Kabul railway (planned)", TA_LINE, "rail",
       ("mazar-i-sharif", "kabul"), ["AFG"],
       [(67.125, 36.708), (67.22, 36.71), (67.45, 36.7), (67.7, 36.69), (67.85, 36.5), (68.02, 36.26),
        (68.25, 36.15), (68.5, 36.02), (68.71, 35.94), (68.7, 35.77), (68.67, 35.62), (68.85, 35.45),
        (69.03, 35.32), (69.2, 35.15), (69.17, 35.0), (69.17, 34.82), (69.175, 34.66), (69.175, 34.53)],
       [AR, "nca-2024-01-24"], status="planned", gauge_mm=1520, confidence="low",
       note=TA_NOTE + " Shown via Aybak, Pul-e-Khumri and the Salang pass."),
    _s("transafghan-kabul-jalalabad", "Kabul–Jalalabad railway (planned)", TA_LINE, "rail",
       ("kabul", "jalalabad"), ["AFG"],
       [(69.175, 34.53), (69.33, 34.5), (69.52, 34.53), (69.72, 34.585), (69.95, 34.52), (70.15, 34.45),
        (70.3, 34.43), (70.452, 34.43)], [AR, "nca-2024-01-24"], status="planned", gauge_mm=1520,
       confidence="low", note=TA_NOTE),
    _s("transafghan-jalalabad-torkham", "Jalalabad–Torkham railway (planned)", TA_LINE, "rail",
       ("jalalabad", "torkham"), ["AFG"],
       [(70.452, 34.43), (70.62, 34.33), (70.78, 34.25), (70.95, 34.17), (71.092, 34.125)],
       [AR, "nca-2024-01-24"], status="planned", gauge_mm=1520, confidence="low", note=TA_NOTE),
    # --- planned western line ---
    _s("hk-turgundi-herat", "Turgundi–Herat railway (planned)", HK_LINE, "rail", ("turgundi", "herat"), ["AFG"],
       [(62.282, 35.222), (62.32, 35.05), (62.34, 34.88), (62.28, 34.7), (62.22, 34.52), (62.2, 34.345)],
       ["menafn-2025-12", AR], status="planned", gauge_mm=1520, confidence="low", note=HK_NOTE),
    _s("hk-herat-delaram", "Herat–Delaram railway (planned)", HK_LINE, "rail", ("herat", "delaram"), ["AFG"],
       [(62.2, 34.345), (62.22, 34.15), (62.25, 33.9), (62.27, 33.64), (62.2, 33.45), (62.14, 33.3),
        (62.2, 33.1), (62.3, 32.9), (62.45, 32.7), (62.65, 32.52), (62.9, 32.38), (63.15, 32.25),
        (63.425, 32.163)], ["menafn-2025-12", AR], status="planned", gauge_mm=1520, confidence="low",
       note=HK_NOTE + " Via Adraskan and Shindand."),
    _s("hk-delaram-kandahar", "Delaram–Kandahar railway (planned)", HK_LINE, "rail", ("delaram", "kandahar"),
       ["AFG"],
       [(63.425, 32.163), (63.7, 32.06), (63.98, 31.96), (64.2, 31.87), (64.36, 31.81), (64.6, 31.72),
        (64.85, 31.68), (65.05, 31.67), (65.3, 31.62), (65.5, 31.61), (65.71, 31.615)],
       ["menafn-2025-12", AR], status="planned", gauge_mm=1520, confidence="low",
       note=HK_NOTE + " Via Girishk and Maiwand."),
    _s("hk-kandahar-spin-boldak", "Kandahar–Spin Boldak railway (planned)", HK_LINE, "rail",
       ("kandahar", "chaman-spin-boldak"), ["AFG"],
       [(65.71, 31.615), (65.85, 31.47), (66.0, 31.33), (66.15, 31.2), (66.3, 31.06), (66.432, 30.928)],
       ["menafn-2025-12", AR], status="planned", gauge_mm=1520, confidence="low",
       note=HK_NOTE + " Meets Pakistan's 1676 mm line at Chaman (break of gauge)."),
]
SEGMENTS += [
    # --- Khaf–Herat (1435 mm, Iranian standard gauge) ---
    _s("khaf-herat-iran", "Khaf–Sangan–Shamtigh railway", KH_LINE, "rail", ("khaf", "khaf-herat-border"), ["IRN"],
       [(60.14, 34.58), (60.22, 34.48), (60.27, 34.4), (60.45, 34.37), (60.65, 34.37), (60.83, 34.38),
        (60.985, 34.395)], [AR], gauge_mm=1435, confidence="medium", status_date="2024",
       note="Iranian sections 1–2 (Khaf–Sangan–border), completed by 2020.", opened=2020),
    _s("khaf-herat-border-rozanak", "Shamtigh–Rozanak railway", KH_LINE, "rail", ("khaf-herat-border", "rozanak"),
       ["AFG"], [(60.985, 34.395), (61.1, 34.4), (61.25, 34.4), (61.42, 34.395)], [AR], gauge_mm=1435,
       confidence="medium", status_date="2024",
       note="Section 3 across the Hari Rud to Rozanak; inaugurated Dec 2020, regular freight from 2023.",
       opened=2020),
    _s("khaf-herat-rozanak-herat", "Rozanak–Herat railway (section 4)", KH_LINE, "rail", ("rozanak", "herat"),
       ["AFG"], [(61.42, 34.395), (61.65, 34.36), (61.9, 34.33), (62.05, 34.33), (62.2, 34.345)], [AR],
       status="under_construction", gauge_mm=1435, confidence="low", status_date="2025",
       note="Last section to Herat; works started but progress and date uncertain."),
    # --- Turkmenistan 1520 mm ---
    _s("tkm-mary-serhetabat", "Mary–Serhetabat railway", "Mary–Serhetabat–Turgundi railway", "rail",
       ("mary", "serhetabat-torghundi"), ["TKM"],
       [(61.83, 37.6), (62.05, 37.5), (62.25, 37.38), (62.36, 37.28), (62.4, 37.05), (62.48, 36.82),
        (62.55, 36.58), (62.65, 36.35), (62.75, 36.15), (62.9, 35.95), (62.72, 35.72), (62.55, 35.55),
        (62.43, 35.4), (62.33, 35.262)], [TR, "menafn-2025-12"], gauge_mm=1520, confidence="medium",
       note="Up the Murghab valley via Yoloten and Tagtabazar to Serhetabat (Kushka).", opened=1900),
    _s("tkm-mary-tejen", "Mary–Tejen railway", "Trans-Caspian railway", "rail", ("mary", "tejen"), ["TKM"],
       [(61.83, 37.6), (61.55, 37.56), (61.25, 37.5), (60.95, 37.45), (60.7, 37.41), (60.505, 37.38)],
       [TR], gauge_mm=1520, opened=1886),
    _s("tkm-tejen-ashgabat", "Tejen–Ashgabat railway", "Trans-Caspian railway", "rail", ("tejen", "ashgabat"),
       ["TKM"],
       [(60.505, 37.38), (60.37, 37.24), (60.1, 37.27), (59.85, 37.3), (59.61, 37.35), (59.35, 37.48),
        (59.1, 37.6), (58.85, 37.72), (58.6, 37.85), (58.38, 37.95)], [TR], gauge_mm=1520,
       note="Via Dushak and Kaka along the Kopet Dag foothills.", opened=1886),
    _s("tkm-tejen-sarakhs", "Tejen–Sarakhs railway", "Tejen–Sarakhs–Mashhad railway", "rail",
       ("tejen", "sarakhs"), ["TKM"],
       [(60.505, 37.38), (60.68, 37.25), (60.88, 37.08), (61.05, 36.9), (61.12, 36.72), (61.15, 36.53)],
       [TR], gauge_mm=1520, confidence="medium", note="Up the Tejen (Hari Rud) valley; opened 1996.",
       opened=1996),
    _s("tkm-mary-turkmenabat", "Mary–Turkmenabat railway", "Trans-Caspian railway", "rail",
       ("mary", "turkmenabat"), ["TKM"],
       [(61.83, 37.6), (62.17, 37.62), (62.45, 37.8), (62.72, 38.03), (62.98, 38.3), (63.18, 38.52),
        (63.38, 38.82), (63.575, 39.08)], [TR], gauge_mm=1520, note="Via Bayramaly and Repetek.",
       opened=1886),
    _s("tkm-turkmenabat-kerki", "Turkmenabat–Kerki railway", "Turkmenabat–Kerki railway", "rail",
       ("turkmenabat", "kerki"), ["TKM"],
       [(63.575, 39.08), (63.75, 38.92), (63.9, 38.78), (64.1, 38.6), (64.35, 38.4), (64.6, 38.22),
        (64.85, 38.06), (65.05, 37.95), (65.21, 37.835)], [TR], gauge_mm=1520, confidence="medium",
       note="Along the left bank of the Amu Darya."),
    _s("tkm-kerki-aqina", "Kerki–Imamnazar railway", "Kerki–Aqina–Andkhoy railway", "rail",
       ("kerki", "aqina-imamnazar"), ["TKM"],
       [(65.21, 37.835), (65.15, 37.65), (65.08, 37.45), (65.02, 37.28), (64.985, 37.115)], [TR, AR],
       gauge_mm=1520, confidence="medium", note="Opened 2016 to the Afghan border at Aqina.", opened=2016),
]

TIR = "press-2023-07-20"
SEGMENTS += [
    # --- Afghan roads: north ---
    _s("road-termez-hairatan", "Termez–Hairatan road", "Termez–Mazar-i-Sharif road", "road",
       ("termez", "hairatan-termez"), ["UZB"],
       [(67.275, 37.24), (67.32, 37.25), (67.37, 37.24), (67.425, 37.228)], [UZR, TIR],
       note="Over the Friendship Bridge; TIR convoys to Central Asia use it."),
    _s("road-hairatan-mazar", "Hairatan–Mazar-i-Sharif road", "Termez–Mazar-i-Sharif road", "road",
       ("hairatan-termez", "mazar-i-sharif"), ["AFG"],
       [(67.425, 37.228), (67.37, 37.08), (67.28, 36.93), (67.2, 36.8), (67.125, 36.708)], [RD, TIR]),
    _s("road-mazar-pulekhumri", "Mazar-i-Sharif–Pul-e-Khumri road", "Salang highway", "road",
       ("mazar-i-sharif", "pul-e-khumri"), ["AFG"],
       [(67.125, 36.708), (67.35, 36.7), (67.55, 36.7), (67.7, 36.69), (67.82, 36.55), (67.92, 36.4),
        (68.02, 36.26), (68.2, 36.17), (68.4, 36.07), (68.58, 35.99), (68.712, 35.944)], [RD, TIR],
       note="Via Khulm (Tashkurgan) and Aybak (Samangan)."),
    _s("road-pulekhumri-kabul", "Pul-e-Khumri–Kabul road (Salang)", "Salang highway", "road",
       ("pul-e-khumri", "kabul"), ["AFG"],
       [(68.712, 35.944), (68.69, 35.78), (68.67, 35.62), (68.78, 35.5), (68.9, 35.42), (69.03, 35.32),
        (69.15, 35.2), (69.24, 35.12), (69.17, 35.01), (69.16, 34.88), (69.17, 34.74), (69.175, 34.63),
        (69.175, 34.53)], [RD, TIR],
       note="Over the Hindu Kush by the Salang tunnel (about 3,400 m); closures in winter."),
    _s("road-pulekhumri-kunduz", "Pul-e-Khumri–Kunduz road", "Kabul–Sherkhan Bandar road", "road",
       ("pul-e-khumri", "kunduz"), ["AFG"],
       [(68.712, 35.944), (68.72, 36.05), (68.71, 36.13), (68.75, 36.3), (68.8, 36.5), (68.86, 36.728)],
       [RD], note="Via Baghlan."),
    _s("road-kunduz-sherkhan-bandar", "Kunduz–Sherkhan Bandar road", "Kabul–Sherkhan Bandar road", "road",
       ("kunduz", "sherkhan-bandar"), ["AFG"],
       [(68.86, 36.728), (68.8, 36.88), (68.72, 37.02), (68.65, 37.12), (68.612, 37.19)], [RD],
       confidence="medium"),
    # --- Afghan roads: east and south ---
    _s("road-kabul-jalalabad", "Kabul–Jalalabad road", "Kabul–Torkham road", "road", ("kabul", "jalalabad"), ["AFG"],
       [(69.175, 34.53), (69.33, 34.5), (69.52, 34.53), (69.72, 34.585), (69.95, 34.52), (70.15, 34.45),
        (70.3, 34.43), (70.452, 34.43)], [RD, TIR], note="Through the Tang-e Gharu gorge and Sarobi."),
    _s("road-jalalabad-torkham", "Jalalabad–Torkham road", "Kabul–Torkham road", "road", ("jalalabad", "torkham"),
       ["AFG"], [(70.452, 34.43), (70.62, 34.33), (70.78, 34.25), (70.95, 34.17), (71.092, 34.125)], [RD, TIR]),
    _s("road-kabul-ghazni", "Kabul–Ghazni road", "Ring road", "road", ("kabul", "ghazni"), ["AFG"],
       [(69.175, 34.53), (69.05, 34.42), (68.88, 34.38), (68.72, 34.18), (68.62, 33.98), (68.5, 33.75),
        (68.42, 33.552)], [RD], note="Via Maidan Shahr and Saydabad."),
    _s("road-ghazni-kandahar", "Ghazni–Kandahar road", "Ring road", "road", ("ghazni", "kandahar"), ["AFG"],
       [(68.42, 33.552), (68.2, 33.3), (67.98, 33.07), (67.78, 32.87), (67.55, 32.65), (67.4, 32.52),
        (67.15, 32.3), (66.9, 32.11), (66.6, 31.95), (66.3, 31.8), (66.0, 31.68), (65.71, 31.615)], [RD],
       note="Via Muqur, Shahjoy and Qalat."),
    _s("road-ghazni-gardez", "Ghazni–Gardez road", "Ghazni–Khost road", "road", ("ghazni", "gardez"), ["AFG"],
       [(68.42, 33.552), (68.65, 33.58), (68.9, 33.6), (69.225, 33.598)], [RD], confidence="medium"),
    _s("road-gardez-ghulam-khan", "Gardez–Khost–Ghulam Khan road", "Ghazni–Khost road", "road",
       ("gardez", "ghulam-khan"), ["AFG"],
       [(69.225, 33.598), (69.45, 33.55), (69.65, 33.45), (69.92, 33.34), (69.95, 33.28), (69.975, 33.21),
        (69.995, 33.145)],
       [RD, SE], confidence="medium",
       note="Over the Khost–Gardez pass, then south-east from Khost through Gurbuz district to the border."),
    _s("road-gardez-kharlachi", "Gardez–Jaji–Dand-e-Patan–Kharlachi road", "Gardez–Kurram road", "road",
       ("gardez", "kharlachi"), ["AFG"],
       [(69.225, 33.598), (69.35, 33.66), (69.47, 33.72), (69.58, 33.78), (69.70, 33.83), (69.82, 33.83),
        (69.97, 33.86)], [SE], confidence="low",
       note="East from Gardez through Ahmadabad and Jaji (Ali Khel) and down Dand-e-Patan to the Kurram "
            "crossing opposite Parachinar; mountain road, alignment approximate."),
    _s("road-angoor-adda-urgun", "Angoor Adda–Barmal–Urgun road", "Ghazni–Sharana–Angoor Adda road", "road",
       ("angoor-adda", "urgun"), ["AFG"],
       [(69.36, 32.34), (69.28, 32.42), (69.24, 32.55), (69.22, 32.70), (69.20, 32.82), (69.18, 32.935)],
       [SE], confidence="low",
       note="From the Waziristan crossing north through Barmal district to Urgun; alignment approximate."),
    _s("road-urgun-sharana", "Urgun–Sharana road", "Ghazni–Sharana–Angoor Adda road", "road",
       ("urgun", "sharana"), ["AFG"],
       [(69.18, 32.935), (69.05, 32.99), (68.93, 33.05), (68.80, 33.14)], [SE], confidence="low",
       note="North-west via Sar Hawza and Mata Khan; alignment approximate."),
    _s("road-sharana-ghazni", "Sharana–Ghazni road", "Ghazni–Sharana–Angoor Adda road", "road",
       ("sharana", "ghazni"), ["AFG"],
       [(68.80, 33.14), (68.70, 33.25), (68.60, 33.36), (68.50, 33.46), (68.42, 33.552)], [SE, RD],
       confidence="low", note="Joins the Kabul–Kandahar ring road at Ghazni; alignment approximate."),
    _s("road-kandahar-spin-boldak", "Kandahar–Spin Boldak road", "Kandahar–Chaman road", "road",
       ("kandahar", "chaman-spin-boldak"), ["AFG"],
       [(65.71, 31.615), (65.85, 31.47), (66.0, 31.33), (66.15, 31.2), (66.3, 31.06), (66.432, 30.928)],
       [RD, TIR], note="Via Takhta Pul; main southern route to Quetta and Karachi."),
    # --- Afghan roads: west ---
    _s("road-herat-islam-qala", "Herat–Islam Qala road", "Herat–Islam Qala road", "road", ("herat", "islam-qala"),
       ["AFG"],
       [(62.2, 34.345), (62.0, 34.38), (61.8, 34.45), (61.6, 34.53), (61.4, 34.6), (61.2, 34.65),
        (61.055, 34.66)], [RD, TIR], note="Along the Hari Rud valley via Kohsan."),
    _s("road-herat-delaram", "Herat–Delaram road", "Ring road", "road", ("herat", "delaram"), ["AFG"],
       [(62.2, 34.345), (62.22, 34.15), (62.25, 33.9), (62.27, 33.64), (62.2, 33.45), (62.14, 33.3),
        (62.2, 33.1), (62.3, 32.9), (62.45, 32.7), (62.65, 32.52), (62.9, 32.38), (63.15, 32.25),
        (63.425, 32.163)], [RD], confidence="medium", note="Via Adraskan and Shindand."),
    _s("road-delaram-kandahar", "Delaram–Kandahar road", "Ring road", "road", ("delaram", "kandahar"), ["AFG"],
       [(63.425, 32.163), (63.7, 32.06), (63.98, 31.96), (64.2, 31.87), (64.36, 31.81), (64.6, 31.72),
        (64.85, 31.68), (65.05, 31.67), (65.3, 31.62), (65.5, 31.61), (65.71, 31.615)], [RD],
       note="Via Girishk (Helmand bridge) and Maiwand."),
    _s("road-turgundi-herat", "Torghundi–Herat road", "Torghundi–Herat road", "road", ("turgundi", "herat"),
       ["AFG"],
       [(62.282, 35.222), (62.32, 35.05), (62.34, 34.88), (62.28, 34.7), (62.22, 34.52), (62.2, 34.345)],
       [RD, TIR], confidence="medium"),
    _s("road-serhetabat-turgundi", "Serhetabat–Torghundi road", "Torghundi–Herat road", "road",
       ("serhetabat-torghundi", "turgundi"), ["AFG"], [(62.33, 35.262), (62.305, 35.242), (62.282, 35.222)],
       [RD, TIR]),
]
SEGMENTS += [
    # --- Uzbek roads (M39) ---
    _s("road-zhibek-zholy-tashkent", "Gisht Kuprik–Tashkent road", "Shymkent–Tashkent road (M39)", "road",
       ("saryagash-zhibek-zholy", "tashkent"), ["UZB"],
       [(69.19, 41.44), (69.27, 41.40), (69.28, 41.35), (69.287, 41.292)], [UZR], confidence="low",
       note="From the Zhibek Zholy / Gisht Kuprik road post (east of the rail border point used as the node) "
            "into northern Tashkent."),
    _s("road-tashkent-samarkand", "Tashkent–Samarkand road (M39)", "M39", "road", ("tashkent", "samarkand"), ["UZB"],
       [(69.287, 41.292), (69.12, 41.15), (68.95, 41.0), (68.78, 40.9), (68.68, 40.72), (68.75, 40.5),
        (68.6, 40.3), (68.3, 40.17), (68.05, 40.13), (67.84, 40.118), (67.6, 40.03), (67.4, 39.9),
        (67.2, 39.75), (66.935, 39.678)], [UZR, TIR], confidence="medium",
       note="Via Chinaz, Gulistan and Jizzakh."),
    _s("road-samarkand-guzar", "Samarkand–Guzar road (M39)", "M39", "road", ("samarkand", "guzar"), ["UZB"],
       [(66.935, 39.678), (66.93, 39.5), (66.9, 39.3), (66.83, 39.06), (66.6, 38.9), (66.45, 38.75),
        (66.255, 38.62)], [UZR, TIR], confidence="medium", note="Over the Takhtakaracha pass via Shahrisabz."),
    _s("road-guzar-termez", "Guzar–Termez road (M39)", "M39", "road", ("guzar", "termez"), ["UZB"],
       [(66.255, 38.62), (66.5, 38.45), (66.75, 38.25), (66.9, 38.05), (66.98, 37.85), (67.0, 37.67),
        (67.1, 37.48), (67.2, 37.35), (67.275, 37.24)], [UZR, TIR], confidence="medium",
       note="Via Derbent and Sherabad."),
]
SEGMENTS += [
    # --- Tajikistan: Dushanbe to the Panj at Panji Poyon, and west to the Uzbek border and Termez ---
    _s("road-dushanbe-bokhtar", "Dushanbe–Bokhtar road", "Dushanbe–Panji Poyon road", "road",
       ("dushanbe", "bokhtar"), ["TJK"],
       [(68.78, 38.558), (68.80, 38.45), (68.83, 38.33), (68.86, 38.20), (68.84, 38.08), (68.80, 37.96),
        (68.78, 37.838)], [TJ], confidence="medium", note="South over the Fakhrabad pass."),
    _s("road-bokhtar-panji-poyon", "Bokhtar–Panji Poyon road", "Dushanbe–Panji Poyon road", "road",
       ("bokhtar", "sherkhan-bandar"), ["TJK"],
       [(68.78, 37.838), (68.74, 37.72), (68.68, 37.60), (68.66, 37.48), (68.665, 37.35), (68.63, 37.27),
        (68.612, 37.19)], [TJ], confidence="medium",
       note="Via Jaloliddini Balkhi (Kolkhozobod) and Dusti (Jilikul) to the Panj bridge (2007)."),
    _s("road-dushanbe-tursunzoda", "Dushanbe–Tursunzoda road", "Dushanbe–Termez road", "road",
       ("dushanbe", "tursunzoda-sariosiyo"), ["TJK"],
       [(68.78, 38.558), (68.67, 38.56), (68.55, 38.52), (68.45, 38.54), (68.33, 38.57), (68.23, 38.51),
        (68.16, 38.49), (68.09, 38.465)], [TJ], confidence="medium", note="Via Hisor, Shahrinav and Tursunzoda."),
    _s("road-sariosiyo-termez", "Sariosiyo–Denau–Termez road", "Dushanbe–Termez road", "road",
       ("tursunzoda-sariosiyo", "termez"), ["UZB"],
       [(68.09, 38.465), (68.00, 38.44), (67.95, 38.41), (67.90, 38.27), (67.85, 38.15), (67.78, 37.99),
        (67.66, 37.90), (67.58, 37.83), (67.50, 37.67), (67.42, 37.51), (67.35, 37.37), (67.275, 37.24)],
       [UZR, TJ], confidence="medium",
       note="Down the Surkhan Darya valley via Denau, Shurchi, Kumkurgan and Jarkurgan."),
    _s("tj-dushanbe-tursunzoda-rail", "Dushanbe–Tursunzoda railway", "Termez–Dushanbe railway", "rail",
       ("dushanbe", "tursunzoda-sariosiyo"), ["TJK"],
       [(68.78, 38.558), (68.67, 38.55), (68.55, 38.53), (68.45, 38.54), (68.33, 38.55), (68.23, 38.51),
        (68.16, 38.49), (68.09, 38.465)], [TJ], gauge_mm=1520, confidence="medium",
       note="Via Hisor and Regar (Tursunzoda).", opened=1929),
    _s("uzb-kumkurgan-sariosiyo-rail", "Kumkurgan–Denau–Sariosiyo railway", "Termez–Dushanbe railway", "rail",
       ("kumkurgan", "tursunzoda-sariosiyo"), ["UZB"],
       [(67.585, 37.83), (67.68, 37.92), (67.78, 37.99), (67.83, 38.10), (67.87, 38.20), (67.90, 38.27),
        (67.93, 38.35), (67.95, 38.41), (68.02, 38.44), (68.09, 38.465)], [UR, TJ], gauge_mm=1520,
       confidence="medium", opened=1929,
       note="Up the Surkhan Darya valley via Shurchi and Denau; Tajikistan's rail outlet to the south."),
]


if __name__ == "__main__":
    import json
    import sys
    sys.path.insert(0, "/work/main")
    from geodata.measure import distance_km, line_length_km

    nodes = {n["id"]: n for n in NODES}
    ref = None
    try:
        from shapely.geometry import Point, shape
        with open("/work/shared/reference/ne_railroads_region.geojson") as f:
            ref = [shape(ft["geometry"]) for ft in json.load(f)["features"]]
    except (OSError, ImportError):
        pass

    def _ne_km(pt):
        best = float("inf")
        for g in ref:
            if g.distance(Point(pt)) < 0.3:
                q = g.interpolate(g.project(Point(pt)))
                best = min(best, distance_km(pt, (q.x, q.y)))
        return best

    bad = 0
    for s in SEGMENTS:
        msg = []
        for end, v in zip(s["ends"], (s["path"][0], s["path"][-1])):
            if end in nodes and distance_km(nodes[end]["lonlat"], v) > 5:
                msg.append(f"END {end} off {distance_km(nodes[end]['lonlat'], v):.1f} km")
                bad += 1
        if ref and s["mode"] == "rail":
            share = sum(_ne_km(p) <= 10 for p in s["path"]) / len(s["path"])
            msg.append(f"NE within 10 km: {share:.0%}")
        print(f"{s['id']:32s} {line_length_km(s['path']):7.1f} km  {'; '.join(msg)}")
    print(f"{len(NODES)} nodes, {len(SEGMENTS)} segments, {bad} bad ends")


# Kazakh names, and Urdu where it was missing (issue 8: names in en, ru, kk, ur).
from common import add_names  # noqa: E402

add_names(NODES, {
    "hairatan-termez": {"kk": "Хайратан – Термез (Достық көпірі)"},
    "serhetabat-torghundi": {"kk": "Серхетабат – Тургунди"}, "aqina-imamnazar": {"kk": "Имамназар – Ақина"},
    "islam-qala": {"kk": "Ислам-Кала – Догарун"}, "sherkhan-bandar": {"kk": "Шерхан-Бандар – Панджи-Поён"},
    "khaf-herat-border": {"kk": "Хаф – Герат темір жолының шекара өткелі"}, "turgundi": {"kk": "Тургунди"},
    "pul-e-khumri": {"kk": "Пули-Хумри"}, "kunduz": {"kk": "Кундуз"}, "jalalabad": {"kk": "Джелалабад"},
    "ghazni": {"kk": "Газни"}, "gardez": {"kk": "Гардез"}, "kandahar": {"kk": "Қандағар"}, "delaram": {"kk": "Деларам"},
    "rozanak": {"kk": "Розанак"}, "andkhoy": {"kk": "Андхой"}, "khavast": {"kk": "Хаваст"}, "jizzakh": {"kk": "Жизақ"},
    "karshi": {"kk": "Қарши"}, "guzar": {"kk": "Гузар (Ташгузар)"}, "kumkurgan": {"kk": "Құмқорған"},
    "mary": {"kk": "Мары"}, "tejen": {"kk": "Тежен"}, "turkmenabat": {"kk": "Түрікменабат"}, "kerki": {"kk": "Керки"},
    "bokhtar": {"kk": "Бохтар (Қорғантөбе)", "ur": "بوختر (قرغان تپہ)"},
    "tursunzoda-sariosiyo": {"kk": "Турсунзаде – Сариасия", "ur": "تورسون زادہ–سری آسیا"},
    "urgun": {"kk": "Ургун", "ur": "اورگون"}, "sharana": {"kk": "Шарана", "ur": "شرن"},
})
