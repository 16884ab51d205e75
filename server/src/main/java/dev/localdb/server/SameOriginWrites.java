package dev.localdb.server;

import com.sun.net.httpserver.Headers;

/**
 * Writes come only from this very origin, or from tools that send no Origin at all. The document
 * API and the dashboard's controls both need it: a page on another localhost port is "local" for
 * {@link LocalOrigin#isLocalOrigin}, yet it is somebody else's page (another project's dev server,
 * or another user's).
 */
final class SameOriginWrites {
    private SameOriginWrites() {
    }

    /** @param what what is refused, for the message, e.g. "start or stop projects" */
    static void require(Headers headers, String what) {
        if (!LocalOrigin.isSameOrigin(headers.get("Origin"), headers.getFirst("Host"))) {
            throw new HttpError(403, "Forbidden Origin: only this server's own page may " + what + ".");
        }
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new HttpError(403, "Forbidden cross-site request (Sec-Fetch-Site: " + Text.shorten(site) + "): only this server's own page may " + what + ".");
        }
    }
}
