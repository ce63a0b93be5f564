/** Micrometer implementation of the execution metrics port ({@code peregrine.execution.*} meters). */
package dev.peregrine.execution.adapter.out.metrics;
