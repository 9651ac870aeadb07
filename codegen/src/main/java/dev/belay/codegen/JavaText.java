package dev.belay.codegen;

import dev.belay.dsl.internal.Identifiers;
import java.util.Locale;
import java.util.Set;

/** Spelling of generated Java: literals, comments and names. */
final class JavaText {
    /** Java's keywords and literals, which cannot name a class, field or record component. */
    static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "_", "var", "yield", "record", "sealed", "permits", "non-sealed");

    /** The names a record component may not have (JLS 8.10.1): Object's methods without parameters. */
    static final Set<String> NOT_COMPONENTS = Set.of("clone", "finalize", "getClass", "hashCode", "notify",
            "notifyAll", "toString", "wait");

    private JavaText() {}

    /** A Java string literal of {@code s}: quotes, backslashes and anything outside printable ASCII escaped. */
    static String literal(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    /**
     * Text made safe inside a Javadoc comment: no comment end, no HTML, no {@code @} tags or unicode escapes that
     * javac would read.
     */
    static String doc(String text) {
        return text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;").replace("\\u", "&#92;u").replace("\r\n", "\n").replace("\r", "\n");
    }

    /** A Javadoc comment at {@code indent}, one line or several, of text already made safe by {@link #doc}. */
    static String docComment(String indent, String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 1) {
            return indent + "/** " + lines[0] + " */\n";
        }
        StringBuilder out = new StringBuilder(indent).append("/**\n");
        for (String l : lines) {
            out.append(indent).append(" *").append(l.isBlank() ? "" : " " + l.stripTrailing()).append('\n');
        }
        return out.append(indent).append(" */\n").toString();
    }

    /** The constant name of a Java or SQL name: {@code createdAt} and {@code created_at} are {@code CREATED_AT}. */
    static String upperSnake(String name) {
        return Identifiers.snakeCase(name).toUpperCase(Locale.ROOT);
    }
}
