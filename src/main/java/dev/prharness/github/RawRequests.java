package dev.prharness.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Requests github-api has no builder for (a review whose comments say which side they are on), sent through
 * the library's own connector with the connection's credentials. A secondary rate limit is waited out for
 * its Retry-After (bounded) and the request sent again, as the library does for its own requests.
 */
final class RawRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LIMIT_RETRIES = 2;

    private final GitHubConnection connection;

    RawRequests(GitHubConnection connection) {
        this.connection = connection;
    }

    /** The status and body of a request; the body is JSON or null. */
    record Response(int status, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    Response send(String method, String path, Object body) throws IOException {
        return send(method, URI.create(connection.apiUrl() + path), body);
    }

    /** A GraphQL query: {@code /graphql} beside the REST root ({@code /api/graphql} on Enterprise Server). */
    Response graphQl(Object body) throws IOException {
        String root = connection.apiUrl();
        String url = root.endsWith("/api/v3") ? root.substring(0, root.length() - "/v3".length()) + "/graphql" : root + "/graphql";
        return send("POST", URI.create(url), body);
    }

    /** A request that must succeed: its JSON answer (an empty object for none); any other status is an HttpException. */
    JsonNode sendOk(String method, String path, Object body) throws IOException {
        return ok(send(method, path, body), path);
    }

    /** The JSON answer of a response that must be a success, else an HttpException naming the status and the URL. */
    JsonNode ok(Response response, String path) throws IOException {
        if (response.status() / 100 != 2) {
            throw new org.kohsuke.github.HttpException(response.body(), response.status(), null, connection.apiUrl() + path);
        }
        return response.body().isBlank() ? JSON.createObjectNode() : response.json();
    }

    /**
     * A GraphQL request's {@code data}. GitHub answers 200 with {@code errors} for a refused one: that is an
     * HttpException too, with 403 when the token may not, else 422.
     */
    JsonNode graphQlData(String query, ObjectNode variables) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        body.set("variables", variables);
        Response response = graphQl(body);
        JsonNode json = response.status() / 100 == 2 ? response.json() : null;
        if (json == null || json.has("errors") || !json.has("data")) {
            boolean forbidden = response.body().contains("FORBIDDEN") || response.body().contains("not accessible");
            throw new org.kohsuke.github.HttpException(response.body(), response.status() / 100 != 2 ? response.status()
                    : forbidden ? 403 : 422, null, connection.apiUrl() + "/graphql");
        }
        return json.path("data");
    }

    private Response send(String method, URI uri, Object body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        for (int attempt = 0; ; attempt++) {
            Request request = new Request(method, uri.toURL(), bytes, connection.authorizationHeader());
            try (GitHubConnectorResponse response = connection.connector().send(request)) {
                String text;
                try (InputStream in = response.bodyStream()) {
                    text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                boolean limited = response.statusCode() == 429
                        || (response.statusCode() == 403 && response.header("Retry-After") != null);
                if (limited && attempt < MAX_LIMIT_RETRIES) {
                    sleep(retryAfter(response.header("Retry-After")));
                    continue;
                }
                return new Response(response.statusCode(), text);
            }
        }
    }

    private static Duration retryAfter(String header) {
        try {
            long seconds = header == null ? 60 : Long.parseLong(header.trim());
            return Duration.ofSeconds(Math.max(1, seconds));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(60);
        }
    }

    private static void sleep(Duration wait) throws IOException {
        if (wait.compareTo(BoundedWaits.MAX_WAIT) > 0) {
            throw new IOException("GitHub's secondary rate limit asks to wait " + wait.toSeconds() + " s; try again then");
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for GitHub's rate limit", e);
        }
    }

    private record Request(String method, URL url, byte[] bytes, String authorization) implements GitHubConnectorRequest {

        @Override
        public Map<String, List<String>> allHeaders() {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.put("Authorization", List.of(authorization));
            headers.put("Accept", List.of("application/vnd.github+json"));
            headers.put("X-GitHub-Api-Version", List.of("2022-11-28"));
            if (hasBody()) {
                headers.put("Content-Type", List.of("application/json"));
            }
            return headers;
        }

        @Override
        public String header(String name) {
            List<String> values = allHeaders().get(name);
            return values == null ? null : values.get(0);
        }

        @Override
        public String contentType() {
            return hasBody() ? "application/json" : null;
        }

        @Override
        public InputStream body() {
            return hasBody() ? new ByteArrayInputStream(bytes) : null;
        }

        @Override
        public boolean hasBody() {
            return bytes.length > 0;
        }

        @Override
        public String toString() {
            return method + " " + url;
        }
    }
}
