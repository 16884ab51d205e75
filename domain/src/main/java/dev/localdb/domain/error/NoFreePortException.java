package dev.localdb.domain.error;

import dev.localdb.domain.model.PortRange;
import java.util.List;
import java.util.stream.Collectors;

/** Every port of every configured range is held by a localdb project or used by another program. */
public final class NoFreePortException extends LocalDbException {
    /**
     * @param excluded of {@code usedElsewhere}, those localdb never hands out (the OS ephemeral
     *                 range, excludedPorts): releasing projects cannot free them
     * @param forWhat  names the port that could not be found, e.g. "for port \"api\" of web"; empty for a project's main port
     */
    public NoFreePortException(List<PortRange> searched, int heldByProjects, int usedElsewhere, int excluded, String forWhat) {
        super(message(searched, heldByProjects, usedElsewhere, excluded, forWhat));
    }

    private static String message(List<PortRange> searched, int heldByProjects, int usedElsewhere, int excluded, String forWhat) {
        String what = "No free port" + (forWhat.isEmpty() ? "" : " " + forWhat) + " in " + describe(searched) + ": ";
        if (excluded == searched.stream().mapToInt(PortRange::size).sum()) {
            return what + "every one of them lies in the system's ephemeral range or in excludedPorts, which localdb never hands out. "
                    + "Configure port ranges outside them (see 'localdb doctor'), e.g. LOCALDB_PORT_RANGES=3000-3999.";
        }
        return what + heldByProjects + " held by localdb projects, " + usedElsewhere + " in use by other programs or excluded"
                + (excluded == 0 ? "" : " (" + excluded + " in the system's ephemeral range or excludedPorts, never handed out)") + ". "
                + "Free some with 'localdb release <project>' or 'localdb ports --cleanup', or configure more port ranges.";
    }

    private static String describe(List<PortRange> ranges) {
        int total = ranges.stream().mapToInt(PortRange::size).sum();
        return ranges.stream().map(PortRange::toString).collect(Collectors.joining(", "))
                + " (" + total + " ports)";
    }
}
