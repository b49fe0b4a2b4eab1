package io.fleetdeck.fleet.store;

import java.sql.SQLException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A server URL may carry a password, among its parameters ({@code ?user=fleet&password=...}) or before the host
 * ({@code //fleet:secret@host}), and error messages end up in logs and on the console: these take it out.
 */
final class JdbcUrls {

    private static final Pattern USER_INFO = Pattern.compile("(//[^/?#@]*?):[^/?#@]*@");
    private static final Pattern ANYONE_BEFORE_THE_HOST = Pattern.compile("//[^/?#@]*@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)((?:password|sslpassword|pwd)=)[^&;\\s]*");

    private JdbcUrls() {}

    /** The URL without its parameters and without a password before the host: fit for a message. */
    static String withoutSecrets(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        String withoutParameters = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        return USER_INFO.matcher(withoutParameters).replaceFirst("$1:***@");
    }

    /** {@code text} with the URL, and any password parameter a driver may have echoed, left out. */
    static @Nullable String scrub(@Nullable String text, String jdbcUrl) {
        if (text == null) {
            return null;
        }
        String scrubbed = text.replace(jdbcUrl, withoutSecrets(jdbcUrl));
        return SECRET_PARAMETER.matcher(scrubbed).replaceAll("$1***");
    }

    /**
     * PostgreSQL's driver takes no user or password before the host: it would look up "user:password@host" as a host
     * name, out on the network, and quote it in its error. Refused before connecting, with what to write instead.
     */
    static void refuseCredentialsBeforeTheHost(String jdbcUrl) {
        if (ANYONE_BEFORE_THE_HOST.matcher(jdbcUrl).find() && !jdbcUrl.startsWith("jdbc:sqlite:")) {
            throw new StoreException("cannot open the database " + withoutSecrets(jdbcUrl)
                    + ": give the user and password as parameters, ?user=USER&password=PASSWORD (or in a .pgpass"
                    + " file), not before the host");
        }
    }

    /**
     * A driver's failure fit to log as a cause: the same exception when no message in it has anything to hide, else a
     * copy whose messages have the secrets taken out (DriverManager's "No suitable driver found for" quotes the whole
     * URL, and so does a driver that cannot parse it).
     */
    static SQLException scrubbed(SQLException failure, String jdbcUrl) {
        if (!needsScrubbing(failure, jdbcUrl)) {
            return failure;
        }
        SQLException copy = new SQLException(
                scrub(failure.getMessage(), jdbcUrl),
                failure.getSQLState(),
                failure.getErrorCode(),
                scrubbedCause(failure.getCause(), jdbcUrl));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private static boolean needsScrubbing(Throwable failure, String jdbcUrl) {
        for (Throwable link = failure; link != null; link = link.getCause()) {
            String message = link.getMessage();
            if (message != null && !message.equals(scrub(message, jdbcUrl))) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Throwable scrubbedCause(@Nullable Throwable cause, String jdbcUrl) {
        if (cause == null || !needsScrubbing(cause, jdbcUrl)) {
            return cause;
        }
        Exception copy = new Exception(
                cause.getClass().getName() + ": " + scrub(cause.getMessage(), jdbcUrl),
                scrubbedCause(cause.getCause(), jdbcUrl));
        copy.setStackTrace(cause.getStackTrace());
        return copy;
    }
}
