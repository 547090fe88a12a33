"""The named corridors and the agreements, in our own words, with their sources.

Corridors are waypoints (node ids) with the modes allowed on each leg; agreements cover
segments by waypoint paths or by rules. build.py resolves both to segment ids.
"""
RAIL = {"rail"}
ROAD = {"road"}
LAND = {"rail", "road"}
WATER = {"sea", "ferry"}
ANY = {"rail", "road", "sea", "ferry"}


# ML-1 from Peshawar to Karachi, named station by station (ML-2 on the west bank is shorter
# on the map, and a plain shortest path would take it).
ML1 = ["peshawar", "attock-city", "rawalpindi", "lahore", "khanewal", "rohri", "hyderabad", "kotri", "karachi-port"]


def _road_in(*countries):
    return lambda p: p["mode"] == "road" and p["status"] == "operational" and set(p["countries"]) <= set(countries)


CORRIDORS = [
    dict(id="trans-afghan",
         names=dict(ru="Трансафганский маршрут через Узбекистан", kk="Өзбекстан арқылы Трансауған бағыты",
                    ur="ازبکستان کے راستے ٹرانس افغان روٹ"),
         name="Trans-Afghan route via Uzbekistan",
         via=["almaty", "saryagash-zhibek-zholy", "tashkent", "termez", "hairatan-termez", "mazar-i-sharif", "kabul",
              "torkham"] + ML1,
         modes=[RAIL] * 16,
         countries=["KAZ", "UZB", "AFG", "PAK"],
         description=("Rail from southern Kazakhstan through Tashkent to Termez, over the Friendship Bridge to Hairatan "
                      "and the existing broad-gauge spur to Mazar-i-Sharif. From there the planned Trans-Afghan "
                      "(Uzbekistan–Afghanistan–Pakistan) railway would cross the Hindu Kush to Kabul and descend to "
                      "Torkham and Peshawar, where Pakistan's ML-1 runs to Karachi. Today the Afghan part is done by "
                      "road under TIR; the rail link beyond Mazar-i-Sharif is planned only."),
         sources=["nca-2024-01-24", "press-2023-07-20"]),
    dict(id="western-turkmenistan",
         names=dict(ru="Западный маршрут через Туркменистан, Герат и Кандагар", kk="Түрікменстан, Герат және Қандағар арқылы батыс бағыт",
                    ur="ترکمانستان، ہرات اور قندھار کے راستے مغربی روٹ"),
         name="Western route via Turkmenistan, Herat and Kandahar",
         via=["zhanaozen", "bolashak-serhetyaka", "bereket", "ashgabat", "mary", "serhetabat-torghundi", "turgundi",
              "herat", "kandahar", "chaman-spin-boldak", "quetta", "spezand", "sibi", "jacobabad", "rohri", "hyderabad",
              "kotri", "karachi-port"],
         modes=[RAIL] * 17,
         countries=["KAZ", "TKM", "AFG", "PAK"],
         description=("From western Kazakhstan by the line to Turkmenistan, along the Trans-Caspian railway through "
                      "Ashgabat and Mary to Serhetabat, and across to the Turgundi hub. A new railway through Herat and "
                      "Kandahar to Spin Boldak, now the subject of Kazakh–Turkmen–Afghan consultations, would reach "
                      "Pakistan's ML-3 at Chaman and run via Quetta to Karachi. Beyond Turgundi it is planned only; "
                      "today the Afghan part is by road."),
         sources=["menafn-2025-12", "nca-2024-01-24"]),
    dict(id="iran-rail",
         names=dict(ru="Железная дорога через Туркменистан и Иран на Захедан и Кветту", kk="Түрікменстан мен Иран арқылы Захедан мен Кветтаға темір жол",
                    ur="ترکمانستان اور ایران کے راستے زاہدان اور کوئٹہ تک ریل"),
         name="Rail via Turkmenistan and Iran to Zahedan and Quetta",
         via=["zhanaozen", "bolashak-serhetyaka", "etrek-inche-burun", "zahedan", "taftan-mirjaveh", "spezand", "sibi",
              "jacobabad", "rohri", "hyderabad", "kotri", "karachi-port"],
         modes=[RAIL] * 11,
         countries=["KAZ", "TKM", "IRN", "PAK"],
         description=("The Kazakhstan–Turkmenistan–Iran railway along the east shore of the Caspian crosses into Iran "
                      "at Inche Burun, where the 1520 mm gauge meets Iran's 1435 mm. Iranian lines run south through "
                      "Tehran, Yazd and Kerman to Zahedan, then Pakistan's 1676 mm line crosses at Taftan–Mirjaveh to "
                      "Quetta and on to Karachi: two breaks of gauge, and a long, lightly used desert line in Pakistan."),
         sources=["nca-2024-01-24"]),
    dict(id="caspian-gulf",
         names=dict(ru="Морем через Каспий, Иран и Оманский залив", kk="Каспий, Иран және Оман шығанағы арқылы теңіз жолы",
                    ur="بحیرہ قزوین، ایران اور خلیج عمان کے راستے سمندری روٹ"),
         name="Caspian, Iran and the Gulf of Oman by sea",
         via=["aktau-port", "amirabad-port", "bandar-abbas-port", "karachi-port"],
         modes=[WATER, RAIL, WATER],
         countries=["KAZ", "IRN", "PAK"],
         description=("Containers leave Aktau by sea across the Caspian to an Iranian port, go by Iranian rail to Bandar "
                      "Abbas on the Strait of Hormuz, and by ship along the Makran coast to Karachi or Gwadar. This is "
                      "the option Kazakhstan's transport ministry proposed in January 2024 as one of the best for "
                      "Kazakh and Chinese cargo bound for Pakistan."),
         sources=["nca-2024-01-24"]),
    dict(id="karakoram-china",
         names=dict(ru="Через Китай и Каракорумское шоссе", kk="Қытай мен Қарақорым тас жолы арқылы",
                    ur="چین اور شاہراہ قراقرم کے راستے"),
         name="Via China and the Karakoram Highway",
         via=["almaty", "khorgos-altynkol", "kashgar", "khunjerab", "havelian", "rawalpindi"] + ML1[3:],
         modes=[RAIL, RAIL, ROAD, ROAD, ROAD] + [RAIL] * 6,
         countries=["KAZ", "CHN", "PAK"],
         description=("Rail from Almaty to the Chinese border at Khorgos–Altynkol and across Xinjiang to Kashgar, then by "
                      "road over the Khunjerab Pass (4,700 m, closed in winter) down the Karakoram Highway through Gilgit "
                      "to Havelian, the railhead north of Islamabad, and on to Karachi. Road freight under TIR has used "
                      "this route; the Quadrilateral Traffic in Transit Agreement governs it."),
         sources=["press-2023-07-20", "nca-2024-01-24"]),
    dict(id="karakoram-kyrgyz",
         names=dict(ru="Через Кыргызстан, Кашгар и Каракорум (автодорога)", kk="Қырғызстан, Қашқар және Қарақорым арқылы (автожол)",
                    ur="کرغیزستان، کاشغر اور قراقرم کے راستے (سڑک)"),
         name="Via Kyrgyzstan, Kashgar and the Karakoram (road)",
         via=["almaty", "torugart", "kashgar", "khunjerab", "havelian", "rawalpindi"] + ML1[3:],
         modes=[ROAD] * 5 + [RAIL] * 6,
         countries=["KAZ", "KGZ", "CHN", "PAK"],
         description=("The road variant named by Kazakhstan's trade ministry in 2023: Almaty to Bishkek, south over the "
                      "Tian Shan to the Torugart pass and Kashgar, then the Karakoram Highway into Pakistan. Short on "
                      "the map, but mountain passes close in winter and every leg is by truck."),
         sources=["press-2023-07-20"]),
    dict(id="pakistan-ml1",
         names=dict(ru="Внутренняя сеть Пакистана: ML-1 Пешавар — Карачи", kk="Пәкістанның ішкі желісі: ML-1 Пешавар – Карачи",
                    ur="پاکستان کا اندرونی نیٹ ورک: ایم ایل-1 پشاور–کراچی"),
         name="Pakistan hinterland: ML-1 Peshawar–Karachi",
         via=ML1, modes=[RAIL] * 8, countries=["PAK"],
         description=("Pakistan's main line from Peshawar through Rawalpindi, Lahore, Multan and Rohri to Karachi, the "
                      "trunk that every northern and western entry into Pakistan would feed. Port Qasim is reached "
                      "from the same line east of Karachi."),
         sources=["press-2023-07-20"]),
    dict(id="pakistan-ml4",
         names=dict(ru="Внутренняя сеть Пакистана: ML-4 Гвадар — Кветта (планируется)", kk="Пәкістанның ішкі желісі: ML-4 Гвадар – Кветта (жоспарланған)",
                    ur="پاکستان کا اندرونی نیٹ ورک: ایم ایل-4 گوادر–کوئٹہ (منصوبہ)"),
         name="Pakistan hinterland: ML-4 Gwadar–Quetta (planned)",
         via=["quetta", "gwadar-port"], modes=[RAIL], countries=["PAK"],
         description=("The planned ML-4 line would link Gwadar to Quetta and so to ML-3 and the lines toward Afghanistan "
                      "and Iran; Kazakhstan said in January 2024 that it is interested in it. Its alignment is indicative."),
         sources=["nca-2024-01-24"]),
    dict(id="pakistan-kohat-kharlachi",
         names=dict(ru="Внутренняя сеть Пакистана: Кохат — Тал — Харлачи (планируется)", kk="Пәкістанның ішкі желісі: Кохат – Тал – Харлачи (жоспарланған)",
                    ur="پاکستان کا اندرونی نیٹ ورک: کوہاٹ–ٹل–خرلاچی (منصوبہ)"),
         name="Pakistan hinterland: Kohat–Tal–Kharlachi (planned)",
         via=["kharlachi", "kohat", "jand", "attock-city"] + ML1[2:], modes=[RAIL] * 10, countries=["PAK"],
         description=("A planned line from the Kurram border crossing at Kharlachi through Tal to Kohat, joining the "
                      "network toward Peshawar and ML-1: a second rail entry from Afghanistan, of interest to Kazakhstan."),
         sources=["nca-2024-01-24"]),
]

