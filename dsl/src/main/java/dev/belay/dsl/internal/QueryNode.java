package dev.belay.dsl.internal;

/** A whole statement in the AST. */
public sealed interface QueryNode permits SelectNode, SetOpNode, DmlNode, DdlNode, MergeNode {
    /** The WITH clause in front of the statement. */
    WithNode with();
}
