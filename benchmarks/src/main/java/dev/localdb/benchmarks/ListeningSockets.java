package dev.localdb.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A contiguous block of ports that are really busy on this host: each gets a listening socket on
 * the wildcard address (IPv6 dual-stack where the host has it), the way a dev server listens. A
 * port that another program already listens on is busy too: it is left to that program and
 * counted (on a shared machine some always are). One file descriptor per port: keep the block
 * well under {@code ulimit -n}.
 */
public final class ListeningSockets implements AutoCloseable {
    private final List<ServerSocketChannel> channels;
    private int alreadyBusy;

    private ListeningSockets(List<ServerSocketChannel> channels) {
        this.channels = channels;
    }

    public static ListeningSockets occupy(int firstPort, int count) {
        ListeningSockets sockets = new ListeningSockets(new ArrayList<>(count));
        for (int port = firstPort; port < firstPort + count; port++) {
            sockets.listenOn(port, firstPort, count);
        }
        if (sockets.alreadyBusy > 0) {
            System.err.println(sockets.alreadyBusy + " of ports " + firstPort + "-" + (firstPort + count - 1)
                    + " were already in use by other programs; they count as busy too.");
        }
        return sockets;
    }

    /** Ports this object listens on (the others of the block were busy already). */
    public int listening() {
        return channels.size();
    }

    private void listenOn(int port, int firstPort, int count) {
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.bind(new InetSocketAddress(port), 50);
            channels.add(channel);
        } catch (BindException inUse) {
            alreadyBusy++;
            closeQuietly(channel);
        } catch (IOException e) {
            closeQuietly(channel);
            close();
            throw new UncheckedIOException("Cannot listen on port " + port + " to make ports " + firstPort + "-"
                    + (firstPort + count - 1) + " busy (is 'ulimit -n' below " + (count + 64) + "?)", e);
        }
    }

    @Override
    public void close() {
        channels.forEach(ListeningSockets::closeQuietly);
        channels.clear();
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a listening socket only fails if it is already gone; nothing to undo.
        }
    }
}
