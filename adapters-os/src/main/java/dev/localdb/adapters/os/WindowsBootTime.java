package dev.localdb.adapters.os;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Windows's boot, as the time it booted (the system's own "now − uptime", recorded once at boot, so
 * every process of one boot reads the same value, unlike a "now − uptime" computed by each caller):
 * {@code Win32_OperatingSystem.LastBootUpTime} through PowerShell, in UTC, to the second.
 */
final class WindowsBootTime {
    static final List<String> COMMAND = List.of("powershell.exe", "-NoProfile", "-NonInteractive", "-Command",
            "(Get-CimInstance Win32_OperatingSystem).LastBootUpTime.ToUniversalTime().ToString('o')");

    private WindowsBootTime() {
    }

    static String read(ExternalCommands tools) {
        ExternalCommands.Outcome outcome = tools.run(COMMAND);
        return (outcome.succeeded() ? parse(outcome.output()) : Optional.<String>empty()).orElse(ProcessHandleTable.UNKNOWN_BOOT);
    }

    /** The round-trip ("o") form, e.g. {@code 2024-03-05T07:12:09.5000000Z}, as "boot-at-2024-03-05T07:12:09Z". */
    static Optional<String> parse(String output) {
        String text = output.strip();
        try {
            return Optional.of("boot-at-" + Instant.parse(text).truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
