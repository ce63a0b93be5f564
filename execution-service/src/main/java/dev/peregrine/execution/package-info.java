/**
 * execution-service: turns order intents into orders at a venue (the paper venue for now), keeps each
 * order's lifecycle with a full audit trail, and reports acceptances, fills and rejections.
 */
package dev.peregrine.execution;
