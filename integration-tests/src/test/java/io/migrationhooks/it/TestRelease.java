package io.migrationhooks.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A release as ci/github/workflows/release.yml makes one, on this machine: archives copied to a release
 * folder, signed by a throwaway key with scripts/sign-plugin.sh and pushed with scripts/push-plugin-oci.sh
 * to Debian's docker-registry on loopback.
 */
final class TestRelease implements AutoCloseable {

    /** The user id of the release key, as Helm prints it after "Signed by:". */
    static final String SIGNER = "migration-hooks test release <release@example.invalid>";

    private final Path folder;
    private final ThrowawayGpgKey signingKey;
    private final LoopbackRegistry registry;

    private TestRelease(Path folder, ThrowawayGpgKey signingKey, LoopbackRegistry registry) {
        this.folder = folder;
        this.signingKey = signingKey;
        this.registry = registry;
    }

    static TestRelease start(Path work) throws IOException, InterruptedException {
        ThrowawayGpgKey key = ThrowawayGpgKey.create(Files.createDirectories(work.resolve("signer")), SIGNER);
        LoopbackRegistry registry = LoopbackRegistry.start(Files.createDirectories(work.resolve("registry")));
        return new TestRelease(Files.createDirectories(work.resolve("release")), key, registry);
    }

    /** Signs a copy of {@code built} in the release folder and pushes it as {@code oci://…/REPOSITORY:TAG}. */
    Path publish(Path built, String repository, String tag) throws IOException {
        Path published = Files.copy(built, folder.resolve(built.getFileName()));
        signingKey.sign(published);
        Processes.run(List.of(TestPaths.repoRoot().resolve("scripts/push-plugin-oci.sh").toString(), "--plain-http",
                published.toString(), ociReference(repository, tag))).requireSuccess();
        return published;
    }

    String ociReference(String repository, String tag) {
        return "oci://" + registry.host() + "/migration-hooks-test/" + repository + ":" + tag;
    }

    Path folder() {
        return folder;
    }

    /** The keyring holding the release's public key, for Helm's --keyring. */
    Path keyring() {
        return signingKey.publicKeyring();
    }

    @Override
    public void close() {
        registry.close();
        signingKey.close();
    }
}
