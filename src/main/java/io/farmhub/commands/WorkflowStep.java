package io.farmhub.commands;

/** The seven steps of a command's workflow, in the order they run; {@link #label} is the name in the status. */
public enum WorkflowStep {
    LOG_PARAMETERS("log-parameters"),
    AUTHORISE("authorise"),
    VALIDATE("validate"),
    HANDLE("handle"),
    RECORD_EVENTS("record-events"),
    PUBLISH("publish"),
    COMPLETE("complete");

    private final String label;

    WorkflowStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static WorkflowStep labelled(String label) {
        for (WorkflowStep step : values()) {
            if (step.label.equals(label)) {
                return step;
            }
        }
        throw new IllegalArgumentException("unknown workflow step '" + label + "'");
    }
}
