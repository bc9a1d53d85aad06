package dev.prharness.harness;

/** Sends one request to a language model. Implementations retry transient failures themselves. */
public interface ModelClient {

    /**
     * @throws ModelCallException when the model stays unreachable or keeps failing after the retries
     */
    ModelReply complete(ModelRequest request);

    /** The model name a role is served by, for logs. */
    String modelFor(ModelRole role);
}
