/** What the monitor does once when it starts: completing the outcomes a previous run left pending. */
package dev.peregrine.monitor.adapter.in.startup;
