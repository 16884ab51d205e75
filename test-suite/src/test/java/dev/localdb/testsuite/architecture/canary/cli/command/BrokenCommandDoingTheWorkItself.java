package dev.localdb.testsuite.architecture.canary.cli.command;

import com.fasterxml.jackson.core.JsonFactory;
import dev.localdb.testsuite.architecture.canary.adapters.storage.CanaryStorageAdapter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Broken: the command deletes files, starts a process, builds an adapter and writes its own JSON instead of calling a service. */
public final class BrokenCommandDoingTheWorkItself {
    public int call(Path serverJson) throws IOException {
        Files.deleteIfExists(serverJson);
        new ProcessBuilder("true").start();
        new JsonFactory().createGenerator(new StringWriter()).close();
        return new CanaryStorageAdapter(serverJson).hashCode();
    }
}
