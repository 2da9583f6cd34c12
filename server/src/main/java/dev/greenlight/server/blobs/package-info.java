/**
 * The content-addressed blob store: original evidence bytes kept under their SHA-256, on the local file system today
 * and behind {@link dev.greenlight.server.blobs.BlobStore} so object storage can take its place.
 */
@NullMarked
package dev.greenlight.server.blobs;

import org.jspecify.annotations.NullMarked;
