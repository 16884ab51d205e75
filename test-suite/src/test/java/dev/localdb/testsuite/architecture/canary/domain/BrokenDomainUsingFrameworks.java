package dev.localdb.testsuite.architecture.canary.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

/** Broken: a domain class that needs Jackson and picocli. */
public final class BrokenDomainUsingFrameworks {
    private final ObjectMapper json = new ObjectMapper();

    public ObjectMapper json() {
        return json;
    }

    public CommandLine commandLine(Object command) {
        return new CommandLine(command);
    }
}
