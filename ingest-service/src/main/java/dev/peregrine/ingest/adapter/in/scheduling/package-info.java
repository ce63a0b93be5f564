/** Timers that drive use cases on their own thread: the retention sweep. */
package dev.peregrine.ingest.adapter.in.scheduling;
