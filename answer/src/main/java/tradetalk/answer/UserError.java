package tradetalk.answer;

import java.util.function.Supplier;

/**
 * A mistake the user (or Discord member) can fix: its message says what is wrong and is shown as is, on the command
 * line and in Discord. Anything else that fails (an {@link IllegalArgumentException} from a bug included) is shown
 * as an error with an id, the details going to the log.
 */
public class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }

    /**
     * Builds a request from user input: the one place where a request record's validation (its
     * {@link IllegalArgumentException}) becomes a {@link UserError}. Used by both edges.
     */
    public static <T> T whenInvalid(Supplier<T> request) {
        try {
            return request.get();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
