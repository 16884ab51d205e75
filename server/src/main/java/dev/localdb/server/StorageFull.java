package dev.localdb.server;

import java.io.IOException;
import java.util.Locale;

/**
 * A write that failed because the file system is full (ENOSPC) or the user's quota is used up
 * (EDQUOT). The JDK reports both as a plain {@link IOException} carrying the C library's text,
 * so that text is what we recognise. The document store writes a temp file and renames it, and
 * deletes the temp file when a write fails, so such a failure has changed nothing.
 */
final class StorageFull {
    static final String MESSAGE = "The disk that holds the data folder is full: nothing was written."
            + " Free some space and send the request again.";

    private StorageFull() {
    }

    static boolean is(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("no space left on device") || message.contains("disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }
}
