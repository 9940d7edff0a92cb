"""The one exception the core raises for anything the user can fix.

The CLI turns it into a single line on stderr and exit code 2; the core never prints.
"""


class FollowupError(Exception):
    """A problem with the user's input or environment, said in one line."""


class Refusal(FollowupError):
    """The tool will not do this without --force, because the advice warns against it
    (a check-in before their time frame has passed, a second one while the first is
    unanswered). The CLI prints one line and exits with code 3."""
