package dev.belay.it.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on a free local port that stands in for a server still starting: until {@code delay} has passed it
 * accepts each connection and closes it at once, then it forwards connections to the real PostgreSQL.
 */
final class DelayedForwarder implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final long readyAt;
    private final AtomicInteger refused = new AtomicInteger();
    private final Thread acceptor;

    DelayedForwarder(String jdbcUrl, Duration delay) throws IOException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.target = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
        this.listener = new ServerSocket(0);
        this.readyAt = System.nanoTime() + delay.toNanos();
        this.acceptor = new Thread(this::accept, "delayed-forwarder");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The URL of {@code jdbcUrl}'s database, reached through this forwarder. */
    String url(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Connections closed because the "server" was not ready yet. */
    int refused() {
        return refused.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (System.nanoTime() < readyAt) {
                    refused.incrementAndGet();
                    client.close();
                    continue;
                }
                Socket server = new Socket(target.getAddress(), target.getPort());
                pump(client, server);
                pump(server, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ended) {
                // either side closed: the other pump closes its socket too
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "delayed-forwarder-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
