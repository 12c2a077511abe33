/** When an object ends: record count, uncompressed bytes, record-time interval and date; never the wall clock. */
package io.relaybox.connect.s3archive.rotation;
