package dev.prharness.codehost;

/** The code host as one App installation sees it (the server serves many installations). */
@FunctionalInterface
public interface CodeHosts {

    CodeHost forInstallation(long installationId);
}
