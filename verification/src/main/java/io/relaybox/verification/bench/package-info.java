/** Benchmarks of the platform: they print figures and assert nothing about time. */
package io.relaybox.verification.bench;
