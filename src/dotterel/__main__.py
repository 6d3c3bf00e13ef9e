"""``python -m dotterel``: the same command line as ``dotterel``."""

from dotterel.cli.main import main

main()
