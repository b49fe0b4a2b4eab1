package io.fleetdeck.views.testing;

import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * One section of the console over a test fake, for tests that open the whole console: the factory the window calls
 * to build its view, and what keeps the view current (closed after the test).
 */
public record DemoSection(Supplier<Node> view, AutoCloseable feed) {}
