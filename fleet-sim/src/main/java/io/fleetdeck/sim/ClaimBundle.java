package io.fleetdeck.sim;

/**
 * What a device leaves the factory with to provision itself by claim (AWS-IOT-BEHAVIOUR §6): the claim certificate and
 * key shared by a batch of devices, and the provisioning template to ask for.
 */
public record ClaimBundle(String certificatePem, String privateKeyPem, String templateName) {}
