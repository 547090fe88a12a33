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
]
