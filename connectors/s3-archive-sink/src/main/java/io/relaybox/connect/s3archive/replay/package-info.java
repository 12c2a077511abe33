/** Reading the archive back: list its objects, verify it (no gaps, no overlaps, each event once), replay it into Kafka. */
package io.relaybox.connect.s3archive.replay;
