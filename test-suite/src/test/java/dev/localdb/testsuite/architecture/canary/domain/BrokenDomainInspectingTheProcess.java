package dev.localdb.testsuite.architecture.canary.domain;

/**
 * Broken, but only through java.lang, which the JDK allowlist admits: asks the process table,
 * prepares a child process, and reads the environment and the system properties. Only the rule
 * that names these APIs catches it.
 */
public final class BrokenDomainInspectingTheProcess {
    public long ownPid() {
        return ProcessHandle.current().pid();
    }

    public ProcessBuilder lister() {
        return new ProcessBuilder("ps").redirectErrorStream(Runtime.getRuntime().availableProcessors() > 1);
    }

    public String home() {
        String home = System.getenv("LOCALDB_HOME");
        return home != null ? home : System.getProperty("user.home");
    }
}
