/** Read-only HTTP API (VIEWER role) over recorded trade flows and signals, with its JSON views. */
package dev.peregrine.monitor.adapter.in.rest;
