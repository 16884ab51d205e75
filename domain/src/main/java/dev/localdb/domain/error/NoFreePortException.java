package dev.localdb.domain.error;

import dev.localdb.domain.model.PortRange;
import java.util.List;
import java.util.stream.Collectors;

/** Every port of every configured range is held by a localdb project or used by another program. */
public final class NoFreePortException extends LocalDbException {
    private final List<PortRange> searched;
    private final int heldByProjects;
    private final int usedElsewhere;

    public NoFreePortException(List<PortRange> searched, int heldByProjects, int usedElsewhere) {
        this(searched, heldByProjects, usedElsewhere, "");
    }

    /** @param forWhat names the port that could not be found, e.g. "for port \"api\" of web"; empty for a project's main port */
    public NoFreePortException(List<PortRange> searched, int heldByProjects, int usedElsewhere, String forWhat) {
        super("No free port" + (forWhat.isEmpty() ? "" : " " + forWhat) + " in " + describe(searched) + ": " + heldByProjects + " held by localdb projects, "
                + usedElsewhere + " in use by other programs or excluded. "
                + "Free some with 'localdb release <project>' or 'localdb ports --cleanup', or configure more port ranges.");
        this.searched = List.copyOf(searched);
        this.heldByProjects = heldByProjects;
        this.usedElsewhere = usedElsewhere;
    }

    public List<PortRange> searched() {
        return searched;
    }

    public int heldByProjects() {
        return heldByProjects;
    }

    public int usedElsewhere() {
        return usedElsewhere;
    }

    private static String describe(List<PortRange> ranges) {
        int total = ranges.stream().mapToInt(PortRange::size).sum();
        return ranges.stream().map(PortRange::toString).collect(Collectors.joining(", "))
                + " (" + total + " ports)";
    }
}
