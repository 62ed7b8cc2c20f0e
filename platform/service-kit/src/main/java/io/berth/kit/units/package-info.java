/**
 * Docker's units, read as Docker reads them (its {@code go-units} library): human sizes such as {@code 64m},
 * {@code 1GiB} or {@code 32.5 kB}, with Docker's error messages, so an option berth accepts means what it means to
 * dockerd. Pure: no I/O.
 */
package io.berth.kit.units;
