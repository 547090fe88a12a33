"""Central Asia region: Kazakhstan, Kyrgyzstan, China (Xinjiang), Iran, the Turkmen
section of the Kazakhstan–Turkmenistan–Iran railway, the Caspian and the sea legs to
Pakistan. Coordinates (lon, lat) written from knowledge of the real stations, towns,
ports and crossings; lines are drawn through waypoints and filled in along the geodesic
so that no two vertices are more than ~25 km (land) or ~50 km (sea) apart."""

from pyproj import Geod

_GEOD = Geod(ellps="WGS84")


def _dense(pts, step_km=25.0):
    """Waypoints -> path with extra geodesic vertices so that no gap exceeds step_km."""
    out = [tuple(pts[0])]
    for a, b in zip(pts, pts[1:]):
        d = _GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000.0
        n = int(d // step_km)
        if n:
            for lon, lat in _GEOD.npts(a[0], a[1], b[0], b[1], n):
                out.append((round(lon, 4), round(lat, 4)))
        out.append(tuple(b))
    return out


def _sea(pts):
    return _dense(pts, 50.0)


NEWS = ["nca-2024-01-24"]

SOURCES = [
    dict(id="ref-ktz-network", outlet="Kazakhstan Temir Zholy network (reference knowledge)", date="2025",
         title="Kazakhstan railway network: Turksib, Almaty–Shymkent–Saryagash, Beyneu–Aktau, Zhetygen–Altynkol",
         kind="reference"),
    dict(id="ref-kti-railway", outlet="Kazakhstan–Turkmenistan–Iran railway (reference knowledge)", date="2025",
         title="Uzen–Bolashak–Serhetyaka–Bereket–Etrek–Gorgan line, opened 2014", kind="reference"),
    dict(id="ref-iran-rail", outlet="Railways of the Islamic Republic of Iran network (reference knowledge)",
         date="2025", title="Iranian standard-gauge network: Trans-Iranian, Tehran–Mashhad, Bafq–Bandar Abbas, "
         "Kerman–Zahedan, Mashhad–Sarakhs, Khaf line", kind="reference"),
    dict(id="ref-china-rail", outlet="China Railway, Xinjiang network (reference knowledge)", date="2025",
         title="Northern and Southern Xinjiang railways, Jinghe–Khorgos line", kind="reference"),
    dict(id="ref-caspian-shipping", outlet="Caspian ports and ferry lines (reference knowledge)", date="2025",
         title="Aktau, Kuryk, Turkmenbashi, Amirabad, Bandar Anzali ports and Caspian sea lanes", kind="reference"),
    dict(id="ref-gulf-shipping", outlet="Persian Gulf, Gulf of Oman and Arabian Sea ports and lanes (reference knowledge)",
         date="2025", title="Shahid Rajaee (Bandar Abbas), Shahid Beheshti (Chabahar) and lanes to Gwadar and Karachi",
         kind="reference"),
    dict(id="ref-central-asia-roads", outlet="Central Asian and Xinjiang road network (reference knowledge)",
         date="2025", title="Almaty–Bishkek, Bishkek–Naryn–Torugart, Osh–Irkeshtam, Kashgar–Khunjerab (KKH), "
         "Western Europe–Western China road", kind="reference"),
    dict(id="ref-border-crossings", outlet="Border crossing points of Kazakhstan, Kyrgyzstan, China, Turkmenistan and Iran "
         "(reference knowledge)", date="2025", title="Location and modes of the crossings", kind="reference"),
    dict(id="ref-cku-railway", outlet="China–Kyrgyzstan–Uzbekistan railway project (reference knowledge)", date="2025",
         title="Kashgar–Torugart–Makmal–Jalal-Abad line, construction launched December 2024", kind="reference"),
    dict(id="ref-ktz-central-line", outlet="Kazakhstan Temir Zholy, north–south main line (reference knowledge)",
         date="2025", title="Astana–Karaganda–Agadyr–Mointy–Sary-Shagan–Shu railway", kind="reference"),
    dict(id="ref-iran-roads", outlet="Iranian road network, Razavi Khorasan (reference knowledge)", date="2025",
         title="Mashhad–Fariman–Torbat-e Jam–Taybad–Dogharoun road (Asian Highway AH1) to Islam Qala",
         kind="reference"),
]

KTZ, KTI, IRR, CNR = "ref-ktz-network", "ref-kti-railway", "ref-iran-rail", "ref-china-rail"
KZC, IRD = "ref-ktz-central-line", "ref-iran-roads"
CSP, GLF, RDS, BRD = "ref-caspian-shipping", "ref-gulf-shipping", "ref-central-asia-roads", "ref-border-crossings"


def _n(id, name, kind, lonlat, modes, sources, names=None, confidence="high", note="", status="operational",
       country=None, countries=None, **extra):
    d = dict(id=id, name=name, kind=kind, lonlat=lonlat, modes=modes, status=status, sources=sources,
             confidence=confidence, note=note)
    if countries:
        d["countries"] = countries
    else:
        d["country"] = country
    if names:
        d["names"] = dict(en=name, **names)
    d.update(extra)
    return d


NODES = [
    # --- Caspian seaports
    _n("aktau-port", "Aktau Port", "seaport", (51.215, 43.598), ["sea", "ferry", "rail", "road"], [CSP] + NEWS,
       dict(ru="Морской порт Актау", kk="Ақтау теңіз порты", ur="اکتاؤ بندرگاہ"), country="KAZ",
       note="Kazakhstan's main Caspian port; ferries to Baku and Turkmenbashi, ships to Iranian ports."),
    _n("kuryk-port", "Kuryk Port", "seaport", (51.655, 43.155), ["sea", "ferry", "rail", "road"], [CSP],
       dict(ru="Порт Курык", kk="Құрық порты", ur="کوریک بندرگاہ"), country="KAZ", confidence="medium",
       note="Rail-ferry port south of Aktau, opened 2016."),
    _n("turkmenbashi-port", "Turkmenbashi International Seaport", "seaport", (53.00, 39.975),
       ["sea", "ferry", "rail", "road"], [CSP], dict(ru="Порт Туркменбаши", kk="Түрікменбашы порты",
       ur="ترکمانباشی بندرگاہ"), country="TKM", note="Rebuilt international port, opened 2018."),
    _n("amirabad-port", "Amirabad Port", "seaport", (53.37, 36.855), ["sea", "rail", "road"], [CSP, IRR],
       dict(ru="Порт Амирабад", kk="Әмірабад порты", ur="امیرآباد بندرگاہ"), country="IRN", confidence="medium",
       note="Iran's rail-served Caspian port near Behshahr."),
    _n("bandar-anzali-port", "Bandar Anzali Port", "seaport", (49.465, 37.475), ["sea", "road"], [CSP],
       dict(ru="Порт Бендер-Энзели", kk="Бендер-Энзели порты", ur="بندر انزلی بندرگاہ"), country="IRN"),
    # --- Gulf / Arabian Sea seaports
    _n("bandar-abbas-port", "Bandar Abbas (Shahid Rajaee Port)", "seaport", (56.065, 27.115), ["sea", "rail", "road"],
       [GLF] + NEWS, dict(ru="Бендер-Аббас (порт Шахид Раджаи)", kk="Бендер-Аббас (Шахид Раджаи порты)",
       ur="بندر عباس (شہید رجائی بندرگاہ)"), country="IRN", note="Iran's largest container port, west of Bandar Abbas."),
    _n("chabahar-port", "Chabahar (Shahid Beheshti Port)", "seaport", (60.615, 25.30), ["sea", "road"], [GLF],
       dict(ru="Чабахар (порт Шахид Бехешти)", kk="Чабахар (Шахид Бехешти порты)", ur="چابہار (شہید بہشتی بندرگاہ)"),
       country="IRN", confidence="medium", note="Iran's ocean port on the Gulf of Oman; rail link to Zahedan under construction."),
    # --- dry ports
    _n("khorgos-eastern-gate", "Khorgos Eastern Gate dry port", "dry_port", (80.33, 44.165), ["rail", "road"],
       [KTZ], dict(ru="СЭЗ «Хоргос – Восточные ворота»", kk="«Қорғас – Шығыс қақпасы»"), country="KAZ",
       confidence="medium", note="Dry port at Altynkol station next to the Khorgos crossing."),
]

NODES += [
    # --- border crossings
    _n("saryagash-zhibek-zholy", "Saryagash / Zhibek Zholy", "border_crossing", (69.19, 41.44), ["rail", "road"],
       [BRD, KTZ], dict(ru="Сарыагаш / Жибек Жолы", kk="Сарыағаш / Жібек Жолы", ur="ساری آغاش / ژبیک ژولی"),
       countries=["KAZ", "UZB"], name_other_side="Keles / Gisht Kuprik",
       note="Rail border Saryagash–Keles; the Zhibek Zholy road post on the Shymkent–Tashkent road lies ~10 km east."),
    _n("bolashak-serhetyaka", "Bolashak–Serhetyaka", "border_crossing", (54.03, 42.34), ["rail"], [BRD, KTI],
       dict(ru="Болашак – Серхетяка", kk="Болашақ – Серхетяка", ur="بولاشاک–سرحدیاکا"), countries=["KAZ", "TKM"],
       confidence="medium", name_other_side="Serhetyaka", note="Rail border on the Kazakhstan–Turkmenistan–Iran line."),
    _n("sarakhs", "Sarakhs", "border_crossing", (61.18, 36.53), ["rail", "road"], [BRD, IRR],
       dict(ru="Серахс", kk="Серахс", ur="سرخس"), countries=["TKM", "IRN"], name_other_side="Serakhs",
       note="Break of gauge 1520/1435 mm (bogie exchange and transshipment) on the Tejen–Mashhad line, opened 1996."),
    _n("etrek-inche-burun", "Etrek–Inche Burun", "border_crossing", (54.71, 37.48), ["rail"], [BRD, KTI],
       dict(ru="Этрек – Инче-Бурун", kk="Этрек – Инче-Бурун", ur="اترک–اینچہ برون"), countries=["TKM", "IRN"],
       confidence="medium", name_other_side="Inche Burun",
       note="Break of gauge 1520/1435 mm on the Kazakhstan–Turkmenistan–Iran line, opened 2014."),
    _n("khorgos-altynkol", "Khorgos–Altynkol", "border_crossing", (80.36, 44.20), ["rail", "road"], [BRD, KTZ],
       dict(ru="Хоргос – Алтынколь", kk="Қорғас – Алтынкөл", ur="خورگوس–التینکول"), countries=["KAZ", "CHN"],
       name_other_side="Horgos (Huoerguosi)", note="Rail (since 2012) and road crossing; break of gauge 1520/1435 mm."),
    _n("dostyk-alashankou", "Dostyk–Alashankou", "border_crossing", (82.55, 45.18), ["rail"], [BRD, KTZ, CNR],
       dict(ru="Достык – Алашанькоу", kk="Достық – Алашанькоу", ur="دوستیک–الاشانکو"), countries=["KAZ", "CHN"],
       name_other_side="Alashankou", note="Main Kazakhstan–China rail gateway since 1990; break of gauge 1520/1435 mm."),
    _n("irkeshtam", "Irkeshtam", "border_crossing", (73.91, 39.69), ["road"], [BRD, RDS, "press-2023-07-20"],
       dict(ru="Иркештам", kk="Эркештам", ur="ارکشتام"), countries=["KGZ", "CHN"],
       note="Road crossing Osh–Kashgar through the Alay valley."),
    _n("torugart", "Torugart", "border_crossing", (75.39, 40.56), ["road"], [BRD, RDS, "press-2023-07-20"],
       dict(ru="Торугарт", kk="Торұғарт", ur="تورو گارٹ"), countries=["KGZ", "CHN"],
       note="Road pass (about 3,750 m) on the Bishkek–Naryn–Kashgar road."),
    _n("korday-ak-zhol", "Korday–Ak-Zhol", "border_crossing", (74.72, 42.99), ["road"], [BRD, RDS],
       dict(ru="Кордай – Ак-Жол", kk="Қордай – Ақ-Жол", ur="کورڈائی"), countries=["KAZ", "KGZ"],
       name_other_side="Ak-Zhol", confidence="medium", note="Main road crossing on the Almaty–Bishkek road over the Chu."),
]


def _c(id, name, lonlat, country, sources, names=None, kind="city", modes=("rail", "road"), confidence="high", note=""):
    return _n(id, name, kind, lonlat, list(modes), sources, names, confidence=confidence, note=note, country=country)


NODES += [
    # --- Kazakhstan
    _c("almaty", "Almaty", (76.94, 43.27), "KAZ", [KTZ], dict(ru="Алматы", kk="Алматы", ur="الماتی")),
    _c("astana", "Astana", (71.43, 51.13), "KAZ", [KTZ], dict(ru="Астана", kk="Астана", ur="آستانہ"),
       note="Capital; the January 2024 Kazakhstan–Pakistan transport meeting was held here."),
    _c("shymkent", "Shymkent", (69.59, 42.32), "KAZ", [KTZ], dict(ru="Шымкент", kk="Шымкент", ur="شمکنت")),
    _c("taraz", "Taraz", (71.38, 42.90), "KAZ", [KTZ], dict(ru="Тараз", kk="Тараз", ur="طراز")),
    _c("shu", "Shu", (73.76, 43.60), "KAZ", [KTZ], dict(ru="Шу", kk="Шу"), kind="junction",
       note="Turksib junction with the Shu–Mointy line to Astana."),
    _c("arys", "Arys", (68.80, 42.43), "KAZ", [KTZ], dict(ru="Арыс", kk="Арыс"), kind="junction"),
    _c("zhetygen", "Zhetygen", (77.10, 43.67), "KAZ", [KTZ], dict(ru="Жетыген", kk="Жетіген"), kind="junction",
       modes=("rail",), confidence="medium", note="Turksib junction where the line to Altynkol/Khorgos starts."),
    _c("aktogay", "Aktogay", (79.66, 46.95), "KAZ", [KTZ], dict(ru="Актогай", kk="Ақтоғай"), kind="junction",
       confidence="medium", note="Turksib junction for the line to Dostyk."),
    _c("beyneu", "Beyneu", (55.20, 45.32), "KAZ", [KTZ], dict(ru="Бейнеу", kk="Бейнеу"), kind="junction"),
    _c("mangyshlak", "Mangyshlak", (51.30, 43.70), "KAZ", [KTZ], dict(ru="Мангышлак", kk="Маңғыстау"),
       kind="junction", modes=("rail",), confidence="medium", note="Rail junction north-east of Aktau."),
    _c("zhanaozen", "Zhanaozen (Uzen)", (52.86, 43.34), "KAZ", [KTZ, KTI], dict(ru="Жанаозен (Узень)", kk="Жаңаөзен"),
       kind="junction", note="Start of the Uzen–Bolashak section of the Kazakhstan–Turkmenistan–Iran line."),
    # --- Kyrgyzstan
    _c("bishkek", "Bishkek", (74.59, 42.87), "KGZ", [RDS], dict(ru="Бишкек", kk="Бішкек", ur="بشکیک")),
    _c("naryn", "Naryn", (75.99, 41.43), "KGZ", [RDS], dict(ru="Нарын", kk="Нарын"), modes=("road",)),
    _c("osh", "Osh", (72.80, 40.53), "KGZ", [RDS], dict(ru="Ош", kk="Ош", ur="اوش")),
    # --- China (Xinjiang)
    _c("kashgar", "Kashgar", (75.99, 39.47), "CHN", [CNR, RDS], dict(ru="Кашгар", kk="Қашқар", ur="کاشغر"),
       note="Southern terminus of the Southern Xinjiang railway; start of the Karakoram Highway."),
    _c("urumqi", "Urumqi", (87.60, 43.83), "CHN", [CNR], dict(ru="Урумчи", kk="Үрімші", ur="ارومچی")),
    _c("kuytun", "Kuytun", (84.90, 44.43), "CHN", [CNR], dict(ru="Куйтун", kk="Күйтүн"), kind="junction",
       confidence="medium"),
    _c("jinghe", "Jinghe", (82.89, 44.61), "CHN", [CNR], dict(ru="Цзинхэ", kk="Жиң"), kind="junction",
       confidence="medium", note="Junction of the Alashankou line and the Jinghe–Khorgos line."),
    _c("korla", "Korla", (86.15, 41.73), "CHN", [CNR], dict(ru="Корла", kk="Корла"), kind="junction"),
    _c("aksu", "Aksu", (80.26, 41.17), "CHN", [CNR], dict(ru="Аксу", kk="Ақсу")),
    _c("tashkurgan", "Tashkurgan", (75.23, 37.77), "CHN", [RDS], dict(ru="Ташкурган", kk="Ташқорған", ur="تاشقرغان"),
       modes=("road",)),
]

NODES += [
    # --- Iran
    _c("tehran", "Tehran", (51.40, 35.66), "IRN", [IRR], dict(ru="Тегеран", kk="Тегеран", ur="تہران")),
    _c("qazvin", "Qazvin", (50.00, 36.27), "IRN", [IRR], dict(ru="Казвин", kk="Қазвин"), kind="junction"),
    _c("rasht", "Rasht", (49.58, 37.28), "IRN", [IRR], dict(ru="Решт", kk="Решт", ur="رشت")),
    _c("qom", "Qom", (50.88, 34.64), "IRN", [IRR], dict(ru="Кум", kk="Құм", ur="قم")),
    _c("kashan", "Kashan", (51.44, 33.98), "IRN", [IRR], dict(ru="Кашан", kk="Кашан"), confidence="medium"),
    _c("yazd", "Yazd", (54.36, 31.90), "IRN", [IRR], dict(ru="Йезд", kk="Йезд", ur="یزد")),
    _c("bafq", "Bafq", (55.43, 31.60), "IRN", [IRR], dict(ru="Бафк", kk="Бафк"), kind="junction",
       note="Junction of the Tehran–Kerman line and the line to Bandar Abbas."),
    _c("kerman", "Kerman", (57.07, 30.28), "IRN", [IRR], dict(ru="Керман", kk="Керман", ur="کرمان")),
    _c("bam", "Bam", (58.36, 29.10), "IRN", [IRR], dict(ru="Бам", kk="Бам")),
    _c("zahedan", "Zahedan", (60.86, 29.50), "IRN", [IRR], dict(ru="Захедан", kk="Захедан", ur="زاہدان"),
       note="Meeting point of the Iranian standard gauge (from Kerman, 2009) and the Pakistani broad gauge from Quetta."),
    _c("garmsar", "Garmsar", (52.34, 35.22), "IRN", [IRR], dict(ru="Гармсар", kk="Гармсар"), kind="junction"),
    _c("semnan", "Semnan", (53.39, 35.57), "IRN", [IRR], dict(ru="Семнан", kk="Семнан")),
    _c("shahrud", "Shahrud", (54.97, 36.42), "IRN", [IRR], dict(ru="Шахруд", kk="Шахруд")),
    _c("mashhad", "Mashhad", (59.60, 36.29), "IRN", [IRR], dict(ru="Мешхед", kk="Мешхед", ur="مشہد")),
    _c("torbat-e-heydarieh", "Torbat-e Heydarieh", (59.22, 35.27), "IRN", [IRR], dict(ru="Торбете-Хейдарие"),
       kind="junction", confidence="medium"),
    _c("khaf", "Khaf", (60.14, 34.58), "IRN", [IRR], dict(ru="Хаф", kk="Хаф", ur="خواف"), kind="junction",
       confidence="medium", note="Junction for the Khaf–Herat railway to Afghanistan."),
    _c("gorgan", "Gorgan", (54.43, 36.84), "IRN", [IRR, KTI], dict(ru="Горган", kk="Горган", ur="گرگان"),
       kind="junction"),
    _c("behshahr", "Behshahr", (53.55, 36.70), "IRN", [IRR], dict(ru="Бехшехр"), kind="junction",
       confidence="medium", note="Junction for the branch to Amirabad port."),
    _c("sari", "Sari", (53.06, 36.56), "IRN", [IRR], dict(ru="Сари", kk="Сари")),
]


def _s(id, name, line, mode, ends, countries, way, sources, status="operational", gauge_mm=None, opened=None,
       confidence="high", note="", status_date="2025", step_km=25.0, **extra):
    d = dict(id=id, name=name, line=line, mode=mode, status=status, status_date=status_date,
             gauge_mm=gauge_mm if mode == "rail" else None, ends=ends, countries=countries,
             path=_dense(way, step_km), sources=sources, confidence=confidence, note=note)
    if opened:
        d["opened"] = opened
    d.update(extra)
    return d


def _kz(id, name, line, ends, way, **kw):
    kw.setdefault("countries", ["KAZ"])
    return _s(id, name, line, "rail", ends, kw.pop("countries"), way, kw.pop("sources", [KTZ]), gauge_mm=1520, **kw)


TURKSIB, SOUTH = "Turkestan–Siberia Railway", "Almaty–Tashkent main line"
SEGMENTS = [
    _kz("kz-almaty-shu", "Almaty–Shu railway", TURKSIB, ("almaty", "shu"),
        [(76.94, 43.27), (76.94, 43.335), (76.80, 43.35), (76.62, 43.37), (76.30, 43.50), (75.95, 43.54),
         (75.60, 43.54), (75.21, 43.54), (74.85, 43.68), (74.45, 43.80), (74.10, 43.76), (73.90, 43.68), (73.76, 43.60)],
        opened=1930, confidence="medium", note="Via Shamalgan and Otar."),
    _kz("kz-shu-taraz", "Shu–Taraz railway", SOUTH, ("shu", "taraz"),
        [(73.76, 43.60), (73.55, 43.33), (73.25, 43.12), (72.95, 42.98), (72.73, 42.92), (72.40, 42.98),
         (72.05, 42.99), (71.70, 42.97), (71.38, 42.90)], opened=1930, confidence="medium",
        note="Via Lugovaya (Kulan), junction for the Bishkek branch."),
    _kz("kz-taraz-shymkent", "Taraz–Shymkent railway", SOUTH, ("taraz", "shymkent"),
        [(71.38, 42.90), (71.05, 42.67), (70.75, 42.58), (70.45, 42.53), (70.30, 42.49), (70.00, 42.47), (69.80, 42.40),
         (69.59, 42.32)], opened=1927, confidence="medium", note="Via Tyulkubas."),
    _kz("kz-shymkent-arys", "Shymkent–Arys railway", SOUTH, ("shymkent", "arys"),
        [(69.59, 42.32), (69.30, 42.38), (69.00, 42.42), (68.80, 42.43)], opened=None,
        confidence="medium"),
    _kz("kz-arys-saryagash", "Arys–Saryagash railway", "Orenburg–Tashkent railway", ("arys", "saryagash-zhibek-zholy"),
        [(68.80, 42.43), (68.86, 42.20), (68.90, 41.98), (69.02, 41.72), (69.12, 41.53), (69.17, 41.47), (69.19, 41.44)],
        opened=1906, confidence="medium", note="Towards Keles and Tashkent (Uzbekistan)."),
    _kz("kz-almaty-zhetygen", "Almaty–Zhetygen railway", TURKSIB, ("almaty", "zhetygen"),
        [(76.94, 43.27), (76.94, 43.335), (77.02, 43.48), (77.10, 43.67)], opened=1930, confidence="medium"),
    _kz("kz-zhetygen-aktogay", "Zhetygen–Aktogay railway", TURKSIB, ("zhetygen", "aktogay"),
        [(77.10, 43.67), (77.30, 43.90), (77.55, 44.12), (77.80, 44.28), (77.97, 44.36), (78.00, 44.60),
         (77.98, 44.85), (77.97, 45.05), (77.98, 45.25), (78.20, 45.45), (78.45, 45.65), (78.73, 45.89),
         (78.95, 46.15), (79.15, 46.40), (79.40, 46.65), (79.66, 46.95)], opened=1930, confidence="medium",
        note="Via Sary-Ozek, Ushtobe and Matay."),
    _kz("kz-aktogay-dostyk", "Aktogay–Dostyk railway", "Aktogay–Dostyk railway", ("aktogay", "dostyk-alashankou"),
        [(79.66, 46.95), (79.95, 46.85), (80.25, 46.65), (80.55, 46.42), (80.94, 46.17), (81.30, 45.98),
         (81.60, 45.85), (81.95, 45.70), (82.22, 45.50), (82.48, 45.25), (82.55, 45.18)], opened=1990,
        confidence="medium", note="Via Usharal and south of Lake Alakol; second track built 2017–2019."),
    _kz("kz-zhetygen-altynkol", "Zhetygen–Altynkol railway", "Zhetygen–Altynkol railway",
        ("zhetygen", "khorgos-eastern-gate"),
        [(77.10, 43.67), (77.35, 43.82), (77.65, 43.95), (77.95, 44.05), (78.25, 44.12), (78.55, 44.17),
         (78.85, 44.18), (79.15, 44.15), (79.45, 44.12), (79.75, 44.10), (80.00, 44.15), (80.33, 44.165)],
        opened=2012, confidence="low", note="Built 2009–2012 north of the Ili through Altyn-Emel and Zharkent."),
    _kz("kz-altynkol-khorgos", "Altynkol–Khorgos border railway", "Zhetygen–Altynkol railway",
        ("khorgos-eastern-gate", "khorgos-altynkol"), [(80.33, 44.165), (80.36, 44.20)], opened=2012,
        confidence="medium", note="Dual-gauge tracks to Chinese Horgos station."),
]

SEGMENTS += [
    _kz("kz-beyneu-mangyshlak", "Beyneu–Mangyshlak railway", "Makat–Mangyshlak railway", ("beyneu", "mangyshlak"),
        [(55.20, 45.32), (55.02, 45.10), (54.85, 44.95), (54.55, 44.75), (54.10, 44.55), (53.55, 44.28), (53.00, 44.17),
         (52.55, 44.22), (52.12, 44.16), (51.75, 43.95), (51.45, 43.78), (51.30, 43.70)], opened=1964,
        confidence="medium", note="Via Say-Utes and Shetpe across the Ustyurt and Mangyshlak plateaus."),
    _kz("kz-mangyshlak-aktau", "Mangyshlak–Aktau Port railway", "Makat–Mangyshlak railway", ("mangyshlak", "aktau-port"),
        [(51.30, 43.70), (51.25, 43.65), (51.215, 43.598)], confidence="medium", sources=[KTZ, CSP],
        note="Branch serving the port's rail-ferry, container and oil terminals."),
    _kz("kz-mangyshlak-kuryk", "Mangyshlak–Kuryk Port railway", "Kuryk port railway", ("mangyshlak", "kuryk-port"),
        [(51.30, 43.70), (51.45, 43.55), (51.58, 43.35), (51.655, 43.155)], confidence="low", sources=[KTZ, CSP],
        note="Rail access to the Kuryk rail-ferry complex (2016); the exact junction is approximate."),
    _kz("kz-mangyshlak-zhanaozen", "Mangyshlak–Zhanaozen railway", "Mangyshlak–Uzen railway",
        ("mangyshlak", "zhanaozen"),
        [(51.30, 43.70), (51.45, 43.55), (51.58, 43.40), (51.80, 43.33), (52.10, 43.30), (52.40, 43.28),
         (52.65, 43.30), (52.86, 43.34)], opened=1972, confidence="medium", note="Oilfield line running south-east past Kuryk, then east to Uzen."),
    _kz("kti-zhanaozen-bolashak", "Zhanaozen–Bolashak railway", "Kazakhstan–Turkmenistan–Iran railway",
        ("zhanaozen", "bolashak-serhetyaka"),
        [(52.86, 43.34), (53.10, 43.15), (53.35, 42.95), (53.60, 42.75), (53.85, 42.52), (54.03, 42.34)],
        opened=2012, confidence="low", sources=[KTI, KTZ] + NEWS,
        note="Kazakh section (~146 km) of the North–South corridor line; opened 2012, through traffic from 2014."),
]

KTI_LINE = "Kazakhstan–Turkmenistan–Iran railway"
SEGMENTS += [
    _s("kti-serhetyaka-bereket", "Serhetyaka–Bereket railway", KTI_LINE, "rail", ("bolashak-serhetyaka", "bereket"),
       ["TKM"], [(54.03, 42.34), (54.35, 42.00), (54.65, 41.65), (54.95, 41.25), (55.10, 40.85), (55.22, 40.45),
                 (55.35, 40.05), (55.45, 39.65), (55.52, 39.245)], [KTI] + NEWS, gauge_mm=1520, opened=2013,
       confidence="low", note="Turkmen northern section east of the Garabogaz lagoon via Gyzylgaya; opened 2013."),
    _s("kti-bereket-etrek", "Bereket–Etrek railway", KTI_LINE, "rail", ("bereket", "etrek-inche-burun"), ["TKM"],
       [(55.52, 39.245), (55.40, 38.95), (55.25, 38.65), (55.10, 38.35), (54.95, 38.05), (54.80, 37.75),
        (54.77, 37.67), (54.71, 37.48)], [KTI] + NEWS, gauge_mm=1520, opened=2014, confidence="low",
       note="Turkmen southern section to the Iranian border at the Etrek river; opened December 2014."),
    _s("kti-inche-burun-gorgan", "Inche Burun–Gorgan railway", KTI_LINE, "rail", ("etrek-inche-burun", "gorgan"),
       ["IRN"], [(54.71, 37.48), (54.66, 37.30), (54.58, 37.15), (54.50, 37.00), (54.43, 36.84)], [KTI, IRR] + NEWS,
       gauge_mm=1435, opened=2014, confidence="medium", note="Iranian section (~82 km) of the line."),
]


def _ir(id, name, line, ends, way, **kw):
    return _s(id, name, line, "rail", ends, ["IRN"], way, kw.pop("sources", [IRR]), gauge_mm=1435, **kw)


TRANS_IRAN, SOUTH_IR, EAST_IR = "Trans-Iranian Railway", "Tehran–Bandar Abbas railway", "Tehran–Mashhad railway"
SEGMENTS += [
    _ir("ir-gorgan-behshahr", "Gorgan–Behshahr railway", TRANS_IRAN, ("gorgan", "behshahr"),
        [(54.43, 36.84), (54.25, 36.87), (54.07, 36.90), (53.95, 36.78), (53.75, 36.72), (53.55, 36.70)],
        confidence="medium", note="Via Bandar Torkaman and Bandar Gaz."),
    _ir("ir-behshahr-amirabad", "Behshahr–Amirabad Port railway", "Amirabad port branch", ("behshahr", "amirabad-port"),
        [(53.55, 36.70), (53.48, 36.77), (53.40, 36.82), (53.37, 36.855)], confidence="medium",
        sources=[IRR, CSP]),
    _ir("ir-behshahr-sari", "Behshahr–Sari railway", TRANS_IRAN, ("behshahr", "sari"),
        [(53.55, 36.70), (53.35, 36.65), (53.20, 36.60), (53.06, 36.56)], confidence="medium"),
    _ir("ir-sari-garmsar", "Sari–Garmsar railway", TRANS_IRAN, ("sari", "garmsar"),
        [(53.06, 36.56), (52.86, 36.46), (52.88, 36.30), (52.95, 36.12), (53.02, 35.95), (52.90, 35.82),
         (52.77, 35.75), (52.65, 35.60), (52.55, 35.45), (52.45, 35.32), (52.34, 35.22)], opened=1938,
        confidence="medium", note="Across the Alborz via Qaem Shahr, Veresk and Firuzkuh."),
    _ir("ir-garmsar-tehran", "Garmsar–Tehran railway", TRANS_IRAN, ("garmsar", "tehran"),
        [(52.34, 35.22), (52.05, 35.17), (51.85, 35.24), (51.62, 35.33), (51.50, 35.45), (51.42, 35.60),
         (51.40, 35.66)], opened=1938, confidence="medium"),
    _ir("ir-tehran-qom", "Tehran–Qom railway", SOUTH_IR, ("tehran", "qom"),
        [(51.40, 35.66), (51.30, 35.60), (51.23, 35.55), (51.08, 35.48), (51.00, 35.30), (50.90, 35.10),
         (50.84, 34.90), (50.86, 34.75), (50.88, 34.64)], opened=1938, confidence="low",
        note="Via Robat Karim and west of the Hoz-e Soltan salt lake; alignment approximate."),
    _ir("ir-qom-kashan", "Qom–Kashan railway", SOUTH_IR, ("qom", "kashan"),
        [(50.88, 34.64), (51.05, 34.45), (51.25, 34.22), (51.44, 33.98)], confidence="medium"),
    _ir("ir-kashan-yazd", "Kashan–Yazd railway", SOUTH_IR, ("kashan", "yazd"),
        [(51.44, 33.98), (51.72, 33.83), (52.02, 33.69), (52.25, 33.57), (52.49, 33.45), (52.85, 33.38),
         (53.15, 33.15), (53.40, 32.85), (53.55, 32.60), (53.63, 32.44), (53.85, 32.32), (54.01, 32.25),
         (54.08, 32.10), (54.22, 31.97), (54.36, 31.90)], confidence="medium",
        note="Via Badrud, Zavareh, Aqda and Meybod."),
    _ir("ir-yazd-bafq", "Yazd–Bafq railway", SOUTH_IR, ("yazd", "bafq"),
        [(54.36, 31.90), (54.65, 31.82), (54.95, 31.72), (55.20, 31.65), (55.43, 31.60)], confidence="medium"),
    _ir("ir-bafq-kerman", "Bafq–Kerman railway", "Tehran–Kerman railway", ("bafq", "kerman"),
        [(55.43, 31.60), (55.50, 31.35), (55.70, 31.15), (55.95, 30.98), (56.25, 30.88), (56.56, 30.81), (56.80, 30.55),
         (57.07, 30.28)], opened=1977, confidence="medium", note="Via Zarand."),
    _ir("ir-kerman-bam", "Kerman–Bam railway", "Kerman–Zahedan railway", ("kerman", "bam"),
        [(57.07, 30.28), (57.25, 30.10), (57.40, 29.90), (57.50, 29.65), (57.75, 29.45), (58.05, 29.25),
         (58.36, 29.10)], confidence="medium"),
    _ir("ir-bam-zahedan", "Bam–Zahedan railway", "Kerman–Zahedan railway", ("bam", "zahedan"),
        [(58.36, 29.10), (58.70, 29.00), (59.00, 28.98), (59.30, 29.10), (59.55, 29.30), (59.80, 29.55),
         (59.97, 29.80), (60.30, 29.70), (60.60, 29.55), (60.86, 29.50)], opened=2009, confidence="low",
        note="Closed the gap between the Iranian network and the line from Pakistan (2009); alignment approximate."),
    _ir("ir-bafq-bandar-abbas", "Bafq–Bandar Abbas railway", "Bafq–Bandar Abbas railway", ("bafq", "bandar-abbas-port"),
        [(55.43, 31.60), (55.40, 31.30), (55.45, 31.00), (55.50, 30.70), (55.55, 30.40), (55.60, 30.10),
         (55.68, 29.75), (55.68, 29.45), (55.75, 29.15), (55.85, 28.85), (55.90, 28.55), (55.92, 28.31),
         (56.00, 28.05), (56.10, 27.75), (56.15, 27.50), (56.15, 27.30), (56.065, 27.115)], opened=1995,
        confidence="medium", sources=[IRR, GLF] + NEWS, note="Via Sirjan and Hajiabad to Shahid Rajaee port."),
]

SEGMENTS += [
    _ir("ir-garmsar-semnan", "Garmsar–Semnan railway", EAST_IR, ("garmsar", "semnan"),
        [(52.34, 35.22), (52.55, 35.28), (52.80, 35.35), (53.10, 35.45), (53.39, 35.57)], opened=1957,
        confidence="medium"),
    _ir("ir-semnan-shahrud", "Semnan–Shahrud railway", EAST_IR, ("semnan", "shahrud"),
        [(53.39, 35.57), (53.70, 35.58), (53.95, 35.75), (54.15, 35.98), (54.35, 36.17), (54.65, 36.30), (54.97, 36.42)],
        opened=1957, confidence="medium", note="Via Damghan."),
    _ir("ir-shahrud-mashhad", "Shahrud–Mashhad railway", EAST_IR, ("shahrud", "mashhad"),
        [(54.97, 36.42), (55.30, 36.42), (55.65, 36.41), (55.90, 36.42), (56.20, 36.42), (56.50, 36.40),
         (56.88, 36.35), (57.10, 36.30), (57.40, 36.25), (57.68, 36.21), (57.95, 36.22), (58.20, 36.20),
         (58.50, 36.18), (58.80, 36.21), (59.10, 36.25), (59.35, 36.28), (59.60, 36.29)], opened=1957,
        confidence="medium", note="Via Mayamey, Sabzevar and Neyshabur; Natural Earth draws the middle part farther north."),
    _ir("ir-mashhad-sarakhs", "Mashhad–Sarakhs railway", "Tejen–Sarakhs–Mashhad railway", ("mashhad", "sarakhs"),
        [(59.60, 36.29), (59.80, 36.22), (60.05, 36.12), (60.30, 36.10), (60.53, 36.15), (60.75, 36.27),
         (60.95, 36.40), (61.18, 36.53)], opened=1996, confidence="medium", sources=[IRR, BRD],
        note="Opened 1996; links Iran's standard gauge with the Central Asian broad gauge at Sarakhs."),
    _ir("ir-mashhad-torbat", "Mashhad–Torbat-e Heydarieh railway", "Mashhad–Bafq railway",
        ("mashhad", "torbat-e-heydarieh"),
        [(59.60, 36.29), (59.65, 36.15), (59.75, 35.95), (59.85, 35.70), (59.65, 35.50), (59.40, 35.35),
         (59.22, 35.27)], confidence="low", note="Via Fariman."),
    _ir("ir-torbat-khaf", "Torbat-e Heydarieh–Khaf railway", "Khaf line", ("torbat-e-heydarieh", "khaf"),
        [(59.22, 35.27), (59.45, 35.10), (59.70, 34.90), (59.95, 34.70), (60.14, 34.58)], confidence="low",
        note="Feeds the Khaf–Herat railway to Afghanistan."),
    _ir("ir-tehran-qazvin", "Tehran–Qazvin railway", "Tehran–Tabriz railway", ("tehran", "qazvin"),
        [(51.40, 35.66), (51.20, 35.75), (50.98, 35.82), (50.75, 35.92), (50.50, 36.05), (50.25, 36.17),
         (50.00, 36.27)], confidence="medium", note="Via Karaj."),
    _ir("ir-qazvin-rasht", "Qazvin–Rasht railway", "Qazvin–Rasht–Astara railway", ("qazvin", "rasht"),
        [(50.00, 36.27), (49.85, 36.42), (49.68, 36.55), (49.52, 36.63), (49.40, 36.74), (49.42, 36.83),
         (49.48, 36.95), (49.55, 37.10), (49.58, 37.28)], opened=2019, confidence="medium",
        note="Through the Sefid Rud valley via Manjil and Rudbar; part of the North–South corridor."),
    _s("ir-rasht-anzali-road", "Rasht–Bandar Anzali road", "Rasht–Anzali road", "road", ("rasht", "bandar-anzali-port"),
       ["IRN"], [(49.58, 37.28), (49.50, 37.38), (49.465, 37.475)], [RDS, CSP], confidence="medium",
       note="A Rasht–Caspian port railway is being built."),
]


def _cn(id, name, line, ends, way, **kw):
    return _s(id, name, line, "rail", ends, ["CHN"], way, kw.pop("sources", [CNR]), gauge_mm=1435, **kw)


NXJ, SXJ = "Northern Xinjiang railway", "Southern Xinjiang railway"
SEGMENTS += [
    _cn("cn-alashankou-jinghe", "Alashankou–Jinghe railway", NXJ, ("dostyk-alashankou", "jinghe"),
        [(82.55, 45.18), (82.57, 45.10), (82.60, 44.95), (82.70, 44.80), (82.89, 44.61)], opened=1990,
        confidence="medium", note="Along the western shore of Ebinur Lake."),
    _cn("cn-jinghe-kuytun", "Jinghe–Kuytun railway", NXJ, ("jinghe", "kuytun"),
        [(82.89, 44.61), (83.25, 44.52), (83.60, 44.45), (83.95, 44.40), (84.30, 44.40), (84.68, 44.43),
         (84.90, 44.43)], opened=1990, confidence="medium"),
    _cn("cn-kuytun-urumqi", "Kuytun–Urumqi railway", NXJ, ("kuytun", "urumqi"),
        [(84.90, 44.43), (85.25, 44.40), (85.60, 44.35), (86.04, 44.31), (86.40, 44.25), (86.75, 44.15),
         (87.05, 44.07), (87.30, 44.01), (87.50, 43.90), (87.60, 43.83)], opened=1962, confidence="medium",
        note="Via Shihezi and Changji."),
    _cn("cn-jinghe-khorgos", "Jinghe–Khorgos railway", "Jinghe–Yining–Khorgos railway", ("jinghe", "khorgos-altynkol"),
        [(82.89, 44.61), (82.60, 44.62), (82.30, 44.62), (82.00, 44.62), (81.70, 44.63), (81.45, 44.62),
         (81.20, 44.55), (81.10, 44.35), (80.98, 44.15), (80.75, 44.12), (80.55, 44.18), (80.36, 44.20)],
        opened=2009, confidence="low", note="Crosses the Borohoro range by Sayram Lake; extended to the border 2012."),
    _cn("cn-urumqi-korla", "Urumqi–Turpan–Korla railway", SXJ, ("urumqi", "korla"),
        [(87.60, 43.83), (87.90, 43.60), (88.30, 43.36), (88.60, 43.15), (88.88, 42.98), (88.65, 42.79),
         (88.35, 42.80), (88.00, 42.80), (87.60, 42.80), (87.20, 42.85), (86.80, 42.85), (86.30, 42.75),
         (86.35, 42.55), (86.39, 42.32), (86.57, 42.06), (86.35, 41.90), (86.15, 41.73)], confidence="low",
        note="Lanxin line to Turpan (Daheyan), then the Southern Xinjiang line via Toksun, Yushugou, Balguntay, Hejing and Yanqi."),
    _cn("cn-korla-aksu", "Korla–Aksu railway", SXJ, ("korla", "aksu"),
        [(86.15, 41.73), (85.80, 41.75), (85.45, 41.78), (85.10, 41.80), (84.70, 41.80), (84.27, 41.78),
         (83.90, 41.77), (83.60, 41.74), (83.25, 41.72), (82.96, 41.72), (82.60, 41.60), (82.25, 41.50),
         (81.90, 41.40), (81.55, 41.30), (81.20, 41.25), (80.85, 41.22), (80.55, 41.20), (80.26, 41.17)],
        opened=1999, confidence="low", note="Along the southern foot of the Tian Shan via Luntai and Kuqa."),
    _cn("cn-aksu-kashgar", "Aksu–Kashgar railway", SXJ, ("aksu", "kashgar"),
        [(80.26, 41.17), (80.00, 40.95), (79.70, 40.70), (79.40, 40.45), (79.10, 40.20), (78.80, 40.00),
         (78.55, 39.80), (78.20, 39.70), (77.85, 39.62), (77.50, 39.55), (77.10, 39.52), (76.73, 39.49),
         (76.35, 39.46), (75.99, 39.47)], opened=1999, confidence="low", note="Via Bachu and Jiashi."),
]


def _rd(id, name, line, ends, countries, way, sources=(RDS,), **kw):
    return _s(id, name, line, "road", ends, countries, way, list(sources), **kw)


KKH = "Karakoram Highway"
SEGMENTS += [
    _rd("road-almaty-korday", "Almaty–Korday road", "Almaty–Bishkek road (A2)", ("almaty", "korday-ak-zhol"), ["KAZ"],
        [(76.94, 43.27), (76.80, 43.23), (76.62, 43.20), (76.31, 43.22), (76.05, 43.15), (75.75, 43.12),
         (75.45, 43.15), (75.15, 43.17), (74.90, 43.10), (74.72, 42.99)], confidence="medium",
        note="Via Kaskelen, Uzynagash and the Kastek/Kordai pass."),
    _rd("road-korday-bishkek", "Korday–Bishkek road", "Almaty–Bishkek road (A2)", ("korday-ak-zhol", "bishkek"), ["KGZ"],
        [(74.72, 42.99), (74.66, 42.93), (74.59, 42.87)], confidence="medium"),
    _rd("road-bishkek-naryn", "Bishkek–Naryn road", "Bishkek–Torugart road (A365)", ("bishkek", "naryn"), ["KGZ"],
        [(74.59, 42.87), (74.85, 42.89), (75.05, 42.85), (75.29, 42.84), (75.55, 42.72), (75.75, 42.62),
         (75.95, 42.52), (76.19, 42.46), (76.00, 42.33), (75.75, 42.21), (75.75, 42.05), (75.78, 41.85),
         (75.85, 41.65), (75.99, 41.43)], sources=(RDS, "press-2023-07-20"), confidence="medium",
        note="Via Tokmok, the Boom gorge, Balykchy, Kochkor and the Dolon pass."),
    _rd("road-naryn-torugart", "Naryn–Torugart road", "Bishkek–Torugart road (A365)", ("naryn", "torugart"), ["KGZ"],
        [(75.99, 41.43), (75.95, 41.30), (75.80, 41.18), (75.70, 40.98), (75.55, 40.80), (75.40, 40.68),
         (75.39, 40.56)], sources=(RDS, "press-2023-07-20"), confidence="low", note="Via At-Bashy and Chatyr-Kul."),
    _rd("road-torugart-kashgar", "Torugart–Kashgar road", "Torugart–Kashgar road", ("torugart", "kashgar"), ["CHN"],
        [(75.39, 40.56), (75.55, 40.45), (75.70, 40.30), (75.85, 40.15), (76.00, 40.00), (76.10, 39.85),
         (76.17, 39.72), (76.08, 39.58), (75.99, 39.47)], sources=(RDS, "press-2023-07-20"), confidence="low",
        note="Chinese customs at Toyun; via Artux."),
    _rd("road-bishkek-jalal-abad", "Bishkek–Jalal-Abad road", "Bishkek–Osh road (M41)", ("bishkek", "jalal-abad"), ["KGZ"],
        [(74.59, 42.87), (74.30, 42.84), (74.05, 42.75), (73.90, 42.60), (73.82, 42.45), (73.80, 42.33),
         (73.72, 42.18), (73.45, 42.10), (73.20, 42.02), (73.00, 41.92), (72.94, 41.87), (72.85, 41.75),
         (72.87, 41.62), (72.60, 41.45), (72.22, 41.35), (72.40, 41.20), (72.60, 41.10), (72.75, 41.04),
         (73.00, 40.93)], confidence="low",
        note="Via the Too-Ashuu pass, Toktogul and Tash-Kumyr; mountain bends make the real road much longer."),
    _rd("road-jalal-abad-osh", "Jalal-Abad–Osh road", "Bishkek–Osh road (M41)", ("jalal-abad", "osh"), ["KGZ"],
        [(73.00, 40.93), (73.02, 40.76), (72.90, 40.64), (72.80, 40.53)], confidence="medium"),
    _rd("road-osh-irkeshtam", "Osh–Irkeshtam road", "Osh–Sary-Tash–Irkeshtam road", ("osh", "irkeshtam"), ["KGZ"],
        [(72.80, 40.53), (72.95, 40.45), (73.15, 40.38), (73.44, 40.32), (73.45, 40.15), (73.40, 39.95),
         (73.30, 39.80), (73.26, 39.73), (73.45, 39.68), (73.65, 39.68), (73.91, 39.69)],
        sources=(RDS, "press-2023-07-20"), confidence="medium", note="Via Gulcha, the Taldyk pass and Sary-Tash."),
    _rd("road-irkeshtam-kashgar", "Irkeshtam–Kashgar road", "Irkeshtam–Kashgar road", ("irkeshtam", "kashgar"), ["CHN"],
        [(73.91, 39.69), (74.20, 39.70), (74.45, 39.75), (74.70, 39.75), (74.95, 39.72), (75.25, 39.72),
         (75.50, 39.62), (75.75, 39.52), (75.99, 39.47)], sources=(RDS, "press-2023-07-20"), confidence="medium",
        note="Down the Kyzyl-Su valley via Ulugqat (Wuqia)."),
    _rd("kkh-kashgar-tashkurgan", "Kashgar–Tashkurgan road (KKH)", KKH, ("kashgar", "tashkurgan"), ["CHN"],
        [(75.99, 39.47), (75.80, 39.38), (75.55, 39.25), (75.45, 39.05), (75.30, 38.90), (75.10, 38.75),
         (74.98, 38.60), (75.03, 38.44), (75.12, 38.25), (75.22, 38.05), (75.23, 37.90), (75.23, 37.77)],
        sources=(RDS, "press-2023-07-20"), confidence="medium",
        note="Chinese section of the Karakoram Highway (G314) via Upal, the Gez gorge and Karakul Lake."),
    _rd("kkh-tashkurgan-khunjerab", "Tashkurgan–Khunjerab road (KKH)", KKH, ("tashkurgan", "khunjerab"), ["CHN"],
        [(75.23, 37.77), (75.30, 37.55), (75.40, 37.35), (75.45, 37.15), (75.45, 37.00), (75.427, 36.85)],
        sources=(RDS, "press-2023-07-20"), confidence="medium", note="Via Dafdar and Pirali to the pass (4,693 m)."),
    _rd("road-almaty-khorgos", "Almaty–Khorgos road", "Western Europe–Western China road", ("almaty", "khorgos-altynkol"),
        ["KAZ"], [(76.94, 43.27), (77.25, 43.33), (77.55, 43.42), (77.85, 43.52), (78.25, 43.60), (78.55, 43.70),
                  (78.80, 43.82), (79.05, 43.95), (79.35, 44.05), (79.65, 44.10), (79.98, 44.16), (80.20, 44.19),
                  (80.36, 44.20)], sources=(RDS, "press-2023-07-20"), confidence="low",
        note="Via Shelek, Koktal and Zharkent; TIR road route to China."),
    _rd("road-shymkent-zhibek-zholy", "Shymkent–Zhibek Zholy road", "Shymkent–Tashkent road (M39)",
        ("shymkent", "saryagash-zhibek-zholy"), ["KAZ"],
        [(69.59, 42.32), (69.55, 42.15), (69.48, 41.95), (69.40, 41.78), (69.35, 41.60), (69.30, 41.48),
         (69.19, 41.44)], sources=(RDS, "nca-2024-01-24"), confidence="low",
        note="Via Kazygurt; the road post itself lies ~10 km east of the rail border point used as the node."),
]


def _sw(id, name, line, mode, ends, countries, way, sources, confidence="medium", note="", **kw):
    d = dict(id=id, name=name, line=line, mode=mode, status="operational", status_date="2025", gauge_mm=None,
             ends=ends, countries=countries, path=_sea(way), sources=sources, confidence=confidence, note=note)
    d.update(kw)
    return d


# Caspian lanes: offshore off Mangystau, east of the Absheron shelf, round the Krasnovodsk spit into Turkmenbashi bay from the south.
_AKTAU_OUT = [(51.215, 43.598), (51.12, 43.50), (51.05, 43.30)]
SEGMENTS += [
    _sw("ferry-aktau-turkmenbashi", "Aktau–Turkmenbashi ferry", "Trans-Caspian ferries", "ferry",
        ("aktau-port", "turkmenbashi-port"), ["KAZ", "TKM"],
        _AKTAU_OUT + [(51.10, 43.00), (51.30, 42.60), (51.60, 42.20), (51.90, 41.80), (52.20, 41.40),
                      (52.40, 41.00), (52.50, 40.60), (52.55, 40.20), (52.60, 39.90), (52.80, 39.72), (53.08, 39.71), (53.10, 39.85),
                      (53.04, 39.95), (53.00, 39.975)],
        [CSP] + NEWS, note="Rail and truck ferries across the Caspian; links to the Trans-Caspian railway."),
    _sw("ferry-kuryk-turkmenbashi", "Kuryk–Turkmenbashi ferry", "Trans-Caspian ferries", "ferry",
        ("kuryk-port", "turkmenbashi-port"), ["KAZ", "TKM"],
        [(51.655, 43.155), (51.58, 43.05), (51.50, 42.80), (51.60, 42.40), (51.80, 42.00), (52.05, 41.60),
         (52.30, 41.20), (52.45, 40.80), (52.55, 40.40), (52.58, 40.05), (52.62, 39.85), (52.80, 39.72), (53.08, 39.71),
         (53.10, 39.85), (53.04, 39.95), (53.00, 39.975)], [CSP], confidence="low"),
    _sw("sea-aktau-amirabad", "Aktau–Amirabad shipping lane", "North–South corridor (Caspian route)", "sea",
        ("aktau-port", "amirabad-port"), ["KAZ", "IRN"],
        _AKTAU_OUT + [(50.95, 42.80), (50.95, 42.20), (51.05, 41.60), (51.15, 41.00), (51.30, 40.40),
                      (51.55, 39.80), (51.85, 39.20), (52.20, 38.60), (52.55, 38.00), (52.90, 37.45),
                      (53.20, 37.05), (53.33, 36.92), (53.37, 36.855)],
        [CSP] + NEWS, note="Containers from Kazakhstan to Iran's rail-served Caspian port, then by rail south."),
    _sw("sea-aktau-anzali", "Aktau–Bandar Anzali shipping lane", "North–South corridor (Caspian route)", "sea",
        ("aktau-port", "bandar-anzali-port"), ["KAZ", "IRN"],
        _AKTAU_OUT + [(50.95, 42.80), (50.95, 42.20), (51.00, 41.60), (51.05, 41.00), (50.95, 40.40),
                      (50.65, 39.90), (50.30, 39.40), (50.00, 38.85), (49.80, 38.30), (49.60, 37.80),
                      (49.48, 37.55), (49.465, 37.475)],
        [CSP] + NEWS, note="Passes east of the Absheron peninsula."),
    _sw("sea-kuryk-amirabad", "Kuryk–Amirabad shipping lane", "North–South corridor (Caspian route)", "sea",
        ("kuryk-port", "amirabad-port"), ["KAZ", "IRN"],
        [(51.655, 43.155), (51.58, 43.05), (51.40, 42.70), (51.30, 42.20), (51.30, 41.60), (51.35, 41.00),
         (51.45, 40.40), (51.65, 39.80), (51.95, 39.20), (52.25, 38.60), (52.58, 38.00), (52.90, 37.45),
         (53.20, 37.05), (53.33, 36.92), (53.37, 36.855)], [CSP], confidence="low"),
]

# Arabian Sea lanes. From Shahid Rajaee: east between Qeshm and the mainland, between Hormuz and Larak
# islands, south through the Strait of Hormuz, then east along the Makran coast 20-40 km offshore.
_HORMUZ = [(56.065, 27.115), (56.20, 27.07), (56.33, 27.00), (56.42, 26.95), (56.55, 26.75), (56.70, 26.45),
           (56.85, 26.15), (57.00, 25.85), (57.25, 25.55)]
_CHABAHAR_OUT = [(60.615, 25.30), (60.60, 25.22), (60.62, 25.10), (60.75, 25.00)]
_MAKRAN_E = [(61.20, 24.93), (61.75, 24.88), (62.10, 24.95), (62.40, 24.98)]        # Gwatr bay -> off Gwadar
_GWADAR_IN = [(62.40, 24.98), (62.40, 25.06), (62.392, 25.108), (62.345, 25.115)]   # into East Bay
_GWADAR_OUT = [(62.345, 25.115), (62.392, 25.108), (62.40, 25.06), (62.50, 24.97)]
_KARACHI_IN = [(66.45, 24.70), (66.70, 24.68), (66.88, 24.72), (66.95, 24.78), (66.98, 24.835)]
SEGMENTS += [
    _sw("sea-bandar-abbas-gwadar", "Bandar Abbas–Gwadar shipping lane", "Gulf of Oman lanes", "sea",
        ("bandar-abbas-port", "gwadar-port"), ["IRN", "PAK"],
        _HORMUZ + [(57.70, 25.35), (58.30, 25.30), (58.90, 25.25), (59.50, 25.12), (60.10, 25.03), (60.75, 25.00)]
        + _MAKRAN_E + _GWADAR_IN[1:], [GLF] + NEWS,
        note="Through the Strait of Hormuz and along the Makran coast offshore."),
    _sw("sea-gwadar-karachi", "Gwadar–Karachi coastal lane", "Makran coast lane", "sea",
        ("gwadar-port", "karachi-port"), ["PAK"],
        _GWADAR_OUT + [(63.00, 24.93), (63.60, 24.98), (64.10, 24.97), (64.60, 24.95), (65.10, 25.02),
                       (65.60, 25.05), (66.10, 24.90)] + _KARACHI_IN, [GLF, "press-2025-09-02"],
        note="Offshore past Pasni and Ormara, south of Cape Monze, into Karachi harbour by the Manora channel."),
    _sw("sea-bandar-abbas-karachi", "Bandar Abbas–Karachi shipping lane", "Gulf of Oman lanes", "sea",
        ("bandar-abbas-port", "karachi-port"), ["IRN", "PAK"],
        _HORMUZ + [(57.80, 25.15), (58.50, 24.90), (59.30, 24.70), (60.20, 24.55), (61.20, 24.45), (62.20, 24.40),
                   (63.20, 24.40), (64.20, 24.45), (65.20, 24.55), (66.00, 24.62)] + _KARACHI_IN,
        [GLF] + NEWS, note="Direct lane across the Gulf of Oman and the northern Arabian Sea."),
    _sw("sea-chabahar-gwadar", "Chabahar–Gwadar shipping lane", "Makran coast lane", "sea",
        ("chabahar-port", "gwadar-port"), ["IRN", "PAK"], _CHABAHAR_OUT + _MAKRAN_E + _GWADAR_IN[1:], [GLF],
        confidence="low", note="Short coastal hop between the two Makran ports (about 170 km)."),
    _sw("sea-chabahar-karachi", "Chabahar–Karachi shipping lane", "Makran coast lane", "sea",
        ("chabahar-port", "karachi-port"), ["IRN", "PAK"],
        _CHABAHAR_OUT + [(61.50, 24.75), (62.50, 24.62), (63.50, 24.60), (64.50, 24.60), (65.50, 24.60),
                         (66.20, 24.65)] + _KARACHI_IN, [GLF], confidence="low"),
]

NODES += [
    _c("kyzylorda", "Kyzylorda", (65.51, 44.85), "KAZ", [KTZ], dict(ru="Кызылорда", kk="Қызылорда"),
       confidence="medium"),
    _c("karaganda", "Karaganda", (73.10, 49.81), "KAZ", [KZC], dict(ru="Караганда", kk="Қарағанды", ur="قراغاندا"),
       note="Coal and steel centre on the main line from Astana to the south."),
    _c("mointy", "Mointy (Moiynty)", (73.35, 47.22), "KAZ", [KZC], dict(ru="Мойынты", kk="Мойынты"),
       kind="junction", modes=("rail",), confidence="medium",
       note="Junction of the Karaganda–Shu line with the lines to Balkhash and east to Aktogay."),
    _c("shalkar", "Shalkar", (59.61, 47.83), "KAZ", [KTZ], dict(ru="Шалкар", kk="Шалқар"), kind="junction",
       confidence="medium", note="Junction of the Orenburg–Tashkent line and the Shalkar–Beyneu line (2014)."),
    _c("iranshahr", "Iranshahr", (60.68, 27.20), "IRN", [IRR], dict(ru="Ираншехр"), confidence="medium"),
    _c("jalal-abad", "Jalal-Abad", (73.00, 40.93), "KGZ", [RDS], dict(ru="Джалал-Абад", kk="Жалал-Абад"),
       confidence="medium"),
]

SEGMENTS += [
    _kz("kz-arys-kyzylorda", "Arys–Kyzylorda railway", "Orenburg–Tashkent railway", ("arys", "kyzylorda"),
        [(68.80, 42.43), (68.55, 42.85), (68.25, 43.30), (67.95, 43.50), (67.60, 43.70), (67.25, 43.91),
         (66.75, 44.17), (66.40, 44.40), (66.00, 44.60), (65.51, 44.85)], opened=1906, confidence="medium",
        note="Along the Syr Darya via Turkestan and Shieli."),
    _kz("kz-kyzylorda-shalkar", "Kyzylorda–Shalkar railway", "Orenburg–Tashkent railway", ("kyzylorda", "shalkar"),
        [(65.51, 44.85), (65.00, 45.00), (64.50, 45.22), (64.08, 45.49), (63.70, 45.60), (63.32, 45.62),
         (62.70, 45.78), (62.10, 45.87), (61.90, 46.15), (61.80, 46.45), (61.67, 46.80), (61.40, 47.05),
         (61.00, 47.28), (60.55, 47.55), (60.10, 47.72), (59.61, 47.83)], opened=1905, confidence="medium",
        note="Via Zhosaly, Baikonur, Kazaly and Aralsk."),
    _kz("kz-shalkar-beyneu", "Shalkar–Beyneu railway", "Zhezkazgan–Beyneu railway", ("shalkar", "beyneu"),
        [(59.61, 47.83), (59.20, 47.55), (58.75, 47.25), (58.30, 46.95), (57.85, 46.65), (57.40, 46.35),
         (56.90, 46.05), (56.40, 45.80), (55.90, 45.60), (55.50, 45.45), (55.20, 45.32)], opened=2014,
        confidence="low", note="Western part of the 2014 line linking central Kazakhstan with the Caspian ports."),
    _ir("ir-chabahar-iranshahr", "Chabahar–Iranshahr railway", "Chabahar–Zahedan railway", ("chabahar-port", "iranshahr"),
        [(60.615, 25.30), (60.55, 25.50), (60.45, 25.75), (60.35, 26.00), (60.25, 26.25), (60.35, 26.55),
         (60.50, 26.85), (60.60, 27.05), (60.68, 27.20)], status="under_construction", confidence="low",
        sources=[IRR, GLF], note="Under construction (India-backed); alignment approximate via Nikshahr."),
    _ir("ir-iranshahr-zahedan", "Iranshahr–Zahedan railway", "Chabahar–Zahedan railway", ("iranshahr", "zahedan"),
        [(60.68, 27.20), (60.85, 27.45), (61.00, 27.75), (61.10, 28.00), (61.20, 28.22), (61.15, 28.50),
         (61.05, 28.80), (60.95, 29.10), (60.90, 29.30), (60.86, 29.50)], status="under_construction",
        confidence="low", note="Under construction via Khash; alignment approximate."),
]

TRANSKAZ = "Trans-Kazakhstan main line (Astana–Shu)"
SEGMENTS += [
    _kz("kz-astana-karaganda", "Astana–Karaganda railway", TRANSKAZ, ("astana", "karaganda"),
        [(71.43, 51.13), (71.62, 51.02), (71.85, 50.90), (72.10, 50.78), (72.33, 50.67), (72.56, 50.56),
         (72.75, 50.35), (72.92, 50.12), (73.05, 49.95), (73.10, 49.81)], sources=[KZC, KTZ], opened=1931,
        confidence="medium", note="Double-track electrified main line via Osakarovka."),
    _kz("kz-karaganda-mointy", "Karaganda–Mointy railway", TRANSKAZ, ("karaganda", "mointy"),
        [(73.10, 49.81), (73.05, 49.60), (72.98, 49.40), (72.92, 49.18), (72.86, 48.95), (72.85, 48.70),
         (72.86, 48.45), (72.87, 48.26), (73.00, 48.00), (73.12, 47.75), (73.25, 47.47), (73.35, 47.22)],
        sources=[KZC, KTZ], opened=1953, confidence="low",
        note="South across the Kazakh uplands via Karabas, Zharyk and Agadyr; alignment south of Agadyr approximate."),
    _kz("kz-mointy-shu", "Mointy–Shu railway", TRANSKAZ, ("mointy", "shu"),
        [(73.35, 47.22), (73.45, 46.95), (73.55, 46.65), (73.60, 46.38), (73.62, 46.12), (73.67, 45.85),
         (73.75, 45.55), (73.82, 45.25), (73.87, 44.95), (73.90, 44.65), (73.88, 44.35), (73.83, 44.05),
         (73.78, 43.80), (73.76, 43.60)], sources=[KZC, KTZ], opened=1953, confidence="low",
        note="Past Sary-Shagan on the west shore of Lake Balkhash and across the Betpak-Dala desert to the "
             "Turksib at Shu; the shortest rail link between Astana and Almaty."),
    _rd("road-islam-qala-mashhad", "Dogharoun–Taybad–Fariman–Mashhad road", "Herat–Mashhad road (AH1)",
        ("islam-qala", "mashhad"), ["IRN"],
        [(61.055, 34.66), (60.96, 34.67), (60.87, 34.71), (60.78, 34.74), (60.74, 34.88), (60.69, 35.02),
         (60.65, 35.14), (60.62, 35.24), (60.45, 35.38), (60.25, 35.50), (60.05, 35.62), (59.85, 35.71),
         (59.80, 35.85), (59.77, 35.99), (59.70, 36.14), (59.60, 36.29)], sources=(IRD,),
        confidence="medium",
        note="From the Dogharoun customs post via Taybad, Torbat-e Jam, Fariman and Sang Bast; the main road "
             "from Herat to Mashhad and on to Iranian ports."),
]

CKU = "China–Kyrgyzstan–Uzbekistan railway"
SEGMENTS += [
    _s("cku-kashgar-torugart", "Kashgar–Torugart railway (CKU)", CKU, "rail", ("kashgar", "torugart"), ["CHN"],
       [(75.99, 39.47), (76.10, 39.62), (76.08, 39.80), (75.95, 39.98), (75.80, 40.15), (75.62, 40.32),
        (75.47, 40.47), (75.39, 40.56)], ["ref-cku-railway"], status="under_construction", gauge_mm=1435,
       confidence="low", expected=2030, note="Construction launched in December 2024; alignment indicative."),
    _s("cku-torugart-jalal-abad", "Torugart–Makmal–Jalal-Abad railway (CKU)", CKU, "rail", ("torugart", "jalal-abad"),
       ["KGZ"], [(75.39, 40.56), (75.10, 40.62), (74.85, 40.75), (74.60, 40.90), (74.40, 41.10), (74.25, 41.25),
                 (74.00, 41.38), (73.70, 41.25), (73.40, 41.10), (73.15, 40.98), (73.00, 40.93)],
       ["ref-cku-railway"], status="under_construction", gauge_mm=1435, confidence="low", expected=2030,
       note="Kyrgyz section via the Arpa valley, Makmal and Kazarman; 1435 mm; alignment indicative."),
]


if __name__ == "__main__":
    # Self-check: lengths, path ends vs own nodes, sea legs vs land, rail vs Natural Earth (check only).
    import json
    import sys
    sys.path.insert(0, "/work/main")
    from geodata.measure import line_length_km
    from shapely.geometry import LineString, Point, shape
    from shapely.ops import nearest_points, unary_union

    def km(a, b):
        return _GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000.0

    def near_km(p, geom):
        q = nearest_points(Point(p), geom)[1]
        return km(p, (q.x, q.y))

    own = {n["id"]: n["lonlat"] for n in NODES}
    ids = [s["id"] for s in SEGMENTS] + list(own)
    assert len(ids) == len(set(ids)), "duplicate ids"
    feats = json.load(open("/work/main/resources/basemap/countries_region.geojson"))["features"]
    land = unary_union([shape(f["geometry"]) for f in feats])
    try:
        ne = json.load(open("/work/shared/reference/ne_railroads_region.geojson"))["features"]
        rails = unary_union([shape(f["geometry"]) for f in ne])
    except OSError:
        rails = None
    bad = 0
    for s in SEGMENTS:
        path, notes = s["path"], []
        for end, p in zip(s["ends"], (path[0], path[-1])):
            if end in own and km(p, own[end]) > 5:
                notes.append(f"END {end} off {km(p, own[end]):.1f} km"); bad += 1
        if s["mode"] in ("sea", "ferry"):
            ports = [own.get(e, p) for e, p in zip(s["ends"], (path[0], path[-1]))]
            hit = LineString(path).intersection(land)
            pts = [c for g in getattr(hit, "geoms", [hit]) for c in getattr(g, "coords", [])] if not hit.is_empty else []
            far = [c for c in pts if min(km(c, q) for q in ports) > 3]
            notes.append(f"land crossings: {len(far)}"); bad += bool(far)
        elif s["mode"] == "rail" and rails is not None:
            d = [near_km(p, rails) for p in path]
            notes.append(f"NE rail within 10 km: {sum(x <= 10 for x in d) / len(d):.0%}")
        print(f"{s['id']:32s} {s['mode']:5s} {line_length_km(path):7.0f} km  {'; '.join(notes)}")
    print(f"{len(NODES)} nodes, {len(SEGMENTS)} segments, {len(SOURCES)} sources; problems: {bad}")


# Urdu names where they were missing, and Kazakh for the Iranian towns (issue 8).
from common import add_names  # noqa: E402

add_names(NODES, {
    "khorgos-eastern-gate": {"ur": "خورگوس مشرقی دروازہ خشک بندرگاہ"}, "shu": {"ur": "شو"}, "arys": {"ur": "آریس"},
    "zhetygen": {"ur": "ژیتیگن"}, "aktogay": {"ur": "آقتوغائی"}, "beyneu": {"ur": "بینیو"},
    "mangyshlak": {"ur": "منگیشلاک"}, "zhanaozen": {"ur": "ژانا اوزن"}, "naryn": {"ur": "نارین"},
    "kuytun": {"ur": "کوئیتون"}, "jinghe": {"ur": "جنگہی"}, "korla": {"ur": "کورلا"}, "aksu": {"ur": "آقسو"},
    "qazvin": {"ur": "قزوین"}, "kashan": {"ur": "کاشان"}, "bafq": {"ur": "بافق"}, "bam": {"ur": "بم"},
    "garmsar": {"ur": "گرمسار"}, "semnan": {"ur": "سمنان"}, "shahrud": {"ur": "شاہرود"},
    "torbat-e-heydarieh": {"kk": "Торбете-Хейдарие", "ur": "تربت حیدریہ"},
    "behshahr": {"kk": "Бехшехр", "ur": "بہشہر"}, "sari": {"ur": "ساری"}, "kyzylorda": {"ur": "قزل اوردا"},
    "mointy": {"ur": "موئینتی"}, "shalkar": {"ur": "شالقار"}, "iranshahr": {"kk": "Ираншехр", "ur": "ایرانشہر"},
    "jalal-abad": {"ur": "جلال آباد"},
})
