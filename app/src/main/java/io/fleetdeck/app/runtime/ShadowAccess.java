package io.fleetdeck.app.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.fleet.shadow.ShadowException;
import io.fleetdeck.fleet.shadow.ShadowService;
import io.fleetdeck.fleet.shadow.Shadows;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * An operator's way to shadows: through the running service when the broker is up (so devices get the delta and
 * documents), straight to the store when it is not (the CLI on a folder no instance holds).
 */
public record ShadowAccess(Shadows shadows, @Nullable ShadowService service) {

    public ObjectNode get(String thing, String shadow) throws ShadowException {
        return shadows.get(thing, shadow, new byte[0]);
    }

    public ObjectNode update(String thing, String shadow, String json) throws ShadowException {
        return service != null
                ? service.update(thing, shadow, json)
                : shadows.update(thing, shadow, json.getBytes(StandardCharsets.UTF_8))
                        .accepted();
    }
}
