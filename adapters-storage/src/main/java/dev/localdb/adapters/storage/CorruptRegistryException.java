package dev.localdb.adapters.storage;

/** The registry file cannot be understood; the reason is a short phrase for a one-line warning. */
final class CorruptRegistryException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptRegistryException(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
