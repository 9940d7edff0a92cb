"""`python -m assistant` runs the same CLI as `followup`."""

from assistant.cli import main

main()
