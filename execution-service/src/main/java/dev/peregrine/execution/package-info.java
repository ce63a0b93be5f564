/**
 * execution-service: turns order intents into orders at a venue (the paper venue for now), keeps each
 * order's lifecycle with a full audit trail, rests a protective stop and take-profit after each entry, and
 * reports acceptances, fills, cancels and rejections.
 */
package dev.peregrine.execution;
