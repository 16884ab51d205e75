package dev.localdb.files;

/**
 * Hears each step of a durable replace as it completes. Production passes {@link #NONE}; crash
 * tests pass one that stops the process at a step, so that killing it there proves the file is
 * whole either way.
 */
@FunctionalInterface
public interface Checkpoint {
    Checkpoint NONE = step -> { };

    void reached(Step step);

    /** The steps in order: the temporary file written, forced to disk, then renamed over the target. */
    enum Step {
        WRITTEN, SYNCED, RENAMED
    }
}
