package dev.prharness.store;

/**
 * What differs between the embedded SQLite store and PostgreSQL: id columns, and how a job is claimed.
 * PostgreSQL replicas lock the row they claim and skip rows others hold; SQLite has one writer, and its
 * transactions take the write lock when they begin (transaction_mode IMMEDIATE), which serialises claims.
 */
enum Dialect {
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", ""),
    POSTGRESQL("BIGSERIAL PRIMARY KEY", " FOR UPDATE SKIP LOCKED");

    final String idColumn;
    /** Appended to the claim query so that replicas never pick the same row. */
    final String lockClause;

    Dialect(String idColumn, String lockClause) {
        this.idColumn = idColumn;
        this.lockClause = lockClause;
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
