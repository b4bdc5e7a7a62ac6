"""The Reflex app: pages, components and state of the citizen's wallet."""
