"""The place fields of the Route panel: a place name typed with fuzzy suggestions."""
from __future__ import annotations

from PySide6.QtCore import QStringListModel, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from geodata.i18n import N_, _
from geodata.names import PlaceIndex, normalize
from layers.styles import NODE_KIND_LABELS

_MAX_SUGGESTIONS = 10


class PlaceField(QLineEdit):
    """A place name with fuzzy suggestions; remembers the node picked from the list."""

    edited = Signal()

    def __init__(self, places: PlaceIndex, placeholder: str, parent=None, name_of=None):
        super().__init__(parent)
        self.places = places
        # a place's name in the interface language (the index's English name by default)
        self.name_of = name_of or (lambda nid: self.places.info[nid]["name"])
        self.node_id: str | None = None   # set when a suggestion is picked (or by set_node)
        self._picked_text = ""
        self._shown: list[tuple[str, str]] = []
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(_MAX_SUGGESTIONS)
        self.setCompleter(self._completer)
        self._completer.activated[str].connect(self._on_activated)
        self.textEdited.connect(self._refresh)

    def describe(self, nid: str) -> str:
        info = self.places.info[nid]
        kind = _(NODE_KIND_LABELS.get(info["kind"], info["kind"] or N_("place"))).lower()
        where = "/".join(info["countries"])
        return f"{self.name_of(nid)}  ·  {kind}{', ' + where if where else ''}"

    def suggestions(self, text: str) -> list[str]:
        """Node ids that fit what was typed, best first: a name starting with it, names
        with words starting with each typed word, then fuzzy matches (typing slips)."""
        q = normalize(text)
        if not q:
            return []
        words = q.split()
        best: dict[str, float] = {}
        for a in self.places.aliases:
            if a.text.startswith(q):
                s = 300.0
            elif all(any(w.startswith(x) for w in a.text.split()) for x in words):
                s = 200.0
            else:
                continue
            s += 5 if a.primary else 0
            if s > best.get(a.node, -1):
                best[a.node] = s
        if len(q) >= 3:
            for nid, s in self.places.scores(q, partial=True):
                if s < 70:
                    break
                best.setdefault(nid, s)
        return sorted(best, key=lambda n: (-best[n], self.name_of(n)))[:_MAX_SUGGESTIONS]

    def _refresh(self, text: str) -> None:
        self.node_id = None
        self._shown = [(n, self.describe(n)) for n in self.suggestions(text)]
        self._model.setStringList([label for _, label in self._shown])
        self.edited.emit()

    def _on_activated(self, label: str) -> None:
        for nid, shown in self._shown:
            if shown == label:
                self.set_node(nid)
                # the completer writes the whole suggestion into the field after this slot:
                # put the place's name back once it has
                QTimer.singleShot(0, lambda nid=nid: self.set_node(nid) if self.node_id == nid else None)
                return

    def set_node(self, nid: str) -> None:
        self.node_id = nid
        self._picked_text = self.name_of(nid)
        self.setText(self._picked_text)
        self.setStyleSheet("")

    def resolve(self) -> str:
        """The node id: the one picked if the text is still its name, else by name (PlaceError)."""
        if self.node_id is not None and self.text() == self._picked_text:
            return self.node_id
        return self.places.resolve(self.text())

    def mark_bad(self, bad: bool) -> None:
        self.setStyleSheet("QLineEdit { border: 2px solid #c62828; }" if bad else "")
