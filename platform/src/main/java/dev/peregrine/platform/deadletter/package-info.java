/**
 * The way back from a dead-letter topic: an opt-in operator endpoint that lists the dead letters of one topic with
 * their reasons and re-publishes chosen ones, unchanged, to the topic they came from once the cause is fixed.
 */
package dev.peregrine.platform.deadletter;
