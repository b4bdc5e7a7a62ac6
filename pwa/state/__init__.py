"""Reflex state: who is logged in, and the data each page shows."""
