package dev.prharness.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Durable jobs and deliveries in a relational database: embedded SQLite by default, PostgreSQL to share work
 * between replicas. A job is stored before its delivery is acknowledged; the same delivery id is stored
 * once; workers claim jobs under a lease they renew, and a job whose lease ran out (its worker died) is
 * claimed again. Jobs of one pull request run one at a time, in arrival order.
 */
public final class JobStore implements AutoCloseable {

    /** How long any call to the store may take before it fails (and a delivery is answered 503). */
    static final java.time.Duration ANSWER_WITHIN = java.time.Duration.ofSeconds(2);

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final Clock clock;
    /** Whether leases run out by the database's clock (every replica judges by one time) or by {@link #clock}. */
    private final boolean databaseClock;
    private final String url;

    private JobStore(HikariDataSource pool, Dialect dialect, Clock clock, boolean databaseClock, String url) {
        this.pool = pool;
        this.dialect = dialect;
        this.clock = clock;
        this.databaseClock = databaseClock;
        this.url = url;
    }

    /**
     * Opens the store at {@code jdbcUrl} and creates or migrates its schema. Leases are given and judged by the
     * database's clock, so replicas whose clocks drift apart never take over each other's live jobs.
     */
    public static JobStore open(String jdbcUrl) {
        return open(jdbcUrl, Clock.systemUTC(), true);
    }

    /** The same with every time, leases included, from {@code clock}: for tests that move time on. */
    public static JobStore open(String jdbcUrl, Clock clock) {
        return open(jdbcUrl, clock, false);
    }

