/**
 * Multi-step changes that leave nothing behind when they fail, and teardowns that report every error: libnetwork's
 * {@code setupStep} queue and netavark's setup/teardown with its error list, in one place for every service.
 * {@link io.berth.kit.steps.Rollback} is the undo log of an asynchronous change (allocations, host steps, state
 * writes), {@link io.berth.kit.steps.Steps} runs blocking host steps on a worker, and
 * {@link io.berth.kit.steps.Teardown} removes something step by step without stopping at the first error. All three
 * follow one rule for what the caller sees: a refusal with Docker's message keeps its status.
 */
package io.berth.kit.steps;
