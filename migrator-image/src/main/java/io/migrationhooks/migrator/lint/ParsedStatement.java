package io.migrationhooks.migrator.lint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * A statement read by JSqlParser, after lifting out the PostgreSQL-only words JSqlParser 5.3 does
 * not know ({@code CONCURRENTLY}, {@code NOT VALID}, {@code USING INDEX}, {@code SET DATA TYPE})
 * into {@link #options()}. Maintenance commands (VACUUM, CLUSTER, LOCK, REINDEX, REFRESH; JSqlParser
 * reads few of them fully) are kept as their words; anything else it cannot read has a {@link #parseError()}.
 *
 * @param ast the parsed statement, or null for a maintenance command or an unreadable statement
 */
public record ParsedStatement(SqlScript.Statement source, Statement ast, String command, String parseError,
        Set<Option> options) {

    /** PostgreSQL words that change what a statement locks, lifted out before parsing. */
    public enum Option { CONCURRENTLY, NOT_VALID, USING_INDEX }

    private static final Set<String> MAINTENANCE_COMMANDS = Set.of("VACUUM", "CLUSTER", "LOCK", "REINDEX", "REFRESH");

    public static ParsedStatement parse(SqlScript.Statement source) {
        List<String> words = source.words();
        String first = words.isEmpty() ? "" : words.get(0);
        if (MAINTENANCE_COMMANDS.contains(first)) {
            return new ParsedStatement(source, null, first, null, EnumSet.noneOf(Option.class));
        }
        Set<Option> options = EnumSet.noneOf(Option.class);
        String text = normalize(source, options);
        try {
            Statement ast = CCJSqlParserUtil.parse(text);
            if (ast == null || ast instanceof UnsupportedStatement) {
                return new ParsedStatement(source, null, null, "the SQL parser has no grammar for it", options);
            }
            return new ParsedStatement(source, ast, null, null, options);
        } catch (JSQLParserException | RuntimeException e) {
            return new ParsedStatement(source, null, null, firstLine(e), options);
        }
    }

    public boolean has(Option option) {
        return options.contains(option);
    }

    /** Words of the statement in upper case (strings as written), for the maintenance commands. */
    public List<String> words() {
        return source.words();
    }

    public String text() {
        return source.text();
    }

    private static String normalize(SqlScript.Statement source, Set<Option> options) {
        List<SqlScript.Token> tokens = source.tokens();
        List<String> words = source.words();
        List<int[]> removals = new ArrayList<>();
        boolean index = startsWith(words, "CREATE", "INDEX") || startsWith(words, "CREATE", "UNIQUE", "INDEX")
                || startsWith(words, "DROP", "INDEX");
        boolean alterTable = startsWith(words, "ALTER", "TABLE");
        for (int i = 0; i < tokens.size(); i++) {
            String word = isWord(tokens.get(i)) ? words.get(i) : "";
            if (index && word.equals("CONCURRENTLY") && i <= 3) {
                options.add(Option.CONCURRENTLY);
                removals.add(new int[] {i, i});
            } else if (alterTable && word.equals("NOT") && wordAt(tokens, words, i + 1, "VALID")) {
                options.add(Option.NOT_VALID);
                removals.add(new int[] {i, i + 1});
            } else if (alterTable && word.equals("USING") && wordAt(tokens, words, i + 1, "INDEX")
                    && i + 2 < tokens.size()) {
                options.add(Option.USING_INDEX);
                removals.add(new int[] {i, i + 2});
            } else if (alterTable && word.equals("SET") && wordAt(tokens, words, i + 1, "DATA")
                    && wordAt(tokens, words, i + 2, "TYPE")) {
                removals.add(new int[] {i, i + 1});
            }
        }
        StringBuilder text = new StringBuilder(source.text());
        for (int r = removals.size() - 1; r >= 0; r--) {
            int[] span = removals.get(r);
            int from = tokens.get(span[0]).start();
            int to = Math.min(tokens.get(span[1]).end(), text.length());
            text.replace(from, to, " ".repeat(to - from));
        }
        if (options.contains(Option.USING_INDEX)) {
            // `ADD CONSTRAINT c UNIQUE USING INDEX i`: JSqlParser wants columns after UNIQUE.
            return text.toString().replaceAll("(?i)\\b(UNIQUE|PRIMARY\\s+KEY)\\s*$", "$1 (using_index)");
        }
        return text.toString();
    }

    private static boolean isWord(SqlScript.Token token) {
        return token.kind() == SqlScript.Kind.WORD;
    }

    private static boolean wordAt(List<SqlScript.Token> tokens, List<String> words, int i, String expected) {
        return i < tokens.size() && isWord(tokens.get(i)) && words.get(i).equals(expected);
    }

    static boolean startsWith(List<String> words, String... prefix) {
        if (words.size() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!words.get(i).equals(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
