package dev.localdb.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code localdb --verbose status}: the options every command has (and --json, which the listings
 * have) may come before the command, as with git and docker. They are moved after the command's
 * name, where that command parses them as its own, so a command without --json still says
 * "Unknown option: '--json'". This is done here rather than with picocli's inherited options
 * (ScopeType.INHERIT) because those would clash with the per-command mixins, and a root that
 * passes options on makes every run build the whole command tree ({@link LeanCommandLine}).
 */
final class GlobalOptions {
    static final Set<String> NAMES = Set.of("--verbose", "--no-color", "--json");

    private GlobalOptions() {
    }

    /**
     * The arguments with the leading global options after the first word that is not an option.
     * With no such word (e.g. {@code localdb --verbose --help}) they are dropped: the root has no
     * use for them.
     */
    static String[] afterTheCommand(String[] args) {
        int leading = 0;
        while (leading < args.length && NAMES.contains(args[leading])) {
            leading++;
        }
        if (leading == 0) {
            return args;
        }
        List<String> moved = new ArrayList<>(args.length);
        boolean command = leading < args.length && !args[leading].startsWith("-");
        if (command) {
            moved.add(args[leading]);
            moved.addAll(Arrays.asList(args).subList(0, leading));
            moved.addAll(Arrays.asList(args).subList(leading + 1, args.length));
        } else {
            moved.addAll(Arrays.asList(args).subList(leading, args.length));
        }
        return moved.toArray(String[]::new);
    }
}
