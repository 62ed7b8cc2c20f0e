/**
 * Errors in Docker's shape. Services throw (or fail futures with) {@link io.berth.kit.errors.BerthException}'s kinds;
 * {@link io.berth.kit.errors.ErrorReplies} turns any failure into {@code {"message": ...}} with the matching status.
 * A client never sees a stack trace.
 */
package io.berth.kit.errors;
