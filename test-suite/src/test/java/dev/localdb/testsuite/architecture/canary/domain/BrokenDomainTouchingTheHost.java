package dev.localdb.testsuite.architecture.canary.domain;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Broken: a domain class that uses the file system and the network itself. */
public final class BrokenDomainTouchingTheHost {
    public boolean registryExists() {
        return Files.exists(Path.of("registry.json"));
    }

    public Socket probe() {
        return new Socket();
    }
}
