package dev.localdb.cli.command;

import dev.localdb.cli.Wiring;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.ProjectName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the project's server log ({@code runtime/<project>.log}); {@code -f} keeps following it. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Show the project's server log.")
public final class LogsCommand implements Callable<Integer> {
    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    NoColorOption color;

    @Parameters(paramLabel = "<project>", description = "Project name.")
    String project;

    @Option(names = {"-f", "--follow"}, description = "Keep printing what the server writes (Ctrl-C to stop).")
    boolean follow;

    LogsCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ProjectName name = ProjectName.of(project);
        Path log = wiring.home().runtime().resolve(name.value() + ".log");
        if (!Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
            if (wiring.lifecycle().status(name).isEmpty()) {
                throw wiring.lifecycle().unknown(name);
            }
            throw new InvalidInputException("No log for " + name + " yet: it is written when 'localdb start " + name + "' runs the server.");
        }
        var out = spec.commandLine().getOut();
        try (SeekableByteChannel channel = Files.newByteChannel(log, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            InputStream in = Channels.newInputStream(channel);
            copy(in, out);
            while (follow) {
                Thread.sleep(200);
                if (channel.size() < channel.position()) {
                    channel.position(0); // the log was truncated: start over
                }
                copy(in, out);
            }
        }
        return 0;
    }

    private static void copy(InputStream in, java.io.PrintWriter out) throws IOException {
        byte[] buffer = in.readAllBytes();
        if (buffer.length > 0) {
            out.print(new String(buffer, StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
