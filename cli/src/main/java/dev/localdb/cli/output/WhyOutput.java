package dev.localdb.cli.output;

import dev.localdb.domain.diagnostics.PortExplanation;
import dev.localdb.domain.diagnostics.PortExplanation.Holder;
import dev.localdb.domain.diagnostics.PortExplanation.Listener;
import dev.localdb.domain.diagnostics.PortExplanation.Relation;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.ListeningProcess;
import dev.localdb.domain.model.Printable;
import dev.localdb.domain.model.ProjectName;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code localdb why <port>} for people: the port, then what localdb's registry says, who listens
 * (one line per process, with the addresses it listens on) and whether the port is free.
 */
public final class WhyOutput {
    static final String UNKNOWN_OWNER = "a program listens but its PID is unknown (owned by another user or /proc unavailable)";

    private WhyOutput() {
    }

    public static void text(PortExplanation answer, PrintWriter out) {
        out.println("Port " + answer.port());
        out.println("  localdb:   " + registryLine(answer));
        for (String line : listenerLines(answer)) {
            out.println("  listening: " + line);
        }
        out.println("  free:      " + freeLine(answer));
    }

    private static String registryLine(PortExplanation answer) {
        String line = answer.holder().map(WhyOutput::held).orElse("no project holds it");
        if (!answer.rememberedBy().isEmpty()) {
            line += "; remembered by " + answer.rememberedBy().stream().map(ProjectName::value).collect(Collectors.joining(", "))
                    + " (given to another project only as a last resort)";
        }
        return line;
    }

    private static String held(Holder holder) {
        Allocation a = holder.allocation();
        String since = PortsTable.time(a.allocatedAt());
        String pid = a.owner().map(o -> Long.toString(o.pid())).orElse("-");
        String which = holder.portName().map(name -> " as its port " + name.value() + " ($" + name.environmentVariable() + ")").orElse("");
        return "held by project " + a.project() + which + " (" + switch (holder.status()) {
            case ACTIVE -> "active since " + since + ", PID " + pid + ")";
            case RESERVED -> "reserved since " + since + ", no server process recorded)";
            case STALE -> "stale since " + since + ": its process " + pid + " is gone; 'localdb ports --cleanup' frees it)";
            case RELEASED -> "released since " + since + ")";
        };
    }

    private static List<String> listenerLines(PortExplanation answer) {
        if (!answer.listenersKnown()) {
            return List.of("cannot tell with this system's adapters ('localdb doctor' names them)");
        }
        if (answer.listeners().isEmpty()) {
            return List.of("nothing");
        }
        // One line per process, however many addresses it listens on (e.g. 0.0.0.0 and ::).
        Map<ListeningProcess, List<String>> addresses = new LinkedHashMap<>();
        Map<ListeningProcess, Relation> relations = new LinkedHashMap<>();
        List<String> unknownOwner = new ArrayList<>();
        for (Listener listener : answer.listeners()) {
            if (listener.socket().ownerUnknown()) {
                unknownOwner.add(listener.socket().address());
            }
            for (ListeningProcess process : listener.socket().processes()) {
                addresses.computeIfAbsent(process, p -> new ArrayList<>()).add(listener.socket().address());
                relations.put(process, listener.relation());
            }
        }
        List<String> lines = new ArrayList<>();
        addresses.forEach((process, on) -> lines.add("PID " + process.pid() + " on " + String.join(", ", on) + ": "
                + (process.commandLine().isEmpty() ? "(command line unknown)" : Printable.escaped(process.commandLine()))
                + " (" + relation(relations.get(process), answer.holder()) + ")"));
        if (!unknownOwner.isEmpty()) {
            lines.add("on " + String.join(", ", unknownOwner) + ": " + UNKNOWN_OWNER);
        }
        return lines;
    }

    private static String relation(Relation relation, Optional<Holder> holder) {
        String project = holder.map(h -> h.allocation().project().value()).orElse("");
        return switch (relation) {
            case PROJECT_SERVER -> "the server of project " + project;
            case OTHER_PROGRAM -> holder.isEmpty() ? "a program outside localdb" : "not the server of project " + project;
            case CANNOT_TELL -> "project " + project + " only reserved the port, so localdb cannot tell whether this is its program";
        };
    }

    private static String freeLine(PortExplanation answer) {
        if (answer.free()) {
            boolean blocks = answer.holder().map(h -> h.status().blocksOthers()).orElse(false);
            return "yes, a server could listen on it now" + (blocks ? " (localdb gives it to no other project while "
                    + answer.holder().get().allocation().project() + " holds it)" : "");
        }
        if (answer.listenersKnown() && answer.listeners().isEmpty()) {
            return "no: nothing listens, but it cannot be bound here (a port below 1024 needs privileges)";
        }
        return "no";
    }
}
