/** connectctl, the command line over {@link io.relaybox.connectctl}: apply, validate, diff and operate connectors. */
package io.relaybox.connectctl.cli;
