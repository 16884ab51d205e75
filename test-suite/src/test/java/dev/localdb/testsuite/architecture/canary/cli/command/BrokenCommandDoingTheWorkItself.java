package dev.localdb.testsuite.architecture.canary.cli.command;

import dev.localdb.testsuite.architecture.canary.adapters.storage.CanaryStorageAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Broken: the command deletes files, starts a process and builds an adapter instead of calling a service. */
public final class BrokenCommandDoingTheWorkItself {
    public int call(Path serverJson) throws IOException {
        Files.deleteIfExists(serverJson);
        new ProcessBuilder("true").start();
        return new CanaryStorageAdapter(serverJson).hashCode();
    }
}
