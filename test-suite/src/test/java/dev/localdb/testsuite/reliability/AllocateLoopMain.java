package dev.localdb.testsuite.reliability;

import dev.localdb.adapters.os.ProcFsProcessInspector;
import dev.localdb.adapters.os.SocketPortProbe;
import dev.localdb.adapters.storage.JsonFileRegistryStore;
import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.model.ProjectName;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Run in a child process, to be killed at a random moment: reserves {@code <prefix>0},
 * {@code <prefix>1}, ... with the real adapters, as {@code localdb port} does, and reports each
 * port only after the transaction returned, as "project port" on one line (one write, so a kill
 * never leaves a half line that looks like a report).
 *
 * <p>Arguments: runtime directory, project prefix, how many projects.
 */
public final class AllocateLoopMain {
    private AllocateLoopMain() {
    }

    public static void main(String[] args) throws IOException {
        Path runtime = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        JsonFileRegistryStore store = new JsonFileRegistryStore(runtime, Duration.ofMinutes(2), w -> System.err.println("warning: " + w));
        PortAllocator allocator = new PortAllocator(store, new SocketPortProbe(), new ProcFsProcessInspector(), Clock.systemUTC(),
                AllocationSettings.defaults());
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        store.read(); // load the parser's classes before saying ready, so kills land in the loop
        report(out, "ready");
        for (int i = 0; i < count; i++) {
            ProjectName project = ProjectName.of(prefix + i);
            int port = allocator.allocate(AllocationRequest.reservation(project)).allocation().port().value();
            report(out, project + " " + port);
        }
        report(out, "done");
    }

    private static void report(FileOutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
