package dev.localdb.proxy;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledFuture;

/**
 * Closes client connections that hold the proxy without using it. Sits before the HTTP codec, so
 * it sees raw bytes: a new connection, or an idle keep-alive one that has begun its next request,
 * must complete the request head within the header timeout (slowloris sends a head a byte at a
 * time); a keep-alive connection that sends nothing is closed after the idle timeout. While an
 * exchange runs no deadline applies: a slow backend or a server-sent event stream is legitimate.
 */
final class ConnectionDeadlines extends ChannelDuplexHandler {
    private enum Phase { AWAITING_HEAD, IN_EXCHANGE, IDLE }

    private final Duration headerTimeout;
    private final Duration idleTimeout;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.AWAITING_HEAD;
    private ScheduledFuture<?> deadline;

    ConnectionDeadlines(Duration headerTimeout, Duration idleTimeout) {
        this.headerTimeout = headerTimeout;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (ctx.channel().isActive()) {
            arm(headerTimeout);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        arm(headerTimeout);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (phase == Phase.IDLE) {
            phase = Phase.AWAITING_HEAD;
            arm(headerTimeout);
        }
        super.channelRead(ctx, msg);
    }

    /** The codec produced a complete request head. */
    void exchangeStarted() {
        phase = Phase.IN_EXCHANGE;
        cancel();
    }

    /** The response went out and the connection stays open for the next request. */
    void exchangeFinished() {
        phase = Phase.IDLE;
        arm(idleTimeout);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    private void arm(Duration timeout) {
        cancel();
        if (ctx != null && ctx.channel().isActive()) {
            deadline = ctx.executor().schedule(() -> {
                ctx.close();
            }, Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
