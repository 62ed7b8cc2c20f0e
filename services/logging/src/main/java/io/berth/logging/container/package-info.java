/**
 * A container's log collection through its life (create, start, stop, remove, and reattach after a restart):
 * {@code LogCollectionController} decides, {@code CollectionHost} is what it asks of the node (FIFOs, opening the log
 * driver, collector threads; {@code NodeCollectionHost} is the real one), {@code CollectedContainer} is what is
 * stored in {@code berth.logging.state}.
 */
package io.berth.logging.container;
