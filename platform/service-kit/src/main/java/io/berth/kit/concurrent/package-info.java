/** Small concurrency building blocks shared by services: work ordered per key. */
package io.berth.kit.concurrent;
