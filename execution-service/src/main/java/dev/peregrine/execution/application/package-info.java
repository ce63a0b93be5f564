/**
 * The use cases: placing an order for an intent (an exit cancels the position's protective pair first and sells
 * only what is held), observing the market so working paper orders and resting protective legs fill, and
 * reading orders back. Plain Java; everything outside is reached through the ports.
 */
package dev.peregrine.execution.application;
