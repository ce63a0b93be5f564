/** Health of the replay: DOWN with the reason when the last replay of this instance failed. */
package dev.peregrine.ingest.adapter.in.health;
