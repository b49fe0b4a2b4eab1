package io.fleetdeck.firmware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The data folder's firmware catalog ({@code firmware/} in the data folder, layout in docs/architecture.md): images
 * by SHA-256 with a manifest each, signed by the data folder's signing key or verified on import when signed
 * elsewhere, a known-safe image per hardware target. The files are the catalog: nothing is cached, so what a
 * command changed is what the next reader sees. One instance per data folder (the folder's lock keeps other processes
 * out); its methods hold one lock, so any thread may call them.
 */
public final class ImageCatalog {

    /** Images are held in memory to hash and sign; AWS's OTA agent takes up to 4 GB, a board's flash far less. */
    public static final int MAX_IMAGE_BYTES = 64 * 1024 * 1024;

    public static final int MAX_RELEASE_NOTES = 4096;
    private static final int MIN_ID_PREFIX = 8;

    private final Path manifests;
    private final Path pki;
    private final ImageStore images;
    private final KnownSafeVersions knownSafe;
    private final SignerTrust trust;
    private final CodeSigningIssuer issuer;
    private final ImageUse use;
    private final Clock clock;
    private @Nullable CodeSigner signer;

    private ImageCatalog(Path dataFolder, CodeSigningIssuer issuer, ImageUse use, Clock clock) {
        Path root = dataFolder.resolve("firmware");
        this.manifests = root.resolve("manifests");
        this.pki = dataFolder.resolve("pki");
        this.images = new ImageStore(root.resolve("images"));
        this.knownSafe = new KnownSafeVersions(root.resolve("known-safe.json"));
        this.trust = new SignerTrust(issuer, root.resolve(SignerTrust.TRUSTED_SIGNERS_FOLDER));
        this.issuer = issuer;
        this.use = use;
        this.clock = clock;
    }

    /** The catalog of {@code dataFolder}; nothing is written until the first import. */
    public static ImageCatalog open(Path dataFolder, CodeSigningIssuer issuer, ImageUse use, Clock clock) {
        return new ImageCatalog(dataFolder, issuer, use, clock);
    }

    /**
     * Adds an image once every check passed, so a refused import leaves nothing behind: a non-empty image, a
     * well-formed version and targets, no same bytes and no same version for any of its targets already, and a
     * signature that holds with a certificate this site trusts (or the data folder's signature, made now).
     */
    public synchronized Manifest importImage(ImportRequest request) throws FirmwareException {
        byte[] content = request.content();
        if ((request.signature() == null) != (request.certificatePem() == null)) {
            throw invalid("an image signed elsewhere needs both its signature and the certificate that signed it");
        }
        if (content.length == 0) {
            throw invalid("the image is empty: there is nothing to flash");
        }
        if (content.length > MAX_IMAGE_BYTES) {
            throw invalid("the image is " + content.length + " bytes, more than the " + MAX_IMAGE_BYTES + " allowed");
        }
        FirmwareVersion version = FirmwareVersion.parse(request.version());
        List<String> targets = targets(request.targets());
        String notes = request.releaseNotes();
        if (notes != null && notes.length() > MAX_RELEASE_NOTES) {
            throw invalid("the release notes are longer than " + MAX_RELEASE_NOTES + " characters");
        }
        String sha256 = ImageStore.sha256(content);
        List<Manifest> catalog = all();
        refuseDuplicates(catalog, sha256, version, targets);
        Instant now = clock.instant();
        Signed signed = signature(request, content, now);
        Manifest manifest = new Manifest(
                sha256,
                content.length,
                version,
                targets,
                notes,
                request.fileName(),
                now,
                signed.by(),
                signed.signature(),
                signed.certificatePem());
        store(manifest, content);
        return manifest;
    }

    private static List<String> targets(List<String> requested) throws FirmwareException {
        if (requested.isEmpty()) {
            throw invalid("name at least one hardware target the image is built for");
        }
        List<String> targets = new ArrayList<>();
        for (String target : requested) {
            if (!targets.contains(HardwareTarget.check(target))) {
                targets.add(target);
            }
        }
        return targets;
    }

