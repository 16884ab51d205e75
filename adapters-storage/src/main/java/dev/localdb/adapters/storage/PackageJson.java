package dev.localdb.adapters.storage;

import com.fasterxml.jackson.core.JsonToken;
import dev.localdb.domain.project.DevServerCommand.PackageManager;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code localdb new --dir D} reads of {@code D/package.json}: the {@code dev} script, and
 * which package manager the folder uses (by its lock file, npm when there is none). A missing,
 * oversized or broken package.json simply has no dev script: the caller then says so.
 *
 * @param devScript the text of {@code "scripts": {"dev": ...}}
 */
public record PackageJson(Path file, Optional<String> devScript, PackageManager manager) {
    private static final int MAX_BYTES = 1024 * 1024;

    /** Empty when the folder has no package.json (a plain file, not a link elsewhere). */
    public static Optional<PackageJson> in(Path dir) {
        Path file = dir.resolve("package.json");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(new PackageJson(file, devScriptOf(file), managerOf(dir)));
    }

    private static Optional<String> devScriptOf(Path file) {
        return SmallJsonFile.read(file, MAX_BYTES, parser -> {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("scripts") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String script = parser.currentName();
                        JsonToken text = parser.nextToken();
                        if (script.equals("dev") && text == JsonToken.VALUE_STRING && !parser.getText().isBlank()) {
                            return Optional.of(parser.getText());
                        }
                        parser.skipChildren();
                    }
                    return Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        });
    }

    private static PackageManager managerOf(Path dir) {
        if (Files.exists(dir.resolve("pnpm-lock.yaml"))) {
            return PackageManager.PNPM;
        }
        if (Files.exists(dir.resolve("yarn.lock"))) {
            return PackageManager.YARN;
        }
        if (Files.exists(dir.resolve("bun.lockb")) || Files.exists(dir.resolve("bun.lock"))) {
            return PackageManager.BUN;
        }
        return PackageManager.NPM;
    }
}
