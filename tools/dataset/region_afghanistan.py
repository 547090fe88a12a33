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
