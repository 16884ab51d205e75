package dev.localdb.testsuite.architecture.canary.domain;

/** Broken: an interface the adapters implement, so a port, but declared beside the rules. */
public interface BrokenPortOutsideThePortPackage {
    boolean holds(int port);
}
