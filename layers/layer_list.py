"""The ordered list of layers with their visibility; listeners hear every change."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from .catalog import Layer

Listener = Callable[[str, bool], None]


class LayerList:
    def __init__(self, layers: Iterable[Layer] = ()):
        self._layers: list[Layer] = list(layers)
        self._listeners: list[Listener] = []

    def __iter__(self):
        return iter(self._layers)

    def __len__(self) -> int:
        return len(self._layers)

    def ids(self) -> list[str]:
        return [layer.id for layer in self._layers]

    def get(self, layer_id: str) -> Layer:
        for layer in self._layers:
            if layer.id == layer_id:
                return layer
        raise KeyError(layer_id)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def set_visible(self, layer_id: str, visible: bool) -> None:
        layer = self.get(layer_id)
        if layer.visible == visible:
            return
        layer.visible = visible
        for listener in list(self._listeners):
            listener(layer_id, visible)

    def visibility(self) -> dict[str, bool]:
        return {layer.id: layer.visible for layer in self._layers}

    def apply_visibility(self, states: dict[str, bool]) -> None:
        """Restore saved visibility; ids no longer present are ignored."""
        known = set(self.ids())
        for layer_id, visible in states.items():
            if layer_id in known:
                self.set_visible(layer_id, bool(visible))

    def legend(self) -> list[dict]:
        """Legend entries of the visible layers, top layer first, without repeats."""
        seen, out = set(), []
        for layer in reversed(self._layers):
            if not layer.visible:
                continue
            for item in layer.legend:
                if item["label"] not in seen:
                    seen.add(item["label"])
                    out.append({"group": layer.group, **item})
        return out
