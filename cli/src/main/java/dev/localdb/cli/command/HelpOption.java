package dev.localdb.cli.command;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} for a subcommand. Not picocli's standard help options, which would list
 * {@code -V, --version} in every subcommand's help too: only the root prints the version (issue
 * #14, item 18).
 */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
