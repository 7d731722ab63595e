package dev.digitlab.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A local HTTP server playing download mirrors that behave well or badly, for tests. */
final class MirrorServer implements AutoCloseable {

    /** How a mirror answers a request for a file. */
    enum Behaviour {
        /** Sends the file. */
        SERVE,
        /** Answers 500. */
        ERROR_500,
        /** Sends the file with one byte changed. */
        WRONG_BYTES,
        /** Announces the full length, sends half, then closes the connection. */
        CUT_OFF,
        /** Announces the full length, sends a little, then sends nothing more for a long time. */
        STALL
    }

    private final Map<String, byte[]> files;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    /** @param files the contents served, by file name */
    MirrorServer(Map<String, byte[]> files) throws IOException {
        this.files = Map.copyOf(files);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    /** Adds a mirror at {@code /name/} that answers as {@code behaviour}; returns its base address. */
    URI mirror(String name, Behaviour behaviour) {
        server.createContext("/" + name + "/", exchange -> answer(exchange, behaviour));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/");
    }

    /** The paths requested so far, in order, e.g. {@code /a/train-labels-idx1-ubyte.gz}. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void answer(HttpExchange exchange, Behaviour behaviour) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        byte[] body = files.get(path.substring(path.lastIndexOf('/') + 1));
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            switch (behaviour) {
                case SERVE -> send(exchange, body, body.length);
                case ERROR_500 -> exchange.sendResponseHeaders(500, -1);
                case WRONG_BYTES -> {
                    byte[] wrong = body.clone();
                    wrong[wrong.length / 2] ^= 1;
                    send(exchange, wrong, wrong.length);
                }
                case CUT_OFF -> {
                    exchange.sendResponseHeaders(200, body.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    // Closing with bytes still owed makes the server drop the connection.
                }
                case STALL -> {
                    exchange.sendResponseHeaders(200, body.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(body, 0, Math.min(10, body.length));
                    out.flush();
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> throw new IllegalStateException(behaviour.toString());
            }
        }
    }

    private static void send(HttpExchange exchange, byte[] body, int length) throws IOException {
        exchange.sendResponseHeaders(200, length);
        exchange.getResponseBody().write(Arrays.copyOf(body, length));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
