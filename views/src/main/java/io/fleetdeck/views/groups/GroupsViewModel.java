package io.fleetdeck.views.groups;

import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.certificates.CertificatesSnapshot;
import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.groups.GroupService;
import io.fleetdeck.api.groups.ThingGroupSummary;
import io.fleetdeck.api.page.PageReader;
import io.fleetdeck.views.common.Notice;
import io.fleetdeck.views.common.Refusals;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.common.ViewTasks;
import io.fleetdeck.views.groups.GroupHierarchy.Entry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Groups view's state: the hierarchy, the selected group with its members, its own and inherited attributes and
 * policies, and the actions on groups and memberships. Actions run on the background executor, then the groups are
 * read again and the outcome shows as a notice with the registry's words when it refused. Owned by the JavaFX thread.
 */
public final class GroupsViewModel {

    private static final Logger log = LoggerFactory.getLogger(GroupsViewModel.class);

    private final GroupService directory;
    private final @Nullable CertificateService certificates;
    private final Executor background;
    private final Executor fxThread;

    private final ReadOnlyObjectWrapper<GroupHierarchy> hierarchy = new ReadOnlyObjectWrapper<>(GroupHierarchy.empty());
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper();
    private final ObservableList<String> members = FXCollections.observableArrayList();
    private final ObservableList<String> membersView = FXCollections.unmodifiableObservableList(members);
    private final ObservableList<Entry> attributes = FXCollections.observableArrayList();
    private final ObservableList<Entry> attributesView = FXCollections.unmodifiableObservableList(attributes);
    private final ObservableList<Entry> policies = FXCollections.observableArrayList();
    private final ObservableList<Entry> policiesView = FXCollections.unmodifiableObservableList(policies);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();

    /** Member reads get the next number; an answer for a group no longer selected is dropped. */
    private long memberReads;

    /** Actions run on {@code tasks}' background; their outcome comes back on its JavaFX thread. */
    public GroupsViewModel(GroupService directory, ViewTasks tasks) {
        this(directory, null, tasks);
    }

