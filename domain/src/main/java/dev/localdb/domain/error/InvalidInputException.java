package dev.localdb.domain.error;

/** A value given by the user (or found in a file) breaks a rule; the message names the rule. */
public final class InvalidInputException extends LocalDbException {
    public InvalidInputException(String message) {
        super(message);
    }
}
