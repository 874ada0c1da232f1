import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


class Migrator:
    """Moves the test database between migration states and hands out the
    historical models of each state, as a data migration sees them."""

    def migrate(self, *targets):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(list(targets))
        return executor.loader.project_state(list(targets)).apps

    def latest(self):
        call_command("migrate", verbosity=0)


@pytest.fixture
def migrator(transactional_db):
    migrator = Migrator()
    yield migrator
    migrator.latest()
