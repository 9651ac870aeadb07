package dev.belay.dsl;

import dev.belay.dsl.internal.DdlNode;

/** {@code dropTable(USER)} renders {@code DROP TABLE "users"}; options add {@code IF EXISTS} and {@code CASCADE}. */
public final class DropTable extends SchemaStatement {

    DropTable(DdlNode.DropTable node) {
        super(node);
    }

    private DdlNode.DropTable drop() {
        return (DdlNode.DropTable) node();
    }

    /** {@code DROP TABLE IF EXISTS "users"}: no error when it is not there. */
    public DropTable ifExists() {
        return new DropTable(new DdlNode.DropTable(drop().tables(), true, drop().cascade()));
    }

    /** {@code DROP TABLE "users" CASCADE}: also drops the views and foreign keys that depend on it. */
    public DropTable cascade() {
        return new DropTable(new DdlNode.DropTable(drop().tables(), drop().ifExists(), true));
    }
}
