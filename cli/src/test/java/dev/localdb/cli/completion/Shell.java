package dev.localdb.cli.completion;

import dev.localdb.cli.LocalDbCli;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real shell: sources the script {@code localdb completion <shell>} printed, fills in
 * COMP_WORDS and COMP_CWORD as the shell does on TAB, calls the function registered for
 * {@code localdb} and prints COMPREPLY one word a line.
 */
final class Shell {
    // A hang guard, not a speed check.
    private static final long TIMEOUT_SECONDS = 120;

    /** bash: the function comes from `complete -p localdb`; compopt only works during a real TAB, so it is a no-op here. */
    static final String BASH_DRIVER = String.join("\n",
            "script=$1; shift",
            "source \"$script\" || exit 90",
            "compopt() { :; }",
            "fn=$(complete -p localdb | sed -n 's/.* -F \\([^ ]*\\) .*/\\1/p')",
            "[ -n \"$fn\" ] || exit 91",
            "COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()",
            "\"$fn\" localdb \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"",
            "printf '%s\\n' \"${COMPREPLY[@]}\"");

    /** zsh: bashcompinit registers `_bash_complete -F <function> ...` in $_comps; bash arrays are 0-based there (ksharrays). */
    static final String ZSH_DRIVER = String.join("\n",
            "script=$1; shift",
            "source \"$script\" || exit 90",
            "fn=${${(z)_comps[localdb]}[3]}",
            "[[ ${${(z)_comps[localdb]}[1]} == _bash_complete && -n $fn ]] || exit 91",
            "setopt ksharrays",
            "COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()",
            "\"$fn\" localdb \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"",
            "(( ${#COMPREPLY[@]} )) && print -rl -- \"${COMPREPLY[@]}\"",
            "exit 0");

    private Shell() {
    }

    /** What {@code localdb completion <shell>} prints, written to a file in {@code dir}. */
    static Path script(String shell, Path dir) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LocalDbCli.run(new String[] {"completion", shell}, Map.of("LOCALDB_HOME", dir.toString()), dir.toString(),
                new PrintWriter(out), new PrintWriter(err));
        if (code != 0 || !err.toString().isEmpty()) {
            throw new AssertionError("localdb completion " + shell + " failed with exit " + code + ": " + err);
        }
        return Files.writeString(dir.resolve("localdb-completion." + shell), out.toString(), StandardCharsets.UTF_8);
    }

    static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("LOCALDB_HOME");
        builder.environment().putAll(env);
        Path out = Files.createTempFile("shell-out", ".txt");
        Path err = Files.createTempFile("shell-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The words COMPREPLY holds after TAB at the end of {@code words} (the last word is the one being completed). */
    static List<String> complete(String shell, Path script, Map<String, String> env, String... words)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(shell.equals("bash")
                ? List.of("bash", "--norc", "--noprofile", "-c", BASH_DRIVER, "bash")
                : List.of("zsh", "-f", "-c", ZSH_DRIVER, "zsh"));
        command.add(script.toString());
        command.addAll(List.of(words));
        Result result = run(command, env);
        if (result.exitCode() != 0 || !result.err().isEmpty()) {
            throw new AssertionError(shell + " completion of " + List.of(words) + " failed: " + result);
        }
        return result.out().lines().filter(line -> !line.isEmpty()).toList();
    }

    record Result(int exitCode, String out, String err) {
    }
}
