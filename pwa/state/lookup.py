"""Public look-ups (no login needed), with search, province filter and paging."""

from __future__ import annotations

import reflex as rx

from api.auth import throttle
from api.db import session_scope
from api.services import lookups
from api.services.errors import UserError
from pwa.state.session import SessionState


class LookupState(SessionState):
    """Directory search and "find my code"."""

    kind: str = "facilities"
    query: str = ""
    province: str = ""
    page: int = 1
    pages: int = 1
    total: int = 0
    items: list[dict[str, str]] = []
    note: str = ""
    error: str = ""
    provinces: list[dict[str, str]] = []
    former_provinces: list[dict[str, str]] = []
    matches: list[dict[str, str]] = []
    find_message: str = ""
    find_error: str = ""

    @rx.event
    def load(self) -> None:
        """Read ?kind=&q=&province=&page= from the address and search."""
        self._check()
        params = self.router.url.query_parameters
        self.kind = params.get("kind", "facilities")
        if self.kind not in (*lookups.KINDS, "code"):
            self.kind = "facilities"
        self.query = params.get("q", "")
        self.province = params.get("province", "")
        try:
            self.page = int(params.get("page", "1"))
        except ValueError:
            self.page = 1
        self.matches, self.find_message, self.find_error = [], "", ""
        with session_scope() as db:
            self.provinces = lookups.provinces(db)
        self.former_provinces = lookups.former_provinces(self.lang)
        self._search()

    def _search(self) -> None:
        # Old results never stay on screen under a new question's error.
        self.error = self.note = ""
        self.items, self.total, self.pages = [], 0, 1
        if self.kind == "code":
            return
        try:
            with session_scope() as db:
                result = lookups.search(db, self.kind, self.query, self.province, self.page,
                                        self.lang)
        except UserError as exc:
            self.error = exc.message(self.lang)
            return
        self.items, self.total = result["items"], result["total"]
        self.page, self.pages, self.note = result["page"], result["pages"], result["note"]

    @rx.event
    def set_kind(self, kind: str) -> None:
        """Switch directory."""
        self.kind, self.page = kind, 1
        self._search()

    @rx.event
    def search(self, form: dict[str, str]) -> None:
        """Search from the form."""
        self.query = form.get("q", "")
        self.province = form.get("province", "")
        self.page = 1
        self._search()

    @rx.event
    def goto(self, delta: int) -> None:
        """Previous or next page."""
        self.page += delta
        self._search()

    @rx.event
    async def find_code(self, form: dict[str, str]) -> None:
        """Find one's own code by name, date of birth and province: the last four digits
        here, the full code by SMS to the registered phone."""
        self.matches, self.find_message, self.find_error = [], "", ""
        try:
            with session_scope() as db:
                await throttle.wait_for_address(db, "lookup", self._client())
                found = lookups.find_code(db, form.get("name", ""), form.get("dob", ""),
                                          form.get("province", ""), self.lang, self._client())
        except UserError as exc:
            self.find_error = exc.message(self.lang)
            return
        self.matches, self.find_message = found["matches"], found["message"]
