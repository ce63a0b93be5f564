/** Micrometer implementation of the signal metrics port; every meter is named {@code peregrine.signal.*}. */
package dev.peregrine.signal.adapter.out.metrics;
