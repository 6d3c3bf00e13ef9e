"""Dotterel analysis stage."""
