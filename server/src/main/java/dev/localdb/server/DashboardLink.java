package dev.localdb.server;

import dev.localdb.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The URL that opens a project's dashboard with control: {@code http://localhost:3000/#ticket=...}.
 * The ticket is in the fragment, which the browser never sends, so it appears in no request line,
 * log or Referer; the page's script redeems it once and removes it from the address bar. The
 * browser is not given this URL itself but a private page that redirects to it ({@link #redirectPage}).
 */
public final class DashboardLink {
    private DashboardLink() {
    }

    /**
     * A link with a fresh one-time ticket, minted from the secret the server on {@code port} wrote
     * to its server.json (read by the storage adapter's {@code ServerFileSecret}, beside every other
     * reader of that file).
     */
    public static String withControl(byte[] secret, int port, Instant now) {
        return "http://localhost:" + port + "/#ticket=" + DashboardTicket.mint(secret, now);
    }

    /**
     * Writes a 0600 page that sends the browser on to {@code link}, and returns its {@code file:}
     * URL, which is what the browser is given. As Jupyter does: the ticket then travels through a
     * file only this user can read, never on the browser's command line, which every local user
     * can read in {@code /proc/<pid>/cmdline}. The page is rewritten at each open; the ticket in it
     * is worthless once used or two minutes old.
     */
    public static String redirectPage(Path file, String link) throws IOException {
        String target = Html.escape(link);
        String page = "<!doctype html>\n<html><head><meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + target + "\">\n"
                + "<title>Opening the LocalDB dashboard</title></head>\n"
                + "<body><p><a href=\"" + target + "\">Open the LocalDB dashboard</a></p></body></html>\n";
        PrivateFiles.replace(file, page.getBytes(StandardCharsets.UTF_8));
        return file.toAbsolutePath().toUri().toString();
    }
}
