/** Crash-test hooks that the test kit loads into a service it starts, and that no service jar contains. */
package io.relaybox.testkit.crash;
