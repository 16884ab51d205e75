package dev.localdb.domain.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Just enough shell reading to see which program a dev command line runs last and whether it
 * already names a port. Not a shell parser: quoting is honoured for words, nothing is expanded,
 * and anything it cannot follow (subshells, functions) simply finds no framework.
 */
final class DevCommandLine {
    private static final Pattern SEPARATOR = Pattern.compile("&&|\\|\\||;|\\||&");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    /** Runners that start the next word as the program. */
    private static final Set<String> RUNNERS = Set.of("npx", "pnpx", "bunx", "exec", "env", "cross-env", "command");

    private DevCommandLine() {
    }

    /** The words of the last command, with leading {@code VAR=value}, {@code npx} and the like dropped. */
    static List<String> lastCommand(String commandLine) {
        String[] commands = SEPARATOR.split(commandLine, -1);
        List<String> words = words(commands[commands.length - 1]);
        int first = 0;
        while (first < words.size()) {
            String word = words.get(first);
            if (ASSIGNMENT.matcher(word).matches() || RUNNERS.contains(word) || (first > 0 && RUNNERS.contains(words.get(first - 1)) && word.startsWith("-"))) {
                first++;
            } else if ((word.equals("pnpm") || word.equals("yarn")) && first + 1 < words.size() && words.get(first + 1).equals("exec")) {
                first += 2;
            } else {
                break;
            }
        }
        return words.subList(first, words.size());
    }

    /** The port the last command fixes with {@code --port N}, {@code --port=N} or {@code -p N}, if any. */
    static Optional<String> fixedPort(String commandLine) {
        List<String> words = lastCommand(commandLine);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("--port=")) {
                return Optional.of(word.substring("--port=".length()));
            }
            if ((word.equals("--port") || word.equals("-p")) && i + 1 < words.size()) {
                return Optional.of(words.get(i + 1));
            }
        }
        return Optional.empty();
    }

    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
