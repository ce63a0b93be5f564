/** Read-only HTTP API over recorded risk decisions ({@code /api/v1/decisions}, VIEWER role). */
package dev.peregrine.risk.adapter.in.rest;
