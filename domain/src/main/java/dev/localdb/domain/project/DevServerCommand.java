package dev.localdb.domain.project;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command a project's dev server gets so that it really listens on {@code $PORT} (issue #14,
 * item 7), with one line saying what localdb chose and why.
 *
 * @param note    what to tell the user, e.g. "Vite does not read $PORT: added --port ..."
 * @param warning whether the note is a warning (localdb cannot make the server use its port)
 */
public record DevServerCommand(String command, Optional<String> note, boolean warning) {
    /** How each package manager runs the {@code dev} script, and how it passes it more arguments. */
    public enum PackageManager {
        NPM("npm run dev", " -- "), PNPM("pnpm run dev", " "), YARN("yarn run dev", " "), BUN("bun run dev", " ");

        private final String runDev;
        private final String beforeArguments;

        PackageManager(String runDev, String beforeArguments) {
            this.runDev = runDev;
            this.beforeArguments = beforeArguments;
        }

        public String runDev() {
            return runDev;
        }
    }

    private static final Set<String> MANAGERS = Set.of("npm", "pnpm", "yarn", "bun");

    /** For {@code new --dir D} without {@code --command}: D's package.json has this {@code dev} script. */
    public static DevServerCommand fromDevScript(String devScript, PackageManager manager) {
        return adapted(manager.runDev, manager.beforeArguments, devScript, "the dev script (\"" + devScript + "\")");
    }

    /**
     * For an explicit {@code --command}: the framework it runs, directly ({@code npx vite}) or
     * through the package's dev script ({@code npm run dev}, when {@code devScript} is known).
     */
    public static DevServerCommand fromCommand(String command, Optional<String> devScript) {
        List<String> words = DevCommandLine.lastCommand(command);
        if (DevCommandLine.fixedPort(command).isPresent()) {
            return new DevServerCommand(command, Optional.empty(), false); // it names its port itself: the user's choice
        }
        if (devScript.isPresent() && runsDevScript(words) && Framework.servedBy(command).isEmpty()) {
            String separator = words.get(0).equals("npm") && !words.contains("--") ? " -- " : " ";
            return adapted(command, separator, devScript.get(), "the dev script (\"" + devScript.get() + "\")");
        }
        if (Framework.servedBy(command).isEmpty()) {
            return new DevServerCommand(command, Optional.empty(), false); // the user's own server: theirs to know
        }
        return adapted(command, " ", command, "the command");
    }

    private static DevServerCommand adapted(String base, String separator, String served, String what) {
        Optional<Framework> framework = Framework.servedBy(served);
        if (framework.isEmpty()) {
            return new DevServerCommand(base, Optional.of("localdb does not know whether " + what + " listens on $PORT: if 'localdb start'"
                    + " times out, give --command with the server's own port flag (see 'localdb new --help')."), true);
        }
        Framework known = framework.get();
        Optional<String> fixed = DevCommandLine.fixedPort(served);
        if (fixed.isPresent() && !fixed.get().contains("PORT")) {
            return new DevServerCommand(base, Optional.of(what.substring(0, 1).toUpperCase() + what.substring(1) + " fixes its own port ("
                    + fixed.get() + "), so " + known.name() + " will not listen on the one localdb gives: remove the port from it, or give --command."), true);
        }
        if (known.readsPort() || fixed.isPresent()) {
            return new DevServerCommand(base, Optional.of(known.name() + " listens on $PORT by itself."), false);
        }
        return new DevServerCommand(base + separator + known.portFlags(), Optional.of(known.name() + " does not read $PORT, so localdb adds "
                + known.portFlags() + "."), false);
    }

    /** {@code npm run dev}, {@code pnpm dev}, {@code yarn run dev}, {@code bun run dev}, with or without more arguments. */
    private static boolean runsDevScript(List<String> words) {
        if (words.size() < 2 || !MANAGERS.contains(words.get(0))) {
            return false;
        }
        boolean run = words.get(1).equals("run") || words.get(1).equals("run-script");
        return run ? words.size() > 2 && words.get(2).equals("dev") : words.get(1).equals("dev") && !words.get(0).equals("npm");
    }
}
