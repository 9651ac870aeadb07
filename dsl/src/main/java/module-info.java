/**
 * Belay's query DSL: immutable, typed query objects that render parameterized PostgreSQL SQL.
 * It has no JDBC dependency; the executor module runs what it renders.
 */
module dev.belay.dsl {
    requires static transitive org.checkerframework.checker.qual;

    exports dev.belay.dsl;
    exports dev.belay.dsl.annotations;

}
