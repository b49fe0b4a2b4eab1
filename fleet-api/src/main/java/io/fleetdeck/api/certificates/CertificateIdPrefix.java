package io.fleetdeck.api.certificates;

import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A certificate named by the start of its id, as a person copies it from the table (which shows 12 hex digits): at
 * least {@link #MIN_DIGITS} hex digits, any case, that begin exactly one id.
 */
public final class CertificateIdPrefix {

    /** Eight hex digits are 32 bits: two ids of a fleet sharing them is rare, and a clash is named, never guessed. */
    public static final int MIN_DIGITS = 8;

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private static final int ID_DIGITS = 64;

    private final String digits;

    private CertificateIdPrefix(String digits) {
        this.digits = digits;
    }

    /** The prefix in lower case; refused when it is not 8 to 64 hex digits. */
    public static CertificateIdPrefix of(String typed) throws InvalidRequestException {
        String digits = typed.strip().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(digits).matches()) {
            throw new InvalidRequestException(
                    "'" + typed + "' is not a certificate id: an id is hex digits (0-9, a-f)");
        }
        if (digits.length() < MIN_DIGITS || digits.length() > ID_DIGITS) {
            throw new InvalidRequestException("'" + typed + "' has " + digits.length() + " hex digits; give at least "
                    + MIN_DIGITS + " of a certificate id (64 in all), as many as it takes to name one certificate");
        }
        return new CertificateIdPrefix(digits);
    }

    /** The one row whose id begins with this prefix. */
    public CertificateRow findIn(Collection<CertificateRow> certificates)
            throws InvalidRequestException, ResourceNotFoundException {
        List<CertificateRow> matches =
                certificates.stream().filter(row -> row.id().startsWith(digits)).toList();
        if (matches.isEmpty()) {
            throw new ResourceNotFoundException("no certificate id begins with " + digits);
        }
        if (matches.size() > 1) {
            throw new InvalidRequestException(matches.size() + " certificate ids begin with " + digits
                    + ", give more digits: "
                    + matches.stream().map(CertificateIdPrefix::described).collect(Collectors.joining(", ")));
        }
        return matches.getFirst();
    }

    private static String described(CertificateRow row) {
        String things = row.things().isEmpty() ? "no thing" : String.join(" ", row.things());
        return row.id() + " (" + things + ", " + row.status() + ")";
    }

    @Override
    public String toString() {
        return digits;
    }
}
