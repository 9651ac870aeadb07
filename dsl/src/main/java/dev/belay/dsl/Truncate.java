package dev.belay.dsl;

import dev.belay.dsl.internal.DdlNode;

/** {@code truncate(USER, ORDER)} renders {@code TRUNCATE "users", "orders"}: every row, at once, without a scan. */
public final class Truncate extends SchemaStatement {

    Truncate(DdlNode.Truncate node) {
        super(node);
    }

    private DdlNode.Truncate truncate() {
        return (DdlNode.Truncate) node();
    }

    /** {@code TRUNCATE "users" RESTART IDENTITY}: identity and serial columns start again from their first value. */
    public Truncate restartIdentity() {
        return new Truncate(new DdlNode.Truncate(truncate().tables(), true, truncate().cascade()));
    }

    /** {@code TRUNCATE "users" CASCADE}: also empties the tables whose foreign keys point at these. */
    public Truncate cascade() {
        return new Truncate(new DdlNode.Truncate(truncate().tables(), truncate().restartIdentity(), true));
    }
}
