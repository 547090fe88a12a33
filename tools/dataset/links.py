"""Links between the regions that no region module owns: the Trans-Caspian railway in
Turkmenistan (Turkmenbashi–Bereket–Ashgabat), which joins the Caspian ferry and the
Kazakhstan–Turkmenistan–Iran line to the Turkmen network towards Mary and Afghanistan."""

from pyproj import Geod

_GEOD = Geod(ellps="WGS84")


def _dense(path, max_km=28.0):
    """Split any step longer than max_km along the geodesic, so no two vertices are more than ~30 km apart."""
    out = [tuple(path[0])]
    for a, b in zip(path, path[1:]):
        n = int(_GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000.0 // max_km)
        if n:
            out += [(round(x, 4), round(y, 4)) for x, y in _GEOD.npts(a[0], a[1], b[0], b[1], n)]
        out.append(tuple(b))
    return out


SOURCES = [
    dict(id="ref-kz-a2-road", outlet="Kazakhstan national roads, A2 Almaty–Shymkent (reference knowledge)",
         date="2025", title="A2 highway Kordai–Merke–Taraz–Shymkent (Western Europe–Western China route)", kind="reference"),
    dict(id="ref-iran-roads", outlet="Iranian national roads (reference knowledge)", date="2025",
         title="Freeway 1 and road 49: Rasht–Qazvin–Karaj–Tehran", kind="reference"),
    dict(id="ref-pakistan-twin-cities", outlet="Islamabad–Rawalpindi road links (reference knowledge)",
         date="2025", title="Faizabad interchange and the Murree Road between the twin cities", kind="reference"),
    dict(id="ref-turkmen-transcaspian", outlet="Turkmen railways, Trans-Caspian line (reference knowledge)",
         date="2025", title="Turkmenbashi–Balkanabat–Bereket–Ashgabat main line", kind="reference"),
]

NODES = [
    dict(id="bereket", name="Bereket", kind="junction", country="TKM", lonlat=(55.52, 39.245),
         modes=["rail"], status="operational", sources=["ref-turkmen-transcaspian"], confidence="medium",
         note="Junction of the Trans-Caspian railway and the Kazakhstan–Turkmenistan–Iran line.",
         names={"en": "Bereket", "ru": "Берекет", "kk": "Берекет", "ur": "برکت"}),
]

SEGMENTS = [
    dict(id="tkm-turkmenbashi-bereket", name="Turkmenbashi–Bereket railway", line="Trans-Caspian railway",
         mode="rail", status="operational", status_date="2025", gauge_mm=1520,
         ends=("turkmenbashi-port", "bereket"), countries=["TKM"],
         path=_dense([(52.99, 40.02), (53.25, 39.93), (53.62, 39.78), (53.95, 39.62), (54.36, 39.51),
               (54.75, 39.43), (55.13, 39.33), (55.52, 39.245)]),
         sources=["ref-turkmen-transcaspian"], confidence="medium", note="", opened=1885),
    dict(id="tkm-bereket-ashgabat", name="Bereket–Ashgabat railway", line="Trans-Caspian railway",
         mode="rail", status="operational", status_date="2025", gauge_mm=1520,
         ends=("bereket", "ashgabat"), countries=["TKM"],
         path=_dense([(55.52, 39.245), (55.9, 39.1), (56.28, 38.975), (56.55, 38.85), (56.78, 38.72),
               (57.1, 38.58), (57.43, 38.435), (57.7, 38.3), (57.96, 38.15), (58.2, 38.03), (58.38, 37.95)]),
         sources=["ref-turkmen-transcaspian"], confidence="medium", note="", opened=1881),
    dict(id="road-islamabad-rawalpindi", name="Islamabad–Rawalpindi road (Faizabad, Murree Road)", line="Twin-city roads",
         mode="road", status="operational", status_date="2025", gauge_mm=None,
         ends=("islamabad", "rawalpindi"), countries=["PAK"],
         path=[(73.06, 33.70), (73.085, 33.665), (73.07, 33.63), (73.05, 33.60)],
         sources=["ref-pakistan-twin-cities"], confidence="high",
         note="Joins the Karakoram Highway and the motorways at Islamabad to the ML-1 railhead at Rawalpindi."),
    dict(id="road-korday-shymkent", name="Kordai–Taraz–Shymkent road (A2)", line="A2 Almaty–Shymkent",
         mode="road", status="operational", status_date="2025", gauge_mm=None,
         ends=("korday-ak-zhol", "shymkent"), countries=["KAZ"],
         path=[(74.72, 42.99), (74.45, 43.02), (74.15, 42.98), (73.85, 42.93), (73.5, 42.9), (73.18, 42.87),
               (72.88, 42.85), (72.55, 42.9), (72.2, 42.95), (71.85, 42.93), (71.55, 42.9), (71.38, 42.9),
               (71.05, 42.75), (70.75, 42.6), (70.45, 42.48), (70.15, 42.4), (69.85, 42.35), (69.59, 42.32)],
         sources=["ref-kz-a2-road"], confidence="medium",
         note="Part of the Western Europe–Western China highway; links Almaty's roads with Shymkent and Uzbekistan."),
    dict(id="road-rasht-tehran", name="Rasht–Qazvin–Tehran road", line="Iran road 49 / Freeway 1",
         mode="road", status="operational", status_date="2025", gauge_mm=None,
         ends=("rasht", "tehran"), countries=["IRN"],
         path=[(49.58, 37.28), (49.5, 37.05), (49.42, 36.82), (49.4, 36.74), (49.55, 36.6), (49.7, 36.45),
               (50.0, 36.27), (50.3, 36.15), (50.6, 36.0), (50.99, 35.83), (51.2, 35.72), (51.4, 35.66)],
         sources=["ref-iran-roads"], confidence="medium",
         note="Through the Sefid Rud valley at Rudbar and Manjil, then Qazvin and Karaj."),
]
