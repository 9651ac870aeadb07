package dev.belay.dsl;

import dev.belay.dsl.internal.DdlNode;

/**
 * {@code createType(PgType.enumType("mood", Mood.class))} renders {@code CREATE TYPE "mood" AS ENUM (E'SAD', E'OK',
 * E'HAPPY')}: the Java enum's constants, in declaration order, are the labels.
 */
public final class CreateType extends SchemaStatement {

    CreateType(DdlNode.CreateEnum node) {
        super(node);
    }
}
