package io.fleetdeck.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Versions as AWS's OTA agent packs them into its 32-bit word (AWS-OTA-AND-STREAMS §A.6). */
class FirmwareVersionTest {

    @Test
    void aVersionIsTheOtaAgentsWord() throws Exception {
        assertThat(FirmwareVersion.parse("1.0.0").otaWord()).isEqualTo(0x01000000);
        assertThat(FirmwareVersion.parse("255.255.65535").otaWord()).isEqualTo(0xffffffff);
        assertThat(FirmwareVersion.parse("1.10.0")).isGreaterThan(FirmwareVersion.parse("1.9.65535"));
        assertThat(FirmwareVersion.parse("200.0.0")).isGreaterThan(FirmwareVersion.parse("100.0.0"));
    }
}
