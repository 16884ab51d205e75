package dev.localdb.cli.command;

import dev.localdb.cli.output.Style;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command takes, mixed in once per command ({@code @Mixin CommonOptions common}).
 * {@code -h, --help} is not picocli's standard help pair, which would list {@code -V, --version}
 * in every subcommand's help too: only the root prints the version (issue #14, item 18).
 * {@code --verbose} is read by the error reporter from the parse result; {@code --no-color} is the
 * per-command switch (colour is already off when output is not a terminal or NO_COLOR is set).
 */
public final class CommonOptions {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--verbose", description = "Show details, and the stack trace when something fails.")
    boolean verbose;

    @Option(names = "--no-color", description = "No colour or symbols, even on a terminal (as when NO_COLOR is set).")
    boolean noColor;

    public boolean verbose() {
        return verbose;
    }

    /** The style this command prints with: see {@link Style} for the whole rule. */
    public Style style(Map<String, String> env) {
        return Style.detect(env, noColor);
    }
}
