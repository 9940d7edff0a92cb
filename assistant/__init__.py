"""interview-followup: reads interview threads, knows what was promised, drafts follow-ups.

It never sends mail. The public, terminal-free core lives here; `cli.py` is a thin shell.
`find_promise` is imported on first use, so that `followup --help` does not pay for
compiling the date reader's patterns.
"""

__all__ = ["Promise", "find_promise"]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in __all__:
        from assistant import promises

        return getattr(promises, name)
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")
