"""Open Terms Archive compatibility: declarations to ``sources.toml``, history import from a
versions repository, and export to the OTA dataset layout or JSON Lines.

Errors: ``ConfigError`` (unreadable declarations), ``StoreError`` (an unreadable repository).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracker._lazy import load

if TYPE_CHECKING:
    from tracker.errors import ConfigError, StoreError
    from tracker.ota.declarations import load_declarations, to_toml
    from tracker.ota.export import export_dataset, export_jsonl
    from tracker.ota.history import ImportResult, import_history

# name -> the module that defines it; imported on first use (see tracker._lazy)
_EXPORTS = {
    "ConfigError": "tracker.errors",
    "ImportResult": "tracker.ota.history",
    "StoreError": "tracker.errors",
    "export_dataset": "tracker.ota.export",
    "export_jsonl": "tracker.ota.export",
    "import_history": "tracker.ota.history",
    "load_declarations": "tracker.ota.declarations",
    "to_toml": "tracker.ota.declarations",
}
__all__ = ["ConfigError", "ImportResult", "StoreError", "export_dataset", "export_jsonl", "import_history",
           "load_declarations", "to_toml"]


def __getattr__(name: str) -> Any:
    return load(__name__, _EXPORTS, name)
