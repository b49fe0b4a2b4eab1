package io.fleetdeck.app.logging;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * java.util.logging into SLF4J: without it, a library that logs there (Lucene) writes two lines of its own to stderr,
 * past Logback's levels and the data folder's log file. A handler of a few lines rather than jul-to-slf4j, which
 * would do the same with one more jar. Any thread may publish.
 */
final class JavaLogging extends Handler {

    /**
     * Lucene's hint to start the JVM with {@code --add-modules jdk.incubator.vector}: advice for whoever packages the
     * JVM, which the launcher does not follow (the JVM would then warn about an incubator module on stderr itself), so
     * an operator cannot act on it; the log keeps it as information.
     */
    private static final String VECTOR_HINT = "org.apache.lucene.internal.vectorization";

    private final SimpleFormatter text = new SimpleFormatter();

    private JavaLogging() {}

    /** Replaces java.util.logging's own stderr handler with this one, once. */
    static synchronized void intoTheLog() {
        java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof JavaLogging) {
                return;
            }
            root.removeHandler(handler);
        }
        root.addHandler(new JavaLogging());
    }

    @Override
    public void publish(LogRecord record) {
        String name = record.getLoggerName() == null ? "java.util.logging" : record.getLoggerName();
        Logger logger = LoggerFactory.getLogger(name);
        String message = text.formatMessage(record);
        int level = record.getLevel().intValue();
        if (level >= Level.SEVERE.intValue()) {
            logger.error(message, record.getThrown());
        } else if (level >= Level.WARNING.intValue() && !name.startsWith(VECTOR_HINT)) {
            logger.warn(message, record.getThrown());
        } else if (level >= Level.INFO.intValue()) {
            logger.info(message, record.getThrown());
        } else if (level >= Level.FINE.intValue()) {
            logger.debug(message, record.getThrown());
        } else {
            logger.trace(message, record.getThrown());
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
