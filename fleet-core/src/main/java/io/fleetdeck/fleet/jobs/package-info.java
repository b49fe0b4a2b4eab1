/**
 * AWS IoT Jobs (AWS-IOT-BEHAVIOUR §2): jobs and their executions in the store, the execution state machine, and the
 * device-side MQTT API on {@code $aws/things/<thing>/jobs/...} with its notifications.
 */
@NullMarked
package io.fleetdeck.fleet.jobs;

import org.jspecify.annotations.NullMarked;
