package io.fleetdeck.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Adds the rolling log file in the data folder's {@code logs/} to Logback's console logging, and sets how much of the
 * log stderr shows. Done in code because the folder and the command are only known once the command line has been
 * read. Called from the main thread before the command runs.
 */
public final class LogFiles {

    private static final String APPENDER_NAME = "data-folder-file";
    private static final String CONSOLE_APPENDER = "console";

    private LogFiles() {}

    /** Stderr shows the log's warnings and errors only: a command's answer stands alone. The file gets everything. */
    public static void consoleShowsWarnings() {
        showOnConsole(Level.WARN);
    }

    /** Stderr shows what the file gets: the console, {@code serve}, and any command run with {@code --verbose}. */
    public static void consoleShowsEverything() {
        showOnConsole(Level.INFO);
    }

    /** Also routes java.util.logging (Lucene's) into the same log, so it meets the same filter. */
    private static void showOnConsole(Level threshold) {
        JavaLogging.intoTheLog();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender<ILoggingEvent> console =
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE_APPENDER);
        if (console == null) {
            return;
        }
        console.clearAllFilters();
        ThresholdFilter filter = new ThresholdFilter();
        filter.setLevel(threshold.levelStr);
        filter.setContext(context);
        filter.start();
        console.addFilter(filter);
    }

    /** Starts writing {@code logs/fleetdeck.log}, rolled daily and at 10 MB, keeping 14 days and at most 200 MB. */
    public static void writeTo(Path logsFolder) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER_NAME) != null) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger - %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        appender.setFile(logsFolder.resolve("fleetdeck.log").toString());
        appender.setEncoder(encoder);

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(
                logsFolder.resolve("fleetdeck-%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("200MB"));
        policy.start();

        appender.setRollingPolicy(policy);
        appender.start();
        root.addAppender(appender);
    }

    /** Flushes and closes every appender; the last thing before the process exits. */
    public static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
