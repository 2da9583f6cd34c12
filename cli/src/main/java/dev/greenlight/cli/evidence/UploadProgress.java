package dev.greenlight.cli.evidence;

/** Told how far an upload's body has been read, and when the attempt is over. */
interface UploadProgress {
    /** For files too small to be worth a progress report. */
    UploadProgress NONE = new UploadProgress() {
        @Override
        public void sent(long bytes) {
        }

        @Override
        public void done() {
        }
    };

    /** The body has been read up to {@code bytes}; a new attempt starts again from 0 after {@link #done()}. */
    void sent(long bytes);

    /** The attempt ended, whatever its result. */
    void done();
}
