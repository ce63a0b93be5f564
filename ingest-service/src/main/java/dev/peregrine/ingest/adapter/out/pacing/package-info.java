/** Paces replays in real time by sleeping the replay thread. */
package dev.peregrine.ingest.adapter.out.pacing;
