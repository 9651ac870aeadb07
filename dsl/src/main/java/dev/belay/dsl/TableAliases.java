package dev.belay.dsl;

import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Re-creates a descriptor of its own class under an alias, through its {@code (Table.Alias)} constructor, so the
 * alias keeps the typed column fields; see {@link Table#as(String)}.
 */
final class TableAliases {
    private TableAliases() {}

    /** The constructor to call, or why there is none: found once per descriptor class. */
    private record Maker(@Nullable Constructor<?> constructor, @Nullable String problem) {}

    private static final ClassValue<Maker> MAKERS = new ClassValue<>() {
        @Override
        protected Maker computeValue(Class<?> type) {
            return maker(type);
        }
    };

    static <R> Table<R> recreate(Table<R> original, Table.Alias alias) {
        Class<?> type = original.getClass();
        Maker maker = MAKERS.get(type);
        if (maker.constructor() == null) {
            throw cannot(type, original, maker.problem());
        }
        Object made;
        try {
            made = maker.constructor().newInstance(alias);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(cannotAlias(type, original) + ": its (Alias) constructor threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(cannotAlias(type, original) + ": " + e, e);
        }
        @SuppressWarnings("unchecked") // an instance of the original's own class, so of a Table<R>
        Table<R> aliased = (Table<R>) made;
        requireSameColumns(type, original, aliased);
        return aliased;
    }

    private static Maker maker(Class<?> type) {
        String simple = type.getSimpleName();
        if (type.isAnonymousClass() || type.isLocalClass()) {
            return new Maker(null, "an anonymous or local class cannot be re-created; make the descriptor a named "
                    + "(static nested or top-level) class with a constructor " + pattern(simple));
        }
        Constructor<?> c;
        try {
            c = type.getDeclaredConstructor(Table.Alias.class);
        } catch (NoSuchMethodException e) {
            return new Maker(null, "add the constructor " + pattern(simple) + ", which re-runs the column "
                    + "declarations for the alias (or, when the columns come from constructor arguments, use "
                    + "asPlain(..) and reach the alias's columns with field(..))");
        }
        try {
            c.setAccessible(true);
        } catch (InaccessibleObjectException | SecurityException e) {
            return new Maker(null, "its package " + type.getPackageName() + " is not open to dev.belay.dsl; add "
                    + "'opens " + type.getPackageName() + " to dev.belay.dsl;' to its module-info.java");
        }
        return new Maker(c, null);
    }

    private static String pattern(String simpleName) {
        String name = simpleName.isEmpty() ? "MyTable" : simpleName;
        return "'private " + name + "(Alias alias) { super(alias); }'";
    }

    /** The constructor must declare what the original declares: the alias is the same table under another name. */
    private static void requireSameColumns(Class<?> type, Table<?> original, Table<?> aliased) {
        List<? extends Column<?, ?>> want = original.columns();
        List<? extends Column<?, ?>> got = aliased.columns();
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            Column<?, ?> w = i < want.size() ? want.get(i) : null;
            Column<?, ?> g = i < got.size() ? got.get(i) : null;
            if (w == null || g == null || !sameDeclaration(w, g)) {
                throw new IllegalStateException(cannotAlias(type, original) + ": its (Alias) constructor declared "
                        + describe(got) + " but the original declares " + describe(want) + "; it must only call "
                        + "super(alias) so the same field initializers run");
            }
        }
    }

    private static boolean sameDeclaration(Column<?, ?> a, Column<?, ?> b) {
        return a.name().equals(b.name()) && a.type().equals(b.type()) && a.property().equals(b.property())
                && a.isNullable() == b.isNullable() && a.isGenerated() == b.isGenerated()
                && a.isPrimaryKey() == b.isPrimaryKey();
    }

    private static String describe(List<? extends Column<?, ?>> columns) {
        StringBuilder sb = new StringBuilder("[");
        for (Column<?, ?> c : columns) {
            sb.append(sb.length() > 1 ? ", " : "").append(c.name()).append(' ').append(c.type())
                    .append(c.isPrimaryKey() ? " primaryKey" : "").append(c.isGenerated() ? " generated" : "")
                    .append(c.isNullable() ? " nullable" : "");
        }
        return sb.append(']').toString();
    }

    private static IllegalStateException cannot(Class<?> type, Table<?> original, @Nullable String problem) {
        return new IllegalStateException(cannotAlias(type, original) + ": " + problem);
    }

    private static String cannotAlias(Class<?> type, Table<?> original) {
        // as(..), scoped(..) and inSchema(..) all re-create the descriptor, so the message names all three
        return "cannot alias, scope or move (as, scoped, inSchema) table " + original + ": descriptor class "
                + type.getName();
    }
}
