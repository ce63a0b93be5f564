/**
 * Test support: real infrastructure for integration tests (a KRaft Kafka broker in the test JVM and an
 * embedded PostgreSQL, started once per JVM and shared; external servers or Testcontainers where asked for),
 * topic probes to read what services published, and the architecture rules every service is held to.
 */
package dev.peregrine.testkit;