AGREEMENTS = [
    dict(id="kaz-pak-transit-trade-2025",
         names=dict(ru="Соглашение о транзитной торговле между Казахстаном и Пакистаном", kk="Қазақстан мен Пәкістан арасындағы транзиттік сауда туралы келісім",
                    ur="قازقستان–پاکستان ٹرانزٹ تجارت معاہدہ"),
         title="Kazakhstan–Pakistan Transit Trade Agreement", kind="transit_agreement",
         parties=["KAZ", "PAK"], status="signed", dates={"signed": "2025-05-07", "in_force": None, "expected": None},
         summary=("Signed at a business forum in Karachi; it opens Pakistan's ports of Karachi and Gwadar to Kazakh "
                  "transit cargo and is meant as the basis for new transport and logistics routes between the two countries."),
         nodes=["karachi-port", "gwadar-port", "port-qasim"],
         sources=["menafn-2025-12"]),
    dict(id="kaz-pak-gwadar-access",
         names=dict(ru="Соглашение о доступе Казахстана к порту Гвадар", kk="Қазақстанның Гвадар портына қолжетімділігі туралы келісім",
                    ur="گوادر بندرگاہ تک قازقستان کی رسائی کا معاہدہ"),
         title="Agreement on Kazakhstan's access to Gwadar port", kind="mou",
         parties=["KAZ", "PAK"], status="expected", dates={"signed": None, "in_force": None, "expected": "2025-11"},
         summary=("Reported in 2025 as due to be signed during the Kazakh president's visit to Islamabad in November 2025, "
                  "after a Kazakh delegation prepared it in September. Pakistan promotes Gwadar as the main hub for Central "
                  "Asian transit; Kazakhstan also wants a dedicated terminal at Karachi. Status as last reported in the sources."),
         nodes=["gwadar-port"], sources=["press-2025-gwadar", "press-2025-09-02"]),
    dict(id="tir-convention",
         names=dict(ru="Конвенция МДП (международная перевозка грузов с применением книжек МДП)", kk="ХЖТ конвенциясы (ХЖТ кітапшаларымен халықаралық жүк тасымалы)",
                    ur="ٹی آئی آر کنونشن (ٹی آئی آر کارنیٹ کے تحت بین الاقوامی سڑک ٹرانسپورٹ)"),
         title="TIR Convention (international road transport under TIR carnets)", kind="convention",
         parties=["KAZ", "PAK", "AFG", "UZB", "TKM", "IRN", "CHN", "KGZ", "TJK"], status="in_force",
         dates={"signed": "1975-11-14", "in_force": "1978-03-20", "expected": None},
         summary=("Lets sealed road cargo cross borders on one customs document. Pakistan's National Logistics Cell ran "
                  "TIR round trips to Kazakhstan, Uzbekistan and China, and two convoys reached Kazakhstan through "
                  "Afghanistan in 2023."),
         rules=[_road_in("KAZ", "PAK", "AFG", "UZB", "TKM", "IRN", "CHN", "KGZ", "TJK")],
         sources=["press-2023-07-20", "nca-2024-01-24"]),
    dict(id="aptta-2010",
         names=dict(ru="Соглашение о транзитной торговле между Афганистаном и Пакистаном (APTTA)", kk="Ауғанстан мен Пәкістан арасындағы транзиттік сауда туралы келісім (APTTA)",
                    ur="افغانستان–پاکستان ٹرانزٹ تجارت معاہدہ (اپٹا)"),
         title="Afghanistan–Pakistan Transit Trade Agreement (APTTA)", kind="transit_agreement",
         parties=["AFG", "PAK"], status="in_force", dates={"signed": "2010-10-28", "in_force": "2011-06-12", "expected": None},
         summary=("Governs Afghan transit through Pakistan's ports and Pakistani trucks' access to Afghanistan through "
                  "named crossings such as Torkham and Chaman. Its ten-year term lapsed in 2021 and it has since run on "
                  "extensions while a revision is negotiated (reference knowledge, medium confidence)."),
         nodes=["torkham", "chaman-spin-boldak", "ghulam-khan", "angoor-adda", "kharlachi"],
         rules=[_road_in("AFG", "PAK")], sources=["ref-agreements"]),
    dict(id="qtta-1995",
         names=dict(ru="Четырёхстороннее соглашение о транзитных перевозках (Китай — Казахстан — Кыргызстан — Пакистан)", kk="Транзиттік тасымалдар туралы төрт жақты келісім (Қытай – Қазақстан – Қырғызстан – Пәкістан)",
                    ur="چہار فریقی ٹریفک ان ٹرانزٹ معاہدہ (چین–قازقستان–کرغیزستان–پاکستان)"),
         title="Quadrilateral Traffic in Transit Agreement (China–Kazakhstan–Kyrgyzstan–Pakistan)",
         kind="transit_agreement", parties=["CHN", "KAZ", "KGZ", "PAK"], status="in_force",
         dates={"signed": "1995-03-09", "in_force": "2004-05", "expected": None},
         summary=("Transit traffic agreement for road cargo between the four countries over the Karakoram Highway, "
                  "the Khunjerab pass and the Kyrgyz–Chinese passes; long under-used, revived in talks since 2023."),
         nodes=["khunjerab", "torugart", "irkeshtam", "sost"],
         paths=[dict(via=["almaty", "torugart", "kashgar", "khunjerab", "havelian"], modes=ROAD)],
         sources=["ref-agreements", "press-2023-07-20"]),
    dict(id="uap-railway-framework",
         names=dict(ru="Рамочное соглашение о Трансафганской железной дороге Узбекистан — Афганистан — Пакистан", kk="Өзбекстан – Ауғанстан – Пәкістан (Трансауған) темір жолы туралы негіздемелік келісім",
                    ur="ازبکستان–افغانستان–پاکستان (ٹرانس افغان) ریلوے فریم ورک معاہدہ"),
         title="Uzbekistan–Afghanistan–Pakistan (Trans-Afghan) railway framework agreement",
         kind="framework", parties=["UZB", "AFG", "PAK"], status="signed",
         dates={"signed": "2024-07-17", "in_force": None, "expected": None},
         summary=("After a 2021 roadmap, the three governments signed in Tashkent in July 2024 a framework agreement to "
                  "prepare the feasibility study of a railway Termez–Mazar-i-Sharif–Kabul–Peshawar; construction "
                  "financing was not settled (reference knowledge, medium confidence)."),
         paths=[dict(via=["mazar-i-sharif", "kabul", "torkham", "peshawar"], modes=RAIL)],
         nodes=["hairatan-termez", "torkham"], sources=["ref-agreements"]),
    dict(id="kaz-tkm-afg-herat-railway",
         names=dict(ru="Консультации Казахстана, Туркменистана и Афганистана по железной дороге Тургунди — Герат — Кандагар — Спин-Болдак", kk="Тургунди – Герат – Қандағар – Спин-Болдак темір жолы бойынша Қазақстан, Түрікменстан және Ауғанстан консультациялары",
                    ur="تورغندی–ہرات–قندھار–سپین بولدک ریلوے پر قازقستان، ترکمانستان اور افغانستان کی مشاورت"),
         title="Kazakhstan–Turkmenistan–Afghanistan consultations on the Turgundi–Herat–Kandahar–Spin Boldak railway",
         kind="consultation", parties=["KAZ", "TKM", "AFG"], status="discussed",
         dates={"signed": None, "in_force": None, "expected": None},
         summary=("The three countries are consulting on a new railway from the Turgundi hub on the Turkmen border "
                  "through Herat and Kandahar to Spin Boldak on the Pakistani border, with transshipment facilities "
                  "for grain and containers; Afghanistan has offered transit for Kazakh and Turkmen goods."),
         nodes=["turgundi", "serhetabat-torghundi", "chaman-spin-boldak"],
         paths=[dict(via=["turgundi", "herat", "kandahar", "chaman-spin-boldak"], modes=RAIL)],
         sources=["menafn-2025-12"]),
    dict(id="kaz-pak-igc",
         names=dict(ru="Казахстанско-пакистанская межправительственная комиссия по торгово-экономическому, научно-техническому и культурному сотрудничеству", kk="Сауда-экономикалық, ғылыми-техникалық және мәдени ынтымақтастық жөніндегі Қазақстан–Пәкістан үкіметаралық комиссиясы",
                    ur="تجارتی، اقتصادی، سائنسی، تکنیکی اور ثقافتی تعاون پر قازقستان–پاکستان بین الحکومتی کمیشن"),
         title="Kazakhstan–Pakistan Intergovernmental Commission on trade, economic, scientific, technical and cultural cooperation",
         kind="commission", parties=["KAZ", "PAK"], status="in_force",
         dates={"signed": None, "in_force": None, "expected": None},
         summary=("The standing commission of the two governments; its 11th session met in Pakistan in December 2022, "
                  "where Kazakh officials met the seaports and the National Logistics Cell."),
         nodes=["karachi-port", "port-qasim", "gwadar-port"], sources=["press-2023-07-20"]),
    dict(id="kaz-pak-astana-talks-2024",
         names=dict(ru="Казахстанско-пакистанские переговоры по транспорту, Астана (январь 2024 года)", kk="Қазақстан–Пәкістан көлік келіссөздері, Астана (2024 жылғы қаңтар)",
                    ur="قازقستان–پاکستان ٹرانسپورٹ مذاکرات، آستانہ (جنوری 2024)"),
         title="Kazakhstan–Pakistan transport talks, Astana (January 2024)",
         kind="consultation", parties=["KAZ", "PAK"], status="discussed",
         dates={"signed": None, "in_force": None, "expected": None},
         summary=("Vice-ministerial talks on 22 January 2024 that noted there is no direct railway between the countries. "
                  "Kazakhstan stated interest in ML-4 Gwadar–Quetta and Kohat–Tal–Kharlachi, proposed a multimodal "
                  "Kazakhstan–Turkmenistan–Afghanistan–Pakistan route, the North–South and Trans-Caspian corridors, "
                  "containers via Aktau, Iran and the Gulf of Oman, and TIR road transport via China."),
         paths=[dict(via=["quetta", "gwadar-port"], modes=RAIL), dict(via=["kharlachi", "kohat"], modes=RAIL)],
         nodes=["aktau-port", "gwadar-port", "karachi-port"], sources=["nca-2024-01-24"]),
    dict(id="ashgabat-agreement",
         names=dict(ru="Ашхабадское соглашение о создании международного транспортно-транзитного коридора", kk="Халықаралық көлік-транзит дәлізін құру туралы Ашхабад келісімі",
                    ur="بین الاقوامی ٹرانسپورٹ و ٹرانزٹ راہداری پر اشک آباد معاہدہ"),
         title="Ashgabat Agreement on an international transport and transit corridor",
         kind="treaty", parties=["UZB", "TKM", "IRN", "OMN", "KAZ", "PAK", "IND"], status="in_force",
         dates={"signed": "2011-04-25", "in_force": "2016-04", "expected": None},
         summary=("A multilateral agreement for a transport corridor between Central Asia and the Gulf through "
                  "Turkmenistan and Iran; Kazakhstan and Pakistan joined in 2016 (reference knowledge, medium confidence)."),
         paths=[dict(via=["bolashak-serhetyaka", "etrek-inche-burun", "bandar-abbas-port"], modes=RAIL)],
         nodes=["bandar-abbas-port", "sarakhs", "etrek-inche-burun"], sources=["ref-agreements"]),
]

AGREEMENT_SOURCES = [
    dict(id="ref-agreements", outlet="Treaty texts and official announcements (reference knowledge)", date="2025",
         title="Background on regional transit agreements", kind="reference"),
]
