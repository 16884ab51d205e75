package dev.localdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.adapters.storage.LocalDbHome;
import dev.localdb.cli.command.LocalDbCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code localdb <command> ...} builds only that command's model; it must be indistinguishable
 * from the full command tree: the same usage help, errors and exit codes, for every command.
 */
class LeanCommandLineTest {
    @TempDir
    Path temp;

    static Stream<Arguments> invocations() {
        List<String[]> all = new ArrayList<>();
        for (Class<?> command : LocalDbCommand.class.getAnnotation(Command.class).subcommands()) {
            String name = command.getAnnotation(Command.class).name();
            all.add(new String[] {name, "--help"});
            all.add(new String[] {name, "--no-such-option"});
            all.add(new String[] {name, "Not A Valid Name", "and", "more", "arguments"});
        }
        all.add(new String[] {"port", "web"});
        all.add(new String[] {"ports", "--json"});
        all.add(new String[] {"release", "web"});
        return all.stream().map(args -> Arguments.of(String.join(" ", args), args));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invocations")
    void aCommandBehavesAsInTheFullTree(String invocation, String[] args) throws IOException {
        assertThat(lean(args)).isEqualTo(full(args));
    }

    @Test
    void onlyTheNamedCommandIsBuilt() {
        CommandLine lean = commandLine("port", "web");

        assertThat(lean.getSubcommands()).containsOnlyKeys("port");
        assertThat(lean.getSubcommands().get("port").getCommandSpec().qualifiedName()).isEqualTo("localdb port");
    }

    @Test
    void anythingElseGetsTheFullTree() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"prot", "web"}, new String[] {"@args"})) {
            CommandLine commandLine = commandLine(args);

            assertThat(commandLine.getSubcommands()).hasSize(LocalDbCommand.class.getAnnotation(Command.class).subcommands().length);
        }
    }

    private CommandLine commandLine(String... args) {
        PrintWriter quiet = new PrintWriter(new StringWriter());
        return LocalDbCli.commandLine(args, Map.of(LocalDbHome.ENV, temp.toString()), temp.toString(), quiet, quiet);
    }

    private String lean(String[] args) throws IOException {
        Path home = Files.createTempDirectory(temp, "lean");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LocalDbCli.run(args, Map.of(LocalDbHome.ENV, home.toString()), home.toString(), new PrintWriter(out), new PrintWriter(err));
        return outcome(code, out, err, home);
    }

    private String full(String[] args) throws IOException {
        Path home = Files.createTempDirectory(temp, "full");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out);
        PrintWriter errWriter = new PrintWriter(err);
        int code = LocalDbCli.commandLine(Map.of(LocalDbHome.ENV, home.toString()), home.toString(), outWriter, errWriter).execute(args);
        outWriter.flush();
        errWriter.flush();
        return outcome(code, out, err, home);
    }

    /** The two runs use two homes and run moments apart: only those may differ. */
    private static String outcome(int code, StringWriter out, StringWriter err, Path home) {
        return ("exit " + code + "\nout:\n" + out + "\nerr:\n" + err).replace(home.toString(), "<home>")
                .replaceAll("\\d{4}-\\d\\d-\\d\\d[T ][\\d:.]+Z?", "<time>");
    }
}
