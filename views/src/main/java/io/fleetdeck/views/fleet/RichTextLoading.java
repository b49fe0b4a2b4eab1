package io.fleetdeck.views.fleet;

/**
 * Loads RichTextFX's text field class the one way that works under AtlantaFX. RichTextFX 0.11.5 picks its field
 * stylesheet in a static initializer by the name of the application's user-agent stylesheet ({@code
 * styled-text-field-<name>.css}); an AtlantaFX theme is a URL, not {@code MODENA} or {@code CASPIAN}, so the lookup
 * finds nothing and the class fails to load (NullPointerException). The initializer reads the system property
 * {@code javafx.userAgentStylesheetUrl} first: set to {@code modena} for the moment the class loads, it gets the
 * neutral modena layout, which the console's own stylesheet then colours.
 */
final class RichTextLoading {

    private static final String PROPERTY = "javafx.userAgentStylesheetUrl";
    private static boolean loaded;

    private RichTextLoading() {}

    /** Call before the first RichTextFX field is made; on the JavaFX thread. */
    static synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        String before = System.getProperty(PROPERTY);
        if (before == null) {
            System.setProperty(PROPERTY, "modena");
        }
        try {
            Class.forName("org.fxmisc.richtext.StyledTextField", true, RichTextLoading.class.getClassLoader());
            loaded = true;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("RichTextFX is missing from the class path", e);
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            }
        }
    }
}
