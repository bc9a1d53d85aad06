package dev.prharness.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.store.Job;
import dev.prharness.store.JobStatus;
import dev.prharness.store.JobStore;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code GET /runs} and {@code /runs/{id}}: what the server did, as plain server-rendered HTML — the recent jobs
 * (repository, pull request, trigger, status, duration, cost) and one run's timeline and errors, with a retry
 * button for a dead job. Only with {@code PR_HARNESS_ADMIN_TOKEN}: a request shows the token as an HTTP bearer or
 * logs in with it once (a {@code Secure}, {@code HttpOnly}, {@code SameSite=Strict} cookie that holds a keyed
 * hash, never the token); anything else gets 401 and no data. Tokens are compared in constant time; the retry
 * needs a CSRF token. Every value from the store is HTML-escaped: repositories, errors and payloads come from
 * outside.
 */
public final class RunsPage {

    private static final String COOKIE = "prh_admin";
    private static final int LISTED = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobStore store;
    private final byte[] token;
    private final String session;

    public RunsPage(JobStore store, String adminToken) {
        if (adminToken.length() < 16) {
            throw new IllegalArgumentException("PR_HARNESS_ADMIN_TOKEN is too short to guard the runs page; "
                    + "use at least 16 random characters (for example: openssl rand -hex 24)");
        }
        this.store = store;
        this.token = adminToken.getBytes(StandardCharsets.UTF_8);
        this.session = keyed("session");
    }

    /** Adds the page's routes to the server. */
    public void register(JavalinConfig config) {
        config.routes.get("/runs", this::list);
        config.routes.get("/runs/{id}", this::show);
        config.routes.post("/runs/{id}/retry", this::retry);
        config.routes.post("/runs/login", this::login);
    }

    private void list(Context ctx) {
        if (!signedIn(ctx)) {
            return;
        }
        StringBuilder rows = new StringBuilder();
        for (Job job : store.list(Optional.empty(), Optional.empty(), LISTED)) {
            rows.append("<tr><td><a href=\"/runs/").append(job.id()).append("\">").append(job.id()).append("</a></td><td>")
                    .append(html(job.repository())).append("</td><td>#").append(job.pullRequest()).append("</td><td>")
                    .append(html(trigger(job))).append("</td><td class=\"status\">").append(job.status().label())
                    .append("</td><td>").append(seconds(job)).append("</td><td>").append(cost(job)).append("</td></tr>\n");
        }
        page(ctx, "pr-harness runs", "<h1>Recent runs</h1>\n<table id=\"runs\"><tr><th>Job</th><th>Repository</th>"
                + "<th>Pull request</th><th>Trigger</th><th>Status</th><th>Duration</th><th>Cost</th></tr>\n" + rows
                + "</table>");
    }

    private void show(Context ctx) {
        if (!signedIn(ctx)) {
            return;
        }
        Optional<Job> found = id(ctx).flatMap(store::find);
        if (found.isEmpty()) {
            ctx.status(404);
            page(ctx, "no such run", "<p>There is no such run. <a href=\"/runs\">All runs</a></p>");
            return;
        }
        Job job = found.get();
        StringBuilder body = new StringBuilder("<p><a href=\"/runs\">All runs</a></p>\n<h1>Job ").append(job.id())
                .append(": ").append(html(trigger(job))).append(" of ").append(html(job.repository())).append('#')
                .append(job.pullRequest()).append("</h1>\n<p>Status: <span id=\"status\">").append(job.status().label())
                .append("</span> · attempts: ").append(job.attempts()).append(" · created ").append(time(job.createdMillis()))
                .append(" · last changed ").append(time(job.updatedMillis())).append("</p>\n");
        if (job.lastError() != null) {
            body.append("<h2>Error</h2>\n<pre id=\"error\">").append(html(job.lastError())).append("</pre>\n");
        }
        if (job.status() == JobStatus.DEAD) {
            body.append("<form method=\"post\" action=\"/runs/").append(job.id()).append("/retry\">")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(csrf(job.id())).append("\">")
                    .append("<button id=\"retry\" type=\"submit\">Retry this job</button></form>\n");
        }
        for (JobStore.RunRecord record : store.runRecords(job.id())) {
            body.append(timeline(record));
        }
        page(ctx, "run " + job.id(), body.toString());
    }

