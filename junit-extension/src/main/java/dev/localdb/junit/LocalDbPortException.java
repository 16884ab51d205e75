package dev.localdb.junit;

import org.junit.platform.commons.JUnitException;

/** A port could not be reserved or given back: one line that says what and what to do. */
public final class LocalDbPortException extends JUnitException {
    private static final long serialVersionUID = 1L;

    LocalDbPortException(String message) {
        super(message);
    }

    LocalDbPortException(String message, Throwable cause) {
        super(message, cause);
    }
}
