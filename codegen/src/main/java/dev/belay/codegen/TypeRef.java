package dev.belay.codegen;

import java.util.List;

/**
 * A Java type as generated source names it: a canonical class name ({@code java.time.Instant},
 * {@code com.acme.Outer.Row}), a primitive or {@code byte[]}, with type arguments. {@link Imports} decides whether
 * it is written simple or qualified.
 */
record TypeRef(String name, List<TypeRef> arguments) {
    TypeRef {
        arguments = List.copyOf(arguments);
    }

    static TypeRef of(String name) {
        return new TypeRef(name, List.of());
    }

    static TypeRef listOf(TypeRef element) {
        return new TypeRef("java.util.List", List.of(element));
    }

    String source(Imports imports) {
        String base = imports.use(name);
        if (arguments.isEmpty()) {
            return base;
        }
        StringBuilder out = new StringBuilder(base).append('<');
        for (int i = 0; i < arguments.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(arguments.get(i).source(imports));
        }
        return out.append('>').toString();
    }
}
