package dev.localdb.server;

/** A request the server refuses, with the status and the one-line reason sent back as JSON. */
final class HttpError extends RuntimeException {
    private final int status;
    private final String allow;

    HttpError(int status, String message) {
        this(status, message, null);
    }

    private HttpError(int status, String message, String allow) {
        super(message, null, false, false); // control flow, not a bug: no stack trace needed
        this.status = status;
        this.allow = allow;
    }

    static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    /** 405, naming the methods the route does accept (also sent as the Allow header). */
    static HttpError methodNotAllowed(String method, String path, String allowed) {
        return new HttpError(405, "Method " + Text.shorten(method) + " is not allowed on " + Text.shorten(path) + ": use " + allowed + ".", allowed);
    }

    /**
     * Returns the method if the route accepts it (allowed is e.g. "GET, POST"), else fails with
     * 405. HEAD counts as GET: the reply is the same without its body.
     */
    static String requireMethod(String method, String path, String allowed) {
        String asked = method.equals("HEAD") ? "GET" : method;
        for (String accepted : allowed.split(", ")) {
            if (accepted.equals(asked)) {
                return asked;
            }
        }
        throw methodNotAllowed(method, path, allowed);
    }

    int status() {
        return status;
    }

    /** The Allow header value for a 405, or null. */
    String allow() {
        return allow;
    }
}
