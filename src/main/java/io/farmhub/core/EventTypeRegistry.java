package io.farmhub.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Maps an event's stable logical name and schema version to its Java type, and back. Stored events name
 * their type by logical name only (never a Java class name), so classes can be renamed or moved freely.
 * An older stored schema version is turned into the current one by the upcasters registered for it,
 * one version step at a time.
 */
public final class EventTypeRegistry {

    /** One registered type: its logical name, its current schema version and its Java class. */
    public record EventType(String name, int schemaVersion, Class<?> javaType) {
    }

    private final ObjectMapper mapper;
    private final Map<String, EventType> byName = new HashMap<>();
    private final Map<Class<?>, EventType> byClass = new HashMap<>();
    /** key: name + "@" + fromVersion; turns data of fromVersion into data of fromVersion + 1. */
    private final Map<String, UnaryOperator<JsonNode>> upcasters = new HashMap<>();

    public EventTypeRegistry() {
        this(Json.MAPPER);
    }

    public EventTypeRegistry(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public synchronized EventTypeRegistry register(String name, int schemaVersion, Class<?> javaType) {
        Objects.requireNonNull(name, "name");
        EventType type = new EventType(name, schemaVersion, javaType);
        EventType previous = byName.putIfAbsent(name, type);
        if (previous != null && !previous.equals(type)) {
            throw new IllegalStateException("event type '" + name + "' is already registered as " + previous);
        }
        byClass.putIfAbsent(javaType, type);
        return this;
    }

    /** Registers how data stored as {@code fromVersion} of {@code name} becomes {@code fromVersion + 1}. */
    public synchronized EventTypeRegistry upcaster(String name, int fromVersion, UnaryOperator<JsonNode> step) {
        upcasters.put(name + "@" + fromVersion, step);
        return this;
    }

    public synchronized EventType typeOf(Class<?> javaType) {
        EventType type = byClass.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException("no event type is registered for " + javaType.getName());
        }
        return type;
    }

    public synchronized EventType typeNamed(String name) {
        EventType type = byName.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown event type '" + name + "'");
        }
        return type;
    }

    public synchronized boolean knows(String name) {
        return byName.containsKey(name);
    }

    /** The JSON data of an event, as stored. */
    public JsonNode toData(Object event) {
        typeOf(event.getClass());
        return mapper.valueToTree(event);
    }

    /** Brings a stored envelope's data up to the current schema version of its type. */
    public EventEnvelope upcast(EventEnvelope stored) {
        EventType type = typeNamed(stored.eventType());
        JsonNode data = stored.data();
        int version = stored.schemaVersion();
        if (version > type.schemaVersion()) {
            throw new IllegalStateException("event " + stored.eventId() + " has schema version " + version
                    + ", newer than this build knows (" + type.schemaVersion() + ") for " + type.name());
        }
        while (version < type.schemaVersion()) {
            UnaryOperator<JsonNode> step;
            synchronized (this) {
                step = upcasters.get(type.name() + "@" + version);
            }
            if (step == null) {
                throw new IllegalStateException("no upcaster from version " + version + " of " + type.name());
            }
            data = step.apply(data.deepCopy());
            version++;
        }
        return version == stored.schemaVersion() ? stored : stored.withData(version, data);
    }

    /** The typed event of a stored envelope, upcast first when it was stored with an older schema. */
    public Object toEvent(EventEnvelope stored) {
        EventEnvelope current = upcast(stored);
        try {
            return mapper.treeToValue(current.data(), typeNamed(current.eventType()).javaType());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored event " + stored.eventId() + " does not match its type "
                    + stored.eventType() + ": " + e.getOriginalMessage(), e);
        }
    }
}
