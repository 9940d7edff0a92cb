"""The one exception the core raises for anything the user can fix.

The CLI turns it into a single line on stderr and exit code 2; the core never prints.
"""


class FollowupError(Exception):
    """A problem with the user's input or environment, said in one line."""
