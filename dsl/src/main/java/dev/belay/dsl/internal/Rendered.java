package dev.belay.dsl.internal;

import dev.belay.dsl.PgType;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A statement rendered for one placeholder style: its SQL text and, per placeholder in order, the
 * node that supplies the value ({@link Expr.Bind} or {@link Expr.Slot}) and its type (the same for every rendering
 * of the shape, so shared by them), plus the named slots it uses.
 * Computed once per query shape, so per-call work (binding) never walks the slots to validate.
 * {@code comparedIn} holds the named slots that are an operand of a comparison, which must not be bound
 * to NULL, each with where it is compared.
 */
public record Rendered(String sql, List<Expr> slots, List<PgType<?>> types, Set<ParamKey> paramKeys,
                       Map<ParamKey, Supplier<String>> comparedIn) {

    /** Takes over {@code slots}, which the renderer that filled it no longer changes. */
    static Rendered of(String sql, List<Expr> slots, Map<ParamKey, Supplier<String>> comparedIn) {
        @Nullable Set<ParamKey> keys = null;
        PgType<?>[] types = new PgType<?>[slots.size()];
        for (int i = 0; i < types.length; i++) {
            Expr slot = slots.get(i);
            if (slot instanceof Expr.Slot s) {
                if (keys == null) {
                    keys = new HashSet<>();
                }
                keys.add(s.key());
                types[i] = s.key().type();
            } else {
                types[i] = ((Expr.Bind) slot).type();
            }
        }
        return new Rendered(sql, Collections.unmodifiableList(slots), ArrayView.of(types),
                keys == null ? Set.of() : Set.copyOf(keys), comparedIn.isEmpty() ? Map.of() : Map.copyOf(comparedIn));
    }
}
