"""Realistic, deterministic demo data: `python -m api.seed --people N --seed S`."""
