package dev.localdb.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.localdb.files.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The URL that opens a project's dashboard with control: {@code http://localhost:3000/#ticket=...}.
 * The ticket is in the fragment, which the browser never sends, so it appears in no request line,
 * log or Referer; the page's script redeems it once and removes it from the address bar. The
 * browser is not given this URL itself but a private page that redirects to it ({@link #redirectPage}).
 */
public final class DashboardLink {
    private static final int MAX_BYTES = 64 * 1024;
    // Streaming only: `localdb open` should not pay for starting Jackson's data binding.
    private static final JsonFactory JSON = new JsonFactory();

    private DashboardLink() {
    }

    /**
     * A link with a fresh one-time ticket, minted from the secret in {@code serverInfoFile}; empty
     * when that file is missing, unreadable or written by a server on another port (e.g. the
     * server has not written it yet, or a stale one is left over), so the caller opens the plain URL.
     */
    public static Optional<String> withControl(Path serverInfoFile, int port, Instant now) {
        return secretOf(serverInfoFile, port).map(secret -> "http://localhost:" + port + "/#ticket=" + DashboardTicket.mint(secret, now));
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

    private static Optional<byte[]> secretOf(Path file, int port) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Integer filePort = null;
        String token = null;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
             JsonParser parser = JSON.createParser(in.readNBytes(MAX_BYTES))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("port") && value == JsonToken.VALUE_NUMBER_INT) {
                    filePort = parser.getIntValue();
                } else if (field.equals("token") && value == JsonToken.VALUE_STRING) {
                    token = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            if (filePort == null || filePort != port || token == null) {
                return Optional.empty();
            }
            return Optional.of(Base64.getUrlDecoder().decode(token));
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty(); // a damaged or half-written file: open the plain URL instead
        }
    }
}
