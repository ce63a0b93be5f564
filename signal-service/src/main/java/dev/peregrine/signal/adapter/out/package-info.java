/** Driven adapters: implementations of the application's outgoing ports. */
package dev.peregrine.signal.adapter.out;
