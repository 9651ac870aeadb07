package dev.belay.dsl;

import dev.belay.dsl.internal.DdlNode;

/** {@code dropType(MOOD)} renders {@code DROP TYPE "mood"}. */
public final class DropType extends SchemaStatement {

    DropType(DdlNode.DropType node) {
        super(node);
    }

    private DdlNode.DropType drop() {
        return (DdlNode.DropType) node();
    }

    /** {@code DROP TYPE IF EXISTS "mood"}. */
    public DropType ifExists() {
        return new DropType(new DdlNode.DropType(drop().type(), true, drop().cascade()));
    }

    /** {@code DROP TYPE "mood" CASCADE}: with the columns that use it. */
    public DropType cascade() {
        return new DropType(new DdlNode.DropType(drop().type(), drop().ifExists(), true));
    }
}
