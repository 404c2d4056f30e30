package io.farmhub.notify;

/** The three notification topics of interfaces.md. */
public enum Topic {
    FARM_EVENTS("farm-events"),
    FARM_PROJECTIONS("farm-projections"),
    FARM_COMMANDS("farm-commands");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }

    public static Topic named(String name) {
        for (Topic t : values()) {
            if (t.topicName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown topic '" + name + "'");
    }
}
