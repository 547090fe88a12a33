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
    _n("ghulam-khan", "Ghulam Khan", "border_crossing", (69.995, 33.145), ["road"], [BD],
       countries=["PAK", "AFG"], confidence="medium", name_other_side="Gurbuz (Khost)",
       note="North Waziristan crossing on the Miranshah–Khost road, about midway between the two towns.",
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

# --- cities and junctions ---
def _c(id, name, lonlat, modes, ru, ur, kind="city", confidence="high", note="", sources=None):
    return _n(id, name, kind, lonlat, modes, sources or [RW], confidence=confidence, note=note,
              names=(name, ru, ur))


NODES += [
    _c("karachi", "Karachi", (67.030, 24.860), ["rail", "road"], "Карачи", "کراچی", sources=[RD, RW],
       note="City centre; start of N-5, N-25, N-10 and M-9."),
    _c("bin-qasim", "Bin Qasim", (67.330, 24.845), ["rail"], "Бин-Касим", "بن قاسم", kind="junction",
       confidence="medium", note="ML-1 station east of Landhi; rail spur to Port Qasim."),
    _c("kotri", "Kotri", (68.305, 25.367), ["rail"], "Котри", "کوٹری", kind="junction",
       note="ML-1/ML-2 junction on the right bank of the Indus opposite Hyderabad."),
    _c("hyderabad", "Hyderabad", (68.368, 25.395), ["rail", "road"], "Хайдарабад", "حیدرآباد", sources=[RW, RD]),
    _c("rohri", "Rohri", (68.897, 27.692), ["rail", "road"], "Рохри", "روہڑی", kind="junction", sources=[RW, RD],
       note="ML-1/ML-3 junction; Sukkur lies across the Indus."),
    _c("multan", "Multan", (71.470, 30.195), ["rail", "road"], "Мултан", "ملتان", sources=[RW, RD]),
    _c("khanewal", "Khanewal", (71.930, 30.300), ["rail"], "Ханевал", "خانیوال", kind="junction"),
    _c("lahore", "Lahore", (74.335, 31.578), ["rail", "road"], "Лахор", "لاہور", sources=[RW, RD]),
    _c("rawalpindi", "Rawalpindi", (73.060, 33.600), ["rail", "road"], "Равалпинди", "راولپنڈی"),
    _c("islamabad", "Islamabad", (73.060, 33.695), ["road"], "Исламабад", "اسلام آباد", sources=[RD],
       note="Capital; M-1/M-2 motorway hub."),
    _c("attock-city", "Attock City", (72.360, 33.770), ["rail"], "Аттак", "اٹک", kind="junction",
       note="ML-1/ML-2 junction (Campbellpur)."),
    _c("peshawar", "Peshawar", (71.550, 34.005), ["rail", "road"], "Пешавар", "پشاور", sources=[RW, RD, "press-2023-07-20"],
       note="Peshawar Cantonment, ML-1 terminus; N-5 to Torkham."),
    _c("kohat", "Kohat", (71.440, 33.585), ["rail", "road"], "Кохат", "کوہاٹ", sources=[RW, RD, "nca-2024-01-24"],
       note="End of the broad-gauge Kohat branch; planned extension to Tal and Kharlachi."),
    _c("bannu", "Bannu", (70.600, 32.990), ["road"], "Банну", "بنوں", sources=[RD]),
    _c("havelian", "Havelian", (73.160, 34.053), ["road"], "Хавелиан", "حویلیاں", sources=[RD, RW],
       note="Railhead of the Taxila-Havelian branch; Karakoram Highway section north begins here."),
    _c("gilgit", "Gilgit", (74.310, 35.920), ["road"], "Гилгит", "گلگت", sources=[RD]),
    _c("quetta", "Quetta", (66.997, 30.190), ["rail", "road"], "Кветта", "کوئٹہ", sources=[RW, RD, "nca-2024-01-24"]),
    _c("spezand", "Spezand", (66.990, 29.975), ["rail"], "Спезанд", "سپیزنڈ", kind="junction", confidence="medium",
       note="Junction of the Bolan line and the Quetta-Taftan line south of Quetta."),
    _c("sibi", "Sibi", (67.877, 29.545), ["rail", "road"], "Сиби", "سبی", kind="junction"),
    _c("jacobabad", "Jacobabad", (68.437, 28.282), ["rail", "road"], "Джекобабад", "جیکب آباد", kind="junction",
       note="ML-2/ML-3 crossing."),
    _c("dera-ghazi-khan", "Dera Ghazi Khan", (70.600, 30.040), ["rail", "road"], "Дера-Гази-Хан", "ڈیرہ غازی خان"),
    _c("jand", "Jand", (72.020, 33.430), ["rail"], "Джанд", "جنڈ", kind="junction", confidence="medium",
       note="ML-2 junction for the Kohat branch."),
    _c("kundian", "Kundian", (71.480, 32.455), ["rail"], "Кундиан", "کندیاں", kind="junction"),
    _c("mastung", "Mastung", (66.845, 29.800), ["road"], "Мастунг", "مستونگ", sources=[RD, PL], confidence="medium"),
    _c("turbat", "Turbat", (63.050, 26.000), ["road"], "Турбат", "تربت", sources=[RD, PL]),
]


def _dense(path, max_km=28.0):
    """Split any step longer than max_km by geodesic interpolation (long straight desert/plain runs)."""
    from pyproj import Geod
    geod = Geod(ellps="WGS84")
    out = [tuple(path[0])]
    for a, b in zip(path, path[1:]):
        d = geod.inv(a[0], a[1], b[0], b[1])[2] / 1000.0
        n = int(d // max_km)
        if n:
            out += [(round(x, 3), round(y, 3)) for x, y in geod.npts(a[0], a[1], b[0], b[1], n)]
        out.append(tuple(b))
    return out


def _s(id, name, line, mode, ends, path, sources, confidence="high", status="operational",
       note="", gauge_mm="auto", status_date="2025", countries=("PAK",), **extra):
    if gauge_mm == "auto":
        gauge_mm = 1676 if mode == "rail" else None
    return dict(id=id, name=name, line=line, mode=mode, status=status, status_date=status_date,
                gauge_mm=gauge_mm, ends=ends, countries=list(countries), path=_dense(path), sources=sources,
                confidence=confidence, note=note, **extra)


SEGMENTS = []

# --- ML-1 Karachi - Peshawar (1676 mm, double track most of the way) ---
SEGMENTS += [
    _s("ml1-karachi-binqasim", "ML-1 Karachi Port–Bin Qasim", "ML-1", "rail", ("karachi-port", "bin-qasim"),
       [(66.975, 24.835), (67.000, 24.852), (67.040, 24.850), (67.120, 24.885), (67.190, 24.875),
        (67.225, 24.845), (67.330, 24.845)], [RW, "press-2023-07-20"], opened=1861,
       note="Kiamari - Karachi City - Karachi Cantt - Drigh Road - Landhi - Bin Qasim."),
    _s("ml1-binqasim-kotri", "ML-1 Bin Qasim–Kotri", "ML-1", "rail", ("bin-qasim", "kotri"),
       [(67.330, 24.845), (67.430, 24.820), (67.530, 24.790), (67.650, 24.800), (67.770, 24.860),
        (67.900, 24.940), (68.020, 25.020), (68.130, 25.170), (68.200, 25.250), (68.305, 25.367)],
       [RW], opened=1861, note="Via Dhabeji, Jungshahi, Jhimpir, Meting, Bholari."),
    _s("ml1-kotri-hyderabad", "ML-1 Kotri–Hyderabad", "ML-1", "rail", ("kotri", "hyderabad"),
       [(68.305, 25.367), (68.340, 25.380), (68.368, 25.395)], [RW], opened=1861,
       note="Crosses the Indus on the Kotri bridge."),
    _s("port-qasim-spur", "Bin Qasim–Port Qasim rail spur", "Port Qasim spur", "rail", ("bin-qasim", "port-qasim"),
       [(67.330, 24.845), (67.340, 24.810), (67.345, 24.775)], [RW, PT], confidence="medium",
       note="Freight spur from ML-1 (Pipri/Bin Qasim) to the port's terminals."),
]
SEGMENTS += [
    _s("ml1-hyderabad-rohri", "ML-1 Hyderabad–Rohri", "ML-1", "rail", ("hyderabad", "rohri"),
       [(68.368, 25.395), (68.450, 25.500), (68.550, 25.620), (68.660, 25.765), (68.620, 25.930),
        (68.520, 26.080), (68.410, 26.245), (68.320, 26.450), (68.300, 26.620), (68.300, 26.770),
        (68.330, 26.950), (68.420, 27.100), (68.500, 27.290), (68.620, 27.420), (68.760, 27.530),
        (68.897, 27.692)], [RW], opened=1879,
       note="Via Tando Adam, Shahdadpur, Nawabshah, Padidan, Mehrabpur, Ranipur, Khairpur."),
    _s("ml1-rohri-khanewal", "ML-1 Rohri–Khanewal", "ML-1", "rail", ("rohri", "khanewal"),
       [(68.897, 27.692), (69.110, 27.860), (69.320, 28.005), (69.550, 28.020), (69.830, 28.100),
        (70.130, 28.310), (70.300, 28.420), (70.480, 28.530), (70.660, 28.645), (70.800, 28.800),
        (70.950, 28.930), (71.100, 29.040), (71.260, 29.140), (71.400, 29.260), (71.530, 29.340),
        (71.680, 29.395), (71.650, 29.470), (71.630, 29.540), (71.520, 29.680), (71.400, 29.800),
        (71.300, 29.880), (71.360, 30.050), (71.470, 30.195), (71.600, 30.240), (71.780, 30.280), (71.930, 30.300)], [RW], opened=1880,
       note="Via Ghotki, Rahim Yar Khan, Khanpur, Samasata, Bahawalpur, Lodhran, Multan Cantt."),
    _s("ml1-khanewal-lahore", "ML-1 Khanewal–Lahore", "ML-1", "rail", ("khanewal", "lahore"),
       [(71.930, 30.300), (72.150, 30.380), (72.350, 30.440), (72.700, 30.530), (72.870, 30.630),
        (73.100, 30.665), (73.270, 30.740), (73.450, 30.810), (73.600, 30.880), (73.850, 31.020),
        (74.000, 31.120), (74.210, 31.250), (74.310, 31.450), (74.335, 31.578)], [RW], opened=1865,
       note="Via Mian Channu, Sahiwal, Okara, Pattoki, Raiwind."),
    _s("ml1-lahore-rawalpindi", "ML-1 Lahore–Rawalpindi", "ML-1", "rail", ("lahore", "rawalpindi"),
       [(74.335, 31.578), (74.300, 31.620), (74.270, 31.720), (74.260, 31.800), (74.230, 31.900),
        (74.220, 31.975), (74.185, 32.150), (74.150, 32.300), (74.120, 32.440), (74.080, 32.575),
        (73.960, 32.700), (73.860, 32.810), (73.760, 32.900), (73.730, 32.930), (73.600, 33.030),
        (73.480, 33.060), (73.420, 33.120), (73.300, 33.255), (73.240, 33.360), (73.190, 33.490),
        (73.100, 33.590), (73.060, 33.600)], [RW], opened=1886,
       note="Via Gujranwala, Wazirabad, Gujrat, Lalamusa, Jhelum, Gujar Khan."),
    _s("ml1-rawalpindi-attock", "ML-1 Rawalpindi–Attock City", "ML-1", "rail", ("rawalpindi", "attock-city"),
       [(73.060, 33.600), (72.980, 33.700), (72.900, 33.730), (72.830, 33.750), (72.690, 33.820),
        (72.520, 33.820), (72.360, 33.770)], [RW], opened=1881, note="Via Golra Sharif, Taxila, Hasan Abdal."),
    _s("ml1-attock-peshawar", "ML-1 Attock City–Peshawar", "ML-1", "rail", ("attock-city", "peshawar"),
       [(72.360, 33.770), (72.250, 33.885), (72.170, 33.950), (72.120, 34.000), (71.975, 34.015),
        (71.790, 34.010), (71.680, 34.000), (71.550, 34.005)], [RW], opened=1883,
       note="Crosses the Indus at Attock Khurd; via Akora Khattak, Nowshera, Pabbi."),
]

# --- ML-2 Kotri - Attock City (right bank of the Indus; reduced service) ---
_ML2 = "Operational with reduced passenger and freight service."
SEGMENTS += [
    _s("ml2-kotri-jacobabad", "ML-2 Kotri–Jacobabad", "ML-2", "rail", ("kotri", "jacobabad"),
       [(68.305, 25.367), (68.290, 25.480), (68.260, 25.650), (68.230, 25.800), (68.220, 25.920),
        (68.200, 26.050), (68.020, 26.200), (67.900, 26.300), (67.870, 26.425), (67.720, 26.550),
        (67.780, 26.730), (67.820, 26.900), (67.880, 27.060), (67.950, 27.200), (68.080, 27.380),
        (68.210, 27.560), (68.400, 27.700), (68.560, 27.830), (68.600, 27.920), (68.540, 28.100),
        (68.437, 28.282)],
       [RW], confidence="medium", note=_ML2 + " Via Sehwan, Dadu, Mehar, Larkana.", opened=1900),
    _s("ml2-jacobabad-dgkhan", "ML-2 Jacobabad–Dera Ghazi Khan", "ML-2", "rail", ("jacobabad", "dera-ghazi-khan"),
       [(68.437, 28.282), (68.600, 28.260), (68.780, 28.240), (68.980, 28.240), (69.180, 28.240),
        (69.400, 28.330), (69.580, 28.430), (69.850, 28.650), (70.100, 28.880), (70.330, 29.100),
        (70.420, 29.300), (70.480, 29.480), (70.530, 29.640), (70.560, 29.850), (70.600, 30.040)],
       [RW], confidence="medium", note=_ML2 + " Via Thul, Kandhkot, Kashmore, Rajanpur, Jampur."),
    _s("ml2-dgkhan-kundian", "ML-2 Dera Ghazi Khan–Kundian", "ML-2", "rail", ("dera-ghazi-khan", "kundian"),
       [(70.600, 30.040), (70.630, 30.250), (70.780, 30.450), (70.970, 30.470), (70.950, 30.700),
        (70.940, 30.965), (70.950, 31.220), (71.000, 31.420), (71.070, 31.630), (71.100, 31.790),
        (71.200, 32.020), (71.330, 32.250), (71.480, 32.455)],
       [RW], confidence="medium", note=_ML2 + " Crosses the Indus to Kot Adu; via Layyah, Bhakkar, Darya Khan."),
    _s("ml2-kundian-jand", "ML-2 Kundian–Jand", "ML-2", "rail", ("kundian", "jand"),
       [(71.480, 32.455), (71.540, 32.580), (71.550, 32.750), (71.570, 32.870), (71.700, 33.050),
        (71.850, 33.250), (72.020, 33.430)],
       [RW], confidence="medium", note=_ML2 + " Via Mianwali, Daud Khel."),
    _s("ml2-jand-attock", "ML-2 Jand–Attock City", "ML-2", "rail", ("jand", "attock-city"),
       [(72.020, 33.430), (72.250, 33.560), (72.300, 33.660), (72.360, 33.770)],
       [RW], confidence="medium", note=_ML2 + " Via Basal."),
    _s("kohat-branch", "Jand–Kohat branch", "Kohat branch", "rail", ("jand", "kohat"),
       [(72.020, 33.430), (71.930, 33.480), (71.800, 33.520), (71.650, 33.550), (71.520, 33.570),
        (71.440, 33.585)], [RW], confidence="medium",
       note="Broad-gauge branch crossing the Indus at Khushalgarh; limited service. The old line beyond "
            "Kohat to Thal is closed."),
]

# --- ML-3 Rohri - Quetta - Chaman, and the Quetta - Taftan - Zahedan line ---
SEGMENTS += [
    _s("ml3-rohri-jacobabad", "ML-3 Rohri–Jacobabad", "ML-3", "rail", ("rohri", "jacobabad"),
       [(68.897, 27.692), (68.860, 27.705), (68.760, 27.780), (68.660, 27.850), (68.600, 27.920),
        (68.540, 28.100), (68.437, 28.282)], [RW], opened=1879,
       note="Crosses the Indus to Sukkur; via Ruk and Habib Kot."),
    _s("ml3-jacobabad-sibi", "ML-3 Jacobabad–Sibi", "ML-3", "rail", ("jacobabad", "sibi"),
       [(68.437, 28.282), (68.350, 28.370), (68.220, 28.550), (68.120, 28.700), (68.050, 28.850),
        (68.000, 29.000), (67.950, 29.200), (67.910, 29.380), (67.877, 29.545)], [RW], opened=1880,
       note="Across the Kachhi plain via Dera Allah Yar, Dera Murad Jamali, Nuttal, Bellpat."),
    _s("ml3-sibi-spezand", "ML-3 Sibi–Spezand (Bolan Pass)", "ML-3", "rail", ("sibi", "spezand"),
       [(67.877, 29.545), (67.780, 29.560), (67.700, 29.580), (67.570, 29.650), (67.470, 29.710),
        (67.400, 29.770), (67.330, 29.870), (67.230, 29.900), (67.130, 29.900), (67.050, 29.950),
        (66.990, 29.975)], [RW], opened=1886,
       note="Bolan Pass line via Rindli, Ab-i-Gum, Mach, Kolpur; steep graded mountain section."),
    _s("ml3-spezand-quetta", "ML-3 Spezand–Quetta", "ML-3", "rail", ("spezand", "quetta"),
       [(66.990, 29.975), (67.000, 30.080), (66.997, 30.190)], [RW], opened=1887),
    _s("ml3-quetta-chaman", "ML-3 Quetta–Chaman (Khojak)", "ML-3", "rail", ("quetta", "chaman-spin-boldak"),
       [(66.997, 30.190), (66.980, 30.300), (67.000, 30.430), (66.900, 30.540), (66.750, 30.600),
        (66.640, 30.720), (66.560, 30.850), (66.450, 30.915), (66.432, 30.928)],
       [RW, "menafn-2025-12"], confidence="medium", opened=1892,
       note="Operational with limited service; via Bostan, Gulistan, Killa Abdullah, Shelabagh and the "
            "Khojak tunnel to the Chaman railhead at the Afghan border."),
]
SEGMENTS += [
    _s("quetta-taftan-rail", "Spezand–Taftan railway", "Quetta–Taftan", "rail", ("spezand", "taftan-mirjaveh"),
       [(66.990, 29.975), (66.850, 29.930), (66.700, 29.880), (66.550, 29.800), (66.350, 29.700),
        (66.180, 29.620), (66.020, 29.550), (65.900, 29.400), (65.700, 29.250), (65.450, 29.150),
        (65.200, 29.100), (64.950, 29.020), (64.700, 28.950), (64.410, 28.890), (64.150, 28.820),
        (63.830, 28.750), (63.550, 28.770), (63.300, 28.800), (63.020, 28.810), (62.750, 28.820),
        (62.500, 28.850), (62.250, 28.880), (62.000, 28.920), (61.800, 28.950), (61.575, 28.972)],
       [RW], confidence="medium", opened=1918,
       note="Operational with limited service (freight and a weekly-type passenger train); via Kardgap, "
            "Nushki, Dalbandin, Yakmach, Nok Kundi to the Iranian border at Taftan."),
    _s("taftan-zahedan-rail", "Taftan–Mirjaveh–Zahedan railway", "Quetta–Taftan", "rail",
       ("taftan-mirjaveh", "zahedan"),
       [(61.575, 28.972), (61.450, 29.020), (61.300, 29.100), (61.150, 29.250), (61.000, 29.380),
        (60.860, 29.500)], [RW], confidence="medium", countries=["IRN"], opened=1922,
       note="1676 mm broad gauge continues inside Iran to Zahedan, where it meets the 1435 mm "
            "Iranian network (break of gauge at Zahedan)."),
]

# --- planned railways ---
_ML4 = ("Planned ML-4 (CPEC); alignment indicative only, drawn along the likely corridor through the "
        "named towns; no construction started.")
SEGMENTS += [
    _s("ml4-gwadar-turbat", "ML-4 Gwadar–Turbat (planned)", "ML-4", "rail", ("gwadar-port", "turbat"),
       [(62.345, 25.115), (62.380, 25.300), (62.480, 25.500), (62.650, 25.700), (62.850, 25.880),
        (63.050, 26.000)], [PL, "nca-2024-01-24"], status="planned", status_date="2024",
       confidence="low", note=_ML4),
    _s("ml4-turbat-mastung", "ML-4 Turbat–Mastung (planned)", "ML-4", "rail", ("turbat", "mastung"),
       [(63.050, 26.000), (63.350, 26.000), (63.600, 26.010), (63.900, 26.020), (63.980, 26.300),
        (64.030, 26.600), (64.100, 26.970), (64.350, 27.080), (64.600, 27.200), (64.850, 27.320),
        (65.100, 27.460), (65.350, 27.620), (65.600, 27.780), (65.880, 27.910), (66.050, 28.150),
        (66.150, 28.330), (66.260, 28.490), (66.400, 28.750), (66.590, 29.030), (66.650, 29.300),
        (66.750, 29.550), (66.845, 29.800)], [PL, "nca-2024-01-24"], status="planned", status_date="2024",
       confidence="low", note=_ML4 + " Via Hoshab, Panjgur, Basima, Surab, Kalat."),
    _s("ml4-mastung-quetta", "ML-4 Mastung–Quetta (planned)", "ML-4", "rail", ("mastung", "quetta"),
       [(66.845, 29.800), (66.930, 29.950), (66.980, 30.080), (66.997, 30.190)],
       [PL, "nca-2024-01-24"], status="planned", status_date="2024", confidence="medium", note=_ML4),
    _s("kohat-kharlachi-rail", "Kohat–Tal–Kharlachi railway (planned)", "Kohat–Kharlachi", "rail",
       ("kohat", "kharlachi"),
       [(71.440, 33.585), (71.300, 33.550), (71.160, 33.540), (71.060, 33.530), (70.900, 33.450),
        (70.730, 33.420), (70.550, 33.370), (70.400, 33.480), (70.330, 33.600), (70.330, 33.700),
        (70.250, 33.800), (70.100, 33.900), (69.970, 33.860)],
       [PL, "nca-2024-01-24"], status="planned", status_date="2024", confidence="low",
       note="Planned extension of the Kohat branch via Hangu, Tal (Thal), Sadda and Parachinar to the "
            "Kharlachi border; alignment indicative. Kazakhstan expressed interest (Jan 2024)."),
    _s("uap-peshawar-torkham", "Trans-Afghan railway: Peshawar–Torkham (planned)", "Trans-Afghan (UAP)", "rail",
       ("peshawar", "torkham"),
       [(71.550, 34.005), (71.450, 34.000), (71.380, 34.000), (71.300, 34.040), (71.220, 34.080),
        (71.150, 34.100), (71.092, 34.125)], [PL], status="planned", status_date="2025", confidence="low",
       note="Pakistani end of the planned Uzbekistan-Afghanistan-Pakistan railway via Jamrud and Landi Kotal; "
            "alignment indicative; gauge undecided (1520 mm on the Afghan side discussed), 1676 mm shown."),
]

# --- roads: Karakoram Highway and the Afghan border roads ---
_TIR = "press-2023-07-20"
SEGMENTS += [
    _s("kkh-havelian-gilgit", "Karakoram Highway Havelian–Gilgit", "N-35 Karakoram Highway", "road",
       ("havelian", "gilgit"),
       [(73.160, 34.053), (73.215, 34.150), (73.240, 34.250), (73.200, 34.330), (73.270, 34.470),
        (73.150, 34.580), (73.020, 34.680), (72.970, 34.780), (72.930, 34.860), (72.870, 34.930),
        (72.970, 35.030), (73.080, 35.100), (73.170, 35.200), (73.290, 35.290), (73.400, 35.400),
        (73.500, 35.500), (73.570, 35.530), (73.750, 35.500), (73.950, 35.450), (74.100, 35.420),
        (74.300, 35.450), (74.450, 35.480), (74.590, 35.490), (74.620, 35.600), (74.630, 35.720),
        (74.500, 35.820), (74.400, 35.880), (74.310, 35.920)], [RD, _TIR],
       note="Via Abbottabad, Mansehra, Battagram, Thakot, Besham, Dasu, Shatial, Chilas, Raikot; "
            "Dasu and Diamer-Bhasha dam works cause realignments; landslides close it at times."),
    _s("kkh-gilgit-sost", "Karakoram Highway Gilgit–Sost", "N-35 Karakoram Highway", "road", ("gilgit", "sost"),
       [(74.310, 35.920), (74.370, 35.930), (74.300, 36.080), (74.320, 36.250), (74.450, 36.280),
        (74.560, 36.280), (74.660, 36.320), (74.750, 36.340), (74.820, 36.350), (74.870, 36.390),
        (74.890, 36.460), (74.810, 36.570), (74.800, 36.630), (74.805, 36.695)], [RD, _TIR],
       note="Via Nomal, Chalt, Aliabad/Karimabad (Hunza), the Attabad lake tunnels, Gulmit and Passu."),
    _s("kkh-sost-khunjerab", "Karakoram Highway Sost–Khunjerab", "N-35 Karakoram Highway", "road",
       ("sost", "khunjerab"),
       [(74.805, 36.695), (74.870, 36.750), (74.980, 36.800), (75.160, 36.830), (75.300, 36.870),
        (75.427, 36.850)], [RD, _TIR], note="Seasonal: the pass is normally open from April to November."),
    _s("n5-peshawar-torkham", "N-5 Peshawar–Torkham (Khyber Pass)", "N-5", "road", ("peshawar", "torkham"),
       [(71.550, 34.005), (71.430, 33.990), (71.380, 34.000), (71.290, 34.040), (71.220, 34.080),
        (71.150, 34.100), (71.092, 34.125)], [RD, _TIR],
       note="Via Jamrud, Ali Masjid, Landi Kotal; continues in Afghanistan to Jalalabad and Kabul."),
    _s("n55-peshawar-kohat", "N-55 Peshawar–Kohat", "N-55", "road", ("peshawar", "kohat"),
       [(71.550, 34.005), (71.550, 33.900), (71.540, 33.780), (71.530, 33.680), (71.500, 33.630),
        (71.440, 33.585)], [RD], note="Via Badaber, Darra Adam Khel and the Kohat tunnel."),
    _s("road-kohat-bannu", "Kohat–Karak–Bannu road", "N-55 / Bannu road", "road", ("kohat", "bannu"),
       [(71.440, 33.585), (71.430, 33.480), (71.330, 33.380), (71.200, 33.250), (71.090, 33.120),
        (70.900, 33.050), (70.750, 33.010), (70.600, 32.990)], [RD], confidence="medium"),
    _s("road-bannu-ghulam-khan", "Bannu–Miranshah–Ghulam Khan road", "Bannu–Ghulam Khan", "road",
       ("bannu", "ghulam-khan"),
       [(70.600, 32.990), (70.450, 32.980), (70.280, 33.020), (70.070, 33.000), (70.040, 33.050),
        (70.015, 33.100), (69.995, 33.145)], [RD], confidence="medium",
       note="Via Mir Ali and Miranshah, then north-west up to the border (North Waziristan)."),
    _s("road-bannu-angoor-adda", "Bannu–Tank–Wana–Angoor Adda road", "Wana road", "road",
       ("bannu", "angoor-adda"),
       [(70.600, 32.990), (70.750, 32.800), (70.910, 32.610), (70.820, 32.450), (70.740, 32.310),
        (70.550, 32.250), (70.380, 32.220), (70.130, 32.330), (70.000, 32.380), (69.800, 32.350),
        (69.570, 32.300), (69.360, 32.340)], [RD], confidence="medium",
       note="Via Lakki Marwat, Pezu, Tank, Jandola and Wana (South Waziristan); alignment approximate."),
    _s("road-kohat-kharlachi", "Kohat–Hangu–Thal–Parachinar–Kharlachi road", "Kurram road", "road",
       ("kohat", "kharlachi"),
       [(71.440, 33.585), (71.300, 33.550), (71.160, 33.540), (71.060, 33.530), (70.900, 33.450),
        (70.730, 33.420), (70.550, 33.370), (70.400, 33.480), (70.330, 33.600), (70.330, 33.700),
        (70.250, 33.800), (70.100, 33.900), (69.970, 33.860)], [RD], confidence="medium",
       note="Through the Kurram valley via Sadda and Parachinar."),
]

# --- roads: Balochistan ---
SEGMENTS += [
    _s("n25-karachi-mastung", "N-25 Karachi–Khuzdar–Kalat–Mastung", "N-25", "road", ("karachi", "mastung"),
       [(67.030, 24.860), (66.950, 24.930), (66.820, 25.050), (66.750, 25.300), (66.700, 25.550),
        (66.620, 25.810), (66.450, 26.000), (66.310, 26.230), (66.300, 26.500), (66.300, 26.800),
        (66.330, 27.080), (66.370, 27.340), (66.500, 27.600), (66.610, 27.810), (66.500, 28.050),
        (66.400, 28.300), (66.260, 28.490), (66.400, 28.750), (66.590, 29.030), (66.620, 29.300),
        (66.720, 29.550), (66.845, 29.800)], [RD, "menafn-2025-12"], confidence="medium",
       note="RCD highway via Hub, Uthal, Bela, Wadh, Khuzdar, Surab, Kalat; single carriageway."),
    _s("n25-mastung-quetta", "N-25 Mastung–Quetta", "N-25", "road", ("mastung", "quetta"),
       [(66.845, 29.800), (66.930, 29.950), (66.950, 30.050), (66.997, 30.190)], [RD]),
    _s("n25-quetta-chaman", "N-25 Quetta–Chaman", "N-25", "road", ("quetta", "chaman-spin-boldak"),
       [(66.997, 30.190), (66.980, 30.300), (66.970, 30.400), (66.850, 30.520), (66.700, 30.620),
        (66.660, 30.720), (66.570, 30.850), (66.450, 30.920), (66.432, 30.928)], [RD, _TIR, "menafn-2025-12"],
       note="Via Kuchlak, Killa Abdullah and the Khojak Pass; continues to Spin Boldak and Kandahar."),
    _s("n40-quetta-taftan", "N-40 Quetta–Nushki–Taftan", "N-40", "road", ("quetta", "taftan-mirjaveh"),
       [(66.997, 30.190), (66.950, 30.050), (66.850, 29.950), (66.700, 29.880), (66.500, 29.770),
        (66.300, 29.660), (66.020, 29.550), (65.850, 29.400), (65.600, 29.250), (65.300, 29.100),
        (65.000, 29.000), (64.700, 28.930), (64.410, 28.890), (64.100, 28.800), (63.830, 28.740),
        (63.500, 28.760), (63.200, 28.790), (62.950, 28.810), (62.750, 28.820), (62.450, 28.860),
        (62.200, 28.900), (61.900, 28.930), (61.575, 28.972)], [RD], confidence="medium",
       note="Via Lakpass, Nushki, Dalbandin, Yakmach, Nok Kundi; road link to Iran at Taftan."),
    _s("n10-karachi-gwadar", "N-10 Makran Coastal Highway Karachi–Gwadar", "N-10", "road",
       ("karachi", "gwadar-port"),
       [(67.030, 24.860), (66.950, 24.930), (66.820, 25.050), (66.720, 25.250), (66.670, 25.400),
        (66.550, 25.600), (66.400, 25.650), (66.200, 25.550), (65.950, 25.450), (65.700, 25.400),
        (65.480, 25.370), (65.250, 25.350), (64.950, 25.250), (64.640, 25.210), (64.300, 25.280),
        (64.000, 25.330), (63.750, 25.300), (63.470, 25.260), (63.200, 25.180), (62.950, 25.150),
        (62.650, 25.150), (62.345, 25.115)], [RD, "press-2025-gwadar", "menafn-2025-12"], confidence="medium",
       note="Via Hub, Winder, Liari, Kund Malir (Hingol), Ormara and Pasni."),
]

# --- roads: Karachi ports and the north-south trunk (N-5 / motorways) ---
SEGMENTS += [
    _s("road-karachi-port", "Karachi Port access (Mai Kolachi / Native Jetty)", "Karachi port roads", "road",
       ("karachi-port", "karachi"), [(66.975, 24.835), (67.000, 24.845), (67.030, 24.860)], [RD, PT]),
    _s("road-karachi-port-qasim", "Karachi–Port Qasim road", "N-5", "road", ("karachi", "port-qasim"),
       [(67.030, 24.860), (67.100, 24.880), (67.200, 24.860), (67.300, 24.820), (67.345, 24.775)], [RD, PT]),
    _s("m9-karachi-hyderabad", "M-9 Karachi–Hyderabad motorway", "M-9", "road", ("karachi", "hyderabad"),
       [(67.030, 24.860), (67.080, 24.940), (67.200, 24.960), (67.400, 25.000), (67.600, 25.080),
        (67.800, 25.170), (67.950, 25.220), (68.100, 25.300), (68.280, 25.420), (68.368, 25.395)], [RD],
       note="Via Nooriabad and Jamshoro."),
    _s("n5-hyderabad-rohri", "N-5 Hyderabad–Rohri", "N-5", "road", ("hyderabad", "rohri"),
       [(68.368, 25.395), (68.400, 25.480), (68.440, 25.600), (68.420, 25.810), (68.350, 25.970),
        (68.270, 26.140), (68.100, 26.450), (68.000, 26.660), (68.120, 26.900), (68.210, 27.060),
        (68.350, 27.180), (68.500, 27.290), (68.520, 27.350), (68.760, 27.530), (68.897, 27.692)], [RD],
       confidence="medium", note="Via Matiari, Hala, Sakrand, Moro, Kandiaro, Ranipur, Khairpur."),
    _s("n5-rohri-multan", "N-5 Rohri–Multan", "N-5", "road", ("rohri", "multan"),
       [(68.897, 27.692), (69.110, 27.860), (69.320, 28.000), (69.550, 28.020), (69.830, 28.100),
        (70.130, 28.310), (70.300, 28.420), (70.480, 28.530), (70.660, 28.645), (70.800, 28.800),
        (70.950, 28.930), (71.100, 29.040), (71.260, 29.140), (71.400, 29.260), (71.530, 29.340),
        (71.680, 29.395), (71.630, 29.540), (71.600, 29.750), (71.550, 30.000), (71.470, 30.195)], [RD],
       confidence="medium", note="Via Ghotki, Rahim Yar Khan, Khanpur, Ahmadpur East, Bahawalpur, Lodhran. "
                                 "The M-5 motorway runs parallel further west."),
    _s("n5-multan-lahore", "N-5 Multan–Lahore", "N-5", "road", ("multan", "lahore"),
       [(71.470, 30.195), (71.600, 30.240), (71.780, 30.280), (71.930, 30.300), (72.150, 30.380),
        (72.350, 30.440), (72.700, 30.530), (72.870, 30.630), (73.100, 30.665), (73.270, 30.740),
        (73.450, 30.810), (73.600, 30.880), (73.850, 31.020), (73.940, 31.200), (74.150, 31.280),
        (74.370, 31.370), (74.335, 31.578)], [RD], confidence="medium",
       note="Via Khanewal, Mian Channu, Sahiwal, Okara, Pattoki."),
    _s("m2-lahore-islamabad", "M-2 Lahore–Islamabad motorway", "M-2", "road", ("lahore", "islamabad"),
       [(74.335, 31.578), (74.220, 31.600), (74.050, 31.640), (73.850, 31.700), (73.650, 31.750),
        (73.450, 31.830), (73.270, 31.920), (73.150, 32.120), (73.050, 32.300), (72.930, 32.470),
        (72.850, 32.600), (72.720, 32.780), (72.750, 32.920), (72.820, 33.100), (72.860, 33.300),
        (72.920, 33.450), (73.000, 33.580), (73.060, 33.695)], [RD], confidence="medium",
       note="Via Sheikhupura, Pindi Bhattian, Bhera, the Salt Range at Kallar Kahar, Chakri."),
    _s("m1-islamabad-peshawar", "M-1 Islamabad–Peshawar motorway", "M-1", "road", ("islamabad", "peshawar"),
       [(73.060, 33.695), (72.930, 33.700), (72.800, 33.760), (72.660, 33.820), (72.500, 33.870),
        (72.360, 33.920), (72.220, 33.980), (72.050, 34.040), (71.880, 34.060), (71.720, 34.050),
        (71.600, 34.020), (71.550, 34.005)], [RD], confidence="medium",
       note="Via Burhan, the Indus crossing, Swabi and Rashakai interchanges."),
    _s("e35-islamabad-havelian", "E-35 Hazara Motorway Islamabad–Havelian", "E-35", "road",
       ("islamabad", "havelian"),
       [(73.060, 33.695), (72.930, 33.700), (72.800, 33.760), (72.700, 33.820), (72.850, 33.920),
        (72.940, 33.990), (73.050, 34.030), (73.160, 34.053)], [RD], confidence="medium",
       note="Leaves M-1 at Burhan, via Haripur; joins the Karakoram Highway at Havelian."),
]


if __name__ == "__main__":
    import json
    import os
    import sys
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    from geodata.measure import distance_km, line_length_km

    nodes = {n["id"]: n for n in NODES}
    foreign = {"zahedan": (60.86, 29.50)}
    ml1 = 0.0
    bad = 0
    for s in SEGMENTS:
        L = line_length_km(s["path"])
        if s["line"] == "ML-1":
            ml1 += L
        steps = [line_length_km(s["path"][i:i + 2]) for i in range(len(s["path"]) - 1)]
        print(f"{s['id']:32s} {s['mode']:4s} {L:7.1f} km  max step {max(steps):5.1f}")
        for end, v in zip(s["ends"], (s["path"][0], s["path"][-1])):
            at = nodes[end]["lonlat"] if end in nodes else foreign.get(end)
            if at is None:
                print("  unknown end", end); bad += 1
            elif distance_km(at, v) > 5:
                print(f"  end {end} off by {distance_km(at, v):.1f} km"); bad += 1
    print(f"ML-1 Karachi Port-Peshawar: {ml1:.0f} km (real ~1,687-1,726 km)")
    print(f"{len(NODES)} nodes, {len(SEGMENTS)} segments, {bad} end problems")

    ref = "/work/shared/reference/ne_railroads_region.geojson"
    if os.path.exists(ref):
        from pyproj import Geod
        from shapely.geometry import Point, shape
        from shapely.ops import nearest_points
        from shapely.strtree import STRtree
        geod = Geod(ellps="WGS84")
        geoms = [shape(f["geometry"]) for f in json.load(open(ref))["features"]]
        tree = STRtree(geoms)

        def near_km(lon, lat):
            p = Point(lon, lat)
            ds = [geod.inv(lon, lat, *nearest_points(p, geoms[i])[1].coords[0])[2] / 1000
                  for i in tree.query(p.buffer(0.5))]
            return min(ds, default=1e9)

        print("Natural Earth check (share of vertices within 10 km of an NE railway):")
        for s in SEGMENTS:
            if s["mode"] != "rail":
                continue
            ds = [near_km(*v) for v in s["path"]]
            share = sum(d <= 10 for d in ds) / len(ds)
            print(f"  {s['id']:32s} {share:4.0%}  worst {min(max(ds), 9999):6.0f} km"
                  + ("  (planned, not in NE)" if s["status"] != "operational" else ""))


# Kazakh names of the places above (issue 8: names in en, ru, kk, ur). Kazakh writes foreign
# place names as Russian does, with Kazakh words for "port" and "pass".
from common import add_names  # noqa: E402

add_names(NODES, {
    "karachi-port": {"kk": "Карачи порты"}, "port-qasim": {"kk": "Қасым порты"}, "gwadar-port": {"kk": "Гвадар порты"},
    "sost": {"kk": "Сост"}, "torkham": {"kk": "Торхам"}, "chaman-spin-boldak": {"kk": "Чаман – Спин-Болдак"},
    "ghulam-khan": {"kk": "Гулам-Хан"}, "angoor-adda": {"kk": "Ангур-Адда"}, "kharlachi": {"kk": "Харлачи"},
    "khunjerab": {"kk": "Хунджераб асуы"}, "taftan-mirjaveh": {"kk": "Тафтан – Миржаве"}, "karachi": {"kk": "Карачи"},
    "bin-qasim": {"kk": "Бин-Қасым"}, "kotri": {"kk": "Котри"}, "hyderabad": {"kk": "Хайдарабад"},
    "rohri": {"kk": "Рохри"}, "multan": {"kk": "Мултан"}, "khanewal": {"kk": "Ханевал"}, "lahore": {"kk": "Лахор"},
    "rawalpindi": {"kk": "Равалпинди"}, "islamabad": {"kk": "Исламабад"}, "attock-city": {"kk": "Аттак"},
    "peshawar": {"kk": "Пешавар"}, "kohat": {"kk": "Кохат"}, "bannu": {"kk": "Банну"}, "havelian": {"kk": "Хавелиан"},
    "gilgit": {"kk": "Гилгит"}, "quetta": {"kk": "Кветта"}, "spezand": {"kk": "Спезанд"}, "sibi": {"kk": "Сиби"},
    "jacobabad": {"kk": "Джекобабад"}, "dera-ghazi-khan": {"kk": "Дера-Гази-Хан"}, "jand": {"kk": "Джанд"},
    "kundian": {"kk": "Кундиан"}, "mastung": {"kk": "Мастунг"}, "turbat": {"kk": "Турбат"},
})
