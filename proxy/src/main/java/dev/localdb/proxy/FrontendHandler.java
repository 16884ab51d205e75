package dev.localdb.proxy;

import dev.localdb.domain.error.ServerStartFailedException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.routing.Route;
import dev.localdb.domain.routing.RouteDecision;
import dev.localdb.domain.routing.RouteTable;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client connection, from the HTTP codec inwards. Each request is routed by its {@code Host}
 * through the current route table, then answered here (pages) or streamed to the project's port
 * and the response streamed back: no body is ever held whole, except the bounded part of a
 * request that waits for an on-demand start. Reading from one side pauses while the other side
 * cannot take more (autoRead follows writability, the HexDumpProxy pattern), so memory stays
 * bounded whatever the sizes. The upstream connection runs on this connection's event loop, so
 * all of the state below is touched by one thread only.
 */
final class FrontendHandler extends ChannelInboundHandlerAdapter {
    /** How much of a request body may wait for an on-demand start; more gets 413. */
    static final int MAX_HELD_BODY = 1 << 20;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final List<InetAddress> LOOPBACK = loopbackAddresses();

    private enum Mode {
        /** Answered by the proxy; the rest of the request body is discarded. */
        LOCAL,
        /** Waiting for an on-demand start; the body is held (bounded). */
        STARTING,
        /** Dialling the backend; reading pauses so the held part stays one read long. */
        CONNECTING,
        /** Streaming to and from the backend. */
        FORWARDING
    }

    /** One request and its response. */
    private static final class Exchange {
        final HttpRequest request;
        final boolean head;
        final boolean http10;
        String hostHeader;
        boolean clientKeepAlive;
        boolean backendKeepAlive;
        boolean requestComplete;
        boolean responseStarted;
        boolean responseComplete;
        boolean informational;
        boolean upgrade;
        boolean prepared;
        Mode mode = Mode.LOCAL;
        Route route;
        int port;
        Channel backend;
        final List<HttpContent> held = new ArrayList<>();
        long heldBytes;
        ScheduledFuture<?> startTimer;

        Exchange(HttpRequest request) {
            this.request = request;
            this.head = request.method().equals(HttpMethod.HEAD);
            this.http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
            this.clientKeepAlive = HttpUtil.isKeepAlive(request);
        }
    }

    private final ProxyContext context;
    private final String scheme;
    private final boolean upgradesAllowed;
    private ChannelHandlerContext ctx;
    private ConnectionDeadlines deadlines;
    private Exchange exchange;
    /** Requests (and their bodies) a client pipelined behind the one in flight. */
    private final ArrayDeque<Object> pipelined = new ArrayDeque<>();
    /** A keep-alive upstream connection left by the previous exchange, reused for the same port. */
    private Channel idleBackend;
    private int idleBackendPort;
    /** Set once a 101 turned both connections into a byte relay. */
    private Channel relayBackend;
    /** Bytes that arrived while the codecs were being removed, to either side. */
    private List<ByteBuf> switchingToClient;
    private List<ByteBuf> switchingToBackend;
    private ChannelFuture lastClientWrite;
    private boolean closed;

    /**
     * @param scheme          what X-Forwarded-Proto and the pages' links say ("http" or "https")
     * @param upgradesAllowed whether a 101 may turn the connection into a relay (HTTP/1.1 only)
     */
    FrontendHandler(ProxyContext context, String scheme, boolean upgradesAllowed) {
        this.context = context;
        this.scheme = scheme;
        this.upgradesAllowed = upgradesAllowed;
    }

    static HttpDecoderConfig decoderConfig() {
        return new HttpDecoderConfig().setMaxInitialLineLength(8 * 1024).setMaxHeaderSize(16 * 1024).setMaxChunkSize(64 * 1024);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.deadlines = ctx.pipeline().get(ConnectionDeadlines.class);
    }

