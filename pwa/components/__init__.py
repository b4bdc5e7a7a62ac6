"""Reusable page parts: the shell (header, navigation) and small display blocks."""
