package io.fleetdeck.views.thing;

import java.util.List;
import java.util.Optional;

/**
 * What the Thing view reads about one thing and asks of its shadows, in the view's own terms; the application
 * implements it over the registry, the identity service, the connectivity tracker and the shadow service. Called on
 * background threads, never the JavaFX thread. A refusal throws with the service's own words.
 */
public interface ThingInspector {

    /** The thing's registry entry, certificates, connectivity and the names of its shadows. */
    ThingDetail detail(String thingName) throws ThingActionException;

    /**
     * The shadow as {@code get/accepted} returns it: its version, timestamp and document
     * {@code {"state":{"desired","reported","delta"},"metadata":{...},"version":N,"timestamp":T}}; empty when the
     * thing has no such shadow.
     *
     * @param shadowName "" for the classic shadow
     */
    Optional<ShadowDocument> shadow(String thingName, String shadowName) throws ThingActionException;

    /**
     * Applies an update request ({@code /update} payload) and returns the shadow as it is afterwards (as
     * {@link #shadow} would). A refusal carries the shadow service's code and message (AWS-IOT-BEHAVIOUR §1.9), e.g.
     * 409 {@code Version conflict}.
     */
    ShadowDocument update(String thingName, String shadowName, String updateJson) throws ShadowRejectedException;

    /**
     * The versions the shadow service kept, newest first, each with the time it was written and its document
     * {@code {"state":{"desired","reported"},"metadata":{...},"version":N}}.
     */
    List<ShadowDocument> history(String thingName, String shadowName) throws ThingActionException;
}
