/**
 * The where-DSL: JSON filters such as {@code {"path": {"$contains": "_runner"}}} that tools accept and
 * {@link dev.graphmemory.queries.where.WhereCompiler} turns into a parameterised Cypher predicate
 * ({@link dev.graphmemory.queries.where.CompiledWhere}), or rejects with a
 * {@link dev.graphmemory.queries.where.WhereException} that says what to fix.
 *
 * <p>See the "where-DSL" section of the design document for the language.
 */
package dev.graphmemory.queries.where;
