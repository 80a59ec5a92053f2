package tradetalk.answer;

/** A model backend could not produce a usable answer; {@link #getMessage()} is the reason reported as fallback. */
public class ComposerException extends RuntimeException {

    public ComposerException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public ComposerException(String reason) {
        super(reason);
    }
}
