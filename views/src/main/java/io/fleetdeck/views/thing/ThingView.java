package io.fleetdeck.views.thing;

import atlantafx.base.theme.Styles;
import io.fleetdeck.views.common.NoticePane;
import io.fleetdeck.views.common.SecondTicks;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.common.TimeText;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.action.Action;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * One thing in detail: its name and connection on top, its registry entry on the left, and on the right the shadow
 * chosen (classic or named) as a tree of desired against reported, the desired-state editor and the version history.
 * A node of its own, so it fits a tab (as the Fleet section opens it) or a side pane. Built and used on the JavaFX
 * thread; call {@link ThingViewModel#reload()} to read the thing.
 */
public final class ThingView {

    private final ThingViewModel model;
    private final VBox root = new VBox();

    public ThingView(ThingViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        root.getStyleClass().add("thing-view");
        // one timeline for the tab: "since 19:02 (12 s ago)" ages while the tab is shown
        SecondTicks.whileShown(root, model::tick);

        SplitPane split = new SplitPane(new ThingSummary(model).node(), shadows());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.3);
        split.getStyleClass().add("thing-split");

        NoticePane notice = new NoticePane("thing-notice", split, model.noticeProperty(), model::dismissNotice);
        Action reload = NoticePane.action(Texts.get("thing.reload"), MaterialDesignR.REFRESH, model::reload);
        reload.getStyleClass().addAll("thing-conflict-reload", Styles.SMALL);
        notice.addAction(reload, model.conflictProperty());
        VBox.setVgrow(notice.node(), Priority.ALWAYS);

        root.getChildren().addAll(header(), notice.node());
    }

    public Node node() {
        return root;
    }

    private Node header() {
        FontIcon icon = new FontIcon(MaterialDesignC.CHIP);
        icon.getStyleClass().add("thing-title-icon");
        Label name = new Label(model.thingName(), icon);
        name.setId("thing-name");
        name.getStyleClass().add("thing-title");
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.setTooltip(new Tooltip(model.thingName()));
        name.setMinWidth(0);

        Label type = new Label();
        type.setId("thing-type");
        type.getStyleClass().add("thing-badge");
        type.setMinWidth(Region.USE_PREF_SIZE);
        type.textProperty()
                .bind(model.detailProperty()
                        .map(d -> d.thingType() == null ? Texts.get("thing.noType") : d.thingType())
                        .orElse(""));
        type.visibleProperty().bind(model.detailProperty().isNotNull());

        Label connection = new Label();
        connection.setId("thing-connection");
        connection.setMinWidth(Region.USE_PREF_SIZE);
        model.detailProperty().subscribe(detail -> {
            connection.getStyleClass().removeAll("thing-badge-connected", "thing-badge-offline");
            if (detail == null) {
                connection.setText("");
                return;
            }
            boolean connected =
                    detail.connectivity() != null && detail.connectivity().connected();
            connection.setText(Texts.get(connected ? "thing.connected" : "thing.offline"));
            connection
                    .getStyleClass()
                    .addAll("thing-badge", connected ? "thing-badge-connected" : "thing-badge-offline");
        });

        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(18, 18);
        loading.setMaxSize(18, 18);
        loading.visibleProperty().bind(model.loadingProperty());

        Button reload = new Button(Texts.get("thing.reload"), new FontIcon(MaterialDesignR.REFRESH));
        reload.setId("thing-reload");
        reload.setMinWidth(Region.USE_PREF_SIZE);
        reload.setOnAction(event -> model.reload());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(10, name, type, connection, gap, loading, reload);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("thing-header");
        return header;
    }

    private Node shadows() {
        ComboBox<String> choice = new ComboBox<>(model.shadowNames());
        choice.setId("thing-shadow-choice");
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : name.isEmpty() ? Texts.get("thing.shadow.classic") : name;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        choice.setValue(model.selectedShadowProperty().get());
        choice.valueProperty().addListener((obs, old, name) -> {
            if (name != null) {
                model.selectShadow(name);
            }
        });
        model.selectedShadowProperty().subscribe(choice::setValue);
        // as wide as "Klassischer Schatten" needs: German names the classic shadow at length
        choice.setMinWidth(Integer.parseInt(Texts.get("thing.shadow.choice.width")));

        Label version = new Label();
        version.setId("thing-shadow-version");
        version.getStyleClass().add("thing-muted");
        // the time it was written is cut last: a second line before an ellipsis
        version.setWrapText(true);
        version.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            ShadowTree state = model.shadowProperty().get();
                            if (state == null) {
                                return "";
                            }
                            Instant written = state.timestamp();
                            return state.exists() && written != null
                                    ? Texts.get(
                                            "thing.shadow.written",
                                            state.version(),
                                            TimeText.exact(written, model.zone()))
                                    : Texts.get("thing.shadow.noDocument");
                        },
                        model.shadowProperty()));

        Label pending = new Label();
        pending.setId("thing-pending");
        pending.getStyleClass().add("thing-badge");
        model.shadowProperty().subscribe(state -> {
            pending.getStyleClass().removeAll("thing-badge-pending", "thing-badge-synced");
            if (state == null || !state.exists()) {
                pending.setText("");
                pending.setVisible(false);
                return;
            }
            int fields = state.pendingLeaves();
            pending.setVisible(true);
            pending.setText(Texts.get("thing.shadow.pending", fields));
            pending.getStyleClass().add(fields == 0 ? "thing-badge-synced" : "thing-badge-pending");
        });
        pending.setMinWidth(Region.USE_PREF_SIZE);

        Label title = new Label(Texts.get("thing.shadow.title"));
        title.getStyleClass().add("thing-section-heading");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, title, choice, pending, version);
        bar.setAlignment(Pos.CENTER_LEFT);

        TabPane tabs = new TabPane(
                tab(
                        "thing-tab-state",
                        Texts.get("thing.tab.state"),
                        MaterialDesignC.CODE_BRACES,
                        new ShadowTreePane(model).node()),
                tab(
                        "thing-tab-edit",
                        Texts.get("thing.tab.edit"),
                        MaterialDesignP.PENCIL_OUTLINE,
                        new DesiredEditorPane(model).node()),
                tab(
                        "thing-tab-history",
                        Texts.get("thing.tab.history"),
                        MaterialDesignH.HISTORY,
                        new HistoryPane(model).node()));
        tabs.setId("thing-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("thing-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox box = new VBox(10, bar, tabs);
        box.getStyleClass().add("thing-shadows");
        return box;
    }

    private static Tab tab(String id, String title, Ikon ikon, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tab.setGraphic(new FontIcon(ikon));
        return tab;
    }
}
