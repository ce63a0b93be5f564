/**
 * Test support: real infrastructure for integration tests (a KRaft Kafka broker in the test JVM and an
 * embedded PostgreSQL, started once per JVM and shared; external servers or Testcontainers where asked for), an
 * opt-in second broker with SASL and the ACLs of {@code TopicAccess} ({@link dev.peregrine.testkit.SecuredKafka}),
 * topic probes to read what services published, {@link dev.peregrine.testkit.PeregrineIntegrationTest} contexts with
 * well-known {@link dev.peregrine.testkit.TestTokens} and {@link dev.peregrine.testkit.ServiceApi} to call a service as
 * one of them, the shared-data lookup ({@link dev.peregrine.testkit.SharedData}), a clock tests move
 * ({@link dev.peregrine.testkit.MutableClock}), and the architecture rules every service is held to.
 */
package dev.peregrine.testkit;
