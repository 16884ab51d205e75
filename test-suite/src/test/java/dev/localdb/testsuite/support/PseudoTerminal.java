package dev.localdb.testsuite.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/localdb} as if a person typed it in a terminal: under util-linux
 * {@code script}, which gives the command a pseudo-terminal as stdin, stdout and stderr. When the
 * command ends the pseudo-terminal closes, just like a terminal window being closed.
 */
public final class PseudoTerminal {
    private static final Path SCRIPT = Path.of("/usr/bin/script");
    private static final long TIMEOUT_SECONDS = 120;

    private PseudoTerminal() {
    }

    public static boolean available() {
        return Files.isExecutable(SCRIPT);
    }

    /** Stdout and stderr arrive merged (one terminal), with the terminal's \r\n line ends turned into \n. */
    public static LocalDbRunner.Result run(Path home, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> words = new ArrayList<>();
        words.add(LocalDbRunner.launcher().toString());
        words.addAll(List.of(args));
        String commandLine = String.join(" ", words.stream().map(PseudoTerminal::quoted).toList());
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "--quiet", "--return", "--command", commandLine, "/dev/null");
        builder.environment().put("LOCALDB_HOME", home.toString());
        builder.environment().put("LOCALDB_PROXY", "off"); // tests that want the name proxy turn it on
        builder.environment().put("SHELL", "/bin/sh");
        builder.environment().putAll(env);
        Path out = Files.createTempFile("localdb-pty", ".txt");
        builder.redirectOutput(out.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("localdb under a pseudo-terminal did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8).replace("\r\n", "\n");
            return new LocalDbRunner.Result(process.exitValue(), text, "");
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }

    /**
     * Starts {@code bin/localdb args...} under a pseudo-terminal that the test can type into, as a
     * person would (Ctrl-C is {@code "\u0003"}). SIGINT is reset to its default first, because the
     * test JVM may have been started with it ignored (e.g. {@code mvn verify &}) and children
     * inherit that; a person's terminal never ignores it. The shell that script(1) starts execs the
     * command: left waiting in the terminal's foreground group, it would die of the Ctrl-C itself,
     * and script(1) would return its 130 instead of localdb's exit code (an interactive shell puts
     * the command in a group of its own and is not hit).
     */
    public static Session open(Path home, Map<String, String> env, String... args) throws IOException {
        List<String> words = new ArrayList<>(List.of("python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])",
                LocalDbRunner.launcher().toString()));
        words.addAll(List.of(args));
        String commandLine = "exec " + String.join(" ", words.stream().map(PseudoTerminal::quoted).toList());
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "--quiet", "--return", "--command", commandLine, "/dev/null");
        builder.environment().put("LOCALDB_HOME", home.toString());
        builder.environment().put("LOCALDB_PROXY", "off"); // tests that want the name proxy turn it on
        builder.environment().put("SHELL", "/bin/sh");
        builder.environment().putAll(env);
        Path out = Files.createTempFile("localdb-pty", ".txt");
        builder.redirectOutput(out.toFile()).redirectErrorStream(true);
        return new Session(builder.start(), out);
    }

    /** A command running under a pseudo-terminal: what it printed so far, keys typed into it. */
    public static final class Session implements AutoCloseable {
        private final Process process;
        private final Path out;

        private Session(Process process, Path out) {
            this.process = process;
            this.out = out;
        }

        /** Everything printed so far, with \r\n turned into \n. */
        public String output() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8).replace("\r\n", "\n");
        }

        public void awaitOutput(String text, java.time.Duration limit) throws InterruptedException {
            Poll.until("\"" + text + "\" on the terminal", limit, () -> {
                try {
                    return output().contains(text);
                } catch (IOException notYet) {
                    return false;
                }
            });
        }

        public void type(String keys) throws IOException {
            process.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        /** Waits for the command to end; the terminal's output as stdout. */
        public LocalDbRunner.Result await() throws IOException, InterruptedException {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("localdb under a pseudo-terminal did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new LocalDbRunner.Result(process.exitValue(), output(), "");
        }

        @Override
        public void close() throws IOException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
