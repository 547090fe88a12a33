"""The layer panel: a checkable tree of layers, grouped, each with its legend swatch."""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from layers.catalog import group_title, layer_title, legend_label
from layers.layer_list import LayerList

ID_ROLE = Qt.ItemDataRole.UserRole


def line_icon(style: dict, w: int = 34, h: int = 16) -> QIcon:
    pm = QPixmap(w, h)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(style.get("color", "#555"))
    colour.setAlphaF(max(0.35, float(style.get("opacity", 1))))
    pen = QPen(colour, min(float(style.get("weight", 3)), h - 2))
    if style.get("dashArray"):
        pen.setDashPattern([max(0.5, float(x) / max(1.0, pen.widthF())) for x in str(style["dashArray"]).split()])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    p.setPen(pen)
    p.drawLine(2, h // 2, w - 2, h // 2)
    p.end()
    return QIcon(pm)


def symbol_icon(sym: dict, size: int = 16) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor(sym.get("stroke", "#fff")), 2))
    p.setBrush(QBrush(QColor(sym.get("fill", "#333"))))
    m = 2
    shape = sym.get("shape")
    if shape == "square":
        p.drawRect(m, m, size - 2 * m, size - 2 * m)
    elif shape == "diamond":
        c = size / 2
        p.drawPolygon(QPolygonF([QPointF(c, m), QPointF(size - m, c), QPointF(c, size - m), QPointF(m, c)]))
    else:
        p.drawEllipse(m, m, size - 2 * m, size - 2 * m)
        if shape == "anchor":
            path = QPainterPath()
            path.moveTo(size / 2, 4)
            path.lineTo(size / 2, size - 4)
            path.moveTo(5, size / 2 + 1)
            path.quadTo(size / 2, size - 2, size - 5, size / 2 + 1)
            p.setPen(QPen(QColor("#fff"), 1.6))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
    p.end()
    return QIcon(pm)


def legend_icon(item: dict) -> QIcon:
    return symbol_icon(item["symbol"]) if "symbol" in item else line_icon(item["line"])


class LayerPanel(QTreeWidget):
    toggled = Signal(str, bool)

    def __init__(self, layer_list: LayerList, parent=None):
        super().__init__(parent)
        self.setObjectName("layerPanel")
        self.setHeaderHidden(True)
        self.setIconSize(self.iconSize().expandedTo(self.iconSize().__class__(34, 16)))
        self.layer_list = layer_list
        self.items: dict[str, QTreeWidgetItem] = {}
        self._texts: list[tuple[QTreeWidgetItem, object]] = []  # item, () -> its text in the interface language
        self._updating = False
        groups: dict[str, QTreeWidgetItem] = {}
        for layer in reversed(list(layer_list)):  # top layer first, as in every GIS
            group = groups.get(layer.group)
            if group is None:
                group = QTreeWidgetItem(self, [group_title(layer.group)])
                self._texts.append((group, lambda g=layer.group: group_title(g)))
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                f = group.font(0)
                f.setBold(True)
                group.setFont(0, f)
                groups[layer.group] = group
            item = QTreeWidgetItem(group, [layer_title(layer)])
            self._texts.append((item, lambda lay=layer: layer_title(lay)))
            item.setData(0, ID_ROLE, layer.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
            if layer.legend:
                item.setIcon(0, legend_icon(layer.legend[0]))
            for entry in layer.legend[1:] if len(layer.legend) > 1 else []:
                child = QTreeWidgetItem(item, [legend_label(entry)])
                self._texts.append((child, lambda e=entry: legend_label(e)))
                child.setIcon(0, legend_icon(entry))
                child.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.items[layer.id] = item
        order = ["Corridors", "Network", "Places", "Basemap"]
        for name in order:
            if name in groups:
                self.takeTopLevelItem(self.indexOfTopLevelItem(groups[name]))
                self.addTopLevelItem(groups[name])
                groups[name].setExpanded(True)
        self.itemChanged.connect(self._on_item_changed)
        layer_list.subscribe(self._on_model_changed)

    def retranslate(self) -> None:
        """Layer titles, group headings and legend labels in the interface language."""
        self._updating = True
        try:
            for item, text in self._texts:
                item.setText(0, text())
        finally:
            self._updating = False

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        layer_id = item.data(0, ID_ROLE)
        if self._updating or not layer_id:
            return
        visible = item.checkState(0) == Qt.CheckState.Checked
        self.layer_list.set_visible(layer_id, visible)

    def _on_model_changed(self, layer_id: str, visible: bool) -> None:
        item = self.items.get(layer_id)
        if item is not None:
            self._updating = True
            item.setCheckState(0, Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)
            self._updating = False
        self.toggled.emit(layer_id, visible)
