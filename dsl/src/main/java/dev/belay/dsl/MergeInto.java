package dev.belay.dsl;

/**
 * {@code mergeInto(USER)}, waiting for its source: {@code mergeInto(USER).using(v).on(USER.EMAIL.eq(v.v1()))}
 * renders {@code MERGE INTO "users" USING ... ON "users"."email" = "v"."email"}; see {@link Merge}.
 *
 * @param <R> the row type of the table merged into
 */
public final class MergeInto<R> {
    private final Table<R> target;

    MergeInto(Table<R> target) {
        this.target = target;
    }

    /**
     * The rows to merge: a table, a derived table ({@code select(...).asTable("s")}), a VALUES list
     * ({@code values(...).as("v", ...)}) or a set-returning function. {@code .using(NODE_ARCHIVE)} renders
     * {@code USING "node_archive"}.
     */
    public MergeUsing<R> using(TableLike source) {
        if (source == null) {
            throw new IllegalArgumentException("merge into " + target + ": using(null); give the source rows");
        }
        return new MergeUsing<>(target, source);
    }
}
