package dev.belay.executor;

import dev.belay.dsl.PgType;
import dev.belay.dsl.Placeholders;
import dev.belay.dsl.Query;
import dev.belay.dsl.RenderedSql;
import java.util.List;
import java.util.function.IntFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One statement ready to run, the same value for DSL queries and raw SQL: the SQL text with pgjdbc's
 * {@code ?} placeholders, one value and one {@link PgType} per placeholder, what each placeholder is for
 * (to name it when its value is refused) and whether the statement may change data.
 */
record BoundStatement(String sql, List<@Nullable Object> params, List<PgType<?>> types,
                      IntFunction<String> describe, boolean modifiesData) {

    /** The query rendered with the session's schema mapping (once per query shape and mapping). */
    static BoundStatement of(Query query, Session s) {
        RenderedSql r = query.render(Placeholders.JDBC, s.engine().config.schemaMapping());
        return new BoundStatement(r.sql(), r.params(), r.paramTypes(), r::describeParam, query.modifiesData());
    }
}
