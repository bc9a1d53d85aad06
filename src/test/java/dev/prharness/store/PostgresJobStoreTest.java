package dev.prharness.store;

import dev.prharness.testing.Postgres;

/** The job store contract on PostgreSQL; skipped with a console message when no server answers on 127.0.0.1:5432. */
class PostgresJobStoreTest extends JobStoreContract {

    @Override
    protected String databaseUrl() {
        return Postgres.freshSchemaOrSkip();
    }
}