    private static void refuseDuplicates(
            List<Manifest> catalog, String sha256, FirmwareVersion version, List<String> targets)
            throws FirmwareException {
        for (Manifest existing : catalog) {
            if (existing.sha256().equals(sha256)) {
                throw new FirmwareException(
                        FirmwareException.Reason.ALREADY_EXISTS,
                        "this image is in the catalog already, as version " + existing.version() + " for "
                                + String.join(", ", existing.targets()) + " (id " + shortId(sha256) + ")");
            }
            for (String target : targets) {
                if (existing.is(version, target)) {
                    throw new FirmwareException(
                            FirmwareException.Reason.ALREADY_EXISTS,
                            "version " + version + " for " + target + " is in the catalog already (id "
                                    + shortId(existing.sha256()) + "); a new build needs a new version");
                }
            }
        }
    }

    private record Signed(Manifest.Signer by, byte[] signature, String certificatePem) {}

    private Signed signature(ImportRequest request, byte[] content, Instant now) throws FirmwareException {
        byte[] signature = request.signature();
        String certificatePem = request.certificatePem();
        if (signature == null && certificatePem == null) {
            try {
                CodeSigner own = signer();
                return new Signed(
                        Manifest.Signer.DATA_FOLDER, own.sign(content), PemText.of(List.of(own.certificate())));
            } catch (GeneralSecurityException e) {
                throw storage("cannot sign the image with the data folder's key: " + e.getMessage(), e);
            }
        }
        if (signature == null || certificatePem == null) {
            throw invalid("an image signed elsewhere needs both its signature and the certificate that signed it");
        }
        List<X509Certificate> chain;
        try {
            chain = PemText.certificates(certificatePem);
        } catch (CertificateException e) {
            throw invalid("the certificate cannot be read: " + e.getMessage());
        }
        trust.check(chain, now);
        if (!SignerTrust.signatureHolds(content, signature, chain.getFirst().getPublicKey())) {
            throw invalid("the signature does not hold for this image with the certificate of "
                    + chain.getFirst().getSubjectX500Principal().getName()
                    + " (expected a DER ECDSA-with-SHA-256 signature over the whole file, as openssl dgst -sha256"
                    + " -sign writes it)");
        }
        return new Signed(Manifest.Signer.IMPORTED, signature, certificatePem);
    }

    /** The data folder's signer, made at the first image it signs. */
    private CodeSigner signer() throws FirmwareException {
        CodeSigner own = signer;
        if (own == null) {
            try {
                own = CodeSigner.loadOrCreate(pki, issuer);
            } catch (IOException | GeneralSecurityException e) {
                throw storage("cannot set up the data folder's firmware signing key: " + e.getMessage(), e);
            }
            signer = own;
        }
        return own;
    }

