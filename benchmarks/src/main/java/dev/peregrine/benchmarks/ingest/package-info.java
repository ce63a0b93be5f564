/**
 * ingest-service's figures: the JMH benchmark of its per-message hot path (parse, quality stage, encode) and the
 * whole-service harness that replays real files through the running service into Kafka and measures the rate, the
 * publish lag and the heap left after each collection.
 */
package dev.peregrine.benchmarks.ingest;
