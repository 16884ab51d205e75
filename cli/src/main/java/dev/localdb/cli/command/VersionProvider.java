package dev.localdb.cli.command;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, written by the build. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"localdb " + (version == null ? "development build" : version)};
    }
}
