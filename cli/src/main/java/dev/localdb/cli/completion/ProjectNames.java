package dev.localdb.cli.completion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The shell part that completes project names (project-names.bash beside this class), filled in
 * with what the command tree says: which commands take a project, which options take a value.
 */
final class ProjectNames {
    /** Only names this plain go into the script, so none can break its quoting. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern PLAIN_OPTION = Pattern.compile("--?[A-Za-z0-9][A-Za-z0-9_-]*");

    private ProjectNames() {
    }

    static String script(Map<String, String> sourceByCommand, List<String> valueOptions) {
        String commands = sourceByCommand.entrySet().stream()
                .filter(e -> PLAIN_WORD.matcher(e.getKey()).matches())
                .map(e -> "    " + e.getKey() + ") echo " + e.getValue() + " ;;")
                .collect(Collectors.joining("\n"));
        String options = valueOptions.stream()
                .filter(ProjectNames::plain)
                .map(pair -> "'" + pair + "'")
                .collect(Collectors.joining("|"));
        return template()
                .replace("@PROJECT_COMMANDS@\n", commands.isEmpty() ? "" : commands + "\n")
                .replace("@VALUE_OPTIONS@\n", options.isEmpty() ? "" : "    " + options + ") return 0 ;;\n");
    }

    private static boolean plain(String commandAndOption) {
        String[] words = commandAndOption.split(" ", -1);
        return words.length == 2 && PLAIN_WORD.matcher(words[0]).matches() && PLAIN_OPTION.matcher(words[1]).matches();
    }

    private static String template() {
        try (InputStream in = ProjectNames.class.getResourceAsStream("project-names.bash")) {
            if (in == null) {
                throw new IllegalStateException("project-names.bash is missing from the localdb jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
