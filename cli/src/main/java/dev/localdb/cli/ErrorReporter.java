package dev.localdb.cli;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.LocalDbException;
import dev.localdb.domain.error.NoFreePortException;
import dev.localdb.domain.error.ProjectExistsException;
import dev.localdb.domain.error.ProjectInUseException;
import dev.localdb.domain.error.RegistryBusyException;
import dev.localdb.domain.error.ServerStartFailedException;
import dev.localdb.domain.error.StateUnusableException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and its exit code. The stack trace is shown only
 * with --verbose: users get what is wrong and what to do, not where in the code it happened.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    static int exitCodeOf(Throwable error) {
        if (error instanceof InvalidInputException || error instanceof ProjectExistsException) {
            return ExitCode.BAD_INPUT;
        }
        if (error instanceof ProjectInUseException) {
            return ExitCode.PROJECT_IN_USE;
        }
        if (error instanceof NoFreePortException) {
            return ExitCode.NO_FREE_PORT;
        }
        if (error instanceof RegistryBusyException || error instanceof StateUnusableException) {
            return ExitCode.REGISTRY_UNAVAILABLE;
        }
        if (error instanceof ServerStartFailedException) {
            return ExitCode.SERVER_FAILED;
        }
        return ExitCode.FAILURE;
    }

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, ParseResult parseResult) {
        report(error, commandLine, isVerbose(parseResult));
        return exitCodeOf(error);
    }

    static void report(Throwable error, CommandLine commandLine, boolean verbose) {
        var err = commandLine.getErr();
        if (error instanceof LocalDbException) {
            err.println("error: " + error.getMessage());
            if (error instanceof ServerStartFailedException failed && !failed.logLines().isEmpty()) {
                err.println("Last lines of its log:");
                failed.logLines().forEach(line -> err.println("  " + line));
            }
        } else {
            err.println("error: unexpected " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage())
                    + (verbose ? "" : " (run again with --verbose for details)"));
        }
        if (verbose) {
            error.printStackTrace(err);
        }
        err.flush();
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.hasSubcommand() ? pr.subcommand() : null) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
