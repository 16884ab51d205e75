package dev.localdb.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The command {@code localdb run} runs in the foreground, and where. A command given after
 * {@code --} runs where localdb was started; the project's own command ({@code new --command})
 * runs as {@code localdb start} would run it: {@code /bin/sh -c <command>} in the project's
 * working directory, by default its folder. (Its words are the POSIX form; a launcher for a host
 * with another shell runs the project's command under that one: cmd.exe on Windows.)
 *
 * @param words   the program and its arguments
 * @param project present for the project's own command: its working directory is the command's
 */
public record ForegroundCommand(List<String> words, Optional<ProjectConfig> project) {
    public ForegroundCommand {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("A foreground command needs at least its program");
        }
        Objects.requireNonNull(project, "project");
    }

    /** A command given after {@code --}, run where localdb runs. */
    public static ForegroundCommand given(List<String> words) {
        return new ForegroundCommand(words, Optional.empty());
    }

    /** The project's own command, run in the project's working directory. */
    public static ForegroundCommand ownOf(ProjectConfig project) {
        String command = project.command().orElseThrow(() -> new IllegalArgumentException(project.name() + " has no command"));
        return new ForegroundCommand(List.of("/bin/sh", "-c", command), Optional.of(project));
    }

    /** The program, as the user would name it in a message. */
    public String program() {
        return words.get(0);
    }
}
