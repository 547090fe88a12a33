"""A PowerPoint briefing deck: one slide per saved view, the map and a table of its segments."""
from __future__ import annotations

from pathlib import Path

from geodata.dataset import Dataset
from geodata.describe import describe_segment
from geodata.i18n import N_, is_rtl, translate
from geodata.translations import localize_facts

from .styles import MODE_LABELS

STATUS = {"operational": N_("operational"), "under_construction": N_("under construction"), "planned": N_("planned"),
          "proposed": N_("proposed")}
AGREEMENT_STATUS = {"in_force": N_("in force"), "signed": N_("signed"), "under_negotiation": N_("under negotiation"),
                    "discussed": N_("discussed"), "expected": N_("expected")}
HEADINGS = [N_("Segment"), N_("km"), N_("Mode"), N_("Status"), N_("Agreement")]
# The shipped fonts (resources/fonts), named so PowerPoint uses them where installed.
FONT = "Noto Sans"
URDU_FONT = "Noto Nastaliq Urdu"
MAX_ROWS = 9


def segment_rows(ds: Dataset, segment_ids: list[str], lang: str = "en") -> list[list[str]]:
    """Table rows for a slide: consecutive segments of the same line, mode, gauge and status
    are one row (a briefing reads "ML-1 Peshawar–Karachi", not its nine sections)."""
    groups: list[dict] = []
    for sid in segment_ids:
        d = localize_facts(ds, describe_segment(ds, sid), lang)
        key = (d["line"] or d["name"], d["mode"], d.get("gauge_mm"), d["status"])
        if groups and groups[-1]["key"] == key:
            g = groups[-1]
            g["km"] += d["km"]
            g["to"] = d["to"]["name"] if g["to"] == d["from"]["name"] else d["from"]["name"]
        else:
            g = {"key": key, "km": d["km"], "from": d["from"]["name"], "to": d["to"]["name"], "agreements": {}}
            if groups and groups[-1]["to"] in (d["to"]["name"],):  # the first segment runs backwards
                g["from"], g["to"] = d["to"]["name"], d["from"]["name"]
            groups.append(g)
        for a in d["agreements"]:
            g["agreements"].setdefault(a["title"], a["status"])
    rows = []
    for g in groups:
        line, mode, gauge, status = g["key"]
        agreements = "; ".join(f"{t} ({translate(AGREEMENT_STATUS.get(st, st), lang)})"
                               for t, st in list(g["agreements"].items())[:2])
        gauge_text = f" {gauge}" if gauge else ""
        mode_text = translate(MODE_LABELS.get(mode, mode), lang) if lang != "en" else mode
        rows.append([f"{g['from']}–{g['to']} ({line})", f"{g['km']:,.0f}", f"{mode_text}{gauge_text}",
                     translate(STATUS.get(status, status), lang), agreements or "—"])
    return rows


def _text_style(shape, lang: str) -> None:
    """Every run of a shape in the shipped font of the language; Urdu paragraphs right to left."""
    from pptx.enum.text import PP_ALIGN

    rtl = is_rtl(lang)
    for para in shape.text_frame.paragraphs:
        if rtl:
            para._p.get_or_add_pPr().set("rtl", "1")
            para.alignment = PP_ALIGN.RIGHT
        for run in para.runs:
            run.font.name = URDU_FONT if rtl else FONT


def build_deck(ds: Dataset, slides: list[dict], out: Path, lang: str = "en") -> None:
    """slides: [{title, subtitle, image (PNG path), segments: [ids], sources}] -> out (.pptx), atomically;
    the table and its headings in lang."""
    from pptx import Presentation
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Emu, Inches, Pt

    from geodata.atomic import atomic_write

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]
    for spec in slides:
        slide = prs.slides.add_slide(blank)
        box = slide.shapes.add_textbox(Inches(0.4), Inches(0.15), Inches(12.5), Inches(0.7))
        tf = box.text_frame
        tf.word_wrap = True
        tf.text = spec["title"]
        tf.paragraphs[0].alignment = PP_ALIGN.LEFT
        tf.paragraphs[0].runs[0].font.size = Pt(26)
        tf.paragraphs[0].runs[0].font.bold = True
        if spec.get("subtitle"):
            p = tf.add_paragraph()
            p.text = spec["subtitle"]
            p.alignment = PP_ALIGN.LEFT
            p.runs[0].font.size = Pt(14)
        _text_style(box, lang)
        rows = segment_rows(ds, spec.get("segments", []), lang)
        has_table = bool(rows)
        pic_w = Inches(8.1) if has_table else Inches(10.9)
        slide.shapes.add_picture(str(spec["image"]), Inches(0.4), Inches(1.15), width=pic_w)
        if has_table:
            shown = rows[:MAX_ROWS]
            table = slide.shapes.add_table(len(shown) + 1, 5, Inches(8.65), Inches(1.15), Inches(4.45),
                                           Emu(Inches(0.3) * (len(shown) + 1))).table
            for c, head in enumerate(HEADINGS):
                table.cell(0, c).text = translate(head, lang)
            for r, row in enumerate(shown, start=1):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            for r in range(len(shown) + 1):
                for c in range(5):
                    _text_style(table.cell(r, c), lang)
                    for para in table.cell(r, c).text_frame.paragraphs:
                        for run in para.runs:
                            run.font.size = Pt(7.5)
                    table.cell(r, c).margin_left = table.cell(r, c).margin_right = Inches(0.04)
            widths = [1.55, 0.45, 0.6, 0.8, 1.05]
            for c, w in enumerate(widths):
                table.columns[c].width = Inches(w)
            if len(rows) > MAX_ROWS:
                more = slide.shapes.add_textbox(Inches(8.65), Inches(6.5), Inches(4.4), Inches(0.3))
                more.text_frame.text = translate(N_("… and {n} more segments"), lang).format(n=len(rows) - MAX_ROWS)
                more.text_frame.paragraphs[0].runs[0].font.size = Pt(9)
                _text_style(more, lang)
        foot = slide.shapes.add_textbox(Inches(0.4), Inches(6.85), Inches(12.5), Inches(0.55))
        foot.text_frame.word_wrap = True
        foot.text_frame.text = spec.get("sources", "")
        foot.text_frame.paragraphs[0].runs[0].font.size = Pt(9)
        _text_style(foot, lang)
    atomic_write(out, prs.save)
