"""Files the application loads at run time: the map page, Leaflet, basemap, icons, fonts."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent
WEB = ROOT / "web"
BASEMAP = ROOT / "basemap"