    private void retry(Context ctx) {
        if (!signedIn(ctx)) {
            return;
        }
        Optional<Long> id = id(ctx);
        String csrf = ctx.formParam("csrf");
        if (id.isEmpty() || csrf == null || !same(csrf, csrf(id.get()))) {
            ctx.status(403).result("the form is stale or did not come from this page; open the run again");
            return;
        }
        if (!store.retryDead(id.get())) {
            ctx.status(409).result("only a dead job can be retried");
            return;
        }
        ctx.redirect("/runs/" + id.get(), HttpStatus.SEE_OTHER);
    }

    private void login(Context ctx) {
        String given = ctx.formParam("token");
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token)) {
            ctx.status(401);
            page(ctx, "pr-harness: sign in", loginForm("That is not the admin token."));
            return;
        }
        ctx.header("Set-Cookie", COOKIE + "=" + session + "; Path=/runs; Secure; HttpOnly; SameSite=Strict");
        ctx.redirect("/runs", HttpStatus.SEE_OTHER);
    }

    /** Whether the request shows the token (bearer) or the session cookie; otherwise answers 401 with the login form. */
    private boolean signedIn(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(authorization.substring(7).getBytes(StandardCharsets.UTF_8), token)) {
            return true;
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null && same(cookie, session)) {
            return true;
        }
        ctx.status(401).header("WWW-Authenticate", "Bearer realm=\"pr-harness runs\"");
        page(ctx, "pr-harness: sign in", loginForm(""));
        return false;
    }

    private static String loginForm(String problem) {
        return "<h1>pr-harness runs</h1>\n" + (problem.isEmpty() ? "" : "<p id=\"problem\">" + problem + "</p>\n")
                + "<form method=\"post\" action=\"/runs/login\"><label>Admin token <input id=\"token\" name=\"token\" "
                + "type=\"password\" autocomplete=\"current-password\"></label> <button id=\"login\" type=\"submit\">Sign in"
                + "</button></form>";
    }

    private static String timeline(JobStore.RunRecord record) {
        JsonNode root;
        try {
            root = JSON.readTree(record.eventsJson());
        } catch (IOException e) {
            return "<p>The record of attempt " + record.attempt() + " cannot be read.</p>\n";
        }
        StringBuilder out = new StringBuilder("<h2>Attempt ").append(record.attempt()).append(": ")
                .append(html(root.path("outcome").asText())).append(" in ").append(root.path("duration_ms").asLong())
                .append(" ms</h2>\n<table class=\"timeline\"><tr><th>ms</th><th>event</th><th>details</th></tr>\n");
        for (JsonNode event : root.path("events")) {
            StringBuilder details = new StringBuilder();
            event.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("event") && !field.getKey().equals("at_ms")) {
                    details.append(field.getKey()).append('=').append(field.getValue().isTextual()
                            ? field.getValue().asText() : field.getValue().toString()).append(' ');
                }
            });
            out.append("<tr><td>").append(event.path("at_ms").asLong()).append("</td><td>").append(html(event.path("event").asText()))
                    .append("</td><td>").append(html(details.toString().strip())).append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private String cost(Job job) {
        double total = 0;
        for (JobStore.RunRecord record : store.runRecords(job.id())) {
            try {
                for (JsonNode event : JSON.readTree(record.eventsJson()).path("events")) {
                    total += event.path("cost_usd").asDouble();
                }
            } catch (IOException e) {
                return "?";
            }
        }
        return String.format(Locale.ROOT, "$%.4f", total);
    }

    private static String trigger(Job job) {
        try {
            JsonNode payload = JSON.readTree(job.payload());
            if (job.kind().equals("command")) {
                return "/" + payload.path("name").asText(payload.path("command").asText("command"));
            }
            return payload.path("full").asBoolean(false) ? "review (whole pull request)" : "review";
        } catch (IOException e) {
            return job.kind();
        }
    }

    private static String seconds(Job job) {
        return job.updatedMillis() <= job.createdMillis() ? "-"
                : String.format(Locale.ROOT, "%.1f s", (job.updatedMillis() - job.createdMillis()) / 1000.0);
    }

    private static void page(Context ctx, String title, String body) {
        ctx.contentType("text/html; charset=utf-8")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .result("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(title)
                        + "</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:.2em .6em;text-align:left}"
                        + "pre{white-space:pre-wrap}</style></head>\n<body>\n" + body + "\n</body></html>\n");
    }

    private static Optional<Long> id(Context ctx) {
        try {
            return Optional.of(Long.parseLong(ctx.pathParam("id")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String csrf(long jobId) {
        return keyed("retry:" + jobId);
    }

    /** HMAC-SHA256 of {@code purpose} under the admin token: a value only a holder of the token can make. */
    private String keyed(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }


    private static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString().replaceFirst("\\.\\d+Z$", "Z");
    }

    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
