package io.fleetdeck.api.shadows;

import io.fleetdeck.api.error.FleetApiException;
import java.util.List;

/**
 * Device Shadows (AWS-IOT-BEHAVIOUR §1): the classic shadow is named {@code ""}. An update goes through the same
 * service devices use, so the device gets its delta; a refusal is a {@code ShadowRejectedException} with the code and
 * message a device would read on {@code rejected}.
 */
public interface ShadowService {

    /** GetThingShadow: the document with its delta and metadata; a 404 rejection when the thing has no such shadow. */
    ShadowDocument getThingShadow(String thingName, String shadowName) throws FleetApiException;

    /** UpdateThingShadow: the {@code update/accepted} document. */
    ShadowDocument updateThingShadow(String thingName, String shadowName, String updateJson) throws FleetApiException;

    /** The versions the store keeps, newest first. */
    List<ShadowDocument> shadowHistory(String thingName, String shadowName) throws FleetApiException;

    /** ListNamedShadowsForThing, with {@code ""} first when the thing has its classic shadow. */
    List<String> shadowNames(String thingName) throws FleetApiException;

    /**
     * Every shadow whose thing is not in the registry, by thing and shadow name, with its version and last update. AWS
     * keeps such shadows (a device may use one without being registered; AWS-IOT-BEHAVIOUR §1.1, registry coupling), so
     * they are listed rather than refused or dropped.
     */
    List<ShadowWithoutAThing> shadowsWithoutAThing() throws FleetApiException;
}
