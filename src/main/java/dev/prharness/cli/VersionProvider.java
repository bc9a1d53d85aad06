package dev.prharness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version and commit Maven wrote into {@code pr-harness-version.properties} at build time. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String commit = property("commit");
        boolean known = !commit.isEmpty() && !commit.startsWith("${");
        return new String[] {"pr-harness " + version() + " (commit " + (known ? commit
                + ("true".equals(property("dirty")) ? ", with uncommitted changes" : "") : "unknown") + ")"};
    }

    public static String version() {
        return property("version");
    }

    private static String property(String name) {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/pr-harness-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(name, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
