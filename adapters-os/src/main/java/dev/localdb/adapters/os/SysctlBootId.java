package dev.localdb.adapters.os;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * macOS's boot, from {@code sysctl}: {@code kern.bootsessionuuid} (a UUID drawn at every boot, like
 * Linux's boot_id), else {@code kern.boottime} ("{ sec = 1700000000, usec = 123456 } Tue Nov 14 ...",
 * the same for every process of one boot). Where neither can be read the boot is unknown.
 */
final class SysctlBootId {
    private static final Pattern UUID = Pattern.compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    private static final Pattern BOOT_TIME = Pattern.compile("\\{\\s*sec\\s*=\\s*(\\d+)\\s*,\\s*usec\\s*=\\s*(\\d+)\\s*}");

    private SysctlBootId() {
    }

    static String read(ExternalCommands tools) {
        ExternalCommands.Outcome uuid = tools.run(List.of("/usr/sbin/sysctl", "-n", "kern.bootsessionuuid"));
        Optional<String> fromUuid = uuid.succeeded() ? parseSessionUuid(uuid.output()) : Optional.empty();
        return fromUuid.or(() -> {
            ExternalCommands.Outcome time = tools.run(List.of("/usr/sbin/sysctl", "-n", "kern.boottime"));
            return time.succeeded() ? parseBootTime(time.output()) : Optional.empty();
        }).orElse(ProcessHandleTable.UNKNOWN_BOOT);
    }

    /** The output of {@code sysctl -n kern.bootsessionuuid}: one UUID, kept in lower case. */
    static Optional<String> parseSessionUuid(String output) {
        String text = output.strip();
        return UUID.matcher(text).matches() ? Optional.of(text.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The output of {@code sysctl -n kern.boottime}, as "boot-at-<sec>.<usec>". */
    static Optional<String> parseBootTime(String output) {
        Matcher m = BOOT_TIME.matcher(output);
        return m.find() ? Optional.of("boot-at-" + m.group(1) + "." + m.group(2)) : Optional.empty();
    }
}
