package dev.prharness.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL server this kind of machine runs on 127.0.0.1:5432 (trust auth, database {@code test}), with
 * a fresh schema per test. Empty when no server answers: callers skip with a visible message.
 */
public final class Postgres {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3";

    private Postgres() {}

    /** A JDBC URL whose default schema is new and empty, or empty when PostgreSQL does not answer. */
    public static Optional<String> freshSchema() {
        String schema = "prh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            return Optional.of(SERVER + "&currentSchema=" + schema);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    public static String skipMessage() {
        return "PostgreSQL is not reachable at 127.0.0.1:5432 (database test, user postgres): PostgreSQL store tests skipped";
    }
}
