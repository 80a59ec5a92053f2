package tradetalk.answer.model;

import java.io.IOException;

/**
 * A model reply Tradetalk stopped reading: past {@code model.deadline}, past {@code model.max-reply-bytes}, or not a
 * chat reply at all. The message is the reason given to the member and the log ({@link ModelErrors}); it never holds
 * any of the reply.
 */
public final class RefusedReply extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param reason what was refused and why, e.g. "model reply passed 4 MiB (model.max-reply-bytes) ..." */
    public RefusedReply(String reason) {
        super(reason, null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
