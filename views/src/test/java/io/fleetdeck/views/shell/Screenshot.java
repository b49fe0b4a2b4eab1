package io.fleetdeck.views.shell;

import io.fleetdeck.views.settings.Theme;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A PNG of what a scene draws, written for a person to look at and measured so a test can tell it is not blank. */
public record Screenshot(int width, int height, int[] argb) {

    public static Screenshot of(Scene scene, Path file) throws IOException, ExecutionException, InterruptedException {
        WritableImage image =
                WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, pixels, 0, width);
        Files.createDirectories(file.getParent());
        ImageIO.write(png, "png", file.toFile());
        return new Screenshot(width, height, pixels);
    }

    /**
     * The console window in {@code theme}, once it has settled, as a PNG in {@code file}; fails when the picture is
     * nearly blank (fewer than 17 colours).
     */
    public static void ofWindowIn(FxRobot robot, ShellViewModel shell, Scene scene, Path file, Theme theme)
            throws IOException, ExecutionException, InterruptedException {
        if (shell.themeProperty().get() != theme) {
            robot.interact(shell::toggleTheme);
        }
        WaitForAsyncUtils.waitForFxEvents();
        robot.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshot shot = of(scene, file);
        if (shot.distinctColours() <= 16) {
            throw new AssertionError(file + " is nearly blank: " + shot.distinctColours() + " colours");
        }
    }

    public long distinctColours() {
        Set<Integer> colours = new HashSet<>();
        for (int pixel : argb) {
            colours.add(pixel);
        }
        return colours.size();
    }

    /** The colour at {@code (x, y)} of the scene, as 0xRRGGBB. */
    int rgbAt(double x, double y) {
        return argb[(int) y * width + (int) x] & 0xffffff;
    }

    /**
     * How many pixels inside {@code area} (scene coordinates) differ clearly from the colour most of them share: the
     * strokes of text or an icon drawn on a plain background; 0 for an empty area.
     */
    long inkPixelsIn(Bounds area) {
        int fromX = Math.max(0, (int) area.getMinX());
        int toX = Math.min(width, (int) Math.ceil(area.getMaxX()));
        int fromY = Math.max(0, (int) area.getMinY());
        int toY = Math.min(height, (int) Math.ceil(area.getMaxY()));
        Map<Integer, Long> counts = new HashMap<>();
        for (int y = fromY; y < toY; y++) {
            for (int x = fromX; x < toX; x++) {
                counts.merge(argb[y * width + x] & 0xffffff, 1L, Long::sum);
            }
        }
        int background = counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(0);
        long ink = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = fromX; x < toX; x++) {
                if (distance(argb[y * width + x], background) > 96) {
                    ink++;
                }
            }
        }
        return ink;
    }

    /**
     * The share of the pixels in a band along the edge of {@code area} (scene coordinates, 3 px inside to 3 px
     * outside) whose colour differs clearly between this picture and {@code other}: how much of a ring it draws.
     */
    double edgeChangeFrom(Screenshot other, Bounds area) {
        int band = 3;
        int fromX = Math.max(0, (int) area.getMinX() - band);
        int toX = Math.min(width, (int) Math.ceil(area.getMaxX()) + band);
        int fromY = Math.max(0, (int) area.getMinY() - band);
        int toY = Math.min(height, (int) Math.ceil(area.getMaxY()) + band);
        long edge = 0;
        long changed = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = fromX; x < toX; x++) {
                boolean nearEdge =
                        x < fromX + 2 * band || x >= toX - 2 * band || y < fromY + 2 * band || y >= toY - 2 * band;
                if (!nearEdge) {
                    continue;
                }
                edge++;
                if (distance(argb[y * width + x], other.argb[y * width + x]) > 48) {
                    changed++;
                }
            }
        }
        return edge == 0 ? 0 : (double) changed / edge;
    }

    private static int distance(int a, int b) {
        return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff))
                + Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff))
                + Math.abs((a & 0xff) - (b & 0xff));
    }

    boolean isMostlyDark() {
        long dark = 0;
        for (int pixel : argb) {
            int r = (pixel >> 16) & 0xff;
            int g = (pixel >> 8) & 0xff;
            int b = pixel & 0xff;
            if ((r * 299 + g * 587 + b * 114) / 1000 < 128) {
                dark++;
            }
        }
        return dark * 2 > argb.length;
    }
}
