package io.fleetdeck.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.api.certificates.CertificateSummary;
import java.util.List;

/** What {@code cert list} prints: AWS's list-certificates, or the certificates with their things. */
final class CertificatesOutput {

    private CertificatesOutput() {}

    /** {@code {"certificates":[{"certificateArn","certificateId","status","creationDate"}]}}. */
    static String listJson(List<CertificateSummary> certificates) {
        ObjectNode answer = OutputOption.object();
        ArrayNode array = answer.putArray("certificates");
        for (CertificateSummary certificate : certificates) {
            array.addObject()
                    .put("certificateArn", Arns.of("cert", certificate.certificateId()))
                    .put("certificateId", certificate.certificateId())
                    .put("status", certificate.status())
                    .put("creationDate", certificate.creationDate().toString());
        }
        return OutputOption.print(answer);
    }

    /** The whole id, so it can be copied into {@code cert revoke}. */
    static String listText(List<CertificateSummary> certificates) {
        if (certificates.isEmpty()) {
            return CliMessages.say("certificates.none");
        }
        TextTable table = new TextTable(CliMessages.columns("certificates.columns"));
        for (CertificateSummary certificate : certificates) {
            table.row(
                    certificate.certificateId(),
                    certificate.status(),
                    certificate.provisioningClaim()
                            ? CliMessages.say("certificates.provisioningClaim")
                            : TextTable.orDash(String.join(",", certificate.thingNames())),
                    certificate.creationDate().toString(),
                    certificate.notAfter().toString());
        }
        return table.toString();
    }
}
