package tradetalk.answer.model;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures every log event of every logger, at every level, while open. */
final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previous = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.ALL);
    }

    /** Every captured event as text: level, logger, formatted message and stack trace. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (ILoggingEvent e : List.copyOf(appender.list)) {
            sb.append(e.getLevel())
                    .append(' ')
                    .append(e.getLoggerName())
                    .append(' ')
                    .append(e.getFormattedMessage())
                    .append('\n');
            if (e.getThrowableProxy() != null) {
                sb.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(previous);
        appender.stop();
    }
}
