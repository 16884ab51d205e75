package dev.localdb.cli.output;

import dev.localdb.adapters.storage.config.ConfigKey;
import dev.localdb.adapters.storage.config.Configuration;
import dev.localdb.domain.allocation.BuiltInExclusions;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.PortSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code localdb config}: each setting's effective value and its source, then what is never handed out. */
public final class ConfigTable {
    private ConfigTable() {
    }

    public static void write(Configuration config, PrintWriter out) {
        out.println("Config file: " + config.file() + (config.fileFound() ? "" : " (not found; defaults apply)"));
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"KEY", "VALUE", "SOURCE"});
        for (Configuration.Effective value : config.values()) {
            String source = value.source().label() + (value.note().isEmpty() ? "" : " (" + value.note() + ")");
            rows.add(new String[] {value.key().key(), text(value.value()), source});
        }
        Columns.print(rows, out);
        out.println();
        out.println("Never handed out:");
        Configuration.Ephemeral ephemeral = config.ephemeral();
        List<String[]> never = new ArrayList<>();
        never.add(new String[] {"  " + ephemeral.range(), "OS ephemeral port range (" + ephemeral.source() + ")"});
        Object excluded = config.value(ConfigKey.EXCLUDED_PORTS).value();
        if (!((List<?>) excluded).isEmpty()) {
            never.add(new String[] {"  " + text(excluded), "excludedPorts"});
        }
        never.add(new String[] {"  " + config.proxy().httpPort() + "," + config.proxy().httpsPort(),
                "the name proxy (proxy.httpPort, proxy.httpsPort)"});
        Columns.print(never, out);
        if (config.usesDefaultExclusions()) {
            writeBuiltIns(config, out);
        }
    }

    /** Only the built-in ports inside the configured ranges: the others could never be chosen anyway. */
    private static void writeBuiltIns(Configuration config, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        for (BuiltInExclusions.Exclusion exclusion : BuiltInExclusions.all()) {
            PortSet inside = within(exclusion.ports(), config.allocation().ranges());
            if (!inside.isEmpty()) {
                rows.add(new String[] {"  " + inside, exclusion.reason()});
            }
        }
        if (!rows.isEmpty()) {
            out.println("Not chosen unless a project names the port (useDefaultExclusions):");
            Columns.print(rows, out);
        }
    }

    static PortSet within(PortSet ports, List<PortRange> ranges) {
        List<PortRange> clipped = new ArrayList<>();
        for (PortRange part : ports.ranges()) {
            for (PortRange range : ranges) {
                int first = Math.max(part.first().value(), range.first().value());
                int last = Math.min(part.last().value(), range.last().value());
                if (first <= last) {
                    clipped.add(PortRange.of(first, last));
                }
            }
        }
        return PortSet.of(clipped);
    }

    /** Ranges in the variable's syntax (copy-pasteable), "none" for an empty list. */
    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "none" : String.join(",", list.stream().map(Object::toString).toList());
        }
        return value.toString();
    }
}
