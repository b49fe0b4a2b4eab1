package io.fleetdeck.firmware.delivery;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Lets forbiddenapis accept one use of a banned API; {@link #reason()} says why it is the right tool there. */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.CONSTRUCTOR, ElementType.FIELD})
@interface SuppressForbidden {

    String reason();
}
