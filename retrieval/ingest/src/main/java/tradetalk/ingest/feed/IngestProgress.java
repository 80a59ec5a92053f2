package tradetalk.ingest.feed;

/** Told how a long ingest advances, e.g. to draw a progress bar. Called from the ingesting thread. */
public interface IngestProgress {

    /** A phase starts ("fetching example feed", "indexing") with {@code total} steps. */
    void begin(String phase, int total);

    /** One more step of the current phase is done. */
    void step();

    /** The current phase is over. */
    void end();

    /**
     * Progress inside the current step, for one long article: {@code done} of its {@code total} passages are
     * embedded. Called only for articles long enough to take a while; ignored by default.
     */
    default void detail(String article, int done, int total) {}

    /** Reports nothing. */
    static IngestProgress none() {
        return new IngestProgress() {
            @Override
            public void begin(String phase, int total) {}

            @Override
            public void step() {}

            @Override
            public void end() {}
        };
    }
}
