"""Alembic environment: the schema is the SQLModel metadata; the URL comes from DB_URL."""

from alembic import context
from sqlmodel import SQLModel

import api.auth.models  # noqa: F401  (registers the tables)
import api.domain.cases  # noqa: F401
import api.domain.family  # noqa: F401
import api.domain.models  # noqa: F401
import api.domain.payments  # noqa: F401
import api.push.models  # noqa: F401
import sync.models  # noqa: F401
from api.db import engine

target_metadata = SQLModel.metadata


def run_migrations() -> None:
    """Run migrations online against the configured database."""
    with engine().connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=connection.dialect.name == "sqlite")
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
