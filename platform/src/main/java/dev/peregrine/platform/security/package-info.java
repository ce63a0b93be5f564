/**
 * Operator authentication: static bearer tokens from the environment mapped to the roles {@code VIEWER}
 * (read endpoints) and {@code OPERATOR} (endpoints that change state; implies VIEWER). Actuator endpoints
 * are left to the management port, which is not exposed outside the cluster.
 */
package dev.peregrine.platform.security;
