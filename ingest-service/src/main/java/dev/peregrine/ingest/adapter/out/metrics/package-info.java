/** Micrometer implementation of ingest's metrics port ({@code peregrine.ingest.*}). */
package dev.peregrine.ingest.adapter.out.metrics;
