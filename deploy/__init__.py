"""Production serving: the server command (deploy/serve.py) and reverse-proxy settings."""
