package dev.localdb.testsuite.architecture.canary.adapters.os;

import io.netty.channel.nio.NioEventLoopGroup;

/** Broken: an OS adapter brings up the proxy's network engine to probe a port. */
public final class BrokenOsAdapterUsingNetty {
    public boolean probe() {
        NioEventLoopGroup loop = new NioEventLoopGroup(1);
        return loop.shutdownGracefully().isDone();
    }
}
