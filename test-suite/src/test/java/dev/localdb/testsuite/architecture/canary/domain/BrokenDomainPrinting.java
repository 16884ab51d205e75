package dev.localdb.testsuite.architecture.canary.domain;

/** Broken: a domain class that writes to standard output instead of returning a value. */
public final class BrokenDomainPrinting {
    public void report(String message) {
        System.out.println(message);
    }
}
