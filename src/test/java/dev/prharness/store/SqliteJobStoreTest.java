package dev.prharness.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The job store contract on the embedded SQLite database. */
class SqliteJobStoreTest extends JobStoreContract {

    @TempDir
    Path dir;

    @Override
    protected String databaseUrl() {
        return "jdbc:sqlite:" + dir.resolve("pr-harness.db");
    }
}
