"""interview-followup: reads interview threads, knows what was promised, drafts follow-ups.

It never sends mail. The public, terminal-free core lives here; `cli.py` is a thin shell.
"""

from assistant.promises import Promise, find_promise

__all__ = ["Promise", "find_promise"]
__version__ = "0.1.0"
