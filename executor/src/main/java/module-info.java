/**
 * Belay's executor: runs dsl queries over JDBC (pgjdbc, HikariCP) and maps rows to records, classes, tuples
 * and scalars. Everything but the public API of {@code dev.belay.executor} is package-private.
 *
 * <p>On the module path, the packages holding the records and classes you map rows into must be open to
 * this module and to {@code dev.belay.dsl} ({@code opens com.acme.model to dev.belay.dsl, dev.belay.executor;}):
 * this module reaches their constructors, setters or fields reflectively once per query shape, and the dsl reads
 * their property values for inserts, bulk writes, row helpers and COPY.
 */
@SuppressWarnings("requires-automatic") // pgjdbc ships an Automatic-Module-Name, not a module-info
module dev.belay.executor {
    requires transitive dev.belay.dsl;
    requires transitive java.sql;
    requires static org.checkerframework.checker.qual;
    requires com.zaxxer.hikari;
    requires org.postgresql.jdbc;

    exports dev.belay.executor;
}
