package dev.prharness.testing;

import dev.prharness.server.PayloadSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Sends deliveries to a webhook server as GitHub does: event, delivery id, and the HMAC signature. */
public final class Webhooks {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final PayloadSignature signature;

    public Webhooks(String baseUrl, String secret) {
        this.baseUrl = baseUrl;
        this.signature = new PayloadSignature(secret);
    }

    public HttpResponse<String> deliver(String event, byte[] body) {
        return deliver(event, UUID.randomUUID().toString(), body, signature.sign(body));
    }

    public HttpResponse<String> deliver(String event, String deliveryId, byte[] body) {
        return deliver(event, deliveryId, body, signature.sign(body));
    }

    public HttpResponse<String> deliver(String event, String deliveryId, byte[] body, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/webhook"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                // A large body waits for the server's go-ahead, so a refusal (413) is read, not lost to a reset connection.
                .expectContinue(body.length > 1024 * 1024);
        if (signatureHeader != null) {
            request.header("X-Hub-Signature-256", signatureHeader);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
