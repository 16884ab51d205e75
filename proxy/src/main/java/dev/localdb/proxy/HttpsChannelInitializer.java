package dev.localdb.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SniHandler;

/**
 * A TLS client connection: the certificate is chosen by SNI, then ALPN picks HTTP/2 (each stream
 * becomes HTTP objects for the same {@link FrontendHandler}) or HTTP/1.1.
 */
final class HttpsChannelInitializer extends ChannelInitializer<Channel> {
    private final ProxyContext context;
    private final SniCertificates certificates;

    HttpsChannelInitializer(ProxyContext context, SniCertificates certificates) {
        this.context = context;
        this.certificates = certificates;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline().addLast(
                // On the raw bytes, so the handshake counts against the header timeout too.
                new ConnectionDeadlines(context.config().headerTimeout(), context.config().idleTimeout()),
                new SniHandler(certificates),
                new ProtocolChoice());
    }

    private final class ProtocolChoice extends ApplicationProtocolNegotiationHandler {
        ProtocolChoice() {
            super(ApplicationProtocolNames.HTTP_1_1);
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            ChannelPipeline pipeline = ctx.pipeline();
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                // Streams come and go on one connection; their exchanges need no connection deadline.
                pipeline.remove(ConnectionDeadlines.class);
                pipeline.addLast(
                        Http2FrameCodecBuilder.forServer()
                                .initialSettings(Http2Settings.defaultSettings().maxHeaderListSize(16 * 1024))
                                .build(),
                        new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
                            @Override
                            protected void initChannel(Http2StreamChannel stream) {
                                stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true),
                                        new FrontendHandler(context, "https", false));
                            }
                        }));
            } else {
                pipeline.addLast(new HttpServerCodec(FrontendHandler.decoderConfig()), new FrontendHandler(context, "https", true));
            }
        }
    }
}
