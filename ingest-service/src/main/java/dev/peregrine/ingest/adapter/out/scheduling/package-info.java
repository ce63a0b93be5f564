/** The live feed's single thread, on a scheduled executor. */
package dev.peregrine.ingest.adapter.out.scheduling;
