/** On start: the host and the cluster allocations brought in line with the stored state ({@code Reconciler}). */
package io.berth.network.reconcile;
