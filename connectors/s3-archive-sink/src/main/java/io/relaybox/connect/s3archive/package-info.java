/** The S3 archive sink connector: the permanent event store of relaybox. */
package io.relaybox.connect.s3archive;
