package tradetalk.bot.cli;

/** A mistake the user can fix; its message is shown as is. */
public class UserException extends RuntimeException {

    public UserException(String message) {
        super(message);
    }
}
