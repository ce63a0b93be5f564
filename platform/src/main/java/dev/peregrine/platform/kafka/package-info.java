/**
 * Kafka as every service uses it: synchronous, idempotent publishing of events; topic declarations; and
 * dead-lettering of records a consumer cannot process, with the reason, so that a poison record never
 * stops a consumer and is never silently dropped; and the service's Kafka user ({@code peregrine.kafka.sasl.*}),
 * given to every Kafka client it builds.
 */
package dev.peregrine.platform.kafka;
