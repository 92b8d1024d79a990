package io.migrationhooks.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's docker-registry (the Distribution registry) serving on a free loopback port from a folder,
 * as migrator-image/scripts/push-smoke-test.sh runs it: a real OCI registry, no Docker engine.
 */
final class LoopbackRegistry implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/docker-registry");

    private final Process process;
    private final String host;

    private LoopbackRegistry(Process process, String host) {
        this.process = process;
        this.host = host;
    }

    static LoopbackRegistry start(Path folder) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            fail("docker-registry not found: install it with apt-get install docker-registry (test.sh does)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path config = Files.writeString(folder.resolve("config.yml"), """
                version: 0.1
                log: {level: warn}
                storage: {filesystem: {rootdirectory: %s}}
                http: {addr: 127.0.0.1:%d}
                """.formatted(folder.resolve("data"), port));
        Process process = new ProcessBuilder(List.of(BINARY.toString(), "serve", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("registry.log").toFile())
                .start();
        LoopbackRegistry registry = new LoopbackRegistry(process, "127.0.0.1:" + port);
        registry.awaitReady(folder.resolve("registry.log"));
        return registry;
    }

    /** host:port, as an oci:// reference starts. */
    String host() {
        return host;
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + "/v2/")).build();
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!process.isAlive()) {
                fail("docker-registry exited: " + Files.readString(log));
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // retried below
            }
            Thread.sleep(100);
        }
        close();
        fail("docker-registry did not answer on " + host + ": " + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
