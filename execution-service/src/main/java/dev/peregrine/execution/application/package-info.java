/**
 * The use cases: placing an order for an intent, observing the market so working paper orders fill, and
 * reading orders back. Plain Java; everything outside is reached through the ports.
 */
package dev.peregrine.execution.application;
