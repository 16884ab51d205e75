package dev.localdb.domain.error;

/** The registry lock could not be taken in time; the message names the holder when known. */
public final class RegistryBusyException extends LocalDbException {
    public RegistryBusyException(String message) {
        super(message);
    }
}
