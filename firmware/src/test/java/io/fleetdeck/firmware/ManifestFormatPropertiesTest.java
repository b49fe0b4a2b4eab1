package io.fleetdeck.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The manifest parser reads what is on disk as untrusted text: whatever the bytes, it answers a manifest or a
 * "malformed manifest" refusal, never another exception; and every manifest it writes, it reads back unchanged.
 */
class ManifestFormatPropertiesTest {

    private static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    @Property(tries = 2000)
    void anyBytesAreAManifestOrAMalformedManifest(@ForAll byte[] bytes) {
        parsesOrRefuses(bytes);
    }

    @Property(tries = 2000)
    void anyTextIsAManifestOrAMalformedManifest(@ForAll String text) {
        parsesOrRefuses(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void aWrittenManifestIsReadBackUnchanged(@ForAll("manifests") Manifest manifest) throws Exception {
        assertThat(ManifestFormat.parse(ManifestFormat.write(manifest))).isEqualTo(manifest);
    }

    @Property(tries = 3000)
    void aDamagedManifestIsReadWholeOrRefused(
            @ForAll("manifests") Manifest manifest,
            @ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll byte replacement,
            @ForAll boolean truncate) {
        byte[] written = ManifestFormat.write(manifest);
        int at = where % written.length;
        byte[] damaged = truncate ? Arrays.copyOf(written, at) : written.clone();
        if (!truncate) {
            damaged[at] = replacement;
        }
        parsesOrRefuses(damaged);
    }

    @Property(tries = 1000)
    void aFieldOfTheWrongKindIsRefused(
            @ForAll("manifests") Manifest manifest,
            @ForAll("fields") String field,
            @ForAll("wrongValues") String value) {
        String written = new String(ManifestFormat.write(manifest), StandardCharsets.UTF_8);
        String damaged = written.replaceFirst("(\"" + field + "\" : )(\"(?:[^\"\\\\]|\\\\.)*\"|[0-9]+)", "$1" + value);
        parsesOrRefuses(damaged.getBytes(StandardCharsets.UTF_8));
    }

    private static void parsesOrRefuses(byte[] bytes) {
        try {
            Manifest manifest = ManifestFormat.parse(bytes);
            assertThat(manifest.targets()).isNotEmpty();
            assertThat(manifest.sha256()).hasSize(64);
            assertThat(manifest.size()).isPositive();
        } catch (FirmwareException refused) {
            assertThat(refused.reason()).isEqualTo(FirmwareException.Reason.STORAGE);
            assertThat(refused.getMessage()).startsWith("malformed manifest: ");
        }
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of(
                "format",
                "sha256",
                "size",
                "version",
                "targets",
                "releaseNotes",
                "importedAt",
                "signedBy",
                "signature",
                "certificate");
    }

    @Provide
    Arbitrary<String> wrongValues() {
        return Arbitraries.of(
                "null",
                "true",
                "-1",
                "0",
                "1.5",
                "99999999999999999999999",
                "[]",
                "{}",
                "\"\"",
                "\"x\"",
                "[\"esp32 s3\"]",
                "\"1.4\"",
                "\"not base64!\"");
    }

    @Provide
    Arbitrary<Manifest> manifests() {
        Arbitrary<String> sha256 =
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
        Arbitrary<FirmwareVersion> versions = Combinators.combine(
                        Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(0, 65_535))
                .as(FirmwareVersion::new);
        Arbitrary<List<String>> targets = Arbitraries.strings()
                .withChars("abcxyz0189_.:-")
                .ofMinLength(1)
                .ofMaxLength(20)
                .map(name -> "b" + name)
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
        Arbitrary<String> notes = Arbitraries.strings().ofMaxLength(200).injectNull(0.3);
        Arbitrary<Instant> when = Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
        Arbitrary<byte[]> signature =
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(80);
        return Combinators.combine(
                        sha256,
                        Arbitraries.longs().between(1, Long.MAX_VALUE),
                        versions,
                        targets,
                        notes,
                        Arbitraries.of(Manifest.Signer.values()),
                        when,
                        signature)
                .as((hash, size, version, names, text, signer, at, sig) ->
                        new Manifest(hash, size, version, names, text, "pump.bin", at, signer, sig, PEM));
    }
}
