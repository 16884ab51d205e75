package dev.localdb.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code localdb proxy start | stop | status | alias | trust | untrust}: names instead of numbers (docs/PROXY.md). */
@Command(name = "proxy", description = "The name proxy: http://<project>.localhost:1355 for every project.",
        subcommands = {ProxyStartCommand.class, ProxyStopCommand.class, ProxyStatusCommand.class, ProxyAliasCommand.class,
                ProxyTrustCommand.class, ProxyUntrustCommand.class, ProxyServeCommand.class})
public final class ProxyCommand implements Runnable {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing the proxy command: start, stop, status, alias, trust or untrust");
    }
}
