package io.migrationhooks.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each release archive installed the ways a user installs it, by real Helm 4.1 and 4.2 into a private
 * Helm home: from the archive's path, from an http URL, from {@code oci://} on a real registry, each
 * checked against its .prov (Helm 4 verifies archives by default) signed by a throwaway key with
 * scripts/sign-plugin.sh; the OCI artifact is pushed by scripts/push-plugin-oci.sh. The release
 * workflow uses both scripts. Once installed, the plugin renders chart/ exactly as the golden file says.
 */
@ParameterizedClass(name = "{0} archive, {1}")
@MethodSource("archivesAndHelms")
class PluginArchiveInstallTest {

    private static final Pattern TIMESTAMP_LINE = Pattern.compile("(?m)^LAST DEPLOYED: .*\\n");
    /**
     * Helm 4.2 prints an empty line after each document of a dry run; the golden file is Helm 4.1's output,
     * compared byte for byte. For 4.2 both sides lose the empty lines that end a document.
     */
    private static final Pattern EMPTY_LINES_ENDING_A_DOCUMENT = Pattern.compile("(?m)^\\n+(?=---$|MANIFEST:$|NOTES:$)");

    @Parameter(0)
    PluginArchive archive;

    @Parameter(1)
    String helmFlavour;

    @TempDir
    Path helmHome;

    @TempDir
    static Path work;

    private static TestRelease release;
    private static ThrowawayGpgKey strangerKey;
    private static LoopbackFileServer downloads;

    static Stream<Arguments> archivesAndHelms() {
        return PluginArchive.all().stream()
                .flatMap(archive -> Stream.of("helm4", "helm4.2").map(helm -> Arguments.of(archive, helm)));
    }

    /** What a release publishes: each archive with its .prov in a download folder and in the registry. */
    @BeforeAll
    static void publish() throws IOException, InterruptedException {
        release = TestRelease.start(work);
        strangerKey = ThrowawayGpgKey.create(Files.createDirectories(work.resolve("stranger")),
                "someone else <stranger@example.invalid>");
        for (PluginArchive archive : PluginArchive.all()) {
            release.publish(archive.file(), "migration-hooks", archive.ociTag());
        }
        downloads = LoopbackFileServer.serve(release.folder());
    }

    @AfterAll
    static void stop() {
        Stream.of(downloads, release, strangerKey).filter(java.util.Objects::nonNull)
                .forEach(PluginArchiveInstallTest::closeQuietly);
    }

    @Test
    void installsFromTheArchivesPathAfterCheckingItsSignature() {
        assertVerifiedInstall(install(published().toString()));
        assertRendersTheGoldenFile();
    }

    @Test
    void installsFromAnHttpUrlAfterCheckingItsSignature() {
        assertVerifiedInstall(install(downloads.url(published().getFileName().toString())));
        assertRendersTheGoldenFile();
    }

    @Test
    void installsFromAnOciRegistryAfterCheckingItsSignature() {
        assertVerifiedInstall(install(ociReference(archive), "--plain-http"));
        assertRendersTheGoldenFile();
    }

    @Test
    void refusesAnArchiveWhoseBytesAreNotTheSignedOnes() throws IOException {
        Path tampered = Files.createDirectories(helmHome.resolve("tampered")).resolve(published().getFileName());
        Files.copy(published(), tampered);
        Files.copy(Path.of(published() + ".prov"), Path.of(tampered + ".prov"));
        Files.write(tampered, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);

        ProcessResult result = helm().run("plugin", "install", tampered.toString(),
                "--keyring", release.keyring().toString());

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.stderr()).as(result.describe()).containsIgnoringCase("sha256");
        assertNotInstalled();
    }

    @Test
    void refusesAnArchiveSignedByAKeyTheUserDoesNotTrust() {
        ProcessResult result = helm().run("plugin", "install", downloads.url(published().getFileName().toString()),
                "--keyring", strangerKey.publicKeyring().toString());

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.stderr()).as(result.describe()).contains("unknown entity");
        assertNotInstalled();
    }

    private ProcessResult install(String source, String... options) {
        List<String> args = new ArrayList<>(List.of("plugin", "install", source,
                "--keyring", release.keyring().toString()));
        args.addAll(List.of(options));
        return helm().run(args).requireSuccess();
    }

    private void assertVerifiedInstall(ProcessResult install) {
        assertThat(install.stdout()).as(install.describe())
                .contains("Signed by: " + TestRelease.SIGNER)
                .contains("Plugin Hash Verified: sha256:")
                .contains("Installed plugin: migration-hooks");
        // Helm checks the kept archive against its .prov again for the PROVENANCE column.
        assertThat(pluginListRow()).as("helm plugin list").contains(TestPaths.projectVersion(), "postrenderer/v1", "signed");
    }

    private void assertRendersTheGoldenFile() {
        ProcessResult result = helm().run("install", "app", TestPaths.chart().toString(), "--dry-run=client",
                "--namespace", "demo", "--post-renderer", "migration-hooks").requireSuccess();
        String rendered = TIMESTAMP_LINE.matcher(result.stdout()).replaceAll("");
        String approved = approvedWithoutHeader("default");
        if (helmFlavour.equals("helm4")) {
            assertThat(rendered).isEqualTo(approved);
        } else {
            assertThat(withoutEmptyLinesEndingADocument(rendered)).isEqualTo(withoutEmptyLinesEndingADocument(approved));
        }
    }

    private static String withoutEmptyLinesEndingADocument(String dryRun) {
        return EMPTY_LINES_ENDING_A_DOCUMENT.matcher(dryRun).replaceAll("");
    }

    private static String approvedWithoutHeader(String scenario) {
        try {
            String approved = Files.readString(TestPaths.goldenFiles().resolve(scenario + ".approved.yaml"));
            return approved.substring(approved.indexOf('\n') + 1);
        } catch (IOException e) {
            throw new AssertionError("Cannot read the golden file of " + scenario, e);
        }
    }

    private void assertNotInstalled() {
        assertThat(pluginListRow()).as("helm plugin list after a refused install").isEmpty();
    }

    private List<String> pluginListRow() {
        return helm().run("plugin", "list").requireSuccess().stdout().lines()
                .filter(line -> line.startsWith("migration-hooks"))
                .flatMap(line -> Stream.of(line.split("\t")).map(String::strip))
                .toList();
    }

    private Path published() {
        return release.folder().resolve(archive.file().getFileName());
    }

    private Helm helm() {
        return Helm.of(helmFlavour, helmHome);
    }

    private static String ociReference(PluginArchive archive) {
        return release.ociReference("migration-hooks", archive.ociTag());
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // the temporary folder goes anyway
        }
    }
}
