package io.fleetdeck.views.shell;

import io.fleetdeck.views.settings.WindowGeometry;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Restores and captures the main window's bounds. A saved place that no longer lies on any screen (a monitor was
 * unplugged) is ignored, so the window never opens out of sight.
 */
final class WindowPlacement {

    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 600;
    private static final double FIRST_START_WIDTH = 1280;
    private static final double FIRST_START_HEIGHT = 800;
    /** How much of the saved window must be on a screen to trust the saved place. */
    private static final double VISIBLE_MARGIN = 48;

    private WindowPlacement() {}

    static void restore(Stage stage, Optional<WindowGeometry> saved) {
        Optional<WindowGeometry> onScreen = saved.filter(WindowPlacement::isOnSomeScreen);
        if (onScreen.isPresent()) {
            WindowGeometry g = onScreen.get();
            stage.setX(g.x());
            stage.setY(g.y());
            stage.setWidth(Math.max(MIN_WIDTH, g.width()));
            stage.setHeight(Math.max(MIN_HEIGHT, g.height()));
            stage.setMaximized(g.maximized());
        } else {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            double width = Math.min(FIRST_START_WIDTH, screen.getWidth());
            double height = Math.min(FIRST_START_HEIGHT, screen.getHeight());
            stage.setWidth(width);
            stage.setHeight(height);
            stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
            stage.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
        }
    }

    static WindowGeometry capture(Stage stage) {
        return new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }

    private static boolean isOnSomeScreen(WindowGeometry g) {
        Rectangle2D titleBar = new Rectangle2D(g.x(), g.y(), Math.max(1, g.width()), VISIBLE_MARGIN);
        return Screen.getScreens().stream()
                .map(Screen::getVisualBounds)
                .anyMatch(bounds -> bounds.intersects(titleBar)
                        && overlap(bounds, titleBar) >= Math.min(VISIBLE_MARGIN, g.width()));
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        return Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
    }
}
