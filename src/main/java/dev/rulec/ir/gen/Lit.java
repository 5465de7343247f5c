package dev.rulec.ir.gen;

import dev.rulec.ir.Expr;

/** A leaf predicate of the tree that an event should make {@code want}. */
public record Lit(Expr leaf, boolean want) {
}
