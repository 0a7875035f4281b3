"""tracker: keeps the history of online terms and tells, clause by clause, what changed.

The Python API (``tracker.api``) is exported here, loaded on first use so that ``import tracker``
(and the command line, which imports it first) stays fast::

    import tracker

    with tracker.Archive.open("snapshots") as archive:
        print(archive.document("nimbus", "Terms of Service").diff().summary)
    print(tracker.compare(old_text, new_text).summary)
"""

__version__ = "0.1.0"

# name -> module that defines it; imported by __getattr__ when first asked for.
_LAZY = {
    "Archive": "tracker.api",
    "ArchivedDocument": "tracker.api",
    "DocumentStatus": "tracker.api",
    "compare": "tracker.api",
    "compare_sources": "tracker.api",
    "read_sources": "tracker.api",
    "Analysis": "tracker.records",
    "ClauseChange": "tracker.records",
    "Version": "tracker.records",
    "TrackerError": "tracker.errors",
    "NotFoundError": "tracker.errors",
    "StoreError": "tracker.errors",
    "FetchError": "tracker.errors",
    "ExtractError": "tracker.errors",
    "ConfigError": "tracker.errors",
    "InvalidArgument": "tracker.errors",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tracker' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
