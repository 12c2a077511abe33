/** The archive's command line: list, verify and replay. */
package io.relaybox.connect.s3archive.tool;
