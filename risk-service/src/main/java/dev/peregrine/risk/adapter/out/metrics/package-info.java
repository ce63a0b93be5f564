/** Micrometer implementation of the risk metrics port ({@code peregrine.risk.*} meters). */
package dev.peregrine.risk.adapter.out.metrics;
