package io.farmhub.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.Json;
import io.farmhub.core.NameUuid;
import io.farmhub.core.StreamId;
import io.farmhub.notify.Notification;
import io.farmhub.notify.Notifier;
import io.farmhub.notify.Topic;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The pipeline's CloudEvents (interfaces.md "Notifications"): {@code farm.event-appended} for each event a
 * command appended, {@code farm.command-state-changed} on each change of a command's state. Ids are derived
 * (the event id; the command id and log version), so a notification sent twice is recognisably the same one.
 */
@Component
public class CommandNotifications {

    static final String EVENT_APPENDED = "farm.event-appended";
    static final String COMMAND_STATE_CHANGED = "farm.command-state-changed";

    private static final Logger log = LoggerFactory.getLogger(CommandNotifications.class);

    private final ObjectProvider<Notifier> notifier;

    public CommandNotifications(ObjectProvider<Notifier> notifier) {
        this.notifier = notifier;
    }

    /** A hint only: a notifier fault is logged and the command goes on (reconciliation repairs what a lost hint leaves). */
    void stateChanged(CommandProgress progress) {
        try {
            publish(Topic.FARM_COMMANDS, List.of(stateChange(progress)));
        } catch (RuntimeException e) {
            log.warn("could not announce that command {} is {}: {}", progress.commandId(), progress.state(),
                    e.getMessage());
        }
    }

    /**
     * The publish step: every event the command appended (and gave back), then its state. Faults propagate (the
     * step retries). It runs only once the handle step has stored the whole decision, so readers are never told of
     * half a command: on SQLite its streams were written in one transaction, on Append Blobs one by one, but
     * announced only here, together.
     */
    void published(CommandProgress progress) {
        List<Notification> appended = new ArrayList<>();
        for (CommandEntry.Appended a : progress.appended().values()) {
            for (int i = 0; i < a.events().size(); i++) {
                appended.add(eventAppended(progress, a.events().get(i), a.eventIds().get(i), a.at()));
            }
        }
        for (CommandEntry.Compensated c : progress.compensated().values()) {
            for (int i = 0; i < c.events().size(); i++) {
                appended.add(eventAppended(progress, c.events().get(i), c.eventIds().get(i), c.at()));
            }
        }
        if (!appended.isEmpty()) {
            publish(Topic.FARM_EVENTS, appended);
        }
        publish(Topic.FARM_COMMANDS, List.of(stateChange(progress)));
    }

    /**
     * A complete batch's announcements ({@link CommandBatches}): every event its commands appended, as one publish,
     * then each command's end, as another. Faults propagate: the batch's caller runs it again. Ids derive from the
     * event and from the command and its batch, so announcing a batch again is recognisably the same.
     */
    void batchPublished(BatchRecord batch) {
        List<Notification> appended = new ArrayList<>();
        List<Notification> ended = new ArrayList<>();
        java.time.Instant at = batch.decided().at();
        for (BatchedCommand c : batch.decided().commands()) {
            for (int i = 0; i < c.events().size(); i++) {
                appended.add(eventAppended(c.commandId(), c.events().get(i), c.eventIds().get(i), at));
            }
            StreamId own = CommandKeys.stream(c.commandType(), c.commandId());
            ObjectNode data = Json.MAPPER.createObjectNode()
                    .put("commandId", c.commandId())
                    .put("commandType", c.commandType())
                    .put("state", c.state().name())
                    .put("version", batch.version())
                    .put("batch", batch.stream().toString());
            ended.add(new Notification(NameUuid.of(batch.stream() + "@" + c.commandId()), COMMAND_STATE_CHANGED,
                    "/farmhub/" + own.category(), own.aggregate() + "/" + own.key(), at, data));
        }
        if (!appended.isEmpty()) {
            publish(Topic.FARM_EVENTS, appended);
        }
        if (!ended.isEmpty()) {
            publish(Topic.FARM_COMMANDS, ended);
        }
    }

    private void publish(Topic topic, List<Notification> notifications) {
        Notifier target = notifier.getIfAvailable();
        if (target != null) {
            target.publish(topic, notifications);
        }
    }

    static Notification eventAppended(CommandProgress progress, CommandEntry.Appended appended, int i) {
        return eventAppended(progress, appended.events().get(i), appended.eventIds().get(i), appended.at());
    }

    static Notification eventAppended(CommandProgress progress, CommandStatus.AppendedEvent event, String eventId,
            java.time.Instant at) {
        return eventAppended(progress.commandId(), event, eventId, at);
    }

    static Notification eventAppended(String commandId, CommandStatus.AppendedEvent event, String eventId,
            java.time.Instant at) {
        StreamId stream = StreamId.parse(event.stream());
        ObjectNode data = Json.MAPPER.createObjectNode()
                .put("stream", event.stream())
                .put("version", event.version())
                .put("eventType", event.eventType())
                .put("correlationId", commandId);
        return new Notification(eventId, EVENT_APPENDED, "/farmhub/" + stream.category(),
                stream.aggregate() + "/" + stream.key(), at, data);
    }

    static Notification stateChange(CommandProgress progress) {
        StreamId stream = progress.stream();
        ObjectNode data = Json.MAPPER.createObjectNode()
                .put("commandId", progress.commandId())
                .put("commandType", progress.commandType())
                .put("state", progress.state().name())
                .put("version", progress.version());
        String id = NameUuid.of(stream + "@" + progress.version());
        return new Notification(id, COMMAND_STATE_CHANGED, "/farmhub/" + stream.category(),
                stream.aggregate() + "/" + stream.key(), progress.status().updatedAt(), data);
    }
}
