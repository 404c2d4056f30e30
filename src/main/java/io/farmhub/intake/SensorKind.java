package io.farmhub.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The reading kinds of interfaces.md and the command each becomes: the subject, the time and the value land in
 * the command's fields, named as in domain.md. Units are checked, not converted: a reading in another unit is
 * refused rather than silently recorded wrong. Besides interfaces.md's {@code °C}, plain {@code C} is accepted
 * (gateways often cannot send a degree sign), and {@code l} beside {@code L}.
 */
enum SensorKind {

    MILK_YIELD("milk-yield", "RecordMilking", List.of("L", "l"), "earTag", "milkedAt", "litres"),
    BARN_TEMPERATURE("barn-temperature", "RecordBarnTemperature", List.of("°C", "C"), "barnCode", "at", "celsius"),
    ENGINE_HOURS("engine-hours", "RecordEngineHours", List.of("h"), "chassisNumber", "at", "engineHours");

    final String kind;
    final String commandType;
    final List<String> units;
    final String subjectField;
    final String atField;
    final String valueField;

    SensorKind(String kind, String commandType, List<String> units, String subjectField, String atField,
            String valueField) {
        this.kind = kind;
        this.commandType = commandType;
        this.units = units;
        this.subjectField = subjectField;
        this.atField = atField;
        this.valueField = valueField;
    }

    static Optional<SensorKind> of(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
    }

    static String known() {
        return "milk-yield, barn-temperature or engine-hours";
    }
}
