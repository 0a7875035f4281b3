"""Open Terms Archive compatibility: declarations to ``sources.toml``, history import from a
versions repository, and export to the OTA dataset layout or JSON Lines.

Errors: ``ConfigError`` (unreadable declarations), ``StoreError`` (an unreadable repository).
"""

from tracker.errors import ConfigError, StoreError
from tracker.ota.declarations import load_declarations, to_toml
from tracker.ota.export import export_dataset, export_jsonl
from tracker.ota.history import ImportResult, import_history

__all__ = ["ConfigError", "ImportResult", "StoreError", "export_dataset", "export_jsonl", "import_history",
           "load_declarations", "to_toml"]
