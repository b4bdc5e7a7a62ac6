"""HTTP API mounted into the Reflex backend."""
