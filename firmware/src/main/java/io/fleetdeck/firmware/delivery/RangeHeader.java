package io.fleetdeck.firmware.delivery;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request's {@code Range} header (RFC 9110 §14.1.2) for an image of a known size: one range of bytes,
 * {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}. Any text gives an answer, never an exception: a
 * range to send, an unsatisfiable one (416), or the whole image with the reason the header was ignored (a server may
 * ignore a Range it does not support, §14.2; several ranges at once are not supported here).
 */
public final class RangeHeader {

    /* 18 digits stay below Long.MAX_VALUE; an image is at most 64 MiB */
    private static final int MAX_DIGITS = 18;

    private RangeHeader() {}

    /** What to send. */
    public sealed interface Answer {}

    /** The whole image, 200; {@code ignored} says why a Range header was not followed, null when there was none. */
    public record Whole(@Nullable String ignored) implements Answer {}

    /** Bytes {@code first} to {@code last}, both included, 206 with Content-Range. */
    public record Part(long first, long last) implements Answer {

        public long length() {
            return last - first + 1;
        }
    }

    /** No byte of the image is in the range, 416 with {@code Content-Range: bytes *}{@code /size}. */
    public record Unsatisfiable(String why) implements Answer {}

    /** The answer for {@code header} (null when the request has none) on an image of {@code size} bytes, size > 0. */
    public static Answer answer(@Nullable String header, long size) {
        if (header == null) {
            return new Whole(null);
        }
        String text = header.strip();
        int equals = text.indexOf('=');
        if (equals < 0
                || !text.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Whole("not a range of bytes: " + abbreviated(header));
        }
        String spec = text.substring(equals + 1).strip();
        if (spec.indexOf(',') >= 0) {
            return new Whole("more than one range");
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole("no '-' in the range: " + abbreviated(header));
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        if (from.isEmpty()) {
            return suffix(to, size, header);
        }
        long first = number(from);
        long last = to.isEmpty() ? Long.MAX_VALUE : number(to);
        if (first < 0 || last < 0 || last < first) {
            return new Whole("not a range of bytes: " + abbreviated(header));
        }
        if (first >= size) {
            return new Unsatisfiable("the range starts at byte " + first + ", past the image's " + size + " bytes");
        }
        return new Part(first, Math.min(last, size - 1));
    }

    /** {@code bytes=-n}: the last n bytes, or all of them when the image is shorter. */
    private static Answer suffix(String count, long size, String header) {
        long length = number(count);
        if (length < 0) {
            return new Whole("not a range of bytes: " + abbreviated(header));
        }
        if (length == 0) {
            return new Unsatisfiable("the range asks for the last 0 bytes");
        }
        return new Part(Math.max(0, size - length), size - 1);
    }

    /** The decimal digits as a number, or -1 for anything else (signs, spaces inside, too many digits). */
    private static long number(String digits) {
        if (digits.isEmpty() || digits.length() > MAX_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String abbreviated(String header) {
        return header.length() <= 40 ? header : header.substring(0, 40) + "…";
    }
}
