package dev.localdb.junit;

import dev.localdb.adapters.storage.LocalDbHome;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Which localdb home the extension uses: the system property {@code localdb.home}, else the
 * environment variable {@code LOCALDB_HOME} (as the cli), else {@code ~/.localdb}. The real home
 * is the default on purpose: sharing the user's registry is what keeps test ports away from
 * running projects and from other test JVMs. Read at every reservation, so a test harness may
 * point it elsewhere (e.g. at a temporary directory) at any time.
 */
final class HomeLocation {
    static final String PROPERTY = "localdb.home";
    static final String ENV = LocalDbHome.ENV;

    private HomeLocation() {
    }

    static LocalDbHome resolve() {
        return new LocalDbHome(root());
    }

    private static Path root() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return absolute(property, "system property " + PROPERTY);
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return absolute(env, "environment variable " + ENV);
        }
        return LocalDbHome.inUserHome(System.getProperty("user.home")).root();
    }

    private static Path absolute(String configured, String source) {
        Path path;
        try {
            path = Path.of(configured);
        } catch (InvalidPathException e) {
            throw new LocalDbPortException("The " + source + " (\"" + configured + "\") is not a path this system can use; set it to an absolute path.");
        }
        if (!path.isAbsolute()) {
            throw new LocalDbPortException("The " + source + " must be an absolute path, not \"" + configured + "\".");
        }
        return path.normalize();
    }
}