    // ---- client side -------------------------------------------------------------------------

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (relayBackend != null) {
            relayToBackend(msg);
        } else if (closed) {
            ReferenceCountUtil.release(msg);
        } else if (exchange != null && exchange.requestComplete) {
            pipelined.add(msg);
        } else {
            dispatch(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Channel backend = relayBackend != null ? relayBackend : exchange != null ? exchange.backend : null;
        if (backend != null) {
            backend.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Channel backend = relayBackend != null ? relayBackend : exchange != null ? exchange.backend : null;
        if (backend != null) {
            backend.config().setAutoRead(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        if (relayBackend != null) {
            flushAndClose(relayBackend);
        }
        if (idleBackend != null) {
            idleBackend.close();
            idleBackend = null;
        }
        Exchange e = exchange;
        exchange = null;
        if (e != null) {
            abandon(e);
            if (e.backend != null) {
                e.backend.close();
            }
        }
        pipelined.forEach(ReferenceCountUtil::release);
        pipelined.clear();
        releaseAll(switchingToBackend);
        releaseAll(switchingToClient);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset or a TLS failure: nothing useful can be written any more.
        ctx.close();
    }

    private void dispatch(Object msg) {
        if (msg instanceof HttpRequest request) {
            if (!request.decoderResult().isSuccess()) {
                ReferenceCountUtil.release(msg);
                rejectMalformed(request.decoderResult().cause());
                return;
            }
            if (msg instanceof FullHttpRequest full) {
                // HTTP/2 streams deliver small requests whole: split them so the head is forwarded once.
                HttpRequest head = new DefaultHttpRequest(full.protocolVersion(), full.method(), full.uri(), full.headers());
                begin(head);
                onRequestContent(new DefaultLastHttpContent(full.content(), full.trailingHeaders()));
                return;
            }
            begin(request);
            if (msg instanceof HttpContent content) {
                onRequestContent(content);
            }
        } else if (msg instanceof HttpContent content) {
            onRequestContent(content);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private void begin(HttpRequest request) {
        if (deadlines != null) {
            deadlines.exchangeStarted();
        }
        Exchange e = new Exchange(request);
        exchange = e;
        if (request.method().equals(HttpMethod.CONNECT)) {
            respond(e, Pages.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "This is not a forward proxy: CONNECT is refused."), true);
            return;
        }
        String hostHeader = request.headers().get(HttpHeaderNames.HOST);
        if (isAbsoluteForm(request.uri())) {
            // "GET http://other.example/ HTTP/1.1": the target, not Host, names the server. Only
            // a target that agrees with Host is accepted, so this is never an open proxy.
            URI target;
            try {
                target = new URI(request.uri());
            } catch (URISyntaxException bad) {
                target = null;
            }
            if (target == null || target.getHost() == null
                    || (hostHeader != null && !hostName(target.getHost()).equals(hostName(hostHeader)))) {
                respond(e, Pages.text(HttpResponseStatus.BAD_REQUEST,
                        "The request target names another host than Host: this proxy serves only *.localhost names."), true);
                return;
            }
            if (hostHeader == null) {
                hostHeader = target.getRawAuthority();
                request.headers().set(HttpHeaderNames.HOST, hostHeader);
            }
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            request.setUri(target.getRawQuery() == null ? path : path + "?" + target.getRawQuery());
        }
        e.hostHeader = hostHeader;
        RouteTable table;
        RouteDecision decision;
        try {
            table = context.routes().current();
            decision = table.decide(hostHeader);
        } catch (RuntimeException unreadable) {
            respond(e, Pages.text(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    "The proxy cannot read its routes: " + messageOf(unreadable)), false);
            return;
        }
        if (decision instanceof RouteDecision.Forward forward) {
            if (forward.route().onDemand()) {
                context.starts().served(forward.route().target());
            }
            forward(e, forward.route(), forward.route().port().orElseThrow().value());
        } else if (decision instanceof RouteDecision.StartOnDemand onDemand) {
            startOnDemand(e, onDemand.route());
        } else if (decision instanceof RouteDecision.NotRunning notRunning) {
            respond(e, Pages.notRunning(notRunning.route()), false);
        } else if (decision instanceof RouteDecision.UnknownName unknown) {
            respond(e, Pages.unknownName(unknown.host(), table, linkBase()), false);
        } else if (decision instanceof RouteDecision.IndexPage) {
            String accept = request.headers().get(HttpHeaderNames.ACCEPT, "");
            respond(e, accept.contains("application/json") ? Pages.indexJson(table) : Pages.index(table, linkBase()), false);
        } else {
            // Not *.localhost (DNS rebinding, or a client that thinks this is a forward proxy).
            respond(e, Pages.text(HttpResponseStatus.MISDIRECTED_REQUEST,
                    "This proxy serves only localhost and *.localhost names."), false);
        }
    }

    private void onRequestContent(HttpContent content) {
        Exchange e = exchange;
        if (e == null) {
            content.release();
            return;
        }
        boolean last = content instanceof LastHttpContent;
        switch (e.mode) {
            case LOCAL -> content.release();
            case STARTING, CONNECTING -> {
                e.held.add(content);
                e.heldBytes += content.content().readableBytes();
                if (e.mode == Mode.STARTING && e.heldBytes > MAX_HELD_BODY) {
                    e.requestComplete |= last;
                    respond(e, Pages.text(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "The request body is larger than "
                            + (MAX_HELD_BODY >> 20) + " MiB, the most the proxy holds while " + e.route.target()
                            + " starts. Start it first: localdb start " + e.route.target()), true);
                    return;
                }
            }
            case FORWARDING -> e.backend.write(content).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
        if (last) {
            e.requestComplete = true;
        }
        updateClientReading();
        if (last) {
            finishIfDone(e);
        }
    }

    private void rejectMalformed(Throwable cause) {
        HttpResponseStatus status = cause instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                : HttpResponseStatus.BAD_REQUEST;
        String text = status == HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE ? "The request headers are larger than 16 KiB."
                : status == HttpResponseStatus.REQUEST_URI_TOO_LONG ? "The request line is longer than 8 KiB."
                : "The request is not valid HTTP.";
        FullHttpResponse response = Pages.text(status, text);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        exchange = null;
        closed = true;
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    // ---- answers of the proxy itself -------------------------------------------------------------

    private void respond(Exchange e, FullHttpResponse response, boolean close) {
        abandon(e);
        e.mode = Mode.LOCAL;
        if (e.responseStarted || closed) {
            response.release();
            closeAfterWrites();
            return;
        }
        // A client waiting for 100-continue sends its body or not; only closing keeps the framing certain.
        boolean keepAlive = e.clientKeepAlive && !close && (e.requestComplete || !HttpUtil.is100ContinueExpected(e.request));
        e.clientKeepAlive = keepAlive;
        setKeepAlive(response, e.http10, keepAlive);
        e.responseStarted = true;
        e.responseComplete = true;
        lastClientWrite = ctx.writeAndFlush(response);
        finishIfDone(e);
    }

    /** Drops what an exchange holds for a backend it will not reach. */
    private static void abandon(Exchange e) {
        if (e.startTimer != null) {
            e.startTimer.cancel(false);
        }
        e.held.forEach(HttpContent::release);
        e.held.clear();
        e.heldBytes = 0;
    }

    private void finishIfDone(Exchange e) {
        if (exchange != e || !e.responseComplete) {
            return;
        }
        if (!e.clientKeepAlive) {
            closeAfterWrites();
            return;
        }
        if (!e.requestComplete) {
            if (e.mode != Mode.LOCAL) {
                // The backend answered before the upload ended: the rest has nowhere to go.
                closeAfterWrites();
            }
            return; // LOCAL: the rest of the body is read and discarded, then the exchange ends.
        }
        exchange = null;
        if (deadlines != null) {
            deadlines.exchangeFinished();
        }
        while (!pipelined.isEmpty() && !closed && relayBackend == null && (exchange == null || !exchange.requestComplete)) {
            dispatch(pipelined.poll());
        }
        updateClientReading();
    }

    private void closeAfterWrites() {
        closed = true;
        ctx.flush();
        if (lastClientWrite == null || lastClientWrite.isDone()) {
            ctx.close();
        } else {
            lastClientWrite.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void updateClientReading() {
        if (closed || !ctx.channel().isActive()) {
            return;
        }
        boolean read;
        Exchange e = exchange;
        if (relayBackend != null) {
            read = relayBackend.isWritable();
        } else if (e == null) {
            read = true;
        } else if (e.requestComplete) {
            read = false; // the next request waits until this response is out
        } else {
            read = switch (e.mode) {
                case LOCAL, STARTING -> true;
                case CONNECTING -> false;
                case FORWARDING -> e.backend.isWritable();
            };
        }
        ctx.channel().config().setAutoRead(read);
    }

    // ---- on-demand start -------------------------------------------------------------------------

    private void startOnDemand(Exchange e, Route route) {
        e.route = route;
        e.mode = Mode.STARTING;
        prepareForwardedRequest(e);
        long timeoutMillis = Math.max(1, context.config().startTimeout().toMillis());
        e.startTimer = ctx.executor().schedule(() -> {
            if (exchange == e && e.mode == Mode.STARTING) {
                respond(e, Pages.startTimedOut(route, context.config().startTimeout()), false);
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        CompletableFuture<PortNumber> start = context.starts().start(route.target());
        start.whenComplete((port, failure) -> {
            try {
                ctx.executor().execute(() -> started(e, port, failure));
            } catch (RejectedExecutionException proxyClosed) {
                // The proxy shut down while the project started: nobody is waiting any more.
            }
        });
    }

    private void started(Exchange e, PortNumber port, Throwable failure) {
        if (exchange != e || e.mode != Mode.STARTING || closed) {
            return; // timed out, or the client left
        }
        e.startTimer.cancel(false);
        if (failure != null) {
            respond(e, Pages.startFailed(e.route, messageOf(failure), serverLogOf(failure)), false);
            return;
        }
        forward(e, e.route, portAfterStart(e, port));
    }

    /** The main port is what the starter returns; a named port is read from the routes again. */
    private int portAfterStart(Exchange e, PortNumber mainPort) {
        if (e.route.portName().isEmpty()) {
            return mainPort.value();
        }
        try {
            RouteDecision now = context.routes().current().decide(e.hostHeader);
            if (now instanceof RouteDecision.Forward forward) {
                return forward.route().port().orElseThrow().value();
            }
        } catch (RuntimeException unreadable) {
            // Fall back to the remembered port below.
        }
        return e.route.port().map(PortNumber::value).orElse(mainPort.value());
    }

    // ---- forwarding ------------------------------------------------------------------------------

    private void forward(Exchange e, Route route, int port) {
        e.route = route;
        e.port = port;
        prepareForwardedRequest(e);
        e.mode = Mode.CONNECTING;
        Channel reusable = idleBackend;
        idleBackend = null;
        if (reusable != null && (idleBackendPort != port || !reusable.isActive() || e.upgrade)) {
            reusable.close();
            reusable = null;
        }
        if (reusable != null) {
            attach(e, reusable);
            return;
        }
        updateClientReading();
        connect(e, 0);
    }

    private void connect(Exchange e, int attempt) {
        Bootstrap bootstrap = new Bootstrap()
                .group(ctx.channel().eventLoop())
                .channel(context.transport().socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(decoderConfig().setMaxHeaderSize(64 * 1024), false, false),
                                new BackendHandler(FrontendHandler.this));
                    }
                });
        bootstrap.connect(new InetSocketAddress(LOOPBACK.get(attempt), e.port)).addListener((ChannelFutureListener) dial -> {
            if (exchange != e || e.mode != Mode.CONNECTING || closed) {
                dial.channel().close();
            } else if (dial.isSuccess()) {
                attach(e, dial.channel());
            } else if (attempt + 1 < LOOPBACK.size()) {
                // Vite and others listen on one of 127.0.0.1 and ::1 only.
                connect(e, attempt + 1);
            } else {
                respond(e, Pages.backendDown(e.route, e.port), false);
            }
        });
    }

    private void attach(Exchange e, Channel backend) {
        e.backend = backend;
        e.mode = Mode.FORWARDING;
        backend.config().setAutoRead(ctx.channel().isWritable());
        backend.write(e.request).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        for (HttpContent content : e.held) {
            backend.write(content).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
        e.held.clear();
        e.heldBytes = 0;
        backend.flush();
        updateClientReading();
    }

    /** Hop-by-hop headers out, X-Forwarded-* in; Host stays as the client sent it. */
    private void prepareForwardedRequest(Exchange e) {
        if (e.prepared) {
            return;
        }
        e.prepared = true;
        HttpHeaders headers = e.request.headers();
        e.upgrade = upgradesAllowed && HopByHop.isUpgrade(headers);
        HopByHop.strip(headers, e.upgrade);
        // The proxy is the first hop (it listens on loopback only), so it states these rather
        // than appending to values a local client could have made up.
        headers.set("X-Forwarded-For", addressOf(ctx.channel().remoteAddress()));
        headers.set("X-Forwarded-Proto", scheme);
        if (e.hostHeader != null) {
            headers.set("X-Forwarded-Host", e.hostHeader);
        }
        headers.set("X-Forwarded-Port", Integer.toString(localPort()));
        // Stripping Connection made an HTTP/1.0 request non-persistent upstream; 1.1 stays persistent.
        e.backendKeepAlive = !e.http10 && !e.upgrade;
    }

    // ---- backend side ------------------------------------------------------------------------------

    void onBackendRead(Channel backend, Object msg) {
        if (backend == relayBackend) {
            relayToClient(msg);
            return;
        }
        Exchange e = exchange;
        if (e == null || e.backend != backend) {
            // An idle pooled connection spoke out of turn: it cannot be trusted for reuse.
            ReferenceCountUtil.release(msg);
            backend.close();
            return;
        }
        boolean last = msg instanceof LastHttpContent;
        if (msg instanceof HttpResponse response) {
            if (!response.decoderResult().isSuccess()) {
                ReferenceCountUtil.release(msg);
                backend.close(); // channelInactive answers 502, or cuts a started response
                return;
            }
            int code = response.status().code();
            if (code == 101) {
                if (e.upgrade && !(msg instanceof HttpContent)) {
                    switchToRelay(e, backend, response);
                } else {
                    ReferenceCountUtil.release(msg);
                    backend.close();
                }
                return;
            }
            if (code >= 100 && code < 200) {
                e.informational = true;
                HopByHop.strip(response.headers(), false);
            } else {
                e.informational = false;
                prepareResponse(e, response);
                e.responseStarted = true;
            }
        } else if (!(msg instanceof HttpContent)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        boolean informational = e.informational;
        lastClientWrite = ctx.write(msg);
        if (!ctx.channel().isWritable()) {
            backend.config().setAutoRead(false);
        }
        if (last) {
            if (informational) {
                e.informational = false;
            } else {
                responseDone(e, backend);
            }
        }
    }

    void onBackendReadComplete(Channel backend) {
        ctx.flush();
    }

    void onBackendWritabilityChanged(Channel backend) {
        updateClientReading();
    }

    void onBackendInactive(Channel backend) {
        if (backend == relayBackend) {
            closeAfterWrites();
            return;
        }
        if (backend == idleBackend) {
            idleBackend = null;
            return;
        }
        Exchange e = exchange;
        if (e != null && e.backend == backend) {
            e.backend = null;
            if (!e.responseStarted) {
                respond(e, Pages.backendDown(e.route, e.port), false);
            } else {
                closeAfterWrites(); // the response is cut short; the client must see that
            }
        }
    }

    private void prepareResponse(Exchange e, HttpResponse response) {
        HttpHeaders headers = response.headers();
        int code = response.status().code();
        boolean hasLength = headers.contains(HttpHeaderNames.CONTENT_LENGTH);
        boolean chunked = HttpUtil.isTransferEncodingChunked(response);
        boolean bodyless = e.head || code == 204 || code == 304;
        e.backendKeepAlive &= HttpUtil.isKeepAlive(response) && (bodyless || hasLength || chunked);
        HopByHop.strip(headers, false);
        boolean keepAlive = e.clientKeepAlive;
        if (!bodyless && !hasLength) {
            if (!e.http10) {
                // A body that ends when the backend closes is re-framed as chunks, so the client's connection stays.
                if (!chunked) {
                    HttpUtil.setTransferEncodingChunked(response, true);
                }
            } else {
                // HTTP/1.0 knows no chunks: the body ends when the proxy closes.
                headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
                keepAlive = false;
            }
        }
        e.clientKeepAlive = keepAlive;
        setKeepAlive(response, e.http10, keepAlive);
    }

    private void responseDone(Exchange e, Channel backend) {
        e.responseComplete = true;
        e.backend = null;
        if (e.backendKeepAlive && e.requestComplete && backend.isActive()) {
            backend.config().setAutoRead(true); // so that its closing is noticed while it waits
            idleBackend = backend;
            idleBackendPort = e.port;
        } else {
            backend.close();
        }
        finishIfDone(e);
    }

    // ---- WebSocket and other upgrades -------------------------------------------------------------------

    private void switchToRelay(Exchange e, Channel backend, HttpResponse response) {
        HopByHop.strip(response.headers(), true);
        FullHttpResponse switching = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                Unpooled.EMPTY_BUFFER, response.headers(), io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE);
        exchange = null;
        e.backend = null;
        relayBackend = backend;
        switchingToClient = new ArrayList<>();
        switchingToBackend = new ArrayList<>();
        lastClientWrite = ctx.writeAndFlush(switching);
        // Removing a decoder hands on the bytes it buffered; they are collected until both codecs are gone.
        backend.pipeline().remove(HttpClientCodec.class);
        ChannelPipeline client = ctx.pipeline();
        if (deadlines != null) {
            client.remove(deadlines);
            deadlines = null;
        }
        if (client.get(HttpServerCodec.class) != null) {
            client.remove(HttpServerCodec.class);
        }
        List<ByteBuf> toClient = switchingToClient;
        List<ByteBuf> toBackend = switchingToBackend;
        switchingToClient = null;
        switchingToBackend = null;
        toClient.forEach(ctx::write);
        toBackend.forEach(backend::write);
        ctx.flush();
        backend.flush();
        backend.config().setAutoRead(ctx.channel().isWritable());
        updateClientReading();
    }

    private void relayToBackend(Object msg) {
        ByteBuf bytes = rawBytes(msg);
        if (bytes == null) {
            return;
        }
        if (switchingToBackend != null) {
            switchingToBackend.add(bytes);
            return;
        }
        relayBackend.write(bytes).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        if (!relayBackend.isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    private void relayToClient(Object msg) {
        ByteBuf bytes = rawBytes(msg);
        if (bytes == null) {
            return;
        }
        if (switchingToClient != null) {
            switchingToClient.add(bytes);
            return;
        }
        lastClientWrite = ctx.write(bytes);
        if (!ctx.channel().isWritable()) {
            relayBackend.config().setAutoRead(false);
        }
    }

    /** The bytes of a relayed message; HTTP objects the decoders emitted around the switch carry none worth keeping. */
    private static ByteBuf rawBytes(Object msg) {
        if (msg instanceof ByteBuf bytes) {
            return bytes;
        }
        if (msg instanceof HttpContent content && content.content().isReadable()) {
            return content.content();
        }
        ReferenceCountUtil.release(msg);
        return null;
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private Pages.LinkBase linkBase() {
        return new Pages.LinkBase(scheme, localPort());
    }

    private int localPort() {
        SocketAddress local = ctx.channel().localAddress();
        if (local == null && ctx.channel().parent() != null) {
            local = ctx.channel().parent().localAddress();
        }
        return local instanceof InetSocketAddress inet ? inet.getPort() : 0;
    }

    private String addressOf(SocketAddress remote) {
        if (remote == null && ctx.channel().parent() != null) {
            remote = ctx.channel().parent().remoteAddress();
        }
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return "127.0.0.1";
    }

    private static void setKeepAlive(HttpResponse response, boolean http10Client, boolean keepAlive) {
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10Client) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        } else {
            response.headers().remove(HttpHeaderNames.CONNECTION);
        }
    }

    private static boolean isAbsoluteForm(String uri) {
        return uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8);
    }

    /** Host without port, lower case, without a trailing dot, as the route table compares it. */
    private static String hostName(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end < 0 ? name : name.substring(0, end + 1);
        }
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    static String messageOf(Throwable failure) {
        Throwable cause = causeOf(failure);
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /** The end of the server's log when its start failed: what 'localdb start' prints below its message, the page shows too. */
    private static List<String> serverLogOf(Throwable failure) {
        return causeOf(failure) instanceof ServerStartFailedException failed ? failed.logLines() : List.of();
    }

    private static Throwable causeOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void flushAndClose(Channel channel) {
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    private static void releaseAll(List<ByteBuf> buffers) {
        if (buffers != null) {
            buffers.forEach(ByteBuf::release);
            buffers.clear();
        }
    }

    private static List<InetAddress> loopbackAddresses() {
        try {
            return List.of(InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1}),
                    InetAddress.getByAddress("::1", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
