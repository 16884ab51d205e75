package dev.localdb.cli.output;

import dev.localdb.domain.diagnostics.PortExplanation;
import dev.localdb.domain.model.ListeningProcess;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.Printable;
import dev.localdb.domain.model.ProjectName;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code start}'s word when a project did not get its usual port: who has it now (as
 * {@code localdb why} knows) and which port the server got instead, so a move is never silent.
 */
public final class UsualPortTaken {
    private UsualPortTaken() {
    }

    public static String line(ProjectName project, PortExplanation usual, PortNumber used) {
        return "Port " + usual.port() + ", the usual port of " + project + ", is taken by " + who(project, usual)
                + "; using port " + used + " instead.";
    }

    private static String who(ProjectName project, PortExplanation usual) {
        List<ListeningProcess> processes = usual.listeners().stream().flatMap(l -> l.socket().processes().stream()).distinct().toList();
        if (!processes.isEmpty()) {
            return processes.stream().map(p -> "PID " + p.pid() + " ("
                    + (p.commandLine().isEmpty() ? "command line unknown" : Printable.escaped(p.commandLine())) + ")")
                    .collect(Collectors.joining(", "));
        }
        if (usual.holder().isPresent() && !usual.holder().get().allocation().project().equals(project)) {
            return "project " + usual.holder().get().allocation().project();
        }
        if (!usual.listeners().isEmpty()) {
            return "a program whose PID localdb cannot see";
        }
        return "another program ('localdb why " + usual.port() + "' tells more)";
    }
}
