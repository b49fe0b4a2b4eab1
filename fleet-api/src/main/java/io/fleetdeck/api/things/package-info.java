/**
 * Things and thing types in the registry, as AWS IoT's CreateThing, DescribeThing, UpdateThing, DeleteThing, ListThings,
 * CreateThingType, DescribeThingType, ListThingTypes and DeprecateThingType have them: one behaviour and one error for
 * the console, the CLI and the HTTP API.
 */
@NullMarked
package io.fleetdeck.api.things;

import org.jspecify.annotations.NullMarked;
