"""Domain services: what the pages and the HTTP API ask of the database, in one place."""
