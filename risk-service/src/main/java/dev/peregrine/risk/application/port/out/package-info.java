/**
 * What the use cases need from infrastructure: storing decisions and intents, publishing events, metrics,
 * and the equity and instrument filters the sizing depends on.
 */
package dev.peregrine.risk.application.port.out;
