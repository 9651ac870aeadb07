/**
 * Belay's query DSL: immutable, typed query objects that render parameterized PostgreSQL SQL.
 * It has no JDBC dependency; the executor module runs what it renders.
 */
@SuppressWarnings("module") // the executor and codegen modules are not on the dsl's module path when the dsl compiles
module dev.belay.dsl {
    requires static transitive org.checkerframework.checker.qual;

    exports dev.belay.dsl;
    exports dev.belay.dsl.annotations;
    // the AST and its renderer, for the executor's bulk statements (built from catalog facts) only; identifier
    // rules and type names for the code generator, so generated descriptors decide as Table.of does
    exports dev.belay.dsl.internal to dev.belay.executor, dev.belay.codegen;

}
