package dev.belay.codegen;

import dev.belay.dsl.internal.Identifiers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Java names for SQL names, predictably: the words of the name (split at anything but letters and digits, and
 * where a quoted mixed-case name changes case) joined as {@code PascalCase} for types and {@code camelCase} for
 * components; {@code order_items} and {@code "OrderItems"} are both {@code OrderItems}. Constants are the
 * {@code UPPER_SNAKE} of those Java names. A name that starts with a digit gets a leading {@code _} (one of
 * punctuation only is {@code Unnamed}), a Java keyword a trailing {@code _} ({@code class} is {@code class_}), and
 * the second of two equal names in one scope a {@code 2}.
 */
final class JavaNames {
    private final Set<String> taken = new HashSet<>();

    /** A scope that already holds {@code reserved}. */
    JavaNames(Set<String> reserved) {
        taken.addAll(reserved);
    }

    /** {@code base} or, when the scope has it, {@code base2}, {@code base3}...; then the scope has that too. */
    String unique(String base) {
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + i;
        }
        return name;
    }

    static String typeName(String sql) {
        StringBuilder out = new StringBuilder();
        for (String w : words(sql)) {
            out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return legal(out.toString());
    }

    static String memberName(String sql) {
        String pascal = typeName(sql);
        String camel = pascal.startsWith("_") ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
        return JavaText.RESERVED.contains(camel) || JavaText.NOT_COMPONENTS.contains(camel) ? camel + "_" : camel;
    }

    /** The lower-case words of a SQL name. */
    private static List<String> words(String sql) {
        List<String> words = new ArrayList<>();
        for (String part : sql.split("[^\\p{L}\\p{Nd}]+")) {
            for (String w : Identifiers.snakeCase(part).split("_")) {
                if (!w.isEmpty()) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }

    private static String legal(String name) {
        if (name.isEmpty()) {
            return "Unnamed"; // a name of punctuation only
        }
        return Character.isJavaIdentifierStart(name.charAt(0)) ? name : "_" + name;
    }
}
