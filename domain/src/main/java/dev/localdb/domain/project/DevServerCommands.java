package dev.localdb.domain.project;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.Printable;
import dev.localdb.domain.port.WorkingDirectories;
import java.util.Optional;

/**
 * What {@code new} and {@code edit} make of {@code --command} and {@code --dir}: the directory
 * checked the same way for both, and the command fitted to the framework it runs (issue #14, item 7).
 */
public final class DevServerCommands {
    private final WorkingDirectories directories;

    public DevServerCommands(WorkingDirectories directories) {
        this.directories = directories;
    }

    /**
     * The {@code --dir} of new and edit, made absolute.
     *
     * @throws InvalidInputException when it is not an existing directory (the same one-line error for both)
     */
    public String existingDirectory(String given) {
        return directories.existing(given).orElseThrow(() -> new InvalidInputException("--dir " + Printable.of(given)
                + " is not a directory: give an existing directory for the command to run in."));
    }

    /**
     * For {@code new}: the command given, fitted to the framework it runs; else, for a directory
     * alone, the directory's {@code dev} script; else none: the embedded server.
     */
    public Optional<DevServerCommand> forNewProject(Optional<String> command, Optional<String> workingDirectory) {
        Optional<WorkingDirectories.PackageScripts> packageJson = workingDirectory.flatMap(directories::packageJson);
        Optional<String> devScript = packageJson.flatMap(WorkingDirectories.PackageScripts::devScript);
        if (command.isPresent()) {
            return Optional.of(DevServerCommand.fromCommand(command.get(), devScript));
        }
        return devScript.map(script -> DevServerCommand.fromDevScript(script, packageJson.get().manager()));
    }

    /** For {@code edit}: a new command is fitted as {@code new} fits it ('npx vite' gets --port "$PORT" --strictPort). */
    public Optional<DevServerCommand> forChangedCommand(Optional<String> command, Optional<String> workingDirectory) {
        return command.map(given -> DevServerCommand.fromCommand(given,
                workingDirectory.flatMap(directories::packageJson).flatMap(WorkingDirectories.PackageScripts::devScript)));
    }
}
