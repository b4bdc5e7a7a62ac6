"""Domain model shared by the Reflex app and the HTTP API."""
