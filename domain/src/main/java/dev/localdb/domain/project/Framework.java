package dev.localdb.domain.project;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dev server people run through localdb, and what its command needs to listen on the port
 * localdb gave. Vite, Astro and the Angular CLI ignore {@code $PORT} and start on their own port,
 * so localdb would wait for a port nobody opens; they need a flag. Next.js, Nuxt and Create React
 * App read {@code $PORT} themselves.
 *
 * @param program     the executable's name, e.g. {@code vite}
 * @param subcommands what follows it when it serves; {@code ""} stands for none (options only)
 * @param portFlags   what to add so it listens on {@code $PORT}; empty when it reads {@code $PORT}
 */
public record Framework(String name, String program, Set<String> subcommands, String portFlags) {
    /** The table in docs/commands/new.md. */
    public static final List<Framework> KNOWN = List.of(
            new Framework("Vite", "vite", Set.of("", "dev", "serve", "preview"), "--port \"$PORT\" --strictPort"),
            new Framework("Astro", "astro", Set.of("dev", "preview"), "--port \"$PORT\""),
            new Framework("Angular CLI", "ng", Set.of("serve", "s"), "--port \"$PORT\""),
            new Framework("webpack-dev-server", "webpack-dev-server", Set.of(""), "--port \"$PORT\""),
            new Framework("webpack-dev-server", "webpack", Set.of("serve"), "--port \"$PORT\""),
            new Framework("Vue CLI", "vue-cli-service", Set.of("serve"), "--port \"$PORT\""),
            new Framework("Gatsby", "gatsby", Set.of("develop"), "--port \"$PORT\""),
            new Framework("Next.js", "next", Set.of("dev", "start"), ""),
            new Framework("Nuxt", "nuxt", Set.of("dev"), ""),
            new Framework("Nuxt", "nuxi", Set.of("dev"), ""),
            new Framework("Create React App", "react-scripts", Set.of("start"), ""));

    public boolean readsPort() {
        return portFlags.isEmpty();
    }

    /**
     * The known framework that a shell command line serves with, looking at its last command (where
     * {@code npm run dev -- ...} puts extra arguments), e.g. Vite for {@code tsc && npx vite --host}.
     */
    public static Optional<Framework> servedBy(String commandLine) {
        List<String> words = DevCommandLine.lastCommand(commandLine);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String program = words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
        String subcommand = words.size() > 1 && !words.get(1).startsWith("-") ? words.get(1) : "";
        return KNOWN.stream().filter(f -> f.program.equals(program) && f.subcommands.contains(subcommand)).findFirst();
    }
}
