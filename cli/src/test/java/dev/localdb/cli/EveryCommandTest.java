package dev.localdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.adapters.storage.LocalDbHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Options every command has, so that habits carry over from one command to the next: --verbose,
 * --no-color and --help everywhere, and --json on every command that lists things.
 */
class EveryCommandTest {
    /** The commands whose output lists or reports things; a new one belongs here (and needs --json). */
    private static final Set<String> LISTINGS = Set.of("status", "ports", "config", "why", "doctor");

    @Test
    void everyVisibleCommandTakesVerboseNoColorAndHelp() {
        fullTree().getSubcommands().forEach((name, command) -> {
            if (!command.getCommandSpec().usageMessage().hidden()) {
                assertThat(command.getCommandSpec().optionsMap()).as("options of 'localdb %s'", name)
                        .containsKeys("--verbose", "--no-color", "--help");
            }
        });
    }

    /** Issue #14, item 18: only the root has a version to show. */
    @Test
    void onlyTheRootListsVersion() {
        assertThat(fullTree().getCommandSpec().optionsMap()).containsKeys("-V", "--version");
        fullTree().getSubcommands().forEach((name, command) -> {
            assertThat(command.getCommandSpec().optionsMap()).as("options of 'localdb %s'", name)
                    .doesNotContainKeys("-V", "--version");
            assertThat(command.getUsageMessage()).as("help of 'localdb %s'", name).doesNotContain("--version");
        });
    }

    @Test
    void everyListingHasJson() {
        assertThat(fullTree().getSubcommands()).containsKeys(LISTINGS.toArray(String[]::new));
        for (String listing : LISTINGS) {
            assertThat(fullTree().getSubcommands().get(listing).getCommandSpec().optionsMap())
                    .as("options of 'localdb %s'", listing).containsKey("--json");
        }
    }

    /** Issue #15: the version is printed without building the command tree, exactly as picocli prints it. */
    @Test
    void theVersionAloneIsPrintedWithoutTheTreeAsPicocliPrintsIt() {
        StringWriter picocli = new StringWriter();
        fullTree().printVersionHelp(new PrintWriter(picocli, true));

        for (String option : new String[] {"--version", "-V"}) {
            StringWriter out = new StringWriter();
            int code = LocalDbCli.run(new String[] {option}, Map.of(LocalDbHome.ENV, "/nonexistent"), "/nonexistent",
                    new PrintWriter(out), new PrintWriter(new StringWriter()));
            assertThat(code).isZero();
            assertThat(out.toString()).as(option).isEqualTo(picocli.toString()).startsWith("localdb ");
        }
        assertThat(LocalDbCli.asksForTheVersionOnly(new String[] {"--version", "--verbose"})).as("more than the version: picocli's").isFalse();
    }

    private static CommandLine fullTree() {
        PrintWriter quiet = new PrintWriter(new StringWriter());
        return LocalDbCli.commandLine(Map.of(LocalDbHome.ENV, "/nonexistent"), "/nonexistent", quiet, quiet);
    }
}
