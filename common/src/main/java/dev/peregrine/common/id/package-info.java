/**
 * Identifier generation behind an interface, so that services inject it (like a {@link java.time.Clock})
 * and tests and replays can pin it.
 */
package dev.peregrine.common.id;
