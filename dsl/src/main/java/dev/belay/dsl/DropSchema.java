package dev.belay.dsl;

import dev.belay.dsl.internal.DdlNode;

/** {@code dropSchema("tenant_a")} renders {@code DROP SCHEMA "tenant_a"}. */
public final class DropSchema extends SchemaStatement {

    DropSchema(DdlNode.DropSchema node) {
        super(node);
    }

    private DdlNode.DropSchema drop() {
        return (DdlNode.DropSchema) node();
    }

    /** {@code DROP SCHEMA IF EXISTS "tenant_a"}. */
    public DropSchema ifExists() {
        return new DropSchema(new DdlNode.DropSchema(drop().name(), true, drop().cascade()));
    }

    /** {@code DROP SCHEMA "tenant_a" CASCADE}: with every table and type in it. */
    public DropSchema cascade() {
        return new DropSchema(new DdlNode.DropSchema(drop().name(), drop().ifExists(), true));
    }
}
