package dev.prharness.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub REST API on 127.0.0.1 for tests, serving one repository and its pull requests computed from a
 * real git repository: PR metadata, files with patches, contents, compare, comments, reviews (refusing a
 * comment outside the diff with 422, as GitHub does), and GitHub App installation tokens.
 */
public final class FakeGitHub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** GitHub's limit on the body of a comment or review, in characters. */
    public static final int MAX_BODY_CHARS = 65_536;

    /** A request as it arrived. */
    public record Recorded(String method, String path, String query, String authorization, String body) {}

    /** A canned answer to return instead of the normal one. */
    public record Reply(int status, Map<String, String> headers, String body) {}

    /** One pull request of the repository; head can move (a push). */
    public static final class Pr {
        public final int number;
        public String title = "Add loading";
        public String body = "Loads things.";
        public String author = "octocat";
        public boolean draft;
        public String baseRef = "main";
        public String baseSha;
        public String headSha;
        public String headRepo;

        Pr(int number) {
            this.number = number;
        }
    }

    private final HttpServer server;
    private final String owner;
    private final String name;
    private final TestRepo repo;
    private final Map<Integer, Pr> prs = new HashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> issueComments = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> reviewComments = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> reviews = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final Set<String> tokens = new HashSet<>();
    private final Set<String> readOnlyTokens = new HashSet<>();
    private volatile Function<Recorded, Optional<Reply>> interceptor = r -> Optional.empty();
    private volatile java.util.function.Consumer<Recorded> beforeAnswer = r -> { };
    private volatile String botLogin = "pr-harness-bot";
    private volatile boolean userEndpointForbidden;
    private volatile java.time.Duration installationTokenLife = java.time.Duration.ofHours(1);
    private final List<String> issuedInstallationTokens = new CopyOnWriteArrayList<>();
    private final Map<String, String> permissions = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<ObjectNode> reactions = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> reviewCommentReactions = new CopyOnWriteArrayList<>();
    private final Set<String> patchesLeftOut = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, List<JsonNode>> filesByRange = new java.util.concurrent.ConcurrentHashMap<>();
    /** Resolved threads: the id of the thread's first comment, and who resolved it. */
    private final Map<Long, String> resolvedThreads = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<ObjectNode> checkRuns = new CopyOnWriteArrayList<>();
    private final Set<String> checksForbidden = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public FakeGitHub(TestRepo repo, String fullName) {
        this.repo = repo;
        this.owner = fullName.split("/")[0];
        this.name = fullName.split("/")[1];
        server = LoopbackServer.start(this::handle);
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeGitHub acceptToken(String token) {
        tokens.add(token);
        return this;
    }

    /** A token that may read but whose writes answer 403, like a fork PR's GITHUB_TOKEN. */
    public FakeGitHub acceptReadOnlyToken(String token) {
        tokens.add(token);
        readOnlyTokens.add(token);
        return this;
    }

    public FakeGitHub botLogin(String login) {
        this.botLogin = login;
        return this;
    }

    /** Answer /user with 403, as installation and Actions tokens get. */
    public FakeGitHub forbidUserEndpoint() {
        this.userEndpointForbidden = true;
        return this;
    }

    /** Installation tokens live this long (GitHub: one hour). */
    public FakeGitHub installationTokenLife(java.time.Duration life) {
        this.installationTokenLife = life;
        return this;
    }

    /** Requests for which {@code interceptor} returns a reply get that reply instead. */
    public FakeGitHub intercept(Function<Recorded, Optional<Reply>> interceptor) {
        this.interceptor = interceptor;
        return this;
    }

    /**
     * Runs {@code hook} after a request took effect and before its answer is sent (a test may hold the answer,
     * as a slow network would, and kill the client meanwhile).
     */
    public FakeGitHub beforeAnswer(java.util.function.Consumer<Recorded> hook) {
        this.beforeAnswer = hook;
        return this;
    }

    /** What GitHub's collaborator-permission API says for {@code login}: admin, write, read or none. */
    public FakeGitHub permission(String login, String permission) {
        permissions.put(login, permission);
        return this;
    }

    /** Leave out the patch of {@code path} in file listings, as GitHub does for large files. */
    public FakeGitHub leaveOutPatch(String path) {
        patchesLeftOut.add(path);
        return this;
    }

    /** Reactions added to comments: each has {@code comment_id} and {@code content}. */
    /** {@code login} (a bot when {@code bot}) reacts with {@code content} ({@code +1}, {@code -1}, …) to an inline comment. */
    public FakeGitHub reactToReviewComment(long commentId, String login, String content, boolean bot) {
        ObjectNode reaction = JSON.createObjectNode().put("id", ids.incrementAndGet()).put("comment_id", commentId)
                .put("content", content).put("created_at", Instant.now().toString());
        ObjectNode user = user(login);
        user.put("type", bot ? "Bot" : "User");
        reaction.set("user", user);
        reviewCommentReactions.add(reaction);
        return this;
    }

    public List<ObjectNode> reactions() {
        return List.copyOf(reactions);
    }

    /** Reactions added to inline review comments, by anyone (the bot's included). */
    public List<ObjectNode> reviewCommentReactions() {
        return List.copyOf(reviewCommentReactions);
    }

    /** {@code login} replies in the thread inline comment {@code threadCommentId} started; the reply, as GitHub holds it. */
    public ObjectNode replyToReviewComment(long threadCommentId, String login, String body) {
        ObjectNode root = reviewComment(threadCommentId).orElseThrow(() -> new IllegalArgumentException("no review comment "
                + threadCommentId));
        ObjectNode reply = reply(root, login, body);
        reviewComments.add(reply);
        return reply;
    }

    /** {@code login} resolves the thread inline comment {@code threadCommentId} started. */
    public void resolveThread(long threadCommentId, String login) {
        resolvedThreads.put(threadCommentId, login);
    }

    /** Whether the thread inline comment {@code threadCommentId} started is resolved. */
    public boolean threadResolved(long threadCommentId) {
        return resolvedThreads.containsKey(threadCommentId);
    }

    /** Check runs as created and updated: {@code status}, {@code conclusion}, {@code output} with every annotation added. */
    public List<ObjectNode> checkRuns() {
        return List.copyOf(checkRuns);
    }

    /** A token that may not write checks (a personal token: check runs are for Apps), whose check requests answer 403. */
    public FakeGitHub forbidChecks(String token) {
        checksForbidden.add(token);
        return this;
    }

    public Pr pullRequest(int number, String baseSha, String headSha) {
        Pr pr = new Pr(number);
        pr.baseSha = baseSha;
        pr.headSha = headSha;
        pr.headRepo = owner + "/" + name;
        prs.put(number, pr);
        return pr;
    }

    /** A comment someone else wrote on the conversation. */
    public void addIssueComment(int number, String author, String body) {
        issueComments.add(comment(number, author, body));
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public List<Recorded> requests(String method, String pathPart) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().contains(pathPart)).toList();
    }

    /** Submitted (not pending) reviews. */
    public List<ObjectNode> reviews() {
        return reviews.stream().filter(r -> !"PENDING".equals(r.path("state").asText())).toList();
    }

    public List<ObjectNode> reviewComments() {
        return List.copyOf(reviewComments);
    }

    public List<ObjectNode> issueComments() {
        return List.copyOf(issueComments);
    }

    public List<String> issuedInstallationTokens() {
        return List.copyOf(issuedInstallationTokens);
    }

    // ---- routing ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""),
                    exchange.getRequestHeaders().getFirst("Authorization"), body);
            requests.add(request);
            Optional<Reply> canned = interceptor.apply(request);
            Reply reply;
            if (canned.isPresent()) {
                reply = canned.get();
            } else {
                try {
                    reply = route(request);
                } catch (RuntimeException e) {
                    reply = json(500, error("fake GitHub failed: " + e));
                }
            }
            beforeAnswer.accept(request);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", String.valueOf(Math.max(0, 5000 - requests.size())));
            exchange.getResponseHeaders().add("X-RateLimit-Limit", "5000");
            exchange.getResponseHeaders().add("X-RateLimit-Reset", String.valueOf(Instant.now().getEpochSecond() + 3600));
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private Reply route(Recorded r) throws IOException {
        String path = r.path();
        if (path.startsWith("/app")) {
            return app(r);
        }
        Optional<String> token = tokenOf(r.authorization());
        if (token.isEmpty()) {
            return json(401, error("Bad credentials"));
        }
        boolean write = !r.method().equals("GET")
                && !(path.equals("/graphql") && !JSON.readTree(r.body()).path("query").asText().strip().startsWith("mutation"));
        if (write && readOnlyTokens.contains(token.get())) {
            return json(403, error("Resource not accessible by integration"));
        }
        if (path.equals("/user")) {
            return userEndpointForbidden ? json(403, error("Resource not accessible by integration")) : json(200, user(botLogin));
        }
        if (path.startsWith("/users/")) {
            return json(200, user(URLDecoder.decode(path.substring("/users/".length()), StandardCharsets.UTF_8)));
        }
        if (path.equals("/graphql") && r.method().equals("POST")) {
            return graphQl(r);
        }
        if (path.equals("/rate_limit")) {
            return json(200, JSON.readTree("{\"resources\":{\"core\":{\"limit\":5000,\"remaining\":4999,\"reset\":"
                    + (Instant.now().getEpochSecond() + 3600) + "}},\"rate\":{\"limit\":5000,\"remaining\":4999,\"reset\":"
                    + (Instant.now().getEpochSecond() + 3600) + "}}"));
        }
        String repoPrefix = "/repos/" + owner + "/" + name;
        if (!path.startsWith(repoPrefix)) {
            return json(404, error("Not Found"));
        }
        String rest = path.substring(repoPrefix.length());
        Matcher m;
        if (rest.isEmpty()) {
            return json(200, repository());
        }
        if ((m = match("^/pulls/(\\d+)$", rest)) != null) {
            return pr(m) == null ? json(404, error("Not Found")) : json(200, pullJson(pr(m)));
        }
        if ((m = match("^/issues/(\\d+)$", rest)) != null) {
            return pr(m) == null ? json(404, error("Not Found")) : json(200, issueJson(pr(m)));
        }
        if ((m = match("^/pulls/(\\d+)/files$", rest)) != null) {
            Pr pr = pr(m);
            return page(r, files(pr.baseSha, pr.headSha).stream().limit(3_000).toList());
        }
        if ((m = match("^/compare/([0-9a-f]+)\\.\\.\\.([0-9a-f]+)$", rest)) != null) {
            return compare(m.group(1), m.group(2));
        }
        if ((m = match("^/contents/(.+)$", rest)) != null) {
            return contents(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8), query(r.query()).get("ref"));
        }
        Optional<Reply> tooLong = bodyTooLong(r);
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        if ((m = match("^/issues/(\\d+)/comments$", rest)) != null) {
            int number = Integer.parseInt(m.group(1));
            if (r.method().equals("POST")) {
                ObjectNode created = comment(number, botLogin, JSON.readTree(r.body()).path("body").asText());
                issueComments.add(created);
                return json(201, created);
            }
            return page(r, issueComments.stream().filter(c -> c.path("number").asInt() == number).map(c -> (JsonNode) c).toList());
        }
        if ((m = match("^/collaborators/([^/]+)/permission$", rest)) != null) {
            String login = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            ObjectNode json = JSON.createObjectNode().put("permission", permissions.getOrDefault(login, "none"));
            json.set("user", user(login));
            return json(200, json);
        }
        if ((m = match("^/pulls/comments/(\\d+)/reactions$", rest)) != null && r.method().equals("GET")) {
            long id = Long.parseLong(m.group(1));
            if (reviewComments.stream().noneMatch(c -> c.path("id").asLong() == id)) {
                return json(404, error("Not Found"));
            }
            return page(r, reviewCommentReactions.stream().filter(x -> x.path("comment_id").asLong() == id)
                    .map(x -> (JsonNode) x).toList());
        }
        if ((m = match("^/issues/comments/(\\d+)/reactions$", rest)) != null && r.method().equals("POST")) {
            ObjectNode reaction = JSON.createObjectNode().put("id", ids.incrementAndGet())
                    .put("comment_id", Long.parseLong(m.group(1)))
                    .put("content", JSON.readTree(r.body()).path("content").asText());
            reactions.add(reaction);
            return json(201, reaction);
        }
        if ((m = match("^/issues/comments/(\\d+)$", rest)) != null && r.method().equals("PATCH")) {
            long id = Long.parseLong(m.group(1));
            for (ObjectNode c : issueComments) {
                if (c.path("id").asLong() == id) {
                    c.put("body", JSON.readTree(r.body()).path("body").asText());
                    c.put("updated_at", Instant.now().toString());
                    return json(200, c);
                }
            }
            return json(404, error("Not Found"));
        }
        if ((m = match("^/pulls/(\\d+)/comments/(\\d+)/replies$", rest)) != null && r.method().equals("POST")) {
            int number = Integer.parseInt(m.group(1));
            Optional<ObjectNode> root = reviewComment(Long.parseLong(m.group(2))).filter(c -> c.path("number").asInt() == number);
            if (root.isEmpty()) {
                return json(404, error("Not Found"));
            }
            if (root.get().has("in_reply_to_id")) {
                return json(422, error("Validation Failed: in_reply_to_id must be a top-level review comment, replies to "
                        + "replies are not supported"));
            }
            String text = JSON.readTree(r.body()).path("body").asText("");
            if (text.isBlank()) {
                return json(422, error("Validation Failed: body is missing"));
            }
            ObjectNode reply = reply(root.get(), botLogin, text);
            reviewComments.add(reply);
            return json(201, reply);
        }
        if ((m = match("^/pulls/comments/(\\d+)/reactions$", rest)) != null && r.method().equals("POST")) {
            long id = Long.parseLong(m.group(1));
            if (reviewComment(id).isEmpty()) {
                return json(404, error("Not Found"));
            }
            String content = JSON.readTree(r.body()).path("content").asText();
            if (!Set.of("+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes").contains(content)) {
                return json(422, error("Validation Failed: content is not a reaction"));
            }
            ObjectNode reaction = JSON.createObjectNode().put("id", ids.incrementAndGet()).put("comment_id", id)
                    .put("content", content).put("created_at", Instant.now().toString());
            reaction.set("user", user(botLogin));
            reviewCommentReactions.add(reaction);
            return json(201, reaction);
        }
        if ((m = match("^/check-runs(?:/(\\d+))?$", rest)) != null && !r.method().equals("GET")) {
            if (checksForbidden.contains(token.get())) {
                return json(403, error("Resource not accessible by integration"));
            }
            return checkRun(m.group(1) == null ? null : Long.parseLong(m.group(1)), JSON.readTree(r.body()));
        }
        if ((m = match("^/pulls/(\\d+)/comments$", rest)) != null) {
            int number = Integer.parseInt(m.group(1));
            return page(r, reviewComments.stream().filter(c -> c.path("number").asInt() == number)
                    .filter(c -> !"PENDING".equals(stateOfReview(c.path("pull_request_review_id").asLong())))
                    .map(c -> (JsonNode) c).toList());
        }
        if ((m = match("^/pulls/(\\d+)/reviews$", rest)) != null) {
            Pr pr = pr(m);
            if (r.method().equals("POST")) {
                return createReview(pr, JSON.readTree(r.body()));
            }
            return page(r, reviews.stream().filter(v -> v.path("number").asInt() == pr.number)
                    .filter(v -> !"PENDING".equals(v.path("state").asText())).map(v -> (JsonNode) v).toList());
        }
        if ((m = match("^/pulls/(\\d+)/reviews/(\\d+)$", rest)) != null && r.method().equals("DELETE")) {
            long id = Long.parseLong(m.group(2));
            reviews.removeIf(v -> v.path("id").asLong() == id && "PENDING".equals(v.path("state").asText()));
            reviewComments.removeIf(c -> c.path("pull_request_review_id").asLong() == id);
            return json(200, JSON.createObjectNode().put("id", id));
        }
        return json(404, error("Not Found: " + r.method() + " " + path));
    }

    // ---- GitHub App ----

    private Reply app(Recorded r) throws IOException {
        String auth = r.authorization() == null ? "" : r.authorization();
        if (!auth.startsWith("Bearer ") || auth.split("\\.").length != 3) {
            return json(401, error("A JSON web token could not be decoded"));
        }
        Matcher m;
        if (r.path().equals("/app")) {
            return json(200, JSON.createObjectNode().put("id", 42).put("slug", "pr-harness").put("name", "pr-harness")
                    .set("owner", user(owner)));
        }
        if ((m = match("^/app/installations/(\\d+)$", r.path())) != null) {
            ObjectNode installation = JSON.createObjectNode().put("id", Long.parseLong(m.group(1))).put("app_id", 42);
            installation.set("account", user(owner));
            installation.put("access_tokens_url", apiUrl() + "/app/installations/" + m.group(1) + "/access_tokens");
            return json(200, installation);
        }
        if ((m = match("^/app/installations/(\\d+)/access_tokens$", r.path())) != null && r.method().equals("POST")) {
            String token = "ghs_fake" + ids.incrementAndGet();
            tokens.add(token);
            issuedInstallationTokens.add(token);
            return json(201, JSON.createObjectNode().put("token", token)
                    .put("expires_at", Instant.now().plus(installationTokenLife).toString()));
        }
        return json(404, error("Not Found"));
    }

    // ---- pull requests and files ----

    private ObjectNode repository() {
        ObjectNode repository = JSON.createObjectNode();
        repository.put("id", 1296269);
        repository.put("name", name);
        repository.put("full_name", owner + "/" + name);
        repository.set("owner", user(owner));
        repository.put("private", false);
        repository.put("default_branch", "main");
        repository.put("url", apiUrl() + "/repos/" + owner + "/" + name);
        repository.put("html_url", "https://github.com/" + owner + "/" + name);
        return repository;
    }

    private ObjectNode pullJson(Pr pr) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", 100_000 + pr.number);
        json.put("number", pr.number);
        json.put("state", "open");
        json.put("title", pr.title);
        json.put("body", pr.body);
        json.put("draft", pr.draft);
        json.set("user", user(pr.author));
        json.put("url", apiUrl() + "/repos/" + owner + "/" + name + "/pulls/" + pr.number);
        json.put("html_url", "https://github.com/" + owner + "/" + name + "/pull/" + pr.number);
        ObjectNode head = json.putObject("head");
        head.put("sha", pr.headSha).put("ref", "feature").put("label", owner + ":feature");
        ObjectNode headRepo = repository();
        headRepo.put("full_name", pr.headRepo);
        head.set("repo", headRepo);
        ObjectNode base = json.putObject("base");
        base.put("sha", pr.baseSha).put("ref", pr.baseRef).put("label", owner + ":" + pr.baseRef);
        base.set("repo", repository());
        return json;
    }

    private ObjectNode issueJson(Pr pr) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", 200_000 + pr.number);
        json.put("number", pr.number);
        json.put("title", pr.title);
        json.put("state", "open");
        json.set("user", user(pr.author));
        json.put("url", apiUrl() + "/repos/" + owner + "/" + name + "/issues/" + pr.number);
        json.putObject("pull_request").put("url", apiUrl() + "/repos/" + owner + "/" + name + "/pulls/" + pr.number);
        return json;
    }

    /** The files between two commits, shaped as GitHub's pull request files and compare files (computed once). */
    private List<JsonNode> files(String base, String head) {
        String key = base + ".." + head + " " + new java.util.TreeSet<>(patchesLeftOut);
        return filesByRange.computeIfAbsent(key, k -> computeFiles(base, head));
    }

    private List<JsonNode> computeFiles(String base, String head) {
        List<JsonNode> files = new ArrayList<>();
        String[] entries = repo.git("diff", "--name-status", "-z", "-M", base, head).split("\u0000");
        // One git diff for every file; its per-file sections come in the same order as --name-status lists them.
        String[] sections = ("\n" + repo.git("diff", "-M", "--no-color", base, head)).split("\ndiff --git ", -1);
        int section = 1;
        for (int i = 0; i < entries.length && !entries[i].isEmpty(); ) {
            String status = entries[i++];
            ObjectNode file = JSON.createObjectNode();
            String oldPath = entries[i++];
            String newPath = status.startsWith("R") || status.startsWith("C") ? entries[i++] : oldPath;
            file.put("filename", newPath);
            file.put("sha", "0000000000000000000000000000000000000000");
            switch (status.charAt(0)) {
                case 'A' -> file.put("status", "added");
                case 'D' -> file.put("status", "removed");
                case 'R' -> file.put("status", "renamed").put("previous_filename", oldPath);
                case 'C' -> file.put("status", "copied").put("previous_filename", oldPath);
                default -> file.put("status", "modified");
            }
            String diff = section < sections.length ? "diff --git " + sections[section++] : "";
            int hunks = diff.indexOf("\n@@ ");
            int additions = 0;
            int deletions = 0;
            if (hunks >= 0) {
                String patch = diff.substring(hunks + 1);
                patch = patch.endsWith("\n") ? patch.substring(0, patch.length() - 1) : patch;
                for (String line : patch.split("\n")) {
                    if (line.startsWith("+")) {
                        additions++;
                    } else if (line.startsWith("-")) {
                        deletions++;
                    }
                }
                if (!patchesLeftOut.contains(newPath)) {
                    file.put("patch", patch);
                }
            }
            file.put("additions", additions).put("deletions", deletions).put("changes", additions + deletions);
            files.add(file);
        }
        return files;
    }

    /**
     * GraphQL, as far as pr-harness uses it: blobs by {@code object(expression: "SHA:path")}, at most 100 in one
     * query (a bound of this fake; GitHub's own limits are by nodes and cost, and 100 blobs sit well within them).
     */
    private Reply graphQl(Recorded r) throws IOException {
        JsonNode request = JSON.readTree(r.body());
        String query = request.path("query").asText("");
        JsonNode variables = request.path("variables");
        if (query.contains("resolveReviewThread")) {
            return resolveReviewThread(variables.path("id").asText(""));
        }
        if (query.contains("reviewThreads(")) {
            return reviewThreads(query, variables);
        }
        Matcher m = Pattern.compile("(\\w+): object\\(expression: \\$(\\w+)\\)").matcher(query);
        ObjectNode repository = JSON.createObjectNode();
        int objects = 0;
        while (m.find()) {
            if (++objects > 100) {
                return json(200, (ObjectNode) JSON.readTree("{\"errors\":[{\"message\":\"this fake answers at most 100 objects a query\"}]}"));
            }
            String expression = variables.path(m.group(2)).asText("");
            try {
                repository.putObject(m.group(1)).put("text", repo.git("show", expression)).put("isBinary", false)
                        .put("isTruncated", false);
            } catch (IllegalStateException e) {
                repository.putNull(m.group(1));
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("data").set("repository", repository);
        return json(200, body);
    }

    private Reply compare(String base, String head) throws IOException {
        boolean known = !repo.git("cat-file", "-t", base + "^{commit}").isBlank();
        if (!known) {
            return json(404, error("Not Found"));
        }
        boolean ahead = isAncestor(base, head);
        boolean behind = isAncestor(head, base);
        String status = base.equals(head) ? "identical" : ahead ? "ahead" : behind ? "behind" : "diverged";
        ObjectNode json = JSON.createObjectNode();
        json.put("url", apiUrl() + "/repos/" + owner + "/" + name + "/compare/" + base + "..." + head);
        json.put("status", status);
        json.put("ahead_by", ahead ? 1 : 0);
        json.put("behind_by", behind ? 1 : 0);
        json.put("total_commits", 1);
        json.putArray("commits");
        String mergeBase = repo.git("merge-base", base, head).strip();
        json.set("base_commit", commitJson(base));
        json.set("merge_base_commit", commitJson(mergeBase));
        ArrayNode files = json.putArray("files");
        files(base, head).stream().limit(300).forEach(files::add);
        return json(200, json);
    }

    private ObjectNode commitJson(String sha) {
        ObjectNode commit = JSON.createObjectNode();
        commit.put("sha", sha);
        commit.put("url", apiUrl() + "/repos/" + owner + "/" + name + "/commits/" + sha);
        commit.putObject("commit").put("message", "commit " + sha.substring(0, 7))
                .put("url", apiUrl() + "/repos/" + owner + "/" + name + "/git/commits/" + sha);
        commit.putArray("parents");
        return commit;
    }

    private boolean isAncestor(String ancestor, String commit) {
        try {
            repo.git("merge-base", "--is-ancestor", ancestor, commit);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private Reply contents(String path, String ref) {
        String at = ref == null ? "main" : ref;
        if (objectType(at + ":" + path).equals("tree")) {
            ArrayNode listing = JSON.createArrayNode();
            for (String entry : repo.git("ls-tree", at + ":" + path).split("\n")) {
                if (entry.isBlank()) {
                    continue;
                }
                String entryName = entry.substring(entry.indexOf('\t') + 1);
                listing.addObject().put("type", entry.split(" ")[1].equals("tree") ? "dir" : "file").put("name", entryName)
                        .put("path", path.replaceAll("/+$", "") + "/" + entryName);
            }
            return json(200, listing);
        }
        String content;
        try {
            content = repo.git("show", at + ":" + path);
        } catch (IllegalStateException e) {
            return json(404, error("Not Found"));
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("type", "file");
        json.put("encoding", "base64");
        json.put("name", path.substring(path.lastIndexOf('/') + 1));
        json.put("path", path);
        json.put("sha", repo.git("rev-parse", at + ":" + path).strip());
        json.put("size", content.length());
        json.put("content", Base64.getMimeEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)));
        json.put("url", apiUrl() + "/repos/" + owner + "/" + name + "/contents/" + path + "?ref=" + at);
        return json(200, json);
    }

    // ---- reviews ----

    /** GitHub refuses a comment or review body over 65,536 characters (and each inline comment's body) with 422. */
    private static Optional<Reply> bodyTooLong(Recorded r) throws IOException {
        if (r.method().equals("GET") || r.method().equals("DELETE") || r.body().isBlank()) {
            return Optional.empty();
        }
        JsonNode request = JSON.readTree(r.body());
        List<JsonNode> bodies = new ArrayList<>();
        bodies.add(request.path("body"));
        request.path("comments").forEach(c -> bodies.add(c.path("body")));
        for (JsonNode body : bodies) {
            if (body.isTextual() && body.asText().codePointCount(0, body.asText().length()) > MAX_BODY_CHARS) {
                ObjectNode error = JSON.createObjectNode().put("message", "Validation Failed");
                error.putArray("errors").addObject().put("resource", r.path().contains("/reviews") ? "PullRequestReview"
                        : "IssueComment").put("code", "custom").put("field", "body")
                        .put("message", "body is too long (maximum is " + MAX_BODY_CHARS + " characters)");
                return Optional.of(json(422, error));
            }
        }
        return Optional.empty();
    }

    private Reply createReview(Pr pr, JsonNode request) {
        String commit = request.path("commit_id").asText(pr.headSha);
        if (!request.has("event") && reviews.stream().anyMatch(v -> v.path("number").asInt() == pr.number
                && "PENDING".equals(v.path("state").asText()) && botLogin.equals(v.path("user").path("login").asText()))) {
            return json(422, JSON.createObjectNode().put("message", "Unprocessable Entity").set("errors",
                    JSON.createArrayNode().add("User can only have one pending review per pull request")));
        }
        Map<String, Map<String, List<Set<Integer>>>> commentable = commentableLines(pr.baseSha, commit);
        for (JsonNode c : request.path("comments")) {
            String path = c.path("path").asText();
            String side = c.path("side").asText("RIGHT");
            int line = c.path("line").asInt();
            int start = c.has("start_line") ? c.path("start_line").asInt() : line;
            List<Set<Integer>> hunks = commentable.getOrDefault(path, Map.of()).getOrDefault(side, List.of());
            boolean ok = start <= line && hunks.stream().anyMatch(h -> h.contains(line) && h.contains(start));
            if (!ok) {
                return json(422, JSON.createObjectNode().put("message", "Unprocessable Entity")
                        .set("errors", JSON.createArrayNode().add("Pull request review thread line must be part of the diff")));
            }
        }
        ObjectNode review = JSON.createObjectNode();
        long id = ids.incrementAndGet();
        review.put("id", id);
        review.put("number", pr.number);
        review.put("body", request.path("body").asText(""));
        review.put("state", request.has("event") ? "COMMENTED" : "PENDING");
        review.put("commit_id", commit);
        review.set("user", user(botLogin));
        review.put("html_url", "https://github.com/" + owner + "/" + name + "/pull/" + pr.number + "#pullrequestreview-" + id);
        review.put("pull_request_url", apiUrl() + "/repos/" + owner + "/" + name + "/pulls/" + pr.number);
        reviews.add(review);
        for (JsonNode c : request.path("comments")) {
            ObjectNode comment = ((ObjectNode) c.deepCopy());
            comment.put("id", ids.incrementAndGet());
            comment.put("number", pr.number);
            comment.put("pull_request_review_id", id);
            comment.put("commit_id", commit);
            comment.set("user", user(botLogin));
            comment.put("url", apiUrl() + "/repos/" + owner + "/" + name + "/pulls/comments/" + comment.path("id").asLong());
            comment.put("created_at", Instant.now().toString());
            comment.put("side", c.path("side").asText("RIGHT"));
            comment.put("diff_hunk", diffHunk(pr.baseSha, commit, c.path("path").asText(), c.path("side").asText("RIGHT"),
                    c.path("line").asInt()));
            reviewComments.add(comment);
        }
        return json(200, review);
    }

    private String stateOfReview(long id) {
        return reviews.stream().filter(v -> v.path("id").asLong() == id).map(v -> v.path("state").asText()).findFirst().orElse("");
    }

    /** Per path, per side, the line numbers of each hunk: what GitHub accepts a comment on. */
    private Map<String, Map<String, List<Set<Integer>>>> commentableLines(String base, String head) {
        Map<String, Map<String, List<Set<Integer>>>> result = new LinkedHashMap<>();
        Set<String> leftOut = Set.copyOf(patchesLeftOut);
        patchesLeftOut.clear();
        List<JsonNode> withPatches;
        try {
            withPatches = files(base, head);
        } finally {
            patchesLeftOut.addAll(leftOut);
        }
        for (JsonNode file : withPatches) {
            Map<String, List<Set<Integer>>> sides = new HashMap<>();
            sides.put("RIGHT", new ArrayList<>());
            sides.put("LEFT", new ArrayList<>());
            int oldLine = 0;
            int newLine = 0;
            for (String line : file.path("patch").asText("").split("\n")) {
                Matcher h = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@").matcher(line);
                if (h.find()) {
                    oldLine = Integer.parseInt(h.group(1));
                    newLine = Integer.parseInt(h.group(2));
                    sides.get("RIGHT").add(new HashSet<>());
                    sides.get("LEFT").add(new HashSet<>());
                } else if (line.startsWith("+")) {
                    sides.get("RIGHT").getLast().add(newLine++);
                } else if (line.startsWith("-")) {
                    sides.get("LEFT").getLast().add(oldLine++);
                } else if (line.startsWith(" ") || line.isEmpty()) {
                    if (!sides.get("RIGHT").isEmpty()) {
                        sides.get("RIGHT").getLast().add(newLine++);
                        sides.get("LEFT").getLast().add(oldLine++);
                    }
                }
            }
            result.put(file.path("filename").asText(), sides);
        }
        return result;
    }

    // ---- threads and checks ----

    private Optional<ObjectNode> reviewComment(long id) {
        return reviewComments.stream().filter(c -> c.path("id").asLong() == id).findFirst();
    }

    /** A reply in {@code root}'s thread: same place and hunk, {@code in_reply_to_id} naming the first comment. */
    private ObjectNode reply(ObjectNode root, String login, String body) {
        ObjectNode reply = JSON.createObjectNode();
        long id = ids.incrementAndGet();
        reply.put("id", id);
        reply.put("number", root.path("number").asInt());
        reply.put("in_reply_to_id", root.path("id").asLong());
        reply.put("pull_request_review_id", ids.incrementAndGet());
        for (String field : List.of("path", "line", "side", "commit_id", "diff_hunk")) {
            if (root.has(field)) {
                reply.set(field, root.get(field));
            }
        }
        reply.put("body", body);
        reply.set("user", user(login));
        reply.put("created_at", Instant.now().toString());
        reply.put("url", apiUrl() + "/repos/" + owner + "/" + name + "/pulls/comments/" + id);
        return reply;
    }

    /** The hunk of {@code path}'s diff that holds {@code line} on {@code side}, up to that line, as GitHub gives it. */
    private String diffHunk(String base, String head, String path, String side, int line) {
        String patch = files(base, head).stream().filter(f -> f.path("filename").asText().equals(path))
                .map(f -> f.path("patch").asText("")).findFirst().orElse("");
        List<String> hunk = new ArrayList<>();
        int oldLine = 0;
        int newLine = 0;
        for (String l : patch.split("\n")) {
            Matcher h = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@").matcher(l);
            if (h.find()) {
                oldLine = Integer.parseInt(h.group(1));
                newLine = Integer.parseInt(h.group(2));
                hunk.clear();
                hunk.add(l);
                continue;
            }
            hunk.add(l);
            boolean here = side.equals("LEFT") ? !l.startsWith("+") && oldLine == line : !l.startsWith("-") && newLine == line;
            if (here) {
                return String.join("\n", hunk);
            }
            if (!l.startsWith("+")) {
                oldLine++;
            }
            if (!l.startsWith("-")) {
                newLine++;
            }
        }
        return "";
    }

    /**
     * {@code pullRequest.reviewThreads} as GitHub's GraphQL gives it: threads in order, at most 100 a page (more is an
     * error, as on GitHub), each with its comments; a bot's login without {@code [bot]}, typed {@code Bot}.
     */
    private Reply reviewThreads(String query, JsonNode variables) throws IOException {
        Matcher first = Pattern.compile("reviewThreads\\(first: (\\d+)").matcher(query);
        Matcher comments = Pattern.compile("comments\\(first: (\\d+)").matcher(query);
        if (!first.find() || Integer.parseInt(first.group(1)) > 100 || !comments.find() || Integer.parseInt(comments.group(1)) > 100) {
            return json(200, JSON.readTree("{\"errors\":[{\"type\":\"EXCESSIVE_PAGINATION\",\"message\":\"Requesting "
                    + "more than 100 records on a connection (or none) is not allowed.\"}]}"));
        }
        int number = variables.path("number").asInt();
        List<ObjectNode> roots = reviewComments.stream().filter(c -> c.path("number").asInt() == number)
                .filter(c -> !c.has("in_reply_to_id"))
                .filter(c -> !"PENDING".equals(stateOfReview(c.path("pull_request_review_id").asLong()))).toList();
        int from = variables.path("cursor").isTextual() ? Integer.parseInt(variables.path("cursor").asText()) : 0;
        int to = Math.min(roots.size(), from + Integer.parseInt(first.group(1)));
        ObjectNode data = JSON.createObjectNode();
        ObjectNode threads = data.putObject("data").putObject("repository").putObject("pullRequest").putObject("reviewThreads");
        threads.putObject("pageInfo").put("hasNextPage", to < roots.size()).put("endCursor", String.valueOf(to));
        ArrayNode nodes = threads.putArray("nodes");
        for (ObjectNode root : roots.subList(Math.min(from, to), to)) {
            long rootId = root.path("id").asLong();
            ObjectNode thread = nodes.addObject().put("id", "PRRT_" + rootId).put("isResolved", resolvedThreads.containsKey(rootId))
                    .put("path", root.path("path").asText());
            if (resolvedThreads.containsKey(rootId)) {
                thread.set("resolvedBy", graphQlAuthor(resolvedThreads.get(rootId)));
            } else {
                thread.putNull("resolvedBy");
            }
            ArrayNode list = thread.putObject("comments").putArray("nodes");
            reviewComments.stream().filter(c -> c.path("id").asLong() == rootId || c.path("in_reply_to_id").asLong() == rootId)
                    .limit(Integer.parseInt(comments.group(1)))
                    .forEach(c -> list.addObject().put("databaseId", c.path("id").asLong()).put("body", c.path("body").asText())
                            .put("createdAt", c.path("created_at").asText()).put("diffHunk", c.path("diff_hunk").asText(""))
                            .set("author", graphQlAuthor(c.path("user").path("login").asText())));
        }
        return json(200, data);
    }

    /** GraphQL's actor: an App is a {@code Bot} named by its slug, without REST's {@code [bot]}. */
    private static ObjectNode graphQlAuthor(String login) {
        boolean bot = login.endsWith("[bot]");
        return JSON.createObjectNode().put("login", bot ? login.substring(0, login.length() - "[bot]".length()) : login)
                .put("__typename", bot ? "Bot" : "User");
    }

    private Reply resolveReviewThread(String threadId) throws IOException {
        Optional<ObjectNode> root = threadId.startsWith("PRRT_")
                ? reviewComment(Long.parseLong(threadId.substring("PRRT_".length()))) : Optional.empty();
        if (root.isEmpty() || root.get().has("in_reply_to_id")) {
            return json(200, JSON.readTree("{\"data\":{\"resolveReviewThread\":null},\"errors\":[{\"type\":\"NOT_FOUND\","
                    + "\"message\":\"Could not resolve to a node with the global id of '" + threadId + "'\"}]}"));
        }
        resolvedThreads.put(root.get().path("id").asLong(), botLogin);
        ObjectNode data = JSON.createObjectNode();
        data.putObject("data").putObject("resolveReviewThread").putObject("thread").put("id", threadId).put("isResolved", true);
        return json(200, data);
    }

    /**
     * A check run created ({@code id} null) or updated, refused as GitHub refuses it: no name or unknown head commit,
     * a status or conclusion GitHub does not know, a completed run without a conclusion, more than 50 annotations in one
     * request, an annotation without path, lines, level or message, a summary over 65,535 characters.
     */
    private Reply checkRun(Long id, JsonNode request) throws IOException {
        ObjectNode run;
        if (id == null) {
            if (!request.path("name").isTextual() || !objectType(request.path("head_sha").asText("-") + "^{commit}").equals("commit")) {
                return json(422, error("Validation Failed: name and an existing head_sha are required"));
            }
            run = JSON.createObjectNode().put("id", ids.incrementAndGet()).put("name", request.path("name").asText())
                    .put("head_sha", request.path("head_sha").asText()).put("status", "queued");
            run.putArray("history");
            run.putObject("output").putArray("annotations");
        } else {
            Optional<ObjectNode> known = checkRuns.stream().filter(c -> c.path("id").asLong() == id).findFirst();
            if (known.isEmpty()) {
                return json(404, error("Not Found"));
            }
            run = known.get();
        }
        String status = request.path("status").asText(request.has("conclusion") ? "completed" : run.path("status").asText());
        if (!Set.of("queued", "in_progress", "completed").contains(status)) {
            return json(422, error("Validation Failed: status is not included in the list"));
        }
        if (request.has("conclusion") && !Set.of("success", "failure", "neutral", "cancelled", "skipped", "timed_out",
                "action_required").contains(request.path("conclusion").asText())) {
            return json(422, error("Validation Failed: conclusion is not included in the list"));
        }
        if (status.equals("completed") && !request.has("conclusion") && !run.has("conclusion")) {
            return json(422, error("Validation Failed: conclusion is required when status is completed"));
        }
        JsonNode output = request.path("output");
        if (output.isObject()) {
            if (!output.path("title").isTextual() || !output.path("summary").isTextual()) {
                return json(422, error("Validation Failed: output needs a title and a summary"));
            }
            if (output.path("summary").asText().length() > 65_535) {
                return json(422, error("Validation Failed: output.summary is too long (maximum is 65535 characters)"));
            }
            if (output.path("annotations").size() > 50) {
                return json(422, error("Validation Failed: only 50 annotations are allowed per request"));
            }
            for (JsonNode a : output.path("annotations")) {
                if (!a.path("path").isTextual() || !a.path("start_line").isInt() || !a.path("end_line").isInt()
                        || !Set.of("notice", "warning", "failure").contains(a.path("annotation_level").asText())
                        || !a.path("message").isTextual()) {
                    return json(422, error("Validation Failed: an annotation needs path, start_line, end_line, "
                            + "annotation_level (notice, warning, failure) and message"));
                }
            }
            ObjectNode kept = (ObjectNode) run.get("output");
            kept.put("title", output.path("title").asText()).put("summary", output.path("summary").asText());
            output.path("annotations").forEach(a -> ((ArrayNode) kept.get("annotations")).add(a));
        }
        run.put("status", status);
        if (request.has("conclusion")) {
            run.put("conclusion", request.path("conclusion").asText());
        }
        ((ArrayNode) run.get("history")).add(status + (run.has("conclusion") ? ":" + run.path("conclusion").asText() : ""));
        if (id == null) {
            checkRuns.add(run);
        }
        return json(id == null ? 201 : 200, run);
    }

    private String objectType(String object) {
        try {
            return repo.git("cat-file", "-t", object).strip();
        } catch (IllegalStateException e) {
            return "";
        }
    }

    // ---- helpers ----

    private ObjectNode comment(int number, String author, String body) {
        ObjectNode c = JSON.createObjectNode();
        long id = ids.incrementAndGet();
        c.put("id", id);
        c.put("number", number);
        c.put("body", body);
        c.set("user", user(author));
        c.put("created_at", Instant.now().toString());
        c.put("updated_at", Instant.now().toString());
        c.put("url", apiUrl() + "/repos/" + owner + "/" + name + "/issues/comments/" + id);
        c.put("html_url", "https://github.com/" + owner + "/" + name + "/pull/" + number + "#issuecomment-" + id);
        return c;
    }

    private ObjectNode user(String login) {
        ObjectNode user = JSON.createObjectNode();
        user.put("login", login);
        user.put("id", Math.abs(login.hashCode()));
        user.put("type", login.endsWith("[bot]") ? "Bot" : "User");
        user.put("url", apiUrl() + "/users/" + login);
        return user;
    }

    private Optional<String> tokenOf(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String token = authorization.replaceFirst("^(?i)(bearer|token) ", "");
        return tokens.contains(token) ? Optional.of(token) : Optional.empty();
    }

    private Pr pr(Matcher m) {
        return prs.get(Integer.parseInt(m.group(1)));
    }

    /** GitHub-style pagination with per_page and page, and a Link header to the next page. */
    private Reply page(Recorded r, List<JsonNode> all) {
        Map<String, String> q = query(r.query());
        // GitHub gives 30 a page unless asked, and never more than 100.
        int perPage = Math.min(100, Integer.parseInt(q.getOrDefault("per_page", "30")));
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);
        ArrayNode array = JSON.createArrayNode();
        all.subList(from, to).forEach(array::add);
        Map<String, String> headers = new HashMap<>();
        if (to < all.size()) {
            headers.put("Link", "<" + apiUrl() + r.path() + "?per_page=" + perPage + "&page=" + (page + 1) + ">; rel=\"next\"");
        }
        return new Reply(200, headers, array.toString());
    }

    private static Map<String, String> query(String query) {
        Map<String, String> map = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    private static Matcher match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.matches() ? m : null;
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("message", message)
                .put("documentation_url", "https://docs.github.com/rest");
    }

    public static Reply json(int status, JsonNode body) {
        return new Reply(status, Map.of(), body.toString());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
