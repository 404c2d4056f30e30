package io.farmhub.web;

import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandStatus;
import io.farmhub.security.User;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/commands/{commandId}/progress}: a {@code text/event-stream} with one {@code step} event per
 * workflow step as the pipeline records it (steps already done are sent first), then one {@code status}
 * event with the whole command status once the command is terminal, and the stream closes.
 */
@RestController
public class CommandProgressController {

    private static final Logger log = LoggerFactory.getLogger(CommandProgressController.class);

    private final CommandGateway gateway;
    private final CommandController commands;
    private final WebProperties web;

    public CommandProgressController(CommandGateway gateway, CommandController commands, WebProperties web) {
        this.gateway = gateway;
        this.commands = commands;
        this.web = web;
    }

    @GetMapping(path = "/api/commands/{commandId}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter progress(@PathVariable String commandId, User user) {
        commands.readable(commandId, user); // 404 or 403 as a plain problem, before the stream opens
        SseEmitter emitter = new SseEmitter(web.progressTimeout().toMillis());
        AtomicInteger stepsSent = new AtomicInteger();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicReference<AutoCloseable> watch = new AtomicReference<>();
        Runnable stopWatching = () -> {
            finished.set(true);
            close(watch.getAndSet(null));
        };
        emitter.onCompletion(stopWatching);
        emitter.onTimeout(() -> {
            stopWatching.run();
            emitter.complete();
        });
        emitter.onError(failure -> stopWatching.run());
        watch.set(gateway.watch(commandId, status -> send(emitter, status, stepsSent, finished)));
        if (finished.get()) {
            close(watch.getAndSet(null)); // terminal already while watch() was still handing its first status
        }
        return emitter;
    }

    /** Called by the pipeline for each change; synchronised so two changes never interleave their events. */
    private static void send(SseEmitter emitter, CommandStatus status, AtomicInteger stepsSent,
            AtomicBoolean finished) {
        synchronized (emitter) {
            if (finished.get()) {
                return;
            }
            try {
                var steps = status.steps() == null ? java.util.List.<CommandStatus.Step>of() : status.steps();
                for (int i = stepsSent.get(); i < steps.size(); i++) {
                    CommandStatus.Step step = steps.get(i);
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("commandId", status.commandId());
                    data.put("state", status.state());
                    data.put("step", step.step());
                    data.put("status", step.status());
                    data.put("at", step.at());
                    if (step.detail() != null) {
                        data.put("detail", step.detail());
                    }
                    emitter.send(SseEmitter.event().name("step").id(String.valueOf(i + 1))
                            .data(data, MediaType.APPLICATION_JSON));
                    stepsSent.set(i + 1);
                }
                if (status.state() != null && status.state().terminal()) {
                    emitter.send(SseEmitter.event().name("status").data(status, MediaType.APPLICATION_JSON));
                    finished.set(true);
                    emitter.complete();
                }
            } catch (IOException | IllegalStateException clientGone) {
                finished.set(true);
                emitter.completeWithError(clientGone);
            }
        }
    }

    private static void close(AutoCloseable watch) {
        if (watch == null) {
            return;
        }
        try {
            watch.close();
        } catch (Exception e) {
            log.debug("Closing a progress watch failed", e);
        }
    }
}
