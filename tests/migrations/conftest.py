import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader


class Migrator:
    """Moves the test database between migration states and hands out the
    historical models of each state, as a data migration sees them."""

    def migrate(self, *targets):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(list(targets))
        return executor.loader.project_state(list(targets)).apps

    def command(self, *args):
        """``manage.py migrate …`` as the office's admin runs it (post_migrate too)."""
        call_command("migrate", *args, verbosity=0)
        return self.applied_apps()

    def applied_apps(self):
        """The models of the state the database is in now."""
        loader = MigrationLoader(connection)
        return loader.project_state(list(loader.applied_migrations)).apps

    def latest(self):
        call_command("migrate", verbosity=0)


@pytest.fixture
def migrator(transactional_db):
    migrator = Migrator()
    yield migrator
    migrator.latest()
