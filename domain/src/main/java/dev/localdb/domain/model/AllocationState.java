package dev.localdb.domain.model;

/** What the registry records about a project's port. */
public enum AllocationState {
    /** The port belongs to the project now (with or without an owner process). */
    HELD,
    /** The project gave the port back but remembers it as its preferred port. */
    RELEASED
}
