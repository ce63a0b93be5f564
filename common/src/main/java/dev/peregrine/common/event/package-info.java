/**
 * The events of every topic: immutable records under one sealed interface per topic, each carrying an
 * {@link dev.peregrine.common.event.Envelope}. Adding a field is a deliberate contract change that the
 * golden JSON samples under {@code common/src/test/resources/samples} make visible.
 */
package dev.peregrine.common.event;
