package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.ListenerScan;
import dev.localdb.domain.model.ListeningProcess;
import dev.localdb.domain.model.PortListener;
import dev.localdb.domain.model.PortNumber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The /proc reader against a directory laid out like /proc, for what a real host cannot be made
 * to show on demand: another user's socket, IPv6 text, odd command lines, no /proc at all.
 */
class ProcNetPortListenersTest {
    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    @TempDir
    Path proc;

    @Test
    void withoutProcNetTcpTheHostCannotTell() {
        ListenerScan scan = new ProcNetPortListeners(proc).scan(PortNumber.of(3000));

        assertThat(scan.known()).isFalse();
        assertThat(scan.listeners()).isEmpty();
    }

    @Test
    void onlyListeningSocketsOnTheAskedPortCount() throws IOException {
        // 0x0BB8 = 3000. Line 1 listens (0A) on 127.0.0.1; line 2 is an established connection
        // (01) from 3000; line 3 listens on 3001.
        tcp(line("0100007F:0BB8", "0A", 111) + line("0100007F:0BB8", "01", 112) + line("0100007F:0BB9", "0A", 113));
        process(50, "python3\0-m\0http.server\0", 111);

        ListenerScan scan = new ProcNetPortListeners(proc).scan(PortNumber.of(3000));

        assertThat(scan.known()).isTrue();
        assertThat(scan.listeners()).singleElement().satisfies(socket -> {
            assertThat(socket.address()).isEqualTo("127.0.0.1");
            assertThat(socket.processes()).containsExactly(new ListeningProcess(50, 50, "python3 -m http.server"));
        });
    }

    @Test
    void aSocketNoVisibleProcessHoldsHasAnUnknownOwner() throws IOException {
        tcp(line("00000000:0BB8", "0A", 222));
        process(60, "sleep\0", 999); // holds some other socket

        ListenerScan scan = new ProcNetPortListeners(proc).scan(PortNumber.of(3000));

        assertThat(scan.listeners()).singleElement().satisfies(socket -> {
            assertThat(socket.address()).isEqualTo("0.0.0.0");
            assertThat(socket.ownerUnknown()).isTrue();
        });
    }

    @Test
    void ipv6AddressesAreShownTheUsualWay() throws IOException {
        tcp("");
        Files.writeString(proc.resolve("net/tcp6"), HEADER
                + line("00000000000000000000000000000000:0BB8", "0A", 301)
                + line("00000000000000000000000001000000:0BB8", "0A", 302)
                + line("0000000000000000FFFF00000100007F:0BB8", "0A", 303));

        ListenerScan scan = new ProcNetPortListeners(proc).scan(PortNumber.of(3000));

        assertThat(scan.listeners()).extracting(PortListener::address).containsExactly("::", "::1", "127.0.0.1");
    }

    @Test
    void twoProcessesSharingOneSocketAreBothNamed() throws IOException {
        tcp(line("00000000:0BB8", "0A", 400));
        process(70, "gunicorn: master\0", 400);
        process(71, "gunicorn: worker\0", 400);

        ListenerScan scan = new ProcNetPortListeners(proc).scan(PortNumber.of(3000));

        assertThat(scan.listeners()).singleElement().extracting(PortListener::processes).asList()
                .extracting(p -> ((ListeningProcess) p).pid()).containsExactlyInAnyOrder(70L, 71L);
    }

    @Test
    void controlCharactersInACommandLineAreEscapedAndAnEmptyOneFallsBackToTheName() throws IOException {
        tcp(line("00000000:0BB8", "0A", 500) + line("00000000:0BB9", "0A", 501));
        process(80, "evil\u001b[2J\0arg\0", 500);
        process(81, "", 501);
        Files.writeString(proc.resolve("81/comm"), "kworker\n");

        assertThat(new ProcNetPortListeners(proc).scan(PortNumber.of(3000)).listeners().get(0).processes().get(0).commandLine())
                .isEqualTo("evil\\u001b[2J arg");
        assertThat(new ProcNetPortListeners(proc).scan(PortNumber.of(3001)).listeners().get(0).processes().get(0).commandLine())
                .isEqualTo("[kworker]");
    }

    @Test
    void theSessionComesFromTheStatLine() throws IOException {
        tcp(line("00000000:0BB8", "0A", 600));
        process(90, "node\0server.js\0", 600);
        Files.writeString(proc.resolve("90/stat"), "90 (node) S 1 88 88 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 12345 0 0\n");

        assertThat(new ProcNetPortListeners(proc).scan(PortNumber.of(3000)).listeners().get(0).processes())
                .containsExactly(new ListeningProcess(90, 88, "node server.js"));
    }

    @Test
    void linesThisVersionCannotReadAreSkipped() throws IOException {
        tcp("garbage\n" + line("ZZ:0BB8", "0A", 1) + line("00000000:0BB8", "0A", 700));

        assertThat(new ProcNetPortListeners(proc).scan(PortNumber.of(3000)).listeners()).hasSize(1);
    }

    private void tcp(String lines) throws IOException {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/tcp"), HEADER + lines);
    }

    private static String line(String local, String state, long inode) {
        return "   0: " + local + " 00000000:0000 " + state + " 00000000:00000000 00:00000000 00000000     0        0 " + inode
                + " 1 0000000000000000 100 0 0 10 0\n";
    }

    /** A process with a stat line (its own session), a command line and one fd pointing at {@code socket:[inode]}. */
    private void process(long pid, String cmdline, long inode) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("cmdline"), cmdline, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("stat"), pid + " (x) S 1 " + pid + " " + pid + " 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 12345 0 0\n");
        Path fd = Files.createDirectories(dir.resolve("fd"));
        Files.createSymbolicLink(fd.resolve("0"), Path.of("pipe:[1]")); // not a socket
        Files.createSymbolicLink(fd.resolve("3"), Path.of("socket:[" + inode + "]"));
    }
}
