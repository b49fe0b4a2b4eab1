package io.fleetdeck.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build fails on a nullness error: javac runs here with the Error Prone plugin line the parent pom gives every
 * module, over a @NullMarked package that returns null where it promised not to, and over a corrected copy.
 */
class NullnessCheckTest {

    private static final Pattern PLUGIN = Pattern.compile("<arg>(-Xplugin:ErrorProne[^<]*)</arg>");

    @TempDir
    Path folder;

    @Test
    void aNullnessErrorInANullMarkedPackageFailsTheCompilation() throws Exception {
        Compilation broken = compile("""
                public final class Lookup {
                    public static String firmwareOf(String thing) {
                        return thing.isEmpty() ? null : "1.4.2";
                    }
                }
                """);

        assertThat(broken.exitCode()).as(broken.output()).isNotZero();
        assertThat(broken.output())
                .contains("[NullAway] returning @Nullable expression from method with @NonNull return type");
    }

    @Test
    void theSameCodeSayingWhereNullMayBeCompiles() throws Exception {
        Compilation fixed = compile("""
                import org.jspecify.annotations.Nullable;

                public final class Lookup {
                    public static @Nullable String firmwareOf(String thing) {
                        return thing.isEmpty() ? null : "1.4.2";
                    }
                }
                """);

        assertThat(fixed.exitCode()).as(fixed.output()).isZero();
    }

    private record Compilation(int exitCode, String output) {}

    private Compilation compile(String lookup) throws IOException, InterruptedException {
        Path sources = Files.createDirectories(folder.resolve("src/io/fleetdeck/probe"));
        Files.writeString(sources.resolve("package-info.java"), """
                @NullMarked
                package io.fleetdeck.probe;

                import org.jspecify.annotations.NullMarked;
                """);
        Files.writeString(sources.resolve("Lookup.java"), "package io.fleetdeck.probe;\n\n" + lookup);
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-J--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
                "-J--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
                "-J--add-exports=jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED",
                "-J--add-exports=jdk.compiler/com.sun.tools.javac.model=ALL-UNNAMED",
                "-J--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
                "-J--add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED",
                "-J--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
                "-J--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
                "-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
                "-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED",
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                buildsPluginLine(),
                "-classpath",
                classPath,
                "-processorpath",
                classPath,
                "-d",
                Files.createDirectories(folder.resolve("classes")).toString(),
                sources.resolve("package-info.java").toString(),
                sources.resolve("Lookup.java").toString()));
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(javac.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Compilation(javac.exitValue(), output);
    }

    /** The parent pom's own Error Prone line, so this test checks the configuration every module compiles with. */
    private static String buildsPluginLine() throws IOException {
        Path parentPom = Path.of("").toAbsolutePath().resolveSibling("pom.xml");
        Matcher plugin = PLUGIN.matcher(Files.readString(parentPom));
        assertThat(plugin.find())
                .as("the parent pom runs Error Prone with NullAway")
                .isTrue();
        return plugin.group(1);
    }
}
