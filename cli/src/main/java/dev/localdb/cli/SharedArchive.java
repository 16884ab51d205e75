package dev.localdb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The class-data-sharing archive {@code bin/localdb} checked and used for this JVM, passed on to
 * the JVMs localdb starts itself (the embedded server, the dashboard's {@code localdb start}): they
 * run the same jar, so the same archive saves them the same class loading. The launcher names it
 * in {@code -Dlocaldb.cds.archive} only after its own checks (see bin/localdb); without it, or if
 * the file has gone, the child JVMs start without an archive, as before.
 */
public final class SharedArchive {
    static final String PROPERTY = "localdb.cds.archive";

    private SharedArchive() {
    }

    /** The JVM options that make a child JVM use the archive too; none when this JVM has none. */
    public static List<String> jvmOptions() {
        String archive = System.getProperty(PROPERTY);
        if (archive == null || archive.isBlank() || !Files.isRegularFile(Path.of(archive))) {
            return List.of();
        }
        // The JVM ignores an archive made for other jars or another JDK; -Xlog:cds*=off keeps that quiet.
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off", "-D" + PROPERTY + "=" + archive);
    }
}
