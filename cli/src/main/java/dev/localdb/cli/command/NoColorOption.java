package dev.localdb.cli.command;

import dev.localdb.cli.output.Style;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --no-color}, accepted by every command (mix it in like {@link VerboseOption}). Colour is
 * already off when output is not a terminal or NO_COLOR is set; this is the per-command switch.
 */
public final class NoColorOption {
    @Option(names = "--no-color", description = "No colour or symbols, even on a terminal (as when NO_COLOR is set).")
    boolean noColor;

    /** The style this command prints with: see {@link Style} for the whole rule. */
    public Style style(Map<String, String> env) {
        return Style.detect(env, noColor);
    }
}
