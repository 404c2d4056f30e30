package io.farmhub.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One measured figure beside its baseline from the same run. {@code ratio} is value / baseline value, so a
 * noisy shared machine still yields a comparable number.
 *
 * @param goal what the issue asks for, in words (e.g. "≥ 0.8 × fsync.raw"), shown in the readable report
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure(String name, double value, String unit, Baseline baseline, Double ratio, String goal) {

    public record Baseline(String name, double value) {
    }

    public static Figure of(String name, double value, String unit, String goal) {
        return new Figure(name, value, unit, null, null, goal);
    }

    public static Figure against(String name, double value, String unit, Figure baseline, String goal) {
        double ratio = baseline.value() == 0 ? 0 : value / baseline.value();
        return new Figure(name, value, unit, new Baseline(baseline.name(), baseline.value()), ratio, goal);
    }
}
