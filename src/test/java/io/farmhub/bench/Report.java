package io.farmhub.bench;

import io.farmhub.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark report: {@code report.json} (machine-readable) and {@code report.md} (for people). */
public final class Report {

    private final List<Figure> figures = new ArrayList<>();

    public synchronized Figure add(Figure figure) {
        figures.add(figure);
        System.out.println("[bench] " + line(figure));
        return figure;
    }

    public synchronized Figure find(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no figure named " + name + " yet"));
    }

    public synchronized void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("report.json").toFile(),
                Map.of("figures", figures));
        StringBuilder md = new StringBuilder("# FarmHub benchmark report\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(". Every figure is measured beside its baseline")
                .append(" in the same run; ratios travel better than absolute numbers on a shared machine.\n\n")
                .append("| figure | value | unit | baseline | baseline value | ratio | goal |\n")
                .append("|---|---:|---|---|---:|---:|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.name()).append(" | ").append(fmt(f.value())).append(" | ").append(f.unit())
                    .append(" | ").append(f.baseline() == null ? "" : f.baseline().name())
                    .append(" | ").append(f.baseline() == null ? "" : fmt(f.baseline().value()))
                    .append(" | ").append(f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()))
                    .append(" | ").append(f.goal() == null ? "" : f.goal()).append(" |\n");
        }
        Files.writeString(dir.resolve("report.md"), md);
    }

    private static String line(Figure f) {
        return f.name() + " = " + fmt(f.value()) + " " + f.unit()
                + (f.baseline() == null ? "" : String.format(Locale.ROOT, " (%.2f × %s = %s)", f.ratio(),
                        f.baseline().name(), fmt(f.baseline().value())));
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
