"""Dotterel events stage."""