    /** The bytes first, then the manifest that makes them part of the catalog; a failed manifest takes them back. */
    private void store(Manifest manifest, byte[] content) throws FirmwareException {
        try {
            images.put(manifest.sha256(), content);
        } catch (IOException e) {
            throw storage("cannot store the image in " + images.path(manifest.sha256()) + ": " + e, e);
        }
        try {
            DataFiles.replace(manifestFile(manifest.sha256()), ManifestFormat.write(manifest), false);
        } catch (IOException e) {
            try {
                images.delete(manifest.sha256());
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw storage("cannot write the image's manifest: " + e, e);
        }
    }

    /** Every image, newest version first within each first target. */
    public synchronized List<Manifest> list() throws FirmwareException {
        return all();
    }

    /** The image whose id (its SHA-256) is or starts with {@code id}, at least 8 hex digits. */
    public synchronized Manifest describe(String id) throws FirmwareException {
        return resolve(id);
    }

    /** Hashes the stored bytes again and checks the signature: a changed or lost file is reported, not offered. */
    public synchronized Verification verify(String id) throws FirmwareException {
        return check(resolve(id));
    }

    public synchronized List<Verification> verifyAll() throws FirmwareException {
        List<Verification> outcomes = new ArrayList<>();
        for (Manifest manifest : all()) {
            outcomes.add(check(manifest));
        }
        return outcomes;
    }

    /** The image's bytes, only once they verified: what a device or the lab is given. */
    public synchronized byte[] offer(String id) throws FirmwareException {
        Manifest manifest = resolve(id);
        Verification verification = check(manifest);
        if (!verification.verified()) {
            throw storage("image " + shortId(manifest.sha256()) + " is not offered: " + verification.detail(), null);
        }
        return read(manifest).orElseThrow();
    }

    private Verification check(Manifest manifest) throws FirmwareException {
        String sha256 = manifest.sha256();
        Optional<byte[]> stored = read(manifest);
        if (stored.isEmpty()) {
            return new Verification(
                    sha256, Verification.Status.MISSING, "the image's file " + images.path(sha256) + " is gone");
        }
        byte[] content = stored.get();
        String actual = ImageStore.sha256(content);
        if (!actual.equals(sha256) || content.length != manifest.size()) {
            return new Verification(
                    sha256,
                    Verification.Status.TAMPERED,
                    "the stored image changed: " + content.length + " bytes with SHA-256 " + actual + ", not "
                            + manifest.size() + " bytes with " + sha256);
        }
        List<X509Certificate> chain;
        try {
            chain = PemText.certificates(manifest.certificatePem());
            // the certificate was checked at import; a signer's certificate may end before its images do
            trust.check(chain, manifest.importedAt());
        } catch (CertificateException | FirmwareException e) {
            return new Verification(sha256, Verification.Status.UNTRUSTED_SIGNER, String.valueOf(e.getMessage()));
        }
        if (!SignerTrust.signatureHolds(
                content, manifest.signature(), chain.getFirst().getPublicKey())) {
            return new Verification(
                    sha256, Verification.Status.BAD_SIGNATURE, "the signature does not hold for the stored image");
        }
        return new Verification(
                sha256,
                Verification.Status.VERIFIED,
                "SHA-256 and signature verified (signed by "
                        + chain.getFirst().getSubjectX500Principal().getName() + ")");
    }

    private Optional<byte[]> read(Manifest manifest) throws FirmwareException {
        try {
            return images.read(manifest.sha256());
        } catch (IOException e) {
            throw storage("cannot read " + images.path(manifest.sha256()) + ": " + e, e);
        }
    }

    /**
     * Makes {@code version} the known-safe image of {@code target}, the one a rollback returns to; the image must
     * verify now, or the way back would lead nowhere.
     */
    public synchronized Manifest markKnownSafe(String target, String version) throws FirmwareException {
        HardwareTarget.check(target);
        FirmwareVersion wanted = FirmwareVersion.parse(version);
        Manifest image = all().stream()
                .filter(m -> m.is(wanted, target))
                .findFirst()
                .orElseThrow(() -> new FirmwareException(
                        FirmwareException.Reason.NOT_FOUND,
                        "no version " + wanted + " for " + target + " in the catalog"));
        Verification verification = check(image);
        if (!verification.verified()) {
            throw invalid("version " + wanted + " for " + target + " cannot be known-safe: " + verification.detail());
        }
        Map<String, String> marks = new HashMap<>(knownSafe.read());
        marks.put(target, image.sha256());
        knownSafe.write(marks);
        return image;
    }

    /** Hardware target to the id of its known-safe image. */
    public synchronized Map<String, String> knownSafe() throws FirmwareException {
        return knownSafe.read();
    }

    /**
     * Removes an image and its bytes, unless a job uses it ({@link ImageUse}) or it is a target's known-safe version:
     * either would leave a device without the image it must fetch or fall back to.
     */
    public synchronized Manifest delete(String id) throws FirmwareException {
        Manifest manifest = resolve(id);
        Optional<String> user = use.usedBy(manifest.sha256());
        if (user.isPresent()) {
            throw new FirmwareException(
                    FirmwareException.Reason.IN_USE,
                    "image " + shortId(manifest.sha256()) + " cannot be deleted: " + user.get() + " uses it");
        }
        List<String> safeFor = knownSafe.read().entrySet().stream()
                .filter(mark -> mark.getValue().equals(manifest.sha256()))
                .map(Map.Entry::getKey)
                .toList();
        if (!safeFor.isEmpty()) {
            throw new FirmwareException(
                    FirmwareException.Reason.IN_USE,
                    "image " + shortId(manifest.sha256()) + " is the known-safe version for "
                            + String.join(", ", safeFor) + "; mark another version known-safe first");
        }
        try {
            // the manifest first: bytes without a manifest are no image, a manifest without bytes would be a lie
            Files.delete(manifestFile(manifest.sha256()));
            images.delete(manifest.sha256());
        } catch (IOException e) {
            throw storage("cannot delete image " + shortId(manifest.sha256()) + ": " + e, e);
        }
        return manifest;
    }

    private Manifest resolve(String id) throws FirmwareException {
        String prefix = id.toLowerCase(java.util.Locale.ROOT);
        if (!prefix.matches("[0-9a-f]{" + MIN_ID_PREFIX + ",64}")) {
            throw invalid("image id '" + id + "' is malformed: its SHA-256 in hex, or the first " + MIN_ID_PREFIX
                    + " or more digits of it");
        }
        List<Manifest> matching =
                all().stream().filter(m -> m.sha256().startsWith(prefix)).toList();
        if (matching.isEmpty()) {
            throw new FirmwareException(FirmwareException.Reason.NOT_FOUND, "no firmware image " + id);
        }
        if (matching.size() > 1) {
            throw invalid("image id " + id + " is the start of " + matching.size() + " images; give more digits");
        }
        return matching.getFirst();
    }

    private List<Manifest> all() throws FirmwareException {
        if (!Files.isDirectory(manifests)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(manifests)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw storage("cannot list " + manifests + ": " + e, e);
        }
        List<Manifest> all = new ArrayList<>();
        for (Path file : files) {
            all.add(manifest(file));
        }
        all.sort(Comparator.comparing((Manifest m) -> m.targets().getFirst())
                .thenComparing(Manifest::version, Comparator.reverseOrder()));
        return all;
    }

    private static Manifest manifest(Path file) throws FirmwareException {
        try {
            Manifest manifest = ManifestFormat.parse(Files.readAllBytes(file));
            if (!file.getFileName().toString().equals(manifest.sha256() + ".json")) {
                throw storage(file + " holds the manifest of image " + manifest.sha256(), null);
            }
            return manifest;
        } catch (NoSuchFileException e) {
            throw storage(file + " was removed while being read", e);
        } catch (IOException e) {
            throw storage("cannot read " + file + ": " + e, e);
        } catch (FirmwareException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(file.toString())
                    ? e
                    : storage(file + ": " + e.getMessage(), e);
        }
    }

    private Path manifestFile(String sha256) {
        return manifests.resolve(sha256 + ".json");
    }

    /** The first 12 digits of an image's id: what lists show and commands accept. */
    public static String shortId(String sha256) {
        return sha256.substring(0, Math.min(12, sha256.length()));
    }

    /** The data folder's signing certificate in PEM, made with its key when no image was signed yet. */
    public synchronized String signingCertificatePem() throws FirmwareException {
        try {
            return PemText.of(List.of(signer().certificate()));
        } catch (CertificateException e) {
            throw storage("cannot encode the signing certificate: " + e.getMessage(), e);
        }
    }

    private static FirmwareException invalid(String message) {
        return new FirmwareException(FirmwareException.Reason.INVALID, message);
    }

    private static FirmwareException storage(String message, @Nullable Throwable cause) {
        return cause == null
                ? new FirmwareException(FirmwareException.Reason.STORAGE, message)
                : new FirmwareException(FirmwareException.Reason.STORAGE, message, cause);
    }
}
