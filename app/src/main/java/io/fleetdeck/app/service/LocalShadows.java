package io.fleetdeck.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.ShadowRejectedException;
import io.fleetdeck.api.shadows.ShadowDocument;
import io.fleetdeck.api.shadows.ShadowService;
import io.fleetdeck.api.shadows.ShadowWithoutAThing;
import io.fleetdeck.fleet.shadow.ShadowException;
import io.fleetdeck.fleet.shadow.ShadowVersion;
import io.fleetdeck.fleet.shadow.Shadows;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@link ShadowService} over this process's shadows: an update goes through the running shadow service when the
 * broker is up (so the device gets its delta and documents, as from any other client), straight to the store when it
 * is not (a command on a folder no instance holds). Any thread.
 */
public final class LocalShadows implements ShadowService {

    private final Shadows shadows;
    private final Supplier<io.fleetdeck.fleet.shadow.@Nullable ShadowService> running;
    private final Supplier<? extends Collection<String>> thingNames;

    /**
     * @param running the shadow service devices use, null while no broker runs
     * @param thingNames the registry's things, read when shadows without a thing are asked for
     */
    public LocalShadows(
            Shadows shadows,
            Supplier<io.fleetdeck.fleet.shadow.@Nullable ShadowService> running,
            Supplier<? extends Collection<String>> thingNames) {
        this.shadows = shadows;
        this.running = running;
        this.thingNames = thingNames;
    }

    @Override
    public ShadowDocument getThingShadow(String thingName, String shadowName) throws FleetApiException {
        try {
            return document(shadows.get(thingName, shadowName, new byte[0]));
        } catch (ShadowException e) {
            throw rejected(e);
        }
    }

    @Override
    public ShadowDocument updateThingShadow(String thingName, String shadowName, String updateJson)
            throws FleetApiException {
        var service = running.get();
        try {
            return document(
                    service != null
                            ? service.update(thingName, shadowName, updateJson)
                            : shadows.update(thingName, shadowName, updateJson.getBytes(StandardCharsets.UTF_8))
                                    .accepted());
        } catch (ShadowException e) {
            throw rejected(e);
        }
    }

    @Override
    public List<ShadowDocument> shadowHistory(String thingName, String shadowName) {
        return shadows.history(thingName, shadowName).stream()
                .map(LocalShadows::document)
                .toList();
    }

    @Override
    public List<String> shadowNames(String thingName) {
        return shadows.shadowNames(thingName);
    }

    /** Each shadow's newest version from its history, which always keeps at least that one. */
    @Override
    public List<ShadowWithoutAThing> shadowsWithoutAThing() {
        Set<String> registered = new HashSet<>(thingNames.get());
        List<ShadowWithoutAThing> unregistered = new ArrayList<>();
        for (Map.Entry<String, String> key : shadows.shadowKeys()) {
            if (registered.contains(key.getKey())) {
                continue;
            }
            // a shadow deleted since its key was read has no history left: it is no longer there to list
            shadows.history(key.getKey(), key.getValue()).stream()
                    .findFirst()
                    .ifPresent(newest -> unregistered.add(new ShadowWithoutAThing(
                            key.getKey(),
                            key.getValue(),
                            newest.version(),
                            Instant.ofEpochSecond(newest.writtenAt()))));
        }
        return unregistered;
    }

    private static ShadowDocument document(JsonNode document) {
        return new ShadowDocument(
                document.path("version").asLong(),
                Instant.ofEpochSecond(document.path("timestamp").asLong()),
                document.toString());
    }

    private static ShadowDocument document(ShadowVersion version) {
        return new ShadowDocument(
                version.version(), Instant.ofEpochSecond(version.writtenAt()), String.valueOf(version.document()));
    }

    private static ShadowRejectedException rejected(ShadowException refused) {
        return new ShadowRejectedException(refused.code(), String.valueOf(refused.getMessage()), refused.where());
    }
}
