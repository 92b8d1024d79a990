package io.migrationhooks.migrator.lint;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code migrator lint [--applied PATH]... PATH...}: lints the SQL migrations at PATH (files or
 * folders) in Flyway's order; scripts under --applied are read for context only. Exit 0 when every
 * finding is allowed, 1 with findings, 2 for bad arguments. Findings go to stdout, one per line.
 */
public final class LintCommand {
    public static final int CLEAN = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_ARGUMENTS = 2;

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");

    private LintCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<Path> applied = new ArrayList<>();
        List<Path> pending = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--applied") && i + 1 < args.size()) {
                applied.add(Path.of(args.get(++i)));
            } else if (arg.startsWith("-")) {
                err.println("migrator lint: unknown option " + arg
                        + " (usage: migrator lint [--applied PATH]... PATH...)");
                return BAD_ARGUMENTS;
            } else {
                pending.add(Path.of(arg));
            }
        }
        if (pending.isEmpty()) {
            err.println("migrator lint: no migration script or folder given (usage: migrator lint [--applied PATH]... PATH...)");
            return BAD_ARGUMENTS;
        }
        List<Linter.Script> pendingScripts;
        List<Linter.Script> appliedScripts;
        try {
            pendingScripts = read(pending);
            List<String> pendingNames = pendingScripts.stream().map(Linter.Script::name).toList();
            appliedScripts = read(applied).stream().filter(s -> !pendingNames.contains(s.name())).toList();
        } catch (UncheckedIOException e) {
            err.println("migrator lint: " + e.getMessage());
            return BAD_ARGUMENTS;
        }
        List<Finding> findings = new Linter(Rules.ALL).lint(appliedScripts, pendingScripts);
        return report(findings, pendingScripts.size(), out);
    }

    /** Prints the findings and returns the exit code: FINDINGS when one is not allowed. */
    public static int report(List<Finding> findings, int scripts, PrintStream out) {
        findings.forEach(finding -> out.println(finding.describe()));
        long refused = findings.stream().filter(f -> !f.allowed()).count();
        out.printf("migrator lint: %d script%s, %d finding%s, %d not allowed%n", scripts, scripts == 1 ? "" : "s",
                findings.size(), findings.size() == 1 ? "" : "s", refused);
        return refused > 0 ? FINDINGS : CLEAN;
    }

    static List<Linter.Script> read(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> p.getFileName().toString().endsWith(".sql")).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(path + " cannot be read", e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new UncheckedIOException(new IOException(path + " is not a file or folder"));
            }
        }
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString(), LintCommand::flywayOrder));
        List<Linter.Script> scripts = new ArrayList<>();
        for (Path file : files) {
            try {
                scripts.add(new Linter.Script(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(file + " cannot be read", e);
            }
        }
        return scripts;
    }

    /** Versioned scripts by version (V2 before V10), then the rest (repeatables) by name. */
    static int flywayOrder(String a, String b) {
        Matcher ma = VERSIONED.matcher(a);
        Matcher mb = VERSIONED.matcher(b);
        if (ma.matches() && mb.matches()) {
            String[] pa = ma.group(1).split("[._]");
            String[] pb = mb.group(1).split("[._]");
            for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
                BigInteger x = i < pa.length ? new BigInteger(pa[i]) : BigInteger.ZERO;
                BigInteger y = i < pb.length ? new BigInteger(pb[i]) : BigInteger.ZERO;
                if (x.compareTo(y) != 0) {
                    return x.compareTo(y);
                }
            }
            return 0;
        }
        if (ma.matches() != mb.matches()) {
            return ma.matches() ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
