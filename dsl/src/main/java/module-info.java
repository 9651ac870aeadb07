/**
 * Belay's query DSL: immutable, typed query objects that render parameterized PostgreSQL SQL.
 * It has no JDBC dependency; the executor module runs what it renders.
 */
@SuppressWarnings("module") // the executor module is not on the dsl's module path when the dsl compiles
module dev.belay.dsl {
    requires static transitive org.checkerframework.checker.qual;

    exports dev.belay.dsl;
    exports dev.belay.dsl.annotations;
    // the AST and its renderer, for the executor's bulk statements (built from catalog facts) only
    exports dev.belay.dsl.internal to dev.belay.executor;

}
