/**
 * AWS IoT Jobs as every front end reaches them (AWS-IOT-BEHAVIOUR §2.7): create a job for things and thing groups,
 * describe it with its executions counted by status, list and describe its executions, cancel it. Devices run the
 * executions over MQTT on AWS's reserved topics.
 */
@NullMarked
package io.fleetdeck.api.jobs;

import org.jspecify.annotations.NullMarked;
