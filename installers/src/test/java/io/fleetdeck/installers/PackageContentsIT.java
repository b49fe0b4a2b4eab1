package io.fleetdeck.installers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the built packages declare and carry, read with the distributions' own tools (dpkg-deb, rpm). */
class PackageContentsIT {

    @Test
    void theDebDeclaresWhatJavaFxNeedsAndCarriesTheApplication() throws Exception {
        String info = Command.succeed("dpkg-deb", "--info", Installers.deb().toString());
        assertThat(info)
                .contains("Package: fleetdeck")
                .containsPattern("Version: \\d+\\.\\d+\\.\\d+")
                .containsPattern("Depends: .*libgtk-3-0")
                .containsPattern("Depends: .*libglib2.0-0")
                .containsPattern("Depends: .*libx11-6")
                .containsPattern("Depends: .*xdg-utils");

        String files =
                Command.succeed("dpkg-deb", "--contents", Installers.deb().toString());
        assertThat(files)
                .contains("./opt/fleetdeck/bin/Fleetdeck")
                .contains("./opt/fleetdeck/lib/app/fleetdeck.aot")
                .contains("./opt/fleetdeck/lib/runtime/lib/libglassgtk3.so")
                .contains("./opt/fleetdeck/lib/fleetdeck-Fleetdeck.desktop")
                .contains("./opt/fleetdeck/lib/Fleetdeck.png")
                .contains("copyright");
    }

    @Test
    void theDebsMenuEntryAndCommandAreSetUpByItsScripts() throws Exception {
        String desktop = Command.succeed(
                "sh",
                "-c",
                "dpkg-deb --fsys-tarfile '" + Installers.deb()
                        + "' | tar -xO ./opt/fleetdeck/lib/fleetdeck-Fleetdeck.desktop");
        assertThat(desktop)
                .contains("Name=Fleetdeck")
                .contains("Exec=/opt/fleetdeck/bin/Fleetdeck")
                .contains("Icon=/opt/fleetdeck/lib/Fleetdeck.png")
                .contains("Categories=Network;Monitor;");

        String postinst =
                Command.succeed("sh", "-c", "dpkg-deb --ctrl-tarfile '" + Installers.deb() + "' | tar -xO ./postinst");
        assertThat(postinst)
                .contains("mkdir -p /usr/share/applications /usr/share/desktop-directories")
                .contains("ln -sfn /opt/fleetdeck/bin/Fleetdeck /usr/bin/fleetdeck")
                .contains("xdg-desktop-menu install /opt/fleetdeck/lib/fleetdeck-Fleetdeck.desktop");
    }

    @Test
    void theRpmNamesItsRuntimeDependencies() throws Exception {
        String requires =
                Command.succeed("rpm", "-qp", "--requires", Installers.rpm().toString());
        assertThat(requires).contains("gtk3", "libXtst", "xdg-utils");

        String files = Command.succeed("rpm", "-qpl", Installers.rpm().toString());
        assertThat(files).contains("/opt/fleetdeck/bin/Fleetdeck", "/opt/fleetdeck/lib/app/fleetdeck.aot");
    }
}
