package dev.localdb.cli.command;

import dev.localdb.domain.model.CloseNames;
import dev.localdb.domain.model.Printable;
import java.util.List;
import picocli.CommandLine;

/** The one line for a command name localdb does not have: "unknown command 'stauts': did you mean 'status'?". */
public final class CommandTypo {
    private CommandTypo() {
    }

    /** @param root the command whose subcommands the name should have been one of */
    public static String message(CommandLine root, String typed) {
        List<String> visible = root.getSubcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden()).map(java.util.Map.Entry::getKey).toList();
        // A typo or two ('stauts' is one swap from 'status'; short words get fewer, or 'st' would be 'rm'),
        // else the commands it begins (several for 'st').
        List<String> suggestions = CloseNames.closest(typed, visible, Math.max(1, Math.min(2, typed.length() / 3)), 1);
        if (suggestions.isEmpty() && typed.length() >= 2) {
            suggestions = visible.stream().filter(name -> name.startsWith(typed)).sorted().toList();
        }
        String quoted = "'" + Printable.escaped(typed) + "'";
        if (suggestions.isEmpty()) {
            return "unknown command " + quoted + " (try '" + root.getCommandName() + " --help')";
        }
        String last = "'" + suggestions.get(suggestions.size() - 1) + "'";
        String options = suggestions.size() == 1 ? last
                : "'" + String.join("', '", suggestions.subList(0, suggestions.size() - 1)) + "' or " + last;
        return "unknown command " + quoted + ": did you mean " + options + "?";
    }
}
