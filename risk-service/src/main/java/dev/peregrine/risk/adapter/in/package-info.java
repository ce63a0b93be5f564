/** Driving adapters: what calls into risk-service (Kafka signals, HTTP reads). */
package dev.peregrine.risk.adapter.in;
