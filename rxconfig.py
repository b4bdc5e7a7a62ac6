"""Reflex configuration. Settings that differ per deployment come from the environment
(see README: DB_URL, REDIS_URL, ...)."""

import os

import reflex as rx
from reflex_base.plugins.sitemap import SitemapPlugin

from api.config import allowed_origins
from pwa.build.browser_modules import CardBootPlugin, SyncModulesPlugin
from pwa.build.service_worker import ServiceWorkerPlugin

config = rx.Config(
    app_name="pwa",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    frontend_port=int(os.environ.get("PORT", "3000")),
    backend_port=int(os.environ.get("PORT", "3000")),
    # The JSON API and Reflex share one origin; other sites may not call them.
    cors_allowed_origins=allowed_origins(),
    disable_plugins=[SitemapPlugin],
    # CardBootPlugin before ServiceWorkerPlugin: the worker precaches what it copies.
    plugins=[SyncModulesPlugin(), CardBootPlugin(), ServiceWorkerPlugin()],
    redis_url=os.environ.get("REDIS_URL") or None,
)
