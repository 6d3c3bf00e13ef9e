"""Dotterel: sourced political event data from news text.

The public Python API lives in :mod:`dotterel.api`; the CLI and HTTP API are thin
layers over it.
"""

__version__ = "0.1.0"
