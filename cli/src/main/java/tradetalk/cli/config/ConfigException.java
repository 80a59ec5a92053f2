package tradetalk.cli.config;

/** The configuration is invalid; the message names the key and says what is wrong. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
