package dev.prharness.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opentest4j.TestAbortedException;

/**
 * The PostgreSQL server on 127.0.0.1:5432 (trust auth, database {@code test}; {@code -Dprharness.postgres.url}
 * names another), with a fresh schema per test. Where none answers, PostgreSQL tests skip with a message on
 * Maven's console, or fail when {@code -Dprharness.postgres.required=true} (as CI runs them).
 */
public final class Postgres {

    public static final String SERVER = System.getProperty("prharness.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3");
    private static final boolean REQUIRED = Boolean.getBoolean("prharness.postgres.required");
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private Postgres() {}

    /** A JDBC URL whose default schema is new and empty, or empty when PostgreSQL does not answer. */
    public static Optional<String> freshSchema() {
        String schema = "prh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            return Optional.of(SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * A fresh schema's URL, or the test is skipped (said once on the console, not only in a report file) — or
     * fails, when PostgreSQL is required.
     */
    public static String freshSchemaOrSkip() {
        Optional<String> url = freshSchema();
        if (url.isPresent()) {
            return url.get();
        }
        String why = skipMessage();
        if (REQUIRED) {
            throw new IllegalStateException(why + " — and -Dprharness.postgres.required=true says it must be there");
        }
        if (TOLD.compareAndSet(false, true)) {
            // Surefire keeps System.out and System.err in report files; the process's own stderr reaches the console.
            @SuppressWarnings("resource")
            PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            console.println("[WARNING] " + why);
        }
        throw new TestAbortedException(why);
    }

    public static String skipMessage() {
        return "PostgreSQL is not reachable at " + SERVER.replaceAll("\\?.*", "")
                + " (database test, user postgres, trust auth): PostgreSQL tests skipped";
    }
}
