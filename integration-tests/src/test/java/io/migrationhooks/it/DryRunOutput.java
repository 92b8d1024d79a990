package io.migrationhooks.it;

import java.util.List;
import java.util.Map;

/**
 * The sections of `helm install --dry-run` output: HOOKS (in execution order), MANIFEST and NOTES.
 */
record DryRunOutput(List<Map<String, Object>> hooks, List<Map<String, Object>> manifest, String notes) {

    private static final String HOOKS = "HOOKS:\n";
    private static final String MANIFEST = "MANIFEST:\n";
    private static final String NOTES = "NOTES:\n";

    static DryRunOutput parse(String stdout) {
        int hooks = sectionStart(stdout, HOOKS, 0);
        int manifest = sectionStart(stdout, MANIFEST, hooks);
        int notes = stdout.indexOf("\n" + NOTES, manifest);
        int manifestEnd = notes < 0 ? stdout.length() : notes + 1;
        return new DryRunOutput(
                Manifests.parse(stdout.substring(hooks + HOOKS.length(), manifest)),
                Manifests.parse(stdout.substring(manifest + MANIFEST.length(), manifestEnd)),
                notes < 0 ? "" : stdout.substring(notes + 1 + NOTES.length()));
    }

    private static int sectionStart(String stdout, String header, int from) {
        int start = stdout.startsWith(header) && from == 0 ? 0 : stdout.indexOf("\n" + header, from);
        if (start < 0) {
            throw new AssertionError("No " + header.trim() + " section in Helm's output:\n" + stdout);
        }
        return stdout.charAt(start) == '\n' ? start + 1 : start;
    }
}
