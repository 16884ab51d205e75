package dev.localdb.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpServerCodec;

/** A plain-HTTP client connection: deadlines on the raw bytes, the HTTP/1.1 codec, the proxy. */
final class HttpChannelInitializer extends ChannelInitializer<Channel> {
    private final ProxyContext context;

    HttpChannelInitializer(ProxyContext context) {
        this.context = context;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline().addLast(
                new ConnectionDeadlines(context.config().headerTimeout(), context.config().idleTimeout()),
                new HttpServerCodec(FrontendHandler.decoderConfig()),
                new FrontendHandler(context, "http", true));
    }
}
