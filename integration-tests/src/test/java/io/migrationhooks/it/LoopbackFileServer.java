package io.migrationhooks.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves the files of one folder over HTTP on a free loopback port, as a release download page would. */
final class LoopbackFileServer implements AutoCloseable {

    private final HttpServer server;

    private LoopbackFileServer(HttpServer server) {
        this.server = server;
    }

    static LoopbackFileServer serve(Path folder) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring(1);
            Path file = folder.resolve(name).normalize();
            try (exchange) {
                if (name.contains("/") || !file.startsWith(folder) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, Files.size(file));
                try (OutputStream body = exchange.getResponseBody()) {
                    Files.copy(file, body);
                }
            }
        });
        server.start();
        return new LoopbackFileServer(server);
    }

    /** The URL of a file of the folder. */
    String url(String fileName) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + fileName;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
