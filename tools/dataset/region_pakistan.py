"""Pakistan: seaports, dry ports, border crossings, railways (1676 mm) and main roads.

Coordinates written from knowledge of the real places (lon, lat), not copied from any dataset.
"""

SOURCES = [
    dict(id="ref-pakistan-railways", outlet="Pakistan Railways network (reference knowledge)",
         date="2025", title="Pakistan Railways main lines ML-1, ML-2, ML-3 and branches", kind="reference"),
    dict(id="ref-pakistan-roads", outlet="Pakistan national highways (reference knowledge)",
         date="2025", title="NHA national highways and motorways (N-5, N-10, N-25, N-35, N-40, M-1/M-2)",
         kind="reference"),
    dict(id="ref-pakistan-ports", outlet="Pakistan seaports and dry ports (reference knowledge)",
         date="2025", title="Karachi Port, Port Qasim, Gwadar and inland dry ports", kind="reference"),
    dict(id="ref-pakistan-borders", outlet="Pakistan land border crossings (reference knowledge)",
         date="2025", title="Border crossings with Afghanistan, Iran and China", kind="reference"),
    dict(id="ref-pakistan-cpec", outlet="CPEC and ML-4/UAP rail plans (reference knowledge)",
         date="2024", title="Planned railway projects: ML-4 Gwadar-Quetta, Trans-Afghan (UAP), Kohat-Kharlachi",
         kind="reference"),
]

RW, RD, PT, BD, PL = ("ref-pakistan-railways", "ref-pakistan-roads", "ref-pakistan-ports",
                      "ref-pakistan-borders", "ref-pakistan-cpec")


def _n(id, name, kind, lonlat, modes, sources, confidence="high", status="operational",
       note="", names=None, country="PAK", countries=None, **extra):
    d = dict(id=id, name=name, kind=kind, lonlat=lonlat, modes=modes, status=status,
             sources=sources, confidence=confidence, note=note, **extra)
    if countries:
        d["countries"] = countries
    else:
        d["country"] = country
    if names:
        d["names"] = dict(zip(("en", "ru", "ur"), names))
    return d


NODES = []

# --- seaports and dry ports ---
NODES += [
    _n("karachi-port", "Karachi Port", "seaport", (66.975, 24.835), ["sea", "rail", "road"],
       [PT, "press-2023-07-20", "press-2025-09-02", "menafn-2025-12"],
       note="Keamari/West Wharf; Kazakhstan seeks a dedicated terminal here (Sept 2025).",
       names=("Karachi Port", "Порт Карачи", "کراچی بندرگاہ")),
    _n("port-qasim", "Port Qasim", "seaport", (67.345, 24.775), ["sea", "rail", "road"],
       [PT, "press-2023-07-20"], note="Bin Qasim, on Phitti Creek east of Karachi; rail spur from ML-1 at Bin Qasim.",
       names=("Port Qasim", "Порт Касим", "پورٹ قاسم")),
    _n("gwadar-port", "Gwadar Port", "seaport", (62.345, 25.115), ["sea", "road"],
       [PT, "press-2023-07-20", "press-2025-09-02", "press-2025-gwadar", "menafn-2025-12"],
       note="CPEC deep-sea port on East Bay; no rail link yet (ML-4 planned). Free zone offered to Kazakhstan.",
       names=("Gwadar Port", "Порт Гвадар", "گوادر بندرگاہ")),
    _n("sost", "Sost Dry Port", "dry_port", (74.805, 36.695), ["road"], [PT, "press-2023-07-20"],
       note="Customs and dry port on the Karakoram Highway below Khunjerab; Pakistani customs for China traffic.",
       names=("Sost", "Сост", "سوست")),
]

# --- border crossings ---
NODES += [
    _n("torkham", "Torkham", "border_crossing", (71.092, 34.125), ["road"], [BD, "press-2023-07-20"],
       countries=["PAK", "AFG"], name_other_side="Torkham (Nangarhar)",
       note="Main Khyber Pass road crossing (N-5 to Jalalabad-Kabul); the planned Trans-Afghan railway would cross near here.",
       names=("Torkham", "Торхам", "طورخم")),
    _n("chaman-spin-boldak", "Chaman–Spin Boldak", "border_crossing", (66.432, 30.928), ["road", "rail"],
       [BD, "menafn-2025-12"], countries=["PAK", "AFG"], name_other_side="Spin Boldak",
       note="Friendship Gate on the N-25 road to Kandahar; ML-3 railhead at Chaman just inside Pakistan; "
            "planned Turgundi-Herat-Kandahar-Spin Boldak railway would meet it.",
       names=("Chaman–Spin Boldak", "Чаман — Спин-Болдак", "چمن")),
    _n("ghulam-khan", "Ghulam Khan", "border_crossing", (69.86, 33.19), ["road"], [BD],
       countries=["PAK", "AFG"], confidence="medium", name_other_side="Gurbuz (Khost)",
       note="North Waziristan crossing to Khost, road from Bannu via Miranshah; position approximate.",
       names=("Ghulam Khan", "Гулам-Хан", "غلام خان")),
    _n("angoor-adda", "Angoor Adda", "border_crossing", (69.36, 32.34), ["road"], [BD],
       countries=["PAK", "AFG"], confidence="medium", name_other_side="Barmal (Paktika)",
       note="South Waziristan crossing west of Wana; position approximate.",
       names=("Angoor Adda", "Ангур-Адда", "انگور اڈہ")),
    _n("kharlachi", "Kharlachi", "border_crossing", (69.97, 33.86), ["road"], [BD, "nca-2024-01-24"],
       countries=["PAK", "AFG"], confidence="medium", name_other_side="Dand-e-Patan (Paktia)",
       note="Kurram crossing west of Parachinar; target of the planned Kohat-Tal-Kharlachi railway; position approximate.",
       names=("Kharlachi", "Харлачи", "خرلاچی")),
    _n("khunjerab", "Khunjerab Pass", "border_crossing", (75.427, 36.850), ["road"], [BD, "press-2023-07-20"],
       countries=["PAK", "CHN"], name_other_side="Khunjerab (Xinjiang)",
       note="Karakoram Highway at 4,693 m; seasonal (normally closed in winter); China side to Tashkurgan-Kashgar.",
       names=("Khunjerab Pass", "Перевал Хунджераб", "درہ خنجراب")),
    _n("taftan-mirjaveh", "Taftan–Mirjaveh", "border_crossing", (61.575, 28.972), ["rail", "road"], [BD, RW],
       countries=["PAK", "IRN"], name_other_side="Mirjaveh",
       note="Road and 1676 mm railway crossing to Mirjaveh and Zahedan (Iran); the broad gauge runs on to Zahedan.",
       names=("Taftan–Mirjaveh", "Тафтан — Мирджаве", "تفتان")),
]
