package dev.prharness.store;

/**
 * What differs between the embedded SQLite store and PostgreSQL: id columns, how a job is claimed, the time.
 * PostgreSQL replicas lock the row they claim and skip rows others hold; SQLite has one writer, and its
 * transactions take the write lock when they begin (transaction_mode IMMEDIATE), which serialises claims.
 */
enum Dialect {
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", "",
            "SELECT CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)"),
    POSTGRESQL("BIGSERIAL PRIMARY KEY", " FOR UPDATE SKIP LOCKED",
            "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)");

    final String idColumn;
    /** Appended to the claim query so that replicas never pick the same row. */
    final String lockClause;
    /** The database's own time, in epoch milliseconds: one clock for every replica's leases. */
    final String nowMillis;

    Dialect(String idColumn, String lockClause, String nowMillis) {
        this.idColumn = idColumn;
        this.lockClause = lockClause;
        this.nowMillis = nowMillis;
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("PR_HARNESS_DB '" + jdbcUrl + "' is not a supported JDBC URL: use "
                + "jdbc:sqlite:FILE (embedded) or jdbc:postgresql://HOST/DB");
    }
}
