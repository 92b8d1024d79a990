package io.migrationhooks.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** The first differing line of two text files with a little context, for test failure messages. */
final class TextDiff {

    private static final int CONTEXT = 3;

    private TextDiff() {
    }

    static String firstDifference(File expected, File actual) {
        return firstDifference(lines(expected), lines(actual));
    }

    static String firstDifference(String expected, String actual) {
        return firstDifference(expected.lines().toList(), actual.lines().toList());
    }

    private static String firstDifference(List<String> before, List<String> after) {
        int line = 0;
        while (line < before.size() && line < after.size() && before.get(line).equals(after.get(line))) {
            line++;
        }
        if (line == before.size() && line == after.size()) {
            return "  (no difference)";
        }
        int from = Math.max(0, line - CONTEXT);
        StringBuilder out = new StringBuilder("  first difference at line " + (line + 1) + ":\n");
        for (int i = from; i < line; i++) {
            out.append("     ").append(before.get(i)).append('\n');
        }
        for (int i = line; i < Math.min(before.size(), line + CONTEXT); i++) {
            out.append("  -  ").append(before.get(i)).append('\n');
        }
        for (int i = line; i < Math.min(after.size(), line + CONTEXT); i++) {
            out.append("  +  ").append(after.get(i)).append('\n');
        }
        return out.toString();
    }

    private static List<String> lines(File file) {
        try {
            return file.exists() ? Files.readAllLines(file.toPath()) : List.of();
        } catch (IOException e) {
            return List.of("(unreadable: " + e.getMessage() + ")");
        }
    }
}
