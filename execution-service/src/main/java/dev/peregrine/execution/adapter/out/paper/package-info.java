/**
 * The paper venue: simulates execution against the candles the service observed, so strategies can run
 * end to end without sending orders to an exchange.
 */
package dev.peregrine.execution.adapter.out.paper;
