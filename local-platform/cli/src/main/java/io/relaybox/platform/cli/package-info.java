/** The {@code ./platform} command line: up, down, status and demo. */
package io.relaybox.platform.cli;
