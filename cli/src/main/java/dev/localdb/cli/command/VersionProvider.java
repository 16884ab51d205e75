package dev.localdb.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code localdb --version}: the version from the jar manifest, the commit the build recorded in
 * {@code build.properties} (cli/pom.xml; "unknown" outside a git checkout) and the JDK it runs on.
 */
public final class VersionProvider implements IVersionProvider {
    static final String BUILD_PROPERTIES = "/dev/localdb/cli/build.properties";

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {
            "localdb " + (version == null ? "development build" : version),
            "commit " + commit(),
            "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.home") + ")"};
    }

    static String commit() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String commit = properties.getProperty("commit", "").trim();
            return commit.isEmpty() ? "unknown" : commit;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
