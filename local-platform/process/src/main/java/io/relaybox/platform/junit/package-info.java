/** JUnit extensions that give a module's integration tests real platform processes, shared across the run. */
package io.relaybox.platform.junit;
