package dev.localdb.domain.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.fake.FakeWorkingDirectories;
import dev.localdb.domain.project.DevServerCommand.PackageManager;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevServerCommandsTest {
    private final FakeWorkingDirectories folders = new FakeWorkingDirectories();
    private final DevServerCommands commands = new DevServerCommands(folders);

    @Test
    void aMissingDirectoryIsOneLineOfBadInput() {
        folders.add("/work/app");

        assertThat(commands.existingDirectory("/work/app")).isEqualTo("/work/app");
        assertThatThrownBy(() -> commands.existingDirectory("/work/gone\u001b[31m"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--dir /work/gone\\u001b[31m is not a directory: give an existing directory for the command to run in.");
    }

    @Test
    void aNewProjectWithADirectoryAloneRunsItsDevScriptWithItsPackageManager() {
        folders.packageJson("/work/app", Optional.of("vite"), PackageManager.PNPM);

        assertThat(commands.forNewProject(Optional.empty(), Optional.of("/work/app")))
                .contains(DevServerCommand.fromDevScript("vite", PackageManager.PNPM));
        assertThat(commands.forNewProject(Optional.empty(), Optional.of("/work/app")).orElseThrow().command())
                .startsWith("pnpm run dev");
    }

    @Test
    void aGivenCommandWinsOverTheDevScriptWhichOnlyTellsWhatItRuns() {
        folders.packageJson("/work/app", Optional.of("vite"), PackageManager.NPM);

        assertThat(commands.forNewProject(Optional.of("npm run dev"), Optional.of("/work/app")))
                .contains(DevServerCommand.fromCommand("npm run dev", Optional.of("vite")));
        assertThat(commands.forNewProject(Optional.of("npm run dev"), Optional.empty()))
                .contains(DevServerCommand.fromCommand("npm run dev", Optional.empty()));
    }

    @Test
    void withoutCommandOrDevScriptItIsTheEmbeddedServer() {
        folders.add("/work/plain");
        folders.packageJson("/work/nodev", Optional.empty(), PackageManager.NPM);

        assertThat(commands.forNewProject(Optional.empty(), Optional.empty())).isEmpty();
        assertThat(commands.forNewProject(Optional.empty(), Optional.of("/work/plain"))).isEmpty();
        assertThat(commands.forNewProject(Optional.empty(), Optional.of("/work/nodev"))).isEmpty();
    }

    @Test
    void anEditedCommandIsFittedByTheDevScriptOfItsDirectory() {
        folders.packageJson("/work/app", Optional.of("vite"), PackageManager.NPM);

        assertThat(commands.forChangedCommand(Optional.of("npm run dev"), Optional.of("/work/app")))
                .contains(DevServerCommand.fromCommand("npm run dev", Optional.of("vite")));
        assertThat(commands.forChangedCommand(Optional.empty(), Optional.of("/work/app"))).as("no new command: unchanged").isEmpty();
    }
}
