package dev.localdb.cli.output;

import dev.localdb.domain.allocation.RegistryView;
import dev.localdb.domain.model.Allocation;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The human listing of {@code localdb ports}: aligned columns, local times. */
public final class PortsTable {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private PortsTable() {
    }

    public static void write(RegistryView view, PrintWriter out) {
        write(view, out, Style.PLAIN);
    }

    /** The listing with its STATE column painted by {@code style} (plain text when colour is off). */
    public static void write(RegistryView view, PrintWriter out, Style style) {
        if (view.entries().isEmpty()) {
            // Nothing to clean up either, so no cleanup time.
            out.println("No allocations.");
            return;
        }
        {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"PROJECT", "PORT", "STATE", "PID", "ALLOCATED"});
            for (RegistryView.Entry entry : view.entries()) {
                Allocation a = entry.allocation();
                rows.add(new String[] {a.project().value(), a.port().toString(), entry.status().label(),
                        a.owner().map(o -> Long.toString(o.pid())).orElse("-"), time(a.allocatedAt())});
                // A named port is a row of its own, "web:api", with the state, owner and time it shares with the entry.
                a.namedPorts().forEach((portName, port) -> rows.add(new String[] {a.project() + ":" + portName, port.toString(),
                        entry.status().label(), a.owner().map(o -> Long.toString(o.pid())).orElse("-"), time(a.allocatedAt())}));
            }
            Columns.print(rows, out, style);
        }
        out.println("Last cleanup: " + view.lastCleanup().map(PortsTable::time).orElse("never"));
    }

    static String time(Instant instant) {
        return LOCAL.format(instant);
    }
}
