"""Build steps that run inside Reflex's build (plugins)."""
