package dev.belay.executor;

/**
 * A relation as {@code pg_catalog} lists it, from {@link DBConnection#tables(String)}.
 *
 * @param schema the schema it lives in
 * @param name its name, as stored (unquoted)
 * @param kind what kind of relation it is
 */
public record TableInfo(String schema, String name, Kind kind) {

    /** PostgreSQL's relation kinds that hold or show rows ({@code pg_class.relkind}). */
    public enum Kind {
        /** {@code r}: an ordinary table. */
        TABLE,
        /** {@code p}: a partitioned table. */
        PARTITIONED_TABLE,
        /** {@code v}: a view. */
        VIEW,
        /** {@code m}: a materialized view. */
        MATERIALIZED_VIEW,
        /** {@code f}: a foreign table. */
        FOREIGN_TABLE;

        static Kind of(String relkind) {
            return switch (relkind) {
                case "r" -> TABLE;
                case "p" -> PARTITIONED_TABLE;
                case "v" -> VIEW;
                case "m" -> MATERIALIZED_VIEW;
                case "f" -> FOREIGN_TABLE;
                default -> throw new IllegalStateException("relation kind " + relkind + " is not listed");
            };
        }
    }
}
