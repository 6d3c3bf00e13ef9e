"""Dotterel cli stage."""
