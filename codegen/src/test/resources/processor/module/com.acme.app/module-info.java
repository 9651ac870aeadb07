/**
 * An application module: it reads Belay's dsl (transitively, as its exported descriptors name dsl types) and
 * opens its descriptors' package to the dsl for typed aliases.
 */
module com.acme.app {
    requires transitive dev.belay.dsl;
    requires static transitive org.checkerframework.checker.qual;
    exports com.acme.app;
    opens com.acme.app to dev.belay.dsl;
}
