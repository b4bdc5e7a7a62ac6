"""Server side of the wallet: domain model, services, HTTP API, seed data and CLI."""
