"""Dotterel's HTTP API and explorer (``dotterel serve``): see ``docs/http.md``."""

from dotterel.api.http.app import create_app

__all__ = ["create_app"]
