package dev.localdb.cli.output;

import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How tables and messages show a project's named ports with its main port. */
public final class NamedPortsText {
    private NamedPortsText() {
    }

    /** " (api 3001, debug 3002)" to follow the main port, or nothing. */
    public static String summary(Map<PortName, PortNumber> namedPorts) {
        if (namedPorts.isEmpty()) {
            return "";
        }
        return namedPorts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    /** For a sentence: "port 3000", "ports 3000 and api 3001", "ports 3000, api 3001 and debug 3002". */
    public static String phrase(PortNumber main, Map<PortName, PortNumber> namedPorts) {
        if (namedPorts.isEmpty()) {
            return "port " + main;
        }
        List<String> ports = new ArrayList<>();
        ports.add(main.toString());
        namedPorts.forEach((name, port) -> ports.add(name + " " + port));
        String last = ports.remove(ports.size() - 1);
        return "ports " + String.join(", ", ports) + " and " + last;
    }
}
