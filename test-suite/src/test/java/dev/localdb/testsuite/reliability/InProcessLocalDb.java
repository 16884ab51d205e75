package dev.localdb.testsuite.reliability;

import dev.localdb.cli.LocalDbCli;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The CLI run inside the test's JVM: the same commands, error handling and exit codes as
 * {@code bin/localdb}, with the environment and writers passed in. For loops of hundreds of runs,
 * where starting a JVM each time would take minutes; samples of the same cases also go through
 * the real launcher.
 */
final class InProcessLocalDb {
    private final Map<String, String> env = new HashMap<>();
    private final String userHome;

    /**
     * @param home     the {@code LOCALDB_HOME}
     * @param userHome what the CLI takes as the user's home directory: a sandbox folder, so that
     *                 a command that ignored {@code LOCALDB_HOME} would still write where the test looks
     */
    InProcessLocalDb(Path home, Path userHome) {
        env.put("LOCALDB_HOME", home.toString());
        env.put("LOCALDB_PROXY", "off"); // tests that want the name proxy turn it on
        this.userHome = userHome.toString();
    }

    InProcessLocalDb env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** One command, with everything built afresh as in a new process. */
    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LocalDbCli.run(args, env, userHome, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Commands that share one command line, for loops of thousands: building picocli's model of
     * every command is most of an in-process run's time. Picocli resets every option before each
     * parse, and the adapters keep no state between commands but the registry files themselves.
     */
    Session session() {
        return new Session();
    }

    final class Session {
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final CommandLine commandLine = LocalDbCli.commandLine(env, userHome, new PrintWriter(out, true), new PrintWriter(err, true));

        Result run(String... args) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            int code = commandLine.execute(args);
            commandLine.getOut().flush();
            commandLine.getErr().flush();
            return new Result(code, out.toString(), err.toString());
        }
    }
}
