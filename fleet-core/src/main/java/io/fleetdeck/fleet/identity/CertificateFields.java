package io.fleetdeck.fleet.identity;

import io.fleetdeck.broker.policy.PrincipalContext.CertificateFacts;
import io.fleetdeck.broker.tls.Pem;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** A certificate's subject, issuer and alternative names under the names AWS IoT policy variables use (§5.7). */
final class CertificateFields {

    private static final Map<ASN1ObjectIdentifier, String> AWS_NAMES = Map.ofEntries(
            Map.entry(BCStyle.CN, "CommonName"),
            Map.entry(BCStyle.C, "Country"),
            Map.entry(BCStyle.O, "Organization"),
            Map.entry(BCStyle.OU, "OrganizationalUnit"),
            Map.entry(BCStyle.ST, "State"),
            Map.entry(BCStyle.SERIALNUMBER, "SerialNumber"),
            Map.entry(BCStyle.DN_QUALIFIER, "DistinguishedNameQualifier"),
            Map.entry(BCStyle.T, "Title"),
            Map.entry(BCStyle.SURNAME, "Surname"),
            Map.entry(BCStyle.GIVENNAME, "GivenName"),
            Map.entry(BCStyle.INITIALS, "Initials"),
            Map.entry(BCStyle.PSEUDONYM, "Pseudonym"),
            Map.entry(BCStyle.GENERATION, "GenerationQualifier"));

    private static final Map<Integer, String> ALTERNATIVE_NAME_TYPES =
            Map.of(1, "RFC822Name", 2, "DNSName", 4, "DirectoryName", 6, "UniformResourceIdentifier", 7, "IPAddress");

    private CertificateFields() {}

    static CertificateFacts of(X509Certificate certificate) {
        return new CertificateFacts(
                Pem.certificateId(certificate),
                certificate.getSerialNumber().toString(16),
                attributes(X500Name.getInstance(
                        certificate.getSubjectX500Principal().getEncoded())),
                attributes(X500Name.getInstance(
                        certificate.getIssuerX500Principal().getEncoded())),
                alternativeNames(certificate));
    }

    private static Map<String, List<String>> attributes(X500Name name) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue pair : rdn.getTypesAndValues()) {
                String awsName = AWS_NAMES.get(pair.getType());
                if (awsName != null) {
                    values.computeIfAbsent(awsName, k -> new ArrayList<>())
                            .add(IETFUtils.valueToString(pair.getValue()));
                }
            }
        }
        return values;
    }

    private static Map<String, List<String>> alternativeNames(X509Certificate certificate) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        try {
            if (certificate.getSubjectAlternativeNames() == null) {
                return values;
            }
            for (List<?> entry : certificate.getSubjectAlternativeNames()) {
                String type = ALTERNATIVE_NAME_TYPES.get((Integer) entry.get(0));
                if (type != null && entry.get(1) instanceof String value) {
                    values.computeIfAbsent(type, k -> new ArrayList<>()).add(value);
                }
            }
        } catch (CertificateParsingException unreadable) {
            // a certificate whose alternative names cannot be read offers none to policies
        }
        return values;
    }
}
