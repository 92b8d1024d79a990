package io.migrationhooks.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A signing key made for one test run in its own GnuPG home: it signs with scripts/sign-plugin.sh, as
 * the release does, and its public keyring is what Helm's --keyring gets. Closing stops the agent gpg
 * started for that home.
 */
final class ThrowawayGpgKey implements AutoCloseable {

    private final Path gnupgHome;
    private final Path publicKeyring;

    private ThrowawayGpgKey(Path gnupgHome, Path publicKeyring) {
        this.gnupgHome = gnupgHome;
        this.publicKeyring = publicKeyring;
    }

    /** A new Ed25519 signing key for {@code userId}, its home and public keyring under {@code folder}. */
    static ThrowawayGpgKey create(Path folder, String userId) throws IOException {
        Path home = Files.createDirectories(folder.resolve("gnupg"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        ThrowawayGpgKey key = new ThrowawayGpgKey(home, folder.resolve("pubring.gpg"));
        key.gpg("--batch", "--passphrase", "", "--quick-gen-key", userId, "ed25519", "sign", "never");
        Files.write(key.publicKeyring, key.gpgBytes("--export"));
        return key;
    }

    Path publicKeyring() {
        return publicKeyring;
    }

    /** Writes {@code archive}.prov as the release workflow does. */
    void sign(Path archive) {
        Processes.run(List.of(TestPaths.repoRoot().resolve("scripts/sign-plugin.sh").toString(), archive.toString()),
                environment -> environment.put("GNUPGHOME", gnupgHome.toString())).requireSuccess();
    }

    private void gpg(String... args) {
        Processes.run(command(args), this::home).requireSuccess();
    }

    private byte[] gpgBytes(String... args) throws IOException {
        Path out = gnupgHome.resolve("export.out");
        List<String> command = command(args);
        command.addAll(1, List.of("--output", out.toString()));
        Processes.run(command, this::home).requireSuccess();
        byte[] bytes = Files.readAllBytes(out);
        Files.delete(out);
        return bytes;
    }

    private static List<String> command(String... args) {
        if (!Files.isExecutable(Path.of("/usr/bin/gpg"))) {
            fail("gpg not found: install it with apt-get install gnupg (test.sh does)");
        }
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/gpg"));
        command.addAll(List.of(args));
        return command;
    }

    private void home(java.util.Map<String, String> environment) {
        environment.put("GNUPGHOME", gnupgHome.toString());
    }

    @Override
    public void close() {
        Processes.run(List.of("gpgconf", "--kill", "all"), this::home);
    }
}
