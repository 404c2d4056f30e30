package io.farmhub.bench;

import io.farmhub.commands.CommandGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;

/**
 * Not a benchmark: records a JFR profile of commands.in-process (or, with a third argument {@code http},
 * commands.http) after a warm-up, for finding where a command's CPU goes; prints each round's rate, CPU per command
 * and how far the read side lags. {@code java -cp ... io.farmhub.bench.ProfileCommands out.jfr [rounds] [http]}
 */
public final class ProfileCommands {

    private ProfileCommands() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/prof/in-process.jfr");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean http = args.length > 2 && args[2].equals("http");
        Path data = Files.createTempDirectory("farmhub-profile");
        try (BenchHub hub = BenchHub.start(data.resolve("hub"))) {
            CommandGateway gateway = hub.gateway();
            HttpSender sender = new HttpSender(hub.commandsUri(), BenchHub.API_KEY, CommandBench.CLIENTS);
            CommandBench.Sender send = http ? sender::send : (c, r) -> CommandBench.accepted(gateway.submit(r), r);
            HerdWorkload herd = new HerdWorkload("hub", 2_000);
            CommandBench.untilCompleted(gateway, herd.fields(), send);
            CommandBench.untilCompleted(gateway, herd.purchases(), send);
            for (int i = 0; i < 3; i++) {
                CommandBench.untilCompleted(gateway, herd.next(2_000), send);
            }
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
                recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(1));
                recording.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(1));
                recording.start();
                for (int i = 0; i < rounds; i++) {
                    long cpu = os.getProcessCpuTime();
                    double rate = CommandBench.untilCompleted(gateway, herd.next(2_000), send);
                    System.out.printf("[profile] round %d: %.0f commands/s, %.0f µs of CPU per command,"
                            + " %d streams behind on the read side%n", i, rate,
                            (os.getProcessCpuTime() - cpu) / 1e3 / 2_000, hub.projectionsBehind());
                }
                recording.stop();
                Files.createDirectories(out.toAbsolutePath().getParent());
                recording.dump(out);
            }
        }
        System.exit(0);
    }
}