    /** With the policies of groups attached and detached through {@code certificates}; null: shown only. */
    public GroupsViewModel(GroupService directory, @Nullable CertificateService certificates, ViewTasks tasks) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.certificates = certificates;
        this.background = tasks.background();
        this.fxThread = tasks.fxThread();
    }

    /** Takes the groups as the registry has them now; the selection stays on its group while it exists. */
    public void apply(List<ThingGroupSummary> groups) {
        take(groups);
        showSelected();
        revision.set(revision.get() + 1);
    }

    public void selectGroup(@Nullable String name) {
        if (Objects.equals(name, selected.get())) {
            return;
        }
        selected.set(name != null && hierarchy.get().group(name) != null ? name : null);
        showSelected();
    }

    // --- actions

    /** Creates {@code name} under {@code parent}, or at the top when {@code parent} is null, and selects it. */
    public void create(String name, @Nullable String parent) {
        String wanted = name == null ? "" : name.strip();
        if (wanted.isEmpty()) {
            notice.set(Notice.error(Texts.get("groups.enterName")));
            return;
        }
        perform(
                parent == null
                        ? Texts.get("groups.createFailed.top", wanted)
                        : Texts.get("groups.createFailed.under", wanted, parent),
                () -> directory.createThingGroup(wanted, parent),
                parent == null
                        ? Texts.get("groups.created.top", wanted)
                        : Texts.get("groups.created.under", wanted, parent),
                wanted);
    }

    /** Creates a dynamic group of the things {@code query} matches, and selects it. */
    public void createDynamic(String name, String query) {
        String wanted = name == null ? "" : name.strip();
        String matching = query == null ? "" : query.strip();
        if (wanted.isEmpty() || matching.isEmpty()) {
            notice.set(Notice.error(Texts.get("groups.enterDynamic")));
            return;
        }
        perform(
                Texts.get("groups.createDynamicFailed", wanted),
                () -> directory.createDynamicThingGroup(wanted, matching),
                Texts.get("groups.createdDynamic", wanted, matching),
                wanted);
    }

    /** Renames the selected group. */
    public void rename(String newName) {
        String group = selected.get();
        String wanted = newName == null ? "" : newName.strip();
        if (group == null) {
            notice.set(Notice.error(Texts.get("groups.selectToRename")));
            return;
        }
        if (wanted.isEmpty() || wanted.equals(group)) {
            notice.set(Notice.error(Texts.get("groups.enterNewName", group)));
            return;
        }
        perform(
                Texts.get("groups.renameFailed", group, wanted),
                () -> directory.renameThingGroup(group, wanted),
                Texts.get("groups.renamed", group, wanted),
                wanted);
    }

    /** Deletes the selected group; its parent is selected afterwards. */
    public void delete() {
        String group = selected.get();
        if (group == null) {
            notice.set(Notice.error(Texts.get("groups.selectToDelete")));
            return;
        }
        ThingGroupSummary node = hierarchy.get().group(group);
        perform(
                Texts.get("groups.deleteFailed", group),
                () -> directory.deleteThingGroup(group),
                Texts.get("groups.deleted", group),
                node == null ? null : node.parent());
    }

    /** Moves {@code group} and everything below it under {@code newParent}, or to the top when it is null. */
    public void moveGroup(String group, @Nullable String newParent) {
        GroupHierarchy groups = hierarchy.get();
        ThingGroupSummary node = groups.group(group);
        if (node == null || Objects.equals(node.parent(), newParent)) {
            return;
        }
        if (newParent != null && groups.isWithin(newParent, group)) {
            notice.set(Notice.error(Texts.get(
                    newParent.equals(group) ? "groups.moveIntoItself" : "groups.moveInside", group, newParent)));
            return;
        }
        perform(
                newParent == null
                        ? Texts.get("groups.moveFailed.top", group)
                        : Texts.get("groups.moveFailed.under", group, newParent),
                () -> directory.moveThingGroup(group, newParent),
                newParent == null
                        ? Texts.get("groups.moved.top", group)
                        : Texts.get("groups.moved.under", group, newParent),
                group);
    }

    /** Moves {@code thing} from {@code fromGroup} into {@code toGroup}. */
    public void moveThing(String thing, @Nullable String fromGroup, String toGroup) {
        if (thing == null || toGroup == null || toGroup.equals(fromGroup)) {
            return;
        }
        perform(
                Texts.get("groups.thingMoveFailed", thing, toGroup),
                () -> directory.moveThing(thing, fromGroup, toGroup),
                fromGroup == null
                        ? Texts.get("groups.thingMoved", thing, toGroup)
                        : Texts.get("groups.thingMovedFrom", thing, fromGroup, toGroup),
                selected.get());
    }

    /** Gives the selected group's own attribute {@code name} the value {@code value}; an empty value removes it. */
    public void setAttribute(String name, String value) {
        changeAttributes(own -> AttributeChange.set(selected.get(), own, name, value));
    }

    /** Adds an attribute to the selected group; one without a name or value, or a name it has, is refused here. */
    public void addAttribute(String name, String value) {
        changeAttributes(own -> AttributeChange.add(selected.get(), own, name, value));
    }

    public void removeAttribute(String name) {
        changeAttributes(own -> AttributeChange.remove(selected.get(), own, name));
    }

    private void changeAttributes(Function<Map<String, String>, AttributeChange> change) {
        ThingGroupSummary group = selectedGroup();
        if (group == null) {
            notice.set(Notice.error(Texts.get("groups.selectToSave")));
            return;
        }
        AttributeChange outcome = change.apply(group.attributes());
        if (outcome.refusal() != null) {
            notice.set(Notice.error(outcome.refusal()));
            return;
        }
        // a field left after its value was sent (the sheet is built anew) commits the same value again
        if (outcome.attributes().equals(group.attributes())) {
            return;
        }
        perform(
                Texts.get("groups.attributesFailed", group.name()),
                () -> directory.updateThingGroupAttributes(group.name(), outcome.attributes()),
                outcome.success(),
                group.name());
    }

    /** Whether policies can be attached and detached here (the console has the certificates' service). */
    public boolean canEditPolicies() {
        return certificates != null;
    }

    /**
     * Reads the policies there are, off the JavaFX thread, and hands {@code choose} (on the JavaFX thread) those not
     * yet attached to the selected group, by name.
     */
    public void readAttachablePolicies(Consumer<List<String>> choose) {
        CertificateService service = certificates;
        ThingGroupSummary group = selectedGroup();
        if (service == null || group == null) {
            return;
        }
        background.execute(() -> {
            List<String> names;
            try {
                names = service.snapshot().policies().stream()
                        .map(CertificatesSnapshot.PolicyRow::name)
                        .filter(name -> !group.policies().contains(name))
                        .sorted()
                        .toList();
            } catch (FleetApiException | RuntimeException e) {
                String why = e instanceof FleetApiException refused ? Refusals.text(refused) : e.toString();
                fxThread.execute(() -> notice.set(Notice.error(Texts.get("groups.policiesUnreadable", why))));
                return;
            }
            fxThread.execute(() -> choose.accept(names));
        });
    }

    /** Attaches {@code policy} to the selected group: it applies to every thing in the group and below it. */
    public void attachPolicy(String policy) {
        String group = selected.get();
        CertificateService service = certificates;
        if (group == null || service == null || policy == null || policy.isBlank()) {
            return;
        }
        perform(
                Texts.get("groups.attachFailed", policy, group),
                () -> service.attachPolicyToGroup(policy, group),
                Texts.get("groups.attached", policy, group),
                group);
    }

    /** Detaches {@code policy} from the selected group; an ancestor's policy is detached from the ancestor. */
    public void detachPolicy(String policy) {
        String group = selected.get();
        CertificateService service = certificates;
        if (group == null || service == null || policy == null) {
            return;
        }
        perform(
                Texts.get("groups.detachFailed", policy, group),
                () -> service.detachPolicyFromGroup(policy, group),
                Texts.get("groups.detached", policy, group),
                group);
    }

    public void dismissNotice() {
        notice.set(null);
    }

    // --- inner workings

    @FunctionalInterface
    private interface Action {
        void run() throws FleetApiException;
    }

    /**
     * Runs {@code action} off the JavaFX thread, reads the groups again, then selects {@code select} (when it
     * exists) and says how it went.
     */
    private void perform(String failure, Action action, String success, @Nullable String select) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        background.execute(() -> {
            Notice outcome;
            try {
                action.run();
                outcome = Notice.success(success);
            } catch (FleetApiException e) {
                outcome = Notice.error(Texts.get("groups.failed", failure, Refusals.text(e)));
            } catch (RuntimeException e) {
                log.warn(failure, e);
                outcome = Notice.error(Texts.get("groups.failed", failure, describe(e)));
            }
            List<ThingGroupSummary> fresh = freshGroups();
            Notice result = outcome;
            fxThread.execute(() -> {
                busy.set(false);
                if (fresh != null) {
                    take(fresh);
                }
                if (result.kind() == Notice.Kind.SUCCESS) {
                    selected.set(select != null && hierarchy.get().group(select) != null ? select : null);
                }
                // the members may have changed even when the selection did not
                showSelected();
                revision.set(revision.get() + 1);
                notice.set(result);
            });
        });
    }

    private void take(List<ThingGroupSummary> groups) {
        GroupHierarchy next = new GroupHierarchy(groups);
        hierarchy.set(next);
        loaded.set(true);
        String name = selected.get();
        if (name != null && next.group(name) == null) {
            selected.set(null);
        }
    }

    private @Nullable List<ThingGroupSummary> freshGroups() {
        try {
            return List.copyOf(directory.thingGroupHierarchy());
        } catch (FleetApiException | RuntimeException e) {
            log.warn("Could not read the thing groups after an action", e);
            return null;
        }
    }

    private void showSelected() {
        String group = selected.get();
        GroupHierarchy groups = hierarchy.get();
        attributes.setAll(group == null ? List.of() : groups.attributes(group));
        policies.setAll(group == null ? List.of() : groups.policies(group));
        readMembers(group);
    }

    private void readMembers(String group) {
        long number = ++memberReads;
        if (group == null) {
            members.clear();
            return;
        }
        background.execute(() -> {
            List<String> names;
            String failure = null;
            try {
                names = PageReader.readAll(page -> directory.listThingsInThingGroup(group, false, page));
            } catch (FleetApiException e) {
                names = List.of();
                failure = Refusals.text(e);
            } catch (RuntimeException e) {
                log.warn("Could not read the members of group {}", group, e);
                names = List.of();
                failure = describe(e);
            }
            List<String> read = names;
            String problem = failure;
            fxThread.execute(() -> {
                if (number != memberReads) {
                    return;
                }
                if (!members.equals(read)) {
                    members.setAll(read);
                }
                if (problem != null) {
                    notice.set(Notice.error(Texts.get("groups.membersUnreadable", group, problem)));
                }
            });
        });
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null
                ? Texts.get("groups.unexpected", e.getClass().getSimpleName())
                : e.getMessage();
    }

    // --- properties

    public ReadOnlyObjectProperty<GroupHierarchy> hierarchyProperty() {
        return hierarchy.getReadOnlyProperty();
    }

    /** Whether the groups have been read once, so the view can tell "no groups" from "not read yet". */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The selected group's name, or null. */
    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected group as the registry has it, or null. */
    public @Nullable ThingGroupSummary selectedGroup() {
        return hierarchy.get().group(selected.get());
    }

    /** The things directly in the selected group, sorted. */
    public ObservableList<String> members() {
        return membersView;
    }

    /** The selected group's attributes, then its ancestors' (marked inherited), nearest first. */
    public ObservableList<Entry> attributes() {
        return attributesView;
    }

    /** The policies attached to the selected group, then those of its ancestors, which apply to its things too. */
    public ObservableList<Entry> policies() {
        return policiesView;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Moves on after the groups or the selection changed, once everything above is up to date. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
