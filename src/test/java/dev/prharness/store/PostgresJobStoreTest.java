package dev.prharness.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prharness.testing.Postgres;
import java.util.Optional;

/** The job store contract on PostgreSQL; skipped with a message when no server answers on 127.0.0.1:5432. */
class PostgresJobStoreTest extends JobStoreContract {

    @Override
    protected String databaseUrl() {
        Optional<String> url = Postgres.freshSchema();
        if (url.isEmpty()) {
            System.err.println(Postgres.skipMessage());
        }
        assumeTrue(url.isPresent(), Postgres.skipMessage());
        return url.get();
    }
}
