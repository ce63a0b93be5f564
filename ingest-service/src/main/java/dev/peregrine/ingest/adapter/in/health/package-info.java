/**
 * Health of ingest: {@code replay} is DOWN with the reason when the last replay of this instance failed;
 * {@code binanceStream} (in readiness) is DOWN when a live stream has been down longer than the grace period.
 */
package dev.peregrine.ingest.adapter.in.health;