    /** {@code clock} for every time but the leases', which come from the database when {@code databaseClock}. */
    static JobStore open(String jdbcUrl, Clock clock, boolean databaseClock) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("pr-harness-store");
        config.setInitializationFailTimeout(-1);
        // GitHub gives a delivery 10 s: a store that does not answer is a 503 well within that, not a timeout.
        config.setConnectionTimeout(ANSWER_WITHIN.toMillis());
        config.setValidationTimeout(ANSWER_WITHIN.toMillis() / 2);
        if (dialect == Dialect.SQLITE) {
            config.setMaximumPoolSize(1);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", String.valueOf(ANSWER_WITHIN.toMillis() - 500));
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            config.setMaximumPoolSize(8);
            config.addDataSourceProperty("connectTimeout", String.valueOf(ANSWER_WITHIN.toSeconds()));
            config.addDataSourceProperty("socketTimeout", String.valueOf(ANSWER_WITHIN.toSeconds()));
        }
        HikariDataSource pool = new HikariDataSource(config);
        JobStore store = new JobStore(pool, dialect, clock, databaseClock, redactedUrl(jdbcUrl));
        try {
            store.migrate();
        } catch (StoreException e) {
            pool.close();
            throw new StoreException("the job store " + store.describe() + " cannot be opened: " + driverReason(e)
                    + "; check PR_HARNESS_DB and that the database is up", e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return store;
    }

    /** The database's or driver's own words under the pool's ("Connection is not available, request timed out"). */
    private static String driverReason(Throwable e) {
        Throwable reason = e;
        while (reason.getCause() != null && reason.getCause() != reason) {
            reason = reason.getCause();
        }
        return reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
    }

    /**
     * Enqueued: the job's id, whether this delivery was already stored, and the queued jobs it replaced; or,
     * when its installation is suspended or removed, not stored ({@code refused} says why, {@code jobId} is 0).
     */
    public record Enqueued(long jobId, boolean duplicate, List<Long> superseded, Optional<String> refused) {}

    public Enqueued enqueue(NewJob job) {
        return transaction("enqueue delivery " + job.deliveryId(), connection -> {
            InstallationState installation = installationState(connection, job.installationId());
            if (installation != InstallationState.ACTIVE) {
                return new Enqueued(0, false, List.of(), Optional.of("installation " + job.installationId() + " is "
                        + installation.column() + "; its deliveries are not stored"));
            }
            long now = clock.millis();
            Long id = null;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO jobs (delivery_id, kind, repository, pull_request, installation_id, payload, status,
                                      attempts, not_before, lease_until, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?, 0, ?, ?)
                    ON CONFLICT (delivery_id) DO NOTHING
                    RETURNING id""")) {
                insert.setString(1, job.deliveryId());
                insert.setString(2, job.kind());
                insert.setString(3, job.repository());
                insert.setInt(4, job.pullRequest());
                insert.setLong(5, job.installationId());
                insert.setString(6, job.payload());
                insert.setLong(7, now);
                insert.setLong(8, now);
                insert.setLong(9, now);
                try (ResultSet rows = insert.executeQuery()) {
                    if (rows.next()) {
                        id = rows.getLong(1);
                    }
                }
            }
            if (id == null) {
                try (PreparedStatement existing = connection.prepareStatement("SELECT id FROM jobs WHERE delivery_id = ?")) {
                    existing.setString(1, job.deliveryId());
                    try (ResultSet rows = existing.executeQuery()) {
                        rows.next();
                        return new Enqueued(rows.getLong(1), true, List.of(), Optional.empty());
                    }
                }
            }
            List<Long> superseded = new ArrayList<>();
            if (job.supersedes()) {
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE jobs SET status = 'superseded', updated_at = ?
                        WHERE repository = ? AND pull_request = ? AND kind = ? AND status = 'queued' AND id < ?
                        RETURNING id""")) {
                    update.setLong(1, now);
                    update.setString(2, job.repository());
                    update.setInt(3, job.pullRequest());
                    update.setString(4, job.kind());
                    update.setLong(5, id);
                    try (ResultSet rows = update.executeQuery()) {
                        while (rows.next()) {
                            superseded.add(rows.getLong(1));
                        }
                    }
                }
            }
            return new Enqueued(id, false, superseded, Optional.empty());
        });
    }

    /**
     * Takes the next job for {@code worker}: the oldest queued job whose time has come (or a running one whose
     * lease ran out), provided no earlier job of the same pull request is waiting or running.
     */
    public Optional<Job> claim(String worker, Duration lease) {
        return transaction("claim a job", connection -> {
            long now = leaseTime(connection);
            Long id = null;
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT j.id FROM jobs j
                    WHERE ((j.status = 'queued' AND j.not_before <= ?) OR (j.status = 'running' AND j.lease_until < ?))
                      AND NOT EXISTS (SELECT 1 FROM jobs o
                                      WHERE o.repository = j.repository AND o.pull_request = j.pull_request
                                        AND o.id < j.id AND o.status IN ('queued', 'running'))
                    ORDER BY j.id
                    LIMIT 1""" + dialect.lockClause)) {
                select.setLong(1, now);
                select.setLong(2, now);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        id = rows.getLong(1);
                    }
                }
            }
            if (id == null) {
                return Optional.<Job>empty();
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE jobs SET status = 'running', lease_owner = ?, lease_until = ?, attempts = attempts + 1,
                                    updated_at = ?
                    WHERE id = ?""")) {
                update.setString(1, worker);
                update.setLong(2, now + lease.toMillis());
                update.setLong(3, now);
                update.setLong(4, id);
                update.executeUpdate();
            }
            return Optional.of(read(connection, id));
        });
    }

    /** Extends the lease; false when the worker no longer holds the job (it was taken over). */
    public boolean renew(long jobId, String worker, Duration lease) {
        return transaction("renew the lease of job " + jobId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE jobs SET lease_until = ?, updated_at = ? WHERE id = ? AND lease_owner = ? AND status = 'running'")) {
                update.setLong(1, leaseTime(connection) + lease.toMillis());
                update.setLong(2, clock.millis());
                update.setLong(3, jobId);
                update.setString(4, worker);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Now, as leases are given and judged: the database's clock, or the store's clock in tests. */
    private long leaseTime(Connection connection) throws SQLException {
        if (!databaseClock) {
            return clock.millis();
        }
        try (Statement select = connection.createStatement(); ResultSet now = select.executeQuery(dialect.nowMillis)) {
            now.next();
            return now.getLong(1);
        }
    }

    public boolean complete(long jobId, String worker) {
        return update("complete job " + jobId,
                "UPDATE jobs SET status = 'done', lease_until = 0, updated_at = ? WHERE id = ? AND lease_owner = ? AND status = 'running'",
                clock.millis(), jobId, worker) == 1;
    }

    /** Puts the job back in the queue to run again at {@code notBefore}, recording why it failed. */
    public boolean retryLater(long jobId, String worker, String error, Instant notBefore) {
        return update("reschedule job " + jobId, """
                UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_until = 0, not_before = ?, last_error = ?,
                                updated_at = ?
                WHERE id = ? AND lease_owner = ? AND status = 'running'""",
                notBefore.toEpochMilli(), error, clock.millis(), jobId, worker) == 1;
    }

    /** Gives up on the job (dead letter), keeping the error. */
    public boolean dead(long jobId, String worker, String error) {
        return update("give up on job " + jobId,
                "UPDATE jobs SET status = 'dead', lease_until = 0, last_error = ?, updated_at = ? WHERE id = ? AND lease_owner = ? AND status = 'running'",
                error, clock.millis(), jobId, worker) == 1;
    }

    /** Hands a running job back without counting the attempt (graceful shutdown). */
    public boolean release(long jobId, String worker) {
        return update("release job " + jobId, """
                UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_until = 0, attempts = attempts - 1,
                                updated_at = ?
                WHERE id = ? AND lease_owner = ? AND status = 'running'""", clock.millis(), jobId, worker) == 1;
    }

    /**
     * Records one use of {@code key} and returns its uses in the current window, this one included: one atomic
     * upsert, so replicas counting the same key at the same moment get different counts. A window starts at the
     * first use after the last one ended.
     */
    public int recordUse(String key, Duration window) {
        long now = clock.millis();
        long expired = now - window.toMillis();
        return transaction("count a use of " + key, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO usage_counts (usage_key, window_start, uses) VALUES (?, ?, 1)
                    ON CONFLICT (usage_key) DO UPDATE SET
                        uses = CASE WHEN usage_counts.window_start <= ? THEN 1 ELSE usage_counts.uses + 1 END,
                        window_start = CASE WHEN usage_counts.window_start <= ? THEN ? ELSE usage_counts.window_start END
                    RETURNING uses""")) {
                upsert.setString(1, key);
                upsert.setLong(2, now);
                upsert.setLong(3, expired);
                upsert.setLong(4, expired);
                upsert.setLong(5, now);
                try (ResultSet r = upsert.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    /**
     * Adds what a review spent on the model, in millionths of a USD, to an account's period ({@code repository:acme/w}
     * and {@code 2026-11-29}, {@code installation:42} and {@code 2026-11}): one atomic upsert, so every replica's
     * spending counts.
     */
    public void addSpend(String account, String period, long microUsd) {
        update("record model spend of " + account, """
                INSERT INTO model_spend (account, period, micro_usd, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (account, period) DO UPDATE SET micro_usd = model_spend.micro_usd + excluded.micro_usd,
                    updated_at = excluded.updated_at""", account, period, microUsd, clock.millis());
    }

    /** What an account has spent in a period, in millionths of a USD (0 when nothing). */
    public long spend(String account, String period) {
        return transaction("read model spend of " + account, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT micro_usd FROM model_spend WHERE account = ? AND period = ?")) {
                select.setString(1, account);
                select.setString(2, period);
                try (ResultSet r = select.executeQuery()) {
                    return r.next() ? r.getLong(1) : 0L;
                }
            }
        });
    }

    /**
     * One person's verdict on one of the bot's comments: {@code id} names the gesture (a reaction), {@code fingerprints}
     * are the comment's (space-separated), {@code writer} whether the person may write to the repository; {@code scope}
     * ({@code finding}, {@code rule}, {@code path}) and {@code glob} say what a silence covers.
     */
    public record FeedbackRow(String id, String repository, long commentId, String fingerprints, String source, String rule,
            String login, boolean writer, String verdict, long atMillis, String scope, String glob) {}

    /** Keeps a verdict unless the same gesture was kept before (any replica); whether it was new. */
    public boolean addFeedback(FeedbackRow row) {
        return update("keep feedback on comment " + row.commentId(), """
                INSERT INTO comment_feedback (id, repository, comment_id, fingerprints, source, rule, login, writer, verdict,
                                              at_millis, scope, glob)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (repository, id) DO NOTHING""", row.id(), row.repository(), row.commentId(), row.fingerprints(),
                row.source(), row.rule(), row.login(), row.writer() ? 1 : 0, row.verdict(), row.atMillis(), row.scope(),
                row.glob()) == 1;
    }

    /** The verdicts kept for {@code repository} (every repository when empty), oldest first. */
    public List<FeedbackRow> feedback(Optional<String> repository) {
        return transaction("read feedback", connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, repository, comment_id, fingerprints, source, rule, login, writer, verdict, at_millis, scope,
                           glob
                    FROM comment_feedback""" + (repository.isPresent() ? " WHERE repository = ?" : "") + " ORDER BY at_millis, id")) {
                if (repository.isPresent()) {
                    select.setString(1, repository.get());
                }
                List<FeedbackRow> rows = new ArrayList<>();
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        rows.add(new FeedbackRow(r.getString(1), r.getString(2), r.getLong(3), r.getString(4), r.getString(5),
                                r.getString(6), r.getString(7), r.getInt(8) == 1, r.getString(9), r.getLong(10), r.getString(11),
                                r.getString(12)));
                    }
                }
                return rows;
            }
        });
    }

    /** One attempt's run record: what the run did, as the events it emitted (JSON), kept with the job. */
    public record RunRecord(int attempt, long recordedMillis, String eventsJson) {}

    /** Keeps the record of one attempt of a job; deleted with the job (retention, purge). */
    public void saveRunRecord(long jobId, int attempt, String eventsJson) {
        update("keep the run record of job " + jobId,
                "INSERT INTO run_records (job_id, attempt, recorded_at, events) VALUES (?, ?, ?, ?)",
                jobId, attempt, clock.millis(), eventsJson);
    }

    /** The run records of a job, oldest attempt first. */
    public List<RunRecord> runRecords(long jobId) {
        return transaction("read the run records of job " + jobId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT attempt, recorded_at, events FROM run_records WHERE job_id = ? ORDER BY recorded_at, attempt")) {
                select.setLong(1, jobId);
                List<RunRecord> records = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        records.add(new RunRecord(rows.getInt(1), rows.getLong(2), rows.getString(3)));
                    }
                }
                return records;
            }
        });
    }

    public Optional<Job> find(long jobId) {
        return transaction("read job " + jobId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM jobs WHERE id = ?")) {
                select.setLong(1, jobId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(connection, jobId)) : Optional.<Job>empty();
                }
            }
        });
    }

    /**
     * Jobs newest first, at most {@code limit}, of one status and one repository when given: what an operator
     * asks for, answered by one query that reads only those rows.
     */
    public List<Job> list(Optional<JobStatus> status, Optional<String> repository, int limit) {
        StringBuilder sql = new StringBuilder(SELECT_JOB).append(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        status.ifPresent(s -> {
            sql.append(" AND status = ?");
            parameters.add(s.label());
        });
        repository.ifPresent(r -> {
            sql.append(" AND repository = ?");
            parameters.add(r);
        });
        sql.append(" ORDER BY id DESC LIMIT ?");
        parameters.add(limit);
        return transaction("list jobs", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                List<Job> jobs = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        jobs.add(job(rows));
                    }
                }
                return jobs;
            }
        });
    }

    /** Queues a dead job again, its attempts counted from zero; false when there is no dead job {@code jobId}. */
    public boolean retryDead(long jobId) {
        return update("retry job " + jobId, """
                UPDATE jobs SET status = 'queued', attempts = 0, lease_owner = NULL, lease_until = 0, not_before = ?,
                       updated_at = ?
                WHERE id = ? AND status = 'dead'""", clock.millis(), clock.millis(), jobId) == 1;
    }

    /** Queues every dead job again; how many. */
    public int retryAllDead() {
        return update("retry the dead jobs", """
                UPDATE jobs SET status = 'queued', attempts = 0, lease_owner = NULL, lease_until = 0, not_before = ?,
                       updated_at = ?
                WHERE status = 'dead'""", clock.millis(), clock.millis());
    }

    /** Deletes finished jobs (done, superseded, cancelled and dead) last changed before {@code before}; how many. */
    public int purge(Instant before) {
        int purged = update("purge jobs",
                "DELETE FROM jobs WHERE status IN ('done', 'superseded', 'cancelled', 'dead') AND updated_at < ?",
                before.toEpochMilli());
        deleteOrphanRecords();
        return purged;
    }

    private void deleteOrphanRecords() {
        update("delete the run records of deleted jobs",
                "DELETE FROM run_records WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.id = run_records.job_id)");
    }

    /**
     * Retention: deletes done, superseded and cancelled jobs last changed more than {@code retention} ago (dead jobs
     * stay until retried or purged) with their run records, command counts whose window ended a day ago, and model
     * spending not added to for 62 days (older than any budget's period); how many jobs went.
     */
    public int prune(Duration retention) {
        long now = clock.millis();
        update("prune command counts", "DELETE FROM usage_counts WHERE window_start < ?", now - Duration.ofDays(1).toMillis());
        update("prune model spend", "DELETE FROM model_spend WHERE updated_at < ?", now - Duration.ofDays(62).toMillis());
        int pruned = update("prune finished jobs",
                "DELETE FROM jobs WHERE status IN ('done', 'superseded', 'cancelled') AND updated_at < ?",
                now - retention.toMillis());
        deleteOrphanRecords();
        return pruned;
    }

    /** Every job, oldest first: for tests, which hold a handful (operators use {@link #list}). */
    public List<Job> jobs() {
        return transaction("list jobs", connection -> {
            List<Job> jobs = new ArrayList<>();
            try (Statement select = connection.createStatement(); ResultSet rows = select.executeQuery(SELECT_JOB + " ORDER BY id")) {
                while (rows.next()) {
                    jobs.add(job(rows));
                }
            }
            return jobs;
        });
    }

    /** Jobs waiting to run. */
    public long queueDepth() {
        return transaction("count queued jobs", connection -> {
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery("SELECT COUNT(*) FROM jobs WHERE status = 'queued'")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /**
     * Records where an App installation stands. A suspended or removed installation's queued jobs are cancelled
     * (they could only fail without its token); returns their ids.
     */
    public List<Long> recordInstallation(long installationId, String account, InstallationState state) {
        return transaction("record installation " + installationId, connection -> {
            long now = clock.millis();
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM installations WHERE id = ?")) {
                delete.setLong(1, installationId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO installations (id, account, action, updated_at) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, installationId);
                insert.setString(2, account);
                insert.setString(3, state.column());
                insert.setLong(4, now);
                insert.executeUpdate();
            }
            List<Long> cancelled = new ArrayList<>();
            if (state != InstallationState.ACTIVE) {
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE jobs SET status = 'cancelled', last_error = ?, updated_at = ?
                        WHERE installation_id = ? AND status = 'queued'
                        RETURNING id""")) {
                    update.setString(1, "installation " + installationId + " was " + state.column());
                    update.setLong(2, now);
                    update.setLong(3, installationId);
                    try (ResultSet rows = update.executeQuery()) {
                        while (rows.next()) {
                            cancelled.add(rows.getLong(1));
                        }
                    }
                }
            }
            return cancelled;
        });
    }

    /** Where an installation stands; one the store never heard of is active. */
    public InstallationState installation(long installationId) {
        return transaction("read installation " + installationId, connection -> installationState(connection, installationId));
    }

    private static InstallationState installationState(Connection connection, long installationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT action FROM installations WHERE id = ?")) {
            select.setLong(1, installationId);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    for (InstallationState state : InstallationState.values()) {
                        if (state.column().equals(rows.getString(1))) {
                            return state;
                        }
                    }
                }
                return InstallationState.ACTIVE;
            }
        }
    }

    /** Whether the database answers, within the store's answer time. */
    public boolean reachable() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) ANSWER_WITHIN.toSeconds());
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The store's JDBC URL with any password hidden: for logs and start-up messages, never for HTTP answers. */
    public String describe() {
        return url;
    }

    @Override
    public void close() {
        pool.close();
    }

    private void migrate() {
        transaction("create the schema", connection -> {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
                int version = 0;
                try (ResultSet rows = ddl.executeQuery("SELECT MAX(version) FROM schema_version")) {
                    if (rows.next()) {
                        version = rows.getInt(1);
                    }
                }
                if (version < 1) {
                    ddl.execute("CREATE TABLE IF NOT EXISTS jobs (id " + dialect.idColumn + ", "
                            + "delivery_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, repository TEXT NOT NULL, "
                            + "pull_request INTEGER NOT NULL, installation_id BIGINT NOT NULL, payload TEXT NOT NULL, "
                            + "status TEXT NOT NULL, attempts INTEGER NOT NULL, not_before BIGINT NOT NULL, "
                            + "lease_owner TEXT, lease_until BIGINT NOT NULL, last_error TEXT, "
                            + "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)");
                    ddl.execute("CREATE INDEX IF NOT EXISTS jobs_claim ON jobs (status, not_before, id)");
                    ddl.execute("CREATE INDEX IF NOT EXISTS jobs_pull_request ON jobs (repository, pull_request, status)");
                    ddl.execute("CREATE TABLE IF NOT EXISTS installations (id BIGINT PRIMARY KEY, account TEXT, "
                            + "action TEXT, updated_at BIGINT NOT NULL)");
                    ddl.execute("INSERT INTO schema_version (version) VALUES (1)");
                }
                if (version < 2) {
                    // Command limits shared by every replica: one row per key and window.
                    ddl.execute("CREATE TABLE IF NOT EXISTS usage_counts (usage_key TEXT PRIMARY KEY, "
                            + "window_start BIGINT NOT NULL, uses INTEGER NOT NULL)");
                    ddl.execute("INSERT INTO schema_version (version) VALUES (2)");
                }
                if (version < 3) {
                    // What each attempt of a job did (its events), deleted with the job.
                    ddl.execute("CREATE TABLE IF NOT EXISTS run_records (job_id BIGINT NOT NULL, attempt INTEGER NOT NULL, "
                            + "recorded_at BIGINT NOT NULL, events TEXT NOT NULL)");
                    ddl.execute("CREATE INDEX IF NOT EXISTS run_records_job ON run_records (job_id)");
                    ddl.execute("INSERT INTO schema_version (version) VALUES (3)");
                }
                if (version < 4) {
                    // Model spending per account (repository, installation) and period (day, month), for budgets.
                    ddl.execute("CREATE TABLE IF NOT EXISTS model_spend (account TEXT NOT NULL, period TEXT NOT NULL, "
                            + "micro_usd BIGINT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (account, period))");
                    ddl.execute("INSERT INTO schema_version (version) VALUES (4)");
                }
                if (version < 5) {
                    // Feedback on the bot's comments (reactions), once per gesture: silences findings, measures rules.
                    ddl.execute("CREATE TABLE IF NOT EXISTS comment_feedback (id TEXT NOT NULL, repository TEXT NOT NULL, "
                            + "comment_id BIGINT NOT NULL, fingerprints TEXT NOT NULL, source TEXT NOT NULL, rule TEXT NOT NULL, "
                            + "login TEXT NOT NULL, writer INTEGER NOT NULL, verdict TEXT NOT NULL, at_millis BIGINT NOT NULL, "
                            + "PRIMARY KEY (repository, id))");
                    ddl.execute("INSERT INTO schema_version (version) VALUES (5)");
                }
                if (version < 6) {
                    // Replies in a thread: /ignore rule and /ignore path GLOB silence more than one finding; /unignore undoes.
                    ddl.execute("ALTER TABLE comment_feedback ADD COLUMN scope TEXT NOT NULL DEFAULT 'finding'");
                    ddl.execute("ALTER TABLE comment_feedback ADD COLUMN glob TEXT NOT NULL DEFAULT ''");
                    ddl.execute("INSERT INTO schema_version (version) VALUES (6)");
                }
            }
            return null;
        });
    }

    private static final String SELECT_JOB = """
            SELECT id, delivery_id, kind, repository, pull_request, installation_id, payload, status, attempts,
                   lease_owner, lease_until, last_error, created_at, updated_at
            FROM jobs""";

    private Job read(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_JOB + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return job(r);
            }
        }
    }

    private static Job job(ResultSet r) throws SQLException {
        return new Job(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5), r.getLong(6),
                r.getString(7), JobStatus.of(r.getString(8)), r.getInt(9), r.getString(10), r.getLong(11),
                r.getString(12), r.getLong(13), r.getLong(14));
    }

    private int update(String what, String sql, Object... parameters) {
        return transaction(what, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    private <T> T transaction(String what, Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("job store (" + url + "): cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static String redactedUrl(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
