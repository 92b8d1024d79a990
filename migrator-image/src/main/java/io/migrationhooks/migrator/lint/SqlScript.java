package io.migrationhooks.migrator.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements the way psql and Flyway do: on semicolons outside
 * strings, quoted identifiers, dollar-quoted bodies and comments. Each statement keeps the line it
 * starts on, its words (outside strings) for the few commands the SQL parser cannot read, and the
 * comments that belong to it (those before it, inside it, and on the line where it ends).
 */
public final class SqlScript {
    private SqlScript() {
    }

    /** One statement of a script, without its terminating semicolon. */
    public record Statement(String text, int line, List<Token> tokens, List<String> comments) {
        /** The statement's words and symbols in upper case, strings and identifiers' quotes left as written. */
        public List<String> words() {
            return tokens.stream().map(Token::upper).toList();
        }
    }

    /** A word, symbol, quoted string or identifier; start/end are offsets in the statement text. */
    public record Token(Kind kind, String text, int start, int end) {
        public String upper() {
            return kind == Kind.WORD ? text.toUpperCase(java.util.Locale.ROOT) : text;
        }
    }

    public enum Kind { WORD, QUOTED_IDENTIFIER, STRING, SYMBOL }

    public static List<Statement> split(String script) {
        return new Splitter(script).run();
    }

    private static final class Splitter {
        private final String s;
        private int pos;
        private int line = 1;
        private final List<Statement> statements = new ArrayList<>();
        private List<String> comments = new ArrayList<>();
        private List<Token> tokens = new ArrayList<>();
        private int statementStart = -1;
        private int statementLine;
        /** Line of the last statement's semicolon: a comment on that line belongs to it. */
        private int lastEndLine = -1;

        Splitter(String script) {
            this.s = script;
        }

        List<Statement> run() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '-' && peek(1) == '-') {
                    lineComment();
                } else if (c == '/' && peek(1) == '*') {
                    blockComment();
                } else if (c == ';') {
                    endStatement();
                    pos++;
                } else {
                    token();
                }
            }
            endStatement();
            return statements;
        }

        private char peek(int ahead) {
            return pos + ahead < s.length() ? s.charAt(pos + ahead) : '\0';
        }

        private void lineComment() {
            int end = s.indexOf('\n', pos);
            end = end < 0 ? s.length() : end;
            String text = s.substring(pos, end);
            if (statementStart < 0 && line == lastEndLine && !statements.isEmpty()) {
                statements.get(statements.size() - 1).comments().add(text);
            } else {
                comments.add(text);
            }
            pos = end;
        }

        private void blockComment() {
            int depth = 0;
            int begin = pos;
            while (pos < s.length()) {
                if (s.startsWith("/*", pos)) {
                    depth++;
                    pos += 2;
                } else if (s.startsWith("*/", pos)) {
                    depth--;
                    pos += 2;
                    if (depth == 0) {
                        break;
                    }
                } else {
                    if (s.charAt(pos) == '\n') {
                        line++;
                    }
                    pos++;
                }
            }
            comments.add(s.substring(begin, pos));
        }

        private void token() {
            if (statementStart < 0) {
                statementStart = pos;
                statementLine = line;
            }
            int begin = pos;
            char c = s.charAt(pos);
            Kind kind;
            if (c == '\'' || ((c == 'E' || c == 'e') && peek(1) == '\'')) {
                boolean backslashEscapes = c != '\'';
                pos += backslashEscapes ? 2 : 1;
                quoted('\'', backslashEscapes);
                kind = Kind.STRING;
            } else if (c == '"') {
                pos++;
                quoted('"', false);
                kind = Kind.QUOTED_IDENTIFIER;
            } else if (c == '$' && dollarTag() != null) {
                String tag = dollarTag();
                int close = s.indexOf(tag, pos + tag.length());
                int end = close < 0 ? s.length() : close + tag.length();
                countLines(pos, end);
                pos = end;
                kind = Kind.STRING;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                        || s.charAt(pos) == '$')) {
                    pos++;
                }
                kind = Kind.WORD;
            } else {
                pos++;
                kind = Kind.SYMBOL;
            }
            tokens.add(new Token(kind, s.substring(begin, pos), begin, pos));
        }

        /** `$$` or `$tag$` starting at pos, or null (e.g. a `$1` parameter). */
        private String dollarTag() {
            int i = pos + 1;
            while (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_'
                    || (i > pos + 1 && Character.isDigit(s.charAt(i))))) {
                i++;
            }
            return i < s.length() && s.charAt(i) == '$' ? s.substring(pos, i + 1) : null;
        }

        private void quoted(char quote, boolean backslashEscapes) {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    line++;
                }
                if (backslashEscapes && c == '\\') {
                    pos += 2;
                } else if (c == quote && peek(1) == quote) {
                    pos += 2;
                } else if (c == quote) {
                    pos++;
                    return;
                } else {
                    pos++;
                }
            }
        }

        private void countLines(int from, int to) {
            for (int i = from; i < to; i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                }
            }
        }

        private void endStatement() {
            if (statementStart < 0) {
                return; // an empty statement: its comments stay for the next one
            }
            String text = s.substring(statementStart, pos);
            List<Token> relative = tokens.stream()
                    .map(t -> new Token(t.kind(), t.text(), t.start() - statementStart, t.end() - statementStart))
                    .toList();
            statements.add(new Statement(text.strip(), statementLine, relative, comments));
            lastEndLine = line;
            statementStart = -1;
            tokens = new ArrayList<>();
            comments = new ArrayList<>();
        }
    }
}
