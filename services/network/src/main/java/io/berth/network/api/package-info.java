/** Docker Engine API for networks ({@code /networks/*}) and berth's sandbox view ({@code /sandboxes/*}), in Docker's JSON shapes. */
package io.berth.network.api;
