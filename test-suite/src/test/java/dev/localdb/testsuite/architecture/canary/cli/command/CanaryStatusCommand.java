package dev.localdb.testsuite.architecture.canary.cli.command;

import dev.localdb.testsuite.architecture.canary.cli.CanaryCli;

/** Clean: a command parses, calls one service (which the composition root built) and prints. */
public final class CanaryStatusCommand {
    private final CanaryCli wiring;

    public CanaryStatusCommand(CanaryCli wiring) {
        this.wiring = wiring;
    }

    public String call(String argument) {
        return argument.strip() + ": " + wiring.run();
    }
}
