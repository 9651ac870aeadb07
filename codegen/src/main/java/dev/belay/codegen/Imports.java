package dev.belay.codegen;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The imports of one generated file. A type is written by its simple name when that name is free (imported once,
 * or in the file's own package, or java.lang), and qualified otherwise, so a row type called {@code Table} or two
 * {@code Entry} types cannot make generated code ambiguous.
 */
final class Imports {
    private final String pkg;
    private final Set<String> shadowed;
    private final Set<String> packageTypes;
    private final Map<String, String> bySimpleName = new HashMap<>();
    private final Set<String> imports = new TreeSet<>();

    /**
     * {@code shadowed}: simple names the file declares or inherits (its class, {@code Alias}), which always mean
     * that; {@code packageTypes}: the simple names of the package's other types, which hide java.lang's and
     * cannot be imported over.
     */
    Imports(String pkg, Set<String> shadowed, Set<String> packageTypes) {
        this.pkg = pkg;
        this.shadowed = Set.copyOf(shadowed);
        this.packageTypes = Set.copyOf(packageTypes);
    }

    /** The name to write for a canonical type name. */
    String use(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return name; // a primitive, byte[] or a type of the unnamed package
        }
        String simple = name.substring(dot + 1);
        String owner = name.substring(0, dot);
        String taken = bySimpleName.get(simple);
        if (taken != null) {
            return taken.equals(name) ? simple : name;
        }
        if (shadowed.contains(simple) || !owner.equals(pkg) && packageTypes.contains(simple)) {
            return name;
        }
        bySimpleName.put(simple, name);
        if (!owner.equals(pkg) && !owner.equals("java.lang")) {
            imports.add(name);
        }
        return simple;
    }

    /** The import lines, sorted; empty when nothing is imported. */
    String lines() {
        StringBuilder out = new StringBuilder();
        for (String i : imports) {
            out.append("import ").append(i).append(";\n");
        }
        return out.length() == 0 ? "" : out.append('\n').toString();
    }
}
