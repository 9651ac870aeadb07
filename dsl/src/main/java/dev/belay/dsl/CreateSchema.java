package dev.belay.dsl;

import dev.belay.dsl.internal.DdlNode;

/** {@code createSchema("tenant_a")} renders {@code CREATE SCHEMA "tenant_a"}. */
public final class CreateSchema extends SchemaStatement {

    CreateSchema(DdlNode.CreateSchema node) {
        super(node);
    }

    /** {@code CREATE SCHEMA IF NOT EXISTS "tenant_a"}. */
    public CreateSchema ifNotExists() {
        return new CreateSchema(new DdlNode.CreateSchema(((DdlNode.CreateSchema) node()).name(), true));
    }
}
